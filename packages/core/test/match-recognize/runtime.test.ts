/** MATCH_RECOGNIZE on the local runtime: the expected changelog is what real Flink 1.20.1 printed for the same job and rows. */
import { expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';

const T = `CREATE TABLE t (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');\n`;
const rows = [[1, 10, '2024-01-01 00:00:01'], [1, 5, '2024-01-01 00:00:02'], [1, 3, '2024-01-01 00:00:03'], [1, 8, '2024-01-01 00:00:04'], [2, 1, '2024-01-01 00:00:04'], [1, 2, '2024-01-01 00:00:05'], [1, 9, '2024-01-01 00:00:06']];

test('a falling run then a rise: FIRST / LAST / COUNT over variables and MATCH_ROWTIME, as Flink printed', () => {
  const q = 'SELECT * FROM t MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts MEASURES FIRST(A.v) AS fa, LAST(B.v) AS lb, COUNT(B.v) AS nb, MATCH_ROWTIME() AS mt AFTER MATCH SKIP PAST LAST ROW PATTERN (A B+ C) DEFINE B AS B.v < COALESCE(LAST(B.v, 1), A.v), C AS C.v > LAST(B.v)) AS m;';
  expect(runJob(T + q, { inputs: { t: rows } }).changelog()).toEqual(['+I[1, 10, 3, 2, 2024-01-01T00:00:04]']);
});
