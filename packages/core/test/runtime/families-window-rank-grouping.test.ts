/**
 * Runtime families of #16: window TopN / window deduplication, window joins, SESSION windows, GROUPING SETS outside windows with GROUPING() /
 * GROUPING_ID(), and the statistical aggregates. Each expected changelog is what real Flink 1.20.1 printed for the
 * same job and rows (tier 3, test/differential, generates many more per family).
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';

const EV = "CREATE TABLE ev (k INT, v INT, s STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');\n";
const ROWS = [[1, 5, 'a', '2024-01-01 00:00:00.500'], [2, 7, 'b', '2024-01-01 00:00:01.000'], [1, 3, null, '2024-01-01 00:00:03.000'], [3, 9, 'a', '2024-01-01 00:00:00.100'], [2, 1, 'c', '2024-01-01 00:00:05.000']];

describe('window TopN and window deduplication', () => {
  test('ROW_NUMBER partitioned by the window fires once per window, in rank order; a row after its window fired is dropped', () => {
    const q = "SELECT * FROM (SELECT k, v, window_start, window_end, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY v DESC) AS rn FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND))) WHERE rn <= 2;";
    expect(runJob(EV + q, { inputs: { ev: ROWS } }).changelog()).toEqual([
      '+I[2, 7, 2024-01-01T00:00, 2024-01-01T00:00:02, 1]', '+I[1, 5, 2024-01-01T00:00, 2024-01-01T00:00:02, 2]',
      '+I[1, 3, 2024-01-01T00:00:02, 2024-01-01T00:00:04, 1]', '+I[2, 1, 2024-01-01T00:00:04, 2024-01-01T00:00:06, 1]',
    ]);
  });

  test('the output stays insert-only with window properties: a window aggregation over a window TopN is one', () => {
    const q = "SELECT window_start, COUNT(*) AS n FROM (SELECT * FROM (SELECT k, v, window_start, window_end, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY v DESC) AS rn FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND))) WHERE rn <= 2) GROUP BY window_start, window_end;";
    expect(runJob(EV + q, { inputs: { ev: ROWS } }).changelog()).toEqual([
      '+I[2024-01-01T00:00, 2]', '+I[2024-01-01T00:00:02, 1]', '+I[2024-01-01T00:00:04, 1]',
    ]);
  });
});

describe('GROUPING SETS / ROLLUP / CUBE outside windows', () => {
  test('ROLLUP over a changelog: each change updates every set it belongs to, in Calcite’s set order', () => {
    const sql = "CREATE TABLE t (id INT NOT NULL, a INT, b STRING, v INT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D');\nSELECT a, b, COUNT(*) AS n, SUM(v) AS s, GROUPING(a) AS ga, GROUPING_ID(a, b) AS gid FROM t GROUP BY ROLLUP (a, b);";
    const t = [
      { kind: '+I' as const, row: [1, 1, 'x', 5] }, { kind: '+I' as const, row: [2, 1, 'y', 3] }, { kind: '+I' as const, row: [3, null, 'x', 2] },
      { kind: '-U' as const, row: [1, 1, 'x', 5] }, { kind: '+U' as const, row: [1, 2, 'x', 6] }, { kind: '-D' as const, row: [2, 1, 'y', 3] },
    ];
    expect(runJob(sql, { inputs: { t } }).changelog()).toEqual([
      '+I[1, x, 1, 5, 0, 0]', '+I[1, null, 1, 5, 0, 1]', '+I[null, null, 1, 5, 1, 3]', '+I[1, y, 1, 3, 0, 0]', '-U[1, null, 1, 5, 0, 1]',
      '+U[1, null, 2, 8, 0, 1]', '-U[null, null, 1, 5, 1, 3]', '+U[null, null, 2, 8, 1, 3]', '+I[null, x, 1, 2, 0, 0]', '+I[null, null, 1, 2, 0, 1]',
      '-U[null, null, 2, 8, 1, 3]', '+U[null, null, 3, 10, 1, 3]', '-D[1, x, 1, 5, 0, 0]', '-U[1, null, 2, 8, 0, 1]', '+U[1, null, 1, 3, 0, 1]',
      '-U[null, null, 3, 10, 1, 3]', '+U[null, null, 2, 5, 1, 3]', '+I[2, x, 1, 6, 0, 0]', '+I[2, null, 1, 6, 0, 1]', '-U[null, null, 2, 5, 1, 3]',
      '+U[null, null, 3, 11, 1, 3]', '-D[1, y, 1, 3, 0, 0]', '-D[1, null, 1, 3, 0, 1]', '-U[null, null, 3, 11, 1, 3]', '+U[null, null, 2, 8, 1, 3]',
    ]);
  });

  test('CUBE expands a row into its sets with the superset first', () => {
    const sql = "CREATE TABLE t (id INT NOT NULL, a INT, b STRING, v INT) WITH ('connector' = 'values');\nSELECT a, b, COUNT(DISTINCT v) AS n FROM t GROUP BY CUBE (a, b);";
    expect(runJob(sql, { inputs: { t: [[1, 1, 'x', null]] } }).changelog()).toEqual(['+I[1, x, 0]', '+I[1, null, 0]', '+I[null, x, 0]', '+I[null, null, 0]']);
  });
});

describe('statistical aggregates', () => {
  test('STDDEV / VAR in the argument type, as Flink reduces them to SUM / COUNT arithmetic', () => {
    const sql = "CREATE TABLE t (k INT, i INT, d DOUBLE, m DECIMAL(10, 2), b BIGINT) WITH ('connector' = 'values');\nSELECT k, STDDEV_POP(i) AS a, STDDEV_SAMP(d) AS b2, VAR_POP(m) AS c, VAR_SAMP(i) AS e, STDDEV(b) AS f, VARIANCE(d) AS g FROM t GROUP BY k;";
    const t = [[1, 3, 1.5, '2.25', 10], [1, 4, 2.5, '3.10', 7], [2, null, null, null, null], [1, 10, -1.0, '0.01', 1], [2, 5, 3.0, '1.00', 3]];
    expect(runJob(sql, { inputs: { t } }).changelog()).toEqual([
      '+I[1, 0, null, 0.000000, null, null, null]', '-U[1, 0, null, 0.000000, null, null, null]', '+U[1, 0, 0.7071067811865476, 0.180625, 1, 2, 0.5]',
      '+I[2, null, null, null, null, null, null]', '-U[1, 0, 0.7071067811865476, 0.180625, 1, 2, 0.5]', '+U[1, 3, 1.8027756377319946, 1.698689, 14, 4, 3.25]',
      '-U[2, null, null, null, null, null, null]', '+U[2, 0, null, 0.000000, null, null, null]',
    ]);
  });

  test('FILTER applies to SUM(x) and COUNT(x) but not to the sum of squares, as in Flink 1.20', () => {
    const sql = "CREATE TABLE t (id INT NOT NULL, k INT, i INT, d DOUBLE) WITH ('connector' = 'values');\nSELECT k, VAR_SAMP(d) FILTER (WHERE i > 2) AS a0, STDDEV_POP(DISTINCT i) AS a1 FROM t GROUP BY k;";
    expect(runJob(sql, { inputs: { t: [[1, 1, 3, 2], [1, 1, 0, 10], [1, 1, 5, 4], [1, 1, 5, 4]] } }).changelog()).toEqual([
      '+I[1, null, 0]', '-U[1, null, 0]', '+U[1, null, 1]', '-U[1, null, 1]', '+U[1, 102.0, 2]', '-U[1, 102.0, 2]', '+U[1, 51.33333333333333, 2]',
    ]);
  });
});

describe('window joins', () => {
  const AB = "CREATE TABLE a (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '0' SECOND) WITH ('connector' = 'values');\nCREATE TABLE b (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '0' SECOND) WITH ('connector' = 'values');\n";
  const inputs = { a: [[1, 1, '2024-01-01 00:00:00.500'], [1, 2, '2024-01-01 00:00:01.000'], [2, 3, '2024-01-01 00:00:03.000']], b: [[1, 1, '2024-01-01 00:00:00.700'], [2, 2, '2024-01-01 00:00:03.500']] };
  const side = (t: string) => `(SELECT * FROM TABLE(TUMBLE(TABLE ${t}, DESCRIPTOR(ts), INTERVAL '2' SECOND)))`;
  const on = 'ON L.window_start = R.window_start AND L.window_end = R.window_end AND L.k = R.k';

  test('a FULL window join pads unmatched rows of both sides once, when the window fires', () => {
    const q = `SELECT L.k, L.v, R.v, L.window_start, R.window_end FROM ${side('a')} L FULL JOIN ${side('b')} R ${on} AND L.v < R.v + 1;`;
    expect(runJob(AB + q, { inputs }).changelog()).toEqual([
      '+I[1, 1, 1, 2024-01-01T00:00, 2024-01-01T00:00:02]', '+I[1, 2, null, 2024-01-01T00:00, null]', '+I[2, 3, null, 2024-01-01T00:00:02, null]', '+I[null, null, 2, null, 2024-01-01T00:00:04]',
    ]);
  });

  test('on two different windows (TUMBLE against HOP) the join is a regular one: a GROUP BY of its window updates per match', () => {
    const at = (t: string) => `2024-01-01 00:00:${t}`;
    const rows = { a: [[1, 1, at('00.500')], [1, 2, at('01')], [2, 3, at('03')], [1, 4, at('04.500')]], b: [[1, 5, at('00.700')], [1, 6, at('01.200')], [2, 7, at('03.500')], [1, 8, at('04')]] };
    const hop = "(SELECT * FROM TABLE(HOP(TABLE b, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '2' SECOND)))";
    const q = `SELECT lws, lwe, COUNT(*) AS n FROM (SELECT L.window_start AS lws, L.window_end AS lwe FROM ${side('a')} L JOIN ${hop} R ${on}) GROUP BY lws, lwe;`;
    // as a window join it would be one row per window: +I[…00, …02, 4], …
    expect(runJob(AB + q, { inputs: rows }).changelog()).toEqual([
      '+I[2024-01-01T00:00, 2024-01-01T00:00:02, 1]', '-U[2024-01-01T00:00, 2024-01-01T00:00:02, 1]', '+U[2024-01-01T00:00, 2024-01-01T00:00:02, 2]',
      '-U[2024-01-01T00:00, 2024-01-01T00:00:02, 2]', '+U[2024-01-01T00:00, 2024-01-01T00:00:02, 3]', '-U[2024-01-01T00:00, 2024-01-01T00:00:02, 3]',
      '+U[2024-01-01T00:00, 2024-01-01T00:00:02, 4]', '+I[2024-01-01T00:00:02, 2024-01-01T00:00:04, 1]', '+I[2024-01-01T00:00:04, 2024-01-01T00:00:06, 1]',
    ]);
  });

  test('window properties pass through a window join: grouping by its window is a window aggregation', () => {
    const q = `SELECT lws, lwe, COUNT(*) AS n FROM (SELECT L.k, L.window_start AS lws, L.window_end AS lwe FROM ${side('a')} L JOIN ${side('b')} R ${on}) GROUP BY lws, lwe;`;
    expect(runJob(AB + q, { inputs }).changelog()).toEqual(['+I[2024-01-01T00:00, 2024-01-01T00:00:02, 2]', '+I[2024-01-01T00:00:02, 2024-01-01T00:00:04, 1]']);
  });
});

describe('SESSION windows', () => {
  const DDL = "CREATE TABLE t (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '0' SECOND) WITH ('connector' = 'values');\n";
  // 00:00:03 and 00:00:02 arrive after the watermark passed their own sessions' ends, but overlap the open session
  const t = [[1, 10, '2024-01-01 00:00:05'], [1, 20, '2024-01-01 00:00:03'], [1, 7, '2024-01-01 00:00:02'], [1, 8, '2024-01-01 00:00:06.500']];

  test('a late row whose session overlaps an open one is merged into it (legacy GROUP BY SESSION and the TVF alike)', () => {
    const legacy = "SELECT SESSION_START(ts, INTERVAL '2' SECOND), SESSION_END(ts, INTERVAL '2' SECOND), COUNT(*), MAX(v) FROM t GROUP BY SESSION(ts, INTERVAL '2' SECOND);";
    const tvf = "SELECT window_start, window_end, COUNT(*), MAX(v) FROM TABLE(SESSION(TABLE t, DESCRIPTOR(ts), INTERVAL '2' SECOND)) GROUP BY window_start, window_end;";
    expect(runJob(DDL + legacy, { inputs: { t } }).changelog()).toEqual(['+I[2024-01-01T00:00:02, 2024-01-01T00:00:08.500, 4, 20]']);
    expect(runJob(DDL + tvf, { inputs: { t } }).changelog()).toEqual(['+I[2024-01-01T00:00:02, 2024-01-01T00:00:08.500, 4, 20]']);
  });

});

describe('the SESSION window TVF read other than by a window aggregation (expected: Flink 1.20.1)', () => {
  const ev = "CREATE TABLE ev (k INT, v INT, s STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');\n";
  const at = (t: string) => `2024-01-01 00:00:${t}`;
  const rows = [[1, 1, 'a', at('00')], [2, 2, 'b', at('00.500')], [1, 3, 'a', at('01.500')], [2, 4, 'a', at('03')], [1, 5, 'a', at('00.800')], [1, 6, 'b', at('05')]];
  const tvf = (partition: string) => `TABLE(SESSION(TABLE ev${partition}, DESCRIPTOR(ts), INTERVAL '1' SECOND))`;

  test('projected, a session\'s rows leave when it closes, in arrival order, with its final bounds', () => {
    const q = `SELECT k, v, window_start, window_end FROM ${tvf('')} WHERE v > 2;`;
    expect(runJob(ev + q, { inputs: { ev: rows } }).changelog()).toEqual([
      '+I[1, 3, 2024-01-01T00:00, 2024-01-01T00:00:02.500]', '+I[1, 5, 2024-01-01T00:00, 2024-01-01T00:00:02.500]',
      '+I[2, 4, 2024-01-01T00:00:03, 2024-01-01T00:00:04]', '+I[1, 6, 2024-01-01T00:00:05, 2024-01-01T00:00:06]',
    ]);
  });

  test('PARTITION BY k grouped by k is a session window aggregation per key (insert-only)', () => {
    const q = `SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS sv FROM ${tvf(' PARTITION BY k')} GROUP BY k, window_start, window_end;`;
    expect(runJob(ev + q, { inputs: { ev: rows } }).changelog()).toEqual([
      '+I[1, 2024-01-01T00:00, 2024-01-01T00:00:01, 1, 1]', '+I[2, 2024-01-01T00:00:00.500, 2024-01-01T00:00:01.500, 1, 2]',
      '+I[1, 2024-01-01T00:00:00.800, 2024-01-01T00:00:02.500, 2, 8]', '+I[2, 2024-01-01T00:00:03, 2024-01-01T00:00:04, 1, 4]',
      '+I[1, 2024-01-01T00:00:05, 2024-01-01T00:00:06, 1, 6]',
    ]);
  });

  test('through a sub-query that drops the time column, a WHERE still filters before the sessions form', () => {
    // without the filtered row at 00:00.800 the rows at 00:00 and 00:01.600 are two sessions
    const input = [[1, 5, 'a', at('00')], [1, 1, 'a', at('00.800')], [1, 5, 'a', at('01.600')], [1, 7, 'a', at('05')]];
    const q = `SELECT k, window_start, window_end, COUNT(*) AS n FROM (SELECT k, window_start, window_end FROM ${tvf(' PARTITION BY k')} WHERE v > 1) GROUP BY k, window_start, window_end;`;
    expect(runJob(ev + q, { inputs: { ev: input } }).changelog()).toEqual([
      '+I[1, 2024-01-01T00:00, 2024-01-01T00:00:01, 1]', '+I[1, 2024-01-01T00:00:01.600, 2024-01-01T00:00:02.600, 1]', '+I[1, 2024-01-01T00:00:05, 2024-01-01T00:00:06, 1]',
    ]);
    // projected, the TVF's own operator forms the sessions first: both rows leave in one session
    expect(runJob(ev + `SELECT k, v, window_start, window_end FROM ${tvf(' PARTITION BY k')} WHERE v > 1;`, { inputs: { ev: input } }).changelog()).toEqual([
      '+I[1, 5, 2024-01-01T00:00, 2024-01-01T00:00:02.600]', '+I[1, 5, 2024-01-01T00:00, 2024-01-01T00:00:02.600]', '+I[1, 7, 2024-01-01T00:00:05, 2024-01-01T00:00:06]',
    ]);
  });

  test('grouped by more keys than its PARTITION BY, the TVF\'s rows feed a group aggregation with updates', () => {
    const q = `SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS sv FROM ${tvf('')} GROUP BY k, window_start, window_end;`;
    expect(runJob(ev + q, { inputs: { ev: rows } }).changelog()).toEqual([
      '+I[1, 2024-01-01T00:00, 2024-01-01T00:00:02.500, 1, 1]', '+I[2, 2024-01-01T00:00, 2024-01-01T00:00:02.500, 1, 2]',
      '-U[1, 2024-01-01T00:00, 2024-01-01T00:00:02.500, 1, 1]', '+U[1, 2024-01-01T00:00, 2024-01-01T00:00:02.500, 2, 4]',
      '-U[1, 2024-01-01T00:00, 2024-01-01T00:00:02.500, 2, 4]', '+U[1, 2024-01-01T00:00, 2024-01-01T00:00:02.500, 3, 9]',
      '+I[2, 2024-01-01T00:00:03, 2024-01-01T00:00:04, 1, 4]', '+I[1, 2024-01-01T00:00:05, 2024-01-01T00:00:06, 1, 6]',
    ]);
  });

  test('a window join of SESSION windows pairs sessions by their end alone, as Flink\'s join state does', () => {
    const side = (n: string) => `CREATE TABLE ${n} (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND) WITH ('connector' = 'values');\n`;
    const sess = (n: string) => `(SELECT * FROM TABLE(SESSION(TABLE ${n}, DESCRIPTOR(ts), INTERVAL '1' SECOND)))`;
    const q = `SELECT R.v, R.ts, L.window_start, L.window_end, R.window_start, R.window_end FROM ${sess('a')} L JOIN ${sess('b')} R ON L.window_start = R.window_start AND L.window_end = R.window_end AND L.k = R.k;`;
    // b's late row at 00:05 widens its session to [00:05, 00:07); a's session is [00:06, 00:07)
    const out = runJob(side('a') + side('b') + q, { inputs: { a: [[1, null, at('06')]], b: [[1, 0, at('06')], [1, 0, at('05')]] } }).changelog();
    expect(out).toEqual([
      '+I[0, 2024-01-01T00:00:06, 2024-01-01T00:00:06, 2024-01-01T00:00:07, 2024-01-01T00:00:05, 2024-01-01T00:00:07]',
      '+I[0, 2024-01-01T00:00:05, 2024-01-01T00:00:06, 2024-01-01T00:00:07, 2024-01-01T00:00:05, 2024-01-01T00:00:07]',
    ]);
  });

  test('a window join of SESSION windows joins each pair of equal sessions when both close', () => {
    const side = (n: string) => `CREATE TABLE ${n} (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');\n`;
    const sess = (n: string) => `(SELECT * FROM TABLE(SESSION(TABLE ${n} PARTITION BY k, DESCRIPTOR(ts), INTERVAL '1' SECOND)))`;
    const q = `SELECT L.k AS jk, L.v AS lv, R.v AS rv, L.window_start AS lws, R.window_end AS rwe FROM ${sess('a')} L JOIN ${sess('b')} R ON L.window_start = R.window_start AND L.window_end = R.window_end AND L.k = R.k;`;
    const out = runJob(side('a') + side('b') + q, { inputs: { a: [[1, 1, at('00')], [1, 2, at('03')]], b: [[1, 7, at('00')], [1, 8, at('03')]] } }).changelog();
    expect(out).toEqual(['+I[1, 1, 7, 2024-01-01T00:00, 2024-01-01T00:00:01]', '+I[1, 2, 8, 2024-01-01T00:00:03, 2024-01-01T00:00:04]']);
  });

  test('a GROUP BY of the window only over a window join of partitioned SESSION windows is a group aggregation with updates', () => {
    // Flink 1.20.1 printed these (differential windowjoin seed 1208101); grouped by L.k too it is a window aggregation
    const side = "CREATE TABLE a (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');\n";
    const sess = "(SELECT * FROM TABLE(SESSION(TABLE a PARTITION BY k, DESCRIPTOR(ts), INTERVAL '1' SECOND)))";
    const q = (cols: string, keys: string) => `SELECT lws, COUNT(*) AS n FROM (SELECT ${cols} FROM ${sess} L JOIN ${sess} R ON L.window_start = R.window_start AND L.window_end = R.window_end) GROUP BY ${keys};`;
    const rows = { a: [[1, 0, at('00')], [1, 0, at('00')]] };
    expect(runJob(side + q('L.window_start AS lws, L.window_end AS lwe', 'lws, lwe'), { inputs: rows }).changelog()).toEqual([
      '+I[2024-01-01T00:00, 1]', '-U[2024-01-01T00:00, 1]', '+U[2024-01-01T00:00, 2]', '-U[2024-01-01T00:00, 2]', '+U[2024-01-01T00:00, 3]', '-U[2024-01-01T00:00, 3]', '+U[2024-01-01T00:00, 4]',
    ]);
    expect(runJob(side + q('L.window_start AS lws, L.window_end AS lwe, L.k AS k', 'lws, lwe, k'), { inputs: rows }).changelog()).toEqual(['+I[2024-01-01T00:00, 4]']);
  });
});
