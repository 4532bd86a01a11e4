/**
 * A bound `Join` (INNER / LEFT / RIGHT / FULL / CROSS) as a join operator keyed by the binder's equi-join keys; a
 * WHERE directly over an INNER or CROSS join joins with the condition (Flink pushes it into the join): its
 * equalities key the join state too. Interval and window joins: plan-bound-time-join.ts; temporal and lookup joins
 * and semi / anti joins (`x [NOT] IN (SELECT …)`) here.
 */
import type { BoundExpression } from '../plan/expression.js';
import type { Join } from '../plan/join.js';
import type { PlanNode } from '../plan/node.js';
import { equiKeysOf } from '../plan/patterns/join-strategy.js';
import type { Evaluator } from './compiled.js';
import { JoinOperator, SemiAntiJoinOperator } from './operators/join.js';
import { LookupJoinOperator } from './operators/lookup-join.js';
import { TemporalJoinOperator } from './operators/temporal-join.js';
import type { Operator } from './operators/operator.js';
import { textError, unsupported } from './errors.js';
import { CHANGELOG_TEXTS } from '../plan/changelog-codes.js';
import { TIME_TEXTS } from '../plan/time-codes.js';
import { IntervalJoinOperator } from './operators/interval-join.js';
import { intervalBounds, timeBounded, windowJoin } from './plan-bound-time-join.js';
import { copiedColumn } from '../plan/expression.js';
import type { Scan } from '../plan/scan.js';
import { conjunctsOf, subtreeNodes } from '../ast/expression-children.js';
import type { Planner, Rel, RelColumn } from './plan.js';
import { expressionScope } from './plan.js';
import { compileBound, planBound } from './plan-bound.js';
import { equiJoinKeysAt } from './plan-join-keys.js';
import { T, withNullable } from './types.js';

const OUTER = new Set(['LEFT', 'RIGHT', 'FULL']);

/**
 * The operand of a semi / anti join (`x` of `x [NOT] IN (SELECT y …)`) out of its condition (`x = y`, or for NOT IN
 * `x = y OR x IS NULL OR y IS NULL`, plan/patterns/semi-join.ts).
 */
function semiOperand(node: Join): BoundExpression | undefined {
  const c = node.condition;
  if (c === undefined) return undefined;
  const equal = node.type === 'SEMI' ? c.ast : c.ast.kind === 'Binary' && c.ast.left.kind === 'Binary' ? c.ast.left.left : undefined;
  if (equal?.kind !== 'Binary' || equal.op !== '=') return undefined;
  const nodes = subtreeNodes(equal.left);
  const type = c.types?.get(equal.left);
  return { ast: equal.left, ...(type === undefined ? {} : { type }), refs: c.refs.filter((r) => nodes.has(r.node)), subqueries: [], ...(c.types === undefined ? {} : { types: c.types }) };
}

/** Whether the join is a regular join compiled here. */
export function joinPlannable(node: Join, evaluable: (e: BoundExpression) => boolean): boolean {
  if (node.type === 'SEMI' || node.type === 'ANTI') {
    const operand = semiOperand(node);
    return operand !== undefined && evaluable(operand) && node.right.columns[0]?.type !== undefined;
  }
  if (node.strategy === 'temporal' || node.strategy === 'lookup') {
    // FOR SYSTEM_TIME AS OF a column of the left input, over a table (a lookup) or a versioned table or view
    return (node.type === 'INNER' || node.type === 'LEFT') && node.condition !== undefined && evaluable(node.condition)
      && node.period !== undefined && copiedColumn(node.period) !== undefined && (node.strategy === 'temporal' || node.right.kind === 'Scan');
  }
  if (node.period !== undefined) return false;
  if (node.type !== 'INNER' && node.type !== 'CROSS' && !OUTER.has(node.type)) return false;
  return node.condition === undefined || evaluable(node.condition);
}

/** The join a Filter can join with: an INNER or CROSS regular join (its rows are the join's input row unpadded). */
export function filteredJoin(node: PlanNode): node is Join {
  return node.kind === 'Join' && node.strategy === 'regular' && (node.type === 'INNER' || node.type === 'CROSS');
}

/** `x [NOT] IN (SELECT y …)`: the left rows with (without) a match, as Flink's semi / anti join. */
function semiJoin(planner: Planner, node: Join): Rel {
  const l = planBound(planner, node.left);
  const sub = planBound(planner, node.right);
  const span = node.span;
  const c = planner.values();
  const lc = compileBound(planner, l, semiOperand(node)!);
  const rt = sub.columns[0]!.type;
  const target = c.commonForComparison(lc, { type: rt, eval: () => null }, span)[2];
  const left = c.coerce(lc, target, span).eval;
  const right = c.coerce({ type: rt, eval: (r) => r[0] ?? null }, target, span).eval;
  const op = new SemiAntiJoinOperator(node.type === 'ANTI', left, right);
  l.op.connectTo(op, 0);
  sub.op.connectTo(op, 1);
  return { ...l, columns: l.columns.map((col, i) => ({ ...col, name: node.columns[i]!.name })), op, mode: planner.modeOf(node), rowtime: new Set(), proctime: new Set() };
}

/**
 * `FOR SYSTEM_TIME AS OF` a time attribute of the left input: a lookup join (processing time: the right table is
 * loaded before any probe row) or an event-time temporal join against a versioned table (its PRIMARY KEY and
 * WATERMARK) or a view with a unique key and a rowtime attribute, as Flink's planner derives them.
 */
function temporalJoin(planner: Planner, node: Join): Rel {
  const l = planBound(planner, node.left);
  const r = planBound(planner, node.right);
  const timeIdx = copiedColumn(node.period!)!;
  const input = expressionScope([...l.columns, ...r.columns], l.op);
  const cond = compileBound(planner, input, node.condition!, T.boolean()).eval;
  const left = node.type === 'LEFT';
  let op: Operator;
  if (l.proctime.has(timeIdx)) {
    planner.markLookup((node.right as Scan).table.path);
    op = new LookupJoinOperator(left, r.columns.length, cond);
  } else if (l.rowtime.has(timeIdx)) {
    const rowtime = [...r.rowtime][0];
    if (rowtime === undefined || !r.uniqueKey?.length) {
      const name = node.right.kind === 'Scan' ? node.right.table.path[2] : 'the view';
      // the facts `flinkts check` reports as FTS4307 (no WATERMARK) and FTS4306 (no key): the same codes
      throw textError(rowtime === undefined ? TIME_TEXTS.versionedTableWithoutWatermark({ table: name }) : node.right.kind === 'Scan' ? TIME_TEXTS.versionedTableWithoutKey({ kind: 'table', table: name }) : TIME_TEXTS.versionedTableWithoutKey({ kind: 'view' }), node.span);
    }
    op = new TemporalJoinOperator(left, r.columns.length, timeIdx, rowtime, r.uniqueKey, cond);
  } else {
    throw textError(TIME_TEXTS.temporalJoinNotTimeAttribute(l.columns[timeIdx] === undefined ? {} : { column: l.columns[timeIdx]!.name }), node.period!.ast.span);
  }
  l.op.connectTo(op, 0);
  r.op.connectTo(op, 1);
  const columns = [...l.columns, ...r.columns.map((c) => ({ ...c, type: left ? withNullable(c.type, true) : c.type }))].map((c, i) => ({ ...c, name: node.columns[i]!.name }));
  return { columns, op, mode: planner.modeOf(node), rowtime: l.rowtime, proctime: l.proctime };
}

export function join(planner: Planner, node: Join, where?: BoundExpression): Rel {
  if (node.type === 'SEMI' || node.type === 'ANTI') return semiJoin(planner, node);
  if (node.strategy === 'temporal' || node.strategy === 'lookup') return temporalJoin(planner, node);
  const l = planBound(planner, node.left);
  const r = planBound(planner, node.right);
  const width = l.columns.length;
  const padLeft = node.type === 'RIGHT' || node.type === 'FULL';
  const padRight = node.type === 'LEFT' || node.type === 'FULL';
  const columns = [
    ...l.columns.map((c, i) => ({ name: node.columns[i]!.name, type: padLeft ? withNullable(c.type, true) : c.type })),
    ...r.columns.map((c, i) => ({ name: node.columns[width + i]!.name, type: padRight ? withNullable(c.type, true) : c.type })),
  ];
  // the condition reads the inputs' columns as declared (unpadded)
  const input = expressionScope([...l.columns, ...r.columns], l.op);
  const timed = timeJoin(planner, node, l, r, columns, input);
  if (timed !== undefined) return timed;
  const conditions = [node.condition, where].filter((c): c is BoundExpression => c !== undefined).map((c) => compileBound(planner, input, c, T.boolean()).eval);
  const keys = [...node.equiKeys, ...(where === undefined ? [] : equiKeysOf(where, width))];
  const op = new JoinOperator(node.type === 'CROSS' ? 'INNER' : (node.type as 'INNER' | 'LEFT' | 'RIGHT' | 'FULL'), width, r.columns.length, all(conditions), equiJoinKeysAt(planner, keys, l, r, onlyKeys([node.condition, where], keys, width)));
  l.op.connectTo(op, 0);
  r.op.connectTo(op, 1);
  return { columns, op, mode: planner.modeOf(node), rowtime: new Set(), proctime: new Set() };
}

/**
 * Whether the conditions are exactly the equalities `keys` (every conjunct a column of one side equal to a column of
 * the other, and no other key): then rows of equal keys match without the condition being evaluated, where the key
 * types allow it (`equiJoinKeysAt`'s `exact`).
 */
function onlyKeys(conditions: readonly (BoundExpression | undefined)[], keys: readonly (readonly [number, number])[], width: number): boolean {
  const pairs = new Set<string>();
  for (const c of conditions) {
    if (c === undefined) continue;
    const found = equiKeysOf(c, width);
    if (found.length !== conjunctsOf(c.ast).length) return false;
    for (const [a, b] of found) pairs.add(`${a},${b}`);
  }
  const wanted = new Set(keys.map(([a, b]) => `${a},${b}`));
  return pairs.size > 0 && pairs.size === wanted.size && [...pairs].every((p) => wanted.has(p));
}

/**
 * An interval or window join (plan-bound-time-join.ts) when the binder's strategy and the inputs make one, as the
 * local runtime runs them; undefined for a regular join. Outer joins Flink would plan by time, with padded rows
 * emitted when the interval or window closes, are refused where the local runtime does not run them that way.
 */
function timeJoin(planner: Planner, node: Join, l: Rel, r: Rel, columns: readonly RelColumn[], input: Rel): Rel | undefined {
  const cond = node.condition;
  const outer = OUTER.has(node.type);
  const windowed = windowJoin(planner, node, l, r, columns);
  if (windowed !== undefined) return windowed;
  if (node.strategy === 'interval' && (l.mode !== 'insert-only' || r.mode !== 'insert-only')) {
    // Flink 1.20.1 refuses it (checked); `flinkts check` reports the fact as FTS4208: the same code
    throw textError(CHANGELOG_TEXTS.intervalJoinUpdates({}), node.span);
  }
  const width = l.columns.length;
  if (cond !== undefined && outer && node.strategy === 'window') {
    // Flink runs this as a window join: padded rows are emitted when the window fires, never retracted.
    throw unsupported('outer window joins (joins on window_start / window_end of two window TVFs)', node.span);
  }
  const interval = cond !== undefined && node.type !== 'CROSS' && l.mode === 'insert-only' && r.mode === 'insert-only' ? intervalBounds(planner, cond, l, r) : undefined;
  if (interval !== undefined) {
    const ev = compileBound(planner, input, cond!, T.boolean()).eval;
    const op = new IntervalJoinOperator(
      [node.type === 'LEFT' || node.type === 'FULL', node.type === 'RIGHT' || node.type === 'FULL'],
      [width, r.columns.length], [interval.leftTime, interval.rightTime], interval.lower, interval.upper, ev,
    );
    l.op.connectTo(op, 0);
    r.op.connectTo(op, 1);
    return { columns, op, mode: planner.modeOf(node), rowtime: new Set([...l.rowtime, ...[...r.rowtime].map((i) => i + width)]), proctime: new Set() };
  }
  if (cond !== undefined && outer && timeBounded(cond, l, r)) {
    // Flink plans an interval join: outer rows are emitted when the interval closes, not retracted later.
    throw unsupported('outer interval joins on processing time or with bounds that are not INTERVAL literals', node.span);
  }
  return undefined;
}

function all(conditions: readonly Evaluator[]): Evaluator | undefined {
  if (conditions.length <= 1) return conditions[0];
  const [a, b] = conditions as [Evaluator, Evaluator];
  return (row) => {
    const x = a(row);
    if (x === false) return false;
    const y = b(row);
    return y === false ? false : x === null || y === null ? null : true;
  };
}
