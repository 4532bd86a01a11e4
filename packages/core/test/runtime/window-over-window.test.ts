/**
 * Window properties propagate (as in Flink): grouping the output of a window aggregation by its window_start and
 * window_end is again a window aggregation. Property: counting per window through a per-key window aggregation
 * gives exactly the changelog of counting per window directly — insert-only, one row per window, fired in the
 * same order — for out-of-order rows with late ones dropped. (test/flink/window-over-window.test.ts checks the
 * same shape against real Flink.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/testing/index.js';

const DDL = `
  CREATE TABLE ev (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');
  CREATE TABLE snk (ws TIMESTAMP(3), we TIMESTAMP(3), n BIGINT, s BIGINT) WITH ('connector' = 'values');`;
const TVF = "TABLE(HOP(TABLE ev, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '2' SECOND))";
const DIRECT = `${DDL} INSERT INTO snk SELECT window_start, window_end, COUNT(*), SUM(v) FROM ${TVF} GROUP BY window_start, window_end;`;
const CASCADED = `${DDL} INSERT INTO snk SELECT ws, we, SUM(c), SUM(sv) FROM (
    SELECT window_start AS ws, window_end AS we, COUNT(*) AS c, CAST(SUM(v) AS BIGINT) AS sv FROM ${TVF} GROUP BY k, window_start, window_end
  ) GROUP BY ws, we;`;

const BASE = Date.UTC(2024, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const rows = fc.array(fc.record({ k: fc.integer({ min: 0, max: 3 }), v: fc.integer({ min: 0, max: 9 }), jitter: fc.integer({ min: -1500, max: 1500 }) }), { maxLength: 40 })
  .map((rs) => rs.map((r, i) => ({ k: r.k, v: r.v, ts: iso(BASE + Math.max(0, i * 250 + r.jitter)) })));

describe('window aggregation over a window aggregation', () => {
  it('counts per window as the direct window aggregation does (insert-only, same order)', () => {
    fc.assert(fc.property(rows, (ev) => {
      const direct = runJob(DIRECT, { inputs: { ev } }).changelog('snk');
      const cascaded = runJob(CASCADED, { inputs: { ev } }).changelog('snk');
      expect(cascaded).toEqual(direct);
      expect(cascaded.every((c) => c.startsWith('+I['))).toBe(true);
    }), { numRuns: 80 });
  });
});
