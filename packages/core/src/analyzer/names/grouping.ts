/**
 * Aggregation rules of Flink's validator: no aggregates in WHERE (FTS4410) or GROUP BY (FTS4424), no windowed
 * aggregates in WHERE (FTS4418), no nested aggregates (FTS4419), and in an aggregating query every column the
 * SELECT list or HAVING reads must be grouped ("Expression 'x' is not being grouped", FTS4411).
 */
import type { Expression, FunctionCall } from '../../ast/expression.js';
import type { GroupingElement, Select } from '../../ast/query.js';
import { walkAst } from '../../ast/walk.js';
import { builtinFunction } from '../../functions/registry.js';
import type { TypeScope } from '../../typing/expression-type.js';
import { resolveColumn } from '../../typing/expression-type.js';
import type { ReportContext } from './report.js';
import { issue } from './report.js';

/** Legacy group-window auxiliaries read the window's time column, which is not a grouped column. */
const GROUP_WINDOW_AUX = /^(TUMBLE|HOP|SESSION)_(START|END|ROWTIME|PROCTIME)$/;

export function isAggregateCall(call: FunctionCall, userFunctions: ReadonlySet<string>): boolean {
  if (call.over !== undefined || call.name.length !== 1) return false;
  const name = call.name[0]!.toUpperCase();
  return !userFunctions.has(name) && builtinFunction(name)?.kind === 'aggregate';
}

/** Calls in `e` (outside sub-queries) that satisfy `pick`, outermost first. */
function calls(e: unknown, pick: (c: FunctionCall) => boolean): FunctionCall[] {
  const out: FunctionCall[] = [];
  walkAst(e, (node) => {
    if (node.kind === 'ScalarSubquery' || node.kind === 'Exists' || node.kind === 'Select' || node.kind === 'SetOperation' || node.kind === 'With' || node.kind === 'Values') return false;
    if (node.kind === 'FunctionCall' && pick(node as FunctionCall)) out.push(node as FunctionCall);
    return true;
  });
  return out;
}

function plainGroupExprs(groupBy: readonly GroupingElement[]): Expression[] {
  return groupBy.flatMap((g) => {
    if (g.kind === 'GroupingSets') return g.sets.flat();
    if (g.kind === 'Rollup' || g.kind === 'Cube') return [...g.exprs];
    return [g];
  });
}

/** A key identifying an expression regardless of spans and of how a column is qualified. */
function key(e: Expression, scope: TypeScope): string {
  return JSON.stringify(e, (k, v: unknown) => {
    if (k === 'span' || k === 'comments') return undefined;
    if (v !== null && typeof v === 'object' && (v as { kind?: string }).kind === 'ColumnRef') {
      const ref = v as Extract<Expression, { kind: 'ColumnRef' }>;
      const found = resolveColumn(scope, ref.table, ref.name);
      return { kind: 'ColumnRef', name: found.length === 1 ? `${found[0]!.relation}.${ref.name}` : `${ref.table ?? ''}.${ref.name}` };
    }
    return v;
  });
}

export function checkGrouping(select: Select, scope: TypeScope, userFunctions: ReadonlySet<string>, ctx: ReportContext): void {
  const isAgg = (c: FunctionCall) => isAggregateCall(c, userFunctions);
  if (select.where !== undefined) {
    for (const c of calls(select.where, isAgg)) issue(ctx, 'FTS4410', c, `Aggregate expression is illegal in WHERE clause: ${c.name.join('.')}(…)`, 'filter aggregated values in HAVING, or aggregate in a sub-query');
    for (const c of calls(select.where, (x) => x.over !== undefined)) issue(ctx, 'FTS4418', c, `Windowed aggregate expression is illegal in WHERE clause: ${c.name.join('.')}(…) OVER …`, 'compute it in a sub-query and filter its result');
  }
  const groupExprs = plainGroupExprs(select.groupBy ?? []);
  for (const g of groupExprs) for (const c of calls(g, isAgg)) issue(ctx, 'FTS4424', c, `Aggregate expression is illegal in GROUP BY clause: ${c.name.join('.')}(…)`);
  const exprs = [...select.items.flatMap((i) => (i.kind === 'SelectExpr' ? [i.expr] : [])), ...(select.having === undefined ? [] : [select.having])];
  for (const c of calls(exprs, isAgg)) {
    for (const inner of calls(c.args, isAgg)) issue(ctx, 'FTS4419', inner, `Aggregate expressions cannot be nested: ${inner.name.join('.')}(…) inside ${c.name.join('.')}(…)`, 'aggregate in a sub-query first');
  }
  const aggregating = select.groupBy !== undefined || calls(exprs, isAgg).length > 0;
  if (!aggregating) return;
  const grouped = new Set(groupExprs.map((g) => key(g, scope)));
  // Only nodes of a kind some GROUP BY expression has can match one: no key is computed for the others, so a
  // 10,000-term chain is not keyed at every one of its 10,000 levels.
  const groupedKinds = new Set(groupExprs.map((g) => g.kind));
  const reported = new Set<string>();
  // Its own stack (walkAst), not recursion: a select list as deep as a 10,000-term chain is walked in a loop.
  walkAst(exprs, (x) => {
    if (typeof x.kind !== 'string' || x.kind === 'WindowSpec') return true;
    if (x.kind === 'Select' || x.kind === 'SetOperation' || x.kind === 'With' || x.kind === 'Values') return false;
    const e = x as Expression;
    if (groupedKinds.has(e.kind) && grouped.has(key(e, scope))) return false;
    switch (e.kind) {
      case 'ColumnRef': {
        const name = `${e.table === undefined ? '' : `${e.table}.`}${e.name}`;
        if (reported.has(name)) return false;
        reported.add(name);
        issue(ctx, 'FTS4411', e, `Expression '${name}' is not being grouped`, select.groupBy === undefined ? 'add a GROUP BY clause, or aggregate the column (e.g. MAX(…))' : `add it to GROUP BY, or aggregate it (e.g. MAX(${name}))`);
        return false;
      }
      case 'ScalarSubquery': case 'Exists': return false;
      case 'FunctionCall':
        return !(isAgg(e) || GROUP_WINDOW_AUX.test(e.name[0]?.toUpperCase() ?? ''));
      default:
        return true;
    }
  });
}
