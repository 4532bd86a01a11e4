/**
 * The columns a query produces (names and, where known, types), resolving FROM items against the script's
 * catalog. Unknown tables and columns are reported with "did you mean" hints.
 */
import type { Expression } from '../ast/expression.js';
import type { Query, Relation } from '../ast/query.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { CatalogColumn, ScriptCatalog } from './script-catalog.js';
import type { ScopeColumn, TypeScope } from './expression-type.js';
import { columnName, expressionType, resolveColumn } from './expression-type.js';

export interface OutputColumn {
  readonly name: string | undefined;
  readonly type?: CatalogColumn['type'];
  readonly expr?: Expression;
}

export interface QueryContext {
  readonly catalog: ScriptCatalog;
  readonly diagnostics: Diagnostic[];
  readonly file?: string;
}

const WINDOW_COLUMNS: readonly ScopeColumn[] = ['window_start', 'window_end', 'window_time'].map((name) => ({
  relation: '',
  name,
  type: { kind: 'TIMESTAMP', precision: 3, nullable: false },
}));

/** A hint when a table of that name exists in another catalog or database. */
export function elsewhere(ctx: QueryContext, name: string): string | undefined {
  const found = ctx.catalog.withName(name);
  return found.length === 0 ? undefined : `it is declared as ${found.map((t) => t.path.join('.')).join(', ')}; qualify the name or USE its database`;
}

/** Columns of a FROM item, or undefined when they cannot be known (the checks then stay silent). */
function relationColumns(r: Relation, ctx: QueryContext): ScopeColumn[] | undefined {
  switch (r.kind) {
    case 'TableRef': {
      const table = ctx.catalog.lookup(r.path);
      if (table === undefined) {
        const name = r.path[r.path.length - 1]!;
        ctx.diagnostics.push({
          code: 'FTS4002',
          severity: 'error',
          message: `table or view '${r.path.join('.')}' is not declared in this script`,
          hint: elsewhere(ctx, name) ?? didYouMean(name, ctx.catalog.names()) ?? 'declare it with CREATE TABLE before it is used',
          ...(r.span === undefined ? {} : { span: r.span }),
          ...(ctx.file === undefined ? {} : { file: ctx.file }),
        });
        return undefined;
      }
      const relation = r.alias ?? table.path[2];
      return table.columns.map((c) => ({ relation, name: c.name, ...(c.type === undefined ? {} : { type: c.type }) }));
    }
    case 'SubqueryRelation': {
      const out = queryColumns(r.query, ctx);
      if (out === undefined) return undefined;
      const relation = r.alias ?? '';
      return out.map((c, i) => ({ relation, name: r.columnAliases?.[i] ?? c.name ?? `EXPR$${i}`, ...(c.type === undefined ? {} : { type: c.type }) }));
    }
    case 'TableFunction': {
      const table = r.call.args.map((a) => (a.kind === 'NamedArg' ? a.value : a)).find((a) => a.kind === 'TableArg');
      if (table === undefined || table.kind !== 'TableArg') return undefined;
      const input = relationColumns(table.relation, ctx);
      if (input === undefined) return undefined;
      const relation = r.alias ?? '';
      return [...input, ...WINDOW_COLUMNS].map((c) => ({ ...c, relation }));
    }
    case 'Unnest':
      return undefined;
    case 'Join': {
      const left = relationColumns(r.left, ctx);
      const right = relationColumns(r.right, ctx);
      if (left === undefined || right === undefined) return undefined;
      return [...left, ...right];
    }
  }
}

function checkColumns(e: Expression, scope: TypeScope, ctx: QueryContext): void {
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      x.forEach(visit);
      return;
    }
    const node = x as { kind?: string };
    if (node.kind === 'ColumnRef') {
      const ref = node as Extract<Expression, { kind: 'ColumnRef' }>;
      if (resolveColumn(scope, ref.table, ref.name).length === 0) {
        const candidates = scope.filter((c) => ref.table === undefined || c.relation === ref.table).map((c) => c.name);
        ctx.diagnostics.push({
          code: 'FTS4001',
          severity: 'error',
          message: `column '${ref.table === undefined ? '' : `${ref.table}.`}${ref.name}' is not found in any table of the FROM clause`,
          hint: didYouMean(ref.name, candidates) ?? `available columns: ${[...new Set(candidates)].join(', ')}`,
          ...(ref.span === undefined ? {} : { span: ref.span }),
          ...(ctx.file === undefined ? {} : { file: ctx.file }),
        });
      }
      return;
    }
    // Sub-queries have their own scope; they are checked when their columns are computed.
    if (node.kind === 'ScalarSubquery' || node.kind === 'Exists' || (node.kind === 'In' && 'query' in node)) return;
    for (const [key, value] of Object.entries(node)) if (key !== 'span') visit(value);
  };
  visit(e);
}

/** The output columns of `query`, or undefined when its FROM items cannot all be resolved. */
export function queryColumns(query: Query, ctx: QueryContext): OutputColumn[] | undefined {
  switch (query.kind) {
    case 'Values':
      return query.rows[0]?.map((e, i) => ({ name: `EXPR$${i}`, type: expressionType(e, []), expr: e }));
    case 'With':
      return undefined;
    case 'SetOperation':
      return queryColumns(query.left, ctx);
    case 'Select': {
      const scope = query.from === undefined ? [] : relationColumns(query.from, ctx);
      if (scope === undefined) return undefined;
      const out: OutputColumn[] = [];
      for (const item of query.items) {
        if (item.kind === 'SelectStar') {
          for (const c of scope.filter((s) => item.table === undefined || s.relation === item.table)) out.push({ name: c.name, ...(c.type === undefined ? {} : { type: c.type }) });
          continue;
        }
        checkColumns(item.expr, scope, ctx);
        const type = expressionType(item.expr, scope);
        out.push({ name: item.alias ?? columnName(item.expr), ...(type === undefined ? {} : { type }), expr: item.expr });
      }
      if (query.where !== undefined) checkColumns(query.where, scope, ctx);
      return out;
    }
  }
}
