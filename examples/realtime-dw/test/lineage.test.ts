/**
 * The realtime warehouse's column lineage across its five jobs, from the bound plans of the jobs flinkts builds: the
 * MySQL CDC sources through ODS, DIM, DWD and DWS to the StarRocks serving table, every edge of the four layer jobs,
 * and the monitor's windows over the lake tables.
 */
import { describe, expect, test } from 'vitest';
import { pipelineLineage } from '@flinkts/pipelines';
import type { LineageEdge, PipelineLineage } from '@flinkts/core';
import realtimeDw from '../flinkts.config.js';

const short = (t: string): string => t.replace(/^default_catalog\.default_database\./, '').replace(/^paimon_catalog\./, '');
const line = (e: LineageEdge, withDescription = true): string =>
  `${short(e.to.table)}.${e.to.column ?? '*'} <- ${short(e.from.table)}.${e.from.column} ${e.type} ${e.subtype}${withDescription && e.description !== undefined ? ` ${e.description}` : ''}`;
const jobEdges = (l: PipelineLineage, job: string): string[] => l.edges.filter((e) => e.job === job).map((e) => line(e));

/** Every source column a column depends on through DIRECT edges, across jobs, with the jobs passed. */
function upstream(l: PipelineLineage, table: string, column: string): string[] {
  const out = new Set<string>();
  const visit = (t: string, c: string, path: string): void => {
    const into = l.edges.filter((e) => e.type === 'DIRECT' && e.to.table === t && e.to.column === c);
    if (into.length === 0) out.add(`${short(t)}.${c} via ${path}`);
    for (const e of into) visit(e.from.table, e.from.column, path === '' ? e.job : `${e.job} < ${path}`);
  };
  visit(table, column, '');
  return [...out].sort();
}

describe('realtime-dw lineage', () => {
  const lineage = pipelineLineage(realtimeDw, 'dev');

  test('the jobs are joined by the tables they share, named with their catalogs', () => {
    expect(lineage.jobs.map((j) => `${j.name}: ${j.inputs.map(short).join(', ')} -> ${j.outputs.map(short).join(', ')}`)).toEqual([
      'rt-dw-cdc-ingestion: mysql_orders, mysql_products, mysql_users -> ods.ods_orders, ods.ods_products, ods.ods_users',
      'rt-dw-ods-processing: ods.ods_products, ods.ods_users -> dim.dim_products, dim.dim_users',
      'rt-dw-dwd-transform: dim.dim_products, dim.dim_users, ods.ods_orders -> dwd.dwd_order_detail',
      'rt-dw-dws-aggregate: dwd.dwd_order_detail, dws.dws_sales_daily -> ads_sales_daily, dws.dws_sales_daily',
      'rt-dw-monitor: dwd_order_detail_quality_source, dws_sales_daily_quality_source, ods_orders_quality_source -> ads_data_quality',
    ]);
    const byName = new Map(lineage.tables.map((t) => [t.name, t]));
    expect(byName.get('default_catalog.default_database.mysql_orders')).toMatchObject({ connector: 'mysql-cdc', address: { scheme: 'mysql', authority: 'mysql.dev.internal:3306', name: 'shop.orders' } });
    expect(byName.get('paimon_catalog.ods.ods_orders')).toMatchObject({ connector: 'paimon', layer: 'ods', address: { scheme: 'hdfs', authority: '', name: '/paimon/rt-dw-dev/ods.db/ods_orders' } });
    expect(byName.get('default_catalog.default_database.ads_sales_daily')).toMatchObject({ connector: 'starrocks', layer: 'ads', address: { scheme: 'starrocks', authority: 'starrocks-fe.dev.internal:9030', name: 'rt_dw.ads_sales_daily' } });
    // The monitor reads the lake tables through path tables: the same dataset address as the catalog table.
    expect(byName.get('default_catalog.default_database.ods_orders_quality_source')?.address).toEqual(byName.get('paimon_catalog.ods.ods_orders')?.address);
  });

  test('CDC ingestion and ODS processing', () => {
    expect(jobEdges(lineage, 'rt-dw-cdc-ingestion')).toEqual([
      ...['amount', 'created_at', 'order_id', 'order_status', 'product_id', 'quantity', 'updated_at', 'user_id'].map((c) => `ods.ods_orders.${c} <- mysql_orders.${c} DIRECT IDENTITY`),
      ...['category', 'price', 'product_id', 'product_name'].map((c) => `ods.ods_products.${c} <- mysql_products.${c} DIRECT IDENTITY`),
      ...['city', 'register_time', 'user_id', 'user_name'].map((c) => `ods.ods_users.${c} <- mysql_users.${c} DIRECT IDENTITY`),
    ]);
    expect(jobEdges(lineage, 'rt-dw-ods-processing')).toEqual([
      "dim.dim_products.category <- ods.ods_products.category DIRECT TRANSFORMATION COALESCE(NULLIF(LOWER(TRIM(`category`)), ''), 'unknown')",
      'dim.dim_products.price <- ods.ods_products.price DIRECT IDENTITY',
      'dim.dim_products.product_id <- ods.ods_products.product_id DIRECT IDENTITY',
      'dim.dim_products.product_name <- ods.ods_products.product_name DIRECT TRANSFORMATION TRIM(`product_name`)',
      "dim.dim_users.city <- ods.ods_users.city DIRECT TRANSFORMATION COALESCE(NULLIF(TRIM(`city`), ''), 'unknown')",
      'dim.dim_users.register_date <- ods.ods_users.register_time DIRECT TRANSFORMATION CAST(`register_time` AS DATE)',
      'dim.dim_users.user_id <- ods.ods_users.user_id DIRECT IDENTITY',
      'dim.dim_users.user_name <- ods.ods_users.user_name DIRECT TRANSFORMATION TRIM(`user_name`)',
    ]);
  });

  test('DWD: orders joined with the dimensions', () => {
    expect(jobEdges(lineage, 'rt-dw-dwd-transform')).toEqual([
      'dwd.dwd_order_detail.* <- dim.dim_products.product_id INDIRECT JOIN',
      'dwd.dwd_order_detail.* <- dim.dim_users.user_id INDIRECT JOIN',
      'dwd.dwd_order_detail.* <- ods.ods_orders.product_id INDIRECT JOIN',
      'dwd.dwd_order_detail.* <- ods.ods_orders.user_id INDIRECT JOIN',
      'dwd.dwd_order_detail.amount <- ods.ods_orders.amount DIRECT IDENTITY',
      "dwd.dwd_order_detail.category <- dim.dim_products.category DIRECT TRANSFORMATION COALESCE(`category`, 'unknown')",
      "dwd.dwd_order_detail.city <- dim.dim_users.city DIRECT TRANSFORMATION COALESCE(`city`, 'unknown')",
      'dwd.dwd_order_detail.created_at <- ods.ods_orders.created_at DIRECT IDENTITY',
      "dwd.dwd_order_detail.is_paid <- ods.ods_orders.order_status DIRECT TRANSFORMATION `order_status` IN ('PAID', 'SHIPPED', 'COMPLETED')",
      "dwd.dwd_order_detail.order_date <- ods.ods_orders.created_at DIRECT TRANSFORMATION DATE_FORMAT(`created_at`, 'yyyy-MM-dd')",
      'dwd.dwd_order_detail.order_id <- ods.ods_orders.order_id DIRECT IDENTITY',
      'dwd.dwd_order_detail.order_status <- ods.ods_orders.order_status DIRECT IDENTITY',
      'dwd.dwd_order_detail.product_id <- ods.ods_orders.product_id DIRECT IDENTITY',
      'dwd.dwd_order_detail.product_name <- dim.dim_products.product_name DIRECT IDENTITY',
      'dwd.dwd_order_detail.quantity <- ods.ods_orders.quantity DIRECT IDENTITY',
      'dwd.dwd_order_detail.user_id <- ods.ods_orders.user_id DIRECT IDENTITY',
    ]);
  });

  test('DWS aggregation and the StarRocks serving table', () => {
    expect(jobEdges(lineage, 'rt-dw-dws-aggregate')).toEqual([
      ...['buyer_count', 'category', 'order_count', 'paid_amount', 'stat_date'].map((c) => `ads_sales_daily.${c} <- dws.dws_sales_daily.${c} DIRECT IDENTITY`),
      'dws.dws_sales_daily.* <- dwd.dwd_order_detail.category INDIRECT GROUP_BY',
      'dws.dws_sales_daily.* <- dwd.dwd_order_detail.order_date INDIRECT GROUP_BY',
      'dws.dws_sales_daily.buyer_count <- dwd.dwd_order_detail.user_id DIRECT AGGREGATION COUNT(DISTINCT `user_id`)',
      "dws.dws_sales_daily.category <- dwd.dwd_order_detail.category DIRECT TRANSFORMATION COALESCE(`category`, 'unknown')",
      'dws.dws_sales_daily.paid_amount <- dwd.dwd_order_detail.amount DIRECT AGGREGATION SUM(CASE WHEN `is_paid` THEN `amount` ELSE 0 END)',
      'dws.dws_sales_daily.paid_amount <- dwd.dwd_order_detail.is_paid INDIRECT CONDITIONAL SUM(CASE WHEN `is_paid` THEN `amount` ELSE 0 END)',
      "dws.dws_sales_daily.stat_date <- dwd.dwd_order_detail.order_date DIRECT TRANSFORMATION COALESCE(`order_date`, 'unknown')",
    ]);
  });

  test('a StarRocks column followed back to the MySQL CDC source through every layer', () => {
    expect(upstream(lineage, 'default_catalog.default_database.ads_sales_daily', 'paid_amount')).toEqual([
      'mysql_orders.amount via rt-dw-cdc-ingestion < rt-dw-dwd-transform < rt-dw-dws-aggregate < rt-dw-dws-aggregate',
    ]);
    expect(upstream(lineage, 'default_catalog.default_database.ads_sales_daily', 'category')).toEqual([
      'mysql_products.category via rt-dw-cdc-ingestion < rt-dw-ods-processing < rt-dw-dwd-transform < rt-dw-dws-aggregate < rt-dw-dws-aggregate',
    ]);
    expect(upstream(lineage, 'default_catalog.default_database.ads_sales_daily', 'stat_date')).toEqual([
      'mysql_orders.created_at via rt-dw-cdc-ingestion < rt-dw-dwd-transform < rt-dw-dws-aggregate < rt-dw-dws-aggregate',
    ]);
  });

  test('the monitor: window columns and delays from the time attributes of each checked layer', () => {
    const edges = lineage.edges.filter((e) => e.job === 'rt-dw-monitor' && (e.to.column === undefined || ['window_start', 'window_end', 'max_delay_seconds'].includes(e.to.column))).map((e) => line(e));
    expect(edges).toEqual([
      'ads_data_quality.* <- dwd_order_detail_quality_source.created_at INDIRECT GROUP_BY',
      'ads_data_quality.* <- dws_sales_daily_quality_source.stat_date INDIRECT GROUP_BY',
      'ads_data_quality.* <- ods_orders_quality_source.created_at INDIRECT GROUP_BY',
      'ads_data_quality.* <- dwd_order_detail_quality_source.created_at INDIRECT WINDOW',
      'ads_data_quality.* <- dws_sales_daily_quality_source.stat_date INDIRECT WINDOW',
      'ads_data_quality.* <- ods_orders_quality_source.created_at INDIRECT WINDOW',
      'ads_data_quality.max_delay_seconds <- dwd_order_detail_quality_source.created_at DIRECT AGGREGATION CAST(NULL AS BIGINT) | CAST(MAX(TIMESTAMPDIFF(SECOND, `created_at`, LOCALTIMESTAMP)) AS BIGINT)',
      "ads_data_quality.max_delay_seconds <- dws_sales_daily_quality_source.stat_date DIRECT AGGREGATION CAST(NULL AS BIGINT) | CAST(MAX(TIMESTAMPDIFF(SECOND, TO_TIMESTAMP(`stat_date`, 'yyyy-MM-dd'), LOCALTIMESTAMP)) AS BIGINT)",
      'ads_data_quality.max_delay_seconds <- ods_orders_quality_source.created_at DIRECT AGGREGATION CAST(NULL AS BIGINT) | CAST(MAX(TIMESTAMPDIFF(SECOND, `created_at`, LOCALTIMESTAMP)) AS BIGINT)',
      "ads_data_quality.window_end <- dwd_order_detail_quality_source.created_at DIRECT TRANSFORMATION TUMBLE(DESCRIPTOR(`created_at`), INTERVAL '5' MINUTE).`window_end`",
      "ads_data_quality.window_end <- dws_sales_daily_quality_source.stat_date DIRECT TRANSFORMATION TUMBLE(DESCRIPTOR(`stat_time`), INTERVAL '1' DAY).`window_end`",
      "ads_data_quality.window_end <- ods_orders_quality_source.created_at DIRECT TRANSFORMATION TUMBLE(DESCRIPTOR(`created_at`), INTERVAL '5' MINUTE).`window_end`",
      "ads_data_quality.window_start <- dwd_order_detail_quality_source.created_at DIRECT TRANSFORMATION TUMBLE(DESCRIPTOR(`created_at`), INTERVAL '5' MINUTE).`window_start`",
      "ads_data_quality.window_start <- dws_sales_daily_quality_source.stat_date DIRECT TRANSFORMATION TUMBLE(DESCRIPTOR(`stat_time`), INTERVAL '1' DAY).`window_start`",
      "ads_data_quality.window_start <- ods_orders_quality_source.created_at DIRECT TRANSFORMATION TUMBLE(DESCRIPTOR(`created_at`), INTERVAL '5' MINUTE).`window_start`",
    ]);
  });

  test('every environment resolves to the same graph with its own addresses', () => {
    const prod = pipelineLineage(realtimeDw, 'prod');
    expect(prod.jobs).toEqual(lineage.jobs);
    expect(prod.edges.map((e) => line(e))).toEqual(lineage.edges.map((e) => line(e)));
    expect(prod.tables.find((t) => t.name === 'default_catalog.default_database.mysql_orders')?.address?.authority).not.toBe('mysql.dev.internal:3306');
  });
});
