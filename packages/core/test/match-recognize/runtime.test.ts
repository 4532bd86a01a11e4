/** MATCH_RECOGNIZE on the local runtime: the expected changelog is what real Flink 1.20.1 printed for the same job and rows. */
import { expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';

const T = `CREATE TABLE t (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');\n`;
const rows = [[1, 10, '2024-01-01 00:00:01'], [1, 5, '2024-01-01 00:00:02'], [1, 3, '2024-01-01 00:00:03'], [1, 8, '2024-01-01 00:00:04'], [2, 1, '2024-01-01 00:00:04'], [1, 2, '2024-01-01 00:00:05'], [1, 9, '2024-01-01 00:00:06']];

test('a falling run then a rise: FIRST / LAST / COUNT over variables and MATCH_ROWTIME, as Flink printed', () => {
  const q = 'SELECT * FROM t MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts MEASURES FIRST(A.v) AS fa, LAST(B.v) AS lb, COUNT(B.v) AS nb, MATCH_ROWTIME() AS mt AFTER MATCH SKIP PAST LAST ROW PATTERN (A B+ C) DEFINE B AS B.v < COALESCE(LAST(B.v, 1), A.v), C AS C.v > LAST(B.v)) AS m;';
  expect(runJob(T + q, { inputs: { t: rows } }).changelog()).toEqual(['+I[1, 10, 3, 2, 2024-01-01T00:00:04]']);
});

/** Rows 1, 2, 3, 9, 4, 5, 9 one second apart; each expected changelog is what Flink 1.20.1 printed. */
const RUN = [[1, 1, '2024-01-01 00:00:01'], [1, 2, '2024-01-01 00:00:02'], [1, 3, '2024-01-01 00:00:03'], [1, 9, '2024-01-01 00:00:04'], [1, 4, '2024-01-01 00:00:05'], [1, 5, '2024-01-01 00:00:06'], [1, 9, '2024-01-01 00:00:07']];
const run = (body: string) => runJob(`${T}SELECT * FROM t MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts ${body}) AS m;`, { inputs: { t: RUN } }).changelog();

test.each([
  ['greedy A+: the longest run; the default skip (TO NEXT ROW) starts a match at every row', 'MEASURES FIRST(A.v) AS fa, LAST(A.v) AS la, B.v AS b PATTERN (A+ B) DEFINE A AS A.v < 9', ['+I[1, 1, 3, 9]', '+I[1, 2, 3, 9]', '+I[1, 3, 3, 9]', '+I[1, 4, 5, 9]', '+I[1, 5, 5, 9]']],
  ['reluctant A+?: the shortest run', 'MEASURES FIRST(A.v) AS fa, LAST(A.v) AS la, B.v AS b PATTERN (A+? B) DEFINE A AS A.v < 9', ['+I[1, 1, 1, 2]', '+I[1, 2, 2, 3]', '+I[1, 3, 3, 9]', '+I[1, 4, 4, 5]', '+I[1, 5, 5, 9]']],
  ['SKIP PAST LAST ROW', 'MEASURES FIRST(A.v) AS fa, LAST(A.v) AS la, B.v AS b AFTER MATCH SKIP PAST LAST ROW PATTERN (A+ B) DEFINE A AS A.v < 9, B AS B.v = 9', ['+I[1, 1, 3, 9]', '+I[1, 4, 5, 9]']],
  ['reluctant A+? whose B also accepts A rows', 'MEASURES FIRST(A.v) AS fa, LAST(A.v) AS la, B.v AS b PATTERN (A+? B) DEFINE A AS A.v < 9, B AS B.v > 2', ['+I[1, 1, 2, 3]', '+I[1, 2, 2, 3]', '+I[1, 3, 3, 9]', '+I[1, 4, 4, 5]', '+I[1, 5, 5, 9]']],
  ['a pattern starting with an optional variable: with and without it', 'MEASURES A.v AS a, B.v AS b PATTERN (A? B) DEFINE A AS A.v > 2, B AS B.v > 3', ['+I[1, 3, 9]', '+I[1, null, 9]', '+I[1, null, 4]', '+I[1, null, 5]', '+I[1, null, 9]']],
  ['B? last: the match completes without waiting for B', 'MEASURES A.v AS a, B.v AS b PATTERN (A B?) DEFINE A AS A.v > 2, B AS B.v = 9', ['+I[1, 3, null]', '+I[1, 9, null]', '+I[1, 4, null]', '+I[1, 5, null]', '+I[1, 9, null]']],
  ['A{2,3} B', 'MEASURES FIRST(A.v) AS fa, COUNT(A.v) AS n, B.v AS b PATTERN (A{2,3} B) DEFINE A AS A.v < 9', ['+I[1, 1, 3, 9]', '+I[1, 2, 2, 9]', '+I[1, 4, 2, 9]']],
  ['WITHIN drops partial matches older than the interval', "MEASURES FIRST(A.v) AS fa, COUNT(A.v) AS n, B.v AS b PATTERN (A+ B) WITHIN INTERVAL '2' SECOND DEFINE A AS A.v < 9, B AS B.v = 9", ['+I[1, 3, 1, 9]', '+I[1, 5, 1, 9]']],
])('%s, as Flink printed', (_name, body, expected) => {
  expect(run(body)).toEqual(expected);
});

/**
 * Unqualified FIRST / LAST and aggregates (COUNT(*) too) in DEFINE read every row matched so far plus the current
 * one, not only the defined variable's rows (Calcite's universal variable `*`); in MEASURES every row of the match.
 * Expected: what Flink 1.20.1 printed (differential seed 1208303 found COUNT(*) in DEFINE counting only C's rows).
 */
const EV = [[1, 1, '2024-01-01 00:00:00.000'], [1, 2, '2024-01-01 00:00:00.500'], [1, 0, '2024-01-01 00:00:01.000'], [1, 8, '2024-01-01 00:00:01.500'], [1, 3, '2024-01-01 00:00:02.000'], [1, 7, '2024-01-01 00:00:02.500'], [1, null, '2024-01-01 00:00:03.000'], [1, 4, '2024-01-01 00:00:03.500']];
test.each([
  ['COUNT(*) in DEFINE counts the rows of A and B too', 'A B C+ D', 'C AS COUNT(*) < 4', 'LAST(A.v) AS m0, COUNT(*) AS m1', ['+I[1, 1, 4]', '+I[1, 2, 4]', '+I[1, 0, 4]', '+I[1, 8, 4]', '+I[1, 3, 4]']],
  ['SUM(v) in DEFINE sums A\'s row and the current one too', 'A B+ C', 'B AS SUM(v) < 12', 'SUM(v) AS m0, COUNT(*) AS m1', ['+I[1, 14, 5]', '+I[1, 13, 4]', '+I[1, 18, 4]', '+I[1, 18, 3]', '+I[1, 14, 4]']],
  ['LAST(v, 1) in DEFINE is the row before the current one, of any variable', 'A B+ C', 'B AS LAST(v, 1) < 5', 'LAST(v, 1) AS m0, FIRST(v) AS m1', ['+I[1, 8, 1]', '+I[1, 8, 2]', '+I[1, 8, 0]', '+I[1, 7, 3]']],
  ['MAX(v) - MIN(v) in DEFINE over A, B and the current row', 'A B C', 'C AS MAX(v) - MIN(v) < 8', 'MAX(v) AS m0, MIN(B.v) AS m1', ['+I[1, 2, 2]', '+I[1, 8, 3]', '+I[1, 7, 7]', '+I[1, 7, null]']],
  ['COUNT(*) and AVG(v) in DEFINE of two variables', 'A+ B', 'A AS COUNT(*) < 3, B AS AVG(v) > 2', 'AVG(v) AS m0, COUNT(A.v) AS m1', ['+I[1, 3, 2]', '+I[1, 3, 2]', '+I[1, 6, 2]', '+I[1, 5, 2]', '+I[1, 5, 1]']],
])('%s, as Flink printed', (_name, pattern, define, measures, expected) => {
  const q = `SELECT * FROM t MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts MEASURES ${measures} AFTER MATCH SKIP TO NEXT ROW PATTERN (${pattern}) DEFINE ${define}) AS m;`;
  expect(runJob(T.replace("INTERVAL '1' SECOND", "INTERVAL '2' SECOND") + q, { inputs: { t: EV } }).changelog()).toEqual(expected);
});
