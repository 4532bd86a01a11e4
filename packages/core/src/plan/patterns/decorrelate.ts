/**
 * A correlated sub-query (a LATERAL sub-query, a scalar sub-query) decorrelated the way Flink 1.20.1's planner does
 * it, as its EXPLAIN shows: when the sub-query reads the enclosing row only through equalities `inner = outer` that
 * are conjuncts of its WHERE, it becomes an uncorrelated plan whose rows carry the inner sides of those equalities
 * (the correlation keys) first, and is joined to the outer rows on `outer = key`:
 * - `SELECT e… FROM x WHERE inner = outer AND rest` → x's rows where `rest` holds, projected to (keys…, e…);
 * - `SELECT e… FROM x WHERE inner = outer AND rest [GROUP BY g…]` → the aggregation grouped by (keys…, g…), then
 *   projected to (keys…, e…). A global aggregation so gives one row per key value that has rows and none for the
 *   others (Flink's inner LATERAL join then drops the outer row; a scalar sub-query reads NULL there).
 * A NULL key matches nothing, as `inner = outer` is never true on a NULL. Other correlations (a non-equality, an
 * outer column in the select list or in FROM) Flink plans by joining with the outer rows' distinct values (a value
 * generator), which is not reproduced: they come back as a reason.
 */
import type { Expression } from '../../ast/expression.js';
import type { Aggregate } from '../aggregate.js';
import type { BoundExpression, ColumnBinding } from '../expression.js';
import { conjunctsOf, subtreeNodes } from '../expression-children.js';
import type { Filter } from '../filter.js';
import type { PlanColumn, PlanNode } from '../node.js';
import type { Project } from '../project.js';
import { restrict } from './rank.js';
import { isCorrelated } from './semi-join.js';

export interface Decorrelated {
  /** The sub-query's rows without correlation: the correlation keys' values first, then the sub-query's columns. */
  readonly inner: PlanNode;
  /** Per correlation key, the outer expression it equals, over the enclosing query's row (depth 0). */
  readonly outerKeys: readonly BoundExpression[];
  /** The sub-query is an aggregation (its value per key is final only once every row of the key is in). */
  readonly aggregate?: Aggregate;
}

/** The part of `e` that is the AST subtree `ast`, its references shifted from depth `depth` to 0. */
function part(e: BoundExpression, ast: Expression, depth: number): BoundExpression {
  const nodes = subtreeNodes(ast);
  const type = e.types?.get(ast) ?? (e.ast === ast ? e.type : undefined);
  return Object.freeze({
    ast, refs: e.refs.filter((r) => nodes.has(r.node)).map((r) => ({ ...r, depth: r.depth - depth })), subqueries: [],
    ...(type === undefined ? {} : { type }), ...(e.types === undefined ? {} : { types: e.types }),
  });
}

function depths(e: BoundExpression, ast: Expression): Set<number> {
  const nodes = subtreeNodes(ast);
  return new Set(e.refs.filter((r) => nodes.has(r.node)).map((r) => r.depth));
}

const own = (e: BoundExpression | undefined): boolean => e === undefined || (e.subqueries.length === 0 && e.refs.every((r) => r.depth === 0));

/** A bare reference to column `index` (of type `column`'s) of the node below. */
function columnRef(index: number, column: PlanColumn): BoundExpression {
  const ast: Expression = Object.freeze({ kind: 'ColumnRef', name: column.name });
  const binding: ColumnBinding = Object.freeze({ node: ast, index, depth: 0, ...(column.type === undefined ? {} : { type: column.type }), conditional: false });
  return Object.freeze({ ast, refs: Object.freeze([binding]), subqueries: Object.freeze([]), ...(column.type === undefined ? {} : { type: column.type }) });
}

const shifted = (e: BoundExpression, by: number): BoundExpression => Object.freeze({ ...e, refs: e.refs.map((r) => ({ ...r, index: r.index + by })) });

/** Decorrelates a sub-query's plan (its references at depth 1 read the enclosing row), or says why it cannot. */
export function decorrelate(plan: PlanNode): Decorrelated | { readonly reason: string } {
  if (plan.kind !== 'Project') return { reason: 'a sub-query other than SELECT … FROM … [WHERE …] [GROUP BY …]' };
  const aggregate = plan.input.kind === 'Aggregate' ? plan.input : undefined;
  const below = aggregate?.input ?? plan.input;
  const filter: Filter | undefined = below.kind === 'Filter' ? below : undefined;
  const from = filter?.input ?? below;
  if (from.kind === 'Aggregate' || from.kind === 'Filter') return { reason: 'a sub-query with HAVING or nested aggregations' };
  if (isCorrelated(from)) return { reason: 'a correlated reference inside the sub-query\'s FROM' };
  if (!plan.exprs.every(own)) return { reason: 'a column of the enclosing query in the sub-query\'s select list' };
  if (aggregate !== undefined) {
    if (aggregate.windowKey !== undefined || aggregate.groupingSets.length !== 1) return { reason: 'a sub-query grouped by a window or by grouping sets' };
    if (!aggregate.keys.every(own) || !aggregate.calls.every((c) => c.args.every(own) && own(c.filter))) return { reason: 'a column of the enclosing query inside the sub-query\'s aggregation' };
  }
  const innerKeys: BoundExpression[] = [];
  const outerKeys: BoundExpression[] = [];
  const rest: Expression[] = [];
  const condition = filter?.condition;
  if (condition !== undefined && condition.subqueries.length > 0) return { reason: 'a sub-query inside a correlated sub-query\'s WHERE' };
  for (const p of condition === undefined ? [] : conjunctsOf(condition.ast)) {
    const d = depths(condition!, p);
    if (!d.has(1)) {
      if ([...d].some((x) => x > 1)) return { reason: 'a reference to a query two levels out' };
      rest.push(p);
      continue;
    }
    if (p.kind === 'Binary' && p.op === '=') {
      const l = depths(condition!, p.left);
      const r = depths(condition!, p.right);
      const only = (s: Set<number>, x: number): boolean => s.size === 1 && s.has(x);
      if ((only(l, 1) && only(r, 0)) || (only(r, 1) && only(l, 0))) {
        const [o, i] = only(l, 1) ? [p.left, p.right] : [p.right, p.left];
        outerKeys.push(part(condition!, o, 1));
        innerKeys.push(part(condition!, i, 0));
        continue;
      }
    }
    return { reason: 'a sub-query correlated other than by equalities of its columns and the enclosing query\'s' };
  }
  const k = innerKeys.length;
  const keyColumns: PlanColumn[] = innerKeys.map((e, i) => ({ name: `$cor${i}`, ...(e.type === undefined ? {} : { type: e.type }) }));
  const remaining = condition === undefined ? undefined : restrict(condition, rest);
  const filtered: PlanNode = remaining === undefined ? from : Object.freeze<Filter>({ kind: 'Filter', input: from, condition: remaining, columns: from.columns });
  let input: PlanNode;
  let exprs: readonly BoundExpression[];
  if (aggregate === undefined) {
    input = filtered;
    exprs = [...innerKeys, ...plan.exprs];
  } else {
    const width = k + aggregate.keys.length;
    input = Object.freeze<Aggregate>({
      ...aggregate, input: filtered, keys: [...innerKeys, ...aggregate.keys],
      groupingSets: [Array.from({ length: width }, (_, i) => i)], columns: [...keyColumns, ...aggregate.columns],
    });
    exprs = [...keyColumns.map((c, i) => columnRef(i, c)), ...plan.exprs.map((e) => shifted(e, k))];
  }
  const inner = Object.freeze<Project>({ kind: 'Project', input, exprs, columns: [...keyColumns, ...plan.columns] });
  return { inner, outerKeys, ...(aggregate === undefined ? {} : { aggregate }) };
}
