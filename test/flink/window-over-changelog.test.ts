/**
 * A window TVF aggregation over an updating input (a primary-key changelog, as the monitor reads Paimon's
 * `changelog-producer = input` tables): Flink 1.20 plans it as a window aggregation with retracting aggregates
 * (COUNT_RETRACT, SUM_RETRACT, MAX_RETRACT, distinct counts with retraction) and a hidden row count. A -U / -D
 * takes its row back out of the window it falls in while that window is open; one for a window that already fired
 * is late and dropped; a group whose rows were all taken back emits nothing (its hidden count is 0), while one
 * that saw only a delete emits its count of -1; the result is insert-only, fired by the watermark. The local runtime's answer is compared with real Flink 1.20.1 (the bridge) on the same fixtures.
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';
import type { TestEntry } from '@flinkts/core/testing';

const DDL = `
CREATE TABLE src (id BIGINT, k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND, PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D');
CREATE TABLE snk (k STRING, ws TIMESTAMP(3), we TIMESTAMP(3), cnt BIGINT, total INT, top_v INT, low_v INT, ids BIGINT, passed INT)
  WITH ('connector' = 'values');`;

const JOBS: Record<string, string> = {
  'grouped by the window': `${DDL}
    INSERT INTO snk SELECT CAST(NULL AS STRING), window_start, window_end, COUNT(*), SUM(v), MAX(v), MIN(v), COUNT(DISTINCT id), SUM(CASE WHEN v > 10 THEN 1 ELSE 0 END)
      FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end;`,
  'grouped by a key and the window': `${DDL}
    INSERT INTO snk SELECT k, window_start, window_end, COUNT(*), SUM(v), MAX(v), MIN(v), COUNT(DISTINCT id), SUM(CASE WHEN v > 10 THEN 1 ELSE 0 END)
      FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY k, window_start, window_end;`,
};

const at = (s: string) => `2024-01-01 00:00:${s}`;
const row = (id: number, k: string, v: number, ts: string) => ({ id: BigInt(id), k, v, ts: at(ts) });
const INPUT: TestEntry[] = [
  row(1, 'a', 10, '01.000'), row(2, 'a', 20, '02.000'), row(3, 'b', 40, '02.500'),
  { kind: '-U', row: row(1, 'a', 10, '01.000') }, { kind: '+U', row: row(1, 'a', 30, '03.000') }, // an update inside the window
  { kind: '-D', row: row(3, 'b', 40, '02.500') }, // group b of [00, 05) emptied
  row(4, 'a', 5, '06.000'), { kind: '-D', row: row(4, 'a', 5, '06.000') }, // window [05, 10) emptied
  row(2, 'a', 20, '04.000'), // the same key inserted again (an at-least-once replay): counted twice, one distinct id
  row(5, 'b', 7, '12.000'), // the watermark passes 10.999: [00, 05) and [05, 10) fire
  { kind: '-U', row: row(2, 'a', 20, '02.000') }, { kind: '+U', row: row(2, 'a', 25, '13.000') }, // -U late, +U in [10, 15)
  row(6, 'b', 50, '11.000'), { kind: '-D', row: row(6, 'b', 50, '11.000') }, // the maximum taken back
  { kind: '-D', row: row(7, 'b', 1, '14.000') }, // a delete whose insert was never seen
  { kind: '-D', row: row(8, 'c', 3, '17.000') }, // a window [15, 20) of only a delete: its row count is -1
];

/** Insert-only; the emptied groups ([00, 05) of b, [05, 10)) emit nothing, a group of only a delete its -1. */
const EXPECTED: Record<string, readonly string[]> = {
  'grouped by the window': [
    '+I[null, 2024-01-01T00:00, 2024-01-01T00:00:05, 2, 50, 30, 20, 2, 2]',
    '+I[null, 2024-01-01T00:00:10, 2024-01-01T00:00:15, 1, 31, 25, 7, 2, 1]',
    '+I[null, 2024-01-01T00:00:15, 2024-01-01T00:00:20, -1, -3, null, null, 0, 0]',
  ],
  'grouped by a key and the window': [
    '+I[a, 2024-01-01T00:00, 2024-01-01T00:00:05, 2, 50, 30, 20, 2, 2]',
    '+I[a, 2024-01-01T00:00:10, 2024-01-01T00:00:15, 1, 25, 25, 25, 1, 1]',
    '+I[c, 2024-01-01T00:00:15, 2024-01-01T00:00:20, -1, -3, null, null, 0, 0]',
  ],
};

describe('window aggregation over an updating input', () => {
  for (const [what, sql] of Object.entries(JOBS)) {
    test(`${what}: the changelog real Flink gives`, () => {
      const local = runJob(sql, { inputs: { src: INPUT }, engine: 'local' }).changelog('snk');
      expect(local).toEqual(EXPECTED[what]);
      const flink = runJob(sql, { inputs: { src: INPUT }, engine: 'flink' }).changelog('snk');
      expect([...flink].sort()).toEqual([...local].sort());
    }, 300_000);
  }
});
