/**
 * A bound `Correlate` of UNNEST over one ARRAY (`CROSS JOIN UNNEST(arr)`, `[INNER] JOIN UNNEST(arr) ON …`, `LEFT JOIN
 * UNNEST(arr) ON TRUE`, a standalone `FROM UNNEST(…)`): each input row joined with its array's elements (arrays of
 * scalars or of ROWs). Refused with Flink's reasons: MAP and MULTISET (Flink unnests them in the iteration order of
 * its hash-based map data, which the local runtime does not reproduce), WITH ORDINALITY (Flink 1.20.1's planner fails
 * on it), more than one argument, and table functions (LATERAL TABLE).
 */
import type { BoundExpression } from '../plan/expression.js';
import type { Correlate } from '../plan/correlate.js';
import type { DataType } from '../types/data-type.js';
import { UnnestOperator } from './operators/unnest.js';
import { textError, unsupported } from './errors.js';
import { BIND_TEXTS } from '../plan/codes.js';
import type { PlannedRel, Planner } from './plan.js';
import { compileBound, planBound } from './plan-bound.js';
import { T, typeToString } from './types.js';
import { TYPE_TEXTS } from '../typing/codes.js';

export function correlatePlannable(node: Correlate, evaluable: (e: BoundExpression) => boolean): boolean {
  return node.args.every(evaluable) && (node.condition === undefined || evaluable(node.condition)) && node.columns.every((c) => c.type !== undefined);
}

export function correlate(planner: Planner, node: Correlate): PlannedRel {
  const span = node.args[0]?.ast.span;
  if (node.fn !== 'UNNEST') throw unsupported('LATERAL TABLE (user-defined table functions)', span);
  if (node.withOrdinality) {
    // real Flink 1.20.1 cannot run it: its planner fails on the ordinality column whatever the array
    // the binder reports it (FTS4535)
    const t = BIND_TEXTS.unnestWithOrdinality({});
    throw textError(t, span);
  }
  if (node.args.length !== 1) throw unsupported('UNNEST of more than one array', span);
  const left = planBound(planner, node.input);
  const arr = compileBound(planner, left, node.args[0]!);
  if (arr.type.kind === 'MAP' || arr.type.kind === 'MULTISET') throw unsupported(`UNNEST of a ${arr.type.kind} (Flink unnests it in its hash order)`, span);
  if (arr.type.kind !== 'ARRAY') throw textError(TYPE_TEXTS.badUnnest({ type: typeToString(arr.type) }), span);
  const el = arr.type.element;
  const width = node.columns.length - left.columns.length;
  const spread = el.kind === 'ROW'
    ? (e: unknown) => (e === null ? new Array<null>(width).fill(null) : (e as readonly unknown[]))
    : (e: unknown) => [e];
  const produced = node.columns.slice(left.columns.length).map((c) => ({ name: c.name, type: c.type as DataType }));
  // LEFT JOIN UNNEST(…) ON c: the condition reads the joined row as the function produces it (before padding)
  const condition = node.condition === undefined ? undefined
    : compileBound(planner, { ...left, columns: [...left.columns, ...produced] }, node.condition, T.boolean()).eval;
  const op = new UnnestOperator(arr.eval, spread, width, node.type === 'LEFT', el.kind === 'ROW', condition);
  left.op.connectTo(op);
  return { columns: [...left.columns, ...produced], op, rowtime: left.rowtime, proctime: left.proctime };
}
