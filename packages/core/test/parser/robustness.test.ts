/** Mangled SQL never crashes the parser: it gets positioned FTS1xxx diagnostics, never an exception. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseDataType, parseExpression, parseScript } from '../../src/index.js';

const fixture = (path: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');
const jsonl = <T>(path: string): T[] => fixture(path).trim().split('\n').map((l) => JSON.parse(l) as T);

const corpus = [
  ...jsonl<{ query: string }>('flink-semantics/streaming.jsonl').map((c) => c.query),
  ...jsonl<{ sql: string }>('flink-semantics/functions.jsonl').map((c) => `SELECT ${c.sql}`),
];

const PIECES = ['(', ')', ',', ';', "'", '`', '"', 'SELECT', 'FROM', 'AS', 'OVER', 'CASE', 'END', 'WITH', '/*', '*/', '--', '/*+', 'INTERVAL',
  'ARRAY[', ']', '<', '>', '.', 'NOT', 'NULL', 'TABLE', 'DESCRIPTOR', '=>', 'BEGIN', 'KEY', 'VALUE', 'ON', 'ERROR', '\n', '$', '{', '?', ':', 'é', '😀'];

type Edit = { readonly at: number; readonly insert?: string; readonly remove: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ at: fc.nat(), insert: fc.constantFrom(...PIECES), remove: fc.constant(0) }),
  fc.record({ at: fc.nat(), remove: fc.integer({ min: 1, max: 6 }) }),
);

function mangle(text: string, edits: readonly Edit[]): string {
  let s = text;
  for (const e of edits) {
    const at = e.at % (s.length + 1);
    s = e.insert === undefined ? s.slice(0, at) + s.slice(at + e.remove) : `${s.slice(0, at)} ${e.insert} ${s.slice(at)}`;
  }
  return s;
}

test('mangled reference queries give diagnostics with codes and positions, never exceptions', () => {
  fc.assert(
    fc.property(fc.nat(corpus.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 }), (i, edits) => {
      const text = mangle(corpus[i]!, edits);
      const { diagnostics } = parseScript(text);
      for (const d of diagnostics) {
        expect(d.code).toMatch(/^FTS100\d$/);
        const { offset, line, column } = d.span!.start;
        expect(offset).toBeGreaterThanOrEqual(0);
        expect(offset).toBeLessThanOrEqual(text.length);
        // line and column agree with the offset (1-based, columns in UTF-16 units like the offset)
        const before = text.slice(0, offset).split('\n');
        expect({ line, column }).toEqual({ line: before.length, column: before[before.length - 1]!.length + 1 });
        expect(d.message.length).toBeGreaterThan(0);
      }
      parseExpression(text.slice(7));
      parseDataType(text.slice(7));
    }),
    { numRuns: 3000, seed: 20261122 },
  );
});
