/**
 * Seed 000's data-quality monitor along the lineage ODS → DWD → DWS: five scored dimensions per table —
 * completeness (null rate), accuracy (business rules), consistency (duplicates), timeliness (freshness) and
 * conformity (formats) — weighted 30 / 25 / 15 / 15 / 15, with the seed's levels: CRITICAL below a score of 70,
 * HIGH when data is more than 15 minutes late, MEDIUM when more than 2 % of a dimension's rows are abnormal
 * (LOW, the daily digest, is the monitoring target's).
 *
 * The lake tables have no time attribute (the jobs that write them need none), so the monitor reads each one
 * through a standalone Paimon table on the same path (`connector = 'paimon'`, `path` under the warehouse; same
 * columns, primary key and partitioning, which Paimon checks against the stored table) that adds one: a watermark
 * on `created_at` for ODS and DWD (event-time windows of 5 minutes), and for DWS, whose rows carry only a date, a
 * watermark on that date as a timestamp (`stat_time`): a daily window, scored when the next day's first row
 * arrives.
 *
 * Every lake table is read as a changelog (updates, deletes), so every window is on event time: a correction's -U
 * carries its row's time and leaves the window that counted the row, and each score stays within 0–100. A
 * processing-time window over these tables is refused (FTS8052): there a -U lands in a later window than its row.
 *
 * DWS rows are days: a day's row is written all day long, so its delay against the day's start is up to 24 h by
 * design. Its freshness bound and HIGH level are 26 h (a day still written two hours after it closed); ODS and DWD
 * keep the seed's 15 minutes.
 */
import { fn, interval, table } from '@flinkts/core';
import type { Layer } from '@flinkts/core';
import { paimon } from '@flinkts/connectors';
import { quality } from '@flinkts/pipelines';
import type { Duration, QualitySpec } from '@flinkts/pipelines';
import { ORDER_DETAIL_COLUMNS, SALES_DAILY_COLUMNS } from './lake.js';
import { ORDER_COLUMNS } from './sources.js';

export const KNOWN_STATUSES = ['CREATED', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED', 'REFUNDED'] as const;
const WEIGHTS = { completeness: 30, accuracy: 25, consistency: 15, timeliness: 15, conformity: 15 } as const;
const WINDOW: Duration = '5 min';
const SEED_LEVELS = [
  { level: 'critical', when: { scoreBelow: 70 } },
  { level: 'high', when: { delayAbove: '15 min' } },
  { level: 'medium', when: { failedRatioAbove: 0.02 } },
] as const;

/** A standalone Paimon table reading a lake table's files (same schema, same changelog). */
const onLake = (layer: Layer, name: string) => ({
  temporary: true,
  layer,
  connector: paimon({ path: `\${PAIMON_WAREHOUSE}/${layer}.db/${name}`, 'changelog-producer': 'input' }),
});

export const odsOrdersTimed = table('ods_orders_quality_source', {
  columns: ORDER_COLUMNS,
  primaryKey: ['order_id'],
  watermark: { column: 'created_at', delay: interval('5', 'SECOND') },
  ...onLake('ods', 'ods_orders'),
});

export const dwdOrderDetailTimed = table('dwd_order_detail_quality_source', {
  columns: ORDER_DETAIL_COLUMNS,
  primaryKey: ['order_id'],
  // Paimon compares a path table's partition keys with the stored table's: the lake table is partitioned by day
  // (found by planning the generated monitor on a real lake, test/flink/realtime-dw-monitor-plan.test.ts)
  partitionedBy: ['order_date'],
  watermark: { column: 'created_at', delay: interval('5', 'SECOND') },
  ...onLake('dwd', 'dwd_order_detail'),
});

export const dwsSalesDailyTimed = table('dws_sales_daily_quality_source', {
  columns: SALES_DAILY_COLUMNS,
  computed: (c) => ({ stat_time: fn.toTimestamp(c.stat_date, 'yyyy-MM-dd') }),
  primaryKey: ['stat_date', 'category'],
  // no delay: a day's window closes as soon as a row of a later day arrives
  watermark: { column: 'stat_time' },
  ...onLake('dws', 'dws_sales_daily'),
});

const DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

/** The checks of the ODS orders (exported so tests can apply them to fixture tables). */
export const ODS_ORDERS_QUALITY: QualitySpec<(typeof odsOrdersTimed)['__columns']> = {
  label: 'ods_orders',
  window: { time: 'created_at', size: WINDOW },
  checks: (q) => ({
    completeness: [q.notNull('user_id'), q.notNull('product_id'), q.notNull('amount')],
    accuracy: [q.rule('positive quantity and amount', (c) => c.quantity.gt(0).and(c.amount.gt(0))), q.rule('not updated before created', (c) => c.updated_at.gte(c.created_at))],
    consistency: [q.unique('order_id')],
    timeliness: [q.freshness('created_at', '15 min')],
    conformity: [q.inSet('order_status', KNOWN_STATUSES)],
  }),
  weights: WEIGHTS,
  alerts: SEED_LEVELS,
};

export const DWD_ORDER_DETAIL_QUALITY: QualitySpec<(typeof dwdOrderDetailTimed)['__columns']> = {
  label: 'dwd_order_detail',
  window: { time: 'created_at', size: WINDOW },
  checks: (q) => ({
    completeness: [q.notNull('user_id'), q.notNull('product_name'), q.notNull('order_date')],
    accuracy: [q.rule('positive amount', (c) => c.amount.gt(0)), q.rule('paid flag follows the status', (c) => c.is_paid.eq(c.order_status.in(['PAID', 'SHIPPED', 'COMPLETED'])))],
    consistency: [q.unique('order_id')],
    timeliness: [q.freshness('created_at', '15 min')],
    conformity: [q.inSet('order_status', KNOWN_STATUSES), q.matches('order_date', DATE), q.length('city', { min: 1, max: 64 })],
  }),
  weights: WEIGHTS,
  alerts: SEED_LEVELS,
};

export const DWS_SALES_DAILY_QUALITY: QualitySpec<(typeof dwsSalesDailyTimed)['__columns']> = {
  label: 'dws_sales_daily',
  window: { time: 'stat_time', size: '1 d' },
  checks: (q) => ({
    completeness: [q.notNull('category'), q.notNull('paid_amount')],
    accuracy: [q.rule('buyers never exceed orders', (c) => c.buyer_count.lte(c.order_count)), q.rule('non-negative paid amount', (c) => c.paid_amount.gte(0))],
    consistency: [q.unique('stat_date', 'category')],
    timeliness: [q.freshness('stat_time', '26 h')],
    conformity: [q.matches('stat_date', DATE), q.length('category', { min: 1, max: 32 })],
  }),
  weights: WEIGHTS,
  alerts: [SEED_LEVELS[0], { level: 'high', when: { delayAbove: '26 h' } }, SEED_LEVELS[2]],
};

export const odsOrdersQuality = quality(odsOrdersTimed, ODS_ORDERS_QUALITY);
export const dwdOrderDetailQuality = quality(dwdOrderDetailTimed, DWD_ORDER_DETAIL_QUALITY);
export const dwsSalesDailyQuality = quality(dwsSalesDailyTimed, DWS_SALES_DAILY_QUALITY);

/** Every quality declaration of the warehouse, in lineage order. */
export const QUALITY = [odsOrdersQuality, dwdOrderDetailQuality, dwsSalesDailyQuality] as const;
