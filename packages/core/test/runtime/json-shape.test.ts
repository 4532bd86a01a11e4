/**
 * A JSON_VALUE reader tries the shape expression of a document it read before (json-shape.ts) on the next ones:
 * on runs of documents of one shape (same keys in the same order, repeated keys included, same nesting and
 * spacing, other scalar values), mixed with documents of other shapes and with corrupted ones, it answers exactly
 * as `scanKeyPathText` (which never uses a shape expression), for paths of one to three keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyPathReader, scanKeyPathText } from '../../src/runtime/functions/json-scan.js';
import { shapeExpression } from '../../src/runtime/functions/json-shape.js';
import { JsonSyntaxError } from '../../src/runtime/functions/json-text.js';

/** A document's skeleton: objects as lists of members (a key may repeat), arrays, and scalar holes. */
type Node = { readonly kind: 'hole' } | { readonly kind: 'object'; readonly members: readonly (readonly [string, Node])[] } | { readonly kind: 'array'; readonly items: readonly Node[] };

const KEYS = ['a', 'b', 'c', 'é', 'x y', '.'];
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({ kind: 'hole' } as const),
    fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('node')), { maxLength: 4 }).map((members) => ({ kind: 'object', members }) as const),
    fc.array(tie('node'), { maxLength: 3 }).map((items) => ({ kind: 'array', items }) as const),
  ),
})).node;
const top = fc.array(fc.tuple(fc.constantFrom(...KEYS), node), { minLength: 1, maxLength: 5 }).map((members): Node => ({ kind: 'object', members }));

/** Scalars without a backslash (the shape expressions read only such documents). */
const scalar = fc.oneof(
  fc.stringMatching(/^[a-zé 0-9{}:,[\]]{0,6}$/).map((s) => JSON.stringify(s)),
  fc.constantFrom('0', '-1', '12', '1.50', '1e2', '-0.0', '2E-3', '123456789012345678901', 'true', 'false', 'null'),
);

/** The document of a skeleton, its holes filled from `values` in turn, spaced as `space` says. */
function write(n: Node, values: readonly string[], space: string, at = { i: 0 }): string {
  switch (n.kind) {
    case 'hole':
      return values[at.i++ % values.length] as string;
    case 'object':
      return `{${space}${n.members.map(([k, v]) => `${JSON.stringify(k)}${space}:${space}${write(v, values, space, at)}`).join(`,${space}`)}${space}}`;
    case 'array':
      return `[${n.items.map((v) => write(v, values, space, at)).join(`,${space}`)}]`;
  }
}

/** The skeleton with its keys renamed (`to[i]` for `KEYS[i]`): the same structure, other keys. */
function rename(n: Node, to: readonly string[]): Node {
  switch (n.kind) {
    case 'hole':
      return n;
    case 'object':
      return { kind: 'object', members: n.members.map(([k, v]) => [to[KEYS.indexOf(k)] as string, rename(v, to)] as const) };
    case 'array':
      return { kind: 'array', items: n.items.map((v) => rename(v, to)) };
  }
}

const outcome = (f: () => unknown): unknown => {
  try {
    return f();
  } catch (e) {
    if (e instanceof JsonSyntaxError) return 'INVALID';
    throw e;
  }
};

const corrupt = (d: string, at: number, ins: string): string => d.slice(0, at % (d.length + 1)) + ins + d.slice((at % (d.length + 1)) + 1);

describe('shape expressions', () => {
  it('a reader answers as scanKeyPathText on runs of documents of one shape, other shapes, the same structure with other keys, and corruptions', () => {
    const run = fc.record({
      shape: top,
      space: fc.constantFrom('', ' ', '\n'),
      renamed: fc.array(fc.constantFrom(...KEYS), { minLength: KEYS.length, maxLength: KEYS.length }),
      docs: fc.array(fc.tuple(fc.array(scalar, { minLength: 1, maxLength: 6 }), fc.nat(9), fc.nat(), fc.constantFrom('"', '{', '}', ',', ':', '1', '-', 'e', '\\', '\u0001', ' ', '"a":1,')), { minLength: 1, maxLength: 40 }),
    });
    fc.assert(fc.property(fc.array(run, { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom(...KEYS), { minLength: 1, maxLength: 3 }), (runs, keys) => {
      const read = keyPathReader(keys);
      for (const r of runs) {
        for (const [values, kind, at, ins] of r.docs) {
          // mostly the run's shape; now and then a corruption of it, or its structure with other keys
          const d = write(kind === 1 ? rename(r.shape, r.renamed) : r.shape, values, r.space);
          const text = kind === 0 ? corrupt(d, at, ins) : d;
          expect(outcome(() => read(text))).toEqual(outcome(() => scanKeyPathText(text, keys)));
        }
      }
    }), { numRuns: 400 });
  });

  it('match the documents of the shape they were made from, and find the value where the document has it', () => {
    const doc = '{"subject":"math","score":37,"question":{"id":5,"tags":["a","b"]},"subject":"physics"}';
    const re = shapeExpression(doc, doc.lastIndexOf('"physics"')) as RegExp;
    const test = (t: string): number => {
      re.lastIndex = 0;
      return re.test(t) ? re.lastIndex : -1;
    };
    const other = '{"subject":"x","score":-1.5e3,"question":{"id":null,"tags":[true,"é"]},"subject":12}';
    expect(test(other)).toBe(other.lastIndexOf('12'));
    // another key order, spacing, a backslash, an object in a scalar's place, trailing text: not the shape
    expect(test('{"score":37,"subject":"math","question":{"id":5,"tags":["a","b"]},"subject":"p"}')).toBe(-1);
    expect(test('{"subject": "math","score":37,"question":{"id":5,"tags":["a","b"]},"subject":"p"}')).toBe(-1);
    expect(test('{"subject":"m\\"","score":37,"question":{"id":5,"tags":["a","b"]},"subject":"p"}')).toBe(-1);
    expect(test('{"subject":"math","score":{},"question":{"id":5,"tags":["a","b"]},"subject":"p"}')).toBe(-1);
    expect(test('{"subject":"math","score":37,"question":{"id":5,"tags":["a","b"]},"subject":"p"} x')).toBe(-1);
    expect(test('{"subject":"math","score":037,"question":{"id":5,"tags":["a","b"]},"subject":"p"}')).toBe(-1);
  });
});
