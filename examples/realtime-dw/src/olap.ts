/**
 * StarRocks 3.5 tables the dashboards read (seed 000: Stream Load V2, transactional stream load for
 * at-least-once, flush every 5 s). The seed's `sink.buffer-flush.max-bytes = '50MB'` is below the connector's
 * 64 MB minimum and not a byte count, and `max-rows` is ignored by the V2 sink: 64 MB is written in bytes.
 */
import { t, table } from '@flinkts/core';
import { secret, starrocks } from '@flinkts/connectors';
import { SALES_DAILY_COLUMNS } from './lake.js';

const sink = (tableName: string) =>
  starrocks({
    'jdbc-url': '${STARROCKS_JDBC_URL}',
    'load-url': '${STARROCKS_LOAD_URL}',
    'database-name': 'rt_dw',
    'table-name': tableName,
    username: secret('STARROCKS_USERNAME'),
    password: secret('STARROCKS_PASSWORD'),
    'sink.version': 'V2',
    'sink.at-least-once.use-transaction-stream-load': true,
    'sink.buffer-flush.max-bytes': 67108864,
    'sink.buffer-flush.interval-ms': 5000,
  });

export const adsSalesDaily = table('ads_sales_daily', {
  columns: SALES_DAILY_COLUMNS,
  primaryKey: ['stat_date', 'category'],
  temporary: true,
  layer: 'ads',
  connector: sink('ads_sales_daily'),
});

/** Daily data-quality measurements of the order detail (completeness, accuracy, conformity). */
export const adsOrderQuality = table('ads_order_quality', {
  columns: {
    stat_date: t.string(),
    row_count: t.bigint(),
    missing_user: t.bigint(),
    missing_product: t.bigint(),
    non_positive_amount: t.bigint(),
    unknown_status: t.bigint(),
  },
  primaryKey: ['stat_date'],
  temporary: true,
  layer: 'ads',
  connector: sink('ads_order_quality'),
});
