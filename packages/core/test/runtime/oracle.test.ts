import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatOracleReport, runOracleFile } from '../../src/testing/oracle/run-oracle.js';
import { projectParserAvailable, useFrontEnd } from '../../src/testing/oracle/sql-front-end.js';
import type { FrontEnd } from '../../src/testing/oracle/sql-front-end.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
/** Pass-count floors per SQL front end (the project parser gets its own once it exists); never lowered. */
const floors = JSON.parse(readFileSync(here('./oracle-floor.json'), 'utf8')) as Record<string, { functions: number; streaming: number }>;

const frontEnds: FrontEnd[] = ['fallback reader', ...(projectParserAvailable() ? (['project parser'] as const) : [])];

afterAll(() => useFrontEnd(undefined));

for (const fe of frontEnds) {
  describe(`oracle on the Flink semantics reference cases (${fe})`, () => {
    const floor = floors[fe];
    for (const kind of ['functions', 'streaming'] as const) {
      it(`${kind} cases: the pass count never drops below the committed floor`, () => {
        useFrontEnd(fe);
        const r = runOracleFile(here(`../fixtures/flink-semantics/${kind}.jsonl`));
        if (!floor) {
          console.log(`oracle with the ${fe}: ${r.passed} passed, ${r.failed} failed (no floor committed yet)`);
          return;
        }
        if (r.passed < floor[kind]) console.log(formatOracleReport(r));
        expect(r.passed).toBeGreaterThanOrEqual(floor[kind]);
      });
    }
  });
}
