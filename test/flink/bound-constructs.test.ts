/**
 * The constructs the binder now binds (LATERAL sub-queries, OVER in an aggregating query, CREATE TABLE … AS SELECT,
 * CREATE TABLE … LIKE) against real Flink 1.20.1's planner: what `check` accepts Flink plans, and each LIKE clause
 * `check` rejects (FTS4016) Flink rejects too, as it rejects a LATERAL sub-query without FROM (FTS4502).
 */
import { describe, expect, test } from 'vitest';
import { checkSql } from '@flinkts/core';
import { runJob } from '@flinkts/core/testing';
import { FlinkBridgeClient } from '@flinkts/core/flink';

const DDL = [
  "CREATE TABLE orders (order_id BIGINT, user_id BIGINT, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen')",
  "CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'datagen')",
  "CREATE TABLE out1 (order_id BIGINT, name STRING) WITH ('connector' = 'blackhole')",
];

const ACCEPTED: readonly (readonly string[])[] = [
  ['INSERT INTO out1 SELECT o.order_id, u.name FROM orders o, LATERAL (SELECT name FROM users WHERE users.user_id = o.user_id) AS u'],
  ['INSERT INTO out1 SELECT o.order_id, CAST(t.n AS STRING) AS name FROM orders o LEFT JOIN LATERAL (SELECT COUNT(*) AS n FROM users WHERE users.user_id = o.user_id) AS t ON TRUE'],
  // a derived table in a sub-query's FROM reading the enclosing query
  ['INSERT INTO out1 SELECT o.order_id, u.name FROM orders o, LATERAL (SELECT v.name FROM (SELECT * FROM users WHERE users.user_id = o.user_id) v) AS u'],
  ['INSERT INTO out1 SELECT user_id AS order_id, CAST(s AS STRING) AS name FROM (SELECT user_id, SUM(amount) AS s, ROW_NUMBER() OVER (ORDER BY SUM(amount) DESC) AS rn FROM orders GROUP BY user_id) WHERE rn <= 3'],
  ["CREATE TABLE big WITH ('connector' = 'blackhole') AS SELECT order_id, amount * 2 AS doubled FROM orders"],
  ["CREATE TABLE orders2 (note STRING) WITH ('rows-per-second' = '5') LIKE orders", 'INSERT INTO out1 SELECT order_id, note AS name FROM orders2'],
  ["CREATE TABLE orders3 (WATERMARK FOR ts AS ts) LIKE orders (OVERWRITING WATERMARKS)", 'INSERT INTO out1 SELECT order_id, CAST(ts AS STRING) AS name FROM orders3'],
];

/** LIKE clauses check rejects with FTS4016; Flink rejects each. */
const REJECTED: readonly string[] = [
  'CREATE TABLE o2 (t2 TIMESTAMP(3), WATERMARK FOR t2 AS t2) LIKE orders (OVERWRITING WATERMARKS)',
  'CREATE TABLE o2 (amount INT) LIKE orders',
  'CREATE TABLE o2 (t2 TIMESTAMP(3), WATERMARK FOR t2 AS t2) LIKE orders',
  'CREATE TABLE u2 (PRIMARY KEY (name) NOT ENFORCED) LIKE users',
  "CREATE TABLE o2 WITH ('connector' = 'blackhole') LIKE orders (INCLUDING OPTIONS)",
];

describe('constructs the binder binds, on real Flink 1.20.1', () => {
  test('what check accepts, Flink plans; the LIKE clauses check rejects, Flink rejects', () => {
    const client = FlinkBridgeClient.connect();
    const problems: string[] = [];
    for (const statements of ACCEPTED) {
      const sql = [...DDL, ...statements].map((s) => `${s};`).join('\n');
      const errors = checkSql(sql).filter((d) => d.severity === 'error' || d.code === 'FTS4501').map((d) => `${d.code} ${d.message}`);
      if (errors.length > 0) problems.push(`check: ${statements.at(-1)}: ${errors.join('; ')}`);
      const r = client.planSync({ statements: [...DDL, ...statements] });
      if (!r.ok) problems.push(`Flink: ${statements.at(-1)}: ${r.error?.message ?? ''}`);
    }
    for (const statement of REJECTED) {
      const codes = checkSql([...DDL, statement].map((s) => `${s};`).join('\n')).map((d) => d.code);
      if (!codes.includes('FTS4016')) problems.push(`check does not reject: ${statement}`);
      const r = client.planSync({ statements: [...DDL, statement, 'INSERT INTO out1 SELECT 1, \'x\''] });
      if (r.ok) problems.push(`Flink accepts: ${statement}`);
    }
    const lateral = ['INSERT INTO out1 SELECT o.order_id, t.name FROM orders o CROSS JOIN LATERAL (SELECT CAST(o.amount * 2 AS STRING) AS name) AS t'];
    if (!checkSql([...DDL, ...lateral].map((s) => `${s};`).join('\n')).some((d) => d.code === 'FTS4502')) problems.push('check does not reject a LATERAL sub-query without FROM');
    if (client.planSync({ statements: [...DDL, ...lateral] }).ok) problems.push('Flink plans a LATERAL sub-query without FROM');
    expect(problems).toEqual([]);
  }, 600_000);
});

describe('OVER in an aggregating query, run', () => {
  test('a TopN written in one SELECT over GROUP BY (planned from the bound plan) gives the changelog Flink gives', () => {
    const sql = `CREATE TABLE o (order_id BIGINT, user_id BIGINT, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');
      CREATE TABLE top2 (user_id BIGINT, s INT, rn BIGINT, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'values');
      INSERT INTO top2 SELECT * FROM (SELECT user_id, SUM(amount) AS s, ROW_NUMBER() OVER (ORDER BY SUM(amount) DESC) AS rn FROM o GROUP BY user_id) WHERE rn <= 2;`;
    const row = (order_id: number, user_id: number, amount: number, second: number) => ({ order_id, user_id, amount, ts: `2024-01-01 00:00:0${second}` });
    const inputs = { o: [row(1, 1, 5, 0), row(2, 2, 7, 1), row(3, 3, 1, 2), row(4, 3, 10, 3)] };
    const local = runJob(sql, { inputs, engine: 'local' }).changelog('top2');
    expect(local).toEqual(['+I[1, 5, 1]', '+U[2, 7, 1]', '+I[1, 5, 2]', '+U[3, 11, 1]', '+U[2, 7, 2]']);
    expect(runJob(sql, { inputs, engine: 'flink' }).changelog('top2')).toEqual(local);
  }, 600_000);
});
