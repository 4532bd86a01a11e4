/** Turns a typed options object into WITH entries (exact keys, final text values). */
import { checkOptionsObject } from './arguments.js';
import type { Diagnostic } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import type { FormatRef } from '../formats/format.js';
import { TEXTS } from './codes.js';
import type { Entry } from './validate.js';
import { keyPath } from './validate.js';
import { Secret } from './values.js';

export interface Converted {
  readonly entries: Entry[];
  /** Keys given as arrays / objects (only list / map options take those). */
  readonly shapes: ReadonlyMap<string, ValueShape>;
  readonly diagnostics: Diagnostic[];
}

const FORMAT_KEYS: Readonly<Record<string, string>> = { format: '', 'value.format': 'value.', 'key.format': 'key.' };

const isFormat = (v: unknown): v is FormatRef => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'format';

/**
 * The factory a path names, as JavaScript spells it: `mysql-cdc()` → `mysqlCdc()`, `format avro-confluent` →
 * `avroConfluent()`, `generic_in_memoryCatalog()` → `genericInMemoryCatalog()`, `settings` → `settings()`.
 */
function factoryCall(path: string): string {
  const name = path.replace(/^format /, '').replace(/\(\)$/, '');
  return `${name.replace(/[-_.]+(\w)/g, (_, c: string) => c.toUpperCase())}()`;
}

/** The JavaScript kind of a value that is not a string: checked against the option's type after validation. */
export type ValueShape = 'array' | 'object' | 'number' | 'boolean';

export function toEntries(input: Readonly<Record<string, unknown>>, path: string): Converted {
  checkOptionsObject(factoryCall(path), 'options', input);
  const entries: Entry[] = [];
  const shapes = new Map<string, ValueShape>();
  const diagnostics: Diagnostic[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue;
    if (isFormat(value)) {
      const prefix = FORMAT_KEYS[key];
      if (prefix === undefined) {
        diagnostics.push({ ...textFields(TEXTS.invalidValue({ kind: 'noFormat', key })), severity: 'error', path: keyPath(path, key) });
        continue;
      }
      entries.push({ key, value: value.identifier });
      for (const o of value.options) entries.push({ key: `${prefix}${value.identifier}.${o.key}`, value: o.value });
      continue;
    }
    const text = toText(value);
    if (text === undefined) {
      diagnostics.push({ ...textFields(TEXTS.invalidValue({ kind: 'notText', key, received: describe(value) })), severity: 'error', path: keyPath(path, key) });
      continue;
    }
    if (Array.isArray(value)) shapes.set(key, 'array');
    else if (typeof value === 'object' && !(value instanceof Secret)) shapes.set(key, 'object');
    else if (typeof value === 'number' || typeof value === 'bigint') shapes.set(key, 'number');
    else if (typeof value === 'boolean') shapes.set(key, 'boolean');
    entries.push({ key, value: text });
  }
  return { entries, shapes, diagnostics };
}

function toText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Secret) return value.toString();
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? value.join(';') : undefined;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const pairs = Object.entries(value as Record<string, unknown>);
    return pairs.every(([, v]) => typeof v === 'string') ? pairs.map(([k, v]) => `${k}:${String(v)}`).join(',') : undefined;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return Array.isArray(value) ? 'an array with non-string items' : 'an object';
  return `${typeof value} ${String(value)}`;
}
