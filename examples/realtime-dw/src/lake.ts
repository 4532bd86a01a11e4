/**
 * The Paimon lake — the catalog and its ODS, DIM, DWD and DWS tables, on Paimon 0.9.0 (seed 000's 0.8.2 has no
 * build for Flink 1.20). Every Paimon table keeps the seed's tuning with the real keys and values: hourly
 * automatic tags (the seed's '1h' is not a valid `tag.creation-period`), 128 MB write buffer and 256 MB target
 * files (`target-file-size`; the seed's `compaction.target-file-size` is not a Paimon option). The seed's
 * `compaction.max.file-num = 30` is left out: it only drives compaction of append tables, and these tables all
 * have primary keys (`num-sorted-run.compaction-trigger` is their trigger; its default 5 is kept).
 */
import { catalog, t, table } from '@flinkts/core';
import type { Layer } from '@flinkts/core';
import { paimon, paimonCatalog } from '@flinkts/connectors';
import { ORDER_COLUMNS, PRODUCT_COLUMNS, USER_COLUMNS } from './sources.js';

/** The lake of the `local` environment (flinkts.config.ts): a local directory; the other environments' are on HDFS. */
export const LOCAL_WAREHOUSE = 'file:///tmp/flinkts-realtime-dw/paimon';

export const lake = catalog('paimon_catalog', paimonCatalog({ warehouse: '${PAIMON_WAREHOUSE}' }));

const tuning = {
  'tag.automatic-creation': 'process-time',
  'tag.creation-period': 'hourly',
  'write-buffer-size': '128mb',
  'target-file-size': '256mb',
} as const;

/** A primary-key Paimon table that produces a complete changelog for the layer reading it. */
const lakeTable = (layer: Layer, buckets: number) => ({
  catalog: 'paimon_catalog',
  database: layer,
  layer,
  ifNotExists: true,
  connector: paimon({ bucket: buckets, 'changelog-producer': 'input', ...tuning }),
});

export const odsOrders = table('ods_orders', {
  columns: ORDER_COLUMNS,
  primaryKey: ['order_id'],
  ...lakeTable('ods', 8),
});

export const odsUsers = table('ods_users', {
  columns: USER_COLUMNS,
  primaryKey: ['user_id'],
  ...lakeTable('ods', 4),
});

export const odsProducts = table('ods_products', {
  columns: PRODUCT_COLUMNS,
  primaryKey: ['product_id'],
  ...lakeTable('ods', 2),
});

export const dimUsers = table('dim_users', {
  columns: { user_id: t.bigint(), user_name: t.string(), city: t.string(), register_date: t.date() },
  primaryKey: ['user_id'],
  ...lakeTable('dim', 4),
});

export const dimProducts = table('dim_products', {
  columns: PRODUCT_COLUMNS,
  primaryKey: ['product_id'],
  ...lakeTable('dim', 2),
});

/** The order detail's columns (also read by the quality monitor's stand-in table). */
export const ORDER_DETAIL_COLUMNS = {
  order_id: t.bigint(),
  order_date: t.string(),
  user_id: t.bigint(),
  city: t.string(),
  product_id: t.bigint(),
  product_name: t.string(),
  category: t.string(),
  quantity: t.int(),
  amount: t.decimal(12, 2),
  order_status: t.string(),
  is_paid: t.boolean(),
  created_at: t.timestamp(3),
};

export const dwdOrderDetail = table('dwd_order_detail', {
  columns: ORDER_DETAIL_COLUMNS,
  primaryKey: ['order_id'],
  partitionedBy: ['order_date'],
  // dynamic bucket: the key (order_id) lacks the partition column, which Paimon only allows in this mode (real
  // Flink + Paimon reject a fixed bucket count here: a cross-partition update)
  ...lakeTable('dwd', -1),
});

/** Daily sales per category: the DWS table and the StarRocks table it is published to. */
export const SALES_DAILY_COLUMNS = {
  stat_date: t.string(),
  category: t.string(),
  order_count: t.bigint(),
  buyer_count: t.bigint(),
  paid_amount: t.decimal(38, 2),
};

export const dwsSalesDaily = table('dws_sales_daily', {
  columns: SALES_DAILY_COLUMNS,
  primaryKey: ['stat_date', 'category'],
  ...lakeTable('dws', 4),
});
