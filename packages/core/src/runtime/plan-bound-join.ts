/**
 * A bound regular `Join` (INNER / LEFT / RIGHT / FULL / CROSS, the strategy the binder recognised) as a join
 * operator keyed by the binder's equi-join keys. A WHERE directly over an INNER or CROSS join joins with the
 * condition (Flink pushes it into the join): its equalities key the join state too. Interval, temporal, lookup and
 * window joins, and semi / anti joins, are still planned from the AST (plan.ts).
 */
import type { BoundExpression } from '../plan/expression.js';
import type { Join } from '../plan/join.js';
import type { PlanNode } from '../plan/node.js';
import { equiKeysOf } from '../plan/patterns/join-strategy.js';
import { windowColumns } from '../plan/properties/window-columns.js';
import type { Evaluator } from './compiled.js';
import { JoinOperator, SemiAntiJoinOperator } from './operators/join.js';
import { subtreeNodes } from '../plan/expression-children.js';
import type { Planner, Rel } from './plan.js';
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
  if (node.strategy !== 'regular' || node.period !== undefined) return false;
  if (node.type !== 'INNER' && node.type !== 'CROSS' && !OUTER.has(node.type)) return false;
  if (node.condition !== undefined && !evaluable(node.condition)) return false;
  if (OUTER.has(node.type)) {
    // Flink plans these as window or interval joins, whose padded rows differ; the AST planner refuses them (FTS7001)
    if (windowColumns(node.left).size > 0 && windowColumns(node.right).size > 0) return false;
    const width = node.left.columns.length;
    const timed = (node.condition?.refs ?? []).filter((r) => node.left.columns[r.index]?.time !== undefined || node.right.columns[r.index - width]?.time !== undefined);
    if (timed.some((r) => r.index < width) && timed.some((r) => r.index >= width)) return false;
  }
  return true;
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
  const c = planner.compiler(l);
  const lc = compileBound(planner, l, semiOperand(node)!);
  const rt = sub.columns[0]!.type;
  const target = c.commonForComparison(lc, { type: rt, eval: () => null }, span)[2];
  const left = c.coerce(lc, target, span).eval;
  const right = c.coerce({ type: rt, eval: (r) => r[0] ?? null }, target, span).eval;
  const op = new SemiAntiJoinOperator(node.type === 'ANTI', left, right);
  l.op.connectTo(op, 0);
  sub.op.connectTo(op, 1);
  return { ...l, columns: l.columns.map((col, i) => ({ ...col, name: node.columns[i]!.name })), op, mode: 'updating', rowtime: new Set(), proctime: new Set() };
}

export function join(planner: Planner, node: Join, where?: BoundExpression): Rel {
  if (node.type === 'SEMI' || node.type === 'ANTI') return semiJoin(planner, node);
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
  const input: Rel = { columns: [...l.columns, ...r.columns], op: l.op, mode: 'updating', rowtime: new Set(), proctime: new Set() };
  const conditions = [node.condition, where].filter((c): c is BoundExpression => c !== undefined).map((c) => compileBound(planner, input, c, T.boolean()).eval);
  const keys = [...node.equiKeys, ...(where === undefined ? [] : equiKeysOf(where, width))];
  const op = new JoinOperator(node.type === 'CROSS' ? 'INNER' : (node.type as 'INNER' | 'LEFT' | 'RIGHT' | 'FULL'), width, r.columns.length, all(conditions), equiJoinKeysAt(planner, keys, l, r));
  l.op.connectTo(op, 0);
  r.op.connectTo(op, 1);
  const insertOnly = (node.type === 'INNER' || node.type === 'CROSS') && l.mode === 'insert-only' && r.mode === 'insert-only';
  return { columns, op, mode: insertOnly ? 'insert-only' : 'updating', rowtime: new Set(), proctime: new Set() };
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
