/**
 * Planning ORDER BY / LIMIT / OFFSET on a streaming query as Flink's stream planner does:
 * - ORDER BY … LIMIT n [OFFSET m], and LIMIT alone, over an insert-only input: a global append TopN (Flink's
 *   SortLimit / Limit rank, without a row-number column); over an updating input FTS7001;
 * - ORDER BY a rowtime attribute ascending (then other keys), without LIMIT: a temporal sort;
 * - any other ORDER BY without LIMIT: check's TIME_TEXTS.sortNotTimeAttribute, as Flink rejects it ("Sort on a
 *   non-time-attribute field is not supported."). ORDER BY on a processing-time attribute is FTS7001 (its emission follows the wall clock).
 * The keys are the bound Sort node's (plan-bound.ts).
 */
import type { Span } from '../ast/node.js';
import type { Row } from './compiled.js';
import { textError, unsupported } from './errors.js';
import { TIME_TEXTS } from '../plan/time-codes.js';
import { CHANGELOG_TEXTS } from '../plan/changelog-codes.js';
import { TemporalSortOperator } from './operators/temporal-sort.js';
import { TopNOperator } from './operators/top-n.js';
import { checkUpdateFast, rankStrategy } from './plan-rank-strategy.js';
import { CalcOperator } from './operators/calc.js';
import type { Operator } from './operators/operator.js';
import type { PlannedRel, Rel } from './plan.js';
import { keyComparator, lexicographic } from './row-comparator.js';
import type { SortKey } from './row-comparator.js';

/** One ORDER BY key, compiled over the sorted relation. */
export interface SortSpec extends SortKey {
  readonly span?: Span;
}

/** ORDER BY `keys` with LIMIT `n` (none when undefined) and OFFSET `m` (see the file comment). */
export function sortRel(rel: Rel, sortKeys: readonly SortSpec[], n: number | undefined, m: number, span?: Span): PlannedRel {
  const keys = sortKeys.map((o) => ({ item: o, column: o.compiled.column, compare: keyComparator(o) }));
  const compare = lexicographic(keys.map((k) => k.compare));
  if (n === undefined) {
    if (keys.length === 0) return rel;
    const first = keys[0] as (typeof keys)[number];
    const time = first.column;
    if (time !== undefined && rel.proctime.has(time)) throw unsupported('ORDER BY a processing-time attribute (the sort emits on the wall clock)', first.item.span ?? span);
    // the fact `flinkts check` reports as FTS4311: the same code
    if (time === undefined || !rel.rowtime.has(time) || first.item.direction === 'DESC') {
      throw textError(TIME_TEXTS.sortNotTimeAttribute({}), first.item.span ?? span);
    }
    // the fact `flinkts check` reports as FTS4212: the same code
    if (rel.mode !== 'insert-only') throw textError(CHANGELOG_TEXTS.temporalSortUpdates({}), span);
    const rest = keys.slice(1);
    const op = new TemporalSortOperator(time, rest.length === 0 ? undefined : lexicographic(rest.map((k) => k.compare)));
    rel.op.connectTo(op);
    return { ...rel, op };
  }
  // with an OFFSET Flink emits the range by position (-U/+U where a position changes its row), as a row-number
  // TopN does; without one, only rows entering (+I) and leaving (-D). Over an updating input Flink plans the same
  // rank with the update strategy (input keyed by its aggregation key) or the retract strategy, as plan-rank.ts
  const byPosition = m > 0;
  const strategy = rankStrategy(rel, keys.map((k) => ({ column: k.column, desc: k.item.direction === 'DESC' })), span);
  // an OFFSET over an updating input: Flink 1.20.1's update-fast TopN emits by position in an order not reproduced,
  // and its retracting TopN without a row-number column emits nothing for a retraction inside the range (checked
  // on the real engine), so its changelog disagrees with its own final result
  if (strategy === 'update') checkUpdateFast(m + 1, n, span);
  if (strategy !== 'append' && byPosition) throw unsupported('ORDER BY … LIMIT … OFFSET over an updating input (Flink 1.20.1 emits no change for a retraction inside the range)', span);
  const uniqueKey = rel.aggregateKey?.map((i) => (r: Row) => r[i] ?? null);
  const topn = new TopNOperator([], compare, m + n, byPosition, strategy, uniqueKey, m + 1);
  rel.op.connectTo(topn);
  let op: Operator = topn;
  if (byPosition) {
    op = new CalcOperator(undefined, rel.columns.map((_, i) => (r: Row) => r[i] ?? null));
    topn.connectTo(op);
  }
  return { columns: rel.columns, op, rowtime: new Set(), proctime: new Set() };
}
