/**
 * One table's quality declaration as a Flink SQL INSERT: a window TVF aggregation (TUMBLE on the declared time
 * attribute) counting, per window, the rows that pass each dimension's checks, then one result row per
 * dimension and an `overall` row (the weighted score), written to the sink.
 *
 * Scores stay within 0–100: every check is a per-row condition (a row passes it or not) and `unique` counts
 * distinct keys, so no count exceeds the window's rows; over a changelog the window is on event time (quality()
 * refuses processing time there), so a retraction leaves the window that counted its row. A window whose rows
 * were all retracted gives no result (`total_rows > 0`).
 *
 * Bounded state: the window aggregation keeps its accumulators (counts, and for `unique` the distinct keys of
 * the window) only until the window fires, then drops them; freshness is computed per row against the
 * session's LOCALTIMESTAMP / CURRENT_TIMESTAMP and keeps no state. See `monitor-jobs.ts` for the state TTL.
 */
import type { Insert } from '@flinkts/core';
import { FlinktsError, parseStatement, printExpression, quoteIdentifier, quotePath, quoteString } from '@flinkts/core';
import { stripSpans, textFields } from '@flinkts/core/internal';
import { TEXTS } from '../codes.js';
import type { Check, Dimension } from './checks.js';
import { parseDuration, sqlInterval } from './duration.js';
import type { QualityDeclaration } from './quality.js';
import { QUALITY_RESULT_COLUMNS } from './result-table.js';

const q = quoteIdentifier;

function literal(v: string | number | bigint | boolean): string {
  if (typeof v === 'string') return quoteString(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/** The instant a row's delay is measured against: the local wall clock for TIMESTAMP, the instant for TIMESTAMP_LTZ. */
function now(declaration: QualityDeclaration, column: string): string {
  const type = declaration.table.columnTypes.find((c) => c.name === column)?.type;
  return type?.kind === 'TIMESTAMP_LTZ' ? 'CURRENT_TIMESTAMP' : 'LOCALTIMESTAMP';
}

/** A row-level condition that is TRUE when the row passes the check (never NULL). */
function passes(declaration: QualityDeclaration, check: Check): string {
  switch (check.kind) {
    case 'notNull': return `${q(check.column)} IS NOT NULL`;
    case 'rule': return `(${printExpression(check.condition.node)}) IS TRUE`;
    case 'freshness': return `${q(check.column)} IS NOT NULL AND TIMESTAMPDIFF(SECOND, ${q(check.column)}, ${now(declaration, check.column)}) <= ${parseDuration(check.maxDelay, 'freshness').seconds}`;
    case 'matches': return `(${q(check.column)} IS NULL OR REGEXP(${q(check.column)}, ${quoteString(check.regex)}))`;
    case 'inSet': return `(${q(check.column)} IS NULL OR ${q(check.column)} IN (${check.values.map(literal).join(', ')}))`;
    case 'length':
      // A length bound as a regular expression over characters (`[\s\S]`: line breaks count too) — the test
      // CHAR_LENGTH makes, written so that SQL tools whose Flink grammar lacks CHAR_LENGTH (dt-sql-parser) read it.
      return `(${q(check.column)} IS NULL OR REGEXP(${q(check.column)}, ${quoteString(`^[\\s\\S]{${check.min ?? 0},${check.max ?? ''}}$`)}))`;
    case 'unique': throw new Error('unique is a window-level check');
  }
}

/** The key a `unique` check counts distinct values of: the column, or a JSON array of several (NULLs kept). */
function uniqueKey(keys: readonly string[]): string {
  return keys.length === 1 ? q(keys[0]!) : `JSON_ARRAY(${keys.map(q).join(', ')} NULL ON NULL)`;
}

/** The aggregate giving the rows that pass a dimension in a window. */
function passedAggregate(declaration: QualityDeclaration, dimension: Dimension, checks: readonly Check[]): string {
  if (dimension === 'consistency') {
    // Each repeat of a key already seen in the window is a failing row; several unique checks add their repeats.
    const keys = checks.map((c) => uniqueKey((c as Extract<Check, { kind: 'unique' }>).keys));
    // One check: the distinct keys are the passing rows (a NULL key fails, as COUNT(DISTINCT) skips it).
    if (keys.length === 1) return `COUNT(DISTINCT ${keys[0]!})`;
    return `GREATEST(COUNT(*) - ${keys.map((k) => `(COUNT(*) - COUNT(DISTINCT ${k}))`).join(' - ')}, 0)`;
  }
  const sum = `SUM(CASE WHEN ${checks.map((c) => passes(declaration, c)).join(' AND ')} THEN 1 ELSE 0 END)`;
  // Freshness reads the clock, so over a changelog a row's -U can fail it where its insert passed: the -U takes
  // its row out of COUNT(*) but nothing out of the sum. A delay only grows, so such a -U never takes out more than
  // its insert added (the sum stays ≥ 0); the rows it leaves counted as fresh (they were, on arrival) are capped
  // at the window's rows, so the share stays within 0–1.
  return dimension === 'timeliness' && declaration.changelog ? `LEAST(${sum}, COUNT(*))` : sum;
}

/**
 * The INSERT texts of one declaration into the sink at `sinkPath`: one INSERT whose UNION ALL gives every result
 * row, or — for processing-time windows, by default — one INSERT per result row kind. Flink 1.20.1's planner
 * refuses a processing-time window aggregation over an insert-only input whose result feeds a UNION ALL
 * ("Non-mergeable processing time window tvf aggregation is invalid …", found with the real planner); separate
 * INSERTs of one statement set plan and share the source.
 */
export function monitorSqls(pipelineName: string, declaration: QualityDeclaration, sinkPath: readonly string[], options: { readonly split?: boolean } = {}): string[] {
  const parts = monitorParts(pipelineName, declaration);
  const split = options.split ?? declaration.window.processingTime;
  return split ? parts.branches.map((b) => monitorText(parts, sinkPath, [b])) : [monitorText(parts, sinkPath, parts.branches)];
}

/** The single INSERT (UNION ALL of every result row kind) of one declaration. */
export function monitorSql(pipelineName: string, declaration: QualityDeclaration, sinkPath: readonly string[]): string {
  const parts = monitorParts(pipelineName, declaration);
  return monitorText(parts, sinkPath, parts.branches);
}

interface MonitorParts {
  /** The window aggregation's select items. */
  readonly aggregates: readonly string[];
  /** The window TVF it reads. */
  readonly windowed: string;
  /** One SELECT per result row kind (each dimension, then overall). */
  readonly branches: readonly string[];
}

function monitorParts(pipelineName: string, declaration: QualityDeclaration): MonitorParts {
  const d = declaration;
  const freshness = d.dimensions.find((x) => x.dimension === 'timeliness')?.checks.filter((c): c is Extract<Check, { kind: 'freshness' }> => c.kind === 'freshness') ?? [];
  const delays = freshness.map((c) => `TIMESTAMPDIFF(SECOND, ${q(c.column)}, ${now(d, c.column)})`);
  // The largest delay of the window (over several freshness columns, each row's largest).
  const delayExpr = delays.length === 0 ? undefined : delays.length === 1 ? `MAX(${delays[0]!})` : `MAX(GREATEST(${delays.join(', ')}))`;
  const aggregates = [
    `    COUNT(*) AS ${q('total_rows')}`,
    ...d.dimensions.map((x) => `    CAST(${passedAggregate(d, x.dimension, x.checks)} AS BIGINT) AS ${q(`${x.dimension}_passed`)}`),
    ...(delayExpr === undefined ? [] : [`    CAST(${delayExpr} AS BIGINT) AS ${q('max_delay_seconds')}`]),
  ];
  const windowed = `TABLE(TUMBLE(TABLE ${quotePath(d.table.path)}, DESCRIPTOR(${q(d.window.time)}), ${sqlInterval(d.window.size)}))`;
  const rate = (passed: string) => `CAST(${passed} AS DOUBLE) / CAST(${q('total_rows')} AS DOUBLE)`;
  const names = Object.keys(QUALITY_RESULT_COLUMNS);
  // One SELECT per result row kind; every item named after its result column.
  const branch = (dimension: string, values: readonly string[]) =>
    `SELECT ${[quoteString(pipelineName), quoteString(d.label), quoteString(d.layer), quoteString(dimension), q('window_start'), q('window_end'), q('total_rows'), ...values]
      .map((v, i) => `${v} AS ${q(names[i]!)}`).join(', ')}\nFROM ${q('w')}\nWHERE ${q('total_rows')} > 0`;
  const delayOf = (dimension: string) => (delayExpr !== undefined && (dimension === 'timeliness' || dimension === 'overall') ? q('max_delay_seconds') : 'CAST(NULL AS BIGINT)');
  const perDimension = d.dimensions.map((x) => {
    const passed = q(`${x.dimension}_passed`);
    return branch(x.dimension, [passed, `${q('total_rows')} - ${passed}`, rate(passed), `ROUND(100 * ${rate(passed)}, 2)`, delayOf(x.dimension)]);
  });
  const totalWeight = d.dimensions.reduce((s, x) => s + x.weight, 0);
  const weighted = `(${d.dimensions.map((x) => `${x.weight} * ${rate(q(`${x.dimension}_passed`))}`).join(' + ')}) / ${totalWeight}`;
  const overall = branch('overall', ['CAST(NULL AS BIGINT)', 'CAST(NULL AS BIGINT)', weighted, `ROUND(100 * ${weighted}, 2)`, delayOf('overall')]);
  return { aggregates, windowed, branches: [...perDimension, overall] };
}

function monitorText(parts: MonitorParts, sinkPath: readonly string[], branches: readonly string[]): string {
  const names = Object.keys(QUALITY_RESULT_COLUMNS);
  const q = quoteIdentifier;
  // Flink 1.20 takes no WITH directly after INSERT INTO … (columns): the CTE lives in a derived table.
  return [
    `INSERT INTO ${quotePath(sinkPath)} (${names.map(q).join(', ')})`,
    `SELECT ${names.map(q).join(', ')}`,
    'FROM (',
    `WITH ${q('w')} AS (`,
    `  SELECT ${q('window_start')}, ${q('window_end')},`,
    parts.aggregates.join(',\n'),
    `  FROM ${parts.windowed}`,
    `  GROUP BY ${q('window_start')}, ${q('window_end')}`,
    ')',
    branches.join('\nUNION ALL\n'),
    `) AS ${q('r')}`,
  ].join('\n');
}

/** The INSERT nodes of one declaration (see monitorSqls), parsed by flinkts's own front end. */
export function monitorInserts(pipelineName: string, declaration: QualityDeclaration, sinkPath: readonly string[], options: { readonly split?: boolean } = {}): Insert[] {
  return monitorSqls(pipelineName, declaration, sinkPath, options).map((text) => parseInsert(declaration, text));
}

function parseInsert(declaration: QualityDeclaration, text: string): Insert {
  const parsed = parseStatement(text);
  const statement = parsed.statement;
  if (parsed.diagnostics.length > 0 || statement?.kind !== 'Insert') throw new FlinktsError(parsed.diagnostics.length > 0 ? parsed.diagnostics : [{ ...textFields(TEXTS.badQuality({ kind: 'notInsert', label: declaration.label })), severity: 'error', path: `quality.${declaration.label}` }]);
  return stripSpans(statement);
}
