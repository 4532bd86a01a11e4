/**
 * Where aggregates may not stand, as Flink's validator rules them before anything is bound: no aggregates in WHERE
 * (FTS4410) or GROUP BY (FTS4424), no windowed aggregates in WHERE (FTS4418), no nested aggregates (FTS4419).
 * (A column that is neither grouped nor aggregated, FTS4411, is found while the selection is bound.)
 */
import type { FunctionCall } from '../ast/expression.js';
import type { GroupingElement, Select } from '../ast/query.js';
import { walkAst } from '../ast/walk.js';
import { builtinFunction } from '../functions/registry.js';
import type { BindContext } from './bind-context.js';
import { problem } from './bind-context.js';

/** A call of a built-in aggregate (a user function of the same name shadows it). */
export function isAggregateCall(call: FunctionCall, userFunctions: ReadonlySet<string>): boolean {
  if (call.over !== undefined || call.name.length !== 1) return false;
  const name = call.name[0]!.toUpperCase();
  return !userFunctions.has(name) && builtinFunction(name)?.kind === 'aggregate';
}

const QUERY_KINDS: ReadonlySet<string> = new Set(['ScalarSubquery', 'Exists', 'Select', 'SetOperation', 'With', 'Values']);

/** Calls in `e` (outside sub-queries) that satisfy `pick`, outermost first. */
function calls(e: unknown, pick: (c: FunctionCall) => boolean): FunctionCall[] {
  const out: FunctionCall[] = [];
  walkAst(e, (node) => {
    if (node.kind !== undefined && QUERY_KINDS.has(node.kind)) return false;
    if (node.kind === 'FunctionCall' && pick(node as FunctionCall)) out.push(node as FunctionCall);
    return true;
  });
  return out;
}

function groupExprs(groupBy: readonly GroupingElement[]): unknown[] {
  return groupBy.flatMap((g) => (g.kind === 'GroupingSets' ? g.sets.flat() : g.kind === 'Rollup' || g.kind === 'Cube' ? [...g.exprs] : [g]));
}

export function checkAggregatePlacement(select: Select, ctx: BindContext): void {
  const userFunctions = ctx.catalog.functions();
  const isAgg = (c: FunctionCall) => isAggregateCall(c, userFunctions);
  if (select.where !== undefined) {
    for (const c of calls(select.where, isAgg)) problem(ctx, 'FTS4410', c, `Aggregate expression is illegal in WHERE clause: ${c.name.join('.')}(…)`, 'filter aggregated values in HAVING, or aggregate in a sub-query');
    for (const c of calls(select.where, (x) => x.over !== undefined)) problem(ctx, 'FTS4418', c, `Windowed aggregate expression is illegal in WHERE clause: ${c.name.join('.')}(…) OVER …`, 'compute it in a sub-query and filter its result');
  }
  for (const c of calls(groupExprs(select.groupBy ?? []), isAgg)) problem(ctx, 'FTS4424', c, `Aggregate expression is illegal in GROUP BY clause: ${c.name.join('.')}(…)`);
  const exprs = [...select.items.flatMap((i) => (i.kind === 'SelectExpr' ? [i.expr] : [])), ...(select.having === undefined ? [] : [select.having])];
  for (const c of calls(exprs, isAgg)) {
    for (const inner of calls(c.args, isAgg)) problem(ctx, 'FTS4419', inner, `Aggregate expressions cannot be nested: ${inner.name.join('.')}(…) inside ${c.name.join('.')}(…)`, 'aggregate in a sub-query first');
  }
}
