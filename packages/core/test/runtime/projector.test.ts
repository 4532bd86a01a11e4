/** The array-literal projections build the same rows as the general loop, evaluating columns left to right. */
import { describe, expect, it } from 'vitest';
import type { Evaluator } from '../../src/runtime/compiled.js';
import { projector } from '../../src/runtime/operators/projector.js';

describe('projector', () => {
  const input = [1n, null, 'x', undefined, 2.5, true, [1], 'last'];
  for (let width = 0; width <= 8; width++) {
    it(`width ${width}: same values, same order of evaluation`, () => {
      const seen: number[] = [];
      const evs: Evaluator[] = Array.from({ length: width }, (_, i) => (r) => {
        seen.push(i);
        return r[(i * 3) % r.length];
      });
      const row = projector(evs)(input);
      expect(row).toEqual(evs.map((_, i) => input[(i * 3) % input.length]));
      expect(row).toHaveLength(width);
      expect(seen).toEqual(evs.map((_, i) => i));
    });
  }

  it('the first failing column is the error raised, as in the loop', () => {
    const boom = (m: string): Evaluator => () => { throw new Error(m); };
    for (let width = 2; width <= 8; width++) {
      const evs: Evaluator[] = Array.from({ length: width }, (_, i) => (i === 1 ? boom('first') : i === width - 1 ? boom('later') : () => i));
      expect(() => projector(evs)([])).toThrow('first');
    }
  });
});
