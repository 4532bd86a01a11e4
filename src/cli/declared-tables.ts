/**
 * The CREATE TABLE statements a file declares: a SQL script's, or the tables a TypeScript / JavaScript module
 * exports (every exported `table(…)`, and the `tables` of a default-exported pipeline). Used where declarations
 * are compared with something else (`introspect --check`) or lent to a script (`check --tables`).
 */
import { readFileSync } from 'node:fs';
import type { CreateTable, Diagnostic } from '@flinkts/core';
import { configLoadDiagnostics } from './config-error.js';
import { importConfig } from './import-config.js';

export type Declared = { readonly ok: true; readonly tables: readonly CreateTable[] } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const isTable = (x: unknown): x is { readonly statement: CreateTable } =>
  typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'table' && (x as { statement?: { kind?: unknown } }).statement?.kind === 'CreateTable';

export async function declaredTables(file: string): Promise<Declared> {
  if (/\.sql$/i.test(file)) {
    const { parseScript } = await import('@flinkts/core');
    const { script, diagnostics } = parseScript(readFileSync(file, 'utf8'), { file });
    if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
    return { ok: true, tables: script.statements.filter((s): s is CreateTable => s.kind === 'CreateTable') };
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await importConfig(file)) as Record<string, unknown>;
  } catch (e) {
    return { ok: false, diagnostics: configLoadDiagnostics(e, file) };
  }
  const found = new Map<string, CreateTable>();
  const add = (x: unknown): void => {
    if (isTable(x)) found.set(x.statement.path.join('.'), x.statement);
  };
  for (const value of Object.values(mod)) {
    add(value);
    const pipeline = value as { kind?: unknown; spec?: { tables?: unknown } } | null;
    const tables = pipeline?.kind === 'pipeline' ? pipeline.spec?.tables : undefined;
    if (Array.isArray(tables)) tables.forEach(add);
  }
  return { ok: true, tables: [...found.values()] };
}
