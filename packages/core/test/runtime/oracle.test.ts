import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAnswers } from '../../src/testing/oracle/recorded-answers.js';
import { formatOracleReport, runOracleFile } from '../../src/testing/oracle/run-oracle.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
/** Pass-count floors; raised as the runtime improves, never lowered. */
const floor = JSON.parse(readFileSync(here('./oracle-floor.json'), 'utf8')) as { functions: number; streaming: number };

describe('oracle on the Flink semantics reference cases', () => {
  for (const kind of ['functions', 'streaming'] as const) {
    it(`${kind} cases: the pass count never drops below the committed floor`, () => {
      // judged by Flink 1.20.1's recorded answer where it differs from the fixture
      const r = runOracleFile(here(`../fixtures/flink-semantics/${kind}.jsonl`), readAnswers(here('../fixtures/flink-semantics/')));
      console.log(`oracle ${kind}: ${r.passed} passed, ${r.failed} failed (floor ${floor[kind]})`);
      if (r.passed < floor[kind]) console.log(formatOracleReport(r));
      expect(r.passed).toBeGreaterThanOrEqual(floor[kind]);
    });
  }
});
