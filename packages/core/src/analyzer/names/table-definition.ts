/**
 * Names in a table definition and an INSERT column list that Flink's planner rejects: two columns with one name
 * (FTS4013), a PRIMARY KEY on a column the table does not have (FTS4014), a column listed twice in
 * `INSERT INTO t (a, a)` (FTS4015).
 */
import type { CreateTable, Insert } from '../../ast/statement.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { textFields } from '../../diagnostics/code-table.js';
import { NAME_TEXTS } from '../../diagnostics/name-codes.js';

function duplicates(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    if (seen.has(n) && !out.includes(n)) out.push(n);
    seen.add(n);
  }
  return out;
}

export function checkTableDefinition(statement: CreateTable, path: string, file: string | undefined): Diagnostic[] {
  const at = (span: CreateTable['span']) => ({ path, ...(span === undefined ? {} : { span }), ...(file === undefined ? {} : { file }) });
  const out: Diagnostic[] = [];
  const names = statement.columns.map((c) => c.name);
  for (const name of duplicates(names)) {
    const second = statement.columns.filter((c) => c.name === name)[1];
    out.push({ ...textFields(NAME_TEXTS.duplicateColumn({ name, table: statement.path.join('.'), in: 'table' })), severity: 'error', ...at(second?.span ?? statement.span) });
  }
  // With LIKE, the key may name a column of the source table: only checked when the columns are all here.
  if (statement.primaryKey !== undefined && statement.like === undefined && statement.asQuery === undefined) {
    for (const key of statement.primaryKey.columns) {
      if (!names.includes(key)) {
        out.push({ ...textFields(NAME_TEXTS.unknownKeyColumn({ key, table: statement.path.join('.'), columns: names })), severity: 'error', ...at(statement.primaryKey.span ?? statement.span) });
      }
    }
    for (const key of duplicates(statement.primaryKey.columns)) {
      out.push({ ...textFields(NAME_TEXTS.duplicateColumn({ name: key, table: statement.path.join('.'), in: 'primaryKey' })), severity: 'error', ...at(statement.primaryKey.span ?? statement.span) });
    }
  }
  return out;
}

export function checkInsertColumnList(insert: Insert, path: string, file: string | undefined): Diagnostic[] {
  if (insert.columns === undefined) return [];
  return duplicates(insert.columns).map((name) => ({
    ...textFields(NAME_TEXTS.duplicateInsertColumn({ name })),
    severity: 'error' as const,
    path,
    ...(insert.span === undefined ? {} : { span: insert.span }),
    ...(file === undefined ? {} : { file }),
  }));
}
