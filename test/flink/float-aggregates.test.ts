/**
 * Aggregates over NaN and -0.0 on real Flink 1.20.1 (cases in packages/core/test/runtime/float-aggregates.cases.ts):
 * Flink answers as recorded in float-aggregates-1.20.1.json (which the local runtime's unit test replays), and the
 * local runtime answers as Flink does.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { resolveCapabilities } from '@flinkts/connectors';
import { runJob } from '@flinkts/core/testing';
import { FLOAT_AGGREGATE_CASES } from '../../packages/core/test/runtime/float-aggregates.cases.js';

const file = fileURLToPath(new URL('../../packages/core/test/fixtures/flink-semantics/float-aggregates-1.20.1.json', import.meta.url));
const recorded = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>;

describe('FLOAT / DOUBLE aggregates with NaN and -0.0 on real Flink 1.20.1', () => {
  for (const c of FLOAT_AGGREGATE_CASES) {
    test(c.name, () => {
      const flink = runJob(c.sql, { capabilities: resolveCapabilities, inputs: c.inputs, engine: 'flink' }).changelog();
      expect(flink).toEqual(recorded[c.name]);
      expect(runJob(c.sql, { capabilities: resolveCapabilities, inputs: c.inputs, engine: 'local' }).changelog()).toEqual(flink);
    }, 300_000);
  }
});
