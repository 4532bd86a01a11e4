/**
 * The compact state columns give back exactly what was written at each position, whichever form the values
 * take (integers, other numbers including -0 and NaN, repeated primitives, objects) and however the column had to
 * widen on the way; sparse and far positions (the chunks beyond the first) included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK, IntColumn, ValueColumn } from '../../src/runtime/operators/columns.js';

const value = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.integer(),
  fc.constantFrom(-0, NaN, 2 ** 40, 1.5, -Infinity),
  fc.constantFrom('a', 'b', '', null, true, false, undefined, 12n),
  fc.string({ maxLength: 3 }),
  fc.constant({ o: 1 }),
  // a new object per value: found by identity, never as an equal one
  fc.integer({ min: 0, max: 3 }).map((n) => ({ n })),
);
const position = fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 3 * CHUNK }));

describe('ValueColumn', () => {
  it('reads back every value written (Object.is), across widening and chunks', () => {
    fc.assert(fc.property(fc.array(fc.tuple(position, value), { minLength: 1, maxLength: 120 }), (writes) => {
      const col = new ValueColumn();
      const model = new Map<number, unknown>();
      for (const [i, v] of writes) {
        col.set(i, v);
        model.set(i, v);
        for (const [j, w] of model) expect(Object.is(col.get(j), w) || (typeof w === 'object' && w !== null && col.get(j) === w)).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('keeps equal strings once and widens past 65,535 distinct values', () => {
    const col = new ValueColumn();
    for (let i = 0; i < 70_000; i++) col.set(i, `s${i}`);
    for (let i = 0; i < 70_000; i += 997) expect(col.get(i)).toBe(`s${i}`);
    const rep = new ValueColumn();
    rep.set(0, ['x', 'y'].join(''));
    rep.set(1, ['x', 'y'].join(''));
    expect(rep.get(1)).toBe('xy');
  });

  it('gives back the very object written, shared or not, past 65,535 distinct objects', () => {
    const shared = [{ w: 0 }, { w: 1 }];
    const col = new ValueColumn();
    for (let i = 0; i < 1000; i++) col.set(i, shared[i % 2]);
    for (let i = 0; i < 1000; i++) expect(col.get(i)).toBe(shared[i % 2]);
    const objects = Array.from({ length: 70_000 }, (_, i) => ({ i }));
    const many = new ValueColumn();
    objects.forEach((o, i) => many.set(i, o));
    // an equal object written later is a value of its own
    many.set(70_000, { i: 0 });
    for (let i = 0; i < 70_000; i += 997) expect(many.get(i)).toBe(objects[i]);
    expect(many.get(70_000)).not.toBe(objects[0]);
    expect(many.get(70_000)).toEqual({ i: 0 });
  });
});

describe('IntColumn', () => {
  it('reads 0 where nothing was written and the value where it was', () => {
    fc.assert(fc.property(fc.array(fc.tuple(position, fc.oneof(fc.constant(0), fc.integer())), { maxLength: 60 }), (writes) => {
      const col = new IntColumn();
      const model = new Map<number, number>();
      for (const [i, v] of writes) {
        col.set(i, v);
        model.set(i, v);
      }
      for (let i = 0; i < 3 * CHUNK + 2; i += 211) expect(col.get(i)).toBe(model.get(i) ?? 0);
      for (const [i, v] of model) expect(col.get(i)).toBe(v);
    }), { numRuns: 200 });
  });
});

describe('recycled chunks', () => {
  it('a column made after another was recycled reads only what it was given (0 / its own values elsewhere)', () => {
    // the recycled column's values fill whole chunks of every typed form, so a later column takes those chunks
    const full = 2 * CHUNK + 5;
    const writes = fc.array(fc.tuple(fc.nat({ max: full }), fc.integer({ min: -3, max: 3 })), { maxLength: 40 });
    fc.assert(fc.property(writes, fc.constantFrom('int', 'float', 'code'), (later, form) => {
      const old = new ValueColumn();
      const oldInts = new IntColumn();
      for (let i = 0; i < full; i++) {
        old.set(i, form === 'int' ? 7 : form === 'float' ? 7.5 : 'x');
        oldInts.set(i, 9);
      }
      old.recycle();
      oldInts.recycle();
      // an ended column is not read again: reading it fails rather than giving a value
      expect(() => old.get(3)).toThrow();
      const col = new ValueColumn();
      const ints = new IntColumn();
      const model = new Map<number, number>();
      for (const [i, v] of later) {
        col.set(i, form === 'code' ? String(v) : form === 'float' ? v + 0.5 : v);
        ints.set(i, v);
        model.set(i, v);
      }
      for (let i = 0; i <= full; i += 97) expect(ints.get(i)).toBe(model.get(i) ?? 0);
      for (const [i, v] of model) {
        expect(ints.get(i)).toBe(v);
        expect(col.get(i)).toBe(form === 'code' ? String(v) : form === 'float' ? v + 0.5 : v);
      }
    }), { numRuns: 60 });
  });
});
