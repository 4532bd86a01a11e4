/**
 * Aggregation rules of Flink's validator: no aggregates in WHERE (FTS4410) or GROUP BY (FTS4424), no windowed
 * aggregates in WHERE (FTS4418), no nested aggregates (FTS4419), and in an aggregating query every column the
 * SELECT list or HAVING reads must be grouped ("Expression 'x' is not being grouped", FTS4411).
 */
import type { Expression, FunctionCall } from '../../ast/expression.js';
import type { GroupingElement, Select } from '../../ast/query.js';
import { walkAst } from '../../ast/walk.js';
import { builtinFunction } from '../../functions/catalog.js';
import type { TypeScope } from '../expression-type.js';
import { resolveColumn } from '../expression-type.js';
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
  const reported = new Set<string>();
  const verify = (e: Expression): void => {
    if (grouped.has(key(e, scope))) return;
    switch (e.kind) {
      case 'ColumnRef': {
        const name = `${e.table === undefined ? '' : `${e.table}.`}${e.name}`;
        if (reported.has(name)) return;
        reported.add(name);
        issue(ctx, 'FTS4411', e, `Expression '${name}' is not being grouped`, select.groupBy === undefined ? 'add a GROUP BY clause, or aggregate the column (e.g. MAX(…))' : `add it to GROUP BY, or aggregate it (e.g. MAX(${name}))`);
        return;
      }
      case 'ScalarSubquery': case 'Exists': return;
      case 'FunctionCall':
        if (isAgg(e) || GROUP_WINDOW_AUX.test(e.name[0]?.toUpperCase() ?? '')) return;
        break;
      default:
    }
    const visit = (x: unknown): void => {
      if (x === null || typeof x !== 'object') return;
      if (Array.isArray(x)) {
        x.forEach(visit);
        return;
      }
      const node = x as { kind?: string };
      if (typeof node.kind === 'string' && node.kind !== 'WindowSpec') {
        if (node.kind === 'Select' || node.kind === 'SetOperation' || node.kind === 'With' || node.kind === 'Values') return;
        verify(node as Expression);
        return;
      }
      for (const [k, v] of Object.entries(node)) if (k !== 'span') visit(v);
    };
    for (const [k, v] of Object.entries(e)) if (k !== 'span' && k !== 'kind') visit(v);
  };
  for (const e of exprs) verify(e);
}
