/**
 * Hand-built lineage of the two examples, written from their compiled SQL (examples/realtime-dw/golden/prod and
 * examples/wrongbook/golden/build/prod): what the formats and queries are tested on independently of the producer.
 */
import type { LineageEdge, LineageEdgeSubtype, LineageTable, PipelineLineage } from '@flinkts/core';

const col = (name: string, type: string) => ({ name, type });

const DIRECT: readonly LineageEdgeSubtype[] = ['IDENTITY', 'TRANSFORMATION', 'AGGREGATION'];

function edge(job: string, from: string, to: string, subtype: LineageEdgeSubtype, description?: string): LineageEdge {
  const cut = (s: string): [string, string] => [s.slice(0, s.lastIndexOf('.')), s.slice(s.lastIndexOf('.') + 1)];
  const [ft, fc] = cut(from);
  const toTable = to.endsWith('.*') ? to.slice(0, -2) : undefined;
  const [tt, tc] = toTable !== undefined ? [toTable, undefined] : cut(to);
  return {
    from: { table: ft, column: fc },
    to: tc === undefined ? { table: tt } : { table: tt, column: tc },
    type: DIRECT.includes(subtype) ? 'DIRECT' : 'INDIRECT',
    subtype,
    ...(description === undefined ? {} : { description }),
    job,
  };
}

const D = 'default_catalog.default_database';
const ORDERS = [col('order_id', 'BIGINT NOT NULL'), col('user_id', 'BIGINT'), col('product_id', 'BIGINT'), col('quantity', 'INT'), col('amount', 'DECIMAL(12, 2)'), col('order_status', 'STRING'), col('created_at', 'TIMESTAMP(3)'), col('updated_at', 'TIMESTAMP(3)')];
const USERS = [col('user_id', 'BIGINT NOT NULL'), col('user_name', 'STRING'), col('city', 'STRING'), col('register_time', 'TIMESTAMP(3)')];
const PRODUCTS = [col('product_id', 'BIGINT NOT NULL'), col('product_name', 'STRING'), col('category', 'STRING'), col('price', 'DECIMAL(10, 2)')];
const SALES = [col('stat_date', 'STRING NOT NULL'), col('category', 'STRING NOT NULL'), col('order_count', 'BIGINT'), col('buyer_count', 'BIGINT'), col('paid_amount', 'DECIMAL(38, 2)')];

const mysql = (t: string, columns: LineageTable['columns']): LineageTable => ({
  name: `${D}.mysql_${t}`,
  columns,
  connector: 'mysql-cdc',
  address: { scheme: 'mysql', authority: 'mysql.prod.internal:3306', name: `shop.${t}` },
});
const lake = (layer: string, t: string, columns: LineageTable['columns']): LineageTable => ({
  name: `paimon_catalog.${layer}.${t}`,
  columns,
  connector: 'paimon',
  address: { scheme: 'hdfs', authority: '', name: `/paimon/rt-dw/${layer}.db/${t}` },
  layer,
});

const CDC = 'rt-dw-cdc-ingestion';
const ODS = 'rt-dw-ods-processing';
const DWD = 'rt-dw-dwd-transform';
const DWS = 'rt-dw-dws-aggregate';
const copy = (job: string, from: string, to: string, cols: readonly { name: string }[]) => cols.map((c) => edge(job, `${from}.${c.name}`, `${to}.${c.name}`, 'IDENTITY'));

const o = 'paimon_catalog.ods.ods_orders';
const u = 'paimon_catalog.dim.dim_users';
const p = 'paimon_catalog.dim.dim_products';
const d = 'paimon_catalog.dwd.dwd_order_detail';
const s = 'paimon_catalog.dws.dws_sales_daily';

/** realtime-dw (seed 000), environment prod, without the monitor jobs. */
export const REALTIME_DW: PipelineLineage = {
  pipeline: 'realtime-dw',
  environment: 'prod',
  tables: [
    mysql('orders', ORDERS),
    mysql('users', USERS),
    mysql('products', PRODUCTS),
    lake('ods', 'ods_orders', ORDERS),
    lake('ods', 'ods_users', USERS),
    lake('ods', 'ods_products', PRODUCTS),
    lake('dim', 'dim_users', [col('user_id', 'BIGINT NOT NULL'), col('user_name', 'STRING'), col('city', 'STRING'), col('register_date', 'DATE')]),
    lake('dim', 'dim_products', PRODUCTS),
    lake('dwd', 'dwd_order_detail', [col('order_id', 'BIGINT NOT NULL'), col('order_date', 'STRING'), col('user_id', 'BIGINT'), col('city', 'STRING'), col('product_id', 'BIGINT'), col('product_name', 'STRING'), col('category', 'STRING'), col('quantity', 'INT'), col('amount', 'DECIMAL(12, 2)'), col('order_status', 'STRING'), col('is_paid', 'BOOLEAN'), col('created_at', 'TIMESTAMP(3)')]),
    lake('dws', 'dws_sales_daily', SALES),
    { name: `${D}.ads_sales_daily`, columns: SALES, connector: 'starrocks', address: { scheme: 'starrocks', authority: 'starrocks-fe.prod.internal:9030', name: 'rt_dw.ads_sales_daily' }, layer: 'ads' },
  ],
  jobs: [
    { name: CDC, inputs: [`${D}.mysql_orders`, `${D}.mysql_products`, `${D}.mysql_users`], outputs: ['paimon_catalog.ods.ods_orders', 'paimon_catalog.ods.ods_products', 'paimon_catalog.ods.ods_users'] },
    { name: ODS, inputs: ['paimon_catalog.ods.ods_products', 'paimon_catalog.ods.ods_users'], outputs: [p, u] },
    { name: DWD, inputs: [p, u, o], outputs: [d] },
    { name: DWS, inputs: [d, s], outputs: [`${D}.ads_sales_daily`, s] },
  ],
  edges: [
    ...copy(CDC, `${D}.mysql_orders`, o, ORDERS),
    ...copy(CDC, `${D}.mysql_users`, 'paimon_catalog.ods.ods_users', USERS),
    ...copy(CDC, `${D}.mysql_products`, 'paimon_catalog.ods.ods_products', PRODUCTS),
    edge(ODS, 'paimon_catalog.ods.ods_users.user_id', `${u}.user_id`, 'IDENTITY'),
    edge(ODS, 'paimon_catalog.ods.ods_users.user_name', `${u}.user_name`, 'TRANSFORMATION', 'TRIM(`u`.`user_name`)'),
    edge(ODS, 'paimon_catalog.ods.ods_users.city', `${u}.city`, 'TRANSFORMATION', "COALESCE(NULLIF(TRIM(`u`.`city`), ''), 'unknown')"),
    edge(ODS, 'paimon_catalog.ods.ods_users.register_time', `${u}.register_date`, 'TRANSFORMATION', 'CAST(`u`.`register_time` AS DATE)'),
    edge(ODS, 'paimon_catalog.ods.ods_products.product_id', `${p}.product_id`, 'IDENTITY'),
    edge(ODS, 'paimon_catalog.ods.ods_products.product_name', `${p}.product_name`, 'TRANSFORMATION', 'TRIM(`p`.`product_name`)'),
    edge(ODS, 'paimon_catalog.ods.ods_products.category', `${p}.category`, 'TRANSFORMATION', "COALESCE(NULLIF(LOWER(TRIM(`p`.`category`)), ''), 'unknown')"),
    edge(ODS, 'paimon_catalog.ods.ods_products.price', `${p}.price`, 'IDENTITY'),
    edge(DWD, `${o}.order_id`, `${d}.order_id`, 'IDENTITY'),
    edge(DWD, `${o}.created_at`, `${d}.order_date`, 'TRANSFORMATION', "DATE_FORMAT(`o`.`created_at`, 'yyyy-MM-dd')"),
    edge(DWD, `${o}.user_id`, `${d}.user_id`, 'IDENTITY'),
    edge(DWD, `${u}.city`, `${d}.city`, 'TRANSFORMATION', "COALESCE(`u`.`city`, 'unknown')"),
    edge(DWD, `${o}.product_id`, `${d}.product_id`, 'IDENTITY'),
    edge(DWD, `${p}.product_name`, `${d}.product_name`, 'IDENTITY'),
    edge(DWD, `${p}.category`, `${d}.category`, 'TRANSFORMATION', "COALESCE(`p`.`category`, 'unknown')"),
    edge(DWD, `${o}.quantity`, `${d}.quantity`, 'IDENTITY'),
    edge(DWD, `${o}.amount`, `${d}.amount`, 'IDENTITY'),
    edge(DWD, `${o}.order_status`, `${d}.order_status`, 'IDENTITY'),
    edge(DWD, `${o}.order_status`, `${d}.is_paid`, 'TRANSFORMATION', "`o`.`order_status` IN ('PAID', 'SHIPPED', 'COMPLETED')"),
    edge(DWD, `${o}.created_at`, `${d}.created_at`, 'IDENTITY'),
    edge(DWD, `${o}.product_id`, `${d}.*`, 'JOIN', '`o`.`product_id` = `p`.`product_id`'),
    edge(DWD, `${p}.product_id`, `${d}.*`, 'JOIN', '`o`.`product_id` = `p`.`product_id`'),
    edge(DWD, `${o}.user_id`, `${d}.*`, 'JOIN', '`o`.`user_id` = `u`.`user_id`'),
    edge(DWD, `${u}.user_id`, `${d}.*`, 'JOIN', '`o`.`user_id` = `u`.`user_id`'),
    edge(DWS, `${d}.order_date`, `${s}.stat_date`, 'TRANSFORMATION', "COALESCE(`d`.`order_date`, 'unknown')"),
    edge(DWS, `${d}.category`, `${s}.category`, 'TRANSFORMATION', "COALESCE(`d`.`category`, 'unknown')"),
    edge(DWS, `${d}.user_id`, `${s}.buyer_count`, 'AGGREGATION', 'COUNT(DISTINCT `d`.`user_id`)'),
    edge(DWS, `${d}.amount`, `${s}.paid_amount`, 'AGGREGATION', 'SUM(CASE WHEN `d`.`is_paid` THEN `d`.`amount` ELSE 0 END)'),
    edge(DWS, `${d}.is_paid`, `${s}.paid_amount`, 'CONDITIONAL', 'CASE WHEN `d`.`is_paid` THEN `d`.`amount` ELSE 0 END'),
    edge(DWS, `${d}.order_date`, `${s}.*`, 'GROUP_BY', "COALESCE(`d`.`order_date`, 'unknown')"),
    edge(DWS, `${d}.category`, `${s}.*`, 'GROUP_BY', "COALESCE(`d`.`category`, 'unknown')"),
    ...copy(DWS, s, `${D}.ads_sales_daily`, SALES),
  ],
};

const EVENTS = 'aliyun_catalog.dwd.wrongbook_events';
const WIDE = 'aliyun_catalog.dwd.dwd_wrong_record_wide_delta';
const WB = 'wrongbook-wide-table';
const jv = (path: string) => `JSON_VALUE(\`e\`.\`payload\`, '$.${path}')`;

/** wrongbook (seed 001), environment prod: the wide-table job. */
export const WRONGBOOK: PipelineLineage = {
  pipeline: 'wrongbook',
  environment: 'prod',
  tables: [
    {
      name: EVENTS,
      columns: [col('eventId', 'STRING'), col('domain', 'STRING'), col('type', 'STRING'), col('timestamp', 'BIGINT'), col('payload', 'STRING'), col('proc_time', 'TIMESTAMP_LTZ(3) *PROCTIME*')],
      connector: 'kafka',
      address: { scheme: 'kafka', authority: 'kafka.aliyun.com:9092', name: 'wrongbook-events' },
    },
    {
      name: WIDE,
      columns: [
        col('id', 'BIGINT NOT NULL'), col('wrong_id', 'STRING'), col('user_id', 'STRING'), col('subject', 'STRING'), col('subject_name', 'STRING'),
        col('question_id', 'STRING'), col('question', 'STRING'), col('pattern_id', 'STRING'), col('pattern_name', 'STRING'), col('teach_type_id', 'STRING'),
        col('teach_type_name', 'STRING'), col('collect_time', 'TIMESTAMP(3)'), col('fix_id', 'STRING'), col('fix_time', 'TIMESTAMP(3)'), col('fix_result', 'BIGINT'),
        col('fix_result_desc', 'STRING'), col('event_id', 'STRING'), col('event_type', 'STRING'), col('process_time', 'TIMESTAMP(3)'),
      ],
      connector: 'jdbc',
      address: { scheme: 'mysql', authority: 'rds.aliyun.com:3306', name: 'dwd.dwd_wrong_record_wide_delta' },
      layer: 'dwd',
    },
  ],
  jobs: [{ name: WB, inputs: [EVENTS], outputs: [WIDE] }],
  edges: [
    edge(WB, `${EVENTS}.eventId`, `${WIDE}.id`, 'TRANSFORMATION', 'CAST(HASH_CODE(`w`.`eventId`) AS BIGINT)'),
    edge(WB, `${EVENTS}.eventId`, `${WIDE}.wrong_id`, 'IDENTITY'),
    edge(WB, `${EVENTS}.payload`, `${WIDE}.user_id`, 'TRANSFORMATION', jv('userId')),
    edge(WB, `${EVENTS}.payload`, `${WIDE}.subject`, 'TRANSFORMATION', jv('subject')),
    edge(WB, `${EVENTS}.payload`, `${WIDE}.subject_name`, 'TRANSFORMATION', jv('subjectName')),
    edge(WB, `${EVENTS}.payload`, `${WIDE}.question_id`, 'TRANSFORMATION', jv('questionId')),
    edge(WB, `${EVENTS}.payload`, `${WIDE}.pattern_id`, 'TRANSFORMATION', jv('patternId')),
    edge(WB, `${EVENTS}.payload`, `${WIDE}.collect_time`, 'TRANSFORMATION', `TO_TIMESTAMP_LTZ(CAST(${jv('wrongTime')} AS BIGINT), 3)`),
    edge(WB, `${EVENTS}.eventId`, `${WIDE}.event_id`, 'IDENTITY'),
    edge(WB, `${EVENTS}.type`, `${WIDE}.event_type`, 'IDENTITY'),
    edge(WB, `${EVENTS}.proc_time`, `${WIDE}.process_time`, 'IDENTITY'),
    edge(WB, `${EVENTS}.domain`, `${WIDE}.*`, 'FILTER', "`e`.`domain` = 'wrongbook'"),
    edge(WB, `${EVENTS}.type`, `${WIDE}.*`, 'FILTER', "`e`.`type` = 'wrongbook_add'"),
  ],
};
