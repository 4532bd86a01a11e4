/**
 * Derived properties on the bound plan: unique keys vs upsert keys (they differ at joins: an upsert key survives only
 * when it contains the join key), window columns, and the time-attribute rules. Changelog modes and upsert keys are
 * also checked against real Flink in test/flink/changelog-modes.test.ts, time attributes in plan-time-attributes.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { bindScript, parseScript, uniqueKeys, upsertKeys, windowColumns } from '../../src/index.js';
import type { PlanNode } from '../../src/index.js';

const DDL = `
CREATE TABLE orders (order_id BIGINT, user_id BIGINT, product STRING, amount DOUBLE, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');
CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'datagen');
`;

function planOf(query: string): PlanNode {
  const bound = bindScript(parseScript(`${DDL}${query};`).script.statements);
  expect(bound.diagnostics).toEqual([]);
  return bound.statements.at(-1)!.query!;
}

const named = (plan: PlanNode, keys: readonly (readonly number[])[]): string[] => keys.map((k) => k.map((p) => plan.columns[p]!.name).join('+'));

describe('derived keys', () => {
  test('a table PRIMARY KEY is a key; a projection keeps the keys it copies', () => {
    const plan = planOf('SELECT name, user_id AS id FROM users');
    expect(named(plan, uniqueKeys(plan))).toEqual(['id']);
    expect(uniqueKeys(planOf('SELECT name FROM users'))).toEqual([]);
  });

  test('GROUP BY keys the result by its grouping; grouping sets give no key', () => {
    const plan = planOf('SELECT product, user_id, COUNT(*) AS c FROM orders GROUP BY user_id, product');
    expect(named(plan, upsertKeys(plan))).toEqual(['product+user_id']);
    expect(uniqueKeys(planOf('SELECT product, COUNT(*) AS c FROM orders GROUP BY ROLLUP (product)'))).toEqual([]);
  });

  test('a join on a column outside a side’s key: unique keys of the result, not upsert keys', () => {
    // The left side is unique on the join key, so each right row matches once: the right key stays unique.
    const plan = planOf('SELECT x.product, u.user_id, u.name FROM (SELECT product, COUNT(*) AS c FROM orders GROUP BY product) x JOIN users u ON x.product = u.name');
    expect(named(plan, uniqueKeys(plan))).toEqual(['product+user_id', 'user_id']);
    expect(upsertKeys(plan)).toEqual([]);
  });

  test('a join on both sides’ keys keeps each side’s key', () => {
    const plan = planOf('SELECT x.user_id, u.user_id AS uid, x.c FROM (SELECT user_id, COUNT(*) AS c FROM orders GROUP BY user_id) x JOIN users u ON x.user_id = u.user_id');
    expect(named(plan, upsertKeys(plan))).toEqual(['user_id', 'uid', 'user_id+uid']);
  });
});

describe('window columns and time attributes', () => {
  test('window_start / window_end are followed through renaming; a window aggregation keeps window_time a time attribute', () => {
    const plan = planOf("SELECT window_start AS s, window_end AS e, window_time AS t, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, window_time");
    expect([...windowColumns(plan)]).toEqual([[0, 'start'], [1, 'end']]);
    expect(plan.columns.map((c) => c.time ?? '-')).toEqual(['-', '-', 'rowtime', '-']);
  });

  test('a regular GROUP BY, DISTINCT and a CAST lose time attributes; PROCTIME() makes one', () => {
    expect(planOf('SELECT ts, COUNT(*) AS c FROM orders GROUP BY ts').columns[0]!.time).toBeUndefined();
    expect(planOf('SELECT DISTINCT ts FROM orders').columns[0]!.time).toBeUndefined();
    expect(planOf('SELECT CAST(ts AS TIMESTAMP(3)) AS t FROM orders').columns[0]!.time).toBeUndefined();
    expect(planOf('SELECT PROCTIME() AS p FROM orders').columns[0]!.time).toBe('proctime');
  });
});
