/**
 * Aggregations Flink's planner removes (FlinkAggregateRemoveRule) and keeps, run on both engines with the same
 * fixtures: the local runtime plans a Calc exactly where the plan says Flink removes the aggregation
 * (plan/properties/aggregate-removal.ts), so the changelogs match — a removed aggregation passes a CDC source's
 * -U / +U through, a kept one emits its own updates. One source per job: the order of the rows is fixed.
 */
import { describe, expect, test } from 'vitest';
import { resolveCapabilities } from '@flinkts/connectors';
import { runJob } from '@flinkts/core/testing';
import type { TestEntry } from '@flinkts/core/testing';

const USERS = `CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED)
  WITH ('connector' = 'kafka', 'topic' = 'u', 'format' = 'debezium-json', 'properties.bootstrap.servers' = 'k:9092');`;
const ORDERS = `CREATE TABLE orders (order_id BIGINT, product STRING, amount INT) WITH ('connector' = 'datagen');`;

const users: TestEntry[] = [
  { user_id: 1n, name: 'a' },
  { user_id: 2n, name: 'b' },
  { kind: '-U', row: { user_id: 1n, name: 'a' } },
  { kind: '+U', row: { user_id: 1n, name: 'c' } },
  { kind: '-D', row: { user_id: 2n, name: 'b' } },
];
const orders: TestEntry[] = [
  { order_id: 1n, product: 'p', amount: 5 },
  { order_id: 2n, product: 'p', amount: 7 },
  { order_id: 3n, product: 'q', amount: 1 },
  { order_id: 4n, product: 'p', amount: 9 },
];

const CASES: [string, string, string, Record<string, TestEntry[]>][] = [
  ['GROUP BY a CDC table\'s key, no aggregate call (removed)', USERS, 'SELECT user_id FROM users GROUP BY user_id', { users }],
  ['SELECT DISTINCT of a CDC table\'s key and columns (removed)', USERS, 'SELECT DISTINCT user_id, name FROM users', { users }],
  ['GROUP BY a CDC table\'s key, MAX only (removed)', USERS, 'SELECT user_id, MAX(name) AS n FROM users GROUP BY user_id', { users }],
  ['GROUP BY the keys of a GROUP BY, SUM only (the outer one removed)', ORDERS, 'SELECT product, SUM(s) AS t FROM (SELECT product, SUM(amount) AS s FROM orders GROUP BY product) GROUP BY product', { orders }],
  ['GROUP BY a TopN\'s partition and row number (kept)', ORDERS, 'SELECT product, rn, MAX(amount) AS m FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY product ORDER BY amount DESC) AS rn FROM orders) WHERE rn <= 2 GROUP BY product, rn', { orders }],
];

describe('aggregations Flink removes, on both engines', () => {
  for (const [name, ddl, query, inputs] of CASES) {
    test(name, () => {
      const sql = `${ddl}\n${query};`;
      const flink = runJob(sql, { capabilities: resolveCapabilities, inputs, engine: 'flink' }).changelog();
      expect(runJob(sql, { capabilities: resolveCapabilities, inputs, engine: 'local' }).changelog()).toEqual(flink);
      expect(flink.length).toBeGreaterThan(0);
    }, 300_000);
  }
});
