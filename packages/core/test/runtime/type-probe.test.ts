/**
 * Replays Flink 1.20.1's answers to the type-rule probe (type-probe-1.20.1.jsonl, written by `npm run type-probe
 * -- --write`: every scalar built-in over a lattice of argument types) against flinkts, without Flink:
 * - the analyzer (the bound plan of `SELECT <call> AS r FROM t`) accepts exactly what Flink's planner accepts
 *   (rejecting with a registered FTS code), and types the result as Flink does, nullability included;
 * - the local runtime gives Flink's value, or fails at run time where Flink does.
 * Disagreements that are understood precisely are listed in KNOWN with a reason; every other must agree.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { ProbeAnswer } from '../../src/testing/oracle/type-probe.js';
import { probeCalls } from '../../src/testing/oracle/type-probe.js';
import { disagreements } from '../../src/testing/oracle/type-probe-replay.js';

const file = fileURLToPath(new URL('../fixtures/flink-semantics/type-probe-1.20.1.jsonl', import.meta.url));
const answers = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as ProbeAnswer);

/** Disagreements understood precisely: id → one line of why (the probe's ids are stable while the lattice is). */
const KNOWN: Readonly<Record<string, string>> = {
};

describe('the type-rule probe answered by Flink 1.20.1', () => {
  test('the fixture answers every probe call (re-run `npm run type-probe -- --write` after changing the lattice)', () => {
    expect(answers.map((a) => a.sql)).toEqual(probeCalls().map((c) => c.sql));
  });

  const found = new Map<string, string[]>();
  for (const a of answers) {
    const d = disagreements(a);
    if (d.length > 0) found.set(a.id, d);
  }
  const families = [...new Set(answers.map((a) => a.fn))];
  for (const fn of families) {
    test(`${fn}: accepted, typed and evaluated as Flink 1.20.1 does`, () => {
      const wrong = answers.filter((a) => a.fn === fn && KNOWN[a.id] === undefined).flatMap((a) => found.get(a.id) ?? []);
      expect(wrong).toEqual([]);
    });
  }

  test('every KNOWN disagreement still disagrees (a fixed one leaves the list)', () => {
    expect(Object.keys(KNOWN).filter((id) => !found.has(id))).toEqual([]);
  });
});
