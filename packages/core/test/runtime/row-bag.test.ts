/** The sink's row bag removes exactly the row the plain "first equal row" scan removes, in arrival order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowBag } from '../../src/runtime/operators/row-bag.js';
import { rowKey } from '../../src/runtime/values/compare.js';

/** The reference: an array, retraction = splice of the first row with the same key. */
function naive(ops: readonly (readonly [boolean, readonly unknown[]])[]): (readonly unknown[])[] {
  const rows: (readonly unknown[])[] = [];
  for (const [add, row] of ops) {
    if (add) rows.push(row);
    else {
      const i = rows.findIndex((r) => rowKey(r) === rowKey(row));
      if (i >= 0) rows.splice(i, 1);
    }
  }
  return rows;
}

function bag(ops: readonly (readonly [boolean, readonly unknown[]])[], width = 2): (readonly unknown[])[] {
  const b = new RowBag(width);
  for (const [add, row] of ops) {
    if (add) b.add(row);
    else b.remove(row);
  }
  return b.toArray();
}

describe('RowBag', () => {
  it('removes the earliest equal row and keeps arrival order (NULLs equal, 1 and 1.0 decimals aside)', () => {
    const ops: [boolean, unknown[]][] = [[true, [1, 'a', null]], [true, [null, 'b', null]], [true, [1, 'a', 'x']], [true, [1, 'a', null]], [false, [1, 'a', null]], [false, [null, 'b', null]], [false, [7, null, null]], [true, [null, 'b', null]]];
    expect(bag(ops, 3)).toEqual([[1, 'a', 'x'], [1, 'a', null], [null, 'b', null]]);
    expect(bag(ops, 3)).toEqual(naive(ops));
  });

  it('keeps the value objects of the surviving rows themselves (rows are made again, their values are not copied)', () => {
    const first = { millis: 1 };
    const second = { millis: 1 };
    const b = new RowBag(1);
    b.add([first]);
    b.add([second]);
    b.remove([{ millis: 1 }]);
    expect(b.size).toBe(1);
    expect(b.toArray()[0]?.[0]).toBe(second);
    const seen: unknown[] = [];
    b.forEach((r) => seen.push(r[0]));
    expect(seen).toEqual([second]);
  });

  it('matches the plain scan on random insert/retract sequences, across compactions', () => {
    const row = fc.tuple(fc.constantFrom(1, 2, 3, null), fc.constantFrom('a', 'b', null));
    const ops = fc.array(fc.tuple(fc.boolean(), row), { maxLength: 3000 });
    fc.assert(fc.property(ops, (o) => {
      expect(bag(o)).toEqual(naive(o));
    }), { numRuns: 60 });
  });

  it('reads as runs of columns exactly the rows forEach gives, across chunks and column forms; not after a removal', () => {
    /** The rows `forEachRun` gives, each made from its run's columns. */
    const runRows = (b: RowBag): unknown[][] | undefined => {
      const rows: unknown[][] = [];
      const read = b.forEachRun((columns, count) => {
        for (let i = 0; i < count; i++) rows.push(columns.map((c) => c[i]));
      });
      return read ? rows : undefined;
    };
    // ints that widen to floats and then to any value, -0, NULLs, dictionary strings, objects by identity
    const shared = { millis: 5 };
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(-0, 0.5, null, 'a', 'b', shared), fc.double({ noNaN: true }));
    fc.assert(fc.property(fc.array(fc.tuple(value, value), { maxLength: 40 }), fc.integer({ min: 0, max: 20_000 }), (rows, pad) => {
      const b = new RowBag(2);
      // a run of plain ints first (chunks of int32 values that later values may widen), then the random rows
      for (let i = 0; i < pad; i++) b.add([i, i % 3]);
      for (const r of rows) b.add(r);
      const each: unknown[][] = [];
      b.forEach((r) => each.push(r));
      const runs = runRows(b) as unknown[][];
      expect(runs.length).toBe(each.length);
      runs.forEach((r, i) => r.forEach((v, c) => expect(Object.is(v, (each[i] as unknown[])[c])).toBe(true)));
    }), { numRuns: 40 });
    const b = new RowBag(1);
    b.add([1]);
    b.add([2]);
    b.remove([1]);
    expect(runRows(b)).toBeUndefined();
  });

  it('stays linear for a long retract stream', () => {
    const b = new RowBag(2);
    const t0 = performance.now();
    for (let i = 0; i < 50_000; i++) {
      b.add([i % 1000, i]);
      if (i >= 1000) b.remove([(i - 1000) % 1000, i - 1000]);
    }
    expect(b.toArray()).toEqual(Array.from({ length: 1000 }, (_, j) => [(49_000 + j) % 1000, 49_000 + j]));
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
