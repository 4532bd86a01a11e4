/**
 * The data-quality monitor of seed 000 on the local runtime: the monitor job's own INSERTs over its own source
 * tables, on fixtures with known defects, and the scores Flink's semantics give for them.
 *
 * The sources are the lake tables' full changelogs (Paimon, `changelog-producer = input`), so the fixtures are
 * changelogs — updates (-U / +U), deletes, and an insert replayed for a key already written (what an at-least-once
 * writer leaves in the input changelog).
 *
 * ODS and DWD window on event time: a window TVF aggregation over an updating input takes a -U / -D back out of
 * its window while the window is open and drops it once the window has fired (test/flink/window-over-changelog.test.ts
 * checks this against real Flink 1.20.1).
 *
 * DWS windows on event time too (a day's rows; the day's window fires when a row of a later day arrives).
 * Freshness (delay against LOCALTIMESTAMP) reads the runtime's processing-time clock, which the test moves
 * (`{ processingTime }` entries; it never moves by itself).
 *
 * Every score lies within 0–100: the last test sends a changelog that a processing-time window would have turned
 * into a score of 200 (a correction's -U in a later window than its row) — quality() refuses that window shape
 * (FTS8052) — and checks that on event time the same corrections leave every count within the window's rows.
 */
import { describe, expect, it } from 'vitest';
import { printStatement } from '@flinkts/core';
import type { Statement } from '@flinkts/core';
import { runJob } from '@flinkts/core/testing';
import type { TestEntry } from '@flinkts/core/testing';
import { resolveCapabilities } from '@flinkts/connectors';
import { jobStatements } from '@flinkts/pipelines/internal';
import realtimeDw from '../flinkts.config.js';

const statements = jobStatements(realtimeDw, 'dev', 'rt-dw-monitor');
const set = statements.find((s) => s.kind === 'StatementSet');
const inserts = set?.kind === 'StatementSet' ? set.inserts : [];

/** 2024-05-01 10:20:00 in Asia/Shanghai. */
const NOW = Date.UTC(2024, 4, 1, 2, 20, 0);

/** The monitor job itself (its settings, tables and the INSERTs of one table), on changelog fixtures. */
function runMonitor(insert: number | readonly number[], inputs: Record<string, readonly TestEntry[]>) {
  const ddl = statements.filter((s) => s.kind !== 'StatementSet');
  const picked = (typeof insert === 'number' ? [insert] : insert).map((i) => inserts[i] as Statement);
  return runJob([...ddl, ...picked], { inputs, now: () => NOW, config: { 'table.local-time-zone': 'Asia/Shanghai' }, capabilities: resolveCapabilities });
}

const scores = (rows: readonly Record<string, unknown>[]) =>
  Object.fromEntries(rows.map((r) => [r.dimension as string, { total: r.total_rows, passed: r.passed_rows, score: r.score, delay: r.max_delay_seconds }]));

describe('rt-dw-monitor', () => {
  it('is one statement set scoring ODS orders, DWD order detail and DWS daily sales into ads_data_quality', () => {
    // one INSERT per table (event time, UNION ALL of the six result rows)
    expect(inserts.map((i) => i.target.join('.'))).toEqual(Array.from({ length: 3 }, () => 'ads_data_quality'));
    const text = statements.map((s) => printStatement(s)).join('\n');
    for (const dimension of ['completeness', 'accuracy', 'consistency', 'timeliness', 'conformity', 'overall']) {
      for (const t of ['ods_orders', 'dwd_order_detail', 'dws_sales_daily']) expect(text).toContain(`'${t}' AS \`table_name\``);
      expect(text.split(`'${dimension}' AS \`dimension\``).length - 1).toBe(3);
    }
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

  it('DWS daily sales (the job, on event time): a replayed key, buyers above orders, a stale day, an empty category, corrections; a day is scored when the next begins', () => {
    const day = (stat_date: string, category: string, o: Partial<{ order_count: bigint; buyer_count: bigint; paid_amount: string | null }> = {}) => ({
      stat_date, category, order_count: o.order_count ?? 3n, buyer_count: o.buyer_count ?? 2n, paid_amount: o.paid_amount === undefined ? '15.50' : o.paid_amount,
    });
    const r = runMonitor(2, {
      dws_sales_daily_quality_source: [
        day('2024-04-28', 'toys'), // read on 2024-05-01 at 10:20: 3 days 10 h 20 min after its day began
        // 2024-05-01 (the watermark reaches it: the day of 2024-04-28 is scored)
        day('2024-05-01', 'office'), day('2024-05-01', 'office'), // the same key written again: a repeat
        day('2024-05-01', 'food', { buyer_count: 4n }), // more buyers than orders
        day('2024-05-01', '', { paid_amount: null }), // no paid amount, an empty category
        day('2024-05-01', 'books', { paid_amount: '-3.00' }),
        { kind: '-U', row: day('2024-05-01', 'books', { paid_amount: '-3.00' }) }, { kind: '+U', row: day('2024-05-01', 'books') }, // corrected
        { kind: '-U', row: day('2024-05-01', 'office') }, { kind: '+U', row: day('2024-05-01', 'office', { order_count: 4n }) }, // the day goes on
        { processingTime: '2024-05-02 00:01:00' },
        day('2024-05-02', 'office'), // the next day: 2024-05-01 is scored; 2024-05-02 when the input ends (its last watermark)
      ],
    });
    const rows = r.rows('ads_data_quality');
    expect(rows.every((x) => x.pipeline === 'realtime-dw' && x.table_name === 'dws_sales_daily' && x.layer === 'dws')).toBe(true);
    const onDay = (date: string) => scores(rows.filter((x) => x.window_start === `${date} 00:00:00.000`));
    expect(onDay('2024-04-28')).toEqual({
      completeness: { total: 1, passed: 1, score: 100, delay: null },
      accuracy: { total: 1, passed: 1, score: 100, delay: null },
      consistency: { total: 1, passed: 1, score: 100, delay: null },
      timeliness: { total: 1, passed: 0, score: 0, delay: 296400 },
      conformity: { total: 1, passed: 1, score: 100, delay: null },
      overall: { total: 1, passed: null, score: 85, delay: 296400 },
    });
    // office (updated: its old version taken out), office again, food, '', books (corrected): five rows
    expect(onDay('2024-05-01')).toEqual({
      completeness: { total: 5, passed: 4, score: 80, delay: null },
      accuracy: { total: 5, passed: 3, score: 60, delay: null }, // buyers above orders; a NULL paid amount is no pass
      consistency: { total: 5, passed: 4, score: 80, delay: null },
      timeliness: { total: 5, passed: 5, score: 100, delay: 37200 }, // read at 10:20
      conformity: { total: 5, passed: 4, score: 80, delay: null },
      overall: { total: 5, passed: null, score: 78, delay: 37200 },
    });
    expect(onDay('2024-05-02')).toEqual({
      completeness: { total: 1, passed: 1, score: 100, delay: null },
      accuracy: { total: 1, passed: 1, score: 100, delay: null },
      consistency: { total: 1, passed: 1, score: 100, delay: null },
      timeliness: { total: 1, passed: 1, score: 100, delay: 60 },
      conformity: { total: 1, passed: 1, score: 100, delay: null },
      overall: { total: 1, passed: null, score: 100, delay: 60 },
    });
    expect(rows).toHaveLength(18);
  });

  it('every score stays within 0–100 on a changelog: corrections leave the window that counted their row; timeliness capped where a row went stale before its -U', () => {
    const order = (order_id: number, o: Partial<{ quantity: number; created_at: string }> = {}) => ({
      order_id: BigInt(order_id), user_id: 7n, product_id: 3n, quantity: o.quantity ?? 1, amount: '10.00',
      order_status: 'PAID', created_at: o.created_at ?? '2024-05-01 10:12:00.000', updated_at: o.created_at ?? '2024-05-01 10:12:00.000',
    });
    const r = runMonitor(0, {
      ods_orders_quality_source: [
        order(1, { quantity: 0 }), order(2), order(3), // fresh at 10:20 (8 minutes)
        { processingTime: '2024-05-01 10:40:00' }, // the monitor falls behind: 28 minutes
        { kind: '-U', row: order(1, { quantity: 0 }) }, { kind: '+U', row: order(1) }, // corrected; the -U is read stale
        { kind: '-D', row: order(2) }, // deleted, read stale
        order(4, { created_at: '2024-05-01 10:16:00.000' }), // closes [10:10, 10:15)
      ],
    });
    const rows = r.rows('ads_data_quality');
    const window = scores(rows.filter((x) => x.window_start === '2024-05-01 10:10:00.000'));
    // rows 1 (corrected) and 3 remain: accuracy counts the correction. Timeliness summed 3 fresh arrivals and the
    // stale -U / -D took nothing out: capped at the window's 2 rows (without the cap: 3 of 2, a score of 150).
    // The largest delay is the fresh arrivals' (MAX over a changelog retracts values, as Flink's MAX does).
    expect(window).toEqual({
      completeness: { total: 2, passed: 2, score: 100, delay: null },
      accuracy: { total: 2, passed: 2, score: 100, delay: null },
      consistency: { total: 2, passed: 2, score: 100, delay: null },
      timeliness: { total: 2, passed: 2, score: 100, delay: 480 },
      conformity: { total: 2, passed: 2, score: 100, delay: null },
      overall: { total: 2, passed: null, score: 100, delay: 480 },
    });
    for (const row of rows) expect({ row, inRange: (row.score as number) >= 0 && (row.score as number) <= 100 && (row.passed_rows === null || (row.passed_rows as number) <= (row.total_rows as number)) }).toEqual({ row, inRange: true });
  });
});
