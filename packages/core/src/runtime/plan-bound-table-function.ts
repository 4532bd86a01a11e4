/**
 * A bound `Correlate` of a user table function (`LATERAL TABLE(fn(…))`) whose JS implementation the test supplies:
 * its arguments compiled over the input row, its row type the one the function declares (the binder typed it).
 */
import type { Correlate } from '../plan/correlate.js';
import type { BoundExpression } from '../plan/expression.js';
import type { DataType } from '../types/data-type.js';
import { unsupported } from './errors.js';
import { TableFunctionOperator } from './operators/table-function.js';
import type { PlannedRel, Planner } from './plan.js';
import { compileBound, planBound } from './plan-bound.js';

export function tableFunctionPlannable(node: Correlate, evaluable: (e: BoundExpression) => boolean): boolean {
  return node.fn !== 'UNNEST' && node.query === undefined && node.args.every(evaluable) && node.columns.every((c) => c.type !== undefined);
}

export function tableFunctionCorrelate(planner: Planner, node: Correlate): PlannedRel {
  const name = node.fn.split('.').at(-1)!.toUpperCase();
  const fn = planner.tableFunctions.get(name);
  if (fn === undefined) throw unsupported(`the table function ${node.fn} without a JS implementation (give one in runJob's options.functions)`);
  const left = planBound(planner, node.input);
  const args = node.args.map((a) => compileBound(planner, left, a));
  const op = new TableFunctionOperator(args.map((a) => a.eval), args.map((a) => a.type), fn, node.fn, node.type === 'LEFT');
  left.op.connectTo(op);
  const produced = node.columns.slice(left.columns.length).map((c) => ({ name: c.name, type: c.type as DataType }));
  return { columns: [...left.columns, ...produced], op, rowtime: left.rowtime, proctime: left.proctime };
}
