/**
 * A window aggregation over the output of a window aggregation (grouped by the inner window_start and
 * window_end, with or without a projection between) is a window aggregation in Flink: window properties propagate
 * through window_start / window_end, so the outer result is insert-only and fires with the watermark — never the
 * -U/+U of a regular group aggregation. Checked against real Flink 1.20.1 (the bridge) on the same fixtures.
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';

const DDL = `
CREATE TABLE ev (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');
CREATE TABLE snk (ws TIMESTAMP(3), we TIMESTAMP(3), total BIGINT, groups_ BIGINT, top_v INT) WITH ('connector' = 'values');`;

const INNER = `SELECT k, window_start, window_end, COUNT(*) AS cnt, MAX(v) AS mv
  FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND)) GROUP BY k, window_start, window_end`;

const JOBS: Record<string, string> = {
  'grouped directly by the inner window': `${DDL}
    INSERT INTO snk SELECT window_start, window_end, SUM(cnt), COUNT(*), MAX(mv) FROM (${INNER}) GROUP BY window_start, window_end;`,
  'through a projection that renames the window columns': `${DDL}
    INSERT INTO snk SELECT s, e, SUM(cnt), COUNT(*), MAX(mv)
      FROM (SELECT window_start AS s, window_end AS e, cnt, mv FROM (${INNER}) WHERE cnt > 0) GROUP BY s, e;`,
};

const at = (s: string) => `2024-01-01 00:00:${s}`;
const ROWS = [
  { k: 1, v: 5, ts: at('00.100') }, { k: 2, v: 7, ts: at('00.500') }, { k: 1, v: 1, ts: at('01.900') },
  { k: 3, v: 9, ts: at('02.200') }, { k: 1, v: 4, ts: at('03.500') }, { k: 2, v: 2, ts: at('06.000') },
  { k: 2, v: 8, ts: at('01.000') }, // late for [00, 02) once the watermark passed 01.999
  { k: 3, v: 3, ts: at('09.000') },
];

describe('window aggregation over a window aggregation', () => {
  for (const [what, sql] of Object.entries(JOBS)) {
    test(`${what}: insert-only, the changelog real Flink gives`, () => {
      const local = runJob(sql, { inputs: { ev: ROWS }, engine: 'local' }).changelog('snk');
      expect(local.every((c) => c.startsWith('+I['))).toBe(true);
      expect(local).toEqual([
        '+I[2024-01-01T00:00, 2024-01-01T00:00:02, 3, 2, 7]',
        '+I[2024-01-01T00:00:02, 2024-01-01T00:00:04, 2, 2, 9]',
        '+I[2024-01-01T00:00:06, 2024-01-01T00:00:08, 1, 1, 2]',
        '+I[2024-01-01T00:00:08, 2024-01-01T00:00:10, 1, 1, 3]',
      ]);
      expect(runJob(sql, { inputs: { ev: ROWS }, engine: 'flink' }).changelog('snk')).toEqual(local);
    }, 300_000);
  }
});
