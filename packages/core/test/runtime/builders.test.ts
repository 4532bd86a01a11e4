import { describe, expect, it } from 'vitest';
import { from, insertInto } from '../../src/builder/index.js';
import { table } from '../../src/table/index.js';
import { t } from '../../src/types/index.js';
import { rowsOf, runJob } from '../../src/testing/index.js';

const orders = table('orders', { columns: { id: t.bigint(), status: t.string(), amount: t.decimal(10, 2) } });
const paid = table('paid_orders', { columns: { id: t.bigint(), amount: t.decimal(10, 2) } });
const job = [
  orders,
  paid,
  insertInto(paid, from(orders, 'o').where(({ o }) => o.status.eq('PAID')).select(({ o }) => ({ id: o.id, amount: o.amount }))),
];

describe('TypeScript-built jobs run the same way as SQL text', () => {
  it('typed fixtures in, Flink-printed changelog and plain rows out', () => {
    const run = runJob(job, {
      inputs: rowsOf(orders, [
        { id: 1n, status: 'PAID', amount: '12.50' },
        { id: 2n, status: 'NEW', amount: '3.00' },
        { id: 3n, status: 'PAID', amount: '0.10' },
      ]),
    });
    expect(run.changelog('paid_orders')).toEqual(['+I[1, 12.50]', '+I[3, 0.10]']);
    expect(run.rows('paid_orders')).toEqual([{ id: 1, amount: '12.50' }, { id: 3, amount: '0.10' }]);
  });

  it('the same job as SQL text gives the same changelog', () => {
    const sql = `
      CREATE TABLE orders (id BIGINT, status STRING, amount DECIMAL(10, 2));
      CREATE TABLE paid_orders (id BIGINT, amount DECIMAL(10, 2));
      INSERT INTO paid_orders SELECT id, amount FROM orders WHERE status = 'PAID';`;
    const run = runJob(sql, { inputs: { orders: [[1, 'PAID', '12.50'], [2, 'NEW', '3.00'], [3, 'PAID', '0.10']] } });
    expect(run.changelog('paid_orders')).toEqual(['+I[1, 12.50]', '+I[3, 0.10]']);
  });
});
