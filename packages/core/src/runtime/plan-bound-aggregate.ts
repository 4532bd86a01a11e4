/**
 * A bound `Aggregate` (GROUP BY, grouping sets, a global aggregation, SELECT DISTINCT) as a group aggregation: keys
 * and arguments as the binder bound them; window aggregations in plan-bound-window.ts, legacy group windows in
 * plan-bound-group-window.ts.
 */
import type { Aggregate, AggregateCall } from '../plan/aggregate.js';
import type { BoundExpression } from '../plan/expression.js';
import type { DataType } from '../types/data-type.js';
import type { Compiled, Evaluator } from './compiled.js';
import { textError, notReached, unsupported } from './errors.js';
import { groupingKeyIndex } from '../plan/aggregate-rules.js';
import { AGGREGATE_NAMES, AggregateSet, aggregateResultType } from './operators/aggregates.js';
import type { AggregateName, AggregateSpec } from './operators/aggregates.js';
import { CalcOperator } from './operators/calc.js';
import { GroupAggregateOperator } from './operators/group-aggregate.js';
import type { Operator } from './operators/operator.js';
import type { PlannedRel, Planner, Rel } from './plan.js';
import { aggregateRemoved } from '../plan/properties/aggregate-removal.js';
import { boundCompilerOver, compileBound, planBound } from './plan-bound.js';
import { COLLECTION_AGGREGATES, collectionAggregateSpec } from './plan-collection-aggregates.js';
import type { CollectionAggregateName } from './operators/collection-aggregates.js';
import { coversWindow, isWindowAggregate, windowColumns, windowOrigin } from '../plan/properties/window-columns.js';
import { copiedColumn } from '../plan/expression.js';
import { windowAggregate, windowAggregateInput } from './plan-bound-window.js';
import { groupWindowAggregate } from './plan-bound-group-window.js';
import { T, withNullable } from './types.js';
import { ExpandOperator } from './operators/expand.js';
import { compareGroupingSets, groupingBits } from './grouping-sets.js';
import { REDUCED_AGGREGATES, reduceBoundVariance } from './plan-reduce-aggregates.js';
import type { Expression } from '../ast/expression.js';
import { boundAggregateMonotonicity } from './plan-rank-strategy.js';
import type { PlanNode } from '../plan/node.js';
import { miniBatchAggregate } from './mini-batch.js';
import { splitDistinctAggregate } from './split-distinct.js';
import { TYPE_TEXTS } from '../typing/codes.js';

/** Whether the aggregation is a plain group aggregation compiled here. */
export function aggregatePlannable(node: Aggregate, evaluable: (e: BoundExpression) => boolean): boolean {
  if (node.windowKey !== undefined) {
    // the group window's own arguments (its time attribute and interval literals) are read by plan-bound-group-window.ts
    return aggregatePlannable({ ...node, keys: node.keys.filter((_, i) => i !== node.windowKey), windowKey: undefined, groupingSets: [] }, evaluable);
  }
  const bounds = windowColumns(node.input);
  // a SESSION TVF's rows grouped other than by its window aggregation carry their sessions' bounds (its own operator)
  const session = windowOrigin(node.input)?.tvf.fn === 'SESSION';
  if (!session && !isWindowAggregate(node) && node.keys.some((k) => bounds.has(copiedColumn(k) ?? -1))) return false;
  if (!node.keys.every(evaluable)) return false;
  return node.calls.every((c) => (AGGREGATE_NAMES.has(c.fn) || COLLECTION_AGGREGATES.has(c.fn) || REDUCED_AGGREGATES.has(c.fn) || GROUPING.has(c.fn)) && c.ast.withinGroup === undefined && c.args.every(evaluable) && (c.filter === undefined || evaluable(c.filter)));
}

/** GROUPING(…) / GROUPING_ID(…): which grouping set a row belongs to, computed from the set (grouping-sets.ts). */
const GROUPING = new Set(['GROUPING', 'GROUPING_ID']);

/** Whether the aggregation has grouping sets (GROUPING SETS / ROLLUP / CUBE): Flink's Expand feeds it. */
const hasGroupingSets = (node: Aggregate): boolean => node.groupingSets.length !== 1 || node.groupingSets[0]!.length !== node.keys.length;

/** The key positions GROUPING(args) reads: each argument is one of the grouping keys. */
function groupingPositions(node: Aggregate, call: AggregateCall): number[] {
  return call.args.map((a) => {
    const i = groupingKeyIndex(node.keys, a);
    // the binder rejects an argument that is no grouping key (FTS4534)
    if (i < 0) throw notReached(`an argument of ${call.fn} that is not a grouping key`);
    return i;
  });
}

function spec(planner: Planner, rel: Rel, call: AggregateCall): AggregateSpec {
  const name = call.fn as AggregateName;
  const span = call.ast.span;
  if (COLLECTION_AGGREGATES.has(name)) {
    const filter = call.filter === undefined ? undefined : compileBound(planner, rel, call.filter, T.boolean()).eval;
    return collectionAggregateSpec(name as CollectionAggregateName, call.ast, boundCompilerOver(planner, rel, call.args), filter);
  }
  let separator: string | undefined;
  if (name === 'LISTAGG' && call.args.length === 2) {
    const sep = compileBound(planner, rel, call.args[1]!);
    if (!sep.constant || typeof sep.constant.value !== 'string') throw textError(TYPE_TEXTS.badArgument({ kind: 'listaggSeparator' }), call.args[1]!.ast.span);
    separator = sep.constant.value;
  }
  let arg: Compiled | undefined;
  if (call.ast.star === true) {
    if (name !== 'COUNT') throw notReached(`${name}(*)`);
  } else {
    if (call.args.length !== 1 && !(name === 'LISTAGG' && call.args.length === 2)) throw notReached(`${name} with ${call.args.length} arguments`);
    arg = compileBound(planner, rel, call.args[0]!);
    if (name === 'LISTAGG') arg = planner.boundCompiler(() => undefined, () => undefined).toStringArg(arg, span);
    if (arg.type.kind === 'NULL') throw textError(TYPE_TEXTS.badArgument({ kind: 'untypedNull', fn: name }), span);
  }
  const filter = call.filter === undefined ? undefined : compileBound(planner, rel, call.filter, T.boolean()).eval;
  return {
    name, distinct: call.distinct, resultType: aggregateResultType(name, arg?.type), ...(separator !== undefined ? { separator } : {}),
    ...(arg ? { arg: arg.eval, argType: arg.type, ...(arg.column !== undefined ? { argColumn: arg.column } : {}) } : {}),
    ...(filter ? { filter } : {}),
  };
}

/**
 * `over`: the relation the aggregation reads, when it is not its plan input's (a legacy group window's window TVF,
 * whose window_start and window_end the aggregation groups by).
 */
export function aggregate(planner: Planner, node: Aggregate, over?: Rel): PlannedRel {
  if (node.windowKey !== undefined) return groupWindowAggregate(planner, node, (n, r) => aggregate(planner, n, r));
  const reduced = reduceBoundVariance(node);
  if (reduced !== undefined) return varianceAggregate(planner, node, reduced.inner, reduced.finals, over);
  const windowed = over !== undefined || isWindowAggregate(node);
  const rel = over ?? (windowed ? windowAggregateInput(planner, node) : planBound(planner, node.input));
  const keys = node.keys.map((k) => compileBound(planner, rel, k));
  const sets = [...node.groupingSets].sort(compareGroupingSets);
  if (hasGroupingSets(node) && !windowed) return expandedAggregate(planner, node, rel, keys, sets);
  if (node.calls.some((c) => GROUPING.has(c.fn)) && windowed && hasGroupingSets(node)) {
    throw unsupported('GROUPING() / GROUPING_ID() in window aggregations with grouping sets', node.calls.find((c) => GROUPING.has(c.fn))!.ast.span);
  }
  const specs = node.calls.map((c) => (GROUPING.has(c.fn) ? groupingSpec(node, c) : spec(planner, rel, c)));
  if (windowed) return windowAggregate(planner, node, rel, keys, specs, sets);
  let op: Operator;
  if (aggregateRemoved(node)) {
    // the plan's decision (Flink's FlinkAggregateRemoveRule, plan/properties/aggregate-removal.ts): grouped by a unique
    // key of the input, every group is one row, each SUM / MIN / MAX its argument
    op = new CalcOperator(undefined, [...keys.map((k) => k.eval), ...specs.map((sp) => sp.arg as Evaluator)]);
  } else {
    const split = splitDistinctAggregate(planner.session.options, planner, node, rel, keys, specs);
    if (split !== undefined) return groupRel(node, rel, keys, specs, split);
    op = new GroupAggregateOperator(keys.map((k) => k.eval), new AggregateSet(specs, rel.mode === 'insert-only'), keys.length === 1 && node.distinct === undefined ? keys[0]!.column : undefined);
    op = miniBatchAggregate(planner.session.options, op, keys, node.calls);
  }
  rel.op.connectTo(op);
  return groupRel(node, rel, keys, specs, op);
}

/** The relation of a group aggregation `op` over `rel` (its mode is the plan's, set by `planBound`). */
function groupRel(node: Aggregate, rel: Rel, keys: readonly Compiled[], specs: readonly AggregateSpec[], op: Operator): PlannedRel {
  const types: DataType[] = [...keys.map((k) => k.type), ...specs.map((sp) => sp.resultType)];
  return {
    columns: node.columns.map((c, i) => ({ name: c.name, type: types[i]! })),
    op, rowtime: new Set(), proctime: new Set(),
    aggregateKey: keys.map((_, i) => i),
    monotonicity: boundAggregateMonotonicity(keys.length, node.calls, rel.mode === 'insert-only', filteredBelow(node.input)),
  };
}

/** GROUPING(…) of a plain GROUP BY (one set of every key): 0, a constant. */
function groupingSpec(node: Aggregate, call: AggregateCall): AggregateSpec {
  const bits = groupingBits([node.keys.map((_, i) => i)], groupingPositions(node, call))[0]!;
  return { name: 'MAX', distinct: false, resultType: T.bigint(false), arg: () => bits, argType: T.bigint(false) };
}

/**
 * GROUPING SETS / ROLLUP / CUBE as Flink runs them: an Expand copies each row once per set (the set's index appended),
 * a group aggregation keyed by the keys (those not in the row's set NULL) and the set's index, then a Calc that puts
 * the plan's columns in order and computes GROUPING(…) from the set's index.
 */
function expandedAggregate(planner: Planner, node: Aggregate, rel: Rel, keys: readonly Compiled[], sets: readonly (readonly number[])[]): PlannedRel {
  const n = rel.columns.length;
  const nk = keys.length;
  const expand = new ExpandOperator(sets.length);
  rel.op.connectTo(expand);
  const masked = keys.map((k, i): Evaluator => {
    const inSet = sets.map((set) => set.includes(i));
    return (r) => (inSet[r[n] as number] ? k.eval(r) : null);
  });
  const accumulated = node.calls.filter((c) => !GROUPING.has(c.fn));
  const specs = accumulated.map((c) => spec(planner, rel, c));
  const op = new GroupAggregateOperator([...masked, (r) => r[n] ?? null], new AggregateSet(specs));
  expand.connectTo(op);
  // the aggregation's rows: the keys, the set's index (at nk), the accumulated calls
  let next = nk + 1;
  const outputs: { eval: Evaluator; type: DataType }[] = node.calls.map((c) => {
    if (GROUPING.has(c.fn)) {
      const bits = groupingBits(sets, groupingPositions(node, c));
      return { type: T.bigint(false), eval: (r) => bits[r[nk] as number] ?? null };
    }
    const at = next++;
    return { type: specs[at - nk - 1]!.resultType, eval: (r) => r[at] ?? null };
  });
  const calc = new CalcOperator(undefined, [...keys.map((_, i) => (r: readonly unknown[]) => r[i] ?? null), ...outputs.map((o) => o.eval)]);
  op.connectTo(calc);
  const types: DataType[] = [...keys.map((k, i) => (sets.every((set) => set.includes(i)) ? k.type : withNullable(k.type, true))), ...outputs.map((o) => o.type)];
  return { columns: node.columns.map((c, i) => ({ name: c.name, type: types[i]! })), op: calc, rowtime: new Set(), proctime: new Set() };
}

/**
 * STDDEV / VAR as Flink's planner runs them (plan-reduce-aggregates.ts): the aggregation of their SUMs and COUNTs,
 * then a Calc that computes each call's value from them, with Flink's arithmetic and the call's type.
 */
function varianceAggregate(planner: Planner, node: Aggregate, inner: Aggregate, finals: readonly Expression[], over: Rel | undefined): PlannedRel {
  const rel = aggregate(planner, inner, over);
  const read = (e: Expression): Compiled | undefined => {
    if (e.kind !== 'ColumnRef' || !e.name.startsWith('$')) return undefined;
    const i = Number(e.name.slice(1));
    return { type: rel.columns[i]!.type, eval: (r) => r[i] ?? null, column: i };
  };
  const c = planner.boundCompiler(read, () => undefined);
  const nk = node.keys.length;
  const columns = [...rel.columns.slice(0, nk), ...finals.map((f, i) => {
    const type = node.columns[nk + i]!.type;
    return c.conform(c.compile(f), type, node.calls[i]!.ast.span);
  })];
  const calc = new CalcOperator(undefined, [...columns.slice(0, nk).map((_, i) => (r: readonly unknown[]) => r[i] ?? null), ...columns.slice(nk).map((x) => (x as Compiled).eval)]);
  rel.op.connectTo(calc);
  return {
    ...rel, op: calc,
    columns: node.columns.map((col, i) => ({ name: col.name, type: i < nk ? rel.columns[i]!.type : (columns[i] as Compiled).type })),
    // a call kept as it is moves as it did; a computed variance is not monotonic
    ...(rel.monotonicity ? { monotonicity: [...rel.monotonicity.slice(0, nk), ...finals.map((f) => (read(f)?.column === undefined ? 'not-monotonic' : rel.monotonicity![read(f)!.column!]!))] } : {}),
  };
}

/** Whether a WHERE filters the aggregation's input (a Filter below it, through projections). */
function filteredBelow(node: PlanNode): boolean {
  if (node.kind === 'Filter') return true;
  return node.kind === 'Project' ? filteredBelow(node.input) : false;
}
