/**
 * Where aggregates may not stand, as Flink's validator rules them before anything is bound: no aggregates in WHERE
 * (FTS4410) or GROUP BY (FTS4424), no windowed aggregates in WHERE (FTS4418), no nested aggregates (FTS4419), and a
 * legacy group window's auxiliary function (TUMBLE_START, HOP_END, …) only with the same window in GROUP BY (FTS4317).
 * (A column that is neither grouped nor aggregated, FTS4411, is found while the selection is bound.)
 */
import type { Expression, FunctionCall } from '../ast/expression.js';
import { sameAst } from '../ast/same-ast.js';
import type { GroupingElement, Select } from '../ast/query.js';
import { builtinFunction } from '../functions/registry.js';
import type { BindContext } from './bind-context.js';
import { problem } from './bind-context.js';
import { expressionChildren, subtreeNodes } from './expression-children.js';

/** A call of a built-in aggregate (a user function of the same name shadows it). */
export function isAggregateCall(call: FunctionCall, userFunctions: ReadonlySet<string>): boolean {
  if (call.over !== undefined || call.name.length !== 1) return false;
  const name = call.name[0]!.toUpperCase();
  return !userFunctions.has(name) && builtinFunction(name)?.kind === 'aggregate';
}

/** Calls in `roots` (outside sub-queries) that satisfy `pick`, in source order, outer ones before those inside them. */
function calls(roots: readonly Expression[], pick: (c: FunctionCall) => boolean): FunctionCall[] {
  const out: FunctionCall[] = [];
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (e.kind === 'FunctionCall' && pick(e)) out.push(e);
    const children = expressionChildren(e);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

function groupExprs(groupBy: readonly GroupingElement[]): Expression[] {
  return groupBy.flatMap((g) => (g.kind === 'GroupingSets' ? g.sets.flat() : g.kind === 'Rollup' || g.kind === 'Cube' ? [...g.exprs] : [g]));
}

export function checkAggregatePlacement(select: Select, ctx: BindContext): void {
  const userFunctions = ctx.catalog.functions();
  const isAgg = (c: FunctionCall) => isAggregateCall(c, userFunctions);
  if (select.where !== undefined) {
    for (const c of calls([select.where], isAgg)) problem(ctx, 'FTS4410', c, `Aggregate expression is illegal in WHERE clause: ${c.name.join('.')}(…)`, 'filter aggregated values in HAVING, or aggregate in a sub-query');
    for (const c of calls([select.where], (x) => x.over !== undefined)) problem(ctx, 'FTS4418', c, `Windowed aggregate expression is illegal in WHERE clause: ${c.name.join('.')}(…) OVER …`, 'compute it in a sub-query and filter its result');
  }
  for (const c of calls(groupExprs(select.groupBy ?? []), isAgg)) problem(ctx, 'FTS4424', c, `Aggregate expression is illegal in GROUP BY clause: ${c.name.join('.')}(…)`);
  const exprs = [...select.items.flatMap((i) => (i.kind === 'SelectExpr' ? [i.expr] : [])), ...(select.having === undefined ? [] : [select.having])];
  for (const c of calls(exprs, isAgg)) {
    for (const inner of calls(c.args, isAgg)) problem(ctx, 'FTS4419', inner, `Aggregate expressions cannot be nested: ${inner.name.join('.')}(…) inside ${c.name.join('.')}(…)`, 'aggregate in a sub-query first');
  }
}

const AUXILIARY = /^(TUMBLE|HOP|SESSION)_(START|END|ROWTIME|PROCTIME)$/;

/**
 * `TUMBLE_START(ts, INTERVAL '1' MINUTE)` and the other auxiliary functions need the same group window, with the
 * same arguments, in the GROUP BY of their SELECT (Calcite: "must have matching call to group function"). Returns
 * the nodes of the calls without one.
 */
export function checkGroupWindowAuxiliaries(select: Select, ctx: BindContext): ReadonlySet<Expression> {
  const unmatched = new Set<Expression>();
  const roots = [...select.items.flatMap((i) => (i.kind === 'SelectExpr' ? [i.expr] : [])), ...(select.having === undefined ? [] : [select.having])];
  const windows = (select.groupBy ?? []).filter((g): g is FunctionCall => g.kind === 'FunctionCall' && g.name.length === 1);
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const e = stack.pop()!;
    const m = e.kind === 'FunctionCall' && e.name.length === 1 ? AUXILIARY.exec(e.name[0]!.toUpperCase()) : null;
    if (m !== null) {
      const call = e as FunctionCall;
      const group = m[1]!;
      if (windows.some((w) => w.name[0]!.toUpperCase() === group && sameAst(w.args, call.args))) continue;
      problem(ctx, 'FTS4317', call, `Call to auxiliary group function '${call.name[0]!.toUpperCase()}' must have matching call to group function '${group}' in GROUP BY clause`,
        `add GROUP BY ${group}(…) with the same arguments, or use a window TVF (${group}(TABLE t, DESCRIPTOR(ts), …)) and window_start / window_end`);
      // Their arguments are not reported again as columns that are not grouped.
      for (const n of subtreeNodes(call)) unmatched.add(n);
      continue;
    }
    const children = expressionChildren(e);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return unmatched;
}
