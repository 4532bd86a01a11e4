/**
 * Rows that arrive when the watermark has reached their window's end: Flink 1.20.1 fires a window at
 * `window_end - 1` and drops a row for a fired window, whether the window holds rows or not. Each expected
 * changelog is what real Flink printed for the same job (tier 3's window families draw such rows too).
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';

const EV = "CREATE TABLE ev (k INT, v INT, s STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');\n";
// 1.5 s arrives after the watermark 2.0 (window [0, 2) holds the row at 0.5); 3.0 after 4.0 (window [2, 4) holds two rows)
const ROWS = [[1, 1, 'a', '2024-01-01 00:00:00.500'], [1, 2, 'a', '2024-01-01 00:00:02'], [1, 3, 'a', '2024-01-01 00:00:01.500'], [1, 4, 'a', '2024-01-01 00:00:02.500'], [1, 5, 'a', '2024-01-01 00:00:04'], [1, 6, 'a', '2024-01-01 00:00:03']];
const run = (q: string) => runJob(EV + q, { inputs: { ev: ROWS } }).changelog();
const TVF = "TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND))";

describe('a row whose window ends at the watermark is late', () => {
  test('window aggregation and window TopN drop it, the window TVF alone keeps it', () => {
    expect(run(`SELECT window_start, COUNT(*) AS n, SUM(v) AS sv FROM ${TVF} GROUP BY window_start, window_end;`))
      .toEqual(['+I[2024-01-01T00:00, 1, 1]', '+I[2024-01-01T00:00:02, 2, 6]', '+I[2024-01-01T00:00:04, 1, 5]']);
    expect(run(`SELECT k, v, window_start, rn FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY v DESC) AS rn FROM ${TVF}) WHERE rn <= 3;`))
      .toEqual(['+I[1, 1, 2024-01-01T00:00, 1]', '+I[1, 4, 2024-01-01T00:00:02, 1]', '+I[1, 2, 2024-01-01T00:00:02, 2]', '+I[1, 5, 2024-01-01T00:00:04, 1]']);
    expect(run(`SELECT k, v, window_start FROM ${TVF};`)).toEqual([
      '+I[1, 1, 2024-01-01T00:00]', '+I[1, 2, 2024-01-01T00:00:02]', '+I[1, 3, 2024-01-01T00:00]', '+I[1, 4, 2024-01-01T00:00:02]', '+I[1, 5, 2024-01-01T00:00:04]', '+I[1, 6, 2024-01-01T00:00:02]',
    ]);
  });
});
