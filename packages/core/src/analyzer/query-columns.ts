/**
 * The columns a query produces (names and, where known, types), resolving FROM items against the script's
 * catalog, CTEs and enclosing queries, and reporting what Flink's validator rejects: unknown, ambiguous and
 * mis-qualified names (FTS4001–FTS4099) and expression type errors (FTS4401–FTS4499), with "did you mean" hints.
 */
import { walkAst } from '../ast/walk.js';
import type { Expression } from '../ast/expression.js';
import type { Query, Select } from '../ast/query.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { commonResultType } from '../typing/common-result-type.js';
import type { DataType } from '../types/data-type.js';
import type { CatalogColumn, ScriptCatalog } from './script-catalog.js';
import type { ScopeColumn, TypeEnv, TypeIssue } from '../typing/expression-type.js';
import { columnName, expressionType } from '../typing/expression-type.js';
import { checkGrouping } from './names/grouping.js';
import type { Scope } from './names/name-check.js';
import { EMPTY_SCOPE, checkNames } from './names/name-check.js';
import { issue, reportIssues } from './names/report.js';
import { relationScope } from './names/relation-scope.js';
import { show } from '../typing/families.js';

export interface OutputColumn {
  readonly name: string | undefined;
  readonly type?: CatalogColumn['type'];
  readonly expr?: Expression;
}

export interface QueryContext {
  readonly catalog: ScriptCatalog;
  readonly diagnostics: Diagnostic[];
  readonly file?: string;
  /** CTEs visible here (WITH), by name; undefined columns when the CTE's columns are unknown. */
  readonly ctes?: ReadonlyMap<string, readonly OutputColumn[] | undefined>;
  /** The scope of the enclosing query, for correlated sub-queries and LATERAL items. */
  readonly outer?: Scope;
}

/** A hint when a table of that name exists in another catalog or database. */
export function elsewhere(ctx: QueryContext, name: string): string | undefined {
  const found = ctx.catalog.withName(name);
  return found.length === 0 ? undefined : `it is declared as ${found.map((t) => t.path.join('.')).join(', ')}; qualify the name or USE its database`;
}

/** The scope `inner` sees: its own columns first, then those of the enclosing queries. */
export function withOuter(inner: Scope, outer: Scope | undefined): Scope {
  if (outer === undefined) return inner;
  return {
    columns: [...inner.columns, ...outer.columns.map((c) => ({ ...c, outer: true }))],
    relations: [...inner.relations, ...outer.relations],
    open: inner.open || outer.open,
  };
}

/** Type `e` in `scope`, reporting names and type errors; sub-queries are checked with `scope` as their outer scope. */
export function typeExpression(e: Expression, scope: Scope, ctx: QueryContext): DataType | undefined {
  checkNames(e, scope, ctx);
  const issues: TypeIssue[] = [];
  const env: TypeEnv = {
    issues,
    functions: ctx.catalog.functions(),
    subquery: (q) => queryColumns(q, { ...ctx, outer: scope })?.map((c) => c.type),
  };
  const type = expressionType(e, scope.columns, env);
  reportIssues(ctx, issues);
  return type;
}

/** A condition (WHERE, HAVING, ON) must be BOOLEAN. */
export function checkCondition(e: Expression, scope: Scope, ctx: QueryContext, clause: string): void {
  const t = typeExpression(e, scope, ctx);
  if (t !== undefined && t.kind !== 'BOOLEAN' && t.kind !== 'NULL') {
    issue(ctx, 'FTS4403', e, `${clause} clause must be a condition: the expression is ${show(t)}, not BOOLEAN`, `compare it with something, e.g. ${clause === 'ON' ? 'a.x = b.x' : '… = …'}`);
  }
}

function selectColumns(query: Select, ctx: QueryContext): OutputColumn[] | undefined {
  const from = query.from === undefined ? EMPTY_SCOPE : relationScope(query.from, ctx);
  const scope = withOuter(from, ctx.outer);
  const userFunctions = ctx.catalog.functions();
  const out: OutputColumn[] = [];
  // A `*` over columns that are not known: the output is unknown, but the clauses are still checked.
  let unknownOutput = false;
  for (const item of query.items) {
    if (item.kind === 'SelectStar') {
      if (query.from === undefined) {
        issue(ctx, 'FTS4012', item, 'SELECT * requires a FROM clause');
        continue;
      }
      if (item.table !== undefined && !from.relations.includes(item.table)) {
        const names = from.relations.filter((r) => r !== '');
        issue(ctx, 'FTS4004', item, `Unknown identifier '${item.table}' in '${item.table}.*': no table or alias of that name in the FROM clause`, didYouMean(item.table, names) ?? `tables and aliases in scope: ${names.join(', ')}`);
        unknownOutput = true;
        continue;
      }
      if (from.open) {
        unknownOutput = true;
        continue;
      }
      for (const c of from.columns.filter((s) => (item.table === undefined ? s.qualifiedOnly !== true : s.relation === item.table))) {
        out.push({ name: c.name, ...(c.type === undefined ? {} : { type: c.type }) });
      }
      continue;
    }
    const type = typeExpression(item.expr, scope, ctx);
    out.push({ name: item.alias ?? columnName(item.expr), ...(type === undefined ? {} : { type }), expr: item.expr });
  }
  const clauseScope: Scope = { ...scope, selectAliases: out.flatMap((c) => (c.name === undefined || c.expr?.kind === 'ColumnRef' ? [] : [c.name])) };
  if (query.where !== undefined) checkCondition(query.where, clauseScope, ctx, 'WHERE');
  for (const g of query.groupBy ?? []) {
    const exprs = g.kind === 'GroupingSets' ? g.sets.flat() : g.kind === 'Rollup' || g.kind === 'Cube' ? g.exprs : [g];
    for (const e of exprs) typeExpression(e, clauseScope, ctx);
  }
  if (query.having !== undefined) checkCondition(query.having, clauseScope, ctx, 'HAVING');
  checkWindows(query, scope, ctx);
  checkGrouping(query, scope.columns, userFunctions, ctx);
  if (query.orderBy !== undefined) {
    // ORDER BY sees the SELECT list's aliases as well as the FROM columns.
    const aliases: ScopeColumn[] = out.flatMap((c) => (c.name === undefined ? [] : [{ relation: '', name: c.name, ...(c.type === undefined ? {} : { type: c.type }), outer: true }]));
    const known = new Set(scope.columns.map((c) => c.name));
    const orderScope: Scope = { ...scope, columns: [...scope.columns, ...aliases.filter((a) => !known.has(a.name))] };
    for (const o of query.orderBy) typeExpression(o.expr, orderScope, ctx);
  }
  return unknownOutput ? undefined : out;
}

/** Named windows (WINDOW w AS (…)) and OVER w references. */
function checkWindows(query: Select, scope: Scope, ctx: QueryContext): void {
  const names = (query.windows ?? []).map((w) => w.name);
  for (const w of query.windows ?? []) {
    for (const p of w.spec.partitionBy) typeExpression(p, scope, ctx);
    for (const o of w.spec.orderBy) typeExpression(o.expr, scope, ctx);
  }
  walkAst(query.items, (x) => {
    const node = x as { kind?: string; over?: unknown; base?: unknown; span?: Expression['span'] };
    if (node.kind === 'ScalarSubquery' || node.kind === 'Exists' || node.kind === 'Select') return false;
    if (node.kind === 'FunctionCall') {
      const ref = typeof node.over === 'string' ? node.over : typeof (node.over as { base?: unknown } | undefined)?.base === 'string' ? (node.over as { base: string }).base : undefined;
      if (ref !== undefined && !names.includes(ref)) {
        issue(ctx, 'FTS4010', node, `Window '${ref}' not found`, didYouMean(ref, names) ?? 'declare it with WINDOW name AS (…) after the HAVING clause');
      }
    }
    return true;
  });
}

/** `q1 UNION ALL q2 UNION ALL …` is a left spine as deep as it is long: folded in a loop, left to right. */
function setOperationColumns(query: Extract<Query, { kind: 'SetOperation' }>, ctx: QueryContext): OutputColumn[] | undefined {
  const spine = [query];
  for (let left = query.left; left.kind === 'SetOperation'; left = left.left) spine.push(left);
  let columns = queryColumns(spine[spine.length - 1]!.left, ctx);
  for (let i = spine.length - 1; i >= 0; i--) columns = combinedColumns(spine[i]!, columns, queryColumns(spine[i]!.right, ctx), ctx);
  return columns;
}

function combinedColumns(query: Extract<Query, { kind: 'SetOperation' }>, left: OutputColumn[] | undefined, right: OutputColumn[] | undefined, ctx: QueryContext): OutputColumn[] | undefined {
  if (left === undefined || right === undefined) return left;
  if (left.length !== right.length) {
    issue(ctx, 'FTS4408', query.right.span === undefined ? query : query.right, `Column count mismatch in ${query.op}: the left query has ${left.length} columns, the right one ${right.length}`, 'both sides must select the same number of columns');
    return left;
  }
  return left.map((l, i) => {
    const r = right[i]!;
    if (l.type === undefined || r.type === undefined) return { name: l.name };
    const common = commonResultType([l.type, r.type]);
    if (common === undefined) {
      issue(ctx, 'FTS4409', r.expr ?? query, `Type mismatch in column ${i + 1} of ${query.op}: ${show(l.type)} and ${show(r.type)} have no common type`, `CAST one side, e.g. CAST(… AS ${show({ ...l.type, nullable: true } as DataType)})`);
      return { name: l.name };
    }
    return { name: l.name, type: common };
  });
}

function withColumns(query: Extract<Query, { kind: 'With' }>, ctx: QueryContext): OutputColumn[] | undefined {
  const ctes = new Map(ctx.ctes ?? []);
  for (const cte of query.ctes) {
    const cols = queryColumns(cte.query, { ...ctx, ctes });
    if (cte.columns !== undefined && cols !== undefined && cte.columns.length !== cols.length) {
      issue(ctx, 'FTS4008', query, `WITH '${cte.name}' names ${cte.columns.length} columns but its query returns ${cols.length}`, 'list one name per column of the query');
      ctes.set(cte.name, undefined);
      continue;
    }
    ctes.set(cte.name, cols?.map((c, i) => ({ ...c, name: cte.columns?.[i] ?? c.name })));
  }
  return queryColumns(query.body, { ...ctx, ctes });
}

function valuesColumns(query: Extract<Query, { kind: 'Values' }>, ctx: QueryContext): OutputColumn[] | undefined {
  const first = query.rows[0];
  if (first === undefined) return [];
  const types = query.rows.map((row) => row.map((e) => typeExpression(e, EMPTY_SCOPE, ctx)));
  const mismatch = query.rows.findIndex((row) => row.length !== first.length);
  if (mismatch >= 0) {
    issue(ctx, 'FTS4422', query.rows[mismatch]![0] ?? query, `VALUES rows have different numbers of columns: row 1 has ${first.length}, row ${mismatch + 1} has ${query.rows[mismatch]!.length}`);
    return undefined;
  }
  return first.map((e, i) => {
    const column = types.map((row) => row[i]);
    const type = column.some((t) => t === undefined) ? undefined : commonResultType(column as DataType[]);
    return { name: `EXPR$${i}`, ...(type === undefined ? {} : { type }), expr: e };
  });
}

/** The output columns of `query`, or undefined when they cannot be known (its FROM items are unresolved). */
export function queryColumns(query: Query, ctx: QueryContext): OutputColumn[] | undefined {
  try {
    switch (query.kind) {
      case 'Values': return valuesColumns(query, ctx);
      case 'With': return withColumns(query, ctx);
      case 'SetOperation': return setOperationColumns(query, ctx);
      case 'Select': return selectColumns(query, ctx);
    }
  } catch (e) {
    // Absurdly deep expressions exhaust the stack: a diagnostic, never an exception.
    if (!(e instanceof RangeError)) throw e;
    issue(ctx, 'FTS4499', query, 'the query is nested too deeply to be checked', 'split deeply nested expressions into views or CTEs');
    return undefined;
  }
}
