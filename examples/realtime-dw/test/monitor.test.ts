/**
 * The data-quality monitor of seed 000 on the local runtime: fixtures with known defects and the scores Flink's
 * semantics give for them.
 *
 * ODS and DWD run the job's own INSERTs over its own source tables: the lake tables' full changelogs (Paimon,
 * `changelog-producer = input`), so the fixtures are changelogs — updates (-U / +U), deletes, and an insert
 * replayed for a key already written (what an at-least-once writer leaves in the input changelog). A window TVF
 * aggregation over an updating input takes a -U / -D back out of its window while the window is open and drops it
 * once the window has fired (test/flink/window-over-changelog.test.ts checks this against real Flink 1.20.1).
 *
 * DWS windows on processing time, which the local runtime does not run (FTS7001): its test applies the same
 * declaration to an insert-only fixture with an event-time arrival column, and checks that the INSERTs it runs
 * are the job's with only the source table and the window's time column replaced. `now` is fixed, so freshness
 * (arrival delay against LOCALTIMESTAMP) is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { fn, printStatement, table } from '@flinkts/core';
import type { Statement } from '@flinkts/core';
import { runJob } from '@flinkts/core/testing';
import type { TestEntry } from '@flinkts/core/testing';
import { resolveCapabilities } from '@flinkts/connectors';
import { jobStatements, monitorInserts, monitorSql, quality } from '@flinkts/pipelines';
import type { QualityDeclaration, QualitySpec } from '@flinkts/pipelines';
import realtimeDw from '../flinkts.config.js';
import { SALES_DAILY_COLUMNS } from '../src/lake.js';
import { adsDataQuality } from '../src/olap.js';
import { DWS_SALES_DAILY_QUALITY } from '../src/quality.js';
import { ORDER_COLUMNS } from '../src/sources.js';

const statements = jobStatements(realtimeDw, 'dev', 'rt-dw-monitor');
const set = statements.find((s) => s.kind === 'StatementSet');
const inserts = set?.kind === 'StatementSet' ? set.inserts : [];

const dwsFixture = table('dws_sales_daily_fixture', {
  columns: { ...SALES_DAILY_COLUMNS, arrived_at: ORDER_COLUMNS.created_at },
  computed: (c) => ({ stat_time: fn.toTimestamp(c.stat_date, 'yyyy-MM-dd'), proc_time: fn.proctime() }),
  watermark: { column: 'arrived_at' },
  layer: 'dws',
  temporary: true,
});

// The fixture has no PRIMARY KEY (a key would make it an upsert source), so its key columns are nullable where
// the lake table's are NOT NULL: the same spec, re-typed for that difference only.
const sameSpec = <T>(spec: unknown): QualitySpec<T> => spec as QualitySpec<T>;
// DWS windows on processing time in the job; here on the fixture's event-time arrival column.
const dws = quality(dwsFixture, sameSpec<(typeof dwsFixture)['__columns']>({ ...DWS_SALES_DAILY_QUALITY, window: { time: 'arrived_at', size: '5 min' } }));

/** 2024-05-01 10:20:00 in Asia/Shanghai. */
const NOW = Date.UTC(2024, 4, 1, 2, 20, 0);

function run(fixture: { readonly statement: Statement }, declaration: QualityDeclaration, inputs: Record<string, readonly TestEntry[]>) {
  const insert = monitorSql('realtime-dw', declaration, adsDataQuality.path);
  const script = [printStatement(fixture.statement), printStatement(adsDataQuality.statement), insert].join(';\n');
  return runJob(script, { inputs, now: () => NOW, config: { 'table.local-time-zone': 'Asia/Shanghai' }, capabilities: resolveCapabilities });
}

/** The monitor job itself (its settings, tables and the INSERTs of one table), on changelog fixtures. */
function runMonitor(insert: number, inputs: Record<string, readonly TestEntry[]>) {
  const ddl = statements.filter((s) => s.kind !== 'StatementSet');
  return runJob([...ddl, inserts[insert] as Statement], { inputs, now: () => NOW, config: { 'table.local-time-zone': 'Asia/Shanghai' }, capabilities: resolveCapabilities });
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

  it('the DWS test runs the job\'s INSERTs, with only the source and the window column replaced', () => {
    const job = inserts.map((i) => printStatement(i));
    const local = monitorInserts('realtime-dw', dws, adsDataQuality.path, { split: true })
      .map((i) => printStatement(i).replaceAll('`dws_sales_daily_fixture`', '`dws_sales_daily_quality_source`').replace('DESCRIPTOR(`arrived_at`)', 'DESCRIPTOR(`proc_time`)'));
    // DWS: the job's six INSERTs are the six result rows of the fixture's monitor, on processing time.
    expect(local).toEqual(job.slice(2));
  });

  it('ODS orders (the job, on the lake changelog): a late window, a window with one defect of each kind, updates, a delete and a replayed insert, and a bad window', () => {
    const order = (order_id: number, o: Partial<{ user_id: bigint | null; quantity: number; order_status: string; created_at: string }> = {}) => ({
      order_id: BigInt(order_id), user_id: o.user_id === undefined ? 7n : o.user_id, product_id: 3n, quantity: o.quantity ?? 1, amount: '10.00',
      order_status: o.order_status ?? 'PAID', created_at: o.created_at ?? '2024-05-01 10:12:00.000', updated_at: o.created_at ?? '2024-05-01 10:12:00.000',
    });
    const late = { created_at: '2024-05-01 10:04:00.000' }; // read at 10:20: 16 minutes late
    const bad = { user_id: null, quantity: 0, order_status: 'LOST', created_at: '2024-05-01 10:16:00.000' };
    const r = runMonitor(0, {
      ods_orders_quality_source: [
        order(1, late), order(2, late), order(3, late), order(4, late),
        order(11), order(12, { user_id: null }), order(13, { quantity: 0 }), order(14, { order_status: 'LOST' }), order(15), order(16), order(17),
        order(11), // the same order inserted again: a repeat in the window
        { kind: '-U', row: order(15) }, { kind: '+U', row: order(15, { quantity: 2 }) }, // an update, counted once
        { kind: '-U', row: order(13, { quantity: 0 }) }, { kind: '+U', row: order(13) }, // the bad quantity corrected in time
        { kind: '-D', row: order(17) }, // deleted: not counted
        order(20, bad), order(20, bad), // the watermark passes 10:15: [10:10, 10:15) fires
        { kind: '-U', row: order(1, late) }, { kind: '+U', row: order(1, { ...late, quantity: 0 }) }, // too late for [10:00, 10:05): dropped
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
    // 11, 11 again, 12 (no user), 13 (corrected), 14 (unknown status), 15 (updated), 16: seven rows
    expect(inWindow('10:10')).toEqual({
      completeness: { total: 7, passed: 6, score: 85.71, delay: null },
      accuracy: { total: 7, passed: 7, score: 100, delay: null },
      consistency: { total: 7, passed: 6, score: 85.71, delay: null },
      timeliness: { total: 7, passed: 7, score: 100, delay: 480 },
      conformity: { total: 7, passed: 6, score: 85.71, delay: null },
      overall: { total: 7, passed: null, score: 91.43, delay: 480 },
    });
    expect(inWindow('10:15')).toEqual({
      completeness: { total: 2, passed: 0, score: 0, delay: null },
      accuracy: { total: 2, passed: 0, score: 0, delay: null },
      consistency: { total: 2, passed: 1, score: 50, delay: null },
      timeliness: { total: 2, passed: 2, score: 100, delay: 240 },
      conformity: { total: 2, passed: 0, score: 0, delay: null },
      overall: { total: 2, passed: null, score: 22.5, delay: 240 },
    });
    expect(rows).toHaveLength(18);
  });

  it('DWD order detail (the job, on the lake changelog): rules across columns (paid flag), date format, city length, and status changes', () => {
    const detail = (order_id: number, o: Partial<{ order_date: string | null; city: string; is_paid: boolean; order_status: string; amount: string }> = {}) => ({
      order_id: BigInt(order_id), order_date: o.order_date === undefined ? '2024-05-01' : o.order_date, user_id: 7n, city: o.city ?? 'Hangzhou', product_id: 3n, product_name: 'Pen', category: 'office',
      quantity: 1, amount: o.amount ?? '10.00', order_status: o.order_status ?? 'PAID', is_paid: o.is_paid ?? true, created_at: '2024-05-01 10:12:00.000',
    });
    const r = runMonitor(1, {
      dwd_order_detail_quality_source: [
        detail(1), detail(2, { is_paid: false }), detail(3, { order_status: 'CREATED', is_paid: false }), detail(4, { order_date: '2024/05/01' }),
        detail(5, { city: '' }), detail(6, { order_date: null }), detail(7, { amount: '-1.00' }), detail(8),
        { kind: '-U', row: detail(8) }, { kind: '+U', row: detail(8, { order_status: 'SHIPPED' }) }, // shipped and paid: still right
        { kind: '-U', row: detail(3, { order_status: 'CREATED', is_paid: false }) }, { kind: '+U', row: detail(3, { order_status: 'PAID', is_paid: false }) }, // paid, flag not set
      ],
    });
    expect(scores(r.rows('ads_data_quality'))).toEqual({
      completeness: { total: 8, passed: 7, score: 87.5, delay: null },
      accuracy: { total: 8, passed: 5, score: 62.5, delay: null },
      consistency: { total: 8, passed: 8, score: 100, delay: null },
      timeliness: { total: 8, passed: 8, score: 100, delay: 480 },
      conformity: { total: 8, passed: 6, score: 75, delay: null },
      overall: { total: 8, passed: null, score: 83.13, delay: 480 },
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
