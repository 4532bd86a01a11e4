/** Diagnostic codes of definition time (FTS2xxx): types, tables, builders and the arguments of public API calls. */
import { codeTable } from './code-table.js';

export const DEFINITION_CODE_TABLE = codeTable({
  stringLength: ['FTS2001', 'A CHAR / VARCHAR / BINARY length out of range.'],
  decimalPrecision: ['FTS2002', 'A DECIMAL precision or scale out of range.'],
  timePrecision: ['FTS2003', 'A TIME / TIMESTAMP precision out of range.'],
  intervalPrecision: ['FTS2004', 'An INTERVAL precision out of range.'],
  duplicateRowField: ['FTS2005', 'A ROW type with two fields of the same name.'],
  unknownKeyColumn: ['FTS2101', 'A primary key, partition or watermark names a column the table does not have.'],
  computedKeyColumn: ['FTS2102', 'A primary key column is a computed column.'],
  badWatermarkColumn: ['FTS2103', 'A watermark column is not TIMESTAMP(p) / TIMESTAMP_LTZ(p) with p ≤ 3.'],
  duplicateColumn: ['FTS2105', 'A column is declared twice (as a column and as a computed column).'],
  noColumns: ['FTS2106', 'A table has no columns.'],
  duplicateOutputColumn: ['FTS2204', 'A selection names an output column twice.'],
  badLimit: ['FTS2205', 'LIMIT is not a non-negative integer.'],
  unionColumnCount: ['FTS2206', 'UNION ALL sides select different numbers of columns.'],
  badTopN: ['FTS2208', 'topN needs a positive integer n.'],
  timeColumnMissing: ['FTS2209', 'A window / deduplication time column is not a column of the source.'],
  notTimeAttribute: ['FTS2210', 'A window / deduplication time column is not a time attribute.'],
  badPreceding: ['FTS2211', 'ROWS … PRECEDING needs a non-negative integer.'],
  duplicateUnnestName: ['FTS2212', 'UNNEST names a column twice.'],
  noInsert: ['FTS2213', 'A statement set has no INSERT.'],
  setWithoutKey: ['FTS2214', 'SET without a configuration key.'],
  duplicateJoinAlias: ['FTS2216', 'A join alias is already used in the query.'],
  noSqlNumber: ['FTS2301', 'A number that has no SQL literal (NaN, Infinity).'],
  notDecimal: ['FTS2302', 'Text that is not a decimal literal.'],
  badBinaryLiteral: ['FTS2303', 'A binary literal that is not an even number of hex digits.'],
  badInterval: ['FTS2304', 'Text that is not an interval value for its unit.'],
  badArgument: ['FTS2305', 'An argument of a public API call that has the wrong shape or type (null, undefined, a misspelt key, an empty name …); the message names the call and the argument.'],
  plainValue: ['FTS2306', 'A plain JavaScript boolean, number or string where an expression is required (o.amount > 0 instead of o.amount.gt(0)).'],
});

export const DEFINITION_CODES = DEFINITION_CODE_TABLE.codes;
