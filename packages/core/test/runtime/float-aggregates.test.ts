/**
 * Aggregates over NaN and -0.0 answer as Flink 1.20.1 did (changelogs recorded from test/flink/float-aggregates.test.ts
 * in float-aggregates-1.20.1.json): over an insert-only input MIN / MAX keep whichever came first when `<` cannot
 * order them; over an updating input they order as Java's `compareTo` (MAX is NaN once a NaN is held, MIN ignores
 * it); retractions, FIRST_VALUE / LAST_VALUE and COUNT(DISTINCT) tell -0.0 from 0.0; SUM of a lone -0.0 is -0.0.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { resolveCapabilities } from '@flinkts/connectors';
import { runJob } from '@flinkts/core/testing';
import { FLOAT_AGGREGATE_CASES } from './float-aggregates.cases.js';

const file = fileURLToPath(new URL('../fixtures/flink-semantics/float-aggregates-1.20.1.json', import.meta.url));
const recorded = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;

describe('FLOAT / DOUBLE aggregates with NaN and -0.0, as Flink 1.20.1', () => {
  test('every case has a recorded answer', () => {
    expect(Object.keys(recorded).sort()).toEqual(FLOAT_AGGREGATE_CASES.map((c) => c.name).sort());
  });
  for (const c of FLOAT_AGGREGATE_CASES) {
    test(c.name, () => {
      expect(runJob(c.sql, { capabilities: resolveCapabilities, inputs: c.inputs, engine: 'local' }).changelog()).toEqual(recorded[c.name]);
    });
  }
});
