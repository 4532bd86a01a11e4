/**
 * Which TopN algorithm Flink 1.20.1 runs for a rank or ORDER BY … LIMIT over an updating input (its
 * RankProcessStrategy), and the column monotonicity it is chosen by:
 * - UpdateFastStrategy when the input has an upsert key (a group aggregation's key) and every sort key moves only
 *   towards the top (a DESC key that only increases, an ASC key that only decreases, or a grouping key, which is
 *   constant per row);
 * - RetractStrategy otherwise.
 * A group aggregation over an insert-only input makes COUNT and MAX increasing and MIN decreasing; SUM follows the
 * sign of its argument's values, which Flink derives from filters (`WHERE v > 0` makes SUM(v) increasing): without
 * a filter SUM over a column is not monotonic, with one the local planner cannot tell (FTS7001). Every other
 * aggregate is not monotonic, and so is every aggregate over an updating input or under HAVING. Checked on the real
 * planner (EXPLAIN of SortLimit and Rank).
 */
import type { Span } from '../ast/node.js';
import { unsupported } from './errors.js';
import type { RankStrategy } from './operators/top-n.js';
import type { Rel } from './plan.js';
import type { BoundExpression } from '../plan/expression.js';
import { copiedColumn } from '../plan/expression.js';

export type Monotonicity = 'constant' | 'increasing' | 'decreasing' | 'not-monotonic' | 'unknown';

/**
 * The monotonicity of a bound group aggregation's columns (its keys, then its calls): over an insert-only input
 * each call moves as `callMonotonicity` says. `filtered`: a WHERE filters the aggregation's input.
 */
export function boundAggregateMonotonicity(
  keys: number, calls: readonly { readonly fn: string; readonly filter?: unknown; readonly args: readonly BoundExpression[] }[], inputInsertOnly: boolean, filtered: boolean,
): Monotonicity[] {
  const ofCall = (call: (typeof calls)[number]): Monotonicity =>
    !inputInsertOnly ? 'not-monotonic' : callMonotonicity(call.fn, !filtered && call.filter === undefined && call.args.length === 1 && copiedColumn(call.args[0]!) !== undefined);
  return [...Array.from({ length: keys }, (): Monotonicity => 'constant'), ...calls.map(ofCall)];
}

/**
 * How an aggregate over an insert-only input moves under updates: COUNT and MAX increase, MIN decreases; SUM follows
 * its argument's sign, which Flink derives from filters — `plainSum` (one column, no WHERE, no FILTER) makes it
 * not monotonic, anything else the local planner cannot tell.
 */
function callMonotonicity(fn: string, plainSum: boolean): Monotonicity {
  switch (fn.toUpperCase()) {
    case 'COUNT': return 'increasing';
    case 'MAX': return 'increasing';
    case 'MIN': return 'decreasing';
    case 'SUM': return plainSum ? 'not-monotonic' : 'unknown';
    default: return 'not-monotonic';
  }
}

/**
 * The monotonicity of a projection's columns (`direct`: the input column each reads directly, if any); after a
 * filter the local planner does not follow it ('unknown', FTS7001 where it matters).
 */
export function monotonicityThrough(m: readonly Monotonicity[] | undefined, direct: readonly (number | undefined)[], filtered = false): Monotonicity[] {
  return direct.map((d): Monotonicity => (d === undefined || filtered ? 'unknown' : m?.[d] ?? 'unknown'));
}

/** Under HAVING Flink derives no monotonicity for an aggregate (checked: RetractStrategy); keys stay constant. */
export function havingMonotonicity(m: readonly Monotonicity[]): Monotonicity[] {
  return m.map((x) => (x === 'constant' ? x : 'not-monotonic'));
}

/** The strategy for a TopN over `rel` sorted by these keys (input column positions; undefined: an expression). */
export function rankStrategy(rel: Rel, keys: readonly { readonly column: number | undefined; readonly desc: boolean }[], span: Span | undefined): RankStrategy {
  if (rel.mode === 'insert-only') return 'append';
  if (!rel.aggregateKey) return 'retract';
  const m = rel.monotonicity;
  const unknown = () => unsupported('a TopN over an aggregation whose sort keys\' monotonicity the local planner cannot derive (Flink chooses its TopN algorithm by it)', span);
  if (!m) throw unknown();
  let fast = true;
  for (const k of keys) {
    const x = k.column === undefined ? 'unknown' : m[k.column] ?? 'unknown';
    if (x === 'unknown') throw unknown();
    if (!(x === 'constant' || (k.desc && x === 'increasing') || (!k.desc && x === 'decreasing'))) fast = false;
  }
  return fast ? 'update' : 'retract';
}

/**
 * The update-fast TopNs reproduced: no offset, more than one row (Flink 1.20.1's top 1 replaces its row with
 * -U/+U where a wider TopN without row numbers emits -D/+I; not reproduced).
 */
export function checkUpdateFast(first: number, limit: number, span: Span | undefined): void {
  if (first > 1) throw unsupported('an offset on a TopN over an aggregation Flink ranks with its update-fast algorithm (its changes by position are not reproduced)', span);
  if (limit <= 1) throw unsupported('a top 1 over an aggregation Flink ranks with its update-fast algorithm', span);
}
