/**
 * The ROW_NUMBER patterns the binder recognised (plan/patterns/rank.ts): `Deduplicate` (ROW_NUMBER kept at 1,
 * ordered by one time attribute) and `Rank` (TopN with a row-number range), also per window when partitioned by
 * window_start and window_end. Output: the input's columns, then the row number. RANK / DENSE_RANK with a rank filter run as
 * their OVER aggregation and the filter, as in Flink 1.20.
 */
import type { BoundExpression } from '../plan/expression.js';
import { copiedColumn } from '../plan/expression.js';
import type { Deduplicate, Rank } from '../plan/rank.js';
import type { SortKey } from '../plan/sort-key.js';
import type { Evaluator, Row } from './compiled.js';
import { textError, unsupported } from './errors.js';
import { proctimeWindowConsumer } from '../plan/proctime-windows.js';
import { CalcOperator } from './operators/calc.js';
import { DeduplicateOperator } from './operators/deduplicate.js';
import { miniBatchDeduplicate } from './mini-batch.js';
import type { Operator } from './operators/operator.js';
import { TopNOperator } from './operators/top-n.js';
import { checkUpdateFast, rankStrategy } from './plan-rank-strategy.js';
import { WindowRankOperator } from './operators/window-rank.js';
import type { Planner, Rel } from './plan.js';
import { compileBound, dedupColumnsRead, planBound } from './plan-bound.js';
import { rowComparator } from './row-comparator.js';
import { T } from './types.js';

export function rankPlannable(node: Rank | Deduplicate, evaluable: (e: BoundExpression) => boolean): boolean {
  const order = node.kind === 'Rank' ? node.orderKeys : [node.orderKey];
  return node.partitionKeys.every(evaluable) && order.every((k) => evaluable(k.expr));
}

function comparator(planner: Planner, base: Rel, order: readonly SortKey[]): (a: Row, b: Row) => number {
  return rowComparator(order.map((k) => ({ compiled: compileBound(planner, base, k.expr), direction: k.direction, ...(k.nulls ? { nulls: k.nulls } : {}) })));
}

/** `withRowNumber`: whether anything above reads the row number (else a TopN emits no rank changes). */
export function rank(planner: Planner, node: Rank | Deduplicate, withRowNumber: boolean): Rel {
  const base = planBound(planner, node.input);
  const order = node.kind === 'Rank' ? node.orderKeys : [node.orderKey];
  const [first, last] = node.kind === 'Rank' ? [node.range.start, node.range.end] : [1, 1];
  const span = node.call.span;
  const partitionAt = node.partitionKeys.map(copiedColumn);
  let op: Operator;
  let rowtimeKept: boolean;
  if (node.windowed) {
    // the fact `flinkts check` reports as FTS4326: the same code
    const refused = proctimeWindowConsumer(node);
    if (refused !== undefined) throw textError(refused, span);
    const w = base.window;
    if (!w || !partitionAt.includes(w.start) || !partitionAt.includes(w.end)) {
      throw unsupported('ROW_NUMBER partitioned by window_start / window_end that are not both the window bounds of a window TVF or window aggregation', span);
    }
    if (base.mode !== 'insert-only') throw unsupported('window TopN over an updating input', span);
    const partition = node.partitionKeys.filter((_, i) => partitionAt[i] !== w.start && partitionAt[i] !== w.end).map((k) => compileBound(planner, base, k).eval);
    // ORDER BY the window's time column alone, keeping one row: Flink's window deduplication, which keeps the
    // latest of equal times when ordered DESC (a window TopN keeps the first)
    const t = order.length === 1 ? copiedColumn(order[0]!.expr) : undefined;
    const dedup = first === 1 && last === 1 && t !== undefined && (t === w.timeIndex || base.rowtime.has(t));
    op = new WindowRankOperator({
      bounds: [w.start, w.end], partition, compare: comparator(planner, base, order), first, last, withRowNumber: true,
      latestFirstOnTies: dedup && order[0]!.direction === 'DESC',
    });
    base.op.connectTo(op);
    rowtimeKept = true;
  } else {
    const partition: Evaluator[] = node.partitionKeys.map((k) => compileBound(planner, base, k).eval);
    const appendRowNumber = (value: bigint | null, from: Operator): Operator => {
      const calc = new CalcOperator(undefined, [...base.columns.map((_, i) => (r: Row) => r[i] ?? null), () => value]);
      from.connectTo(calc);
      return calc;
    };
    if (node.kind === 'Deduplicate') {
      if (base.mode !== 'insert-only') throw unsupported('deduplication over an updating input', span);
      const keepLast = node.keep === 'last';
      const rowtime = node.time === 'rowtime';
      // keep-last on processing time: a row equal to the kept one on the columns Flink keeps (read above, partition
      // and order keys) changes nothing
      const read = dedupColumnsRead.get(node);
      const kept = read === undefined || rowtime ? undefined
        : [...new Set([...read, ...[...node.partitionKeys, node.orderKey.expr].flatMap((e) => e.refs.filter((r) => r.depth === 0).map((r) => r.index))])]
          .filter((i) => i < base.columns.length).sort((a, b) => a - b);
      const sameOn = kept === undefined ? undefined : (r: Row): unknown[] => kept.map((i) => r[i] ?? null);
      const dedup = new DeduplicateOperator(partition, keepLast, rowtime ? copiedColumn(node.orderKey.expr) : undefined, sameOn);
      const bundled = miniBatchDeduplicate(planner.session.options, dedup, node.partitionKeys.map((k) => compileBound(planner, base, k)), span, sameOn, rowtime);
      base.op.connectTo(bundled);
      op = appendRowNumber(1n, bundled);
      // a deduplication on rowtime keeps the time attribute: a view over it is a versioned table (temporal joins); one
      // keeping the first row on processing time (insert-only) keeps it too
      rowtimeKept = !keepLast || rowtime;
    } else {
      const strategy = rankStrategy(base, order.map((k) => ({ column: copiedColumn(k.expr), desc: k.direction === 'DESC' })), span);
      if (strategy === 'retract' && !withRowNumber && first > 1) throw unsupported('a rank range with an offset and no row-number column over an updating input (Flink 1.20.1 emits no change for a retraction inside the range)', span);
      if (strategy === 'update') checkUpdateFast(first, last, span);
      const uniqueKey = base.aggregateKey?.map((i) => (r: Row) => r[i] ?? null);
      const topn = new TopNOperator(partition, comparator(planner, base, order), last, withRowNumber, strategy, uniqueKey, first);
      base.op.connectTo(topn);
      op = withRowNumber ? topn : appendRowNumber(null, topn);
      rowtimeKept = false;
    }
  }
  const keyed = !node.windowed && first === 1 && last === 1 && partitionAt.length > 0 && partitionAt.every((i) => i !== undefined);
  return {
    columns: [...base.columns, { name: node.columns[node.columns.length - 1]!.name, type: T.bigint(false) }],
    op, mode: planner.modeOf(node), rowtime: rowtimeKept ? base.rowtime : new Set(), proctime: new Set(),
    // window properties propagate through a window rank: a later window aggregation or rank stays windowed
    ...(node.windowed && base.window ? { window: base.window } : {}),
    ...(keyed ? { uniqueKey: partitionAt as number[] } : {}),
  };
}
