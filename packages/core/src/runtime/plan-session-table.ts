/**
 * The SESSION window TVF's rows. Grouped by exactly its window_start and window_end, a SESSION TVF is a session
 * window aggregation that assigns the sessions itself (Flink folds the TVF into the aggregation; a WHERE on the
 * input columns then filters before the sessions form). Read any other way — projected, filtered, grouped by more
 * or fewer keys, ranked, joined — the TVF is Flink's own operator: rows wait in their session
 * until the watermark closes it and then leave with the session's bounds, so a projection sees final sessions, a
 * GROUP BY of more keys is a group aggregation with updates, and a window TopN or window join reads the sessions
 * like any assigned window (checked on real Flink 1.20.1).
 */
import type { Expression } from '../ast/expression.js';
import type { Select } from '../ast/query.js';
import { SessionTableOperator } from './operators/session-table.js';
import type { Rel } from './plan.js';
import { invalid, unsupported } from './errors.js';
import { isProctimeWindow } from './plan-proctime-window.js';

/** `rel` with the window columns in its rows: the TVF's operator where the rows do not carry them yet. */
export function sessionRows(rel: Rel): Rel {
  const w = rel.window;
  if (w === undefined || !w.sessionRows || w.spec.kind !== 'SESSION') return rel;
  if (isProctimeWindow(w.spec)) throw unsupported('a processing-time SESSION window TVF read other than by a window aggregation grouped by its window (and its PARTITION BY keys)');
  const op = new SessionTableOperator(w.spec.gap, w.timeIndex, (w.partition ?? []).map((i) => (row) => row[i] ?? null), rel.op);
  const { sessionRows: _unassigned, ...window } = w;
  void _unassigned;
  return { ...rel, op, window: { ...window, timeIndex: w.end } };
}

/** The SESSION TVF `rel` with its PARTITION BY columns (column references of its input). */
export function withPartition(rel: Rel, partitionBy: readonly Expression[] | undefined): Rel {
  const w = rel.window;
  if (partitionBy === undefined || w === undefined) return rel;
  if (w.spec.kind !== 'SESSION') throw invalid(`Only tables with set semantics may be partitioned: ${w.spec.kind} takes no PARTITION BY on its table argument`, partitionBy[0]?.span, 'drop PARTITION BY, or use SESSION windows');
  const partition = partitionBy.map((e) => {
    const i = e.kind === 'ColumnRef' ? w.input.columns.findIndex((c) => c.name.toLowerCase() === e.name.toLowerCase()) : -1;
    if (i < 0) throw unsupported('PARTITION BY anything but columns of the window TVF\'s input', e.span);
    return i;
  });
  return { ...rel, window: { ...w, partition } };
}

const isColumn = (e: Expression, rel: Rel, index: number | undefined): boolean =>
  index !== undefined && e.kind === 'ColumnRef' && rel.columns[index]?.name.toLowerCase() === e.name.toLowerCase();

/**
 * Whether `s` over `rel` is the session window aggregation Flink folds a SESSION TVF into: grouped by its
 * window_start and window_end (and window_time) and its PARTITION BY keys alone.
 */
export function sessionAggregation(rel: Rel, s: Select): boolean {
  const w = rel.window;
  if (w === undefined || w.spec.kind !== 'SESSION' || w.spec.legacy) return false;
  const keys = s.groupBy ?? [];
  if (keys.length === 0) return false;
  let start = false;
  let end = false;
  const partition = new Set<number>();
  for (const g of keys) {
    if (g.kind === 'GroupingSets' || g.kind === 'Rollup' || g.kind === 'Cube') return false;
    const e = g as Expression;
    if (isColumn(e, rel, w.start)) start = true;
    else if (isColumn(e, rel, w.end)) end = true;
    else if (isColumn(e, rel, w.time)) continue;
    else {
      const p = (w.partition ?? []).find((i) => isColumn(e, rel, i));
      if (p === undefined) return false;
      partition.add(p);
    }
  }
  // grouped by every PARTITION BY key and nothing else besides the window (by fewer: Flink's TVF operator)
  return start && end && partition.size === (w.partition ?? []).length;
}
