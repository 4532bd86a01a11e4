/**
 * Cross-check helper: validates SQL with dt-sql-parser's FlinkSQL grammar. Loadable only through vitest
 * (dt-sql-parser's ESM build does not resolve under plain Node). dt-sql-parser is not the authority — it
 * rejects some valid Flink syntax (WITH-less DDL, TRY_CAST, EXTRACT, ARRAY[] …) — so tests use it only where
 * its grammar covers the statement.
 */
import { FlinkSQL } from 'dt-sql-parser';

const flink = new FlinkSQL();

/** The error messages dt-sql-parser reports for `sql` (empty when it accepts it). */
export function dtValidate(sql: string): string[] {
  return flink.validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);
}

/** Splits a printed script into statements (on `;` at line ends) for statement-by-statement validation. */
export function splitStatements(script: string): string[] {
  return script
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !/^(--[^\n]*\n?)+$/.test(s))
    .map((s) => (s.endsWith(';') ? s : `${s};`));
}
