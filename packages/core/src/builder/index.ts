/**
 * Typed builders for Flink SQL. A short tour:
 *
 * ```ts
 * import { t, table, from, fn, insertInto, genericConnector, interval, tumble, deduplicate, statementSet } from '@flinkts/core';
 *
 * const orders = table('orders', {
 *   columns: { id: t.bigint(), user_id: t.bigint(), amount: t.decimal(10, 2), ts: t.timestamp(3) },
 *   computed: () => ({ proc_time: fn.proctime() }),
 *   watermark: { column: 'ts', delay: interval('5', 'SECOND') },
 *   primaryKey: ['id'],                       // PK columns become NOT NULL (in the AST and in RowOf<…>)
 *   layer: 'ods',
 *   connector: genericConnector('datagen'),
 * });
 * const totals = table('totals', { columns: { user_id: t.bigint().notNull(), total: t.decimal(38, 2) }, primaryKey: ['user_id'] });
 *
 * // By name: the INSERT column list is the selection's keys; the editor checks names, types and NOT NULL columns.
 * const q = from(orders, 'o')
 *   .where(({ o }) => o.amount.gt(0))
 *   .groupBy(({ o }) => [o.user_id])
 *   .select(({ o }) => ({ user_id: o.user_id, total: fn.sum(o.amount) }));
 * const insert = insertInto(totals, q);      // INSERT INTO `totals` (`user_id`, `total`) SELECT …
 *
 * // By position: selectList keeps the column order; the explicit column list is checked pair by pair.
 * const q2 = from(orders, 'o').selectList(({ o }) => [o.user_id, o.amount.as('amount')]);
 * const insert2 = insertInto(totals, { columns: ['user_id', 'total'] }, q2);
 *
 * // Streaming patterns: window TVFs, deduplication / TopN, temporal and interval joins, OVER frames.
 * const perMinute = from(tumble(orders, { timecol: 'ts', size: interval('1', 'MINUTE') }), 'w')
 *   .groupBy(({ w }) => [w.window_start, w.window_end, w.user_id])
 *   .select(({ w }) => ({ user_id: w.user_id, start: w.window_start, n: fn.count() }));
 * const firstOrders = deduplicate(orders, { partitionBy: (c) => [c.id], orderBy: (c) => c.ts, keep: 'first' });
 * const job = statementSet(insert, insert2);
 * ```
 *
 * Every builder returns AST nodes (`.query`, `.node`, `.toStatement()`); printing is `printStatement` /
 * `printScript`. `RowOf<typeof orders>` is a table's (or query's) row type with exact TypeScript values.
 */
export * from './expr.js';
export * from './literal.js';
// The builders' classes are types here: their objects are made by the functions (caseWhen, fn.*, from).
export { cast, tryCast, caseWhen, coalesce, iff, nullIf, ifNull } from './conditional.js';
export type { CaseBuilder } from './conditional.js';
export { fn, orderItemOf } from './fn.js';
export type { CallExpr, CatalogFunctions, Fn, OverWindow } from './fn.js';
export * from './over-frame.js';
export type { ColumnInfo, NullableColumns, Refs, Source } from './source.js';
export { checkSource, SelectQuery, from, withCtes, cte } from './query.js';
export type { ListColumns, ListTypes, QueryBuilder, Scope, SelectedColumns, UnnestColumns } from './query.js';
export * from './window-tvf.js';
export * from './rank.js';
export * from './statements.js';
export * from './sql-tag.js';
export type { ComparableRoot, LiteralFor, NumericRoot, Or, StringRoot, TemporalRoot, TimestampRoot, WiderNumeric } from './type-level.js';
export * from './sql-query.js';
