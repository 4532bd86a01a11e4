/**
 * A source with a WATERMARK hands runs of insert rows on as one batch with each row's watermark
 * (`SourceOperator.pushInserts`), and a TUMBLE window TVF feeding its aggregation keeps a watermark back until
 * the aggregation acts on it (`WindowAssignOperator.processInsertsWatermarked`), handing over the rows without their
 * window columns when the aggregation reads none of them (`accumulateAssigned`). All must give exactly the
 * changelog of the row-by-row path (each row, then the watermark it advanced to), which an input of `+I` change
 * entries still takes: property-checked on random rows out of time order, with late rows, explicit watermarks,
 * a filter in between, and a window aggregation over the first one's output (a consumer that reads watermarks).
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';

const EV = "CREATE TABLE ev (k INT, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');\n";
const BASE = Date.UTC(2024, 0, 1);

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Entry = unknown[] | { watermark: Date };

/** Rows mostly in time order, some far behind (late), a few NULL times and explicit watermarks. */
function entries(seed: number, n: number): Entry[] {
  const r = random(seed);
  const out: Entry[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    t += Math.floor(r() * 700);
    const p = r();
    if (p < 0.03) out.push({ watermark: new Date(BASE + t - 500) });
    const at = p < 0.15 ? t - Math.floor(r() * 8000) : t;
    out.push([Math.floor(r() * 4), Math.floor(r() * 100), p > 0.97 ? null : new Date(BASE + at)]);
  }
  return out;
}

/** The same entries with each row as a `+I` change entry: the source's row-by-row path. */
const asChanges = (es: readonly Entry[]): unknown[] => es.map((e) => (Array.isArray(e) ? { kind: '+I', row: e } : e));

const QUERIES = {
  'TUMBLE aggregation': "SELECT k, window_start, window_end, COUNT(*) AS n, SUM(v) AS sv FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND)) GROUP BY k, window_start, window_end;",
  // its aggregates read window columns and a filter: the rows reach it with their window columns (no short path)
  'aggregates reading window columns': "SELECT k, window_start, COUNT(*) AS n, MAX(window_end) AS me, SUM(v) FILTER (WHERE v > 50) AS big FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND)) GROUP BY k, window_start, window_end;",
  'a filter before it': "CREATE VIEW f AS SELECT * FROM ev WHERE v > 20; SELECT k, window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE f, DESCRIPTOR(ts), INTERVAL '3' SECOND)) GROUP BY k, window_start, window_end;",
  'HOP aggregation': "SELECT window_start, COUNT(*) AS n FROM TABLE(HOP(TABLE ev, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)) GROUP BY window_start, window_end;",
  'a window over a window': "CREATE VIEW w1 AS SELECT k, window_start AS ws, window_end AS we, window_time AS wt, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end, window_time; SELECT window_start, SUM(n) AS total FROM TABLE(TUMBLE(TABLE w1, DESCRIPTOR(wt), INTERVAL '4' SECOND)) GROUP BY window_start, window_end;",
  'a cascaded window aggregation': "SELECT ws, SUM(n) AS total FROM (SELECT k, window_start AS ws, window_end AS we, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND)) GROUP BY k, window_start, window_end) GROUP BY ws, we;",
};

describe('a watermarked source in batches gives the row-by-row changelog', () => {
  for (const [name, q] of Object.entries(QUERIES)) {
    test(name, () => {
      for (let seed = 1; seed <= 12; seed++) {
        const es = entries(seed, 300 + seed * 50);
        const batched = runJob(EV + q, { inputs: { ev: es } }).changelog();
        const rowByRow = runJob(EV + q, { inputs: { ev: asChanges(es) as never } }).changelog();
        expect(batched.length).toBeGreaterThan(0);
        expect(batched, `seed ${seed}`).toEqual(rowByRow);
      }
    });
  }
});
