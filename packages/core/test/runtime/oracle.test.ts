import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatOracleReport, runOracleFile } from '../../src/testing/oracle/run-oracle.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const floor = JSON.parse(readFileSync(here('./oracle-floor.json'), 'utf8')) as { functions: number; streaming: number };

describe('oracle on the Flink semantics reference cases', () => {
  it('function cases: the pass count never drops below the committed floor', () => {
    const r = runOracleFile(here('../fixtures/flink-semantics/functions.jsonl'));
    if (r.passed < floor.functions) console.log(formatOracleReport(r));
    expect(r.passed).toBeGreaterThanOrEqual(floor.functions);
  });
  it('streaming cases: the pass count never drops below the committed floor', () => {
    const r = runOracleFile(here('../fixtures/flink-semantics/streaming.jsonl'));
    if (r.passed < floor.streaming) console.log(formatOracleReport(r));
    expect(r.passed).toBeGreaterThanOrEqual(floor.streaming);
  });
});
