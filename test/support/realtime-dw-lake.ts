/**
 * realtime-dw's lake in its `local` environment (a local directory): the lake tables created at their paths when
 * missing, so a job that reads them by path — the quality monitor's standalone Paimon tables — can be planned.
 * Paimon reads such a table's schema from its path while planning; where the monitor runs, the ingestion jobs have
 * created the tables. Here they are created from the lake's own declarations (lake.ts: columns, keys,
 * partitioning and options) as standalone tables with `auto-create`, by planning one INSERT into each: Paimon
 * writes the schema at the path, nothing else.
 */
import { printStatement, table } from '@flinkts/core';
import { FlinkBridgeClient } from '@flinkts/core/flink';
import { dwdOrderDetail, dwsSalesDaily, LOCAL_WAREHOUSE, odsOrders, ORDER_DETAIL_COLUMNS, SALES_DAILY_COLUMNS } from '../../examples/realtime-dw/src/lake.js';
import { ORDER_COLUMNS } from '../../examples/realtime-dw/src/sources.js';

type LakeTable = typeof odsOrders | typeof dwdOrderDetail | typeof dwsSalesDaily;

const atPath = (t: LakeTable, layer: string) => ({
  temporary: true,
  connector: {
    ...t.connector!,
    options: [{ key: 'connector', value: 'paimon' }, ...t.connector!.options, { key: 'path', value: `${LOCAL_WAREHOUSE}/${layer}.db/${t.name}` }, { key: 'auto-create', value: 'true' }],
  },
});

const LAKE = [
  table('ods_orders_lake', { columns: ORDER_COLUMNS, primaryKey: ['order_id'], ...atPath(odsOrders, 'ods') }),
  table('dwd_order_detail_lake', { columns: ORDER_DETAIL_COLUMNS, primaryKey: ['order_id'], partitionedBy: ['order_date'], ...atPath(dwdOrderDetail, 'dwd') }),
  table('dws_sales_daily_lake', { columns: SALES_DAILY_COLUMNS, primaryKey: ['stat_date', 'category'], ...atPath(dwsSalesDaily, 'dws') }),
];

/** Creates the lake tables in LOCAL_WAREHOUSE when missing (an existing table is left as it is). */
export async function ensureLocalLake(): Promise<void> {
  const statements = LAKE.flatMap((t) => [printStatement(t.statement), `INSERT INTO \`${t.name}\` SELECT * FROM \`${t.name}\``]);
  const res = await FlinkBridgeClient.connect().plan({ statements });
  if (!res.ok) throw new Error(`could not create realtime-dw's local lake in ${LOCAL_WAREHOUSE}: ${res.error?.message ?? 'unknown error'}`);
}
