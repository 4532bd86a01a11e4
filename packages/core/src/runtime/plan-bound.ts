/**
 * Planning from the bound plan (plan/): each plan node becomes operators, with every column reference taken as the
 * binder resolved it (an input position) and every type as the binder typed it — the runtime resolves no names and
 * types no expression itself. One plan-bound-<node>.ts per node family.
 */
import type { Expression } from '../ast/expression.js';
import type { BoundExpression } from '../plan/expression.js';
import type { PlanNode } from '../plan/node.js';
import { inputsOf } from '../plan/node.js';
import type { Filter } from '../plan/filter.js';
import type { Project } from '../plan/project.js';
import type { Scan } from '../plan/scan.js';
import type { SetOp } from '../plan/set-op.js';
import type { Values } from '../plan/values.js';
import type { DataType } from '../types/data-type.js';
import type { Compiled, Evaluator } from './compiled.js';
import type { ExpressionCompiler } from './compile-expression.js';
import { copying } from './compiled.js';
import { notReached, unsupported } from './errors.js';
import { CalcOperator } from './operators/calc.js';
import { JoinOperator } from './operators/join.js';
import { ValuesOperator } from './operators/values.js';
import type { PlannedRel, Planner, Rel, RelColumn } from './plan.js';
import { expressionScope, filterNeedsUpdateBefore, windowThrough } from './plan.js';
import { T, withNullable } from './types.js';
import { aggregate, aggregatePlannable } from './plan-bound-aggregate.js';
import { filteredJoin, join, joinPlannable } from './plan-bound-join.js';
import { setOperation } from './plan-set-ops.js';
import { sortRel } from './plan-sort.js';
import { over, overPlannable } from './plan-bound-over.js';
import { correlate, correlatePlannable } from './plan-bound-correlate.js';
import { tableFunctionCorrelate, tableFunctionPlannable } from './plan-bound-table-function.js';
import { windowPlannable, windowTvf } from './plan-bound-window.js';
import { rank, rankPlannable } from './plan-bound-rank.js';
import { auxiliary } from './plan-bound-group-window.js';
import { filterWithSubqueries, lateralScalar, scalarSubqueries, subqueryRead } from './plan-bound-subquery.js';
import { matchPlannable, matchRecognize } from './plan-bound-match.js';
import { lateralSubquery } from './plan-bound-lateral.js';
import { havingMonotonicity, monotonicityThrough } from './plan-rank-strategy.js';
import type { Monotonicity } from './plan-rank-strategy.js';

/**
 * Whether `node` itself (not its inputs: `unplannable` walks them) can be compiled: its columns and expressions are
 * typed and read only their own input row (or the enclosing query's, in the sub-queries plan-bound-subquery.ts
 * decorrelates).
 */
function nodePlannable(node: PlanNode): boolean {
  switch (node.kind) {
    case 'Scan':
      return node.columns.every((c) => c.type !== undefined);
    case 'Values':
      return node.columns.every((c) => c.type !== undefined) && node.rows.every((r) => r.every(evaluable));
    case 'Filter':
      // over a Correlate also `[INNER] JOIN UNNEST(…) ON c`: the same rows as CROSS JOIN UNNEST(…) … WHERE c
      return evaluableWith(node.condition, true);
    case 'Project':
      return node.exprs.every((e) => evaluableWith(e, true)) && node.columns.every((c) => c.type !== undefined);
    case 'Aggregate':
      return aggregatePlannable(node, evaluable);
    case 'Join':
      return joinPlannable(node, evaluable);
    case 'SetOp':
      return node.columns.every((c) => c.type !== undefined);
    case 'WindowTableFunction':
      return windowPlannable(node, evaluable);
    case 'Rank':
    case 'Deduplicate':
      return rankPlannable(node, evaluable);
    case 'Sort':
      return node.keys.every((k) => evaluable(k.expr));
    case 'Over':
      return overPlannable(node, evaluable);
    case 'Correlate':
      return correlatePlannable(node, evaluable) || tableFunctionPlannable(node, evaluable);
    case 'MatchRecognize':
      return matchPlannable(node, evaluable);
    default:
      return false;
  }
}

/**
 * An expression over its own input row only, fully typed, without correlated references; with `subqueries`, sub-queries
 * are allowed (a WHERE's EXISTS, a scalar sub-query in the select list: plan-bound-subquery.ts).
 */
export function evaluable(e: BoundExpression): boolean {
  return evaluableWith(e, false);
}

function evaluableWith(e: BoundExpression, subqueries: boolean): boolean {
  // a bare column (a `*` item) is typed by its reference alone
  const typed = e.types !== undefined || (e.ast.kind === 'ColumnRef' && e.refs.length === 1);
  // a window auxiliary function (TUMBLE_END(…)) reads the window key's column, typed by its call
  return typed && e.type !== undefined && (subqueries || e.subqueries.length === 0) && e.refs.every((r) => r.depth === 0 && (r.type ?? e.types?.get(r.node)) !== undefined);
}

/** Whether something above a Rank reads its row number (Flink's TopN then emits rank changes). */
const rowNumberRead = new WeakMap<PlanNode, boolean>();

/**
 * The columns of a Deduplicate read above it (undefined: all). Flink's planner prunes the others below it, and its
 * keep-last deduplication on processing time emits nothing when the new row equals the kept one on what is left.
 */
export const dedupColumnsRead = new WeakMap<PlanNode, ReadonlySet<number> | undefined>();

/** Notes, for each Rank below `node`, whether its row number is read; `used`: the columns of `node` read above (all when undefined). */
function noteRowNumberReads(node: PlanNode, used: ReadonlySet<number> | undefined): void {
  const refsOf = (es: readonly BoundExpression[]): Set<number> => new Set(es.flatMap((e) => e.refs.filter((r) => r.depth === 0).map((r) => r.index)));
  switch (node.kind) {
    case 'Project':
      noteRowNumberReads(node.input, refsOf(node.exprs.filter((_, i) => used === undefined || used.has(i))));
      return;
    case 'Filter':
      noteRowNumberReads(node.input, used === undefined ? undefined : new Set([...used, ...refsOf([node.condition])]));
      return;
    case 'Rank':
    case 'Deduplicate':
      rowNumberRead.set(node, (rowNumberRead.get(node) ?? false) || used === undefined || used.has(node.columns.length - 1));
      if (node.kind === 'Deduplicate') {
        const before = dedupColumnsRead.has(node) ? dedupColumnsRead.get(node) : new Set<number>();
        dedupColumnsRead.set(node, before === undefined || used === undefined ? undefined : new Set([...before, ...used]));
      }
      noteRowNumberReads(node.input, undefined);
      return;
    default:
      for (const input of inputsOf(node)) noteRowNumberReads(input, undefined);
  }
}

/** The relation of a query's plan (every node compilable: see `unplannable`), whose every column is read. */
export function planRoot(planner: Planner, node: PlanNode): Rel {
  const untyped = unplannable(node);
  if (untyped !== undefined) throw unsupported(`a query whose ${untyped.kind} node has a column or expression of unknown type (a user-defined function)`);
  noteRowNumberReads(node, undefined);
  return planBound(planner, node);
}

/** Whether every node of `node`'s plan can be compiled (see `unplannable`). */
export function plannable(node: PlanNode): boolean {
  return unplannable(node) === undefined;
}

/** The first node (inputs first) that cannot be compiled, if any. */
function unplannable(node: PlanNode): PlanNode | undefined {
  for (const input of inputsOf(node)) {
    const bad = unplannable(input);
    if (bad !== undefined) return bad;
  }
  return nodePlannable(node) ? undefined : node;
}

/**
 * The relation of a compilable node (see `unplannable`), in the changelog mode the plan derives for it
 * (plan/properties/changelog.ts, checked against Flink in test/flink/changelog-modes.test.ts): the node compilers
 * decide no mode of their own, and the operators built for the nodes above read this one.
 */
export function planBound(planner: Planner, node: PlanNode): Rel {
  const rel: PlannedRel & { readonly mode?: Rel['mode'] } = planNode(planner, node);
  const mode = planner.modeOf(node);
  // the same relation when a compiler passed the plan's mode on (a group window's relation is known by identity)
  return rel.mode === mode ? (rel as Rel) : { ...rel, mode };
}

function planNode(planner: Planner, node: PlanNode): PlannedRel {
  switch (node.kind) {
    case 'Scan':
      return scan(planner, node);
    case 'Values':
      return values(planner, node);
    case 'Filter': {
      if (node.condition.subqueries.length > 0) return filterWithSubqueries(planner, node);
      if (filteredJoin(node.input)) return join(planner, node.input, node.condition);
      const rel = planBound(planner, node.input);
      const calc = new CalcOperator(condition(planner, rel, node), undefined);
      rel.op.connectTo(calc);
      return { ...rel, op: calc, ...filteredMonotonicity(rel, node.input), ...(filterNeedsUpdateBefore(rel, refIndexes(node.condition)) ? { filteredUpdates: true } : {}) };
    }
    case 'Project':
      return project(planner, node);
    case 'Aggregate':
      return aggregate(planner, node);
    case 'Join':
      return join(planner, node);
    case 'SetOp':
      return setOp(planner, node);
    case 'WindowTableFunction':
      return windowTvf(planner, node);
    case 'Rank':
    case 'Deduplicate':
      return rank(planner, node, rowNumberRead.get(node) ?? true);
    case 'Over':
      return over(planner, node);
    case 'Correlate':
      if (node.query !== undefined) return lateralScalar(planner, node) ?? lateralSubquery(planner, node);
      return node.fn === 'UNNEST' ? correlate(planner, node) : tableFunctionCorrelate(planner, node);
    case 'MatchRecognize':
      return matchRecognize(planner, node);
    case 'Sort': {
      const rel = planBound(planner, node.input);
      const keys = node.keys.map((k) => ({ compiled: compileBound(planner, rel, k.expr), direction: k.direction, ...(k.nulls ? { nulls: k.nulls } : {}), ...(k.expr.ast.span ? { span: k.expr.ast.span } : {}) }));
      return sortRel(rel, keys, node.limit, node.offset ?? 0, node.keys[0]?.expr.ast.span);
    }
    default:
      throw new Error(`internal: ${(node as PlanNode).kind} is not planned from the bound plan`);
  }
}

/** Compiles a bound expression over `rel`: column references read the positions the binder resolved. */
export function compileBound(planner: Planner, rel: PlannedRel, e: BoundExpression, type: DataType | undefined = e.type, subqueries?: ReadonlyMap<Expression, number>): Compiled {
  const c = boundCompilerOver(planner, rel, [e], subqueries);
  return c.conform(c.compile(e.ast), type, e.ast.span);
}

/**
 * A compiler of the AST of any of `es` (or of their sub-expressions) over `rel`: column references read the positions
 * the binder resolved, every sub-expression has the type the binder recorded.
 */
export function boundCompilerOver(planner: Planner, rel: PlannedRel, es: readonly (BoundExpression | undefined)[], subqueries?: ReadonlyMap<Expression, number>): ExpressionCompiler {
  const reads = new Map<Expression, Compiled>();
  // scalar sub-queries joined into `rel` (plan-bound-subquery.ts)
  for (const [node, at] of subqueries ?? []) reads.set(node, subqueryRead(rel, at));
  const bound = es.filter((e): e is BoundExpression => e !== undefined);
  const c = planner.boundCompiler((x) => reads.get(x), (x) => {
    for (const e of bound) {
      const t = e.types?.get(x);
      if (t !== undefined) return t;
    }
    return undefined;
  });
  for (const e of bound) {
    for (const ref of e.refs) reads.set(ref.node, c.conform(auxiliary(rel, ref) ?? read(rel, ref.index, ref.field), ref.type ?? e.types?.get(ref.node), ref.node.span));
  }
  return c;
}

/** Reading an input column (or a field of a ROW column), with the type the operator producing it gives it. */
function read(rel: PlannedRel, index: number, field: string | undefined): Compiled {
  const type = (rel.columns[index] as RelColumn).type;
  if (field === undefined) return { type, eval: (r) => r[index] ?? null, column: index };
  const at = type.kind === 'ROW' ? type.fields.findIndex((f) => f.name === field) : -1;
  const ft = type.kind === 'ROW' ? type.fields[at]!.type : type;
  return { type: withNullable(ft, ft.nullable || type.nullable), eval: (r) => (r[index] as unknown[] | null)?.[at] ?? null };
}

const refIndexes = (e: BoundExpression): number[] => e.refs.map((r) => r.index);

function condition(planner: Planner, rel: Rel, f: Filter): Evaluator {
  const c = compileBound(planner, rel, f.condition);
  return c.type.kind === 'BOOLEAN' ? c.eval : planner.boundCompiler(() => undefined, () => undefined).coerce(c, T.boolean(), f.condition.ast.span).eval;
}

export const timeColumns = (node: PlanNode, time: 'rowtime' | 'proctime'): Set<number> =>
  new Set(node.columns.flatMap((c, i) => (c.time === time ? [i] : [])));

function scan(planner: Planner, node: Scan): PlannedRel {
  const t = planner.table(node.table.path, node.span);
  return {
    columns: node.columns.map((c) => ({ name: c.name, type: c.type as DataType })),
    op: t.source,
    rowtime: timeColumns(node, 'rowtime'), proctime: timeColumns(node, 'proctime'),
    ...(t.primaryKey?.length ? { uniqueKey: t.primaryKey } : {}),
  };
}

function values(planner: Planner, node: Values): PlannedRel {
  const empty = expressionScope([]);
  const columns = node.columns.map((c) => ({ name: c.name, type: c.type as DataType }));
  const rows = node.rows.map((r) => r.map((e, i) => {
    // the binder rejects a bare NULL in VALUES (FTS4406)
    if (e.ast.kind === 'NullLiteral') throw notReached('a bare NULL in VALUES');
    const col = columns[i] as RelColumn;
    return compileBound(planner, empty, e, col.type.kind === 'NULL' ? undefined : col.type).eval([]) ?? null;
  }));
  const op = new ValuesOperator(rows);
  planner.valuesSources.push(op);
  return { columns, op, rowtime: new Set(), proctime: new Set() };
}


/** A projection, with a Filter below it fused into one Calc (as Flink's planner merges them). */
function project(planner: Planner, node: Project): PlannedRel {
  const input = node.input;
  // a Filter below is fused into this Calc, or joins with the INNER join below it
  let rel: PlannedRel;
  let f: Evaluator | undefined;
  let filteredUpdates = false;
  if (input.kind === 'Filter' && input.condition.subqueries.length > 0) rel = filterWithSubqueries(planner, input);
  else if (input.kind === 'Filter' && filteredJoin(input.input)) rel = join(planner, input.input, input.condition);
  else if (input.kind === 'Filter') {
    const below = planBound(planner, input.input);
    f = condition(planner, below, input);
    filteredUpdates = filterNeedsUpdateBefore(below, refIndexes(input.condition));
    rel = below;
  } else rel = planBound(planner, input);
  if (input.kind === 'Values' && input.rows.length === 1 && input.columns.length === 0) {
    // SELECT without FROM: Flink validates it as VALUES, where a bare NULL has no type
    for (const e of node.exprs) {
      if (e.ast.kind === 'NullLiteral') throw notReached('a bare NULL in a SELECT without FROM');
    }
  }
  let scalars: ReadonlyMap<Expression, number> | undefined;
  if (node.exprs.some((e) => e.subqueries.length > 0)) ({ rel, columns: scalars } = scalarSubqueries(planner, node, rel));
  const compiled = node.exprs.map((e, i) => compileBound(planner, rel, e, node.columns[i]!.type, scalars));
  const columns: RelColumn[] = node.columns.map((c, i) => ({ name: c.name, type: (compiled[i] as Compiled).type }));
  const direct = compiled.map((c) => c.column);
  // SESSION rows their window aggregation assigns (plan-bound-window.ts) keep their time column, after the
  // projection's own columns when it does not copy it
  const sw = rel.window;
  const hiddenTime = sw?.sessionRows && !direct.includes(sw.timeIndex) ? sw.timeIndex : undefined;
  const carried = {
    ...(rel.filteredUpdates || filteredUpdates ? { filteredUpdates: true } : {}),
    ...keyThrough('aggregateKey', rel.aggregateKey, direct),
    ...keyThrough('uniqueKey', rel.uniqueKey, direct),
    ...windowThrough(rel, hiddenTime === undefined ? direct : [...direct, hiddenTime]),
    ...(rel.monotonicity ? { monotonicity: monotonicityThrough(f ? filteredMonotonicity(rel, input.kind === 'Filter' ? input.input : input).monotonicity : rel.monotonicity, direct) } : {}),
  };
  const out = { columns, rowtime: timeColumns(node, 'rowtime'), proctime: timeColumns(node, 'proctime'), ...carried };
  const identity = direct.length === rel.columns.length && direct.every((d, i) => d === i);
  if (identity && !f) return { ...out, op: rel.op };
  // a projection of plain columns right above a regular join is fused into it (as Flink's planner pushes it)
  if (!f && hiddenTime === undefined && rel.op instanceof JoinOperator && rel.op.canProjectOutput() && direct.every((d) => d !== undefined)) {
    rel.op.projectOutput(direct as number[]);
    return { ...out, op: rel.op };
  }
  const calc = new CalcOperator(f, hiddenTime === undefined ? compiled.map(copying) : [...compiled.map(copying), (r) => r[hiddenTime] ?? null]);
  rel.op.connectTo(calc);
  return { ...out, op: calc };
}

/** UNION / INTERSECT / EXCEPT [ALL] of every input, left to right, each side converted to the plan's column types. */
function setOp(planner: Planner, node: SetOp): PlannedRel {
  const columns = node.columns.map((c) => ({ name: c.name, type: c.type as DataType }));
  const [first, ...rest] = node.inputs.map((n) => planBound(planner, n));
  const rel = rest.reduce((l, r) => setOperation(planner, node.op, node.all, l, r, columns, undefined), first as PlannedRel);
  return { ...rel, rowtime: timeColumns(node, 'rowtime'), proctime: timeColumns(node, 'proctime') };
}

/**
 * The column monotonicity after a filter: under HAVING (a filter right above the aggregation) Flink derives none for
 * the aggregates; any other filter the local planner does not follow ('unknown', FTS7001 where it matters).
 */
function filteredMonotonicity(rel: PlannedRel, below: PlanNode): { monotonicity?: Monotonicity[] } {
  if (!rel.monotonicity) return {};
  return { monotonicity: below.kind === 'Aggregate' ? havingMonotonicity(rel.monotonicity) : rel.monotonicity.map((): Monotonicity => 'unknown') };
}

function keyThrough<K extends 'aggregateKey' | 'uniqueKey'>(name: K, key: readonly number[] | undefined, direct: readonly (number | undefined)[]): Partial<Record<K, number[]>> {
  const out = key?.map((k) => direct.indexOf(k));
  return out && out.every((k) => k >= 0) ? ({ [name]: out } as Partial<Record<K, number[]>>) : {};
}
