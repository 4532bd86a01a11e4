/**
 * A window aggregation reuses a fired window's panes (and their accumulators, reset) for later windows. Nothing of
 * an earlier window may leak into a later one: each window's result must be what a job that reads only that
 * window's rows gives, for every kind of accumulator (DISTINCT, MIN/MAX, AVG, DECIMAL, LISTAGG, FIRST/LAST_VALUE,
 * COLLECT, which has no reset and is made anew).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/testing/index.js';
import { AggregateSet, aggregateResultType } from '../../src/runtime/operators/aggregates.js';
import type { AggregateSpec } from '../../src/runtime/operators/aggregates.js';
import { T } from '../../src/runtime/types.js';

const BASE = Date.UTC(2024, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const DDL = `
  CREATE TABLE ev (k INT, g STRING, v INT, d DECIMAL(10, 2), s STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');`;
const AGGS = 'COUNT(*) AS n, COUNT(DISTINCT v) AS dv, SUM(DISTINCT v) AS sdv, MIN(v) AS mn, MAX(s) AS mx, AVG(v) AS av, SUM(d) AS sd, LISTAGG(s) AS ls, FIRST_VALUE(s) AS fv, LAST_VALUE(s) AS lv, COLLECT(v) AS cv';

interface Ev { readonly k: number; readonly g: string; readonly v: number; readonly d: string; readonly s: string; readonly t: number }
const events = fc.array(fc.record({
  k: fc.integer({ min: 0, max: 2 }),
  g: fc.constantFrom('x', 'y'),
  v: fc.integer({ min: 0, max: 5 }),
  d: fc.integer({ min: -500, max: 500 }).map((c) => (c / 100).toFixed(2)),
  s: fc.constantFrom('a', 'b', 'c'),
  t: fc.integer({ min: 0, max: 1500 }),
}), { minLength: 4, maxLength: 40, size: 'medium' })
  // in time order (no late row: a row late in the whole run would not be late in a run of its window alone)
  .map((rs) => {
    let t = 0;
    return rs.map((r) => ({ ...r, t: (t += r.t) }));
  });

const inputsOf = (rs: readonly Ev[]) => ({ ev: rs.map((r) => ({ k: r.k, g: r.g, v: r.v, d: r.d, s: r.s, ts: iso(BASE + r.t) })) });

/** The windows a row at `t` is in: [start, end) in millis from BASE. */
type Assign = (t: number) => [number, number][];
const tumble: Assign = (t) => [[Math.floor(t / 2000) * 2000, Math.floor(t / 2000) * 2000 + 2000]];
const hop: Assign = (t) => {
  const out: [number, number][] = [];
  for (let s = Math.floor(t / 1000) * 1000; s > t - 3000; s -= 1000) out.push([s, s + 3000]);
  return out;
};

const CASES: readonly { readonly name: string; readonly tvf: string; readonly assign: Assign; readonly keys: string }[] = [
  { name: 'TUMBLE, one key', tvf: "TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND)", assign: tumble, keys: 'k' },
  // a key that is not a small integer: the fast path's Map index instead of its array
  { name: 'TUMBLE, one string key', tvf: "TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND)", assign: tumble, keys: 'g' },
  { name: 'TUMBLE, two keys', tvf: "TUMBLE(TABLE ev, DESCRIPTOR(ts), INTERVAL '2' SECOND)", assign: tumble, keys: 'k, g' },
  { name: 'HOP, one key', tvf: "HOP(TABLE ev, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)", assign: hop, keys: 'k' },
];

describe('a reused pane starts as a new one', () => {
  for (const c of CASES) {
    it(`${c.name}: every window's result is that of a run over its rows alone`, () => {
      const sql = `${DDL}
        SELECT ${c.keys}, window_start, window_end, ${AGGS} FROM TABLE(${c.tvf}) GROUP BY ${c.keys}, window_start, window_end;`;
      fc.assert(fc.property(events, (rs) => {
        const whole = runJob(sql, { inputs: inputsOf(rs) }).table();
        const windows = new Map<string, Ev[]>();
        for (const r of rs) for (const [s, e] of c.assign(r.t)) windows.set(`${s}|${e}`, [...(windows.get(`${s}|${e}`) ?? []), r]);
        const alone: string[] = [];
        for (const [w, wrs] of windows) {
          const [s, e] = w.split('|').map(Number) as [number, number];
          // the same job over the window's rows only, keeping that window's result
          const one = runJob(sql, { inputs: inputsOf(wrs) }).table();
          const start = iso(BASE + s).replace(' ', 'T').replace(/(:00)?\.000$/, '');
          const end = iso(BASE + e).replace(' ', 'T').replace(/(:00)?\.000$/, '');
          alone.push(...one.filter((line) => line.includes(`${start}, ${end}`)));
        }
        expect([...whole].sort()).toEqual(alone.sort());
      }), { numRuns: 25 });
    });
  }
});

describe('AggregateSet.reset', () => {
  it('gives accumulators that answer as new ones', () => {
    type Type = ReturnType<typeof T.int>;
    // rows: [INT, STRING, BIGINT held as a number]
    const spec = (name: AggregateSpec['name'], column?: number, argType?: Type, distinct = false): AggregateSpec => ({
      name, distinct, ...(column === undefined ? {} : { argColumn: column, arg: (row) => row[column] ?? null, argType }), resultType: aggregateResultType(name, argType),
    });
    const specs = [spec('COUNT'), spec('SUM', 0, T.int()), spec('SUM', 0, T.int(), true), spec('MIN', 0, T.int()), spec('MAX', 1, T.string()), spec('AVG', 0, T.int()), spec('LISTAGG', 1, T.string()), spec('FIRST_VALUE', 1, T.string()), spec('LAST_VALUE', 1, T.string()), spec('COUNT', 0, T.int(), true), spec('SUM0', 2, T.bigint()), spec('SUM', 2, T.bigint())];
    const set = new AggregateSet(specs);
    const rows = fc.array(fc.tuple(fc.option(fc.integer({ min: -3, max: 3 })), fc.option(fc.constantFrom('a', 'b')), fc.option(fc.integer({ min: -5, max: 5 }))), { maxLength: 12 });
    fc.assert(fc.property(rows, rows, (before, after) => {
      const used = set.create();
      for (const r of before) set.accumulate(used, r, false);
      set.reset(used);
      const fresh = set.create();
      expect(set.values(used)).toEqual(set.values(fresh));
      for (const r of after) {
        set.accumulate(used, r, false);
        set.accumulate(fresh, r, false);
      }
      expect(set.values(used)).toEqual(set.values(fresh));
    }), { numRuns: 100 });
  });
});
