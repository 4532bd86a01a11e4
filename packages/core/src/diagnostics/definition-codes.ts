/**
 * Diagnostic codes of definition time (FTS2xxx): types, tables, builders and the arguments of public API calls.
 * `DEFINITION_TEXTS.badTopN({ n })` gives the code, message and hint, so each code's wording lives here.
 */
import { codeTable, template } from './code-table.js';
import { describeValue } from './describe-value.js';
import { didYouMean } from './did-you-mean.js';

/** A type parameter outside its range (FTS2001–FTS2004): `what` names it ('VARCHAR length', 'DECIMAL scale'). */
interface RangePayload {
  readonly what: string;
  readonly value: number;
  readonly min: number;
  readonly max: number;
}

const range = template(
  (p: RangePayload) => `${p.what} must be an integer from ${p.min} to ${p.max}, got ${p.value}`,
  (p) => `use a value between ${p.min} and ${p.max}`,
);

/**
 * A public API argument of the wrong shape (FTS2305; the pipelines' FTS8005 is worded the same): a value that is not
 * what `call` takes, keys the argument does not have, SQL text with interpolations, a statement of the wrong kind.
 */
export type ArgumentPayload =
  | { readonly kind: 'wrongValue'; readonly call: string; readonly argument: string; readonly expected: string; readonly got: unknown; readonly hint?: string }
  | { readonly kind: 'unknownKeys'; readonly call: string; readonly argument: string; readonly keys: readonly string[] }
  | { readonly kind: 'interpolated'; readonly call: string }
  | { readonly kind: 'notInsert'; readonly got: string };

/** What a plain JavaScript value where an expression is required usually comes from, by its typeof. */
const PLAIN_VALUE_HINTS: Readonly<Record<string, string>> = {
  boolean: 'a JavaScript comparison or logic (o.amount > 0, a && b) gives a plain boolean and drops the condition; use the expression methods: o.amount.gt(0), a.and(b), a.not()',
  number: 'JavaScript arithmetic (a + b) gives a plain number; use the expression methods (a.plus(b)), or lit(42) for a literal',
  string: 'a template string or + gives a plain string; use a.concat(b), or lit(\'…\') for a string literal',
  undefined: 'the callback returned nothing, or named a column that does not exist; return the expression',
};

export const DEFINITION_CODE_TABLE = codeTable({
  stringLength: ['FTS2001', 'A CHAR / VARCHAR / BINARY length out of range.', range],
  decimalPrecision: ['FTS2002', 'A DECIMAL precision or scale out of range.', range],
  timePrecision: ['FTS2003', 'A TIME / TIMESTAMP precision out of range.', range],
  intervalPrecision: ['FTS2004', 'An INTERVAL precision out of range.', range],
  duplicateRowField: ['FTS2005', 'A ROW type with two fields of the same name.', template(
    (p: { readonly field: string }) => `the ROW type has two fields named '${p.field}'`,
    () => 'give every field of a ROW a different name',
  )],
  unknownKeyColumn: ['FTS2101', 'A primary key, partition or watermark names a column the table does not have.', template(
    (p: { readonly role: 'primary key' | 'partition' | 'watermark'; readonly column: string; readonly table: string; readonly columns: readonly string[] }) =>
      `${p.role} column '${p.column}' is not a column of table '${p.table}'`,
    (p) => didYouMean(p.column, p.columns) ?? `declare '${p.column}' in columns`,
  )],
  computedKeyColumn: ['FTS2102', 'A primary key column is a computed column.', template(
    (p: { readonly column: string }) => `primary key column '${p.column}' is a computed column`,
    () => 'a PRIMARY KEY may only contain physical columns',
  )],
  badWatermarkColumn: ['FTS2103', 'A watermark column is not TIMESTAMP(p) / TIMESTAMP_LTZ(p) with p ≤ 3.', template(
    (p: { readonly column: string }) => `watermark column '${p.column}' must be TIMESTAMP(p) or TIMESTAMP_LTZ(p) with p ≤ 3`,
    () => 'declare it as t.timestamp(3) or t.timestampLtz(3), or compute one with fn.toTimestampLtz(…, 3)',
  )],
  duplicateColumn: ['FTS2105', 'A column is declared twice (as a column and as a computed column).', template(
    (p: { readonly column: string }) => `column '${p.column}' is declared twice (as a column and as a computed column)`,
    () => 'rename one of them',
  )],
  noColumns: ['FTS2106', 'A table has no columns.', template(
    (p: { readonly table: string }) => `table '${p.table}' has no columns`,
    () => 'declare at least one column, or use createTableLike(…) to copy another table',
  )],
  duplicateOutputColumn: ['FTS2204', 'A selection names an output column twice.', template(
    (p: { readonly column: string }) => `the selection names column '${p.column}' twice`,
    () => "rename one of them with .as('…')",
  )],
  badLimit: ['FTS2205', 'LIMIT is not a non-negative integer.', template(
    (p: { readonly got?: number }) => p.got === undefined ? 'LIMIT / OFFSET must be a non-negative integer literal' : `LIMIT must be a non-negative integer, got ${p.got}`,
    (p) => p.got === undefined ? 'write a whole number such as 10 (not an expression or a parameter)' : 'pass a whole number such as 10',
  )],
  unionColumnCount: ['FTS2206', 'UNION ALL sides select different numbers of columns.', template(
    (p: { readonly left: number; readonly right: number }) => `UNION ALL needs the same number of columns on both sides, got ${p.left} and ${p.right}`,
    () => 'select the same columns in both queries',
  )],
  badTopN: ['FTS2208', 'topN needs a positive integer n.', template(
    (p: { readonly n: number }) => `topN needs a positive integer n, got ${p.n}`,
    () => 'keep at least one row per key, e.g. n: 3',
  )],
  timeColumnMissing: ['FTS2209', 'A window / deduplication time column is not a column of the source.', template(
    (p: { readonly window: string; readonly column: string; readonly columns: readonly string[] }) => `${p.window} time column '${p.column}' is not a column of the source`,
    (p) => didYouMean(p.column, p.columns) ?? `columns: ${p.columns.join(', ')}`,
  )],
  notTimeAttribute: ['FTS2210', 'A window / deduplication time column is not a time attribute.', template(
    (p: { readonly window: string; readonly column: string; readonly type: string }) => `${p.window} time column '${p.column}' is ${p.type}, not a time attribute`,
    () => 'use a TIMESTAMP(3) / TIMESTAMP_LTZ(3) column with a watermark, or a PROCTIME() column',
  )],
  badPreceding: ['FTS2211', 'ROWS … PRECEDING needs a non-negative integer.', template(
    (p: { readonly n: number }) => `ROWS … PRECEDING needs a non-negative integer, got ${p.n}`,
    () => 'count rows back from the current row, e.g. rowsPreceding(10)',
  )],
  duplicateUnnestName: ['FTS2212', 'UNNEST names a column twice.', template(
    (p: { readonly column: string }) => `UNNEST names column '${p.column}' twice`,
    () => 'give every unnested column its own name',
  )],
  noInsert: ['FTS2213', 'A statement set has no INSERT.', template(
    (_: object) => 'a statement set needs at least one INSERT',
    () => 'pass the INSERT statements of the job: statementSet(insertInto(…), …)',
  )],
  setWithoutKey: ['FTS2214', 'SET without a configuration key.', template(
    (_: object) => 'SET needs a configuration key',
    () => "name the option, e.g. set('parallelism.default', '2')",
  )],
  duplicateJoinAlias: ['FTS2216', 'A join alias is already used in the query.', template(
    (p: { readonly alias: string; readonly inScope: readonly string[] }) => `alias '${p.alias}' is already used in this query`,
    (p) => `give the joined relation another alias (in scope: ${p.inScope.join(', ')})`,
  )],
  noSqlNumber: ['FTS2301', 'A number that has no SQL literal (NaN, Infinity).', template(
    (p: { readonly value: number }) => `cannot write ${p.value} as a SQL literal`,
    (p) => `Flink has no literal for it; use cast(lit('${p.value}'), t.double())`,
  )],
  notDecimal: ['FTS2302', 'Text that is not a decimal literal.', template(
    (p: { readonly text: string }) => `'${p.text}' is not a decimal literal`,
    () => "write digits with an optional sign and fraction, e.g. '-12.340'",
  )],
  badBinaryLiteral: ['FTS2303', 'A binary literal that is not an even number of hex digits.', template(
    (p: { readonly hex: string }) => `'${p.hex}' is not an even number of hex digits`,
    () => "write two hex digits per byte, e.g. '0AFF'",
  )],
  badInterval: ['FTS2304', 'Text that is not an interval value for its unit.', template(
    (p: { readonly text: string; readonly unit: string }) => `'${p.text}' is not an interval value for ${p.unit}`,
    () => "write the quoted part of the literal, e.g. '10', '1-2' (YEAR TO MONTH) or '1 02:00:00' (DAY TO SECOND)",
  )],
  badArgument: ['FTS2305', 'An argument of a public API call that has the wrong shape or type (null, undefined, a misspelt key, an empty name …); the message names the call and the argument.', template(
    (p: ArgumentPayload) => {
      switch (p.kind) {
        case 'wrongValue': return `${p.call}: ${p.argument} must be ${p.expected}, got ${describeValue(p.got)}`;
        case 'unknownKeys': return `${p.call}: ${p.argument} has no key ${p.keys.map((k) => `'${k}'`).join(', ')}`;
        case 'interpolated': return `${p.call} takes SQL text without \${…} interpolations`;
        case 'notInsert': return `sqlInsert takes an INSERT statement, got ${p.got}`;
      }
    },
    (p) => {
      switch (p.kind) {
        case 'wrongValue': return p.hint ?? `pass ${p.expected}`;
        case 'unknownKeys': return 'remove it, or check its spelling against the documented keys';
        case 'interpolated': return 'write the whole text, or build the query with from(…)';
        case 'notInsert': return 'use sqlStatement for other statements';
      }
    },
  )],
  plainValue: ['FTS2306', 'A plain JavaScript boolean, number or string where an expression is required (o.amount > 0 instead of o.amount.gt(0)).', template(
    (p: { readonly call: string; readonly got: unknown }) => `${p.call} needs a flinkts expression, got ${describeValue(p.got)}`,
    (p) => PLAIN_VALUE_HINTS[p.got === null ? 'undefined' : typeof p.got] ?? 'build it with the column expressions the callback receives, fn.*, lit(…) or cast(…)',
  )],
});

export const DEFINITION_CODES = DEFINITION_CODE_TABLE.codes;
export const DEFINITION_TEXTS = DEFINITION_CODE_TABLE.texts;
