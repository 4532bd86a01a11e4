/**
 * StarRocks 3.5 tables the dashboards read (seed 000: Stream Load V2, transactional stream load for
 * at-least-once, flush every 5 s). The seed's `sink.buffer-flush.max-bytes = '50MB'` is below the connector's
 * 64 MB minimum and not a byte count, and `max-rows` is ignored by the V2 sink: 64 MB is written in bytes.
 */
import { table } from '@flinkts/core';
import { secret, starrocks } from '@flinkts/connectors';
import { QUALITY_RESULT_COLUMNS, QUALITY_RESULT_KEY } from '@flinkts/pipelines';
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

/**
 * The monitor's results: per table, 5-minute window and quality dimension the row counts, pass rate and score
 * (plus an `overall` row with the weighted score). Prometheus reads the latest windows from here through the
 * SQL exporter collector the monitoring target writes (see flinkts.config.ts).
 */
export const adsDataQuality = table('ads_data_quality', {
  columns: QUALITY_RESULT_COLUMNS,
  primaryKey: [...QUALITY_RESULT_KEY],
  temporary: true,
  // No layer: a monitor reads every layer, which the layering rules would refuse for an ADS table.
  connector: sink('ads_data_quality'),
});
