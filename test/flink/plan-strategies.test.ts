/**
 * The binder's pattern recognition against real Flink 1.20.1's planner: for each of Flink's streaming test programs
 * (packages/core/test/fixtures/flink-semantics/streaming.jsonl), the operator the bound plan names (deduplication,
 * TopN, interval / regular join, window aggregation, group aggregation) is the one in Flink's optimized physical plan,
 * and the one it rules out is absent; likewise for lookup, temporal and window joins, UNNEST, OVER, window TopN, and
 * the semi / anti joins of IN / NOT IN sub-queries.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseScript } from '@flinkts/core';
import { bindScript, inputsOf, isWindowAggregate } from '@flinkts/core/internal';
import type { PlanRoot } from '@flinkts/core';
import { FlinkBridgeClient } from '@flinkts/core/flink';

interface Program {
  readonly id: string;
  readonly query: string;
  readonly inputs: Readonly<Record<string, { readonly schema: string }>>;
  readonly sink?: { readonly name: string; readonly schema: string };
}

const programs = readFileSync(new URL('../../packages/core/test/fixtures/flink-semantics/streaming.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').map((l) => JSON.parse(l) as Program);

function nodes(n: PlanRoot, out: PlanRoot[] = []): PlanRoot[] {
  out.push(n);
  for (const i of inputsOf(n)) nodes(i, out);
  return out;
}

/** Flink physical operators the bound plan promises (present) and rules out (absent). */
function promises(root: PlanRoot): { present: RegExp[]; absent: RegExp[] } {
  const all = nodes(root);
  const present: RegExp[] = [];
  const absent: RegExp[] = [];
  const has = (k: string): boolean => all.some((n) => n.kind === k);
  for (const n of all) {
    if (n.kind === 'Deduplicate') n.windowed ? present.push(/WindowDeduplicate\(/) : (present.push(/\bDeduplicate\(/), absent.push(/\bRank\(/));
    if (n.kind === 'Rank') n.windowed ? present.push(/WindowRank\(/) : (present.push(/\bRank\(/), absent.push(/\bDeduplicate\(/));
  }
  if (has('Correlate')) present.push(/\bCorrelate\(/);
  if (has('Over')) present.push(/OverAggregate\(/);
  for (const n of all) {
    if (n.kind !== 'Join') continue;
    if (n.strategy === 'interval') present.push(/\bIntervalJoin\(/);
    if (n.strategy === 'lookup') present.push(/\bLookupJoin\(/);
    if (n.strategy === 'temporal') present.push(/\bTemporalJoin\(/);
    if (n.strategy === 'window') present.push(/\bWindowJoin\(/);
    if (n.strategy === 'regular') present.push(/(?<![A-Za-z])Join\(joinType=/), absent.push(/\bIntervalJoin\(/, /\bWindowJoin\(/);
  }
  // a SESSION TVF grouped by other keys than its PARTITION BY is a GROUP BY over the TVF's own operator; grouping
  // sets over a window TVF are a window aggregation per set
  const windowed = all.some((n) => n.kind === 'Aggregate' && (isWindowAggregate(n) || (n.groupingSets.length > 1 && n.input.kind === 'WindowTableFunction')));
  // Two-phase aggregation shows as Local… / Global…WindowAggregate and …GroupAggregate.
  if (windowed) present.push(/WindowAggregate\(/), absent.push(/GroupAggregate\(/);
  else if (has('Aggregate')) present.push(/GroupAggregate\(/), absent.push(/WindowAggregate\(/);
  // IN / NOT IN (SELECT …) in a WHERE: semi / anti joins, as Flink decorrelates them.
  for (const n of all) {
    if (n.kind === 'Join' && n.type === 'SEMI') present.push(/joinType=\[LeftSemiJoin\]/);
    if (n.kind === 'Join' && n.type === 'ANTI') present.push(/joinType=\[LeftAntiJoin\]/);
  }
  return { present, absent };
}

const ORDERS = "orders (order_id BIGINT, user_id BIGINT, currency STRING, amount DECIMAL(10, 2), tags ARRAY<STRING>, ts TIMESTAMP(3), proc AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)";
const tvf = (t: string): string => `(SELECT user_id, window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE ${t}, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY user_id, window_start, window_end)`;
const win = (t: string, fn: string): string => `(SELECT * FROM TABLE(${fn.replace('%', t)}))`;
const SESSION = (partition: string): string => `SESSION(TABLE %${partition}, DESCRIPTOR(ts), INTERVAL '1' MINUTE)`;
/**
 * Constructs the streaming programs do not cover: lookup, temporal and window joins (a regular join on two different
 * windows' bounds), UNNEST, OVER, window TopN, SESSION TVFs grouped by other keys than their PARTITION BY.
 */
const extra: Program[] = [
  { id: 'lookup-join', query: 'SELECT o.order_id, u.name FROM orders o JOIN users FOR SYSTEM_TIME AS OF o.proc AS u ON o.user_id = u.user_id' },
  { id: 'temporal-join', query: 'SELECT o.order_id, o.amount * r.rate FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency' },
  { id: 'window-join', query: `SELECT a.user_id, a.n, b.n FROM ${tvf('orders')} a JOIN ${tvf('orders')} b ON a.user_id = b.user_id AND a.window_start = b.window_start AND a.window_end = b.window_end` },
  { id: 'unnest', query: 'SELECT order_id, tag FROM orders CROSS JOIN UNNEST(tags) AS t(tag)' },
  { id: 'over-aggregate', query: 'SELECT order_id, SUM(amount) OVER (PARTITION BY user_id ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM orders' },
  { id: 'join-on-two-windows', query: `SELECT a.order_id, b.order_id FROM ${win('orders', "TUMBLE(TABLE %, DESCRIPTOR(ts), INTERVAL '1' MINUTE)")} a JOIN ${win('orders', "HOP(TABLE %, DESCRIPTOR(ts), INTERVAL '30' SECOND, INTERVAL '1' MINUTE)")} b ON a.user_id = b.user_id AND a.window_start = b.window_start AND a.window_end = b.window_end` },
  { id: 'join-on-two-sizes', query: `SELECT a.order_id, b.order_id FROM ${win('orders', "TUMBLE(TABLE %, DESCRIPTOR(ts), INTERVAL '1' MINUTE)")} a JOIN ${win('orders', "TUMBLE(TABLE %, DESCRIPTOR(ts), INTERVAL '2' MINUTE)")} b ON a.user_id = b.user_id AND a.window_start = b.window_start AND a.window_end = b.window_end` },
  { id: 'session-window-join', query: `SELECT a.order_id, b.order_id FROM ${win('orders', SESSION(' PARTITION BY user_id'))} a JOIN ${win('orders', SESSION(' PARTITION BY user_id'))} b ON a.user_id = b.user_id AND a.window_start = b.window_start AND a.window_end = b.window_end` },
  { id: 'join-on-sessions-partitioned-apart', query: `SELECT a.order_id, b.order_id FROM ${win('orders', SESSION(' PARTITION BY user_id'))} a JOIN ${win('orders', SESSION(''))} b ON a.user_id = b.user_id AND a.window_start = b.window_start AND a.window_end = b.window_end` },
  { id: 'session-grouped-by-its-partition', query: `SELECT user_id, window_start, window_end, COUNT(*) FROM TABLE(${SESSION(' PARTITION BY user_id').replace('%', 'orders')}) GROUP BY user_id, window_start, window_end` },
  { id: 'session-grouped-by-other-keys', query: `SELECT user_id, window_start, window_end, COUNT(*) FROM TABLE(${SESSION('').replace('%', 'orders')}) GROUP BY user_id, window_start, window_end` },
  { id: 'window-top-n', query: "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY amount DESC) AS rn FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE))) WHERE rn <= 3" },
].map((p) => ({ ...p, inputs: {} }));
const EXTRA_DDL = [
  `CREATE TABLE ${ORDERS} WITH ('connector' = 'datagen')`,
  "CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://127.0.0.1:1/shop', 'table-name' = 'users')",
  "CREATE TABLE rates (currency STRING, rate DECIMAL(10, 4), ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (currency) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'rates', 'properties.bootstrap.servers' = '127.0.0.1:1', 'key.format' = 'json', 'value.format' = 'json')",
];

describe("the binder's patterns are the operators real Flink plans", () => {
  test('every streaming program', () => {
    const client = FlinkBridgeClient.connect();
    const problems: string[] = [];
    for (const p of [...programs, ...extra]) {
      const ddl = extra.includes(p) ? [...EXTRA_DDL] : Object.entries(p.inputs).map(([name, i]) => `CREATE TABLE ${name} (${i.schema}) WITH ('connector' = 'datagen')`);
      if (p.sink !== undefined) ddl.push(`CREATE TABLE ${p.sink.name} (${p.sink.schema}) WITH ('connector' = 'blackhole')`);
      const { script } = parseScript(`${ddl.join(';\n')};\n${p.query};`);
      const bound = bindScript(script.statements);
      const last = bound.statements.at(-1)!;
      const root = last.sinks[0] ?? last.query;
      if (root === undefined) {
        problems.push(`${p.id}: not bound`);
        continue;
      }
      const { present, absent } = promises(root);
      if (present.length === 0) problems.push(`${p.id}: the bound plan promises no operator to compare`);
      const r = client.planSync({ statements: [...ddl, p.query], withPlan: true });
      if (!r.ok) {
        problems.push(`${p.id}: Flink did not plan it: ${r.error?.message ?? ''}`);
        continue;
      }
      const physical = ((r.plans ?? []).join('\n').split('== Optimized Physical Plan ==')[1] ?? '').split('== Optimized Execution Plan ==')[0]!;
      for (const re of present) if (!re.test(physical)) problems.push(`${p.id}: Flink's plan has no ${re.source}`);
      for (const re of absent) if (re.test(physical)) problems.push(`${p.id}: Flink's plan has ${re.source}, which the bound plan rules out`);
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
