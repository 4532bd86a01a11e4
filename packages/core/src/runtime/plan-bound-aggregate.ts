/**
 * A bound `Aggregate` (GROUP BY with one grouping set, a global aggregation, SELECT DISTINCT) as a group
 * aggregation: keys and arguments as the binder bound them. Window aggregations, grouping sets, legacy group
 * windows, GROUPING() and the aggregates Flink rewrites (STDDEV / VAR) are still planned from the AST (plan.ts).
 */
import type { Aggregate, AggregateCall } from '../plan/aggregate.js';
import type { BoundExpression } from '../plan/expression.js';
import type { DataType } from '../types/data-type.js';
import type { Compiled, Evaluator } from './compiled.js';
import { invalid } from './errors.js';
import { AGGREGATE_NAMES, AggregateSet, aggregateResultType } from './operators/aggregates.js';
import type { AggregateName, AggregateSpec } from './operators/aggregates.js';
import { CalcOperator } from './operators/calc.js';
import { GroupAggregateOperator } from './operators/group-aggregate.js';
import type { Operator } from './operators/operator.js';
import type { Planner, Rel } from './plan.js';
import { groupsUniqueRows } from './plan.js';
import { boundCompilerOver, compileBound, planBound } from './plan-bound.js';
import { COLLECTION_AGGREGATES, collectionAggregateSpec } from './plan-collection-aggregates.js';
import type { CollectionAggregateName } from './operators/collection-aggregates.js';
import { isWindowAggregate, windowColumns } from '../plan/properties/window-columns.js';
import { copiedColumn } from '../plan/expression.js';
import { windowAggregate } from './plan-bound-window.js';
import { T } from './types.js';
import { REDUCED_AGGREGATES, reduceBoundVariance } from './plan-reduce-aggregates.js';
import type { Expression } from '../ast/expression.js';
import { boundAggregateMonotonicity } from './plan-rank-strategy.js';
import type { PlanNode } from '../plan/node.js';

/** Whether the aggregation is a plain group aggregation compiled here. */
export function aggregatePlannable(node: Aggregate, evaluable: (e: BoundExpression) => boolean): boolean {
  if (node.groupingSets.length !== 1 || node.windowKey !== undefined) return false;
  // grouped by one of window_start / window_end only: refused by the AST planner (FTS7001)
  const bounds = windowColumns(node.input);
  if (!isWindowAggregate(node) && node.keys.some((k) => bounds.has(copiedColumn(k) ?? -1))) return false;
  if (!node.keys.every(evaluable)) return false;
  return node.calls.every((c) => (AGGREGATE_NAMES.has(c.fn) || COLLECTION_AGGREGATES.has(c.fn) || REDUCED_AGGREGATES.has(c.fn)) && c.ast.withinGroup === undefined && c.args.every(evaluable) && (c.filter === undefined || evaluable(c.filter)));
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
    if (!sep.constant || typeof sep.constant.value !== 'string') throw invalid('The LISTAGG separator must be a string literal', call.args[1]!.ast.span);
    separator = sep.constant.value;
  }
  let arg: Compiled | undefined;
  if (call.ast.star === true) {
    if (name !== 'COUNT') throw invalid(`${name}(*) is not valid`, span);
  } else {
    if (call.args.length !== 1 && !(name === 'LISTAGG' && call.args.length === 2)) throw invalid(`${name} takes one argument`, span);
    arg = compileBound(planner, rel, call.args[0]!);
    if (name === 'LISTAGG') arg = planner.boundCompiler(() => undefined, () => undefined).toStringArg(arg, span);
    if (arg.type.kind === 'NULL') throw invalid(`Illegal use of 'NULL' in ${name}`, span);
  }
  const filter = call.filter === undefined ? undefined : compileBound(planner, rel, call.filter, T.boolean()).eval;
  return {
    name, distinct: call.distinct, resultType: aggregateResultType(name, arg?.type), ...(separator !== undefined ? { separator } : {}),
    ...(arg ? { arg: arg.eval, argType: arg.type, ...(arg.column !== undefined ? { argColumn: arg.column } : {}) } : {}),
    ...(filter ? { filter } : {}),
  };
}

export function aggregate(planner: Planner, node: Aggregate): Rel {
  const reduced = reduceBoundVariance(node);
  if (reduced !== undefined) return varianceAggregate(planner, node, reduced.inner, reduced.finals);
  const rel = planBound(planner, node.input);
  const keys = node.keys.map((k) => compileBound(planner, rel, k));
  const specs = node.calls.map((c) => spec(planner, rel, c));
  if (isWindowAggregate(node)) return windowAggregate(planner, node, rel, keys, specs);
  let op: Operator;
  let passThrough = false;
  if (node.distinct === undefined && groupsUniqueRows(rel, keys, specs, false)) {
    // Flink's FlinkAggregateRemoveRule: grouped by a unique key of the input, every group is one row (see plan.ts)
    op = new CalcOperator(undefined, [...keys.map((k) => k.eval), ...specs.map((sp) => sp.arg as Evaluator)]);
    passThrough = true;
  } else {
    op = new GroupAggregateOperator(keys.map((k) => k.eval), new AggregateSet(specs), keys.length === 1 && node.distinct === undefined ? keys[0]!.column : undefined);
  }
  rel.op.connectTo(op);
  const types: DataType[] = [...keys.map((k) => k.type), ...specs.map((sp) => sp.resultType)];
  return {
    columns: node.columns.map((c, i) => ({ name: c.name, type: types[i]! })),
    op, mode: passThrough ? rel.mode : 'updating', rowtime: new Set(), proctime: new Set(),
    aggregateKey: keys.map((_, i) => i),
    monotonicity: boundAggregateMonotonicity(keys.length, node.calls, rel.mode === 'insert-only', filteredBelow(node.input)),
  };
}

/**
 * STDDEV / VAR as Flink's planner runs them (plan-reduce-aggregates.ts): the aggregation of their SUMs and COUNTs,
 * then a Calc that computes each call's value from them, with Flink's arithmetic and the call's type.
 */
function varianceAggregate(planner: Planner, node: Aggregate, inner: Aggregate, finals: readonly Expression[]): Rel {
  const rel = aggregate(planner, inner);
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
