/**
 * The diagnostic codes of @flinkts/core with what they mean: the code tables of its stages (analyzer/time,
 * analyzer/changelog, engine/flink — each code declared once, in its table: code-table.ts) and the codes not yet in a
 * table, listed here. @flinkts/connectors and @flinkts/pipelines declare theirs in their own tables; the code
 * reference users look codes up in (docs/diagnostics.md, `scripts/diagnostics-doc.ts`) is made from all of them. A
 * test checks both ways that every code the sources report is declared and that every declared code is reported.
 */
import { CHANGELOG_CODE_TABLE } from '../analyzer/changelog/codes.js';
import { TIME_CODE_TABLE } from '../analyzer/time/codes.js';
import { FLINK_CODE_TABLE } from '../engine/flink/codes.js';
import { BIND_CODE_TABLE } from '../plan/codes.js';
import { MATCH_CODE_TABLE } from '../plan/match-recognize-codes.js';
import { RUNTIME_CODE_TABLE } from '../runtime/codes.js';
import type { DiagnosticCodeInfo } from './code-table.js';

export type { DiagnosticCodeInfo } from './code-table.js';

/** The stage a code belongs to, by its number range (see diagnostic.ts). */
export const DIAGNOSTIC_STAGES: readonly { readonly prefix: string; readonly stage: string }[] = [
  { prefix: 'FTS1', stage: 'SQL text: lexer and parser' },
  { prefix: 'FTS2', stage: 'types, tables and builders (definition time)' },
  { prefix: 'FTS3', stage: 'connectors, formats, catalogs and settings' },
  { prefix: 'FTS40', stage: 'analyzer: names' },
  { prefix: 'FTS41', stage: 'analyzer: INSERT compatibility' },
  { prefix: 'FTS42', stage: 'analyzer: changelog modes' },
  { prefix: 'FTS43', stage: 'analyzer: time attributes' },
  { prefix: 'FTS44', stage: 'analyzer: expression types' },
  { prefix: 'FTS45', stage: 'binder: the bound plan' },
  { prefix: 'FTS6', stage: "analyzer: layers and the table graph of a pipeline's jobs" },
  { prefix: 'FTS7', stage: 'local runtime' },
  { prefix: 'FTS8', stage: 'pipelines, environments and job specs' },
  { prefix: 'FTS9', stage: 'CLI and configuration loading' },
];

export function stageOf(code: string): string {
  return [...DIAGNOSTIC_STAGES].sort((a, b) => b.prefix.length - a.prefix.length).find((s) => code.startsWith(s.prefix))?.stage ?? 'other';
}

const c = (code: string, title: string): DiagnosticCodeInfo => Object.freeze({ code, title });

const LISTED: readonly DiagnosticCodeInfo[] = [
  c('FTS1000', 'The SQL text does not parse: an unexpected token or character, or an unterminated literal or comment.'),
  c('FTS1001', 'A statement does not parse: something else was expected at this point.'),
  c('FTS1002', 'A reserved word of Flink SQL is used as a name without back-quotes.'),
  c('FTS1003', 'Flink SQL that flinkts does not read yet (e.g. MATCH_RECOGNIZE, NATURAL joins, CREATE OR REPLACE TABLE AS).'),
  c('FTS1004', "'ENCRYPTED WITH' is not Flink SQL."),
  c('FTS1005', "'USE DATABASE name' is not Flink SQL (write USE name)."),
  c('FTS1006', 'A statement nests more than 500 levels deep (parentheses, function calls, brackets, CASE, prefix operators, sub-queries): flinkts\'s documented limit (MAX_NESTING_DEPTH), at least what Flink 1.20.1\'s parser takes.'),
  c('FTS1007', 'A SQL file that is not UTF-8 (the byte and its position are named; the file is left untouched).'),
  c('FTS1008', 'An impossible literal: a DATE / TIME / TIMESTAMP / INTERVAL that does not exist, a number over 38 digits or beyond DOUBLE.'),
  c('FTS1009', "An identifier longer than Flink's 256 characters."),
  c('FTS2001', 'A CHAR / VARCHAR / BINARY length out of range.'),
  c('FTS2002', 'A DECIMAL precision or scale out of range.'),
  c('FTS2003', 'A TIME / TIMESTAMP precision out of range.'),
  c('FTS2004', 'An INTERVAL precision out of range.'),
  c('FTS2005', 'A ROW type with two fields of the same name.'),
  c('FTS2101', 'A primary key, partition or watermark names a column the table does not have.'),
  c('FTS2102', 'A primary key column is a computed column.'),
  c('FTS2103', 'A watermark column is not TIMESTAMP(p) / TIMESTAMP_LTZ(p) with p ≤ 3.'),
  c('FTS2105', 'A column is declared twice (as a column and as a computed column).'),
  c('FTS2106', 'A table has no columns.'),
  c('FTS2204', 'A selection names an output column twice.'),
  c('FTS2205', 'LIMIT is not a non-negative integer.'),
  c('FTS2206', 'UNION ALL sides select different numbers of columns.'),
  c('FTS2208', 'topN needs a positive integer n.'),
  c('FTS2209', 'A window / deduplication time column is not a column of the source.'),
  c('FTS2210', 'A window / deduplication time column is not a time attribute.'),
  c('FTS2211', 'ROWS … PRECEDING needs a non-negative integer.'),
  c('FTS2212', 'UNNEST names a column twice.'),
  c('FTS2213', 'A statement set has no INSERT.'),
  c('FTS2214', 'SET without a configuration key.'),
  c('FTS2216', 'A join alias is already used in the query.'),
  c('FTS2301', 'A number that has no SQL literal (NaN, Infinity).'),
  c('FTS2302', 'Text that is not a decimal literal.'),
  c('FTS2303', 'A binary literal that is not an even number of hex digits.'),
  c('FTS2304', 'Text that is not an interval value for its unit.'),
  c('FTS2305', 'An argument of a public API call that has the wrong shape or type (null, undefined, a misspelt key, an empty name …); the message names the call and the argument.'),
  c('FTS2306', 'A plain JavaScript boolean, number or string where an expression is required (o.amount > 0 instead of o.amount.gt(0)).'),
  c('FTS4006', 'A ROW field that does not exist.'),
  c('FTS4008', 'A WITH (CTE) column list whose length differs from its query.'),
  c('FTS4009', "A DESCRIPTOR(…) column that is not a column of the window's input."),
  c('FTS4010', 'A named window (WINDOW w AS …) that is not declared.'),
  c('FTS4012', 'SELECT * without a FROM clause.'),
  c('FTS4013', 'A column defined twice in a table, or a PRIMARY KEY listing a column twice.'),
  c('FTS4014', 'A PRIMARY KEY names a column the table does not have.'),
  c('FTS4015', 'A column listed twice in an INSERT column list.'),
  c('FTS4101', 'An INSERT writes a different number of columns than the sink (or its column list) expects.'),
  c('FTS4102', 'An INSERT value type that Flink does not cast implicitly into the sink column.'),
  c('FTS4103', 'A positional INSERT puts a value into a sink column of another name (warning).'),
  c('FTS4104', 'A nullable value goes into a NOT NULL sink column; Flink fails the job when it is NULL (warning).'),
  c('FTS4105', 'An INSERT into a view.'),
  c('FTS4106', 'An INSERT column list names a column that is not writable (computed or virtual metadata).'),
  c('FTS4107', "An INSERT column list with a SELECT * whose items (a star counting as one) do not match it: Flink 1.20 rejects it."),
  c('FTS4401', 'An operator applied to types Flink does not convert implicitly (e.g. INT = STRING).'),
  c('FTS4402', 'A unary minus / plus on a value that is not numeric or an interval.'),
  c('FTS4403', 'A CASE WHEN condition that is not BOOLEAN.'),
  c('FTS4404', 'A function called with arguments no signature of it accepts, or an unknown function.'),
  c('FTS4405', 'f(*) for a function other than COUNT.'),
  c('FTS4406', 'A function or operator argument Flink does not take there: a type outside the function\'s families (IS JSON on a number, MD5 of an INT), an untyped NULL where a type is needed, a non-literal LISTAGG separator.'),
  c('FTS4407', 'ARRAY[…] elements without a common type.'),
  c('FTS4408', 'UNION / INTERSECT / EXCEPT sides with different column counts.'),
  c('FTS4409', 'UNION / INTERSECT / EXCEPT columns without a common type.'),
  c('FTS4410', 'An aggregate in WHERE.'),
  c('FTS4411', 'A selected expression that is neither grouped nor aggregated.'),
  c('FTS4412', 'NOT on a value that is not BOOLEAN.'),
  c('FTS4413', 'LIKE / SIMILAR TO on values that are not character strings.'),
  c('FTS4414', 'The sub-query of IN returns more than one column.'),
  c('FTS4415', 'A scalar sub-query that returns more than one column.'),
  c('FTS4416', 'OVER on a function that is not an aggregate or window function.'),
  c('FTS4417', 'A window function (ROW_NUMBER, RANK, …) without OVER.'),
  c('FTS4418', 'A windowed aggregate (… OVER) in WHERE.'),
  c('FTS4419', 'Nested aggregates.'),
  c('FTS4420', 'A field access on a value that is not a ROW.'),
  c('FTS4421', 'An ARRAY indexed by something other than an integer.'),
  c('FTS4422', 'VALUES rows with different numbers of columns.'),
  c('FTS4423', 'UNNEST of a value that is not an ARRAY, MULTISET or MAP.'),
  c('FTS4424', 'An aggregate in GROUP BY.'),
  c('FTS4425', 'A column alias list whose length differs from the table.'),
  c('FTS4426', 'A CAST / TRY_CAST Flink does not support between these types.'),
  c('FTS4499', 'A statement nested too deeply to be checked.'),
  c('FTS6001', 'A job writes a layer from a layer it may not read (ods → dim/dwd → dws → ads).'),
  c('FTS6002', "The pipeline's tables form a cycle across jobs."),
  c('FTS6003', 'A table is written by several jobs (warning).'),
  c('FTS6004', 'Two jobs declare the same table differently.'),
  c('FTS9001', 'The pipeline config threw or did not compile while loading (reported at its file and line).'),
  c('FTS9002', 'The config module has no default export made with pipeline(…).'),
  c('FTS9101', "flinkts fmt refused a file: formatting would change its meaning or comments."),
  c('FTS9102', 'flinkts fmt failed on a file (a flinkts bug; the file is left as it is).'),
  c('FTS9110', 'An environment name or artifact path segment that is not file-name-safe (nothing may be written outside --out).'),
  c('FTS9111', '--out names an existing file, not a folder.'),
];

/** Sorted by code. */
export function sortedCodes(lists: readonly (readonly DiagnosticCodeInfo[])[]): readonly DiagnosticCodeInfo[] {
  return Object.freeze(lists.flat().sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
}

/** Every code of @flinkts/core, sorted. */
export const DIAGNOSTIC_CODES: readonly DiagnosticCodeInfo[] = sortedCodes([LISTED, TIME_CODE_TABLE.entries, CHANGELOG_CODE_TABLE.entries, FLINK_CODE_TABLE.entries, BIND_CODE_TABLE.entries, MATCH_CODE_TABLE.entries, RUNTIME_CODE_TABLE.entries]);
