import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Change, RowKind } from '../../src/runtime/changelog.js';
import { ChangeStore } from '../../src/runtime/operators/change-store.js';

const kind = fc.constantFrom<RowKind>('+I', '-U', '+U', '-D');
const value = fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.bigInt());

describe('ChangeStore (a sink\'s kept changelog)', () => {
  it('gives back every change in order, with its kind and values, across chunks and rows of another width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3000 }), fc.infiniteStream(fc.tuple(kind, fc.array(value, { maxLength: 5 }), fc.boolean())), (width, n, stream) => {
        const store = new ChangeStore(width);
        const expected: Change[] = [];
        const it = stream[Symbol.iterator]();
        for (let i = 0; i < n; i++) {
          const [k, extra, odd] = it.next().value as [RowKind, unknown[], boolean];
          // mostly rows of the store's width; sometimes another width (kept whole)
          const row = odd ? extra : Array.from({ length: width }, (_, j) => extra[j % Math.max(1, extra.length)] ?? i * 10 + j);
          store.add(k, row);
          expected.push({ kind: k, row: [...row] });
        }
        expect(store.size).toBe(n);
        expect(store.toArray()).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('makes the list once, and again after a change is added', () => {
    const store = new ChangeStore(2);
    store.add('+I', [1, 'a']);
    const first = store.toArray();
    expect(store.toArray()).toBe(first);
    store.add('-D', [1, 'a']);
    expect(store.toArray()).toEqual([{ kind: '+I', row: [1, 'a'] }, { kind: '-D', row: [1, 'a'] }]);
  });
});
