import { describe, expect, test } from 'vitest';
import { parseScript } from '../../src/index.js';
import { bindScript } from '../../src/internal/index.js';
import type { PlanNode, PlanRoot } from '../../src/index.js';
import { printExpression } from '../../src/index.js';
import { inputsOf } from '../../src/internal/index.js';

const DDL = `
CREATE TABLE orders (
  order_id BIGINT, user_id BIGINT, amount DECIMAL(10, 2), tags ARRAY<STRING>, ts TIMESTAMP(3),
  proc AS PROCTIME(), kafka_ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');
CREATE TABLE shipments (ship_id BIGINT, order_id BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');
CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db:3306/shop', 'table-name' = 'users');
CREATE TABLE out1 (a BIGINT, b STRING) WITH ('connector' = 'blackhole');
`;

function sinkPlan(sql: string): { plan: PlanNode; diagnostics: string[] } {
  const { script, diagnostics: parse } = parseScript(DDL + sql);
  expect(parse).toEqual([]);
  const bound = bindScript(script.statements);
  const sink = bound.statements.flatMap((s) => s.sinks)[0];
  return { plan: sink!.input, diagnostics: bound.diagnostics.map((d) => `${d.code} ${d.message}`) };
}

/** The node kinds of a plan, depth first, with join strategies. */
function shape(n: PlanRoot): string {
  const label = n.kind === 'Join' ? `Join:${n.strategy}` : n.kind === 'Scan' ? `Scan:${n.table.path[2]}` : n.kind;
  const inputs = inputsOf(n);
  return inputs.length === 0 ? label : `${label}(${inputs.map(shape).join(', ')})`;
}

describe('binder: one plan per statement', () => {
  test('SELECT * is expanded to the table columns, computed and metadata columns included', () => {
    const { plan, diagnostics } = sinkPlan(`INSERT INTO out1 SELECT order_id, name FROM orders o JOIN users u ON o.user_id = u.user_id;`);
    expect(diagnostics).toEqual([]);
    expect(shape(plan)).toBe('Project(Join:regular(Scan:orders, Scan:users))');
    const star = bindScript(parseScript(DDL + 'SELECT * FROM orders;').script.statements).statements.at(-1)!.query!;
    expect(star.columns.map((c) => c.name)).toEqual(['order_id', 'user_id', 'amount', 'tags', 'ts', 'proc', 'kafka_ts']);
    expect(star.columns.map((c) => c.time ?? '-')).toEqual(['-', '-', '-', '-', 'rowtime', 'proctime', '-']);
  });

  test('names resolve case-sensitively and once: an unknown column is FTS4001 with a hint, never a throw', () => {
    const { diagnostics } = sinkPlan(`INSERT INTO out1 SELECT ORDER_ID, 'x' FROM orders;`);
    expect(diagnostics).toEqual(["FTS4001 Column 'ORDER_ID' not found in any table of the FROM clause"]);
  });

  test('lookup, temporal and interval joins are recognised on the plan', () => {
    expect(shape(sinkPlan(`INSERT INTO out1 SELECT o.order_id, u.name FROM orders o JOIN users FOR SYSTEM_TIME AS OF o.proc AS u ON o.user_id = u.user_id;`).plan)).toBe('Project(Join:lookup(Scan:orders, Scan:users))');
    expect(shape(sinkPlan(`INSERT INTO out1 SELECT o.order_id, u.name FROM orders o JOIN users FOR SYSTEM_TIME AS OF o.ts AS u ON o.user_id = u.user_id;`).plan)).toBe('Project(Join:temporal(Scan:orders, Scan:users))');
    expect(shape(sinkPlan(`INSERT INTO out1 SELECT o.order_id, 'x' FROM orders o, shipments s WHERE o.order_id = s.order_id;`).plan)).toBe('Project(Filter(Join:regular(Scan:orders, Scan:shipments)))')
    expect(shape(sinkPlan(`INSERT INTO out1 SELECT o.order_id, 'x' FROM orders o, shipments s WHERE o.order_id = s.order_id AND o.ts >= s.ts AND o.ts < s.ts + INTERVAL '1' HOUR;`).plan)).toBe('Project(Join:interval(Scan:orders, Scan:shipments))');
    expect(shape(sinkPlan(`INSERT INTO out1 SELECT o.order_id, 'x' FROM orders o JOIN shipments s ON o.order_id = s.order_id AND o.ts BETWEEN s.ts - INTERVAL '1' HOUR AND s.ts;`).plan)).toBe('Project(Join:interval(Scan:orders, Scan:shipments))');
  });

  test('IN / NOT IN over an uncorrelated sub-query are semi / anti joins; the other conjuncts stay a filter below', () => {
    const semi = sinkPlan(`INSERT INTO out1 SELECT order_id, 'x' FROM orders WHERE amount > 1 AND user_id IN (SELECT user_id FROM users);`);
    expect(semi.diagnostics).toEqual([]);
    expect(shape(semi.plan)).toBe('Project(Join:regular(Filter(Scan:orders), Project(Scan:users)))');
    const join = inputsOf(semi.plan)[0]!;
    if (join.kind !== 'Join') throw new Error('not a join');
    expect([join.type, join.equiKeys, join.columns.map((c) => c.name)]).toEqual(['SEMI', [[1, 7]], ['order_id', 'user_id', 'amount', 'tags', 'ts', 'proc', 'kafka_ts']]);
    const anti = inputsOf(sinkPlan(`INSERT INTO out1 SELECT order_id, 'x' FROM orders WHERE user_id NOT IN (SELECT user_id FROM users);`).plan)[0]!;
    if (anti.kind !== 'Join') throw new Error('not a join');
    expect([anti.type, anti.equiKeys.length]).toEqual(['ANTI', 0]);
    expect(printExpression(anti.condition!.ast)).toBe('`user_id` = `user_id` OR `user_id` IS NULL OR `user_id` IS NULL');
    // A correlated sub-query stays a filter over a bound sub-query.
    expect(shape(sinkPlan(`INSERT INTO out1 SELECT order_id, 'x' FROM orders o WHERE user_id IN (SELECT user_id FROM users u WHERE u.user_id = o.order_id);`).plan)).toBe('Project(Filter(Scan:orders))');
  });

  test('a join of two window TVF results on window_start and window_end is a window join', () => {
    const w = (t: string): string => `(SELECT order_id, window_start, window_end FROM TABLE(TUMBLE(TABLE ${t}, DESCRIPTOR(ts), INTERVAL '1' MINUTE)))`;
    const { plan, diagnostics } = sinkPlan(`INSERT INTO out1 SELECT a.order_id, 'x' FROM ${w('orders')} a JOIN ${w('shipments')} b ON a.order_id = b.order_id AND a.window_start = b.window_start AND a.window_end = b.window_end;`);
    expect(diagnostics).toEqual([]);
    expect(shape(plan)).toBe('Project(Join:window(Project(WindowTableFunction(Scan:orders)), Project(WindowTableFunction(Scan:shipments))))');
  });

  test('ROW_NUMBER patterns: deduplication on a time attribute, TopN otherwise', () => {
    const dedup = sinkPlan(`INSERT INTO out1 SELECT order_id, 'x' FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proc) AS rn FROM orders) WHERE rn = 1;`);
    expect(dedup.diagnostics).toEqual([]);
    expect(shape(dedup.plan)).toBe('Project(Project(Deduplicate(Scan:orders)))');
    const topn = sinkPlan(`INSERT INTO out1 SELECT order_id, 'x' FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY amount DESC) AS rn FROM orders) WHERE rn <= 3 AND amount > 0;`);
    expect(shape(topn.plan)).toBe('Project(Filter(Project(Rank(Scan:orders))))');
    const rank = (topn.plan as { input: { input: { input: PlanNode } } }).input.input.input;
    expect(rank.kind === 'Rank' && rank.range).toEqual({ start: 1, end: 3 });
  });

  test('window TVFs, grouping sets, UNNEST, LATERAL TABLE, set operations, ORDER BY / LIMIT, views and CTEs', () => {
    const cases: [string, string][] = [
      [`INSERT INTO out1 SELECT COUNT(*), CAST(window_start AS STRING) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;`, 'Project(Aggregate(WindowTableFunction(Scan:orders)))'],
      [`INSERT INTO out1 SELECT SUM(user_id), name FROM users GROUP BY GROUPING SETS ((name), ());`, 'Project(Aggregate(Scan:users))'],
      [`INSERT INTO out1 SELECT order_id, tag FROM orders CROSS JOIN UNNEST(tags) AS t(tag);`, 'Project(Correlate(Scan:orders))'],
      [`CREATE FUNCTION split AS 'x.Split'; INSERT INTO out1 SELECT order_id, w FROM orders, LATERAL TABLE(split(CAST(amount AS STRING))) AS t(w);`, 'Project(Correlate(Scan:orders))'],
      [`INSERT INTO out1 SELECT order_id, 'a' FROM orders UNION ALL SELECT user_id, name FROM users;`, 'SetOp(Project(Scan:orders), Project(Scan:users))'],
      [`INSERT INTO out1 SELECT order_id, 'a' FROM orders ORDER BY ts LIMIT 3;`, 'Project(Sort(Scan:orders))'],
      [`CREATE VIEW v AS SELECT user_id AS uid, name FROM users; INSERT INTO out1 WITH c AS (SELECT * FROM v) SELECT uid, name FROM c;`, 'Project(Project(Project(Scan:users)))'],
      [`INSERT INTO out1 VALUES (1, 'a'), (2, 'b');`, 'Values'],
    ];
    for (const [sql, expected] of cases) {
      const { plan, diagnostics } = sinkPlan(sql);
      expect(diagnostics, sql).toEqual([]);
      expect(shape(plan), sql).toBe(expected);
    }
    const sets = sinkPlan(`INSERT INTO out1 SELECT SUM(user_id), name FROM users GROUP BY ROLLUP (name, user_id);`).plan;
    const agg = (sets as { input: PlanNode }).input;
    expect(agg.kind === 'Aggregate' && agg.groupingSets).toEqual([[0, 1], [0], []]);
  });

  test('a construct the binder does not build yet is a registered diagnostic (a warning: it may be valid Flink SQL)', () => {
    // a user table function whose row type flinkts is not told, without column aliases
    const { script } = parseScript(DDL + `CREATE FUNCTION split_words AS 'com.example.SplitWords'; INSERT INTO out1 SELECT o.order_id, CAST(o.order_id AS STRING) FROM orders o, LATERAL TABLE(split_words(CAST(o.order_id AS STRING)));`);
    const bound = bindScript(script.statements);
    expect(bound.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual(['warning FTS4501']);
  });

  test('an INSERT column list leaving out a NOT NULL column is FTS4108, the code the builder and the runtime give it too', () => {
    const { script } = parseScript(DDL + `CREATE TABLE o2 (a BIGINT, b STRING NOT NULL) WITH ('connector' = 'blackhole'); INSERT INTO o2 (a) SELECT order_id FROM orders;`);
    expect(bindScript(script.statements).diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(["FTS4108 Column 'b' of 'o2' has no default value and does not allow NULLs: the column list leaves it out"]);
  });
});
