/**
 * What ERROR ON ERROR of JSON_VALUE / JSON_QUERY / JSON_EXISTS raises, in the words Flink 1.20.1 uses (probed,
 * probed-1.20.1.jsonl): Jackson's message for a document it cannot read (json-jackson-error.ts) and the strict-mode
 * messages with their doubled quotes, Jayway's for a property read on a value that is no object (naming the Java
 * class Jackson read it as) and for a null document.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { runFunctionCase } from '../../src/testing/oracle/functions-case.js';
import type { FunctionCase } from '../../src/testing/oracle/functions-case.js';

const file = fileURLToPath(new URL('../fixtures/flink-semantics/probed-1.20.1.jsonl', import.meta.url));
const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as FunctionCase)
  .filter((c) => c.isError && /^JSON/.test(c.sql) && c.expected.includes('runtime error: '));

describe('JSON functions\' ERROR ON ERROR messages as Flink 1.20.1 words them', () => {
  test('every probed runtime error of a JSON function', () => {
    const wrong = cases.flatMap((c) => {
      const want = c.expected.slice(c.expected.indexOf('runtime error: ') + 'runtime error: '.length);
      const got = runFunctionCase(c).actual;
      return got.endsWith(want) ? [] : [`${c.id} ${c.sql}: Flink '${want}' / local '${got}'`];
    });
    expect(wrong).toEqual([]);
    expect(cases.length).toBeGreaterThan(150);
  });
});
