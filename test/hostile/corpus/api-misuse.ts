/**
 * API misuse from JavaScript (or `as any`): wrong-typed, null and undefined arguments at every public entry, and
 * plain JavaScript values where an expression is required. Each must throw a FlinktsError with a registered code
 * that names the call — never an internal TypeError, never silent acceptance.
 */
import {
  cast, createDatabase, createTableLike, deduplicate, fn, from, genericConnector, hop, insertInto, interval, lit, nullOf, reset, statementSet, t, table,
  topN, tumble, use, useCatalog, view,
} from '@flinkts/core';
import { secret } from '@flinkts/connectors';
import { job, pipeline } from '@flinkts/pipelines';

export interface ApiCase {
  readonly name: string;
  readonly run: () => unknown;
  /** The code that must be among the thrown diagnostics. */
  readonly code: string;
  /** What the message must say (usually the call and the argument). */
  readonly message?: RegExp;
}

/** What a JavaScript caller (or `as any`) passes: anything, typed to fit. */
const any = (v: unknown): never => v as never;
const dg = genericConnector('datagen');
const orders = table('orders', { columns: { id: t.bigint(), amount: t.decimal(10, 2), ts: t.timestamp(3), s: t.string() }, watermark: { column: 'ts' }, connector: dg });
const sink = table('sink', { columns: { id: t.bigint(), amount: t.decimal(10, 2) }, connector: genericConnector('blackhole') });
const q = from(orders, 'o').select(({ o }) => ({ id: o.id, amount: o.amount }));
const ins = insertInto(sink, q);
const okJob = job('j', { statements: ins });
const okPipeline = { name: 'p', jobs: [okJob], tables: [orders, sink], targets: { sql: {} }, environments: { dev: {} } };

export const apiMisuse: readonly ApiCase[] = [
  // table()
  { name: 'table spec null', run: () => table('x', any(null)), code: 'FTS2305', message: /table\('x'\): spec must be an object, got null/ },
  { name: 'table spec undefined', run: () => table('x', any(undefined)), code: 'FTS2305' },
  { name: 'table columns null', run: () => table('x', any({ columns: null })), code: 'FTS2305', message: /spec\.columns/ },
  { name: 'table column type null', run: () => table('x', any({ columns: { a: null } })), code: 'FTS2305', message: /spec\.columns\.a must be a column type/ },
  { name: 'table column type a string', run: () => table('x', any({ columns: { a: 'INT' } })), code: 'FTS2305', message: /spec\.columns\.a/ },
  { name: 'table with an empty name', run: () => table('', { columns: { a: t.int() } }), code: 'FTS2305', message: /table\(\): name must be a non-empty name/ },
  { name: 'table name null', run: () => table(any(null), { columns: { a: t.int() } }), code: 'FTS2305' },
  { name: 'table with an empty column name', run: () => table('x', { columns: { '': t.int() } }), code: 'FTS2305' },
  { name: 'watermark delay a number', run: () => table('x', any({ columns: { ts: t.timestamp(3) }, watermark: { column: 'ts', delay: 5 } })), code: 'FTS2305', message: /watermark\.delay/ },
  { name: 'watermark null', run: () => table('x', any({ columns: { ts: t.timestamp(3) }, watermark: null })), code: 'FTS2305' },
  { name: 'bogus layer', run: () => table('x', any({ columns: { a: t.int() }, layer: 'gold' })), code: 'FTS2305', message: /spec\.layer must be one of "ods"/ },
  { name: 'primary key given as a string', run: () => table('x', any({ columns: { id: t.int() }, primaryKey: 'id' })), code: 'FTS2305', message: /spec\.primaryKey must be an array/ },
  { name: 'a misspelt spec key', run: () => table('x', any({ columns: { id: t.int() }, primarykey: ['id'] })), code: 'FTS2305', message: /has no key 'primarykey'/ },
  { name: 'connector a string', run: () => table('x', any({ columns: { a: t.int() }, connector: 'kafka' })), code: 'FTS2305' },
  { name: 'a blank primary key column', run: () => table('x', any({ columns: { id: t.int() }, primaryKey: [' '] })), code: 'FTS2305', message: /spec\.primaryKey/ },
  { name: 'a blank catalog', run: () => table('x', any({ columns: { id: t.int() }, catalog: '  ' })), code: 'FTS2305', message: /spec\.catalog/ },
  { name: 'temporary a string', run: () => table('x', any({ columns: { id: t.int() }, temporary: 'yes' })), code: 'FTS2305', message: /spec\.temporary/ },
  { name: 'a blank column name', run: () => table('x', any({ columns: { ' ': t.int() } })), code: 'FTS2305' },
  { name: 'columns an array', run: () => table('x', any({ columns: [t.int()] })), code: 'FTS2305', message: /spec\.columns/ },
  { name: 'computed column a JS number', run: () => table('x', any({ columns: { a: t.int() }, computed: () => ({ b: 1 }) })), code: 'FTS2306', message: /computed column 'b'/ },
  // types: the same limits as the parser (types/type-limits.ts)
  { name: 't.decimal(39, 2)', run: () => t.decimal(39, 2), code: 'FTS2002' },
  { name: 't.decimal(5, 6)', run: () => t.decimal(5, 6), code: 'FTS2002' },
  { name: 't.timestamp(10)', run: () => t.timestamp(10), code: 'FTS2003' },
  { name: 't.varchar(0)', run: () => t.varchar(0), code: 'FTS2001' },
  { name: 't.varchar(NaN)', run: () => t.varchar(NaN), code: 'FTS2001' },
  { name: 't.array(null)', run: () => t.array(any(null)), code: 'FTS2305', message: /t\.array\(\): element/ },
  { name: 't.row with a null field type', run: () => t.row(any({ a: null })), code: 'FTS2305', message: /fields\.a/ },
  { name: 't.map with a string key type', run: () => t.map(any('STRING'), t.int()), code: 'FTS2305' },
  { name: 'column() of a null type', run: () => table('x', { columns: { a: any(null) } }), code: 'FTS2305' },
  // queries
  { name: 'from(null)', run: () => from(any(null), 'o'), code: 'FTS2305', message: /from\(\): source/ },
  { name: 'from with an empty alias', run: () => from(orders, ''), code: 'FTS2305', message: /alias must be a non-empty name/ },
  { name: 'from with an undefined alias', run: () => from(orders, any(undefined)), code: 'FTS2305' },
  { name: 'a JS comparison in WHERE', run: () => from(orders, 'o').where(({ o }) => any(any(o.amount) > 0)), code: 'FTS2306', message: /\.where\(\) needs a flinkts expression, got a boolean \(false\)/ },
  { name: 'a JS && in HAVING', run: () => from(orders, 'o').groupBy(({ o }) => [o.id]).having(() => any(true && 1)), code: 'FTS2306' },
  { name: 'WHERE callback returns nothing', run: () => from(orders, 'o').where(any(() => undefined)), code: 'FTS2306' },
  { name: 'WHERE given a boolean, not a callback', run: () => from(orders, 'o').where(any(true)), code: 'FTS2305' },
  { name: 'JS arithmetic in a select column', run: () => from(orders, 'o').select(({ o }) => any({ x: any(o.id) + 1 })), code: 'FTS2306', message: /\.select\(\) column 'x'/ },
  { name: 'an empty alias in .as()', run: () => from(orders, 'o').selectList(({ o }) => [o.id.as('')]), code: 'FTS2305' },
  { name: 'a GROUP BY key that is a string', run: () => from(orders, 'o').groupBy(() => any(['id'])), code: 'FTS2306' },
  { name: 'join with a null source', run: () => from(orders, 'o').join(any(null), 'u', () => any(null)), code: 'FTS2305' },
  { name: 'join ON a JS equality', run: () => from(orders, 'o').join(sink, 'k', ({ o, k }) => any(o.id === k.id)), code: 'FTS2306', message: /ON condition/ },
  { name: 'LIMIT a string', run: () => q.limit(any('10')), code: 'FTS2205' },
  { name: 'UNION ALL with null', run: () => q.unionAll(any(null)), code: 'FTS2305' },
  { name: 'ORDER BY a string', run: () => q.orderBy(() => any(['id'])), code: 'FTS2306' },
  { name: 'tumble with a number size', run: () => tumble(orders, any({ timecol: 'ts', size: 60 })), code: 'FTS2306', message: /tumble\(\) size/ },
  { name: 'hop with null options', run: () => hop(orders, any(null)), code: 'FTS2305' },
  { name: 'deduplicate with null options', run: () => deduplicate(orders, any(null)), code: 'FTS2305' },
  { name: 'topN ordered by a column name string', run: () => topN(orders, { partitionBy: (c) => [c.id], orderBy: () => any(['ts']), n: 3 }), code: 'FTS2306' },
  { name: 'view of null', run: () => view('v', any(null)), code: 'FTS2305' },
  // INSERT and statements
  { name: 'insertInto a null sink', run: () => insertInto(any(null), q), code: 'FTS2305', message: /insertInto\(\): sink/ },
  { name: 'insertInto a null query', run: () => insertInto(sink, any(null)), code: 'FTS2305' },
  { name: 'insertInto a column list without a query', run: () => insertInto(sink, any({ columns: ['id'] })), code: 'FTS2305', message: /query/ },
  { name: 'statementSet of null', run: () => statementSet(any(null)), code: 'FTS2305' },
  // expressions and literals
  { name: 'cast to a null type', run: () => cast(1, any(null)), code: 'FTS2305', message: /cast\(\): type/ },
  { name: 'cast to a type name string', run: () => cast(1, any('INT')), code: 'FTS2305' },
  { name: 'cast of undefined', run: () => cast(any(undefined), t.int()), code: 'FTS2305' },
  { name: 'nullOf(null)', run: () => nullOf(any(null)), code: 'FTS2305' },
  { name: 'a Symbol literal', run: () => lit(any(Symbol('x'))), code: 'FTS2305', message: /lit\(\): value/ },
  { name: 'an undefined literal', run: () => lit(any(undefined)), code: 'FTS2305' },
  { name: 'an object literal', run: () => lit(any({})), code: 'FTS2305' },
  { name: 'a Symbol as a function argument', run: () => fn.upper(any(Symbol('x'))), code: 'FTS2305', message: /fn\.upper\(\)/ },
  { name: 'undefined compared', run: () => orders.columnTypes && from(orders, 'o').where(({ o }) => o.id.eq(any(undefined))), code: 'FTS2305' },
  { name: 'NaN literal', run: () => lit(NaN), code: 'FTS2301' },
  { name: 'interval unit FORTNIGHT', run: () => interval('1', any('FORTNIGHT')), code: 'FTS2305', message: /interval\(\): unit/ },
  { name: 'interval value null', run: () => interval(any(null), 'DAY'), code: 'FTS2305' },
  { name: 'lit.date of a number', run: () => lit.date(any(20240101)), code: 'FTS2305' },
  { name: 'fn.extract of a JS value', run: () => fn.extract('YEAR', any('2024-01-01')), code: 'FTS2306' },
  // statement builders
  { name: 'useCatalog null', run: () => useCatalog(any(null)), code: 'FTS2305', message: /useCatalog\(\): name must be a non-empty name, got null/ },
  { name: 'use with no name', run: () => use(...any([])), code: 'FTS2305', message: /use\(\): path must be a list of 1 to 2 names/ },
  { name: 'use with a number', run: () => use(any(1)), code: 'FTS2305', message: /use\(\): path\[0\]/ },
  { name: 'reset with a number', run: () => reset(any(5)), code: 'FTS2305', message: /reset\(\): key/ },
  { name: 'createDatabase path null', run: () => createDatabase(any(null)), code: 'FTS2305', message: /createDatabase\(\): path/ },
  { name: 'createDatabase with an empty name', run: () => createDatabase(['']), code: 'FTS2305', message: /path\[0\] must be a non-empty name/ },
  { name: 'createDatabase property value a number', run: () => createDatabase(['db'], { properties: any({ a: 1 }) }), code: 'FTS2305', message: /options\.properties\.a must be a string/ },
  { name: 'createDatabase unknown option', run: () => createDatabase(['db'], any({ ifNotExist: true })), code: 'FTS2305', message: /ifNotExist/ },
  { name: 'createTableLike source null', run: () => createTableLike(['copy'], any(null)), code: 'FTS2305', message: /createTableLike\(\): source/ },
  { name: 'createTableLike unknown LIKE target', run: () => createTableLike(['copy'], orders, any({ like: [{ mode: 'INCLUDING', target: 'INDEXES' }] })), code: 'FTS2305', message: /options\.like\[0\]\.target must be one of/ },
  // connectors
  { name: 'a null secret name', run: () => secret(any(null)), code: 'FTS2305', message: /secret\(\): name/ },
  { name: 'an undefined secret name', run: () => secret(any(undefined)), code: 'FTS2305' },
  // pipelines
  { name: 'job spec null', run: () => job('j', any(null)), code: 'FTS8005' },
  { name: 'job with an empty name', run: () => job('', { statements: ins }), code: 'FTS8005' },
  { name: 'job statements null', run: () => job('j', any({ statements: null })), code: 'FTS8005', message: /spec\.statements/ },
  { name: 'job statements a SQL string', run: () => job('j', any({ statements: 'INSERT INTO x SELECT 1' })), code: 'FTS8005' },
  { name: 'job parallelism a string', run: () => job('j', any({ statements: ins, parallelism: '2' })), code: 'FTS8005' },
  { name: 'pipeline spec null', run: () => pipeline(any(null)), code: 'FTS8005' },
  { name: 'pipeline with no targets', run: () => pipeline(any({ ...okPipeline, targets: {} })), code: 'FTS8005', message: /at least one target/ },
  { name: 'pipeline jobs null', run: () => pipeline(any({ ...okPipeline, jobs: null })), code: 'FTS8005' },
  { name: 'pipeline jobs not made with job()', run: () => pipeline(any({ ...okPipeline, jobs: [{ name: 'j' }] })), code: 'FTS8005' },
  { name: 'pipeline tables with null', run: () => pipeline(any({ ...okPipeline, tables: [null] })), code: 'FTS8005' },
  { name: 'unknown StreamPark execution mode', run: () => pipeline(any({ ...okPipeline, targets: { streampark: { executionMode: 'yarn-cluster' } } })), code: 'FTS8005', message: /executionMode must be one of/ },
  { name: 'a secret name that cannot be a placeholder', run: () => pipeline(any({ ...okPipeline, secrets: { 'DB PASS': 'x' } })), code: 'FTS8005' },
  { name: 'a secret description null', run: () => pipeline(any({ ...okPipeline, secrets: { DB_PASS: null } })), code: 'FTS8005' },
  { name: 'environments null', run: () => pipeline(any({ ...okPipeline, environments: null })), code: 'FTS8005' },
];
