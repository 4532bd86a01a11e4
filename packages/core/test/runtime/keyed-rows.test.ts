import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KeyedRows } from '../../src/runtime/operators/keyed-rows.js';

// keys as singleKey gives them: small integers (the array), large or negative numbers, fractions, strings
const key = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(-1, 65535, 65536, 1e9, 2.5, -0, 'a', '1'));

describe('KeyedRows (an upsert sink\'s rows by key)', () => {
  it('holds the rows a Map from key to row holds, in the same order, after any sets and deletes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), key), { maxLength: 300 }), (ops) => {
        const rows = new KeyedRows();
        const reference = new Map<unknown, readonly unknown[]>();
        ops.forEach(([set, k], i) => {
          if (set) {
            const row = [k, i];
            rows.set(k, row);
            reference.set(k, row);
          } else {
            rows.delete(k);
            reference.delete(k);
          }
        });
        expect(rows.size).toBe(reference.size);
        const out = rows.toArray();
        expect(out).toEqual([...reference.values()]);
        out.forEach((r, i) => expect(r).toBe([...reference.values()][i]));
      }),
      { numRuns: 300 },
    );
  });
});
