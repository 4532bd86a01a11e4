/**
 * One table's quality declaration as a Flink SQL INSERT: a window TVF aggregation (TUMBLE on the declared time
 * attribute) counting, per window, the rows that pass each dimension's checks, then one result row per
 * dimension and an `overall` row (the weighted score), written to the sink.
 *
 * Bounded state: the window aggregation keeps its accumulators (counts, and for `unique` the distinct keys of
 * the window) only until the window fires, then drops them; freshness is computed per row against the
 * session's LOCALTIMESTAMP / CURRENT_TIMESTAMP and keeps no state. See `monitor-jobs.ts` for the state TTL.
 */
import type { Insert } from '@flinkts/core';
import { FlinktsError, parseStatement, stripSpans, printExpression, quoteIdentifier, quotePath, quoteString } from '@flinkts/core';
import { CODES } from '../codes.js';
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
    const repeats = checks.map((c) => `(COUNT(*) - COUNT(DISTINCT ${uniqueKey((c as Extract<Check, { kind: 'unique' }>).keys)}))`);
    return `GREATEST(COUNT(*) - ${repeats.join(' - ')}, 0)`;
  }
  return `SUM(CASE WHEN ${checks.map((c) => passes(declaration, c)).join(' AND ')} THEN 1 ELSE 0 END)`;
}

/** The INSERT text of one declaration into the sink at `sinkPath`. */
export function monitorSql(pipelineName: string, declaration: QualityDeclaration, sinkPath: readonly string[]): string {
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
  const head = (dimension: string) => `SELECT ${quoteString(pipelineName)}, ${quoteString(d.label)}, ${quoteString(d.layer)}, ${quoteString(dimension)}, ${q('window_start')}, ${q('window_end')}, ${q('total_rows')}`;
  const delayOf = (dimension: string) => (delayExpr !== undefined && (dimension === 'timeliness' || dimension === 'overall') ? q('max_delay_seconds') : 'CAST(NULL AS BIGINT)');
  const perDimension = d.dimensions.map((x) => {
    const passed = q(`${x.dimension}_passed`);
    return `${head(x.dimension)}, ${passed}, ${q('total_rows')} - ${passed}, ${rate(passed)}, ROUND(100 * ${rate(passed)}, 2), ${delayOf(x.dimension)}\nFROM ${q('w')}`;
  });
  const totalWeight = d.dimensions.reduce((s, x) => s + x.weight, 0);
  const weighted = `(${d.dimensions.map((x) => `${x.weight} * ${rate(q(`${x.dimension}_passed`))}`).join(' + ')}) / ${totalWeight}`;
  const overall = `${head('overall')}, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), ${weighted}, ROUND(100 * ${weighted}, 2), ${delayOf('overall')}\nFROM ${q('w')}`;
  const columns = Object.keys(QUALITY_RESULT_COLUMNS).map(q).join(', ');
  return [
    `INSERT INTO ${quotePath(sinkPath)} (${columns})`,
    `WITH ${q('w')} AS (`,
    `  SELECT ${q('window_start')}, ${q('window_end')},`,
    aggregates.join(',\n'),
    `  FROM ${windowed}`,
    `  GROUP BY ${q('window_start')}, ${q('window_end')}`,
    ')',
    [...perDimension, overall].join('\nUNION ALL\n'),
  ].join('\n');
}

/** The INSERT node of one declaration (the SQL text parsed by flinkts's own front end). */
export function monitorInsert(pipelineName: string, declaration: QualityDeclaration, sinkPath: readonly string[]): Insert {
  const text = monitorSql(pipelineName, declaration, sinkPath);
  const parsed = parseStatement(text);
  const statement = parsed.statement;
  if (parsed.diagnostics.length > 0 || statement?.kind !== 'Insert') throw new FlinktsError(parsed.diagnostics.length > 0 ? parsed.diagnostics : [{ code: CODES.badQuality, severity: 'error', message: `the monitor of '${declaration.label}' is not an INSERT`, path: `quality.${declaration.label}` }]);
  return stripSpans(statement);
}
