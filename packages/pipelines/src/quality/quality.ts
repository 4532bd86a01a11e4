/**
 * `quality(table, spec)`: the data-quality declaration of one table, at any layer — the checks per dimension,
 * their weights, the window the monitor measures in, and the thresholds that raise alerts.
 *
 * Score formula (per table and window):
 * - a dimension's pass rate is the share of the window's rows that pass every check of the dimension
 *   (for `unique`, each row repeating keys already seen in the window fails; several `unique` checks add up);
 * - a dimension's score is 100 × its pass rate;
 * - the overall score is Σ(weight × pass rate) / Σ weight × 100, over the dimensions that have checks
 *   (weights default to 1 each), so it lies in 0–100.
 * A window with no rows produces no result (there is nothing to score).
 *
 * Over a table read as a changelog (updates, deletes: a Paimon primary-key table, CDC, upsert-kafka) the window
 * must be on event time: a -U / -D carries its row's values, its time among them, so it is taken out of the very
 * window that counted the row (or dropped with it as late), and each count stays the count of the window's
 * current rows. On processing time a correction's -U lands in the window of the moment it arrives, not the one
 * that counted its row, and a window's "passed" could exceed its rows: flinkts refuses that (FTS8052).
 * Freshness is the one check that reads the clock: a row fresh when it arrived may be stale when its -U arrives,
 * so on a changelog the timeliness count is capped at the window's rows (see monitor-query.ts).
 */
import { checkObjectArgument, checkTableArgument } from '../arguments.js';
import type { ColumnExprs, DataType, Table } from '@flinkts/core';
import { FlinktsError } from '@flinkts/core';
import { refsOf, textFields } from '@flinkts/core/internal';
import type { Diagnostic } from '@flinkts/core';
import { resolveTableCapabilities } from '@flinkts/connectors/internal';
import { TEXTS, type BadQuality } from '../codes.js';
import type { Check, CheckOf, Dimension, QualityCheckBuilder, TimeColumn } from './checks.js';
import { checkBuilder, checkedColumns, DIMENSIONS, isStringType } from './checks.js';
import type { Duration, ParsedDuration } from './duration.js';
import { parseDuration } from './duration.js';
import type { Level } from './levels.js';

/** What raises an alert for this table: the overall score below, the delay above, a dimension's failed share above. */
export type QualityCondition =
  | { readonly scoreBelow: number }
  | { readonly delayAbove: Duration }
  | { readonly failedRatioAbove: number };

export interface QualityAlert {
  readonly level: Level;
  readonly when: QualityCondition;
  /** How long the condition must hold before the alert fires (Prometheus `for`); default: at once. */
  readonly for?: Duration;
}

export interface QualitySpec<Cols> {
  /**
   * A tumbling window on a time attribute of the table: its watermark column (event time) or a `PROCTIME()`
   * computed column (processing time).
   */
  readonly window: { readonly time: TimeColumn<Cols>; readonly size: Duration };
  readonly checks: (q: QualityCheckBuilder<Cols>) => { readonly [D in Dimension]?: readonly CheckOf<D>[] };
  /** Relative weight per dimension (default 1 each); only dimensions that have checks. */
  readonly weights?: { readonly [D in Dimension]?: number };
  readonly alerts?: readonly QualityAlert[];
  /** The table's name in results, metrics and alerts (default: the declared table's name). */
  readonly label?: string;
}

type AnyTable = Table<string, unknown, string>;

export interface QualityDeclaration {
  readonly kind: 'quality';
  readonly table: AnyTable;
  readonly label: string;
  readonly layer: string;
  readonly window: { readonly time: string; readonly size: ParsedDuration; readonly processingTime: boolean };
  /** The table is read as a changelog (its source emits updates or deletes), not insert-only. */
  readonly changelog: boolean;
  /** Dimensions with their checks, in the order of DIMENSIONS; only those declared. */
  readonly dimensions: readonly { readonly dimension: Dimension; readonly weight: number; readonly checks: readonly Check[] }[];
  readonly alerts: readonly QualityAlert[];
}

/** Whether reading the table gives updates or deletes (its connector's source changelog mode with its key). */
function readsChangelog(table: AnyTable): boolean {
  const connector = table.connector;
  if (connector === undefined) return false;
  const options = connector.options.some((o) => o.key === 'connector') ? connector.options : [{ key: 'connector', value: connector.identifier }, ...connector.options];
  const source = resolveTableCapabilities(options, { hasPrimaryKey: table.statement.primaryKey !== undefined })?.source ?? connector.capabilities.source;
  return source === 'upsert' || source === 'all';
}

function fail(diagnostics: readonly Diagnostic[]): never {
  throw new FlinktsError(diagnostics);
}

export function quality<Cols>(table: Table<string, Cols, string>, spec: QualitySpec<Cols>): QualityDeclaration {
  checkTableArgument('quality()', 'table', table);
  checkObjectArgument('quality()', 'spec', spec);
  const at = `quality.${table.name}`;
  const problems: Diagnostic[] = [];
  const problem = (path: string, payload: BadQuality) => problems.push({ ...textFields(TEXTS.badQuality(payload)), severity: 'error', path: `${at}.${path}` });
  const statement = table.statement;
  const columns = new Map<string, DataType | undefined>(table.columnTypes.map((c) => [c.name, c.type]));
  const names = [...columns.keys()];

  const time = spec.window.time as string;
  const computed = statement.columns.find((c) => c.name === time && c.kind === 'ComputedColumn');
  const processingTime = computed?.kind === 'ComputedColumn' && computed.expr.kind === 'FunctionCall' && (computed.expr.name[0] ?? '').toUpperCase() === 'PROCTIME';
  if (!processingTime && statement.watermark?.column !== time) {
    problem('window.time', { kind: 'notTimeAttribute', time, table: table.name, watermark: statement.watermark?.column });
  }
  const size = parseDuration(spec.window.size, `${at}.window.size`);
  const changelog = readsChangelog(table as AnyTable);
  if (processingTime && changelog) {
    problems.push({
      ...textFields(TEXTS.qualityOnChangelog({ table: table.name, watermark: statement.watermark?.column })),
      severity: 'error',
      path: `${at}.window.time`,
    });
  }

  const declared = spec.checks(checkBuilder<Cols>(refsOf(table.columnTypes.map((c) => ({ name: c.name, type: c.type ?? { kind: 'NULL', nullable: true } })), undefined) as unknown as ColumnExprs<Cols>));
  const dimensions: { dimension: Dimension; weight: number; checks: readonly Check[] }[] = [];
  for (const [key, value] of Object.entries(declared)) {
    if (!(DIMENSIONS as readonly string[]).includes(key)) problem(`checks.${key}`, { kind: 'notDimension', key, dimensions: DIMENSIONS });
    else if (value !== undefined && (value as readonly Check[]).some((c) => c.dimension !== key)) problem(`checks.${key}`, { kind: 'otherDimension', key });
  }
  for (const dimension of DIMENSIONS) {
    const checks = (declared[dimension] ?? []) as readonly Check[];
    const weight = spec.weights?.[dimension] ?? 1;
    if (checks.length === 0) {
      if (spec.weights?.[dimension] !== undefined) problem(`weights.${dimension}`, { kind: 'weightWithoutChecks', dimension });
      continue;
    }
    if (!(Number.isFinite(weight) && weight > 0)) problem(`weights.${dimension}`, { kind: 'badWeight', dimension, weight });
    checks.forEach((c, i) => {
      const path = `checks.${dimension}[${i}]`;
      for (const col of checkedColumns(c)) if (!columns.has(col)) problem(path, { kind: 'unknownColumn', column: col, table: table.name, columns: names });
      if ((c.kind === 'matches' || c.kind === 'length') && !isStringType(columns.get(c.column))) problem(path, { kind: 'notText', check: c.kind, column: c.column });
      if (c.kind === 'matches') {
        try {
          new RegExp(c.regex);
        } catch {
          problem(path, { kind: 'badRegex', regex: c.regex });
        }
      }
      if (c.kind === 'inSet' && c.values.length === 0) problem(path, { kind: 'emptyInSet', column: c.column });
      if (c.kind === 'length' && (c.min === undefined && c.max === undefined || (c.min ?? 0) < 0 || (c.max !== undefined && c.max < (c.min ?? 0)))) problem(path, { kind: 'badLength', column: c.column });
      if (c.kind === 'freshness') {
        parseDuration(c.maxDelay, `${at}.${path}.maxDelay`);
        const t = columns.get(c.column);
        if (t !== undefined && t.kind !== 'TIMESTAMP' && t.kind !== 'TIMESTAMP_LTZ') problem(path, { kind: 'notTimestamp', column: c.column, type: t.kind });
      }
    });
    dimensions.push({ dimension, weight, checks });
  }
  if (dimensions.length === 0) problem('checks', { kind: 'noChecks', table: table.name });
  if (table.layer === undefined) problem('table', { kind: 'noLayer', table: table.name });
  const alerts = spec.alerts ?? [];
  alerts.forEach((a, i) => {
    if (!/^[a-z][a-z0-9_]*$/.test(a.level)) problem(`alerts[${i}].level`, { kind: 'badLevel', level: a.level });
    if (a.for !== undefined) parseDuration(a.for, `${at}.alerts[${i}].for`);
    const w = a.when;
    if ('delayAbove' in w) {
      parseDuration(w.delayAbove, `${at}.alerts[${i}].when.delayAbove`);
      if (!dimensions.some((d) => d.dimension === 'timeliness')) problem(`alerts[${i}]`, { kind: 'delayWithoutFreshness' });
    }
    if ('scoreBelow' in w && !(w.scoreBelow > 0 && w.scoreBelow <= 100)) problem(`alerts[${i}].when.scoreBelow`, { kind: 'badScore', value: w.scoreBelow });
    if ('failedRatioAbove' in w && !(w.failedRatioAbove >= 0 && w.failedRatioAbove < 1)) problem(`alerts[${i}].when.failedRatioAbove`, { kind: 'badRatio', value: w.failedRatioAbove });
  });
  if (problems.length > 0) fail(problems);
  return Object.freeze({
    kind: 'quality' as const,
    table: table as AnyTable,
    label: spec.label ?? table.name,
    layer: table.layer ?? 'unknown',
    window: Object.freeze({ time, size, processingTime }),
    changelog,
    dimensions: Object.freeze(dimensions.map((d) => Object.freeze(d))),
    alerts: Object.freeze([...alerts]),
  });
}
