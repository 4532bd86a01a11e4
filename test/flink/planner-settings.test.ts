/**
 * Planning errors `check` and the local runtime took over from the runtime's FTS7002 (issue 13), against real Flink
 * 1.20.1's planner: mini-batch without a latency (FTS4537, a query reading a watermark or with a mini-batch operator) or a size (FTS4538, where Flink
 * plans a mini-batch operator), DESCRIPTOR outside a table function (FTS4427), a named argument of a built-in
 * (FTS4428). Flink refuses each statement check refuses, with the message check repeats, and plans the ones it
 * accepts.
 */
import { describe, expect, test } from 'vitest';
import { checkSql } from '@flinkts/core';
import type { UserFunctionTypes } from '@flinkts/core';
import { FlinkBridgeClient } from '@flinkts/core/flink';

const S = "CREATE TABLE s (a STRING, i INT, pt AS PROCTIME()) WITH ('connector' = 'datagen')";
const W = "CREATE TABLE w (a STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen')";
const O = "CREATE TABLE o (a STRING, c BIGINT) WITH ('connector' = 'blackhole')";
const ON = { 'table.exec.mini-batch.enabled': 'true' };
const LATENCY = { ...ON, 'table.exec.mini-batch.allow-latency': '1 s' };
const GROUP = 'INSERT INTO o SELECT a, COUNT(*) FROM s GROUP BY a';
const PLAIN = 'INSERT INTO o SELECT a, CAST(i AS BIGINT) FROM s';
const DEDUP = 'INSERT INTO o SELECT a, CAST(i AS BIGINT) FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY a ORDER BY pt) AS rn FROM s) WHERE rn = 1';

/** [name, settings, query, the code check gives (undefined: accepted), Flink's message]. */
const CASES: readonly (readonly [string, Readonly<Record<string, string>>, string, string | undefined, string?])[] = [
  ['no latency, a projection', ON, PLAIN, undefined],
  ['no latency, a projection of a table with a watermark', ON, 'INSERT INTO o SELECT a, CAST(1 AS BIGINT) FROM w', 'FTS4537', 'MiniBatch Latency must be greater than 0 ms.'],
  ['no latency, GROUP BY', ON, GROUP, 'FTS4537', 'MiniBatch Latency must be greater than 0 ms.'],
  ['a latency, no size, a window aggregation', LATENCY, "INSERT INTO o SELECT a, COUNT(*) FROM TABLE(TUMBLE(TABLE w, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY a, window_start, window_end", undefined],
  ['no latency, a size, GROUP BY', { ...ON, 'table.exec.mini-batch.size': '10' }, GROUP, 'FTS4537', 'MiniBatch Latency must be greater than 0 ms.'],
  ['a latency, no size, GROUP BY', LATENCY, GROUP, 'FTS4538', "Key: 'table.exec.mini-batch.size' , default: -1 (fallback keys: []) must be > 0."],
  ['a latency, no size, a regular join', LATENCY, 'INSERT INTO o SELECT x.a, CAST(x.i AS BIGINT) FROM s x JOIN s y ON x.a = y.a', 'FTS4538', "Key: 'table.exec.mini-batch.size' , default: -1 (fallback keys: []) must be > 0."],
  ['a latency, no size, a deduplication', LATENCY, DEDUP, 'FTS4538', 'table.exec.mini-batch.size should be greater than 0.'],
  ['a latency, no size, a projection', LATENCY, PLAIN, undefined],
  ['a latency, no size, a TopN', LATENCY, 'INSERT INTO o SELECT a, CAST(i AS BIGINT) FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY a ORDER BY i) AS rn FROM s) WHERE rn <= 2', undefined],
  ['DESCRIPTOR in a select list', {}, 'INSERT INTO o SELECT CAST(DESCRIPTOR(a) AS STRING), CAST(i AS BIGINT) FROM s', 'FTS4427'],
  ['DESCRIPTOR as a scalar function\'s argument', {}, 'INSERT INTO o SELECT UPPER(DESCRIPTOR(a)), CAST(i AS BIGINT) FROM s', 'FTS4427'],
  ['a named argument of a built-in', {}, 'INSERT INTO o SELECT UPPER(x => a), CAST(i AS BIGINT) FROM s', 'FTS4428'],
];

describe('planner settings and table-function arguments, on real Flink 1.20.1', () => {
  test('Flink refuses what check refuses (with the message check gives) and plans what it accepts', () => {
    const client = FlinkBridgeClient.connect();
    const problems: string[] = [];
    for (const [name, config, query, code, message] of CASES) {
      const sets = Object.entries(config).map(([k, v]) => `SET '${k}' = '${v}'`);
      const found = checkSql([...sets, S, W, O, query].map((s) => `${s};`).join('\n')).filter((d) => d.severity === 'error');
      if (found.map((d) => d.code).join() !== (code ?? '')) problems.push(`check: ${name}: ${found.map((d) => `${d.code} ${d.message}`).join('; ') || 'accepted'}`);
      if (message !== undefined && found[0]?.message !== message) problems.push(`check's message: ${name}: ${found[0]?.message ?? ''}`);
      const r = client.planSync({ statements: [S, W, O, query], config });
      if (r.ok !== (code === undefined)) problems.push(`Flink ${r.ok ? 'plans' : 'refuses'}: ${name}: ${r.error?.message ?? ''}`);
      else if (message !== undefined && !(r.error?.message ?? '').includes(message)) problems.push(`Flink's message: ${name}: ${r.error?.message ?? ''}`);
    }
    expect(problems).toEqual([]);
  }, 600_000);
});

describe('DROP FUNCTION, on real Flink 1.20.1', () => {
  test('a function dropped by DROP TEMPORARY SYSTEM FUNCTION is unknown to later statements, in check (FTS4404) as in Flink', () => {
    const create = "CREATE TEMPORARY SYSTEM FUNCTION split_w AS 'dev.flinkts.bridge.udf.SplitWords'";
    const drop = 'DROP TEMPORARY SYSTEM FUNCTION split_w';
    const call = 'INSERT INTO o SELECT word AS a, CAST(len AS BIGINT) AS c FROM s, LATERAL TABLE(split_w(a)) AS x(word, len)';
    const client = FlinkBridgeClient.connect();
    const types: UserFunctionTypes = new Map([['SPLIT_W', { kind: 'table', columns: [{ name: 'word', type: { kind: 'VARCHAR', length: 2147483647, nullable: true } }, { name: 'len', type: { kind: 'INT', nullable: true } }] }]]);
    const codes = (statements: readonly string[]): string[] => checkSql(statements.map((x) => `${x};`).join('\n'), { functions: types }).filter((d) => d.severity === 'error').map((d) => d.code);
    const base = client.planSync({ statements: [S, O, create, call] });
    expect(base.error?.message).toBeUndefined();
    expect(base.ok).toBe(true);
    expect(codes([S, O, create, call])).toEqual([]);
    const dropped = client.planSync({ statements: [S, O, create, drop, call] });
    expect(dropped.ok).toBe(false);
    expect(dropped.error?.message).toMatch(/No match found for function signature split_w/);
    expect(codes([S, O, create, drop, call])).toEqual(['FTS4404']);
  }, 600_000);
});
