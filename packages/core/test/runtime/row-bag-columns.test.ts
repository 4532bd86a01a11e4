/**
 * Rows added to the sink's row bag as runs of columns (`addColumns`, written by `ValueColumn.setRun` a chunk at a
 * time in the column's form) read back exactly as the same rows added one by one: across chunk boundaries, the
 * small first chunk's growth, every column form and a widening in the middle of a run, with removals in between.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowBag } from '../../src/runtime/operators/row-bag.js';

const value = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constant(-0),
  fc.constant(2 ** 40),
  fc.double({ noNaN: true, min: -2, max: 2 }),
  fc.constantFrom('a', 'b', 'c'),
  fc.constant(null),
  fc.constant(10n),
);
/** A column that keeps one kind of value for a long stretch, then maybe changes (a widening within a run). */
const column = (n: number) => fc.tuple(value, value, fc.integer({ min: 0, max: n })).map(([a, b, at]) => Array.from({ length: n }, (_, i) => (i < at ? a : b)));

describe('RowBag.addColumns', () => {
  it('keeps the rows that add gives, in order, across runs and chunks', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 9000 }), fc.boolean()), { minLength: 1, maxLength: 4 }),
      fc.context(),
      (runs, ctx) => {
        const byRows = new RowBag(2);
        const byColumns = new RowBag(2);
        let seed = 0;
        for (const [n, remove] of runs) {
          // two columns: one varying kind within the run, one of mixed values
          const a = fc.sample(column(n), { numRuns: 1, seed: seed++ })[0] as unknown[];
          const b = fc.sample(fc.array(value, { minLength: n, maxLength: n }), { numRuns: 1, seed: seed++ })[0] as unknown[];
          const start = n > 2 ? 1 : 0;
          for (let i = start; i < n; i++) byRows.add([a[i], b[i]]);
          byColumns.addColumns([a, b], start, n);
          if (remove && n > start) {
            byRows.remove([a[start], b[start]]);
            byColumns.remove([a[start], b[start]]);
          }
        }
        ctx.log(`${byRows.size} rows`);
        const x = byColumns.toArray();
        const y = byRows.toArray();
        expect(x.length).toBe(y.length);
        // Object.is: -0 and 0 are kept apart
        for (let i = 0; i < x.length; i++) for (let c = 0; c < 2; c++) if (!Object.is(x[i]![c], y[i]![c])) expect([i, c, x[i]![c]]).toEqual([i, c, y[i]![c]]);
      },
    ), { numRuns: 60 });
  });
});
