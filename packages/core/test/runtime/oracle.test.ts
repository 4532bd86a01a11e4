import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatOracleReport, runOracleText } from '../../src/testing/oracle/run-oracle.js';
import type { OracleReport } from '../../src/testing/oracle/run-oracle.js';
import { readAnswers } from '../../src/testing/oracle/flink-conformance-report.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
/** Pass-count floors; raised as the runtime improves, never lowered. */
const floor = JSON.parse(readFileSync(here('./oracle-floor.json'), 'utf8')) as { functions: number; streaming: number };

/**
 * The fixtures come from Flink's tests, some of a newer Flink than 1.20; where real Flink 1.20.1 answers a case
 * differently (flink-1.20.1-answers.jsonl, recorded by `npm run conformance -- --write`), the runtime may give
 * either answer: the fixture's or Flink 1.20.1's (the version it follows).
 */
function runWithFlinkAnswers(text: string): OracleReport {
  const answers = readAnswers(here('../fixtures/flink-semantics/'));
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const fixture = runOracleText(lines.join('\n'));
  const outcomes = fixture.outcomes.map((o, i) => {
    const a = answers.get(o.id);
    if (o.passed || a === undefined) return o;
    const c = JSON.parse(lines[i] as string) as Record<string, unknown>;
    const error = /^(validation|runtime) error: /.exec(a.flink);
    const expected = error ? `${error[1] === 'validation' ? 'ValidationException' : 'TableRuntimeException'}: ${a.flink}` : a.flink;
    const real = runOracleText(JSON.stringify({ ...c, expected, isError: error !== null })).outcomes[0];
    return real?.passed ? real : o;
  });
  const passed = outcomes.filter((o) => o.passed).length;
  return { outcomes, passed, failed: outcomes.length - passed };
}

describe('oracle on the Flink semantics reference cases', () => {
  for (const kind of ['functions', 'streaming'] as const) {
    it(`${kind} cases: the pass count never drops below the committed floor`, () => {
      const r = runWithFlinkAnswers(readFileSync(here(`../fixtures/flink-semantics/${kind}.jsonl`), 'utf8'));
      console.log(`oracle ${kind}: ${r.passed} passed, ${r.failed} failed (floor ${floor[kind]})`);
      if (r.passed < floor[kind]) console.log(formatOracleReport(r));
      expect(r.passed).toBeGreaterThanOrEqual(floor[kind]);
    });
  }
});
