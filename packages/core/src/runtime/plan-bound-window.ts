/**
 * Bound window TVFs (TUMBLE / HOP / CUMULATE / SESSION over an event-time attribute; TUMBLE / HOP / CUMULATE over a
 * processing-time one, plan-proctime-window.ts) and the window aggregations over them (an Aggregate the binder
 * recognised as grouped by window_start and window_end). A SESSION TVF is assigned by its window aggregation
 * (`windowAggregateInput`) or, read any other way, by its own operator (operators/session-table.ts); processing-time
 * SESSION TVFs only by their aggregation. Legacy group windows: plan-bound-group-window.ts.
 */
import type { Aggregate } from '../plan/aggregate.js';
import type { BoundExpression } from '../plan/expression.js';
import { copiedColumn } from '../plan/expression.js';
import type { WindowTableFunction } from '../plan/window-table-function.js';
import type { PlanNode } from '../plan/node.js';
import { SessionTableOperator } from './operators/session-table.js';
import type { Evaluator } from './compiled.js';
import { textError, unsupported } from './errors.js';
import { AggregateSet } from './operators/aggregates.js';
import type { AggregateSpec } from './operators/aggregates.js';
import { CalcOperator } from './operators/calc.js';
import type { Operator } from './operators/operator.js';
import { WindowAggregateOperator } from './operators/window-aggregate.js';
import type { WindowSpec } from './operators/window-aggregate.js';
import type { Planner, Rel, RelColumn } from './plan.js';
import { compileBound, planBound, timeColumns } from './plan-bound.js';
import { windowAggregateOverChangelog } from './plan-window-changelog.js';
import { typeToString, withNullable } from './types.js';
import { proctimeWindowAggregate, proctimeWindowedRel } from './plan-proctime-window.js';
import { TYPE_TEXTS } from '../typing/codes.js';

/** Whether the window TVF is compiled here. */
export function windowPlannable(node: WindowTableFunction, evaluable: (e: BoundExpression) => boolean): boolean {
  return node.input.columns[node.timeColumn]?.time !== undefined && node.args.every(evaluable);
}

export function windowTvf(planner: Planner, node: WindowTableFunction): Rel {
  const input = planBound(planner, node.input);
  const ms = (i: number, what: string): number => {
    const arg = node.args[i];
    // the binder rejects a missing size (FTS4405) and one that is no day-time INTERVAL (FTS4406), as Flink does
    if (arg === undefined) throw textError(TYPE_TEXTS.wrongArity({ fn: node.call.name.join('.').toUpperCase(), expected: `a ${what}` }), node.call.span);
    const v = compileBound(planner, input, arg);
    if (v.type.kind !== 'INTERVAL_DAY_TIME') throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: node.call.name.join('.').toUpperCase(), types: [typeToString(v.type)], expects: `a day-time INTERVAL ${what}` }), arg.ast.span);
    if (!v.constant) throw unsupported(`a ${what} that is not a constant`, arg.ast.span);
    return v.constant.value as number;
  };
  const offset = (i: number): number => (node.args[i] === undefined ? 0 : ms(i, 'window offset'));
  if (node.fn !== 'SESSION' && node.partitionKeys !== undefined) throw unsupported(`${node.fn} windows with PARTITION BY`, node.call.span);
  let spec: WindowSpec;
  if (node.fn === 'TUMBLE') spec = { kind: 'TUMBLE', size: ms(0, 'window size'), offset: offset(1) };
  else if (node.fn === 'HOP') spec = { kind: 'HOP', slide: ms(0, 'window slide'), size: ms(1, 'window size'), offset: offset(2) };
  else if (node.fn === 'CUMULATE') spec = { kind: 'CUMULATE', step: ms(0, 'window step'), size: ms(1, 'max window size'), offset: offset(2) };
  else spec = { kind: 'SESSION', gap: ms(0, 'session gap') };
  const span = node.args[0]?.ast.span;
  const proctime = node.input.columns[node.timeColumn]!.time === 'proctime';
  let rel = proctime
    ? proctimeWindowedRel(planner.session, input, spec, node.timeColumn, undefined, span)
    : planner.windowedRel(input, spec, node.timeColumn, undefined, span);
  if (spec.kind === 'SESSION' && !folding.has(node)) {
    // read other than by its window aggregation: Flink's TVF operator, whose rows leave when their session closes
    if (proctime) throw unsupported('a processing-time SESSION window TVF read other than by its window aggregation', node.call.span);
    const op = new SessionTableOperator(spec.gap, node.timeColumn, (node.partitionKeys ?? []).map((k) => compileBound(planner, input, k).eval));
    input.op.connectTo(op);
    const { sessionRows: _unassigned, ...window } = rel.window!;
    void _unassigned;
    rel = { ...rel, op, window: { ...window, timeIndex: window.end } };
  }
  // the input's time attributes stay time attributes next to window_time, as in Flink
  return { ...rel, columns: rel.columns.map((c, i) => ({ ...c, name: node.columns[i]!.name })), rowtime: timeColumns(node, 'rowtime'), proctime: timeColumns(node, 'proctime') };
}

/** The SESSION window TVFs being planned as part of their window aggregation (which assigns the sessions). */
const folding = new Set<WindowTableFunction>();

/**
 * The input of a window aggregation: a SESSION window TVF it groups by its window and PARTITION BY columns, read
 * through filters and projections that copy its window columns, is folded into the aggregation (Flink's planner
 * merges them; a WHERE then filters before the sessions form, checked on Flink 1.20.1; a projection that drops the
 * time column passes it on after its own columns); anything else is planned as it is (the TVF's own operator
 * assigns the sessions).
 */
export function windowAggregateInput(planner: Planner, node: Aggregate): Rel {
  const tvf = foldableSession(node.input);
  if (tvf === undefined) return planBound(planner, node.input);
  folding.add(tvf);
  try {
    return planBound(planner, node.input);
  } finally {
    folding.delete(tvf);
  }
}

/** The SESSION TVF below Filters and Projects that `windowAggregateInput` can fold, if any. */
function foldableSession(node: PlanNode): WindowTableFunction | undefined {
  const chain: PlanNode[] = [];
  let n = node;
  while (n.kind === 'Filter' || n.kind === 'Project') {
    chain.push(n);
    n = n.input;
  }
  if (n.kind !== 'WindowTableFunction' || n.fn !== 'SESSION') return undefined;
  const width = n.input.columns.length;
  let window = new Set([width, width + 1, width + 2]);
  for (const c of chain.reverse()) {
    if (c.kind === 'Filter') {
      if (c.condition.refs.some((r) => window.has(r.index))) return undefined;
      continue;
    }
    if (c.kind !== 'Project') return undefined;
    const copies = c.exprs.map(copiedColumn);
    if (c.exprs.some((e, i) => copies[i] === undefined && e.refs.some((r) => window.has(r.index)))) return undefined;
    window = new Set(copies.flatMap((x, i) => (x !== undefined && window.has(x) ? [i] : [])));
  }
  return n;
}

/**
 * One past the last input column that `exprs` (a window aggregation's keys, arguments and filters) and its time
 * column read; undefined when that is not known (a sub-query, a reference to an enclosing query's column).
 */
function readWidth(exprs: readonly BoundExpression[], timeIndex: number): number | undefined {
  let width = timeIndex + 1;
  for (const e of exprs) {
    if (e.subqueries.length > 0) return undefined;
    for (const r of e.refs) {
      if (r.depth !== 0) return undefined;
      width = Math.max(width, r.index + 1);
    }
  }
  return width;
}

/**
 * The window aggregation of `node` (its keys include the input's window_start and window_end): Flink's window
 * operator emits the other keys, the aggregates, then window_start, window_end and window_time; a Calc puts its
 * columns in the plan's order (keys, then aggregates).
 */
export function windowAggregate(planner: Planner, node: Aggregate, rel: Rel, keys: readonly { eval: Evaluator; type: RelColumn['type'] }[], specs: readonly AggregateSpec[], sets: readonly (readonly number[])[]): Rel {
  const w = rel.window;
  const span = node.keys[0]?.ast.span;
  if (w === undefined) throw unsupported('this window aggregation (its window columns could not be followed)', span);
  const role = node.keys.map((k) => {
    const c = copiedColumn(k);
    return c === w.start ? 'start' : c === w.end ? 'end' : c !== undefined && c === w.time ? 'time' : 'key';
  });
  if (!role.includes('start') || !role.includes('end')) throw unsupported('this window aggregation (its window columns could not be followed)', node.keys[0]?.ast.span);
  const plain = keys.filter((_, i) => role[i] === 'key');
  const p = plain.length;
  const a = specs.length;
  // grouping sets: positions among the plain keys (every set holds the window's bounds)
  const plainAt = role.map((r, i) => (r === 'key' ? role.slice(0, i).filter((x) => x === 'key').length : -1));
  const keySets = sets.map((set) => set.map((i) => plainAt[i]!).filter((i) => i >= 0));
  const inEvery = (i: number): boolean => sets.every((set) => set.includes(i));
  if (w.spec.kind === 'SESSION' && w.spec.legacy && specs.some((sp) => sp.distinct)) {
    // real Flink 1.20 emits updates for such a session (differential testing found -U/+U); not reproduced
    throw unsupported('DISTINCT aggregates in SESSION window aggregations', span);
  }
  let head: Operator;
  let tail: Operator;
  const proc = proctimeWindowAggregate(planner.session, w.spec, [w.start, w.end], plain.map((k) => k.eval), keySets, specs, rel.mode !== 'insert-only', span);
  if (proc !== undefined) ({ head, tail } = proc);
  else if (rel.mode !== 'insert-only') {
    ({ head, tail } = windowAggregateOverChangelog(w.spec, w.timeIndex, [w.start, w.end], plain.map((k) => k.eval), keySets, specs, span));
  } else {
    // a SESSION window folded into its aggregation is assigned here, from the time column
    const reads = [...node.keys.filter((_, i) => role[i] === 'key'), ...node.calls.flatMap((c) => [...c.args, ...(c.filter ? [c.filter] : [])])];
    head = tail = new WindowAggregateOperator(w.spec, w.timeIndex, w.sessionRows ? undefined : [w.start, w.end], plain.map((k) => k.eval), keySets, new AggregateSet([...specs]), readWidth(reads, w.timeIndex));
  }
  rel.op.connectTo(head);
  // where each plan column is in the window operator's output
  let next = 0;
  const at = [...role.map((r) => (r === 'start' ? p + a : r === 'end' ? p + a + 1 : r === 'time' ? p + a + 2 : next++)), ...specs.map((_, j) => p + j)];
  const reorder = new CalcOperator(undefined, at.map((i) => (row) => row[i] ?? null));
  tail.connectTo(reorder);
  const windowType = (rel.columns[w.start] as RelColumn).type;
  const types = [...keys.map((k, i) => (role[i] === 'key' ? (inEvery(i) ? k.type : withNullable(k.type, true)) : role[i] === 'time' ? (rel.columns[w.time as number] as RelColumn).type : windowType)), ...specs.map((s) => s.resultType)];
  const start = role.indexOf('start');
  const end = role.indexOf('end');
  const time = role.indexOf('time');
  return {
    columns: node.columns.map((c, i) => ({ name: c.name, type: types[i]! })),
    op: reorder, mode: planner.modeOf(node),
    rowtime: timeColumns(node, 'rowtime'), proctime: timeColumns(node, 'proctime'),
    // Flink propagates the window properties: a later GROUP BY window_start, window_end is a window aggregation
    window: { spec: w.spec, timeIndex: end, start, end, input: rel, ...(time >= 0 ? { time } : {}) },
  };
}
