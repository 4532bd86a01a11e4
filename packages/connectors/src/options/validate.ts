/**
 * Validates WITH entries against one or more option sets (the connector's own options, its formats'):
 * unknown keys (with the closest real key), deprecated aliases, value syntax, credentials and required keys.
 */
import type { Diagnostic, Severity } from '@flinkts/core';
import { closest, textFields } from '@flinkts/core';
import { TEXTS } from './codes.js';
import type { KeyMatch, OptionSet } from './option-set.js';
import { checkValue } from './parse.js';
import { isSensitive } from './sensitive.js';
import { PLACEHOLDER } from './values.js';
import { embeddedCredential } from './embedded-credentials.js';

export interface Entry {
  readonly key: string;
  readonly value: string;
}

export interface ValidateOptions {
  /** Where the options are declared, e.g. `tables.orders.with`. */
  readonly path?: string;
  /** `the 'kafka' connector`, `the 'json' format`, … used in messages. */
  readonly what: string;
  /** Severity for unknown keys (`warning` for Paimon, which ignores unknown keys). */
  readonly unknownKeys?: Severity;
  /** Keys that are handled by the caller (e.g. `connector`, `type`). */
  readonly reserved?: readonly string[];
}

export interface ValidatedEntry extends Entry {
  readonly match?: KeyMatch;
}

export interface ValidationResult {
  readonly diagnostics: Diagnostic[];
  /** Entries in input order, aliases replaced by their current key. */
  readonly entries: ValidatedEntry[];
  /** Current key → value (last one wins; duplicates are reported). */
  readonly values: ReadonlyMap<string, string>;
}

export const keyPath = (path: string | undefined, key: string): string => `${path ?? 'options'}['${key}']`;

export function validateEntries(input: readonly Entry[], sets: readonly OptionSet[], options: ValidateOptions): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const entries: ValidatedEntry[] = [];
  const values = new Map<string, string>();
  const reserved = new Set(options.reserved ?? []);
  for (const entry of input) {
    const at = keyPath(options.path, entry.key);
    if (reserved.has(entry.key)) {
      entries.push(entry);
      continue;
    }
    let match: KeyMatch | undefined;
    for (const set of sets) {
      match = set.match(entry.key);
      if (match) break;
    }
    const closedSet = sets.find((s) => s.closed !== undefined && entry.key.startsWith(s.prefix));
    if (closedSet && !closedSet.match(entry.key)) {
      const near = closest(entry.key, closedSet.candidates(entry.key));
      const passedThrough = match !== undefined;
      diagnostics.push({
        ...textFields(TEXTS.unknownKey({ kind: 'closedSet', catalog: closedSet.catalog.identifier, option: entry.key.slice(closedSet.prefix.length), key: entry.key, passedThrough, ...(near ? { near } : {}), known: closedSet.known() })),
        severity: closedSet.closed!,
        path: at,
      });
      if (!passedThrough) {
        entries.push(entry);
        continue;
      }
    } else if (!match) {
      const candidates = sets.flatMap((s) => s.candidates(entry.key));
      const near = closest(entry.key, candidates);
      diagnostics.push({
        ...textFields(TEXTS.unknownKey({ kind: 'unknown', what: options.what, key: entry.key, ignored: options.unknownKeys === 'warning', ...(near ? { near } : {}), known: sets.flatMap((s) => s.known()) })),
        severity: options.unknownKeys ?? 'error',
        path: at,
      });
      entries.push(entry);
      if (options.unknownKeys === 'warning') values.set(entry.key, entry.value);
      continue;
    }
    if (!match) {
      entries.push(entry);
      continue;
    }
    if (match.deprecatedAlias) {
      diagnostics.push({ ...textFields(TEXTS.deprecatedKey({ key: entry.key, what: options.what, replacement: match.key })), severity: 'warning', path: at });
    }
    if (match.spec.deprecated === true) {
      diagnostics.push({ ...textFields(TEXTS.deprecatedKey({ key: entry.key, what: options.what, description: match.spec.description })), severity: 'warning', path: at });
    }
    if (values.has(match.key)) {
      diagnostics.push({ ...textFields(TEXTS.duplicateKey({ kind: 'option', key: match.key })), severity: 'error', path: at });
    }
    const problem = checkValue(match.spec, entry.value);
    if (problem) {
      diagnostics.push({
        ...textFields(TEXTS.invalidValue({ kind: 'parse', key: entry.key, received: entry.value, problem, ...(match.spec.default !== undefined ? { default: String(match.spec.default) } : {}) })),
        severity: 'error',
        path: at,
      });
    }
    if (isSensitive(entry.key, match.spec)) checkSecret(entry, at, diagnostics);
    else checkEmbeddedCredential(entry, at, diagnostics);
    values.set(match.key, entry.value);
    entries.push({ key: match.key, value: entry.value, match });
  }
  return { diagnostics, entries, values };
}

/** A credential must be a `${NAME}` placeholder; `properties.sasl.jaas.config` may embed placeholders. */
export function checkSecret(entry: Entry, at: string, diagnostics: Diagnostic[]): void {
  const value = entry.value.trim();
  if (value === '' || PLACEHOLDER.test(value)) return;
  if (/jaas\.config$/.test(entry.key) && !/password\s*=\s*"(?!\$\{[^}]+\}")/i.test(value)) return;
  diagnostics.push({ ...textFields(TEXTS.plaintextSecret({ kind: 'option', key: entry.key, jaas: /jaas\.config$/.test(entry.key) })), severity: 'error', path: at });
}

/** A value that is not a credential option but carries one (a URL with user:password@, a `password=` parameter). */
export function checkEmbeddedCredential(entry: Entry, at: string, diagnostics: Diagnostic[]): void {
  const where = embeddedCredential(entry.value);
  if (where === undefined) return;
  diagnostics.push({ ...textFields(TEXTS.plaintextSecret({ kind: 'embedded', key: entry.key, where })), severity: 'error', path: at });
}

/** Reports options the factory requires that are missing. */
export function missingRequired(sets: readonly OptionSet[], values: ReadonlyMap<string, string>, options: ValidateOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const set of sets) {
    for (const spec of set.required()) {
      const key = set.prefix + spec.key;
      if (!values.has(key)) {
        out.push({ ...textFields(TEXTS.missingRequired({ kind: 'option', what: options.what, key, ...(spec.description === undefined ? {} : { description: spec.description }) })), severity: 'error', path: options.path ?? 'options' });
      }
    }
  }
  return out;
}
