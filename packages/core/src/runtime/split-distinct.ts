/**
 * `table.optimizer.distinct-agg.split.enabled`: Flink rewrites a group aggregation with a DISTINCT aggregate into
 * two (a partial aggregation per hash bucket of the distinct argument, with the other aggregates split off by an
 * Expand, then a final one), so one input row gives several -U / +U pairs.
 *
 * Reproduced (`splitDistinctAggregate`, tier-3 family `splitdistinct`): the shape Flink 1.20.1 plans without an
 * Expand, where every DISTINCT aggregate, MIN and MAX reads one argument `v` and the others are COUNT / SUM, none
 * with FILTER: a partial aggregation grouped by the keys and `MOD(HASH_CODE(v), 1024)` computing the calls as written,
 * then a final one grouped by the keys that sums the partial COUNTs ($SUM0) and SUMs, and takes the MIN / MAX of
 * theirs — every partial update reaching the final aggregation as a retraction and an accumulation, each of which
 * can change the result. Other shapes (two DISTINCT arguments, a MIN / MAX of another column: Flink's Expand; AVG and the rest) keep their final
 * table and are refused while the changelog is kept (checked on Flink 1.20.1: one row of `COUNT(DISTINCT v),
 * COUNT(*), SUM(x), MAX(x)` gave three updates of its group).
 */
import type { Span } from '../ast/node.js';
import type { PlanNode } from '../plan/node.js';
import { inputsOf } from '../plan/node.js';
import { unsupported } from './errors.js';
import type { Aggregate } from '../plan/aggregate.js';
import type { BoundExpression } from '../plan/expression.js';
import { sameAst } from '../ast/same-ast.js';
import type { Compiled, Evaluator } from './compiled.js';
import { AggregateSet, aggregateResultType } from './operators/aggregates.js';
import type { AggregateName, AggregateSpec } from './operators/aggregates.js';
import { GroupAggregateOperator } from './operators/group-aggregate.js';
import type { Operator } from './operators/operator.js';
import type { Planner, Rel } from './plan.js';
import { compileBound } from './plan-bound.js';
import { flinkInternalHashCode } from './values/java-hash-order.js';
import { comparatorFor } from './values/compare.js';
import type { Comparator } from './values/compare.js';

export const SPLIT_DISTINCT = 'table.optimizer.distinct-agg.split.enabled';

/** Whether `node` reads a window TVF through projections and filters only (then it is a window aggregation's input). */
function windowed(node: PlanNode): boolean {
  if (node.kind === 'WindowTableFunction') return true;
  return (node.kind === 'Project' || node.kind === 'Filter') && windowed(node.input);
}

/** With mini-batch too, Flink splits into local and global phases of each: not reproduced. */
const miniBatched = (options: ReadonlyMap<string, string>): boolean => /^true$/i.test(options.get('table.exec.mini-batch.enabled') ?? '');

/** The span of the first DISTINCT aggregate of a group aggregation (not a window aggregation) in `node` whose split is not reproduced. */
function splitDistinct(node: PlanNode, miniBatch: boolean): { span?: Span } | undefined {
  if (node.kind === 'Aggregate' && node.windowKey === undefined && !windowed(node.input)) {
    const call = node.calls.find((c) => c.distinct);
    if (call && (miniBatch || 'reason' in splittable(node))) return { ...(call.ast.span ? { span: call.ast.span } : {}) };
  }
  for (const i of inputsOf(node)) {
    const found = splitDistinct(i, miniBatch);
    if (found) return found;
  }
  return undefined;
}

/** The shape of a group aggregation the split is reproduced for (see above), or why not. */
function splittable(node: Aggregate): { arg: BoundExpression } | { reason: string } {
  const distinct = node.calls.filter((c) => c.distinct);
  const arg = distinct[0]?.args[0];
  if (arg === undefined) return { reason: 'no DISTINCT aggregate' };
  if (distinct.some((c) => c.args.length !== 1 || !sameAst(c.args[0]!.ast, arg.ast))) return { reason: 'DISTINCT aggregates of different arguments' };
  if (node.calls.some((c) => !FINAL.has(c.fn) || c.filter !== undefined)) return { reason: 'aggregates other than COUNT, SUM, MIN, MAX without FILTER' };
  // Flink buckets a MIN / MAX by its own argument too: another argument makes a second bucket column and an Expand
  if (node.calls.some((c) => (c.fn === 'MIN' || c.fn === 'MAX') && !sameAst(c.args[0]!.ast, arg.ast))) return { reason: 'a MIN / MAX of another argument than the DISTINCT one' };
  if (node.groupingSets.length !== 1 || node.groupingSets[0]!.length !== node.keys.length) return { reason: 'grouping sets' };
  if (arg.type === undefined || flinkInternalHashCode(null, arg.type) === undefined || !['BOOLEAN', 'TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'CHAR', 'VARCHAR'].includes(arg.type.kind)) return { reason: `a DISTINCT argument of type ${arg.type?.kind ?? 'unknown'} (its HASH_CODE is not reproduced)` };
  return { arg };
}

/** Each aggregate's final function over the partial results. */
const FINAL = new Map<string, AggregateName>([['COUNT', 'SUM0'], ['SUM', 'SUM'], ['MIN', 'MIN'], ['MAX', 'MAX']]);

/**
 * The final MIN / MAX over an insert-only input: Flink 1.20.1 plans them without retraction (`MAX($f)`, not
 * MAX_RETRACT: the partial extremes only grow), so a partial value's retraction is ignored and the result is the
 * extreme of every partial value accumulated since the group last emptied (checked on Flink: a bucket whose MAX went
 * from 1025 to NULL left the final MAX at 1025). Over a retracting input the final MIN / MAX retract as usual.
 */
class ExtremeIgnoringRetractions {
  private best: unknown = null;
  constructor(private readonly cmp: Comparator, private readonly max: boolean) {}
  add(v: unknown): void {
    if (this.best === null || (this.max ? this.cmp(v, this.best) > 0 : this.cmp(v, this.best) < 0)) this.best = v;
  }
  retract(): void {}
  value(): unknown {
    return this.best;
  }
}

/** Whether the split is on. */
export const splitDistinctEnabled = (options: ReadonlyMap<string, string>): boolean => /^true$/i.test(options.get(SPLIT_DISTINCT) ?? '');

/**
 * The split group aggregation (see above) over `rel`, or undefined when the split is off or the shape is not
 * reproduced. `keys` and `specs`: the aggregation's keys and calls compiled over `rel`.
 */
export function splitDistinctAggregate(options: ReadonlyMap<string, string>, planner: Planner, node: Aggregate, rel: Rel, keys: readonly Compiled[], specs: readonly AggregateSpec[]): Operator | undefined {
  if (!splitDistinctEnabled(options) || !node.calls.some((c) => c.distinct) || miniBatched(options)) return undefined;
  const shape = splittable(node);
  if ('reason' in shape) return undefined;
  const v = compileBound(planner, rel, shape.arg);
  const type = v.type;
  // MOD(HASH_CODE(v), 1024): Java's remainder keeps the hash's sign
  const bucket: Evaluator = (r) => {
    const x = v.eval(r);
    return x === null ? null : flinkInternalHashCode(x, type)! % 1024;
  };
  const nk = keys.length;
  const partial = new GroupAggregateOperator([...keys.map((k) => k.eval), bucket], new AggregateSet(specs));
  const finals: AggregateSpec[] = node.calls.map((c, i) => {
    const at = nk + 1 + i;
    const argType = specs[i]!.resultType;
    const name = FINAL.get(c.fn)!;
    return {
      name, distinct: false, resultType: name === 'SUM0' ? argType : aggregateResultType(name, argType), arg: (r) => r[at] ?? null, argType, argColumn: at,
      ...((name === 'MIN' || name === 'MAX') && rel.mode === 'insert-only' ? { accumulator: () => new ExtremeIgnoringRetractions(comparatorFor(argType), name === 'MAX') } : {}),
    };
  });
  const final = new GroupAggregateOperator(keys.map((_, i) => (r: readonly unknown[]) => r[i] ?? null), new AggregateSet(finals));
  rel.op.connectTo(partial);
  partial.connectTo(final);
  return final;
}

/** Refuses a query whose changelog the split would change and is not reproduced, when the changelog is kept. */
export function checkSplitDistinct(options: ReadonlyMap<string, string>, keepChangelog: boolean, plan: PlanNode): void {
  if (!keepChangelog || !splitDistinctEnabled(options)) return;
  const at = splitDistinct(plan, miniBatched(options));
  if (at === undefined) return;
  throw unsupported(`'${SPLIT_DISTINCT}' = 'true' on a group aggregation with a DISTINCT aggregate: Flink splits it into a partial aggregation per hash bucket and a final one (with an Expand for two DISTINCT arguments or aggregates other than COUNT / SUM / MIN / MAX), and that changelog (several -U / +U per input row) is not reproduced; the final table is (run with keepChangelog: false and assert on the table)`, at.span);
}
