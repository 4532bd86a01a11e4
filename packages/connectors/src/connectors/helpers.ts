/** Small readers over validated option values, shared by the connector modules. */
import type { RuleContext } from './definition.js';

export const lower = (values: ReadonlyMap<string, string>, key: string, fallback: string): string => (values.get(key) ?? fallback).trim().toLowerCase();

export const isTrue = (values: ReadonlyMap<string, string>, key: string, fallback: boolean): boolean =>
  values.has(key) ? values.get(key)!.trim().toLowerCase() === 'true' : fallback;

/** `mode = value` needs `key`. */
export function requireWhen(ctx: RuleContext, modeKey: string, mode: string, needed: string, fallback: string): void {
  if (lower(ctx.values, modeKey, fallback) === mode && !ctx.values.has(needed)) {
    ctx.report({ kind: 'needs', key: modeKey, value: mode, needed }, { key: modeKey });
  }
}

/** All of the keys or none of them. */
export function allOrNone(ctx: RuleContext, keys: readonly string[]): void {
  const given = keys.filter((k) => ctx.values.has(k));
  if (given.length > 0 && given.length < keys.length) {
    ctx.report({ kind: 'together', keys, missing: keys.filter((k) => !ctx.values.has(k)) }, { key: given[0]! });
  }
}

/** Every listed column must be a column of the table (when the table's columns are known). */
export function columnsExist(ctx: RuleContext, key: string, separator: string): void {
  const text = ctx.values.get(key);
  if (!text || !ctx.columns) return;
  for (const column of text.split(separator).map((c) => c.trim()).filter(Boolean)) {
    if (!ctx.columns.includes(column)) ctx.report({ kind: 'unknownColumn', key, column, columns: ctx.columns }, { key });
  }
}
