/**
 * Statement builders: SET, RESET, USE CATALOG, USE, CREATE DATABASE, CREATE TABLE … LIKE, INSERT, statement sets.
 * Tables, views and catalogs give their CREATE statements with `.toStatement()`.
 */
import type {
  CreateDatabase, CreateTable, Insert, LikeOption, ResetStatement, SetStatement, StatementSet, UseCatalog, UseDatabase,
} from '../ast/statement.js';
import { LIKE_OPTION_MODES, LIKE_OPTION_TARGETS } from '../ast/statement.js';
import type { Query, SelectItem, SelectStar } from '../ast/query.js';
import { Table } from '../table/table.js';
import { z } from 'zod';
import { argumentError, checkArgument } from '../diagnostics/arguments.js';
import type { ImplicitlyCastable } from '../types/implicit-cast.js';
import { supportsImplicitCast } from '../types/implicit-cast.js';
import type { ColumnInfo } from './source.js';
import type { AnySqlType } from '../types/sql-type.js';
import type { ExprInput } from './expr.js';
import { checkName, toNode } from './expr.js';
import { SelectQuery } from './query.js';
import { FlinktsError } from '../diagnostics/diagnostic.js';
import { builderText } from './errors.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { DEFINITION_TEXTS } from '../diagnostics/definition-codes.js';
import { INSERT_TEXTS } from '../plan/insert-codes.js';
import { NAME_TEXTS } from '../diagnostics/name-codes.js';
import { BIND_TEXTS } from '../plan/codes.js';
import type { CodeText } from '../diagnostics/code-table.js';
import { textFields } from '../diagnostics/code-table.js';
import { printDataType } from '../sql/printer/data-type.js';

/** `SET 'key' = 'value'`. Validate Flink keys with the connectors package's settings catalog. */
export function set(key: string, value: string): SetStatement {
  if (typeof key !== 'string') throw argumentError('set()', 'key', 'a string', key);
  if (typeof value !== 'string') throw argumentError('set()', 'value', 'a string', value, "configuration values are strings: set('parallelism.default', '2')");
  if (key.trim() === '') builderText(DEFINITION_TEXTS.setWithoutKey({}));
  return Object.freeze({ kind: 'Set', key, value });
}

/** `RESET 'key'` (or `RESET` for all). */
export function reset(key?: string): ResetStatement {
  if (key !== undefined && (typeof key !== 'string' || key.trim() === '')) throw argumentError('reset()', 'key', 'a non-empty string (or nothing, to reset every key)', key);
  return Object.freeze(key === undefined ? { kind: 'Reset' } : { kind: 'Reset', key });
}

/** `USE CATALOG name`. */
export function useCatalog(name: string): UseCatalog {
  return Object.freeze({ kind: 'UseCatalog', name: checkName('useCatalog()', 'name', name) });
}

/** `USE [catalog.]database`. */
export function use(...path: [string] | [string, string]): UseDatabase {
  return Object.freeze({ kind: 'UseDatabase', path: objectPath('use()', 'path', path, DATABASE_PATH) });
}

const DATABASE_PATH = ['catalog', 'database'] as const;
const TABLE_PATH = ['catalog', 'database', 'table'] as const;

/**
 * An object path argument: its last name, optionally qualified by the names before it in `parts`; copied and
 * frozen (the caller's array may change later).
 */
function objectPath<P extends readonly string[]>(call: string, argument: string, path: P, parts: readonly string[]): P {
  if (!Array.isArray(path) || path.length < 1 || path.length > parts.length) {
    throw argumentError(call, argument, `a list of 1 to ${parts.length} names ([${parts.map((x, i) => (i < parts.length - 1 ? `${x}?` : x)).join(', ')}])`, path);
  }
  path.forEach((name: unknown, i) => checkName(call, `${argument}[${i}]`, name));
  return Object.freeze([...path]) as unknown as P;
}

/** A `WITH ('key' = 'value', …)` argument: string keys (non-empty) to string values, in the caller's order. */
function properties(call: string, argument: string, value: unknown): readonly { readonly key: string; readonly value: string }[] {
  const record = checkArgument(call, argument, z.record(z.string().trim().min(1), z.string()), value ?? {});
  return Object.freeze(Object.entries(record).map(([key, v]) => Object.freeze({ key, value: v })));
}

/** `CREATE DATABASE [IF NOT EXISTS] [catalog.]name [COMMENT …] [WITH (…)]`. */
export function createDatabase(
  path: readonly [string] | readonly [string, string],
  options: { readonly ifNotExists?: boolean; readonly comment?: string; readonly properties?: Readonly<Record<string, string>> } = {},
): CreateDatabase {
  const call = 'createDatabase()';
  checkArgument(call, 'options', z.strictObject({ ifNotExists: z.boolean().optional(), comment: z.string().optional(), properties: z.unknown().optional() }), options);
  return Object.freeze({
    kind: 'CreateDatabase',
    path: objectPath(call, 'path', path, DATABASE_PATH),
    ifNotExists: options.ifNotExists ?? false,
    ...(options.comment === undefined ? {} : { comment: options.comment }),
    options: properties(call, 'options.properties', options.properties),
  });
}

/** `CREATE TABLE name WITH (…) LIKE source (INCLUDING …)`: a copy of `source` with options overridden. */
export function createTableLike(
  path: readonly string[],
  source: { readonly path: readonly string[] },
  options: { readonly with?: Readonly<Record<string, string>>; readonly like?: readonly LikeOption[]; readonly temporary?: boolean } = {},
): CreateTable {
  const call = 'createTableLike()';
  const sourcePath: unknown = source !== null && typeof source === 'object' ? source.path : undefined;
  if (!Array.isArray(sourcePath)) throw argumentError(call, 'source', 'a table (or anything with a path)', source);
  checkArgument(call, 'options', z.strictObject({ with: z.unknown().optional(), like: z.array(LIKE_OPTION).optional(), temporary: z.boolean().optional() }), options);
  return Object.freeze({
    kind: 'CreateTable',
    path: objectPath(call, 'path', path, TABLE_PATH),
    temporary: options.temporary ?? false,
    ifNotExists: false,
    columns: Object.freeze([]),
    partitionedBy: Object.freeze([]),
    options: properties(call, 'options.with', options.with),
    like: Object.freeze({ path: objectPath(call, 'source.path', sourcePath as readonly string[], TABLE_PATH), options: Object.freeze((options.like ?? []).map((o) => Object.freeze({ mode: o.mode, target: o.target }))) }),
  });
}

const LIKE_OPTION = z.strictObject({ mode: z.enum(LIKE_OPTION_MODES), target: z.enum(LIKE_OPTION_TARGETS) });

type AnyTable = Table<string, unknown, string>;

function checkSink(call: string, sink: unknown): void {
  if (!(sink instanceof Table)) throw argumentError(call, 'sink', 'a table declared with table(…)', sink, 'views and queries cannot be written; declare the sink with table(…)');
}
type Cols<T extends AnyTable> = T['__columns'] & Record<string, AnySqlType>;

/** A type root as users write it in messages (`t.string()` is VARCHAR(2147483647), i.e. STRING). */
type Shown<R> = R extends 'VARCHAR' ? 'STRING (VARCHAR)' : R;

/** Why a value of type `From` cannot go into sink column `K` (never when Flink casts it implicitly). */
type CastProblem<T extends AnyTable, From, K> = K extends T['__writable']
  ? From extends AnySqlType
    ? ImplicitlyCastable<From['__root'], Cols<T>[K]['__root']> extends true
      ? never
      : `column '${K}' of '${T['name']}' is ${Shown<Cols<T>[K]['__root']>}: a ${Shown<From['__root']>} value goes into it only with an explicit CAST`
    : never
  : `'${K & string}' is not a writable column of table '${T['name']}'`;

type MissingProblem<T extends AnyTable, Written> = {
  [K in T['__writable']]: K extends Written ? never : Cols<T>[K]['__nullable'] extends false ? `NOT NULL column '${K}' of '${T['name']}' is missing from the column list` : never;
}[T['__writable']];

/** The problems of inserting query columns `Q` into `T` by name (never when it fits). */
export type InsertProblem<T extends AnyTable, Q> = { [K in keyof Q]-?: CastProblem<T, Q[K], K> }[keyof Q] | MissingProblem<T, keyof Q>;

/** The problems of inserting the ordered query columns `O` into the listed sink columns `L`, position by position. */
export type ColumnListProblem<T extends AnyTable, L extends readonly string[], O> = O extends readonly unknown[]
  ? L['length'] extends O['length']
    ? { [I in keyof L]: I extends keyof O ? CastProblem<T, O[I], L[I]> : never }[number] | MissingProblem<T, L[number]>
    : `the column list names ${L['length']} columns but the query selects ${O['length']}`
  : 'an explicit column list needs a query built with selectList(…), which keeps the column order';

export interface InsertOptions {
  /** `INSERT OVERWRITE` (batch). */
  readonly overwrite?: boolean;
  /** `PARTITION (k = v, …)`. */
  readonly partition?: Readonly<Record<string, ExprInput>>;
}

/** An explicit column list (`INSERT INTO sink (a, b) …`) plus the other INSERT options. */
export interface ColumnListOptions<L extends readonly string[]> extends InsertOptions {
  readonly columns: L;
}

/**
 * The query argument's type when the INSERT has problems: the query must also have a property named after each
 * problem, which it has not, so tsc reports the reason on the query argument ("Property 'column 'total': a VARCHAR
 * value cannot go into BIGINT column …' is missing in type …"). `{}` when the INSERT fits.
 */
export type InsertCheck<P extends string> = { readonly [Problem in P]: never };

function insertError(code: string, message: string, hint: string, path: string): never {
  throw new FlinktsError([{ code, severity: 'error', message, hint, path }]);
}

function insertText(text: CodeText, path: string): never {
  throw new FlinktsError([{ ...textFields(text), severity: 'error', path }]);
}

/**
 * Run-time checks of an INSERT (for JavaScript callers and values typed loosely): names, counts, NOT NULL
 * columns, and Flink's implicit casts wherever both column types are known.
 */
function checkInsert(sink: AnyTable, columns: readonly string[] | undefined, query: readonly ColumnInfo[]): void {
  const targets = checkInsertNames(sink, columns, query.map((c) => c.name));
  for (const [i, target] of targets.entries()) {
    const to = sink.columnTypes.find((c) => c.name === target)?.type;
    const from = query[i]?.type;
    if (to !== undefined && from !== undefined && !supportsImplicitCast(from, to)) {
      insertText(INSERT_TEXTS.notCastable({ column: target, position: i, from: printDataType(from), to: printDataType(to), builderCast: to.kind.toLowerCase() }), `insert.${sink.name}.columns.${target}`);
    }
  }
}

/** Checks names and counts; returns the sink column each query column goes into. */
function checkInsertNames(sink: AnyTable, columns: readonly string[] | undefined, queryColumns: readonly string[]): readonly string[] {
  const writable = sink.columnTypes.filter((c) => c.writable).map((c) => c.name);
  const where = `insert.${sink.name}`;
  if (columns === undefined) {
    if (queryColumns.length !== writable.length) {
      insertText(INSERT_TEXTS.columnCount({ sink: sink.name, query: queryColumns.length, expected: writable.length, columnList: false, columns: writable }), where);
    }
    return writable;
  }
  const seen = new Set<string>();
  for (const name of columns) {
    if (!writable.includes(name)) {
      insertText(INSERT_TEXTS.notWritable({ column: name, table: sink.name, writable }), `${where}.columns.${name}`);
    }
    if (seen.has(name)) builderText(NAME_TEXTS.duplicateInsertColumn({ name }), `${where}.columns.${name}`);
    seen.add(name);
  }
  if (columns.length !== queryColumns.length) {
    insertText(INSERT_TEXTS.columnCount({ sink: sink.name, query: queryColumns.length, expected: columns.length, columnList: true }), `${where}.columns`);
  }
  for (const c of sink.columnTypes) {
    if (c.writable && c.type !== undefined && !c.type.nullable && !seen.has(c.name)) {
      insertText(BIND_TEXTS.notNullColumnOmitted({ column: c.name, table: sink.name }), `${where}.columns`);
    }
  }
  return columns;
}

/**
 * Flink 1.20's planner rejects an INSERT with a column list whose SELECT list holds a `*` ("Number of columns
 * must match number of query columns": the list is matched before the star is expanded), so a `selectAll()`
 * query written with a column list selects its columns by name instead (when the names are unambiguous).
 */
function expandStar(query: Query, columns: readonly string[]): Query {
  if (query.kind !== 'Select' || !query.items.some((i) => i.kind === 'SelectStar')) return query;
  if (query.items.length !== 1 || (query.items[0] as SelectItem).kind !== 'SelectStar') return query;
  if (new Set(columns.map((c) => c.toLowerCase())).size !== columns.length) return query;
  const star = query.items[0] as SelectStar;
  const items: SelectItem[] = columns.map((name) => ({ kind: 'SelectExpr', expr: { kind: 'ColumnRef', ...(star.table === undefined ? {} : { table: star.table }), name } }));
  return { ...query, items };
}

function insertNode(sink: AnyTable, query: SelectQuery<unknown>, columns: readonly string[] | undefined, options: InsertOptions = {}): Insert {
  if (!(query instanceof SelectQuery)) throw argumentError('insertInto()', 'query', 'a query built with from(…).select(…) / selectList(…)', query);
  if (options === null || typeof options !== 'object') throw argumentError('insertInto()', 'options', 'an object { overwrite?, partition? }', options);
  if (columns !== undefined && (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string'))) throw argumentError('insertInto()', 'columns', 'an array of sink column names', columns);
  checkInsert(sink, columns, query.columnTypes);
  const partition = Object.entries(options.partition ?? {}).map(([key, value]) => ({ key, value: toNode(value) }));
  return Object.freeze({
    kind: 'Insert',
    target: sink.path,
    overwrite: options.overwrite ?? false,
    ...(partition.length === 0 ? {} : { partition }),
    ...(columns === undefined ? {} : { columns: [...columns] }),
    query: columns === undefined ? query.query : expandStar(query.query, query.columnNames),
  });
}

/**
 * `INSERT INTO sink (c1, c2, …) SELECT …`.
 *
 * - `insertInto(sink, query[, options])`: the column list is the query's column names, so a value can never
 *   land in the wrong column. In the editor every selected name must be a writable sink column whose type
 *   accepts the value by Flink's implicit casts, and every NOT NULL sink column must be written.
 * - `insertInto(sink, { columns: ['a', 'b'], ...options }, query)`: an explicit column list matched by
 *   position against a `selectList(…)` query; the editor checks the names, the count and each pair's types.
 */
export function insertInto<T extends AnyTable, Q>(sink: T, query: SelectQuery<Q, unknown> & InsertCheck<InsertProblem<T, Q>>, options?: InsertOptions): Insert;
export function insertInto<T extends AnyTable, const L extends readonly T['__writable'][], O>(
  sink: T,
  list: ColumnListOptions<L>,
  query: SelectQuery<unknown, O> & InsertCheck<ColumnListProblem<T, L, O>>,
): Insert;
export function insertInto(sink: AnyTable, second: SelectQuery<unknown, unknown> | ColumnListOptions<readonly string[]>, third?: unknown): Insert {
  checkSink('insertInto()', sink);
  if (second === null || typeof second !== 'object') throw argumentError('insertInto()', 'the second argument', 'a query, or { columns: […] } followed by a query', second);
  if (second instanceof SelectQuery) {
    const options = typeof third === 'object' && third !== null ? (third as InsertOptions) : undefined;
    return insertNode(sink, second, second.columnNames, options);
  }
  return insertNode(sink, third as SelectQuery<unknown>, second.columns, second);
}

/**
 * A positional `INSERT INTO sink SELECT …` (no column list): values go into the sink's writable columns by
 * position; the number of columns is checked when the statement is built (FTS4101), the types by the
 * analyzer. Prefer `insertInto`, which the editor checks column by column.
 */
export function insertIntoPositional(sink: AnyTable, query: SelectQuery<unknown, unknown>, options?: InsertOptions): Insert {
  checkSink('insertIntoPositional()', sink);
  return insertNode(sink, query, undefined, options);
}

/** `EXECUTE STATEMENT SET BEGIN … END;` — one job for several INSERTs (at least one). */
export function statementSet(...inserts: readonly Insert[]): StatementSet {
  inserts.forEach((s, i) => {
    if ((s as Partial<Insert> | null)?.kind !== 'Insert') throw argumentError('statementSet()', `statement ${i + 1}`, 'an INSERT built with insertInto(…)', s);
  });
  if (inserts.length === 0) builderText(DEFINITION_TEXTS.noInsert({}));
  return Object.freeze({ kind: 'StatementSet', inserts: Object.freeze([...inserts]) });
}

/**
 * `CREATE [TEMPORARY] TABLE [IF NOT EXISTS] …` for a declared table, optionally overriding how it is created
 * (e.g. a temporary copy for one job). Without overrides it is `declaration.toStatement()`.
 */
export function createTable(declaration: { readonly statement: CreateTable }, overrides: { readonly temporary?: boolean; readonly ifNotExists?: boolean } = {}): CreateTable {
  const base = declaration.statement;
  if (overrides.temporary === undefined && overrides.ifNotExists === undefined) return base;
  return Object.freeze({ ...base, temporary: overrides.temporary ?? base.temporary, ifNotExists: overrides.ifNotExists ?? base.ifNotExists });
}
