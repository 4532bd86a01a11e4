/**
 * A bound `Over` (the OVER windows of a SELECT) as Flink's over aggregation: the calls' arguments, PARTITION BY and
 * ORDER BY keys as the binder bound them; the checks and the operator are plan-over.ts's.
 */
import type { Expression, OrderItem, WindowSpec } from '../ast/expression.js';
import type { BoundExpression } from '../plan/expression.js';
import { copiedColumn } from '../plan/expression.js';
import type { Over, OverCall } from '../plan/over.js';
import type { Planner, Rel } from './plan.js';
import { compileBound, planBound } from './plan-bound.js';
import { overAggregate } from './plan-over.js';

export function overPlannable(node: Over, evaluable: (e: BoundExpression) => boolean): boolean {
  return node.calls.every((c) => c.args.every(evaluable) && c.partitionBy.every(evaluable) && c.orderBy.every((k) => evaluable(k.expr)));
}

function windowOf(c: OverCall): WindowSpec {
  const orderBy = c.orderBy.map((k): OrderItem => ({ expr: k.expr.ast, direction: k.direction, ...(k.nulls ? { nulls: k.nulls } : {}), ...(k.expr.ast.span ? { span: k.expr.ast.span } : {}) }));
  return { partitionBy: c.partitionBy.map((p) => p.ast), orderBy, ...(c.frame ? { frame: c.frame } : {}) };
}

export function over(planner: Planner, node: Over): Rel {
  const input = planBound(planner, node.input);
  const bound = new Map<Expression, BoundExpression>();
  for (const c of node.calls) for (const e of [...c.args, ...c.partitionBy, ...c.orderBy.map((k) => k.expr)]) bound.set(e.ast, e);
  // frame offsets and LAG's offset are literals: nothing to resolve
  const literal = planner.boundCompiler(() => undefined, () => undefined);
  const { rel } = overAggregate(planner, input, node.calls.map((c) => ({ call: c.ast, window: windowOf(c) })), {
    compile: (e) => {
      const b = bound.get(e);
      return b === undefined ? literal.compile(e) : compileBound(planner, input, b);
    },
    orderColumn: (e) => {
      const b = bound.get(e);
      return b === undefined ? undefined : copiedColumn(b);
    },
  }, false, node.calls[0]?.ast.span);
  return { ...rel, columns: rel.columns.map((col, i) => ({ ...col, name: node.columns[i]!.name })) };
}
