/**
 * A correlated sub-query (a LATERAL sub-query, a scalar sub-query) decorrelated the way Flink 1.20.1's planner does
 * it, as its EXPLAIN shows: when the sub-query reads the enclosing row only through equalities `inner = outer` that
 * are conjuncts of its WHERE, it becomes an uncorrelated plan whose rows carry the inner sides of those equalities
 * (the correlation keys) first, and is joined to the outer rows on `outer = key`:
 * - `SELECT e… FROM x WHERE inner = outer AND rest` → x's rows where `rest` holds, projected to (keys…, e…);
 * - `SELECT e… FROM x WHERE inner = outer AND rest [GROUP BY g…]` → the aggregation grouped by (keys…, g…), then
 *   projected to (keys…, e…). A global aggregation so gives one row per key value that has rows and none for the
 *   others (Flink's inner LATERAL join then drops the outer row; a scalar sub-query reads NULL there).
 * A NULL key matches nothing, as `inner = outer` is never true on a NULL.
 * When a conjunct of the WHERE correlates otherwise (`inner > outer`, `inner BETWEEN outer AND …`, an OR, mixed with
 * equalities or not), Flink 1.20.1 joins x with a value generator, the distinct values of the outer columns the
 * sub-query reads (`GroupAggregate(groupBy=[outer columns])` over the outer rows), on every correlated conjunct;
 * the rows of that join carry the generator's columns as the correlation keys, and the plan goes on as above (the
 * projection, or the aggregation grouped by the keys), joined to the outer rows on `outer column = key`. So it is
 * built here, given the outer rows' plan. An outer column in the select list is computed after the join (`after`)
 * where Flink 1.20.1 answers it right (`outerInSelect`); in FROM, a derived table `(SELECT * FROM x WHERE c)`
 * correlated in `c` is merged into the sub-query (`inlineCorrelatedFrom`); other correlations in FROM stay a reason.
 */
import type { Expression } from '../../ast/expression.js';
import type { Aggregate } from '../aggregate.js';
import type { BoundExpression, ColumnBinding } from '../expression.js';
import { conjunctsOf, subtreeNodes } from '../../ast/expression-children.js';
import type { Filter } from '../filter.js';
import type { Join } from '../join.js';
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
  /**
   * When the select list reads the enclosing row: `inner` carries the sub-query's whole FROM row after the keys, and
   * these (the select list as written: depth 0 reads that FROM row, depth 1 the enclosing row) give its columns
   * after the join.
   */
  readonly after?: readonly BoundExpression[];
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
export function columnRef(index: number, column: PlanColumn): BoundExpression {
  const ast: Expression = Object.freeze({ kind: 'ColumnRef', name: column.name });
  const binding: ColumnBinding = Object.freeze({ node: ast, index, depth: 0, ...(column.type === undefined ? {} : { type: column.type }), conditional: false });
  return Object.freeze({ ast, refs: Object.freeze([binding]), subqueries: Object.freeze([]), ...(column.type === undefined ? {} : { type: column.type }) });
}

const shifted = (e: BoundExpression, by: number): BoundExpression => Object.freeze({ ...e, refs: e.refs.map((r) => ({ ...r, index: r.index + by })) });

/** `a AND b` of two bound conditions over the same row. */
function both(a: BoundExpression, b: BoundExpression): BoundExpression {
  const types = new Map<Expression, NonNullable<BoundExpression['type']>>([...(a.types ?? []), ...(b.types ?? [])]);
  return Object.freeze({
    ast: Object.freeze({ kind: 'Binary', op: 'AND', left: a.ast, right: b.ast }) as Expression,
    refs: [...a.refs, ...b.refs], subqueries: [...a.subqueries, ...b.subqueries],
    ...(a.type === undefined ? {} : { type: a.type }), types,
  });
}

/** Whether `p` selects its input's columns as they are (`SELECT *`). */
function identity(p: Project): boolean {
  return p.exprs.length === p.input.columns.length && p.exprs.every((e, i) => e.ast.kind === 'ColumnRef' && e.refs.length === 1 && e.refs[0]!.depth === 0 && e.refs[0]!.index === i && e.refs[0]!.field === undefined);
}

/**
 * A sub-query whose FROM is a derived table `(SELECT * FROM x WHERE c) u` correlated in `c` (the enclosing row at
 * depth 1, as from the sub-query itself), with `c` moved into the sub-query's own WHERE — the same rows, as Flink's
 * planner merges them before it decorrelates — or `plan` itself.
 */
export function inlineCorrelatedFrom(plan: PlanNode): PlanNode {
  if (plan.kind !== 'Project') return plan;
  const aggregate = plan.input.kind === 'Aggregate' ? plan.input : undefined;
  const below = aggregate?.input ?? plan.input;
  const own: Filter | undefined = below.kind === 'Filter' ? below : undefined;
  const from = own?.input ?? below;
  if (from.kind !== 'Project' || !identity(from) || from.input.kind !== 'Filter' || isCorrelated(from.input.input)) return plan;
  const inner = from.input;
  const condition = own === undefined ? inner.condition : both(own.condition, inner.condition);
  const filter = Object.freeze<Filter>({ kind: 'Filter', input: inner.input, condition, columns: inner.input.columns });
  return Object.freeze<Project>({ ...plan, input: aggregate === undefined ? filter : Object.freeze<Aggregate>({ ...aggregate, input: filter }) });
}

/** Decorrelates a sub-query's plan (its references at depth 1 read the enclosing row), or says why it cannot. */
export function decorrelate(original: PlanNode, outer?: PlanNode): Decorrelated | { readonly reason: string } {
  const plan = inlineCorrelatedFrom(original);
  if (plan.kind !== 'Project') return { reason: 'a sub-query other than SELECT … FROM … [WHERE …] [GROUP BY …]' };
  const aggregate = plan.input.kind === 'Aggregate' ? plan.input : undefined;
  const below = aggregate?.input ?? plan.input;
  const filter: Filter | undefined = below.kind === 'Filter' ? below : undefined;
  const from = filter?.input ?? below;
  if (from.kind === 'Aggregate' || from.kind === 'Filter') return { reason: 'a sub-query with HAVING or nested aggregations' };
  if (isCorrelated(from)) return { reason: 'a correlated reference inside the sub-query\'s FROM' };
  if (!plan.exprs.every(own)) {
    const wrong = outerInSelect(plan, aggregate, filter, outer);
    if (wrong !== undefined) return { reason: wrong };
    // the select list computed after the join, over the enclosing row and the sub-query's FROM row
    const whole = Object.freeze<Project>({ kind: 'Project', input: plan.input, exprs: from.columns.map((c, i) => columnRef(i, c)), columns: from.columns });
    const d = decorrelate(whole, outer);
    return 'reason' in d ? d : { ...d, after: plan.exprs };
  }
  if (aggregate !== undefined) {
    if (aggregate.windowKey !== undefined || aggregate.groupingSets.length !== 1) return { reason: 'a sub-query grouped by a window or by grouping sets' };
    if (!aggregate.keys.every(own) || !aggregate.calls.every((c) => c.args.every(own) && own(c.filter))) return { reason: 'a column of the enclosing query inside the sub-query\'s aggregation' };
  }
  const innerKeys: BoundExpression[] = [];
  const outerKeys: BoundExpression[] = [];
  const rest: Expression[] = [];
  const correlated: Expression[] = [];
  let equalities = true;
  const condition = filter?.condition;
  if (condition !== undefined && condition.subqueries.length > 0) return { reason: 'a sub-query inside a correlated sub-query\'s WHERE' };
  for (const p of condition === undefined ? [] : conjunctsOf(condition.ast)) {
    const d = depths(condition!, p);
    if ([...d].some((x) => x > 1)) return { reason: 'a reference to a query two levels out' };
    if (!d.has(1)) {
      rest.push(p);
      continue;
    }
    correlated.push(p);
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
    equalities = false;
  }
  if (!equalities) {
    if (outer === undefined) return { reason: 'a sub-query correlated other than by equalities of its columns and the enclosing query\'s' };
    return generated(plan, aggregate, from, restrict(condition!, rest), restrict(condition!, correlated)!, outer);
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

/**
 * Why an outer column in the select list of `plan` is not reproduced, or undefined when Flink 1.20.1 answers it
 * right. Checked on its planner with NULLs in the data: it treats the outer columns the select list reads as more
 * correlation keys, so an outer row whose such column is NULL loses its rows, and a column the WHERE's correlation
 * also reads drops that conjunct or repeats rows. Right: NOT NULL outer columns the correlation does not read, in a
 * sub-query without aggregation.
 */
function outerInSelect(plan: Project, aggregate: Aggregate | undefined, filter: Filter | undefined, outer: PlanNode | undefined): string | undefined {
  const advice = 'select the inner column and compute with the outer one outside the sub-query';
  if (aggregate !== undefined) return `a column of the enclosing query in an aggregating sub-query's select list (not checked on Flink; ${advice})`;
  const read = new Set(plan.exprs.flatMap((e) => e.refs.filter((r) => r.depth === 1).map((r) => r.index)));
  if (plan.exprs.some((e) => e.refs.some((r) => r.depth > 1) || e.subqueries.length > 0)) return 'a reference to a query two levels out, or a sub-query, in the sub-query\'s select list';
  const correlated = new Set(filter?.condition.refs.filter((r) => r.depth === 1).map((r) => r.index) ?? []);
  for (const i of read) {
    const column = outer?.columns[i];
    if (column?.type === undefined) return 'a column of the enclosing query of unknown type in the sub-query\'s select list';
    if (correlated.has(i)) return `the enclosing query's column ${column.name} both in the sub-query's select list and in its WHERE (Flink 1.20.1 gives a wrong answer for it: it drops a correlation conjunct, or repeats rows; ${advice})`;
    if (column.type.nullable) return `the enclosing query's nullable column ${column.name} in the sub-query's select list (Flink 1.20.1 gives a wrong answer for it: it drops the rows of an outer row whose ${column.name} is NULL; ${advice})`;
  }
  return undefined;
}

/**
 * The sub-query `plan` (a projection of `from`, or of `aggregate` over it) correlated by `correlation` (conjuncts that
 * read the outer row at depth 1, `own` the other conjuncts), decorrelated with a value generator as Flink plans it:
 * `from` where `own` holds, INNER JOIN the distinct values of the outer columns read ON `correlation`, then the
 * projection (the generator's columns first) or the aggregation grouped by the generator's columns and the
 * sub-query's keys.
 */
function generated(plan: Project, aggregate: Aggregate | undefined, from: PlanNode, own: BoundExpression | undefined, correlation: BoundExpression, outer: PlanNode): Decorrelated | { readonly reason: string } {
  const read = [...new Set(correlation.refs.filter((r) => r.depth === 1).map((r) => r.index))].sort((a, b) => a - b);
  if (read.some((i) => outer.columns[i]?.type === undefined)) return { reason: 'a correlation on a column of unknown type' };
  const outerColumns = read.map((i) => ({ name: outer.columns[i]!.name, type: outer.columns[i]!.type! }));
  const outerRefs = read.map((i, j) => columnRef(i, outerColumns[j]!));
  const picked = Object.freeze<Project>({ kind: 'Project', input: outer, exprs: outerRefs, columns: outerColumns });
  const generator = Object.freeze<Aggregate>({
    kind: 'Aggregate', input: picked, keys: outerColumns.map((c, j) => columnRef(j, c)), groupingSets: [read.map((_, j) => j)], calls: [], columns: outerColumns,
  });
  const filtered: PlanNode = own === undefined ? from : Object.freeze<Filter>({ kind: 'Filter', input: from, condition: own, columns: from.columns });
  const width = from.columns.length;
  // the correlation over the join's row: x's columns, then the generator's (an outer column j at width + j)
  const on: BoundExpression = Object.freeze({ ...correlation, refs: correlation.refs.map((r) => (r.depth === 1 ? { ...r, depth: 0, index: width + read.indexOf(r.index) } : r)) });
  const joined = Object.freeze<Join>({ kind: 'Join', left: filtered, right: generator, type: 'INNER', strategy: 'regular', condition: on, equiKeys: [], columns: [...filtered.columns, ...outerColumns] });
  const keyColumns: PlanColumn[] = outerColumns.map((c, j) => ({ name: `$cor${j}`, type: c.type }));
  const keyRefs = keyColumns.map((c, j) => columnRef(width + j, c));
  let inner: Project;
  if (aggregate === undefined) {
    inner = Object.freeze<Project>({ kind: 'Project', input: joined, exprs: [...keyRefs, ...plan.exprs], columns: [...keyColumns, ...plan.columns] });
  } else {
    const k = keyColumns.length;
    const grouped = Object.freeze<Aggregate>({
      ...aggregate, input: joined, keys: [...keyRefs, ...aggregate.keys],
      groupingSets: [Array.from({ length: k + aggregate.keys.length }, (_, i) => i)], columns: [...keyColumns, ...aggregate.columns],
    });
    inner = Object.freeze<Project>({ kind: 'Project', input: grouped, exprs: [...keyColumns.map((c, i) => columnRef(i, c)), ...plan.exprs.map((e) => shifted(e, k))], columns: [...keyColumns, ...plan.columns] });
  }
  return { inner, outerKeys: outerRefs, ...(aggregate === undefined ? {} : { aggregate }) };
}
