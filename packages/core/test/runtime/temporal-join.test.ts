import { resolveCapabilities } from '@flinkts/connectors';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/testing/index.js';

describe('joins against tables as of a time', () => {
  it('a lookup join (processing time) reads the fixture dimension table; LEFT pads misses with NULL', () => {
    const run = runJob(`
      CREATE TABLE orders (id INT, cur STRING, proc AS PROCTIME()) WITH ('connector' = 'values');
      CREATE TABLE rates (cur STRING, rate INT) WITH ('connector' = 'jdbc');
      CREATE TABLE out_t (id INT, cur STRING, rate INT) WITH ('connector' = 'values');
      INSERT INTO out_t SELECT o.id, o.cur, r.rate FROM orders AS o LEFT JOIN rates FOR SYSTEM_TIME AS OF o.proc AS r ON o.cur = r.cur;
    `, { inputs: { orders: [[1, 'EUR'], [2, 'USD'], [3, 'JPY']], rates: [['EUR', 114], ['USD', 100]] } });
    expect(run.changelog('out_t')).toEqual(['+I[1, EUR, 114]', '+I[2, USD, 100]', '+I[3, JPY, null]']);
  });

  it('an event-time temporal join uses the version valid at the probe row time', () => {
    const run = runJob(`
      CREATE TABLE orders (id INT, cur STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');
      CREATE TABLE rates (cur STRING, rate INT, ts TIMESTAMP(3), PRIMARY KEY (cur) NOT ENFORCED, WATERMARK FOR ts AS ts) WITH ('connector' = 'upsert-kafka');
      CREATE TABLE out_t (id INT, rate INT) WITH ('connector' = 'values');
      INSERT INTO out_t SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur;
    `, {
      inputs: {
        rates: [['EUR', 114, '2024-01-01 09:00:00'], ['EUR', 116, '2024-01-01 10:00:00']],
        orders: [[1, 'EUR', '2024-01-01 09:30:00'], [2, 'EUR', '2024-01-01 10:30:00'], [3, 'EUR', '2024-01-01 08:00:00']],
      },
      capabilities: resolveCapabilities,
    });
    expect([...run.changelog('out_t')].sort()).toEqual(['+I[1, 114]', '+I[2, 116]']);
  });
});
