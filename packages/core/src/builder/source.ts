/**
 * What a query can read from: tables, views, sub-queries and window TVFs. Each source knows its columns (at the
 * type level and as `columnTypes`) and how to appear in a FROM clause under an alias.
 */
import type { Expression } from '../ast/expression.js';
import type { Query, Relation } from '../ast/query.js';
import type { DataType } from '../types/data-type.js';
import type { AnySqlType, SqlType } from '../types/sql-type.js';
import { checkName, named } from './expr.js';
import type { Named } from './expr.js';

export interface ColumnInfo {
  readonly name: string;
  /** Known for tables and views declared with types; for built queries the analyzer infers it. */
  readonly type?: DataType;
}

/** A relation queries can read. `__columns` maps column names to their `SqlType`s (type level only). */
export interface Source<Cols = Record<string, AnySqlType>> {
  readonly __columns: Cols;
  readonly columnTypes: readonly ColumnInfo[];
  /** The FROM item for this source under `alias`. */
  toRelation(alias: string | undefined): Relation;
}

/** A `toRelation` alias: none, or a name (called from JavaScript, a source's `toRelation` gets anything). */
export function relationAlias(alias: unknown): string | undefined {
  return alias === undefined ? undefined : checkName('.toRelation()', 'alias', alias as string);
}

/** Column expressions keyed by column name, qualified by a relation alias. */
export type Refs<Cols> = { readonly [K in keyof Cols]: Cols[K] extends SqlType<infer R, infer V, infer N> ? Named<K & string, R, V, N> : never };

/** The same columns, all nullable (the outer side of an outer join). */
export type NullableColumns<Cols> = { readonly [K in keyof Cols]: Cols[K] extends SqlType<infer R, infer V, boolean> ? SqlType<R, V, true> : never };

/** Build qualified column references for `alias`. */
/** Column references are immutable, so they are built once per column list and alias and then shared. */
const refsCache = new WeakMap<readonly ColumnInfo[], Map<string | undefined, Record<string, Named>>>();

export function refsOf(columns: readonly ColumnInfo[], alias: string | undefined): Record<string, Named> {
  let byAlias = refsCache.get(columns);
  if (byAlias === undefined) {
    byAlias = new Map();
    refsCache.set(columns, byAlias);
  }
  const cached = byAlias.get(alias);
  if (cached !== undefined) return cached;
  const refs: Record<string, Named> = {};
  for (const c of columns) {
    const node: Expression = alias === undefined ? { kind: 'ColumnRef', name: c.name } : { kind: 'ColumnRef', table: alias, name: c.name };
    refs[c.name] = named(node, c.name);
  }
  Object.freeze(refs);
  byAlias.set(alias, refs);
  return refs;
}

/** A FROM item for a sub-query. */
export function subqueryRelation(query: Query, alias: string | undefined): Relation {
  return alias === undefined ? { kind: 'SubqueryRelation', query } : { kind: 'SubqueryRelation', query, alias };
}
