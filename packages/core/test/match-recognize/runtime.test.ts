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
