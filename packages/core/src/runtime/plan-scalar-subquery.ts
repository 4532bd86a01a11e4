/**
 * Uncorrelated scalar subqueries in the select list, as Flink plans them: a LEFT JOIN ON TRUE of the query's rows
 * with the subquery's one row (NULL while it has none), the subquery's value read from the joined column. Only a
 * subquery that is a global aggregation (one row by construction, so no SINGLE_VALUE check) is supported;
 * correlated subqueries and other shapes are FTS7001.
 */
import type { Expression, FunctionCall } from '../ast/expression.js';
import type { Query, SelectItem } from '../ast/query.js';
import type { Compiled } from './compiled.js';
import { invalid, unsupported } from './errors.js';
import { JoinOperator } from './operators/join.js';
import type { Planner, Rel, RelColumn } from './plan.js';
import { collectAggregates, norm } from './plan.js';
import { withNullable } from './types.js';

/** Scalar subqueries in the select list (not inside nested queries). */
export function collectScalarSubqueries(e: unknown, out: Extract<Expression, { kind: 'ScalarSubquery' }>[]): void {
  if (!e || typeof e !== 'object') return;
  if (Array.isArray(e)) {
    for (const x of e) collectScalarSubqueries(x, out);
    return;
  }
  const x = e as Expression;
  if (x.kind === 'ScalarSubquery') {
    out.push(x);
    return;
  }
  if ((x as { kind?: string }).kind === 'Select') return;
  for (const v of Object.values(e)) collectScalarSubqueries(v, out);
}

export function planScalarSubqueries(planner: Planner, rel: Rel, items: readonly SelectItem[], ctes: ReadonlyMap<string, Query>): { rel: Rel; substitute: (e: Expression) => Compiled | undefined } | undefined {
  const subs: Extract<Expression, { kind: 'ScalarSubquery' }>[] = [];
  collectScalarSubqueries(items.map((it) => (it.kind === 'SelectExpr' ? it.expr : undefined)), subs);
  if (subs.length === 0) return undefined;
  const keys: string[] = [];
  let cur = rel;
  for (const sq of subs) {
    const k = norm(sq);
    if (keys.includes(k)) continue;
    const q = sq.query;
    const aggs: FunctionCall[] = [];
    if (q.kind === 'Select') for (const it of q.items) if (it.kind === 'SelectExpr') collectAggregates(it.expr, aggs);
    if (q.kind !== 'Select' || q.groupBy?.length || aggs.length === 0 || q.items.length !== 1 || q.having || q.orderBy || q.limit) {
      throw unsupported('a scalar subquery that is not a global aggregation (SELECT agg(…) FROM …)', sq.span);
    }
    let sub: Rel;
    try {
      sub = planner.planQuery(q, ctes);
    } catch (e) {
      // a reference to the outer query's columns does not resolve inside the subquery
      if (e instanceof Error && 'diagnostics' in e && JSON.stringify((e as { diagnostics: unknown }).diagnostics).includes('FTS7004')) throw unsupported('correlated scalar subqueries', sq.span);
      throw e;
    }
    if (sub.columns.length !== 1) throw invalid('A scalar subquery must return exactly one column', sq.span);
    const op = new JoinOperator('LEFT', cur.columns.length, 1, undefined);
    cur.op.connectTo(op, 0);
    sub.op.connectTo(op, 1);
    const col = sub.columns[0] as RelColumn;
    cur = { columns: [...cur.columns, { name: `$scalar${keys.length}`, type: withNullable(col.type, true) }], op, mode: 'updating', rowtime: new Set(), proctime: new Set() };
    keys.push(k);
  }
  const base = rel.columns.length;
  const final = cur;
  const substitute = (e: Expression): Compiled | undefined => {
    if (e.kind !== 'ScalarSubquery') return undefined;
    const i = keys.indexOf(norm(e));
    if (i < 0) return undefined;
    return { type: (final.columns[base + i] as RelColumn).type, eval: (r) => r[base + i] ?? null, column: base + i };
  };
  return { rel: final, substitute };
}
