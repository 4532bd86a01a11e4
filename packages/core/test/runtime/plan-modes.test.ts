/**
 * Changelog modes come from the plan's derived properties (plan/properties/changelog.ts) only: the runtime's node
 * compilers decide none. Each case below is one where the runtime's own decision differed from the plan's and real
 * Flink 1.20.1 sided with the plan (test/flink/changelog-modes.test.ts checks the plan's modes on Flink; the outputs
 * here are Flink's, run through the bridge).
 */
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/testing/index.js';

const DDL = `CREATE TABLE t (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');
CREATE TABLE u (k INT) WITH ('connector' = 'values');
`;
const rows = { t: [[1, 5, '2024-01-01 00:00:01'], [2, 6, '2024-01-01 00:00:02'], [1, 7, '2024-01-01 00:00:03']], u: [[1]] };

describe('changelog modes are the plan\'s', () => {
  it('a semi join (IN / EXISTS) over insert-only inputs is insert-only: a TopN over it runs as over an append stream', () => {
    // before, the runtime marked the semi join updating and refused the ranking (FTS7001)
    const sql = `${DDL}SELECT k, v FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts) AS rn FROM (SELECT * FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.k = t.k))) WHERE rn = 1;`;
    expect(runJob(sql, { inputs: rows }).changelog('result')).toEqual(['+I[1, 5]']);
  });

  it('a window aggregation with GROUPING SETS is a window aggregation (insert-only) for the plan as for the runtime', () => {
    const sql = `${DDL}SELECT k, window_start, COUNT(*) AS c FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, GROUPING SETS ((k), ());`;
    expect([...runJob(sql, { inputs: rows }).changelog('result')].sort()).toEqual(['+I[1, 2024-01-01T00:00, 2]', '+I[2, 2024-01-01T00:00, 1]', '+I[null, 2024-01-01T00:00, 3]']);
  });
});
