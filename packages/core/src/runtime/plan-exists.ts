/**
 * Planning `[NOT] EXISTS (SELECT … FROM … WHERE inner.c = outer.c AND …)` in a WHERE clause as Flink decorrelates
 * it: a semi (EXISTS) or anti (NOT EXISTS) join of the outer rows with the subquery's rows on the correlation
 * equalities (a NULL on either side matches nothing), the subquery's other conditions filtering its rows first.
 * A column reference qualified by a name the subquery's FROM does not define is the outer query's; an unqualified
 * one is the subquery's, as SQL scoping resolves it. Other shapes (correlation other than `=`, aggregating
 * subqueries, correlation inside nested queries) are FTS7001.
 */
import type { Expression } from '../ast/expression.js';
import type { Query, Relation, Select } from '../ast/query.js';
import type { Span } from '../ast/node.js';
import type { Evaluator } from './compiled.js';
import { unsupported } from './errors.js';
import { SemiAntiJoinOperator } from './operators/join.js';
import type { Planner, Rel } from './plan.js';
import { collectAggregates, conjuncts } from './plan.js';
import { rowKey } from './values/compare.js';

function relationNames(r: Relation, out: Set<string>): void {
  switch (r.kind) {
    case 'TableRef': out.add((r.alias ?? (r.path[r.path.length - 1] as string)).toLowerCase()); break;
    case 'SubqueryRelation': case 'TableFunction': case 'Unnest': if (r.alias) out.add(r.alias.toLowerCase()); break;
    case 'Join': relationNames(r.left, out); relationNames(r.right, out); break;
  }
}

/** Whether an expression references the outer query (a column qualified by a name the subquery does not define). */
function refsOuter(e: unknown, inner: ReadonlySet<string>): boolean {
  if (!e || typeof e !== 'object') return false;
  if (Array.isArray(e)) return e.some((x) => refsOuter(x, inner));
  const x = e as Expression;
  if (x.kind === 'ColumnRef') return x.table !== undefined && !inner.has(x.table.toLowerCase());
  if ((x as { kind: string }).kind === 'Select') return JSON.stringify(x).includes('"table"') && hasOuterDeep(x, inner);
  return Object.values(e).some((v) => refsOuter(v, inner));
}

function hasOuterDeep(e: unknown, inner: ReadonlySet<string>): boolean {
  if (!e || typeof e !== 'object') return false;
  if (Array.isArray(e)) return e.some((x) => hasOuterDeep(x, inner));
  const x = e as Expression;
  if (x.kind === 'ColumnRef') return x.table !== undefined && !inner.has(x.table.toLowerCase());
  return Object.values(e).some((v) => hasOuterDeep(v, inner));
}

export function planExists(planner: Planner, outer: Rel, q: Query, anti: boolean, ctes: ReadonlyMap<string, Query>, span?: Span): Rel {
  if (q.kind !== 'Select' || !q.from) throw unsupported('EXISTS over anything but a SELECT … FROM', span);
  const s: Select = q;
  const from: Relation = q.from;
  const aggs: Expression[] = [];
  for (const it of s.items) if (it.kind === 'SelectExpr') collectAggregates(it.expr, aggs as never);
  if (s.groupBy?.length || s.having || aggs.length > 0 || s.distinct || s.orderBy || s.limit) throw unsupported('EXISTS over an aggregating, DISTINCT or sorted subquery', span);
  const names = new Set<string>();
  relationNames(from, names);
  if (hasOuterDeep(from, names)) throw unsupported('correlation inside the FROM clause of an EXISTS subquery', span);
  const innerKeys: Expression[] = [];
  const outerKeys: Expression[] = [];
  const rest: Expression[] = [];
  for (const p of conjuncts(s.where)) {
    if (!refsOuter(p, names)) {
      rest.push(p);
      continue;
    }
    if (p.kind === 'Binary' && p.op === '=') {
      const lo = refsOuter(p.left, names);
      const ro = refsOuter(p.right, names);
      if (lo !== ro) {
        outerKeys.push(lo ? p.left : p.right);
        innerKeys.push(lo ? p.right : p.left);
        continue;
      }
    }
    throw unsupported('an EXISTS subquery correlated other than by equalities of the inner and outer columns', p.span ?? span);
  }
  const where = rest.reduce<Expression | undefined>((acc, e) => (acc ? { kind: 'Binary', op: 'AND', left: acc, right: e } : e), undefined);
  const inner = planner.planSelect({
    kind: 'Select', distinct: false, from, ...(where ? { where } : {}),
    items: innerKeys.length > 0 ? innerKeys.map((expr) => ({ kind: 'SelectExpr' as const, expr })) : [{ kind: 'SelectExpr', expr: { kind: 'BooleanLiteral', value: true } }],
  }, ctes);
  const oc = planner.compiler(outer);
  const ic = planner.compiler(inner);
  const pairs = outerKeys.map((e, i) => {
    const l = oc.compile(e);
    const r = { type: (inner.columns[i] as { type: import('../types/data-type.js').DataType }).type, eval: (row: readonly unknown[]) => row[i] ?? null };
    const target = oc.commonForComparison(l, r, span)[2];
    return { left: oc.coerce(l, target, span).eval, right: ic.coerce(r, target, span).eval };
  });
  // a NULL key matches nothing: the two sides' NULL keys get different keys that match nothing on the other side
  const key = (evs: readonly Evaluator[], none: string): Evaluator => (row) => {
    const vs = evs.map((f) => f(row));
    return vs.some((v) => v === null) ? none : rowKey(vs);
  };
  const op = new SemiAntiJoinOperator(anti, key(pairs.map((p) => p.left), '\u0000outer-null'), key(pairs.map((p) => p.right), '\u0000inner-null'));
  outer.op.connectTo(op, 0);
  inner.op.connectTo(op, 1);
  return { ...outer, op, mode: 'updating' };
}
