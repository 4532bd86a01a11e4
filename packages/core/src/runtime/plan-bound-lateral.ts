/**
 * Correlated sub-queries run as Flink 1.20.1 runs them after decorrelation (plan/patterns/decorrelate.ts): the
 * sub-query's uncorrelated rows, keyed by its correlation keys, in a regular join with the outer rows on
 * `outer = key` (a NULL key matches nothing).
 * - `a [CROSS] JOIN LATERAL (SELECT …)` / `a, LATERAL (…)`: an inner join; `a LEFT JOIN LATERAL (…) ON c`: a left
 *   outer join whose condition is `c` (padded rows while no sub-query row satisfies it, retracted when one arrives);
 * - a correlated scalar sub-query in the select list (`(SELECT agg(…) FROM b WHERE b.k = a.k)`): a left outer join
 *   with the aggregation grouped by the keys (NULL while a key has no rows; COUNT reads 0 there, as Flink's planner
 *   rewrites it).
 * A correlation other than by equalities joins the sub-query with the outer rows' distinct values first (Flink's value
 * generator, decorrelate.ts); the rest is as above. Other shapes are FTS7001 with the reason.
 */
import type { Span } from '../ast/node.js';
import type { Correlate } from '../plan/correlate.js';
import type { BoundExpression } from '../plan/expression.js';
import type { Decorrelated } from '../plan/patterns/decorrelate.js';
import { decorrelate } from '../plan/patterns/decorrelate.js';
import type { PlanNode } from '../plan/node.js';
import type { Compiled, Evaluator } from './compiled.js';
import { unsupported } from './errors.js';
import { CalcOperator } from './operators/calc.js';
import { JoinOperator } from './operators/join.js';
import type { JoinKind } from './operators/join.js';
import type { PlannedRel, Planner, Rel } from './plan.js';
import { compileBound, planBound, plannable } from './plan-bound.js';
import { T, withNullable } from './types.js';
import { rowKey } from './values/compare.js';

/** The decorrelated form of a sub-query the local runtime runs, or FTS7001 with why not. */
export function decorrelated(plan: PlanNode, what: string, span: Span | undefined, outer?: PlanNode): Decorrelated {
  const d = decorrelate(plan, outer);
  if ('reason' in d) throw unsupported(`${what}: ${d.reason}`, span);
  if (!plannable(d.inner)) throw unsupported(`${what} with a column or expression of unknown type (a user-defined function)`, span);
  return d;
}

/**
 * `outer` joined (`kind`) with the decorrelated sub-query on its keys: the outer columns, then the sub-query's own
 * (the keys dropped). `condition` (a LEFT JOIN's ON) reads that output row.
 */
export function correlationJoin(planner: Planner, outer: PlannedRel, d: Decorrelated, kind: JoinKind, condition: BoundExpression | undefined, span: Span | undefined): PlannedRel {
  const inner = planBound(planner, d.inner);
  const k = d.outerKeys.length;
  const width = outer.columns.length;
  const c = planner.values();
  const pairs = d.outerKeys.map((o, i) => {
    const l = compileBound(planner, outer, o);
    const r: Compiled = { type: inner.columns[i]!.type, eval: (row) => row[i] ?? null };
    const target = c.commonForComparison(l, r, span)[2];
    return { left: c.coerce(l, target, span).eval, right: c.coerce(r, target, span).eval };
  });
  const key = (evs: readonly Evaluator[]) => (row: readonly unknown[]): unknown => {
    const vs = evs.map((f) => f(row));
    return vs.some((v) => v === null) ? null : rowKey(vs);
  };
  const padded = kind === 'LEFT';
  const produced = inner.columns.slice(k).map((col) => ({ ...col, type: padded ? withNullable(col.type, true) : col.type }));
  let cond: Evaluator | undefined;
  if (condition !== undefined && d.after !== undefined) throw unsupported('a LEFT JOIN LATERAL … ON a condition whose sub-query\'s select list reads the enclosing query', span);
  if (condition !== undefined) {
    // the condition reads (outer…, sub-query…); the join's row is (outer…, keys…, sub-query…)
    const joined: PlannedRel = { ...outer, columns: [...outer.columns, ...inner.columns] };
    const moved: BoundExpression = { ...condition, refs: condition.refs.map((r) => (r.index >= width ? { ...r, index: r.index + k } : r)) };
    cond = compileBound(planner, joined, moved, T.boolean()).eval;
  }
  const op = new JoinOperator(kind, width, inner.columns.length, cond, k === 0 ? undefined : { left: key(pairs.map((p) => p.left)), right: key(pairs.map((p) => p.right)) });
  outer.op.connectTo(op, 0);
  inner.op.connectTo(op, 1);
  if (d.after !== undefined) return selectAfter(planner, { ...outer, columns: [...outer.columns, ...inner.columns], op }, width, k, d.after, padded, span);
  const projection: Evaluator[] = [];
  for (let i = 0; i < width; i++) projection.push((r) => r[i] ?? null);
  for (let i = width + k; i < width + inner.columns.length; i++) projection.push((r) => r[i] ?? null);
  const calc = new CalcOperator(undefined, projection);
  op.connectTo(calc);
  return { columns: [...outer.columns, ...produced], op: calc, rowtime: new Set(), proctime: new Set() };
}

/**
 * The sub-query's select list when it reads the enclosing row (`Decorrelated.after`), computed over the join's row
 * `joined` (the enclosing row's `width` columns, the `k` keys, the sub-query's FROM row), as Flink 1.20.1 answers it
 * where it answers right; on a padded row (LEFT JOIN: its keys are NULL, which no match has) the columns are NULL.
 */
function selectAfter(planner: Planner, joined: PlannedRel, width: number, k: number, after: readonly BoundExpression[], padded: boolean, span: Span | undefined): PlannedRel {
  if (padded && k === 0) throw unsupported('an uncorrelated LEFT JOIN LATERAL sub-query whose select list reads the enclosing query', span);
  const projection: Evaluator[] = Array.from({ length: width }, (_, i) => (r: readonly unknown[]) => r[i] ?? null);
  const columns = after.map((e, i) => {
    const moved: BoundExpression = { ...e, refs: e.refs.map((r) => (r.depth === 1 ? { ...r, depth: 0 } : { ...r, index: r.index + width + k })) };
    const c = compileBound(planner, joined, moved, e.type);
    projection.push(padded ? (r) => ((r[width] ?? null) === null ? null : c.eval(r)) : c.eval);
    return { name: `$after${i}`, type: padded ? withNullable(c.type, true) : c.type };
  });
  const calc = new CalcOperator(undefined, projection);
  joined.op.connectTo(calc);
  return { columns: [...joined.columns.slice(0, width), ...columns], op: calc, rowtime: new Set(), proctime: new Set() };
}

/** `left [LEFT] JOIN LATERAL (SELECT …) [ON c]`. */
export function lateralSubquery(planner: Planner, node: Correlate): PlannedRel {
  const d = decorrelated(node.query!, 'this LATERAL sub-query', node.span, node.input);
  const left = planBound(planner, node.input);
  const rel = correlationJoin(planner, left, d, node.type, node.condition, node.span);
  return { ...rel, columns: rel.columns.map((c, i) => ({ ...c, name: node.columns[i]!.name })) };
}
