/**
 * Unit tests of the warehouse's transformations on the local runtime (Flink's semantics, no cluster): each job
 * runs exactly as the pipeline compiles it for an environment, with CDC changelogs as inputs.
 */
import { describe, expect, it } from 'vitest';
import { printStatements } from '@flinkts/core';
import { runJob } from '@flinkts/core/testing';
import type { Engine, TestEntry } from '@flinkts/core/testing';
import { resolveCapabilities } from '@flinkts/connectors';
import { jobStatements } from '@flinkts/pipelines/internal';
import realtimeDw from '../flinkts.config.js';

// Source changelog modes come from the connectors' capabilities: the Paimon tables (changelog-producer 'input')
// deliver full changelogs to the jobs reading them.
// `engine` is left to FLINKTS_ENGINE unless a test pins one.
const run = (job: string, inputs: Record<string, readonly TestEntry[]>, engine?: Engine) =>
  runJob(jobStatements(realtimeDw, 'dev', job), { inputs, config: { 'table.local-time-zone': 'Asia/Shanghai' }, capabilities: resolveCapabilities, ...(engine ? { engine } : {}) });

const order = (order_id: number, o: Partial<{ user_id: number; product_id: number; quantity: number; amount: string; order_status: string; created_at: string }> = {}) => ({
  order_id: BigInt(order_id),
  user_id: BigInt(o.user_id ?? 7),
  product_id: BigInt(o.product_id ?? 3),
  quantity: o.quantity ?? 1,
  amount: o.amount ?? '10.00',
  order_status: o.order_status ?? 'PAID',
  created_at: o.created_at ?? '2024-05-01 10:00:00.000',
  updated_at: o.created_at ?? '2024-05-01 10:00:00.000',
});

describe('rt-dw-cdc-ingestion', () => {
  it('lands inserts, updates and deletes of the MySQL change streams in the ODS tables', () => {
    const r = run('rt-dw-cdc-ingestion', {
      mysql_orders: [
        order(1, { order_status: 'CREATED' }),
        order(2),
        { kind: '-U', row: order(1, { order_status: 'CREATED' }) },
        { kind: '+U', row: order(1, { order_status: 'PAID' }) },
        { kind: '-D', row: order(2) },
      ],
      mysql_users: [{ user_id: 7n, user_name: 'Li', city: 'Hangzhou', register_time: '2023-01-02 03:04:05.000' }],
      mysql_products: [],
    });
    expect(r.rows('ods_orders').map((o) => [o.order_id, o.order_status])).toEqual([[1, 'PAID']]);
    expect(r.rows('ods_users')).toEqual([{ user_id: 7, user_name: 'Li', city: 'Hangzhou', register_time: '2023-01-02 03:04:05.000' }]);
    expect(r.rows('ods_products')).toEqual([]);
  });
});

describe('rt-dw-ods-processing', () => {
  it('trims names, fills empty cities and categories with unknown, lower-cases categories, keeps the registration date', () => {
    const r = run('rt-dw-ods-processing', {
      ods_users: [
        { user_id: 1n, user_name: '  Wang  ', city: ' ', register_time: '2023-01-02 23:59:59.000' },
        { user_id: 2n, user_name: 'Zhao', city: 'Shanghai', register_time: '2023-02-03 00:00:00.000' },
      ],
      ods_products: [
        { product_id: 3n, product_name: ' Pen ', category: ' Office ', price: '9.95' },
        { product_id: 4n, product_name: 'Mystery', category: null, price: '1.00' },
      ],
    });
    expect(r.rows('dim_users')).toEqual([
      { user_id: 1, user_name: 'Wang', city: 'unknown', register_date: '2023-01-02' },
      { user_id: 2, user_name: 'Zhao', city: 'Shanghai', register_date: '2023-02-03' },
    ]);
    expect(r.rows('dim_products')).toEqual([
      { product_id: 3, product_name: 'Pen', category: 'office', price: '9.95' },
      { product_id: 4, product_name: 'Mystery', category: 'unknown', price: '1.00' },
    ]);
  });
});

describe('rt-dw-dwd-transform', () => {
  const dims = {
    dim_products: [{ product_id: 3n, product_name: 'Pen', category: 'office', price: '9.95' }],
    dim_users: [{ user_id: 7n, user_name: 'Li', city: 'Hangzhou', register_date: '2023-01-02' }],
  };

  it('widens each order with its product and user, with the order date and the paid flag', () => {
    const r = run('rt-dw-dwd-transform', { ...dims, ods_orders: [order(1), order(2, { order_status: 'CANCELLED', user_id: 99 })] });
    // three sources: on real Flink their interleaving, and so the order rows reach the sink, is not fixed
    expect([...r.rows('dwd_order_detail')].sort((a, b) => Number(a.order_id) - Number(b.order_id))).toEqual([
      { order_id: 1, order_date: '2024-05-01', user_id: 7, city: 'Hangzhou', product_id: 3, product_name: 'Pen', category: 'office', quantity: 1, amount: '10.00', order_status: 'PAID', is_paid: true, created_at: '2024-05-01 10:00:00.000' },
      { order_id: 2, order_date: '2024-05-01', user_id: 99, city: 'unknown', product_id: 3, product_name: 'Pen', category: 'office', quantity: 1, amount: '10.00', order_status: 'CANCELLED', is_paid: false, created_at: '2024-05-01 10:00:00.000' },
    ]);
  });

  it('a dimension that arrives after the order corrects the detail row (left join retraction)', () => {
    // Arrival order across sources: the local engine feeds the tables in the order of the inputs' keys (the order
    // first, then its product); on real Flink the sources interleave in no fixed order, so this test pins 'local'.
    const r = run('rt-dw-dwd-transform', { ods_orders: [order(1)], dim_products: dims.dim_products, dim_users: [] }, 'local');
    expect(r.changelog('dwd_order_detail').map((c) => c.slice(0, 2) + c.split(', ')[5])).toEqual(['+Inull', '-Dnull', '+IPen']);
    expect(r.rows('dwd_order_detail').map((o) => o.product_name)).toEqual(['Pen']);
  });
});

describe('rt-dw-dws-aggregate', () => {
  const detail = (order_id: number, o: { category?: string; user_id?: number; amount?: string; is_paid?: boolean; order_date?: string | null } = {}) => ({
    order_id: BigInt(order_id), order_date: o.order_date === undefined ? '2024-05-01' : o.order_date, user_id: BigInt(o.user_id ?? 7), city: 'Hangzhou', product_id: 3n, product_name: 'Pen',
    category: o.category ?? 'office', quantity: 1, amount: o.amount ?? '10.00', order_status: o.is_paid === false ? 'CREATED' : 'PAID', is_paid: o.is_paid ?? true, created_at: '2024-05-01 10:00:00.000',
  });

  it('counts orders and distinct buyers and sums paid amounts per day and category', () => {
    const r = run('rt-dw-dws-aggregate', {
      dwd_order_detail: [detail(1), detail(2, { user_id: 8, amount: '5.50' }), detail(3, { amount: '99.00', is_paid: false }), detail(4, { category: 'food', order_date: null })],
      dws_sales_daily: [],
    });
    expect(r.rows('dws_sales_daily')).toEqual([
      { stat_date: '2024-05-01', category: 'office', order_count: 3, buyer_count: 2, paid_amount: '15.50' },
      { stat_date: 'unknown', category: 'food', order_count: 1, buyer_count: 1, paid_amount: '10.00' },
    ]);
  });

  it('an order that becomes paid moves its amount into paid_amount (retraction through the aggregation)', () => {
    const r = run('rt-dw-dws-aggregate', {
      dwd_order_detail: [detail(1, { is_paid: false }), { kind: '-U', row: detail(1, { is_paid: false }) }, { kind: '+U', row: detail(1) }],
      dws_sales_daily: [],
    });
    // The -U empties the group, so Flink deletes its row; the +U then starts the group again.
    expect(r.changelog('dws_sales_daily')).toEqual(['+I[2024-05-01, office, 1, 1, 0.00]', '-D[2024-05-01, office, 1, 1, 0.00]', '+I[2024-05-01, office, 1, 1, 10.00]']);
    expect(r.rows('dws_sales_daily')).toEqual([{ stat_date: '2024-05-01', category: 'office', order_count: 1, buyer_count: 1, paid_amount: '10.00' }]);
  });

  it('publishes the DWS rows to StarRocks unchanged', () => {
    const row = { stat_date: '2024-05-01', category: 'office', order_count: 3n, buyer_count: 2n, paid_amount: '15.50' };
    const r = run('rt-dw-dws-aggregate', { dwd_order_detail: [], dws_sales_daily: [row] });
    expect(r.rows('ads_sales_daily')).toEqual([{ ...row, order_count: 3, buyer_count: 2 }]);
  });
});
