/**
 * A regular join's side state (rows kept column by column in reused slots, a key's rows as a linked list) holds
 * exactly what a plain per-key list of rows holds: each key's live rows in arrival order, a retraction removing the
 * earliest equal row, match counts staying with their row, whatever the keys (dense integers, others, NULL's symbol).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JoinSideState } from '../../src/runtime/operators/join-state.js';
import { rowKey } from '../../src/runtime/values/compare.js';

type Op = { readonly add: boolean; readonly key: unknown; readonly row: readonly unknown[]; readonly matches: number };

const NULL_KEY = Symbol('null key');
const keys: unknown[] = [0, 1, 5, 70_000, -1, 2.5, 'k', NULL_KEY];

function rowsOf(s: JoinSideState, key: unknown): [unknown[], number][] {
  const out: [unknown[], number][] = [];
  for (let slot = s.first(key); slot >= 0; slot = s.nextOf(slot)) out.push([s.row(slot), s.matches(slot)]);
  return out;
}

describe('JoinSideState', () => {
  it('holds what per-key lists of rows hold, across removals and reused slots', () => {
    const op = fc.record({
      add: fc.boolean(),
      key: fc.constantFrom(...keys),
      row: fc.tuple(fc.constantFrom(1, 2, null), fc.constantFrom('a', 'b', null)),
      matches: fc.nat({ max: 3 }),
    });
    fc.assert(fc.property(fc.array(op, { minLength: 20, maxLength: 200 }), (ops: Op[]) => {
      const s = new JoinSideState(2, true);
      const model = new Map<unknown, [unknown[], number][]>();
      for (const o of ops) {
        const list = model.get(o.key) ?? [];
        model.set(o.key, list);
        if (o.add) {
          s.add(o.key, o.row, o.matches);
          list.push([[...o.row], o.matches]);
          continue;
        }
        const i = list.findIndex(([r]) => rowKey(r) === rowKey(o.row));
        const removed = s.remove(o.key, o.row);
        if (i < 0) expect(removed).toBeUndefined();
        else {
          const [[row, matches]] = list.splice(i, 1) as [[unknown[], number]];
          expect(removed).toEqual({ row, matches });
        }
      }
      for (const k of keys) expect(rowsOf(s, k)).toEqual(model.get(k) ?? []);
    }), { numRuns: 300 });
  });

  it('counts matches per row', () => {
    const s = new JoinSideState(1, true);
    s.add(3, ['xy'], 0);
    const b = s.add(3, ['xy'], 0);
    expect(s.addMatches(b, 2)).toBe(2);
    expect(s.addMatches(b, -1)).toBe(1);
    expect(rowsOf(s, 3)).toEqual([[['xy'], 0], [['xy'], 1]]);
  });
});
