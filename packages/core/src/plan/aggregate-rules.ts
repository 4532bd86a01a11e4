/**
 * Where aggregates may not stand, as Flink's validator rules them before anything is bound: no aggregates in WHERE
 * (FTS4410) or GROUP BY (FTS4424), no windowed aggregates in WHERE (FTS4418), no nested aggregates (FTS4419), and a
 * legacy group window's auxiliary function (TUMBLE_START, HOP_END, …) only with the same window in GROUP BY (FTS4317).
 * (A column that is neither grouped nor aggregated, FTS4411, is found while the selection is bound.)
 */
import type { Expression, FunctionCall } from '../ast/expression.js';
import { sameAst } from '../ast/same-ast.js';
import type { GroupingElement, Select } from '../ast/query.js';
import type { ObjectCatalog } from '../catalog/catalog.js';
import { isAggregateCall } from './function-lookup.js';
import type { BindContext } from './bind-context.js';
import { report } from './bind-context.js';
import { BIND_TEXTS } from './codes.js';
import type { AggregateCall } from './aggregate.js';
import type { BoundExpression } from './expression.js';
import { copiedColumn } from './expression.js';
import { expressionChildren, subtreeNodes } from '../ast/expression-children.js';
import { TYPE_TEXTS } from '../typing/codes.js';
import { TIME_TEXTS } from './time-codes.js';

export { isAggregateCall } from './function-lookup.js';

/**
 * The calls in `roots` (outside sub-queries), in source order, outer ones before those inside them: built-in
 * aggregates, OVER calls, and — when `auxiliaries` is given — the legacy group windows' auxiliary calls (not those
 * inside another auxiliary call's arguments). One walk for all three: it runs over every SELECT.
 */
function callsIn(roots: readonly Expression[], catalog: ObjectCatalog, auxiliaries?: FunctionCall[]): { aggregates: readonly FunctionCall[]; windowed: readonly FunctionCall[] } {
  let aggregates: FunctionCall[] | undefined;
  let windowed: FunctionCall[] | undefined;
  // The walk's stack (this runs over every SELECT: one shared stack, emptied again), and whether each node on it is
  // inside an auxiliary call's arguments (side by side, not a pair per node).
  if (stack.length > 0) {
    stack.length = 0;
    inAuxiliary.length = 0;
  }
  for (let i = roots.length - 1; i >= 0; i--) {
    stack.push(roots[i]!);
    inAuxiliary.push(false);
  }
  while (stack.length > 0) {
    const e = stack.pop()!;
    let inside = inAuxiliary.pop()!;
    if (e.kind === 'FunctionCall') {
      if (auxiliaries !== undefined && !inside && e.name.length === 1 && AUXILIARY.test(e.name[0]!.toUpperCase())) {
        auxiliaries.push(e);
        inside = true;
      }
      if (e.over !== undefined) (windowed ??= []).push(e);
      else if (isAggregateCall(e, catalog)) (aggregates ??= []).push(e);
    }
    const children = expressionChildren(e);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]!);
      inAuxiliary.push(inside);
    }
  }
  return { aggregates: aggregates ?? NONE, windowed: windowed ?? NONE };
}

const stack: Expression[] = [];
const inAuxiliary: boolean[] = [];
const NONE: readonly never[] = Object.freeze([]);
/** What a SELECT without unmatched auxiliary calls returns (only ever read). */
const NO_UNMATCHED: ReadonlySet<Expression> = new Set();

function groupExprs(groupBy: readonly GroupingElement[]): Expression[] {
  return groupBy.flatMap((g) => (g.kind === 'GroupingSets' ? g.sets.flat() : g.kind === 'Rollup' || g.kind === 'Cube' ? [...g.exprs] : [g]));
}

const AUXILIARY = /^(TUMBLE|HOP|SESSION)_(START|END|ROWTIME|PROCTIME)$/;

/**
 * Where aggregates may stand, then the group windows' auxiliary calls (see the file's comment), with one walk over
 * the SELECT's items and HAVING. Returns the nodes of the auxiliary calls without a matching group window (their
 * arguments are not reported again as columns that are not grouped).
 */
export function checkSelectCalls(select: Select, ctx: BindContext): ReadonlySet<Expression> {
  const catalog = ctx.catalog;
  if (select.where !== undefined) {
    const where = callsIn([select.where], catalog);
    for (const c of where.aggregates) report(ctx, TYPE_TEXTS.aggregateInWhere({ fn: c.name.join('.') }), c);
    for (const c of where.windowed) report(ctx, TYPE_TEXTS.overInWhere({ fn: c.name.join('.') }), c);
  }
  if (select.groupBy !== undefined) {
    for (const c of callsIn(groupExprs(select.groupBy), catalog).aggregates) report(ctx, TYPE_TEXTS.aggregateInGroupBy({ fn: c.name.join('.') }), c);
  }
  const roots: Expression[] = [];
  for (const i of select.items) if (i.kind === 'SelectExpr') roots.push(i.expr);
  if (select.having !== undefined) roots.push(select.having);
  const auxiliaries: FunctionCall[] = [];
  for (const c of callsIn(roots, catalog, auxiliaries).aggregates) {
    if (c.args.length === 0) continue;
    for (const inner of callsIn(c.args, catalog).aggregates) report(ctx, TYPE_TEXTS.nestedAggregate({ inner: inner.name.join('.'), outer: c.name.join('.') }), inner);
  }
  return groupWindowAuxiliaries(select, auxiliaries, ctx);
}

/**
 * `TUMBLE_START(ts, INTERVAL '1' MINUTE)` and the other auxiliary functions need the same group window, with the
 * same arguments, in the GROUP BY of their SELECT (Calcite: "must have matching call to group function"). Returns
 * the nodes of the calls without one.
 */
function groupWindowAuxiliaries(select: Select, auxiliaries: readonly FunctionCall[], ctx: BindContext): ReadonlySet<Expression> {
  if (auxiliaries.length === 0) return NO_UNMATCHED;
  const unmatched = new Set<Expression>();
  const windows = (select.groupBy ?? []).filter((g): g is FunctionCall => g.kind === 'FunctionCall' && g.name.length === 1);
  for (const call of auxiliaries) {
    const group = AUXILIARY.exec(call.name[0]!.toUpperCase())![1]!;
    if (windows.some((w) => w.name[0]!.toUpperCase() === group && sameAst(w.args, call.args))) continue;
    report(ctx, TIME_TEXTS.groupWindowAuxiliaryWithoutWindow({ fn: call.name[0]!.toUpperCase(), group }), call);
    for (const n of subtreeNodes(call)) unmatched.add(n);
  }
  return unmatched;
}

/** GROUPING / GROUPING_ID: which grouping set a row belongs to, by grouping keys only. */
const GROUPING_CALLS = new Set(['GROUPING', 'GROUPING_ID']);

/** The position of the grouping key an argument of GROUPING(…) is, or -1 when it is none (the runtime reads it so). */
export function groupingKeyIndex(keys: readonly BoundExpression[], arg: BoundExpression): number {
  const c = copiedColumn(arg);
  return keys.findIndex((k) => (c !== undefined && copiedColumn(k) === c) || sameAst(k.ast, arg.ast));
}

/** Every argument of GROUPING(…) / GROUPING_ID(…) must be a grouping key (Flink: "Argument to GROUPING operator must be a grouped expression"). */
export function checkGroupingArguments(calls: readonly AggregateCall[], keys: readonly BoundExpression[], ctx: BindContext): void {
  for (const call of calls) {
    if (!GROUPING_CALLS.has(call.fn)) continue;
    const bad = call.args.find((a) => groupingKeyIndex(keys, a) < 0);
    if (bad !== undefined) report(ctx, BIND_TEXTS.groupingNotGrouped({ fn: call.fn }), bad.ast.span === undefined ? call.ast : bad.ast);
  }
}
