/**
 * A folding group aggregation over insert rows (`keepChangelog: false`, updates folded) adds rows of live
 * small-integer keys into typed arrays (dense-group-kernel.ts, `denseRowLoop`) and moves those partial results
 * into the groups later: after 65,536 rows, before any change that is not a run of inserts, and at the end. Its
 * final table must be the general path's, which runs with the changelog kept (every row accumulated into its
 * group and its update emitted): on random rows with NULL keys and values, negative keys and keys beyond the
 * dense range, BIGINTs beyond 2^31 and 2^53 (bigints), and deletions between runs of inserts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/testing/index.js';

const INSERTS = "CREATE TABLE ev (k INT, v BIGINT, s STRING) WITH ('connector' = 'values');";
const CHANGES = "CREATE TABLE ev (k INT, v BIGINT, s STRING) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D');";
const SINK = "CREATE TABLE snk (k INT, c BIGINT, cv BIGINT, t BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');";
const QUERY = 'INSERT INTO snk SELECT k, COUNT(*), COUNT(v), SUM(v) FROM ev GROUP BY k;';

const BIG = [2n ** 53n + 1n, -(2n ** 62n), 2n ** 63n - 1n, -(2n ** 63n)];
// (no NULL key: the sink's primary key refuses one, on both paths alike)
const key = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }) }, { weight: 1, arbitrary: fc.integer({ min: -5, max: 70_000 }) });
const value = fc.option(fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 1, arbitrary: fc.constantFrom(2147483647, -2147483647, 2147483648, -2147483649, 2 ** 40, -(2 ** 52)) },
  { weight: 1, arbitrary: fc.constantFrom(...BIG) },
), { nil: null, freq: 10 });
const row = fc.tuple(key, value, fc.option(fc.constantFrom('x', 'ü', '😀'), { nil: null, freq: 4 }));
type Row = [number, number | bigint | null, string | null];

function table(ddl: string, input: readonly unknown[], keepChangelog: boolean): unknown {
  return runJob(ddl + SINK + QUERY, { inputs: { ev: input as Row[] }, keepChangelog }).rows('snk');
}

describe('the dense loop over insert rows', () => {
  it('gives the final table of the general path', () => {
    expect(table(INSERTS, [[1, 5, null], [1, null, 'x'], [2, 2n ** 62n, null], [1, 7, null]], false)).toEqual([{ k: 1, c: 3, cv: 2, t: 12 }, { k: 2, c: 1, cv: 1, t: 2n ** 62n }]);
    // short lists, and now and then lists spanning several batches of rows (4,096 each)
    const rows = fc.oneof({ weight: 4, arbitrary: fc.array(row, { maxLength: 40 }) }, { weight: 1, arbitrary: fc.array(row, { minLength: 4000, maxLength: 12_000 }) });
    fc.assert(fc.property(rows, (rs) => {
      expect(table(INSERTS, rs, false)).toEqual(table(INSERTS, rs, true));
    }), { numRuns: 40 });
  });

  it('moves its partial results into the groups before a deletion reads them', () => {
    // runs of inserts with deletions of earlier rows in between: a deletion reaching a key's last row must see
    // every insert before it (a partial result left behind would keep the key alive or drop it too early)
    const entries = fc.array(row, { minLength: 1, maxLength: 3000 }).chain((rs) => fc.tuple(
      fc.constant(rs),
      fc.array(fc.tuple(fc.nat({ max: rs.length - 1 }), fc.nat({ max: rs.length })), { maxLength: 8 }),
    ));
    fc.assert(fc.property(entries, ([rs, deletes]) => {
      const input: unknown[] = [...rs];
      // each deletion (of row `d`) goes in after row `at`, when that is after `d`
      for (const [d, at] of [...deletes].sort((a, b) => b[1] - a[1])) {
        if (at > d) input.splice(at, 0, { kind: '-D', row: rs[d] });
      }
      expect(table(CHANGES, input, false)).toEqual(table(CHANGES, input, true));
    }), { numRuns: 40 });
  });

  it('sums large values exactly across many batches of rows', () => {
    const n = 200_000;
    const rs: Row[] = Array.from({ length: n }, (_, i) => [i % 3, i % 2 === 0 ? 2147483647 : -2147483000, null]);
    const expected = [0, 1, 2].map((k) => {
      let t = 0n;
      let c = 0;
      for (let i = k; i < n; i += 3) {
        t += BigInt(rs[i]![1] as number);
        c++;
      }
      return { k, c, cv: c, t: Number(t) };
    });
    expect(table(INSERTS, rs, false)).toEqual(expected);
  });
});
