/**
 * Statement builders: SET, RESET, USE CATALOG, USE, CREATE DATABASE, CREATE TABLE … LIKE, INSERT, statement sets.
 * Tables, views and catalogs give their CREATE statements with `.toStatement()`.
 */
import type {
  CreateDatabase, CreateTable, Insert, LikeOption, ResetStatement, SetStatement, StatementSet, UseCatalog, UseDatabase,
} from '../ast/statement.js';
import type { Table } from '../table/table.js';
import type { ImplicitlyCastable } from '../types/implicit-cast.js';
import type { AnySqlType } from '../types/sql-type.js';
import type { ExprInput } from './expr.js';
import { toNode } from './expr.js';
import type { SelectQuery } from './query.js';

/** `SET 'key' = 'value'`. Validate Flink keys with the connectors package's settings catalog. */
export function set(key: string, value: string): SetStatement {
  return Object.freeze({ kind: 'Set', key, value });
}

/** `RESET 'key'` (or `RESET` for all). */
export function reset(key?: string): ResetStatement {
  return Object.freeze(key === undefined ? { kind: 'Reset' } : { kind: 'Reset', key });
}

/** `USE CATALOG name`. */
export function useCatalog(name: string): UseCatalog {
  return Object.freeze({ kind: 'UseCatalog', name });
}

/** `USE [catalog.]database`. */
export function use(...path: [string] | [string, string]): UseDatabase {
  return Object.freeze({ kind: 'UseDatabase', path });
}

/** `CREATE DATABASE [IF NOT EXISTS] [catalog.]name [COMMENT …] [WITH (…)]`. */
export function createDatabase(
  path: readonly [string] | readonly [string, string],
  options: { readonly ifNotExists?: boolean; readonly comment?: string; readonly properties?: Readonly<Record<string, string>> } = {},
): CreateDatabase {
  return Object.freeze({
    kind: 'CreateDatabase',
    path,
    ifNotExists: options.ifNotExists ?? false,
    ...(options.comment === undefined ? {} : { comment: options.comment }),
    options: Object.entries(options.properties ?? {}).map(([key, value]) => ({ key, value })),
  });
}

/** `CREATE TABLE name WITH (…) LIKE source (INCLUDING …)`: a copy of `source` with options overridden. */
export function createTableLike(
  path: readonly string[],
  source: { readonly path: readonly string[] },
  options: { readonly with?: Readonly<Record<string, string>>; readonly like?: readonly LikeOption[]; readonly temporary?: boolean } = {},
): CreateTable {
  return Object.freeze({
    kind: 'CreateTable',
    path,
    temporary: options.temporary ?? false,
    ifNotExists: false,
    columns: [],
    partitionedBy: [],
    options: Object.entries(options.with ?? {}).map(([key, value]) => ({ key, value })),
    like: { path: source.path, options: options.like ?? [] },
  });
}

type AnyTable = Table<string, unknown, string>;
type Cols<T extends AnyTable> = T['__columns'] & Record<string, AnySqlType>;

type ColumnProblem<T extends AnyTable, Q, K extends keyof Q> = K extends T['__writable']
  ? Q[K] extends AnySqlType
    ? ImplicitlyCastable<Q[K]['__root'], Cols<T>[K]['__root']> extends true
      ? never
      : `column '${K}': a ${Q[K]['__root']} value cannot go into ${Cols<T>[K]['__root']} column '${K}' without an explicit CAST`
    : never
  : `'${K & string}' is not a writable column of table '${T['name']}'`;

type MissingProblem<T extends AnyTable, Q> = {
  [K in T['__writable']]: K extends keyof Q ? never : Cols<T>[K]['__nullable'] extends false ? `NOT NULL column '${K}' of '${T['name']}' is missing from the column list` : never;
}[T['__writable']];

/** The problems of inserting query columns `Q` into `T` by name (never when it fits). */
export type InsertProblem<T extends AnyTable, Q> = { [K in keyof Q]-?: ColumnProblem<T, Q, K> }[keyof Q] | MissingProblem<T, Q>;

export interface InsertOptions {
  /** `INSERT OVERWRITE` (batch). */
  readonly overwrite?: boolean;
  /** `PARTITION (k = v, …)`. */
  readonly partition?: Readonly<Record<string, ExprInput>>;
}

type InsertArgs<T extends AnyTable, Q> = [InsertProblem<T, Q>] extends [never] ? [options?: InsertOptions] : [typeError: InsertProblem<T, Q>];

function insertNode(sink: AnyTable, query: SelectQuery<unknown>, columns: readonly string[] | undefined, options: InsertOptions = {}): Insert {
  const partition = Object.entries(options.partition ?? {}).map(([key, value]) => ({ key, value: toNode(value) }));
  return Object.freeze({
    kind: 'Insert',
    target: sink.path,
    overwrite: options.overwrite ?? false,
    ...(partition.length === 0 ? {} : { partition }),
    ...(columns === undefined ? {} : { columns }),
    query: query.query,
  });
}

/**
 * `INSERT INTO sink (c1, c2, …) SELECT …` with the column list taken from the query's column names, so a value
 * can never land in the wrong column. In the editor: every selected name must be a writable sink column whose
 * type accepts the value by Flink's implicit casts, and every NOT NULL sink column must be written.
 */
export function insertInto<T extends AnyTable, Q>(sink: T, query: SelectQuery<Q>, ...rest: InsertArgs<T, Q>): Insert {
  const options = typeof rest[0] === 'object' ? (rest[0] as InsertOptions) : undefined;
  return insertNode(sink, query as SelectQuery<unknown>, query.columnNames, options);
}

/**
 * A positional `INSERT INTO sink SELECT …` (no column list): values go into sink columns by position.
 * Prefer `insertInto`; the analyzer warns when a positional insert pairs columns of clearly different names.
 */
export function insertIntoPositional(sink: AnyTable, query: SelectQuery<unknown>, options?: InsertOptions): Insert {
  return insertNode(sink, query, undefined, options);
}

/** `EXECUTE STATEMENT SET BEGIN … END;` */
export function statementSet(...inserts: readonly Insert[]): StatementSet {
  return Object.freeze({ kind: 'StatementSet', inserts });
}
