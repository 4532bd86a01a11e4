/**
 * Where aggregates may not stand, as Flink's validator rules them before anything is bound: no aggregates in WHERE
 * (FTS4410) or GROUP BY (FTS4424), no windowed aggregates in WHERE (FTS4418), no nested aggregates (FTS4419), and a
 * legacy group window's auxiliary function (TUMBLE_START, HOP_END, …) only with the same window in GROUP BY (FTS4317).
 * (A column that is neither grouped nor aggregated, FTS4411, is found while the selection is bound.)
 */
import type { Expression, FunctionCall } from '../ast/expression.js';
import { sameAst } from '../ast/same-ast.js';
import type { GroupingElement, Select } from '../ast/query.js';
import { walkAst } from '../ast/walk.js';
import { builtinFunction } from '../functions/registry.js';
import type { BindContext } from './bind-context.js';
import { problem } from './bind-context.js';
import { subtreeNodes } from './expression-children.js';

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

const AUXILIARY = /^(TUMBLE|HOP|SESSION)_(START|END|ROWTIME|PROCTIME)$/;
const NESTED_QUERY_KINDS: ReadonlySet<string> = new Set([...QUERY_KINDS, 'SubqueryRelation']);

/**
 * `TUMBLE_START(ts, INTERVAL '1' MINUTE)` and the other auxiliary functions need the same group window, with the
 * same arguments, in the GROUP BY of their SELECT (Calcite: "must have matching call to group function"). Returns
 * the nodes of the calls without one.
 */
export function checkGroupWindowAuxiliaries(select: Select, ctx: BindContext): ReadonlySet<Expression> {
  const unmatched = new Set<Expression>();
  const windows = (select.groupBy ?? []).filter((g): g is FunctionCall => g.kind === 'FunctionCall' && g.name.length === 1);
  const visit = (root: unknown): void => walkAst(root, (node) => {
    if (node.kind !== undefined && NESTED_QUERY_KINDS.has(node.kind)) return false;
    if (node.kind !== 'FunctionCall') return undefined;
    const call = node as FunctionCall;
    const m = call.name.length === 1 ? AUXILIARY.exec(call.name[0]!.toUpperCase()) : null;
    if (m === null) return undefined;
    const group = m[1]!;
    if (windows.some((w) => w.name[0]!.toUpperCase() === group && sameAst(w.args, call.args))) return false;
    problem(ctx, 'FTS4317', call, `Call to auxiliary group function '${call.name[0]!.toUpperCase()}' must have matching call to group function '${group}' in GROUP BY clause`,
      `add GROUP BY ${group}(…) with the same arguments, or use a window TVF (${group}(TABLE t, DESCRIPTOR(ts), …)) and window_start / window_end`);
    for (const n of subtreeNodes(call)) unmatched.add(n);
    return false;
  });
  for (const item of select.items) visit(item);
  if (select.having !== undefined) visit(select.having);
  // Their arguments are not reported again as columns that are not grouped.
  return unmatched;
}
