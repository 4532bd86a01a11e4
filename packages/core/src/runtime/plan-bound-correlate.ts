/**
 * A bound `Correlate` of UNNEST over one ARRAY (`CROSS JOIN UNNEST(arr)`, `LEFT JOIN UNNEST(arr) ON TRUE`, a
 * standalone `FROM UNNEST(…)`): each input row joined with its array's elements. MAP and MULTISET arguments, WITH
 * ORDINALITY, more than one argument and table functions (LATERAL TABLE) are planned from the AST (plan-unnest.ts),
 * which refuses them with Flink's reasons.
 */
import type { BoundExpression } from '../plan/expression.js';
import type { Correlate } from '../plan/correlate.js';
import type { DataType } from '../types/data-type.js';
import { UnnestOperator } from './operators/unnest.js';
import type { Planner, Rel } from './plan.js';
import { compileBound, planBound } from './plan-bound.js';

export function correlatePlannable(node: Correlate, evaluable: (e: BoundExpression) => boolean): boolean {
  const arg = node.args[0];
  return node.fn === 'UNNEST' && !node.withOrdinality && node.args.length === 1 && evaluable(arg!) && arg!.type?.kind === 'ARRAY'
    && node.columns.every((c) => c.type !== undefined);
}

export function correlate(planner: Planner, node: Correlate): Rel {
  const left = planBound(planner, node.input);
  const arr = compileBound(planner, left, node.args[0]!);
  const el = (arr.type as Extract<DataType, { kind: 'ARRAY' }>).element;
  const width = node.columns.length - left.columns.length;
  const spread = el.kind === 'ROW'
    ? (e: unknown) => (e === null ? new Array<null>(width).fill(null) : (e as readonly unknown[]))
    : (e: unknown) => [e];
  const op = new UnnestOperator(arr.eval, spread, width, node.type === 'LEFT', el.kind === 'ROW');
  left.op.connectTo(op);
  const produced = node.columns.slice(left.columns.length).map((c) => ({ name: c.name, type: c.type as DataType }));
  return { columns: [...left.columns, ...produced], op, mode: left.mode, rowtime: left.rowtime, proctime: left.proctime };
}
