/**
 * A query → builder code, for the shapes the builder prints back exactly: `from(source, 'a')` over declared
 * tables and views, joins with ON, WHERE, DISTINCT, and a selection where every item is
 * `expression AS name` (`.select({ … })`) or the source's columns in order (`.selectAll()`). Column references
 * are the typed scope (`o.amount`); a join condition `a.x = b.y` over same-typed columns is `.eq(…)`; every
 * other expression is a `sqlAs(type)` tag over the typed references, with the type the analyzer works out.
 * Anything else returns undefined, and the caller keeps the query in `sqlQuery` with a note naming why.
 */
import type { CatalogColumn, DataType, Expression, Query, Relation, Select, TableRef } from '@flinkts/core';
import { sameAst } from '@flinkts/core';
import { key, str } from '../codegen/ts-literal.js';
import { typeCode } from '../codegen/type-code.js';
import { interpolated } from './sql-text.js';
import { tsComments } from './comments.js';

export interface QuerySource {
  /** The TypeScript variable of the declared table or view. */
  readonly variable: string;
  /** Its path as declared (the builder prints this). */
  readonly path: readonly string[];
  readonly columns: readonly CatalogColumn[];
}

export interface QueryCodeContext {
  /** The declared typed table or view a FROM item names, or undefined. */
  readonly source: (ref: TableRef) => QuerySource | undefined;
  /** The output column types of the query (from the analyzer), in order. */
  readonly outputTypes: readonly (DataType | undefined)[];
  readonly imports: Set<string>;
  readonly uses: Set<string>;
}

export type QueryCode = { readonly ok: true; readonly code: string } | { readonly ok: false; readonly why: string };

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED_PARAMS = new Set(['t', 'fn', 'sql', 'sqlAs', 'from', 'table', 'view', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'static', 'await']);

interface Bound {
  readonly alias: string;
  readonly source: QuerySource;
}

const refCode = (alias: string, column: string): string => `${alias}${IDENT.test(column) ? `.${column}` : `[${str(column)}]`}`;

const AGGREGATES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'LISTAGG', 'COLLECT', 'STDDEV_POP', 'STDDEV_SAMP', 'VAR_POP', 'VAR_SAMP', 'FIRST_VALUE', 'LAST_VALUE', 'ARRAY_AGG', 'JSON_OBJECTAGG', 'JSON_ARRAYAGG', 'ROW_NUMBER', 'RANK', 'DENSE_RANK', 'LAG', 'LEAD', 'NTILE', 'CUME_DIST', 'PERCENT_RANK', 'BIT_AND', 'BIT_OR', 'BIT_XOR', 'BOOL_AND', 'BOOL_OR', 'EVERY', 'SOME', 'ANY_VALUE', 'APPROX_COUNT_DISTINCT', 'SINGLE_VALUE']);

/** Whether an expression calls an aggregate or window function (outside sub-queries). */
function hasAggregate(e: unknown): boolean {
  if (Array.isArray(e)) return e.some(hasAggregate);
  if (e === null || typeof e !== 'object') return false;
  const n = e as { kind?: string; name?: readonly string[]; over?: unknown };
  if (n.kind === 'ScalarSubquery' || n.kind === 'Exists' || n.kind === 'In' && 'query' in n) return false;
  if (n.kind === 'FunctionCall' && (n.over !== undefined || AGGREGATES.has((n.name ?? []).join('.').toUpperCase()))) return true;
  return Object.entries(n).some(([k, v]) => k !== 'span' && hasAggregate(v));
}

export function queryCode(query: Query, ctx: QueryCodeContext): QueryCode {
  if (query.kind !== 'Select') return { ok: false, why: `the builder does not write ${query.kind === 'With' ? 'WITH' : query.kind === 'Values' ? 'VALUES' : 'set operations'} from an import yet` };
  const s: Select = query;
  if (s.hints !== undefined && s.hints.length > 0) return { ok: false, why: 'query hints' };
  if (s.windows !== undefined || s.orderBy !== undefined || s.limit !== undefined || s.offset !== undefined) return { ok: false, why: 'WINDOW / ORDER BY / LIMIT / OFFSET in the SELECT' };
  if (s.from === undefined) return { ok: false, why: 'a SELECT without FROM' };
  // The analyzer does not look inside sql tags: an aggregation written with them would read as ungrouped columns.
  if (s.groupBy !== undefined || s.having !== undefined || s.items.some((i) => i.kind === 'SelectExpr' && hasAggregate(i.expr))) return { ok: false, why: 'GROUP BY / aggregates from an import yet (the analyzer cannot check aggregates inside sql tags)' };
  const bound: Bound[] = [];
  const joins: string[] = [];
  const bind = (r: Relation): string | undefined => {
    if (r.kind === 'TableRef') {
      if (r.alias === undefined) return 'a FROM item without an alias (the builder names every source)';
      if (!IDENT.test(r.alias) || RESERVED_PARAMS.has(r.alias)) return `the alias ${r.alias} is not a plain TypeScript name`;
      if (r.hints !== undefined && r.hints.length > 0) return 'table hints';
      if (r.forSystemTimeAsOf !== undefined) return 'FOR SYSTEM_TIME AS OF';
      const source = ctx.source(r);
      if (source === undefined) return `${r.path.join('.')} is not a declared table or view`;
      if (!sameAst(source.path, r.path)) return `${r.path.join('.')} is written by another name than its declaration`;
      if (bound.some((b) => b.alias === r.alias)) return `the alias ${r.alias} is used twice`;
      bound.push({ alias: r.alias, source });
      return undefined;
    }
    if (r.kind === 'Join') {
      if (r.comma === true || r.using !== undefined || r.type === 'CROSS' || r.on === undefined) return 'a comma / CROSS / USING join';
      const left = bind(r.left);
      if (left !== undefined) return left;
      if (r.right.kind !== 'TableRef') return 'a join whose right side is not a table or view';
      const right = bind(r.right);
      if (right !== undefined) return right;
      const b = bound[bound.length - 1]!;
      const method = { INNER: 'join', LEFT: 'leftJoin', RIGHT: 'rightJoin', FULL: 'fullJoin' }[r.type];
      joins.push(`.${method}(${b.source.variable}, ${str(b.alias)}, (${scopeParam()}) => ${condition(r.on)})`);
      return undefined;
    }
    return `a ${r.kind} in FROM`;
  };
  const scopeParam = (): string => `{ ${bound.map((b) => b.alias).join(', ')} }`;
  const columnOf = (table: string | undefined, name: string): CatalogColumn | undefined => {
    if (table === undefined) return undefined;
    return bound.find((b) => b.alias === table)?.source.columns.find((c) => c.name === name);
  };
  const ref = (table: string | undefined, name: string): string | undefined => (columnOf(table, name) === undefined ? undefined : refCode(table!, name));
  const tagged = (e: Expression, type: DataType | undefined): string => {
    if (e.kind === 'ColumnRef' && ref(e.table, e.name) !== undefined) return ref(e.table, e.name)!;
    const body = interpolated(e, ref);
    if (type === undefined) {
      ctx.imports.add('sql');
      return `sql\`${body}\``;
    }
    ctx.imports.add('sqlAs');
    ctx.imports.add('t');
    return `sqlAs(${typeCode(type)})\`${body}\``;
  };
  const condition = (e: Expression): string => {
    if (e.kind === 'Binary' && e.op === 'AND') return `${condition(e.left)}.and(${condition(e.right)})`;
    if (e.kind === 'Binary' && e.op === '=' && e.left.kind === 'ColumnRef' && e.right.kind === 'ColumnRef') {
      const a = columnOf(e.left.table, e.left.name)?.type;
      const b = columnOf(e.right.table, e.right.name)?.type;
      if (a !== undefined && b !== undefined && a.kind === b.kind) return `${ref(e.left.table, e.left.name)!}.eq(${ref(e.right.table, e.right.name)!})`;
    }
    return tagged(e, { kind: 'BOOLEAN', nullable: true });
  };
  const problem = bind(s.from);
  if (problem !== undefined) return { ok: false, why: problem };
  const first = bound[0]!;
  const param = scopeParam();
  const parts = [`from(${first.source.variable}, ${str(first.alias)})`, ...joins];
  if (s.where !== undefined) parts.push(`.where((${param}) => ${condition(s.where)})`);
  if (s.distinct) parts.push('.distinct()');
  // `.selectAll()`: the only source's columns, unqualified and in order (what insertInto prints for it).
  const sourceColumns = first.source.columns.map((c) => c.name);
  if (bound.length === 1 && s.items.length === sourceColumns.length && s.items.every((item, i) => item.kind === 'SelectExpr' && item.alias === undefined && item.expr.kind === 'ColumnRef' && item.expr.table === undefined && item.expr.name === sourceColumns[i])) {
    parts.push('.selectAll()');
    bound.forEach((b) => ctx.uses.add(b.source.variable));
    ctx.imports.add('from');
    return { ok: true, code: parts.join('') };
  }
  const entries: string[] = [];
  const seen = new Set<string>();
  for (const [i, item] of s.items.entries()) {
    if (item.kind !== 'SelectExpr' || item.alias === undefined) return { ok: false, why: 'a selected item without AS name (the builder names every column)' };
    if (/^\d/.test(item.alias) || seen.has(item.alias) || item.alias === '__proto__') return { ok: false, why: `the column name ${item.alias}` };
    seen.add(item.alias);
    entries.push(`${tsComments(item.comments)}${key(item.alias)}: ${tagged(item.expr, ctx.outputTypes[i])}`);
  }
  parts.push(`.select((${param}) => ({ ${entries.join(', ')} }))`);
  bound.forEach((b) => ctx.uses.add(b.source.variable));
  ctx.imports.add('from');
  return { ok: true, code: parts.join('') };
}
