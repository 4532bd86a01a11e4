/**
 * Typed builders for Flink SQL. A short tour:
 *
 * ```ts
 * import { t, table, from, fn, insertInto, genericConnector, interval } from '@flinkts/core';
 *
 * const orders = table('orders', {
 *   columns: { id: t.bigint(), user_id: t.bigint(), amount: t.decimal(10, 2), ts: t.timestamp(3) },
 *   watermark: { column: 'ts', delay: interval('5', 'SECOND') },
 *   connector: genericConnector('datagen'),
 * });
 * const totals = table('totals', { columns: { user_id: t.bigint().notNull(), total: t.decimal(38, 2) }, primaryKey: ['user_id'] });
 *
 * const q = from(orders, 'o')
 *   .where(({ o }) => o.amount.gt(0))
 *   .groupBy(({ o }) => [o.user_id])
 *   .select(({ o }) => ({ user_id: o.user_id, total: fn.sum(o.amount) }));
 * const stmt = insertInto(totals, q); // INSERT INTO `totals` (`user_id`, `total`) SELECT …
 * ```
 */
export * from './expr.js';
export * from './literal.js';
export * from './conditional.js';
export * from './fn.js';
export * from './over-frame.js';
export * from './source.js';
export * from './query.js';
export * from './window-tvf.js';
export * from './rank.js';
export * from './statements.js';
export * from './sql-tag.js';
export type { ComparableRoot, LiteralFor, NumericRoot, Or, StringRoot, TemporalRoot, TimestampRoot, WiderNumeric } from './type-level.js';
