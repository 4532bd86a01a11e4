/**
 * A folding group aggregation over insert rows (`keepChangelog: false`, updates folded) adds rows of live
 * small-integer keys into typed arrays (dense-group-kernel.ts, `denseRowLoop`) and moves those partial results
 * into the groups later: after 65,536 rows, before any change that is not a run of inserts, and at the end. Its
 * final table must be the general path's, which runs with the changelog kept (every row accumulated into its
 * group and its update emitted): on random rows with NULL keys and values, negative keys and keys beyond the
 * dense range, BIGINTs beyond 2^31 and 2^53 (bigints), and deletions between runs of inserts. MIN / MAX of an
 * insert-only input keep their run's extreme there too (integers, and strings in Java's UTF-16 order: a
 * character above U+FFFF, a surrogate pair, sorts below U+FFFF as it does in Java, above it by code point).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnar, runJob } from '../../src/testing/index.js';

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

  it('keeps MIN / MAX of integers and strings as the general path does, from rows and from columns', () => {
    const sink = "CREATE TABLE mm (k INT, c BIGINT, lo BIGINT, hi BIGINT, n INT, ls STRING, hs STRING, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');";
    const ddl = "CREATE TABLE ev (k INT, v BIGINT, s STRING, i INT) WITH ('connector' = 'values');";
    const query = 'INSERT INTO mm SELECT k, COUNT(*), MIN(v), MAX(v), MIN(i), MIN(s), MAX(s) FROM ev GROUP BY k;';
    const text = fc.option(fc.constantFrom('', 'a', 'ab', 'b', 'B', '\uFFFF', '\u{10000}', '\uD7FF', '\uE000', 'é', 'e\u0301'), { nil: null, freq: 5 });
    const int = fc.option(fc.integer({ min: -2147483648, max: 2147483647 }), { nil: null, freq: 5 });
    const mmRow = fc.tuple(key, value, text, int);
    const run = (input: readonly (readonly unknown[])[] | ReturnType<typeof columnar>, keepChangelog: boolean): unknown =>
      runJob(ddl + sink + query, { inputs: { ev: input as never }, keepChangelog }).rows('mm');
    // (the first row of a key makes its group; a bigint stops the loop; the last two rows meet in one run's extremes)
    expect(run([[1, 5, '\uE000', 3], [1, 5n, null, null], [1, -2, '\uFFFF', 7], [1, 9, '\u{10000}', -1], [2, null, null, null]], false)).toEqual([
      { k: 1, c: 4, lo: -2, hi: 9, n: -1, ls: '\u{10000}', hs: '\uFFFF' },
      { k: 2, c: 1, lo: null, hi: null, n: null, ls: null, hs: null },
    ]);
    const rows = fc.oneof({ weight: 4, arbitrary: fc.array(mmRow, { maxLength: 40 }) }, { weight: 1, arbitrary: fc.array(mmRow, { minLength: 4000, maxLength: 12_000 }) });
    fc.assert(fc.property(rows, (rs) => {
      const expected = run(rs, true);
      expect(run(rs, false)).toEqual(expected);
      const cols = columnar({ k: rs.map((r) => r[0]), v: rs.map((r) => r[1]), s: rs.map((r) => r[2]), i: rs.map((r) => r[3]) });
      expect(run(cols, false)).toEqual(expected);
    }), { numRuns: 40 });
  });
});
