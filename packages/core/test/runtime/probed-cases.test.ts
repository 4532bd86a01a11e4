/**
 * Function cases whose answers were read from real Flink 1.20.1 (probed through the bridge for #16, one family
 * of edge cases at a time: JSON path modes and ON EMPTY / ON ERROR, JSON_OBJECT key order, temporal values in
 * JSON, lenient CAST to TIME, DECIMAL parsing, TIMESTAMPDIFF operand types, REGEXP_EXTRACT, SPLIT_INDEX,
 * PARSE_URL …). Every one must hold locally; test/flink/conformance.test.ts checks that Flink still answers each
 * exactly so.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFunctionCase } from '../../src/testing/oracle/functions-case.js';
import type { FunctionCase } from '../../src/testing/oracle/functions-case.js';

const file = fileURLToPath(new URL('../fixtures/flink-semantics/probed-1.20.1.jsonl', import.meta.url));
const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as FunctionCase);

describe('function cases answered by real Flink 1.20.1', () => {
  const families = [...new Set(cases.map((c) => c.family))];
  for (const family of families) {
    it(`${family}: every case as Flink 1.20.1 answers it`, () => {
      const wrong = cases.filter((c) => c.family === family).map(runFunctionCase).filter((o) => !o.passed);
      expect(wrong.map((o) => `${o.id}: Flink ${o.expected} / local ${o.actual}`)).toEqual([]);
    });
  }
});
