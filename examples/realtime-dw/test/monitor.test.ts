/**
 * The data-quality monitor of seed 000 on the local runtime: fixtures with known defects and the scores Flink's
 * semantics give for them.
 *
 * What the local runtime cannot run, precisely: the monitor reads the lake tables' full changelogs (Paimon,
 * `changelog-producer = input`), and window TVF aggregation over an updating input (Flink ≥ 1.19, FLINK-20281)
 * is not implemented locally (FTS7001); nor are processing-time window TVFs, which the DWS monitor uses. So the
 * tests apply the *same* quality declarations to insert-only fixture tables with the same columns and an
 * event-time attribute, and check that the INSERT they run is the job's INSERT with only the source table (and,
 * for DWS, the window's time column) replaced. `now` is fixed, so freshness (arrival delay against
 * LOCALTIMESTAMP) is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { fn, interval, printStatement, table } from '@flinkts/core';
import type { Statement } from '@flinkts/core';
import { runJob } from '@flinkts/core/testing';
import type { TestEntry } from '@flinkts/core/testing';
import { resolveCapabilities } from '@flinkts/connectors';
import { jobStatements, monitorInserts, monitorSql, quality } from '@flinkts/pipelines';
import type { QualityDeclaration, QualitySpec } from '@flinkts/pipelines';
import realtimeDw from '../flinkts.config.js';
import { ORDER_DETAIL_COLUMNS, SALES_DAILY_COLUMNS } from '../src/lake.js';
import { adsDataQuality } from '../src/olap.js';
import { DWD_ORDER_DETAIL_QUALITY, DWS_SALES_DAILY_QUALITY, ODS_ORDERS_QUALITY } from '../src/quality.js';
import { ORDER_COLUMNS } from '../src/sources.js';

const statements = jobStatements(realtimeDw, 'dev', 'rt-dw-monitor');
const set = statements.find((s) => s.kind === 'StatementSet');
const inserts = set?.kind === 'StatementSet' ? set.inserts : [];

const eventTime = { watermark: { column: 'created_at', delay: interval('5', 'SECOND') }, temporary: true } as const;
const odsFixture = table('ods_orders_fixture', { columns: ORDER_COLUMNS, layer: 'ods', ...eventTime });
const dwdFixture = table('dwd_order_detail_fixture', { columns: ORDER_DETAIL_COLUMNS, layer: 'dwd', ...eventTime });
const dwsFixture = table('dws_sales_daily_fixture', {
  columns: { ...SALES_DAILY_COLUMNS, arrived_at: ORDER_COLUMNS.created_at },
  computed: (c) => ({ stat_time: fn.toTimestamp(c.stat_date, 'yyyy-MM-dd'), proc_time: fn.proctime() }),
  watermark: { column: 'arrived_at' },
  layer: 'dws',
  temporary: true,
});

// The fixtures have no PRIMARY KEY (a key would make them upsert sources), so their key columns are nullable
// where the lake tables' are NOT NULL: the same specs, re-typed for that difference only.
const sameSpec = <T>(spec: unknown): QualitySpec<T> => spec as QualitySpec<T>;
const ods = quality(odsFixture, sameSpec<(typeof odsFixture)['__columns']>(ODS_ORDERS_QUALITY));
const dwd = quality(dwdFixture, sameSpec<(typeof dwdFixture)['__columns']>(DWD_ORDER_DETAIL_QUALITY));
// DWS windows on processing time in the job; here on the fixture's event-time arrival column.
const dws = quality(dwsFixture, sameSpec<(typeof dwsFixture)['__columns']>({ ...DWS_SALES_DAILY_QUALITY, window: { time: 'arrived_at', size: '5 min' } }));

/** 2024-05-01 10:20:00 in Asia/Shanghai. */
const NOW = Date.UTC(2024, 4, 1, 2, 20, 0);

function run(fixture: { readonly statement: Statement }, declaration: QualityDeclaration, inputs: Record<string, readonly TestEntry[]>) {
  const insert = monitorSql('realtime-dw', declaration, adsDataQuality.path);
  const script = [printStatement(fixture.statement), printStatement(adsDataQuality.statement), insert].join(';\n');
  return runJob(script, { inputs, now: () => NOW, config: { 'table.local-time-zone': 'Asia/Shanghai' }, capabilities: resolveCapabilities });
}

const scores = (rows: readonly Record<string, unknown>[]) =>
  Object.fromEntries(rows.map((r) => [r.dimension as string, { total: r.total_rows, passed: r.passed_rows, score: r.score, delay: r.max_delay_seconds }]));

describe('rt-dw-monitor', () => {
  it('is one statement set scoring ODS orders, DWD order detail and DWS daily sales into ads_data_quality', () => {
    // ODS and DWD: one INSERT each (event time, UNION ALL of the six result rows); DWS (processing time): one per row kind.
    expect(inserts.map((i) => i.target.join('.'))).toEqual(Array.from({ length: 8 }, () => 'ads_data_quality'));
    const text = statements.map((s) => printStatement(s)).join('\n');
    for (const dimension of ['completeness', 'accuracy', 'consistency', 'timeliness', 'conformity', 'overall']) {
      for (const t of ['ods_orders', 'dwd_order_detail', 'dws_sales_daily']) expect(text).toContain(`'${t}' AS \`table_name\``);
      expect(text.split(`'${dimension}' AS \`dimension\``).length - 1).toBe(3);
    }
  });

  it('the tests run the job\'s INSERTs, with only the source (and the DWS window column) replaced', () => {
    const job = inserts.map((i) => printStatement(i));
    const local = (d: QualityDeclaration, from: string, to: string, split = false) =>
      monitorInserts('realtime-dw', d, adsDataQuality.path, { split }).map((i) => printStatement(i).replaceAll(`\`${from}\``, `\`${to}\``));
    expect(local(ods, 'ods_orders_fixture', 'ods_orders_quality_source')).toEqual(job.slice(0, 1));
    expect(local(dwd, 'dwd_order_detail_fixture', 'dwd_order_detail_quality_source')).toEqual(job.slice(1, 2));
    // DWS: the job's six INSERTs are the six result rows of the fixture's monitor, on processing time.
    expect(local(dws, 'dws_sales_daily_fixture', 'dws_sales_daily_quality_source', true).map((x) => x.replace('DESCRIPTOR(`arrived_at`)', 'DESCRIPTOR(`proc_time`)'))).toEqual(job.slice(2));
  });

  it('ODS orders: scores each dimension per 5-minute window, for a late window, a window with one defect of each kind, and a bad window', () => {
    const order = (order_id: number, o: Partial<{ user_id: bigint | null; quantity: number; order_status: string; created_at: string }> = {}) => ({
      order_id: BigInt(order_id), user_id: o.user_id === undefined ? 7n : o.user_id, product_id: 3n, quantity: o.quantity ?? 1, amount: '10.00',
      order_status: o.order_status ?? 'PAID', created_at: o.created_at ?? '2024-05-01 10:12:00.000', updated_at: o.created_at ?? '2024-05-01 10:12:00.000',
    });
    const late = { created_at: '2024-05-01 10:04:00.000' }; // read at 10:20: 16 minutes late
    const bad = { user_id: null, quantity: 0, order_status: 'LOST', created_at: '2024-05-01 10:16:00.000' };
    const r = run(odsFixture, ods, {
      ods_orders_fixture: [
        order(1, late), order(2, late), order(3, late), order(4, late),
        order(11), order(12, { user_id: null }), order(13, { quantity: 0 }), order(14, { order_status: 'LOST' }), order(11), order(15), order(16), order(17), order(18), order(19),
        order(20, bad), order(20, bad),
      ],
    });
    const rows = r.rows('ads_data_quality');
    expect(rows.every((x) => x.pipeline === 'realtime-dw' && x.table_name === 'ods_orders' && x.layer === 'ods')).toBe(true);
    const inWindow = (start: string) => scores(rows.filter((x) => x.window_start === `2024-05-01 ${start}:00.000`));
    expect(inWindow('10:00')).toEqual({
      completeness: { total: 4, passed: 4, score: 100, delay: null },
      accuracy: { total: 4, passed: 4, score: 100, delay: null },
      consistency: { total: 4, passed: 4, score: 100, delay: null },
      timeliness: { total: 4, passed: 0, score: 0, delay: 960 },
      conformity: { total: 4, passed: 4, score: 100, delay: null },
      overall: { total: 4, passed: null, score: 85, delay: 960 },
    });
    expect(inWindow('10:10')).toEqual({
      completeness: { total: 10, passed: 9, score: 90, delay: null },
      accuracy: { total: 10, passed: 9, score: 90, delay: null },
      consistency: { total: 10, passed: 9, score: 90, delay: null },
      timeliness: { total: 10, passed: 10, score: 100, delay: 480 },
      conformity: { total: 10, passed: 9, score: 90, delay: null },
      overall: { total: 10, passed: null, score: 91.5, delay: 480 },
    });
    expect(inWindow('10:15')).toEqual({
      completeness: { total: 2, passed: 0, score: 0, delay: null },
      accuracy: { total: 2, passed: 0, score: 0, delay: null },
      consistency: { total: 2, passed: 1, score: 50, delay: null },
      timeliness: { total: 2, passed: 2, score: 100, delay: 240 },
      conformity: { total: 2, passed: 0, score: 0, delay: null },
      overall: { total: 2, passed: null, score: 22.5, delay: 240 },
    });
  });

  it('DWD order detail: rules across columns (paid flag), date format and city length', () => {
    const detail = (order_id: number, o: Partial<{ order_date: string | null; city: string; is_paid: boolean; order_status: string; amount: string }> = {}) => ({
      order_id: BigInt(order_id), order_date: o.order_date === undefined ? '2024-05-01' : o.order_date, user_id: 7n, city: o.city ?? 'Hangzhou', product_id: 3n, product_name: 'Pen', category: 'office',
      quantity: 1, amount: o.amount ?? '10.00', order_status: o.order_status ?? 'PAID', is_paid: o.is_paid ?? true, created_at: '2024-05-01 10:12:00.000',
    });
    const r = run(dwdFixture, dwd, {
      dwd_order_detail_fixture: [
        detail(1), detail(2, { is_paid: false }), detail(3, { order_status: 'CREATED', is_paid: false }), detail(4, { order_date: '2024/05/01' }),
        detail(5, { city: '' }), detail(6, { order_date: null }), detail(7, { amount: '-1.00' }), detail(8),
      ],
    });
    expect(scores(r.rows('ads_data_quality'))).toEqual({
      completeness: { total: 8, passed: 7, score: 87.5, delay: null },
      accuracy: { total: 8, passed: 6, score: 75, delay: null },
      consistency: { total: 8, passed: 8, score: 100, delay: null },
      timeliness: { total: 8, passed: 8, score: 100, delay: 480 },
      conformity: { total: 8, passed: 6, score: 75, delay: null },
      overall: { total: 8, passed: null, score: 86.25, delay: 480 },
    });
  });

  it('DWS daily sales: a key written twice in a window, buyers above orders, a stale day', () => {
    const day = (stat_date: string, category: string | null, o: Partial<{ order_count: bigint; buyer_count: bigint }> = {}) => ({
      stat_date, category, order_count: o.order_count ?? 3n, buyer_count: o.buyer_count ?? 2n, paid_amount: '15.50', arrived_at: '2024-05-01 10:12:00.000',
    });
    const r = run(dwsFixture, dws, {
      dws_sales_daily_fixture: [day('2024-05-01', 'office'), day('2024-05-01', 'office'), day('2024-05-01', 'food', { buyer_count: 4n }), day('2024-04-20', 'toys'), day('2024-05-01', null)],
    });
    expect(scores(r.rows('ads_data_quality'))).toEqual({
      completeness: { total: 5, passed: 4, score: 80, delay: null },
      accuracy: { total: 5, passed: 4, score: 80, delay: null },
      consistency: { total: 5, passed: 4, score: 80, delay: null },
      timeliness: { total: 5, passed: 4, score: 80, delay: 987600 }, // 2024-04-20 is 11 days 10 h 20 min old
      conformity: { total: 5, passed: 5, score: 100, delay: null },
      overall: { total: 5, passed: null, score: 83, delay: 987600 },
    });
  });
});
