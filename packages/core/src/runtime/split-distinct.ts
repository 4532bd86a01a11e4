/**
 * `table.optimizer.distinct-agg.split.enabled`: Flink rewrites a group aggregation with a DISTINCT aggregate into
 * two (a partial aggregation per hash bucket of the bucketed arguments, with an Expand when there are several, then a
 * final one), so one input row gives several -U / +U pairs.
 *
 * Reproduced (`splitDistinctAggregate`, tier-3 family `splitdistinct`): COUNT, SUM, MIN, MAX, FIRST_VALUE and
 * LAST_VALUE (DISTINCT or not) and AVG of one argument, with or without FILTER, over a table or a table's WHERE (see
 * `splittable` for Flink's shape, buckets and Expand order): a partial aggregation grouped by the keys and the
 * `MOD(HASH_CODE(arg), 1024)` buckets computing the calls as written (each filtered to its Expand set's rows AND its
 * own FILTER, as Flink's `AND(=($e, n), $f)`), then a final one grouped by the keys that sums the partial COUNTs
 * ($SUM0) and SUMs, and takes the MIN / MAX / FIRST_VALUE / LAST_VALUE of theirs (FIRST_VALUE / LAST_VALUE always
 * with retraction: Flink's FIRST_VALUE_RETRACT over the partial updates) — every partial update reaching the final
 * aggregation as a retraction and an accumulation, each of which can change the result. Like MIN / MAX,
 * FIRST_VALUE / LAST_VALUE get a bucket of their argument (checked with EXPLAIN on Flink 1.20.1). AVG of an INT, BIGINT or
 * DOUBLE is split as Flink splits it: a $SUM0 and a COUNT of its argument in both phases, divided after the final
 * one (`IF(count = 0, NULL, sum / count)`). Other shapes (LISTAGG, the variance family, several bucketed arguments
 * over other inputs) keep their final table and are refused while the changelog is kept.
 */
import type { Span } from '../ast/node.js';
import type { PlanNode } from '../plan/node.js';
import { inputsOf } from '../plan/node.js';
import { unsupported } from './errors.js';
import type { Aggregate, AggregateCall } from '../plan/aggregate.js';
import type { BoundExpression } from '../plan/expression.js';
import { copiedColumn } from '../plan/expression.js';
import { sameAst } from '../ast/same-ast.js';
import type { Compiled, Evaluator } from './compiled.js';
import { AggregateSet, aggregateResultType } from './operators/aggregates.js';
import type { AggregateName, AggregateSpec } from './operators/aggregates.js';
import { ExpandOperator } from './operators/expand.js';
import { GroupAggregateOperator } from './operators/group-aggregate.js';
import { CalcOperator } from './operators/calc.js';
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
function splitDistinct(node: PlanNode, miniBatch: boolean): { span?: Span; reason: string } | undefined {
  if (node.kind === 'Aggregate' && node.windowKey === undefined && !windowed(node.input)) {
    const call = node.calls.find((c) => c.distinct);
    const shape = call === undefined ? undefined : miniBatch ? { reason: 'mini-batch as well (Flink then splits each level into local and global phases)' } : splittable(node);
    if (call && shape && 'reason' in shape) return { reason: shape.reason, ...(call.ast.span ? { span: call.ast.span } : {}) };
  }
  for (const i of inputsOf(node)) {
    const found = splitDistinct(i, miniBatch);
    if (found) return found;
  }
  return undefined;
}

/**
 * How Flink 1.20.1's SplitAggregateRule splits a group aggregation (checked with EXPLAIN on its planner):
 * - the bucketed arguments: those of DISTINCT aggregates and of MIN / MAX, each once, in their order in the
 *   aggregation's input row (over a table: the keys, then the arguments in the order they first appear among the
 *   calls; through a WHERE: the table's column order); each becomes a bucket column `MOD(HASH_CODE(arg), 1024)`;
 * - each call's grouping set: the keys plus its argument's bucket (a bucketed call); the keys plus the one bucket
 *   when there is one, else the keys alone (COUNT / SUM);
 * - more than one set: an Expand emits each row once per set (the sets in Calcite's order: a set before the sets
 *   it contains, else by their bucket positions), the other buckets NULL, and each partial call is filtered to its
 *   set's rows (`$e`, which is the set's bit mask of missing buckets).
 * `hashed[h]`: the argument of bucket h; `sets[i]`: the buckets of set i; `callSet[c]`: the set of call c.
 */
interface SplitShape {
  readonly hashed: readonly BoundExpression[];
  readonly sets: readonly (readonly number[])[];
  readonly callSet: readonly number[];
}

/** Calcite's ImmutableBitSet.COMPARATOR over the sets' buckets (the keys are in every set). */
function compareSets(a: readonly number[], b: readonly number[]): number {
  const contains = (x: readonly number[], y: readonly number[]) => y.every((v) => x.includes(v));
  if (a.length === b.length && contains(a, b)) return 0;
  if (contains(a, b)) return -1;
  if (contains(b, a)) return 1;
  for (let i = 0; ; i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x !== y) return x < y ? -1 : 1;
    if (x < 0) return 0;
  }
}

/** Each aggregate's final function over the partial results. */
const FINAL = new Map<string, AggregateName>([['COUNT', 'SUM0'], ['SUM', 'SUM'], ['MIN', 'MIN'], ['MAX', 'MAX'], ['AVG', 'AVG'], ['FIRST_VALUE', 'FIRST_VALUE'], ['LAST_VALUE', 'LAST_VALUE']]);
/** Aggregates whose argument gets a bucket even without DISTINCT. */
const BUCKETED = new Set(['MIN', 'MAX', 'FIRST_VALUE', 'LAST_VALUE']);
const HASHABLE = ['BOOLEAN', 'TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'CHAR', 'VARCHAR'];

/** The shape of a group aggregation the split is reproduced for (see above), or why not. */
function splittable(node: Aggregate): SplitShape | { reason: string } {
  if (!node.calls.some((c) => c.distinct)) return { reason: 'no DISTINCT aggregate' };
  if (node.calls.some((c) => !FINAL.has(c.fn) || c.args.length > 1)) return { reason: 'aggregates other than COUNT, SUM, MIN, MAX, FIRST_VALUE, LAST_VALUE, AVG of one argument' };
  // Flink's split AVG sums in the argument's type: reproduced for INT, BIGINT and DOUBLE arguments, not DISTINCT
  const avg = node.calls.find((c) => c.fn === 'AVG' && (c.distinct || !['INT', 'BIGINT', 'DOUBLE'].includes(c.args[0]?.type?.kind ?? '')));
  if (avg !== undefined) return { reason: `AVG${avg.distinct ? '(DISTINCT …)' : ` of ${avg.args[0]?.type?.kind ?? 'an unknown type'}`}` };
  if (node.groupingSets.length !== 1 || node.groupingSets[0]!.length !== node.keys.length) return { reason: 'grouping sets' };
  const order: BoundExpression[] = [];
  const at = (e: BoundExpression): number => order.findIndex((o) => sameAst(o.ast, e.ast));
  for (const c of node.calls) for (const a of c.args) if (at(a) < 0) order.push(a);
  const bucketed = (c: AggregateCall): boolean => c.args.length === 1 && (c.distinct || BUCKETED.has(c.fn));
  let hashed = order.filter((a) => node.calls.some((c) => bucketed(c) && sameAst(c.args[0]!.ast, a.ast)));
  if (hashed.length > 1) {
    // the buckets' order is that of the arguments in the aggregation's input row after Flink's projection push-down:
    // over a table, the order they are written in; through a WHERE, the table's column order, unless a FILTER clause
    // keeps the aggregation's own projection (its condition is computed there), which lists them as written (checked
    // with EXPLAIN)
    if (node.input.kind === 'Filter' && node.input.input.kind === 'Scan' && node.calls.every((c) => c.filter === undefined)) {
      const columns = hashed.map(copiedColumn);
      if (columns.some((c) => c === undefined)) return { reason: 'DISTINCT, MIN or MAX arguments that are expressions, under a WHERE' };
      hashed = hashed.map((a, i) => ({ a, c: columns[i]! })).sort((x, y) => x.c - y.c).map((x) => x.a);
    } else if (node.input.kind !== 'Scan' && !(node.input.kind === 'Filter' && node.input.input.kind === 'Scan')) {
      return { reason: 'several DISTINCT, MIN or MAX arguments over a query other than a table or a table\'s WHERE (the order of Flink\'s buckets is not checked there)' };
    }
  }
  for (const a of hashed) {
    if (node.keys.some((k) => sameAst(k.ast, a.ast))) return { reason: 'a DISTINCT, MIN or MAX argument that is a grouping key' };
    if (a.type === undefined || flinkInternalHashCode(null, a.type) === undefined || !HASHABLE.includes(a.type.kind)) return { reason: `a DISTINCT, MIN or MAX argument of type ${a.type?.kind ?? 'unknown'} (its HASH_CODE is not reproduced)` };
  }
  const sets: number[][] = [];
  const own = node.calls.map((c) => (bucketed(c) ? [hashed.findIndex((a) => sameAst(a.ast, c.args[0]!.ast))] : hashed.length === 1 ? [0] : []));
  for (const set of own) if (!sets.some((x) => compareSets(x, set) === 0)) sets.push(set);
  sets.sort(compareSets);
  return { hashed, sets, callSet: own.map((set) => sets.findIndex((x) => compareSets(x, set) === 0)) };
}

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
  // MOD(HASH_CODE(v), 1024): Java's remainder keeps the hash's sign
  const buckets: Evaluator[] = shape.hashed.map((a) => {
    const v = compileBound(planner, rel, a);
    return (r) => {
      const x = v.eval(r);
      return x === null ? null : flinkInternalHashCode(x, v.type)! % 1024;
    };
  });
  const nk = keys.length;
  const n = rel.columns.length;
  const expand = shape.sets.length > 1;
  // the partial calls: each call as written, AVG as a $SUM0 and a COUNT of its argument (Flink's split)
  const parts: { spec: AggregateSpec; final: AggregateName; set: number }[] = [];
  const averages: { sum: number; count: number; type: AggregateSpec['resultType'] }[] = [];
  node.calls.forEach((c, i) => {
    const sp = specs[i]!;
    const set = shape.callSet[i]!;
    if (c.fn !== 'AVG') {
      parts.push({ spec: sp, final: FINAL.get(c.fn)!, set });
      return;
    }
    const arg = { arg: sp.arg!, argType: sp.argType!, ...(sp.argColumn === undefined ? {} : { argColumn: sp.argColumn }), ...(sp.filter === undefined ? {} : { filter: sp.filter }) };
    averages.push({ sum: parts.length, count: parts.length + 1, type: sp.resultType });
    parts.push({ spec: { name: 'SUM0', distinct: false, resultType: aggregateResultType('SUM0', sp.argType), ...arg }, final: 'SUM0', set });
    parts.push({ spec: { name: 'COUNT', distinct: false, resultType: aggregateResultType('COUNT', sp.argType), ...arg }, final: 'SUM0', set });
  });
  let partial: GroupAggregateOperator;
  if (expand) {
    // the Expand appends the set's index (at n): a bucket outside the row's set is NULL, a call reads its set's rows only
    const e = new ExpandOperator(shape.sets.length);
    rel.op.connectTo(e);
    const partialKeys = [...keys.map((k) => k.eval), ...buckets.map((b, h): Evaluator => {
      const inSet = shape.sets.map((set) => set.includes(h));
      return (r) => (inSet[r[n] as number] ? b(r) : null);
    })];
    // Flink's `AND(=($e, set), filter)`: the Expand rows keep the input's columns before n, so the FILTER reads them
    partial = new GroupAggregateOperator(partialKeys, new AggregateSet(parts.map((p): AggregateSpec => {
      const own = p.spec.filter;
      return { ...p.spec, filter: own === undefined ? (r) => r[n] === p.set : (r) => r[n] === p.set && own(r) === true };
    })));
    e.connectTo(partial);
  } else {
    partial = new GroupAggregateOperator([...keys.map((k) => k.eval), ...buckets], new AggregateSet(parts.map((p) => p.spec)));
    rel.op.connectTo(partial);
  }
  const final = finalAggregate(nk, rel, nk + buckets.length, parts, partial);
  if (averages.length === 0) return final;
  // AVG from its two sums after the final aggregation, as Flink's Calc: IF(count = 0, NULL, sum / count)
  const outputs: Evaluator[] = keys.map((_, i) => (r) => r[i] ?? null);
  let next = 0;
  node.calls.forEach((c) => {
    if (c.fn !== 'AVG') {
      const at = nk + next++;
      outputs.push((r) => r[at] ?? null);
      return;
    }
    const { type } = averages.find((a) => a.sum === next)!;
    const [s, k] = [nk + next, nk + next + 1];
    next += 2;
    outputs.push((r) => average(r[s] ?? null, r[k] ?? null, type));
  });
  const calc = new CalcOperator(undefined, outputs);
  final.connectTo(calc);
  return calc;
}

/** `sum / count` as Flink's split AVG computes it in the result type (integers truncated), NULL for no values. */
function average(sum: unknown, count: unknown, type: AggregateSpec['resultType']): unknown {
  if (sum === null || count === null || Number(count) === 0) return null;
  switch (type.kind) {
    case 'INT': return Math.trunc(Number(sum) / Number(count));
    case 'BIGINT': return BigInt(sum as bigint | number) / BigInt(count as bigint | number);
    default: return Number(sum) / Number(count);
  }
}

/** The final aggregation over the partial one's rows (`width` key and bucket columns, then one column per part). */
function finalAggregate(nk: number, rel: Rel, width: number, parts: readonly { spec: AggregateSpec; final: AggregateName }[], partial: Operator): Operator {
  const finals: AggregateSpec[] = parts.map((p, i) => {
    const at = width + i;
    const argType = p.spec.resultType;
    const name = p.final;
    return {
      name, distinct: false, resultType: name === 'SUM0' ? argType : aggregateResultType(name, argType), arg: (r) => r[at] ?? null, argType, argColumn: at,
      ...((name === 'MIN' || name === 'MAX') && rel.mode === 'insert-only' ? { accumulator: () => new ExtremeIgnoringRetractions(comparatorFor(argType), name === 'MAX') } : {}),
    };
  });
  const final = new GroupAggregateOperator(Array.from({ length: nk }, (_, i) => (r: readonly unknown[]) => r[i] ?? null), new AggregateSet(finals));
  partial.connectTo(final);
  return final;
}

/** Refuses a query whose changelog the split would change and is not reproduced, when the changelog is kept. */
export function checkSplitDistinct(options: ReadonlyMap<string, string>, keepChangelog: boolean, plan: PlanNode): void {
  if (!keepChangelog || !splitDistinctEnabled(options)) return;
  const at = splitDistinct(plan, miniBatched(options));
  if (at === undefined) return;
  throw unsupported(`'${SPLIT_DISTINCT}' = 'true' on a group aggregation with a DISTINCT aggregate and ${at.reason}: Flink splits it into a partial aggregation per hash bucket and a final one, and that changelog (several -U / +U per input row) is reproduced only for COUNT, SUM, MIN, MAX, FIRST_VALUE, LAST_VALUE and AVG (of INT, BIGINT or DOUBLE) of one argument; the final table is (run with keepChangelog: false and assert on the table)`, at.span);
}
