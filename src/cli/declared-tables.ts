/**
 * The declarations a file holds, as statements: a SQL script's CREATE CATALOG / TABLE / VIEW statements, or what a
 * TypeScript / JavaScript module exports (every `table(…)`, `view(…)` and `catalog(…)`, and the tables and
 * catalogs of a default-exported pipeline); a folder means its flinkts.config.*. Used where declarations are
 * compared with something else (`introspect --check`) or lent to a script (`check --tables`).
 */
import { readFileSync, statSync } from 'node:fs';
import type { CreateCatalog, CreateTable, CreateView, Diagnostic } from '@flinkts/core';
import { configLoadDiagnostics } from './config-error.js';
import { importConfig } from './import-config.js';
import { configFile } from './load-pipeline.js';
import { textFields } from '@flinkts/core/internal';
import { CLI_TEXTS } from './codes.js';

export type Declaration = CreateCatalog | CreateTable | CreateView;
export type Declared = { readonly ok: true; readonly statements: readonly Declaration[] } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const DECLARATION_KINDS = new Set(['CreateCatalog', 'CreateTable', 'CreateView']);
const declarationOf = (x: unknown): Declaration | undefined => {
  if (typeof x !== 'object' || x === null) return undefined;
  const kind = (x as { kind?: unknown }).kind;
  if (kind !== 'table' && kind !== 'view' && kind !== 'catalog') return undefined;
  const toStatement = (x as { toStatement?: unknown }).toStatement;
  const statement = typeof toStatement === 'function' ? (toStatement as () => unknown).call(x) : undefined;
  return typeof statement === 'object' && statement !== null && DECLARATION_KINDS.has((statement as { kind: string }).kind) ? (statement as Declaration) : undefined;
};

export async function declaredStatements(path: string): Promise<Declared> {
  let file = path;
  try {
    if (statSync(path).isDirectory()) {
      const config = configFile(path, undefined);
      if (config === undefined) return { ok: false, diagnostics: [{ ...textFields(CLI_TEXTS.noPipelineExport({ kind: 'noConfig', path })), severity: 'error' }] };
      file = config;
    }
  } catch {
    return { ok: false, diagnostics: [{ ...textFields(CLI_TEXTS.noPipelineExport({ kind: 'missing', path })), severity: 'error' }] };
  }
  if (/\.sql$/i.test(file)) {
    const { parseScript } = await import('@flinkts/core');
    const { script, diagnostics } = parseScript(readFileSync(file, 'utf8'), { file });
    if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
    return { ok: true, statements: script.statements.filter((s): s is Declaration => DECLARATION_KINDS.has(s.kind)) };
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await importConfig(file)) as Record<string, unknown>;
  } catch (e) {
    return { ok: false, diagnostics: configLoadDiagnostics(e, file) };
  }
  const found = new Map<unknown, Declaration>();
  const add = (x: unknown): void => {
    const d = declarationOf(x);
    if (d !== undefined) found.set(d, d);
  };
  for (const value of Object.values(mod)) {
    const pipeline = value as { kind?: unknown; spec?: { tables?: unknown; catalogs?: unknown } } | null;
    if (pipeline?.kind === 'pipeline') {
      for (const list of [pipeline.spec?.catalogs, pipeline.spec?.tables]) if (Array.isArray(list)) list.forEach(add);
    } else add(value);
  }
  // Catalogs first: a table created in a catalog needs it to exist.
  const all = [...found.values()];
  return { ok: true, statements: [...all.filter((s) => s.kind === 'CreateCatalog'), ...all.filter((s) => s.kind !== 'CreateCatalog')] };
}

export async function declaredTables(path: string): Promise<{ readonly ok: true; readonly tables: readonly CreateTable[] } | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] }> {
  const declared = await declaredStatements(path);
  return declared.ok ? { ok: true, tables: declared.statements.filter((s): s is CreateTable => s.kind === 'CreateTable') } : declared;
}
