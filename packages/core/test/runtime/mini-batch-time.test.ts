/**
 * Mini-batch (`table.exec.mini-batch.*`) over a table with a WATERMARK, with the changelog kept: Flink's
 * MiniBatchAssigner holds watermarks back to the ends of `allow-latency` intervals, which decides which rows are late
 * for a window aggregation and where a deduplication on event time ends its bundles. The expected changelogs are the
 * ones Flink 1.20.1 printed for the same jobs and rows (test/differential family `minibatch` checks such cases on
 * Flink).
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';
import { code } from './error-code.js';

const mb = (size: number, more = '') => `SET 'table.exec.mini-batch.enabled' = 'true'; SET 'table.exec.mini-batch.allow-latency' = '1 h'; SET 'table.exec.mini-batch.size' = '${size}';${more}\n`;
const EV = "CREATE TABLE ev (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');\n";
const changelog = (sql: string, ev: unknown[][]): readonly string[] => runJob(sql, { inputs: { ev } }).changelog();

describe('mini-batch window aggregation', () => {
  const rows = [[1, 1, '2024-01-01 00:05:00'], [1, 2, '2024-01-01 00:25:00'], [1, 3, '2024-01-01 00:10:00'], [1, 4, '2024-01-01 01:10:00'], [1, 5, '2024-01-01 00:30:00'], [1, 6, '2024-01-01 00:50:00'], [1, 7, '2024-01-01 01:15:00']];
  const query = "SELECT k, window_start, COUNT(*) AS c, SUM(v) AS x FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '20' MINUTE)) GROUP BY k, window_start, window_end;";

  test('a watermark passes only at the end of an allow-latency interval: a row late without mini-batch is counted', () => {
    // 00:10 comes after the watermark 00:24:59 without mini-batch (late); with it, the watermark stays at 00:04:59
    // until 01:09:59 crosses the hour, which then makes 00:30 and 00:50 late
    expect(changelog(`${mb(100)}${EV}${query}`, rows)).toEqual(['+I[1, 2024-01-01T00:00, 2, 4]', '+I[1, 2024-01-01T00:20, 1, 2]', '+I[1, 2024-01-01T01:00, 2, 11]']);
    expect(changelog(`${EV}${query}`, rows)).toEqual(['+I[1, 2024-01-01T00:00, 1, 1]', '+I[1, 2024-01-01T00:20, 1, 2]', '+I[1, 2024-01-01T01:00, 2, 11]']);
  });

  test('FIRST_VALUE in a window aggregation: Flink 1.20.1 fails to plan it in two phases, so FTS7001 unless ONE_PHASE', () => {
    const first = "SELECT window_start, FIRST_VALUE(v) AS f FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '20' MINUTE)) GROUP BY window_start, window_end;";
    expect(code(() => changelog(`${mb(3)}${EV}${first}`, rows))).toBe('FTS7001');
    expect(changelog(`${mb(3, " SET 'table.optimizer.agg-phase-strategy' = 'ONE_PHASE';")}${EV}${first}`, rows)).toEqual(['+I[2024-01-01T00:00, 1]', '+I[2024-01-01T00:20, 2]', '+I[2024-01-01T01:00, 4]']);
  });

  test('a legacy group window under mini-batch stays FTS7001 with the changelog kept', () => {
    expect(code(() => changelog(`${mb(3)}${EV}SELECT k, COUNT(*) AS c FROM ev GROUP BY k, TUMBLE(ts, INTERVAL '20' MINUTE);`, rows))).toBe('FTS7001');
  });
});

describe('mini-batch deduplication on event time', () => {
  test('each key\'s rows of a bundle go through the per-row step at its end, keys in the order of Flink\'s HashMap', () => {
    const rows = [[1, 1, '2024-01-01 00:05:00'], [2, 2, '2024-01-01 00:25:00'], [1, 3, '2024-01-01 00:10:00'], [3, 4, '2024-01-01 00:20:00'], [1, 5, '2024-01-01 01:30:00'], [2, 6, '2024-01-01 01:50:00'], [3, 7, '2024-01-01 00:15:00'], [2, 8, '2024-01-01 02:00:00']];
    expect(changelog(`${mb(3)}${EV}SELECT k, v FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts DESC) AS rn FROM ev) WHERE rn = 1;`, rows)).toEqual([
      '+I[1, 1]', '+I[3, 4]', '+I[2, 2]', '-U[1, 1]', '+U[1, 3]', '-U[1, 3]', '+U[1, 5]', '-U[2, 2]', '+U[2, 6]', '-U[2, 6]', '+U[2, 8]',
    ]);
  });
});
