/**
 * The group aggregation's state for keys of two or more columns (KeyTrie: one Map level per column, no key text
 * per row) groups exactly as the key text `rowKey` does: the same lists find the same entry, NULL is its own value
 * (not the text `rowKey` makes of it), -0 is 0, 1.0 is 1.00, a bigint is the number it equals; emptied levels go.
 * Then a job grouping by two columns gives the changelog Flink gives, groups deleted and made again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyTrie } from '../../src/runtime/operators/key-trie.js';
import { Decimal } from '../../src/runtime/values/decimal.js';
import { rowKey } from '../../src/runtime/values/compare.js';
import { runJob } from '../../src/testing/index.js';
import type { TestEntry } from '../../src/testing/index.js';

/** Key values of one column type each, with the values `rowKey` treats as equal in different forms. */
const column = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, 0, -0, 1, NaN, 2 ** 53, 1n, 2n ** 53n, 2n ** 64n),
  fc.constantFrom<unknown>('', 'a', '\u0000N\u0002', 'n1', '0'),
  fc.constantFrom<unknown>(true, false),
  fc.constantFrom('1.0', '1.00', '2.5', '-0.0').map((t) => Decimal.fromString(t) as unknown),
);

describe('KeyTrie', () => {
  it('keys a bigint and the number that holds it exactly as one value, as rowKey does (2^53 included)', () => {
    const trie = new KeyTrie<number>(2);
    trie.set([1.0, 9007199254740992], 0);
    trie.set([1.0, 9007199254740992n], 1);
    expect(trie.get([1, 9007199254740992])).toBe(1);
    expect(rowKey([1.0, 9007199254740992])).toBe(rowKey([1.0, 9007199254740992n]));
    trie.set([1.0, 2n ** 70n], 2);
    expect(trie.get([1.0, 2 ** 70])).toBeUndefined();
    expect(rowKey([1.0, 2 ** 70])).not.toBe(rowKey([1.0, 2n ** 70n]));
  });

  it('finds, replaces and deletes as a Map keyed by rowKey does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }), fc.array(fc.tuple(fc.constantFrom('set', 'set', 'delete'), fc.array(column, { minLength: 3, maxLength: 3 })), { maxLength: 80 }), (depth, ops) => {
        const trie = new KeyTrie<number>(depth);
        const reference = new Map<string, number>();
        ops.forEach(([op, values], i) => {
          const key = values.slice(0, depth);
          if (op === 'set') {
            trie.set(key, i);
            reference.set(rowKey(key), i);
          } else {
            trie.delete(key);
            reference.delete(rowKey(key));
          }
          for (const [, other] of ops) expect(trie.get(other.slice(0, depth))).toBe(reference.get(rowKey(other.slice(0, depth))));
        });
        // every level emptied by the deletions is gone: the root is empty when nothing is left
        for (const [, values] of ops) trie.delete(values.slice(0, depth));
        expect((trie as unknown as { root: Map<unknown, unknown> }).root.size).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('group aggregation by two columns', () => {
  const sql = `CREATE TABLE src (k INT, j STRING, v BIGINT) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D');
    CREATE TABLE snk (k INT, j STRING, cnt BIGINT, total BIGINT) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, j, COUNT(*), SUM(v) FROM src GROUP BY k, j;`;
  const e = (kind: string, k: number | null, j: string | null, v: number | null): TestEntry => ({ kind, row: { k, j, v } }) as unknown as TestEntry;

  it('keeps NULL keys apart, deletes a group at its last retraction and starts it again', () => {
    const entries = [
      e('+I', 1, 'a', 10), e('+I', 1, null, 5), e('+I', null, 'a', 7), e('+I', null, null, 1), e('+I', 1, 'a', 2),
      e('-D', 1, 'a', 10), e('-D', 1, 'a', 2), e('+I', 1, 'a', 3), e('-D', 2, 'b', 1), e('+I', null, null, null),
    ];
    const run = runJob(sql, { inputs: { src: entries } });
    expect(run.changelog('snk')).toEqual([
      '+I[1, a, 1, 10]', '+I[1, null, 1, 5]', '+I[null, a, 1, 7]', '+I[null, null, 1, 1]',
      '-U[1, a, 1, 10]', '+U[1, a, 2, 12]', '-U[1, a, 2, 12]', '+U[1, a, 1, 2]', '-D[1, a, 1, 2]',
      '+I[1, a, 1, 3]', '-U[null, null, 1, 1]', '+U[null, null, 2, 1]',
    ]);
    expect(runJob(sql, { inputs: { src: entries }, keepChangelog: false }).table('snk')).toEqual(run.table('snk'));
  });
});
