/**
 * Names in a table definition and an INSERT column list that Flink's planner rejects: two columns with one name
 * (FTS4013), a PRIMARY KEY on a column the table does not have (FTS4014), a column listed twice in
 * `INSERT INTO t (a, a)` (FTS4015).
 */
import type { CreateTable, Insert } from '../../ast/statement.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import { NAME_CODES } from '../../plan/name-codes.js';

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
    out.push({ code: NAME_CODES.duplicateColumn, severity: 'error', message: `column '${name}' is defined twice in table '${statement.path.join('.')}'`, hint: 'give every column a different name', ...at(second?.span ?? statement.span) });
  }
  // With LIKE, the key may name a column of the source table: only checked when the columns are all here.
  if (statement.primaryKey !== undefined && statement.like === undefined && statement.asQuery === undefined) {
    for (const key of statement.primaryKey.columns) {
      if (!names.includes(key)) {
        out.push({ code: NAME_CODES.unknownKeyColumn, severity: 'error', message: `the PRIMARY KEY names column '${key}', which table '${statement.path.join('.')}' does not have`, hint: didYouMean(key, names) ?? `columns: ${names.join(', ')}`, ...at(statement.primaryKey.span ?? statement.span) });
      }
    }
    for (const key of duplicates(statement.primaryKey.columns)) {
      out.push({ code: NAME_CODES.duplicateColumn, severity: 'error', message: `the PRIMARY KEY lists column '${key}' twice`, hint: 'list each key column once', ...at(statement.primaryKey.span ?? statement.span) });
    }
  }
  return out;
}

export function checkInsertColumnList(insert: Insert, path: string, file: string | undefined): Diagnostic[] {
  if (insert.columns === undefined) return [];
  return duplicates(insert.columns).map((name) => ({
    code: NAME_CODES.duplicateInsertColumn,
    severity: 'error' as const,
    message: `column '${name}' is listed twice in the INSERT column list`,
    hint: 'list each target column once',
    path,
    ...(insert.span === undefined ? {} : { span: insert.span }),
    ...(file === undefined ? {} : { file }),
  }));
}
