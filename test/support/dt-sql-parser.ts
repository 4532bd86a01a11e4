/**
 * Cross-check helper: validates SQL with dt-sql-parser's FlinkSQL grammar. Loadable only through vitest
 * (dt-sql-parser's ESM build does not resolve under plain Node). Only the Flink grammar is imported: the package's
 * index pulls in every dialect's generated parser, which vitest would transform for each test file (about 15 s and
 * 400 MB per example folder). dt-sql-parser is not the authority — it
 * rejects some valid Flink syntax (WITH-less DDL, TRY_CAST, EXTRACT, ARRAY[] …) — so tests use it only where
 * its grammar covers the statement.
 */
import { FlinkSQL } from 'dt-sql-parser/dist/parser/flink/index.js';

const flink = new FlinkSQL();

/** The error messages dt-sql-parser reports for `sql` (empty when it accepts it). */
export function dtValidate(sql: string): string[] {
  return flink.validate(sql).map((e) => `${e.startLine}:${e.startColumn} ${e.message}`);
}

export { splitStatements } from './split-statements.js';
