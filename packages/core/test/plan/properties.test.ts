/**
 * Derived properties on the bound plan: unique keys vs upsert keys (they differ at joins: an upsert key survives only
 * when it contains the join key), window columns, and the time-attribute rules. Changelog modes and upsert keys are
 * also checked against real Flink in test/flink/changelog-modes.test.ts, time attributes in plan-time-attributes.test.ts.
 */
import { describe, expect, test } from 'vitest';
import { parseScript } from '../../src/index.js';
import { bindScript, uniqueKeys, upsertKeys, windowColumns } from '../../src/internal/index.js';
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

  test('a join on window bounds is a window join only on the same window (else Flink plans a regular join)', () => {
    const strategy = (left: string, right: string): string => {
      let n: PlanNode = planOf(`SELECT L.product FROM (SELECT * FROM TABLE(${left.replace('%', 'orders')})) L JOIN (SELECT * FROM TABLE(${right.replace('%', 'orders')})) R ON L.window_start = R.window_start AND L.window_end = R.window_end AND L.user_id = R.user_id`);
      while (n.kind !== 'Join') n = (n as { input: PlanNode }).input;
      return n.strategy;
    };
    const tumble = "TUMBLE(TABLE %, DESCRIPTOR(ts), INTERVAL '2' SECOND)";
    const session = (partition: string, gap = "INTERVAL '1' SECOND") => `SESSION(TABLE %${partition}, DESCRIPTOR(ts), ${gap})`;
    expect(strategy(tumble, tumble)).toBe('window');
    expect(strategy(tumble, "TUMBLE(TABLE %, DESCRIPTOR(ts), INTERVAL '2.0' SECOND)")).toBe('window');
    expect(strategy(tumble, "TUMBLE(TABLE %, DESCRIPTOR(ts), INTERVAL '1' SECOND)")).toBe('regular');
    expect(strategy(tumble, "HOP(TABLE %, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '2' SECOND)")).toBe('regular');
    expect(strategy(tumble, "TUMBLE(TABLE %, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '1' SECOND)")).toBe('regular');
    expect(strategy(session(' PARTITION BY user_id'), session(' PARTITION BY user_id'))).toBe('window');
    expect(strategy(session(' PARTITION BY user_id'), session(''))).toBe('regular');
    expect(strategy(session(''), session('', "INTERVAL '2' SECOND"))).toBe('regular');
  });

  test('a SESSION TVF grouped by other keys than its PARTITION BY is no window aggregation (Flink: the TVF operator, then a GROUP BY)', () => {
    const tvf = (partition: string) => `TABLE(SESSION(TABLE orders${partition}, DESCRIPTOR(ts), INTERVAL '1' SECOND))`;
    const windowed = (q: string) => windowColumns(planOf(q)).size > 0;
    expect(windowed(`SELECT window_start, window_end, COUNT(*) AS c FROM ${tvf('')} GROUP BY window_start, window_end`)).toBe(true);
    expect(windowed(`SELECT user_id, window_start, window_end, COUNT(*) AS c FROM ${tvf(' PARTITION BY user_id')} GROUP BY user_id, window_start, window_end`)).toBe(true);
    expect(windowed(`SELECT user_id, window_start, window_end, COUNT(*) AS c FROM ${tvf('')} GROUP BY user_id, window_start, window_end`)).toBe(false);
    expect(windowed(`SELECT window_start, window_end, COUNT(*) AS c FROM ${tvf(' PARTITION BY user_id')} GROUP BY window_start, window_end`)).toBe(false);
    // over TUMBLE any other key keeps it a window aggregation
    expect(windowed("SELECT user_id, window_start, window_end, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY user_id, window_start, window_end")).toBe(true);
  });

  test('over a window join of SESSION windows the same rule holds, with the left side\'s PARTITION BY (checked on Flink 1.20.1)', () => {
    const side = (partition: string) => `(SELECT * FROM TABLE(SESSION(TABLE orders${partition}, DESCRIPTOR(ts), INTERVAL '1' SECOND)))`;
    const joined = (partition: string, cols: string) => `(SELECT ${cols} FROM ${side(partition)} L JOIN ${side(partition)} R ON L.window_start = R.window_start AND L.window_end = R.window_end)`;
    const windowed = (q: string) => windowColumns(planOf(q)).size > 0;
    const p = ' PARTITION BY user_id';
    expect(windowed(`SELECT ws, we, COUNT(*) AS c FROM ${joined(p, 'L.window_start AS ws, L.window_end AS we, L.user_id AS u')} GROUP BY ws, we, u`)).toBe(true);
    expect(windowed(`SELECT ws, we, COUNT(*) AS c FROM ${joined(p, 'L.window_start AS ws, L.window_end AS we')} GROUP BY ws, we`)).toBe(false);
    expect(windowed(`SELECT ws, we, COUNT(*) AS c FROM ${joined(p, 'L.window_start AS ws, L.window_end AS we, R.user_id AS u')} GROUP BY ws, we, u`)).toBe(false);
    expect(windowed(`SELECT ws, we, COUNT(*) AS c FROM ${joined(p, 'L.window_start AS ws, L.window_end AS we, L.user_id AS u, L.product AS x')} GROUP BY ws, we, u, x`)).toBe(false);
    expect(windowed(`SELECT ws, we, COUNT(*) AS c FROM ${joined('', 'L.window_start AS ws, L.window_end AS we')} GROUP BY ws, we`)).toBe(true);
  });

  test('a regular GROUP BY, DISTINCT and a CAST lose time attributes; PROCTIME() makes one', () => {
    expect(planOf('SELECT ts, COUNT(*) AS c FROM orders GROUP BY ts').columns[0]!.time).toBeUndefined();
    expect(planOf('SELECT DISTINCT ts FROM orders').columns[0]!.time).toBeUndefined();
    expect(planOf('SELECT CAST(ts AS TIMESTAMP(3)) AS t FROM orders').columns[0]!.time).toBeUndefined();
    expect(planOf('SELECT PROCTIME() AS p FROM orders').columns[0]!.time).toBe('proctime');
  });
});
