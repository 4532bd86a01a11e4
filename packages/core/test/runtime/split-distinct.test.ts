/**
 * `table.optimizer.distinct-agg.split.enabled`: what Flink 1.20.1 printed for the same jobs and rows. Its split
 * group aggregation emits several -U / +U per input row: reproduced for COUNT / SUM / MIN / MAX (with an Expand when
 * there are several bucketed arguments), FIRST_VALUE / LAST_VALUE and FILTER, refused while the changelog is kept otherwise; the final table and window
 * aggregations are unchanged.
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';
import { code } from './error-code.js';

const SPLIT = "SET 'table.optimizer.distinct-agg.split.enabled' = 'true';\n";
const T = "CREATE TABLE t (k INT, v INT, x INT) WITH ('connector' = 'values');\n";
const rows = [[1, 1, 10], [1, 2, 20], [1, 1, 30], [2, 5, 1], [1, 1025, 5], [1, 3, 7], [2, 5, 2], [1, null, 4]];
const Q = 'SELECT k, COUNT(DISTINCT v) AS dv, COUNT(*) AS n, SUM(x) AS sx, MAX(x) AS mx FROM t GROUP BY k;';

describe('split distinct aggregation', () => {
  test('one DISTINCT argument: the partial aggregation per MOD(HASH_CODE(v), 1024) bucket and the final one, as Flink printed them', () => {
    // v = 1 and v = 1025 share bucket 1; key 2's final count goes through 0 (-D, then +I)
    const q = 'SELECT k, COUNT(DISTINCT v) AS dv, COUNT(*) AS n, SUM(x) AS sx, MAX(v) AS mv FROM t GROUP BY k;';
    expect(runJob(SPLIT + T + q, { inputs: { t: rows } }).changelog()).toEqual([
      '+I[1, 1, 1, 10, 1]', '-U[1, 1, 1, 10, 1]', '+U[1, 2, 2, 30, 2]', '-U[1, 2, 2, 30, 2]', '+U[1, 1, 1, 20, 2]', '-U[1, 1, 1, 20, 2]', '+U[1, 2, 3, 60, 2]',
      '+I[2, 1, 1, 1, 5]', '-U[1, 2, 3, 60, 2]', '+U[1, 1, 1, 20, 2]', '-U[1, 1, 1, 20, 2]', '+U[1, 3, 4, 65, 1025]', '-U[1, 3, 4, 65, 1025]', '+U[1, 4, 5, 72, 1025]',
      '-D[2, 1, 1, 1, 5]', '+I[2, 1, 2, 3, 5]', '-U[1, 4, 5, 72, 1025]', '+U[1, 4, 6, 76, 1025]',
    ]);
  });

  test('a MAX of another column: Flink\'s Expand (one row per bucketed argument, COUNT / SUM in a set of their own), as Flink printed it', () => {
    // per input row: the MAX(x) bucket's row, the COUNT(DISTINCT v) bucket's, then the COUNT(*) / SUM(x) one ($e = 1, 2, 3),
    // each an update of the partial aggregation and so of the final one; the first three input rows:
    const run = runJob(SPLIT + T + Q, { inputs: { t: rows } });
    expect(run.changelog().slice(0, 19)).toEqual([
      '+I[1, 1, 0, null, null]', '-U[1, 1, 0, null, null]', '+U[1, 1, 0, null, 10]', '-U[1, 1, 0, null, 10]', '+U[1, 1, 1, 10, 10]', '-U[1, 1, 1, 10, 10]',
      '+U[1, 2, 1, 10, 10]', '-U[1, 2, 1, 10, 10]', '+U[1, 2, 1, 10, 20]', '-U[1, 2, 1, 10, 20]', '+U[1, 2, 0, null, 20]', '-U[1, 2, 0, null, 20]',
      '+U[1, 2, 2, 30, 20]', '-U[1, 2, 2, 30, 20]', '+U[1, 2, 2, 30, 30]', '-U[1, 2, 2, 30, 30]', '+U[1, 2, 0, null, 30]', '-U[1, 2, 0, null, 30]',
      '+U[1, 2, 3, 60, 30]',
    ]);
    expect(run.table().map(String).sort()).toEqual(['1, 4, 6, 76, 30', '2, 1, 2, 3, 2']);
  });

  test('AVG: a $SUM0 and a COUNT in both phases, divided after the final aggregation (integers truncated toward zero), as Flink printed it', () => {
    const t2 = "CREATE TABLE t (k INT, v INT, x BIGINT, d DOUBLE) WITH ('connector' = 'values');\n";
    const rows2 = [[1, 1, 10, 1.5], [1, 2, -21, 2.25], [1, 1, 30, null], [2, 5, null, 0.1], [1, 1025, 5, 3.0], [2, 3, 7, -1.0]];
    expect(runJob(SPLIT + t2 + 'SELECT k, COUNT(DISTINCT v) AS dv, AVG(x) AS ax, AVG(d) AS ad FROM t GROUP BY k;', { inputs: { t: rows2 } }).changelog()).toEqual([
      '+I[1, 1, 10, 1.5]', '-U[1, 1, 10, 1.5]', '+U[1, 2, -5, 1.875]', '-U[1, 2, -5, 1.875]', '+U[1, 1, -21, 2.25]', '-U[1, 1, -21, 2.25]', '+U[1, 2, 6, 1.875]',
      '+I[2, 1, null, 0.1]', '-U[1, 2, 6, 1.875]', '+U[1, 1, -21, 2.25]', '-U[1, 1, -21, 2.25]', '+U[1, 3, 6, 2.25]', '-U[2, 1, null, 0.1]', '+U[2, 2, 7, -0.45]',
    ]);
  });

  test('FILTER: each partial call filtered by its own condition, as Flink printed it', () => {
    const q = 'SELECT k, COUNT(DISTINCT v) FILTER (WHERE x > 5) AS dv, SUM(x) AS sx FROM t GROUP BY k;';
    expect(runJob(SPLIT + T + q, { inputs: { t: rows } }).changelog()).toEqual([
      '+I[1, 1, 10]', '-U[1, 1, 10]', '+U[1, 2, 30]', '-U[1, 2, 30]', '+U[1, 1, 20]', '-U[1, 1, 20]', '+U[1, 2, 60]', '+I[2, 0, 1]', '-U[1, 2, 60]', '+U[1, 1, 20]',
      '-U[1, 1, 20]', '+U[1, 2, 65]', '-U[1, 2, 65]', '+U[1, 3, 72]', '-D[2, 0, 1]', '+I[2, 0, 3]', '-U[1, 3, 72]', '+U[1, 3, 76]',
    ]);
  });

  test('FIRST_VALUE / LAST_VALUE: bucketed like MIN / MAX, retracted in the final phase, as Flink printed it', () => {
    const q = 'SELECT k, COUNT(DISTINCT v) AS dv, FIRST_VALUE(x) AS f, LAST_VALUE(x) AS l FROM t GROUP BY k;';
    expect(runJob(SPLIT + T + q, { inputs: { t: rows } }).changelog()).toEqual([
      '+I[1, 1, null, null]', '-U[1, 1, null, null]', '+U[1, 1, 10, 10]', '-U[1, 1, 10, 10]', '+U[1, 2, 10, 10]', '-U[1, 2, 10, 10]', '+U[1, 2, 10, 20]',
      '-U[1, 2, 10, 20]', '+U[1, 2, 10, 30]', '+I[2, 1, null, null]', '-U[2, 1, null, null]', '+U[2, 1, 1, 1]', '-U[1, 2, 10, 30]', '+U[1, 1, 10, 30]',
      '-U[1, 1, 10, 30]', '+U[1, 3, 10, 30]', '-U[1, 3, 10, 30]', '+U[1, 3, 10, 5]', '-U[1, 3, 10, 5]', '+U[1, 4, 10, 5]', '-U[1, 4, 10, 5]', '+U[1, 4, 10, 7]',
      '-U[2, 1, 1, 1]', '+U[2, 1, 1, 2]', '-U[1, 4, 10, 7]', '+U[1, 4, 10, 4]',
    ]);
  });

  test('a shape whose split is not reproduced (LISTAGG): the final table is kept; the changelog is refused, not approximated', () => {
    const q = 'SELECT k, COUNT(DISTINCT v) AS dv, LISTAGG(CAST(x AS STRING)) AS l FROM t GROUP BY k;';
    expect(runJob(SPLIT + T + q, { inputs: { t: rows }, keepChangelog: false }).table().map(String).sort()).toEqual(['1, 4, 10,20,30,5,7,4', '2, 1, 1,2']);
    expect(code(() => runJob(SPLIT + T + q, { inputs: { t: rows } }))).toBe('FTS7001');
    expect(() => runJob(SPLIT + T + q, { inputs: { t: rows } })).toThrow(/distinct-agg\.split\.enabled[\s\S]*keepChangelog: false/);
  });

  test('without a DISTINCT aggregate, or in a window aggregation, the changelog is what it is without the split', () => {
    const plain = 'SELECT k, COUNT(*) AS n, SUM(x) AS sx FROM t GROUP BY k;';
    expect(runJob(SPLIT + T + plain, { inputs: { t: rows } }).changelog()).toEqual(runJob(T + plain, { inputs: { t: rows } }).changelog());
    const ev = "CREATE TABLE ev (k INT, v INT, s STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');\n";
    const at = (s: string) => `2024-01-01 00:00:${s}`;
    const evRows = [[1, 1, 'a', at('00')], [2, 2, 'b', at('00.500')], [1, 3, 'a', at('01.500')], [2, 4, 'a', at('03')], [1, 1, 'a', at('00.800')], [1, 6, 'b', at('05')], [1, 6, 'b', at('05.300')]];
    const q = "SELECT k, window_start, window_end, COUNT(DISTINCT v) AS dv, COUNT(*) AS n, SUM(v) AS sv FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND)) GROUP BY k, window_start, window_end;";
    expect(runJob(SPLIT + ev + q, { inputs: { ev: evRows } }).changelog()).toEqual([
      '+I[1, 2024-01-01T00:00, 2024-01-01T00:00:02, 2, 2, 4]', '+I[2, 2024-01-01T00:00, 2024-01-01T00:00:02, 1, 1, 2]',
      '+I[2, 2024-01-01T00:00:02, 2024-01-01T00:00:04, 1, 1, 4]', '+I[1, 2024-01-01T00:00:04, 2024-01-01T00:00:06, 1, 2, 12]',
    ]);
  });
});
