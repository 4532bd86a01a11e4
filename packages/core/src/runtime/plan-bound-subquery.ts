/**
 * Sub-queries inside expressions, from the bound plan, as Flink decorrelates them:
 * - `[NOT] EXISTS (SELECT … FROM … WHERE inner.c = outer.c AND …)`, a conjunct of a WHERE: a semi (EXISTS) or anti
 *   (NOT EXISTS) join of the outer rows with the sub-query's rows on the correlation equalities (a NULL on either side
 *   matches nothing), the sub-query's other conditions filtering its rows first; correlated otherwise too
 *   (`inner > outer`, BETWEEN, OR …), a semi / anti join on those conjuncts as its condition, keyed by the
 *   equalities (operators/condition-semi-join.ts), as Flink's LeftSemiJoin / LeftAntiJoin;
 * - a correlated `x [NOT] IN (SELECT y …)` (the binder turned the uncorrelated ones into joins): the same join with
 *   `x = y` as one more key (NOT IN: `x IS NULL OR y IS NULL OR x = y` in the condition, as Flink plans it);
 * - a scalar sub-query in the select list or in WHERE that is a global aggregation (one row by construction, so no
 *   SINGLE_VALUE check): uncorrelated, a LEFT JOIN ON TRUE of the query's rows with that row (NULL while it has
 *   none); correlated by equalities, a LEFT JOIN with the aggregation grouped by the keys (plan-bound-lateral.ts);
 *   its value read from the joined column (a WHERE drops the joined columns again).
 * The binder resolved every reference: a correlated one has depth 1 and is a position in the outer query's FROM row.
 * Other shapes are FTS7001.
 */
import type { Expression } from '../ast/expression.js';
import type { Span } from '../ast/node.js';
import type { BoundExpression, BoundSubquery } from '../plan/expression.js';
import { conjunctsOf, subtreeNodes } from '../ast/expression-children.js';
import type { Correlate } from '../plan/correlate.js';
import type { Filter } from '../plan/filter.js';
import type { PlanNode } from '../plan/node.js';
import type { Project } from '../plan/project.js';
import { isCorrelated } from '../plan/patterns/semi-join.js';
import { restrict } from '../plan/patterns/rank.js';
import type { Compiled, Evaluator } from './compiled.js';
import { textError, unsupported } from './errors.js';
import { CalcOperator } from './operators/calc.js';
import { JoinOperator, SemiAntiJoinOperator } from './operators/join.js';
import { ConditionSemiJoinOperator } from './operators/condition-semi-join.js';
import type { PlannedRel, Planner, Rel } from './plan.js';
import { compileBound, planBound } from './plan-bound.js';
import { T, withNullable } from './types.js';
import { rowKey } from './values/compare.js';
import { correlationJoin, decorrelated } from './plan-bound-lateral.js';
import type { Aggregate } from '../plan/aggregate.js';
import { columnRef, inlineCorrelatedFrom } from '../plan/patterns/decorrelate.js';
import { TYPE_TEXTS } from '../typing/codes.js';

/** The part of `e` that is the AST subtree `ast`, its references shifted from the outer query (`depth`) to depth 0. */
function part(e: BoundExpression, ast: Expression, depth: number): BoundExpression {
  const nodes = subtreeNodes(ast);
  return {
    ast, refs: e.refs.filter((r) => nodes.has(r.node)).map((r) => ({ ...r, depth: r.depth - depth })), subqueries: [],
    ...(e.types?.get(ast) === undefined ? {} : { type: e.types.get(ast)! }), ...(e.types === undefined ? {} : { types: e.types }),
  };
}

/** The depths of the references of an AST subtree of `e`. */
function depths(e: BoundExpression, ast: Expression): Set<number> {
  const nodes = subtreeNodes(ast);
  return new Set(e.refs.filter((r) => nodes.has(r.node)).map((r) => r.depth));
}

const isExists = (c: Expression): boolean => c.kind === 'Exists' || (c.kind === 'Unary' && c.op === 'NOT' && c.operand.kind === 'Exists');

type InExpression = Extract<Expression, { kind: 'In' }>;
/** `x [NOT] IN (SELECT …)` over one column, with a sub-query the binder left in the condition (a correlated one). */
const isCorrelatedIn = (c: Expression): boolean => c.kind === 'In' && c.query !== undefined && c.operand.kind !== 'RowConstructor';

/** A WHERE holding sub-queries: its EXISTS / NOT EXISTS conjuncts as semi / anti joins, then the other conjuncts. */
export function filterWithSubqueries(planner: Planner, node: Filter): PlannedRel {
  const outer = planBound(planner, node.input);
  const conjuncts = conjunctsOf(node.condition.ast);
  let rel: PlannedRel = outer;
  for (const c of conjuncts.filter(isExists)) {
    const exists = (c.kind === 'Exists' ? c : (c as { operand: Expression }).operand);
    const sub = node.condition.subqueries.find((s) => s.node === exists);
    if (sub === undefined) throw unsupported('this EXISTS sub-query', c.span);
    rel = existsJoin(planner, rel, outer, sub, c.kind !== 'Exists', c.span);
  }
  // a correlated `x [NOT] IN (SELECT y …)` (the binder made the uncorrelated ones joins): a semi / anti join on
  // `x = y` (NOT IN: `x IS NULL OR y IS NULL OR x = y`) and the correlation, as Flink plans it
  for (const c of conjuncts.filter(isCorrelatedIn)) {
    const sub = node.condition.subqueries.find((s) => s.node === c)!;
    const operand = part(node.condition, (c as InExpression).operand, 0);
    rel = existsJoin(planner, rel, outer, sub, (c as InExpression).negated, c.span, operand);
  }
  const rest = conjuncts.filter((c) => !isExists(c) && !isCorrelatedIn(c));
  const remaining = restrict(node.condition, rest);
  if (remaining === undefined) return rel;
  if (remaining.subqueries.length === 0) {
    const calc = new CalcOperator(compileBound(planner, rel, remaining, T.boolean()).eval, undefined);
    rel.op.connectTo(calc);
    return { ...rel, op: calc };
  }
  // scalar sub-queries in the condition: joined in as columns, the condition read over them, the columns dropped
  // and [NOT] EXISTS inside the condition (under OR): joined in as a boolean column (`existsColumn`)
  const odd = remaining.subqueries.find((sq) => sq.node.kind !== 'ScalarSubquery' && sq.node.kind !== 'Exists');
  if (odd !== undefined) throw unsupported('a sub-query in a WHERE condition other than IN, NOT IN, EXISTS, NOT EXISTS or a scalar sub-query (IN under OR)', odd.node.span);
  const joined = joinScalars(planner, [remaining], node.input, rel, true);
  const calc = new CalcOperator(compileBound(planner, joined.rel, remaining, T.boolean(), joined.columns).eval, rel.columns.map((_, i) => (r: readonly unknown[]) => r[i] ?? null));
  joined.rel.op.connectTo(calc);
  return { ...rel, op: calc, rowtime: new Set(), proctime: new Set() };
}

/**
 * `[NOT] EXISTS (sub)` over `rel`, whose columns are those of `outer` (the FROM row the sub-query's correlations
 * read); with `operand`, `operand [NOT] IN (sub)`.
 */
function existsJoin(planner: Planner, rel: PlannedRel, outer: Rel, sub: BoundSubquery, anti: boolean, span: Span | undefined, operand?: BoundExpression): PlannedRel {
  const what = operand === undefined ? 'EXISTS' : 'IN';
  // SELECT … FROM x [WHERE …]: a projection, over a filter, over an uncorrelated FROM
  // a derived table in FROM correlated in its WHERE: merged into the sub-query's WHERE first (decorrelate.ts)
  const project: PlanNode = inlineCorrelatedFrom(sub.plan);
  if (project.kind !== 'Project') throw unsupported(`${what} over an aggregating, DISTINCT or sorted subquery`, span);
  if (operand !== undefined && (project.exprs.length !== 1 || !project.exprs[0]!.refs.every((r) => r.depth === 0) || project.exprs[0]!.subqueries.length > 0)) {
    throw unsupported('an IN sub-query whose select list is not one expression of its own columns', span);
  }
  const filter = project.input.kind === 'Filter' ? project.input : undefined;
  const from = filter?.input ?? project.input;
  if (from.kind === 'Aggregate' || from.kind === 'Sort' || from.kind === 'Over') throw unsupported(`${what} over an aggregating, DISTINCT or sorted subquery`, span);
  if (isCorrelated(from)) throw unsupported(`correlation inside the FROM clause of an ${what} subquery`, span);
  const innerKeys: BoundExpression[] = [];
  const outerKeys: BoundExpression[] = [];
  const rest: Expression[] = [];
  /** Correlated conjuncts other than `inner = outer`: the join's condition. */
  const others: Expression[] = [];
  const condition = filter?.condition;
  for (const p of condition === undefined ? [] : conjunctsOf(condition.ast)) {
    const d = depths(condition!, p);
    if ([...d].some((x) => x > 1)) throw unsupported(`an ${what} subquery reading a query two levels out`, p.span ?? span);
    if (!d.has(1)) {
      rest.push(p);
      continue;
    }
    if (p.kind === 'Binary' && p.op === '=' && condition!.subqueries.length === 0) {
      const l = depths(condition!, p.left);
      const r = depths(condition!, p.right);
      const only = (s: Set<number>, x: number): boolean => s.size === 1 && s.has(x);
      if ((only(l, 1) && (only(r, 0) || r.size === 0)) || (only(r, 1) && (only(l, 0) || l.size === 0))) {
        const [o, i] = only(l, 1) ? [p.left, p.right] : [p.right, p.left];
        outerKeys.push(part(condition!, o, 1));
        innerKeys.push(part(condition!, i, 0));
        continue;
      }
    }
    if (condition!.subqueries.length > 0) throw unsupported(`a sub-query inside the WHERE of an ${what} subquery`, p.span ?? span);
    others.push(p);
  }
  let inner = planBound(planner, from);
  const own = condition === undefined ? undefined : restrict(condition, rest);
  if (own !== undefined) {
    const calc = new CalcOperator(compileBound(planner, inner, own, T.boolean()).eval, undefined);
    inner.op.connectTo(calc);
    inner = { ...inner, op: calc };
  }
  const c = planner.boundCompiler(() => undefined, () => undefined);
  const compare = (o: BoundExpression, i: BoundExpression): { left: Evaluator; right: Evaluator } => {
    const l = compileBound(planner, outer, o);
    const r = compileBound(planner, inner, i);
    const target = c.commonForComparison(l, r, span)[2];
    return { left: c.coerce(l, target, span).eval, right: c.coerce(r, target, span).eval };
  };
  const pairs = outerKeys.map((o, k) => compare(o, innerKeys[k]!));
  if (operand !== undefined || others.length > 0) {
    // IN's `x = y` keys the join too; NOT IN's `x IS NULL OR y IS NULL OR x = y` and the other correlations are its condition
    const inPair = operand === undefined ? undefined : compare(operand, project.exprs[0]!);
    if (inPair !== undefined && !anti) pairs.push(inPair);
    const width = outer.columns.length;
    const tests: Evaluator[] = [];
    if (others.length > 0) {
      const on = restrict(condition!, others)!;
      const moved: BoundExpression = { ...on, refs: on.refs.map((r) => (r.depth === 1 ? { ...r, depth: 0 } : { ...r, index: r.index + width })) };
      tests.push(compileBound(planner, { ...outer, columns: [...outer.columns, ...inner.columns] }, moved, T.boolean()).eval);
    }
    if (inPair !== undefined && anti) {
      tests.push((row) => {
        const x = inPair.left(row);
        const y = inPair.right(row.slice(width));
        return x === null || y === null || rowKey([x]) === rowKey([y]);
      });
    }
    const test: Evaluator = (row) => tests.every((t) => t(row) === true);
    const keyOf = (evs: readonly Evaluator[]) => (row: readonly unknown[]): string | null => {
      const vs = evs.map((f) => f(row));
      return vs.some((v) => v === null) ? null : rowKey(vs);
    };
    const op = new ConditionSemiJoinOperator(anti, test, keyOf(pairs.map((p) => p.left)), keyOf(pairs.map((p) => p.right)));
    rel.op.connectTo(op, 0);
    inner.op.connectTo(op, 1);
    return { ...rel, op };
  }
  // a NULL key matches nothing: the two sides' NULL keys get different keys that match nothing on the other side
  const key = (evs: readonly Evaluator[], none: string): Evaluator => (row) => {
    const vs = evs.map((f) => f(row));
    return vs.some((v) => v === null) ? none : rowKey(vs);
  };
  const op = new SemiAntiJoinOperator(anti, key(pairs.map((p) => p.left), '\u0000outer-null'), key(pairs.map((p) => p.right), '\u0000inner-null'));
  rel.op.connectTo(op, 0);
  inner.op.connectTo(op, 1);
  return { ...rel, op };
}

/** Whether a sub-query's plan is a global aggregation of one column (`SELECT agg(…) FROM …`). */
function globalAggregation(plan: PlanNode): boolean {
  return plan.kind === 'Project' && plan.exprs.length === 1 && plan.input.kind === 'Aggregate' && plan.input.keys.length === 0
    && plan.input.calls.length > 0 && plan.input.distinct === undefined;
}

/**
 * The relation a projection with scalar sub-queries reads: `rel` LEFT JOINed ON TRUE with each sub-query's one row,
 * and where each sub-query's value is (`columns`, by the sub-query's AST node).
 */
export function scalarSubqueries(planner: Planner, node: Project, rel: PlannedRel): { rel: PlannedRel; columns: ReadonlyMap<Expression, number> } {
  return joinScalars(planner, node.exprs, node.input, rel);
}

/**
 * `rel` (the rows of `input`, which the sub-queries' correlations read) with the scalar sub-queries of `exprs` joined
 * in, and with `exists` (a WHERE's condition) its EXISTS sub-queries too.
 */
function joinScalars(planner: Planner, exprs: readonly BoundExpression[], input: PlanNode, rel: PlannedRel, exists = false): { rel: PlannedRel; columns: ReadonlyMap<Expression, number> } {
  const columns = new Map<Expression, number>();
  let cur = rel;
  for (const e of exprs) {
    for (const sq of e.subqueries) {
      if (columns.has(sq.node)) continue;
      if (exists && sq.node.kind === 'Exists') {
        cur = existsColumn(planner, cur, sq.plan, input, sq.node.span);
        columns.set(sq.node, cur.columns.length - 1);
        continue;
      }
      if (sq.node.kind !== 'ScalarSubquery') throw unsupported('an EXISTS or IN sub-query outside a WHERE condition', sq.node.span);
      if (!globalAggregation(sq.plan)) throw unsupported(`a${isCorrelated(sq.plan) ? ' correlated' : ''} scalar subquery that is not a global aggregation (SELECT agg(…) FROM …)`, sq.node.span);
      if (isCorrelated(sq.plan)) {
        if (aggregating(input)) throw unsupported('a correlated scalar sub-query in the select list of an aggregating query (Flink 1.20.1 fails to plan it: "index (1) must be less than size (1)")', sq.node.span);
        cur = correlatedScalar(planner, cur, sq.plan as Project, input, sq.node.span);
        columns.set(sq.node, cur.columns.length - 1);
        continue;
      }
      const sub = planBound(planner, sq.plan);
      if (sub.columns.length !== 1) throw textError(TYPE_TEXTS.scalarSubqueryColumns({ columns: sub.columns.length }), sq.node.span);
      const op = new JoinOperator('LEFT', cur.columns.length, 1, undefined);
      cur.op.connectTo(op, 0);
      sub.op.connectTo(op, 1);
      columns.set(sq.node, cur.columns.length);
      cur = { columns: [...cur.columns, { name: `$scalar${columns.size - 1}`, type: withNullable(sub.columns[0]!.type, true) }], op, rowtime: new Set(), proctime: new Set() };
    }
  }
  return { rel: cur, columns };
}

/**
 * `a LEFT JOIN LATERAL (SELECT e FROM b WHERE … ) t ON TRUE` with `e` one column over a global aggregation: Flink
 * 1.20.1 plans it as the scalar sub-query `(SELECT e FROM b WHERE …)` (checked on Flink: a key without rows reads
 * COUNT as 0 and `COUNT(*) + 1` as 1, where two columns, or an ON condition, read NULL), so it runs as one
 * (`correlatedScalar`); undefined for every other LATERAL sub-query.
 */
export function lateralScalar(planner: Planner, node: Correlate): PlannedRel | undefined {
  const plan = node.query === undefined ? undefined : inlineCorrelatedFrom(node.query);
  if (plan === undefined || node.type !== 'LEFT' || node.condition !== undefined || !globalAggregation(plan) || !isCorrelated(plan)) return undefined;
  const rel = correlatedScalar(planner, planBound(planner, node.input), plan as Project, node.input, node.span);
  return { ...rel, columns: rel.columns.map((c, i) => ({ ...c, name: node.columns[i]!.name })) };
}

/** Whether a projection's input is an aggregation (or HAVING over one). */
function aggregating(node: PlanNode): boolean {
  return node.kind === 'Aggregate' || (node.kind === 'Filter' && node.input.kind === 'Aggregate');
}

/** Aggregates whose value over no rows is not NULL (COUNT: 0) or that the local runtime does not decorrelate. */
const NOT_NULL_WHEN_EMPTY = new Set(['COLLECT', 'ARRAY_AGG', 'JSON_ARRAYAGG', 'JSON_OBJECTAGG']);

/**
 * `(SELECT e FROM b WHERE b.k = a.k …)` with `e` over one global aggregation: `rel` LEFT JOINed with the aggregation
 * grouped by the correlation keys, then `e` over its values appended as the last column. As Flink's planner does it
 * (EXPLAIN), `e` is evaluated after the join, with a COUNT of a key that has no rows read as 0 and every other
 * aggregate as NULL (so `COUNT(*) + 1` is 1 there, `COALESCE(SUM(x), 7)` is 7).
 */
function correlatedScalar(planner: Planner, rel: PlannedRel, plan: Project, outer: PlanNode, span: Span | undefined): PlannedRel {
  const d = decorrelated(plan, 'this correlated scalar sub-query', span, outer);
  const aggregate = d.aggregate!;
  const odd = aggregate.calls.find((c) => NOT_NULL_WHEN_EMPTY.has(c.fn.toUpperCase()));
  if (odd !== undefined) throw unsupported(`${odd.fn} in a correlated scalar sub-query`, odd.ast.span ?? span);
  const keyed = (d.inner as Project).input;
  const joined = correlationJoin(planner, rel, { inner: keyed, outerKeys: d.outerKeys }, 'LEFT', undefined, span);
  const base = rel.columns.length;
  const counts = new Set(aggregate.calls.flatMap((c, i) => (c.fn.toUpperCase() === 'COUNT' ? [base + i] : [])));
  const zeroed = new CalcOperator(undefined, joined.columns.map((_, i): Evaluator => (counts.has(i) ? (r) => r[i] ?? 0 : (r) => r[i] ?? null)));
  joined.op.connectTo(zeroed);
  const values: PlannedRel = { ...joined, op: zeroed, columns: [...rel.columns, ...aggregate.columns.map((c, i) => ({ name: c.name, type: counts.has(base + i) ? c.type! : withNullable(c.type!, true) }))] };
  const e = plan.exprs[0]!;
  const moved: BoundExpression = { ...e, refs: e.refs.map((r) => ({ ...r, index: r.index + base })) };
  const value = compileBound(planner, values, moved, plan.columns[0]!.type === undefined ? undefined : withNullable(plan.columns[0]!.type, true));
  const projection: Evaluator[] = rel.columns.map((_, i) => (r) => r[i] ?? null);
  projection.push(value.eval);
  const calc = new CalcOperator(undefined, projection);
  zeroed.connectTo(calc);
  return { columns: [...rel.columns, { name: `$scalar${base}`, type: value.type }], op: calc, rowtime: new Set(), proctime: new Set() };
}

/**
 * A correlated `EXISTS (SELECT … FROM b WHERE b.k = a.k …)` that is not a conjunct of the WHERE (under OR, or
 * negated inside it), as Flink 1.20.1 plans it (EXPLAIN): `rel` LEFT JOINed with the sub-query's distinct correlation
 * keys (`GroupAggregate(groupBy=[keys])`, with the value generator when correlated otherwise than by equalities), the
 * EXISTS read as "a key matched" (Flink's `IS NOT NULL($f)`; NOT EXISTS `IS NULL($f)`), appended as the last column.
 */
function existsColumn(planner: Planner, rel: PlannedRel, plan: PlanNode, outer: PlanNode, span: Span | undefined): PlannedRel {
  if (!isCorrelated(plan)) throw unsupported('an uncorrelated EXISTS inside an OR or another expression (its plan on Flink is not checked)', span);
  const d = decorrelated(plan, 'this EXISTS sub-query', span, outer);
  if (d.aggregate !== undefined) throw unsupported('an EXISTS over an aggregating sub-query inside an OR or another expression', span);
  if (d.after !== undefined) throw unsupported('an EXISTS whose select list reads the enclosing query, inside an OR or another expression', span);
  const k = d.outerKeys.length;
  const keys = d.inner.columns.slice(0, k);
  const keyRefs = keys.map((c, i) => columnRef(i, c));
  const distinct = Object.freeze<Aggregate>({ kind: 'Aggregate', input: d.inner, keys: keyRefs, groupingSets: [keys.map((_, i) => i)], calls: [], columns: keys });
  // the first key again as the sub-query's one column: NULL on a padded row, never NULL on a match (NULL keys match nothing)
  const flagged = Object.freeze<Project>({ kind: 'Project', input: distinct, exprs: [...keyRefs, keyRefs[0]!], columns: [...keys, { ...keys[0]!, name: '$exists' }] });
  const joined = correlationJoin(planner, rel, { inner: flagged, outerKeys: d.outerKeys }, 'LEFT', undefined, span);
  const at = joined.columns.length - 1;
  const projection: Evaluator[] = rel.columns.map((_, i) => (r) => r[i] ?? null);
  projection.push((r) => (r[at] ?? null) !== null);
  const calc = new CalcOperator(undefined, projection);
  joined.op.connectTo(calc);
  return { columns: [...rel.columns, { name: `$exists${at}`, type: T.boolean() }], op: calc, rowtime: new Set(), proctime: new Set() };
}

/** A scalar sub-query's value, read from the column `scalarSubqueries` joined it into. */
export function subqueryRead(rel: PlannedRel, at: number): Compiled {
  return { type: rel.columns[at]!.type, eval: (r) => r[at] ?? null, column: at };
}
