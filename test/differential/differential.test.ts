/**
 * Tier 3 in CI: a fixed-seed budget of generated cases on both engines (0 mismatches), and every saved
 * counterexample replayed on both engines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { differential, differentialFamily, FIXTURES } from './differential.js';
import { FAMILIES } from './families.js';
import type { FamilyCase } from './family-case.js';
import { runFamilyCase } from './family-case.js';
import type { DiffCase } from './generators.js';
import { runCase } from './run-case.js';

/** CI's budget: cases per run (each is one local run and one Flink job). */
const BUDGET = Number(process.env.FLINKTS_DIFFERENTIAL_CASES ?? 40);
/** CI's budget per runtime family (OVER, VALUES, UNNEST, …). */
const FAMILY_BUDGET = Number(process.env.FLINKTS_DIFFERENTIAL_FAMILY_CASES ?? 15);
const SEED = 20261206;

describe('tier 3: differential testing, local runtime vs real Flink 1.20.1', () => {
  test(`${BUDGET} generated cases (seed ${SEED}): the changelogs match`, async () => {
    const r = await differential({ cases: BUDGET, seed: SEED, save: false });
    console.log(`tier 3: ${r.cases} cases in ${(r.millis / 1000).toFixed(1)} s: ${r.counts.match} match, ${r.counts['both-reject']} rejected by both, ${r.counts.unsupported} not supported locally, ${r.counts.mismatch} mismatches`);
    expect(r.counterexample?.result ?? null).toBeNull();
    expect(r.counts.match).toBeGreaterThan(BUDGET / 2);
  }, 900_000);

  test.each(Object.keys(FAMILIES))(`family %s: ${FAMILY_BUDGET} generated cases (seed ${SEED}): the changelogs match`, async (family) => {
    const r = await differentialFamily(family, { cases: FAMILY_BUDGET, seed: SEED, save: false });
    console.log(`tier 3 ${family}: ${r.cases} cases in ${(r.millis / 1000).toFixed(1)} s: ${r.counts.match} match, ${r.counts['both-reject']} rejected by both, ${r.counts.unsupported} not supported locally, ${r.counts.mismatch} mismatches`);
    expect(r.counterexample?.result ?? null).toBeNull();
    expect(r.counts.match).toBeGreaterThan(FAMILY_BUDGET / 2);
  }, 900_000);

  const saved = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();
  test.each(saved.length === 0 ? ['(none)'] : saved)('regression fixture %s matches on both engines', async (file) => {
    if (file === '(none)') return;
    const fixture = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as { case?: DiffCase; familyCase?: FamilyCase };
    const r = fixture.familyCase ? await runFamilyCase(fixture.familyCase) : await runCase(fixture.case as DiffCase);
    expect(r.verdict, `${r.sql}\n  local: ${r.local}\n  flink: ${r.flink}`).not.toBe('mismatch');
  }, 120_000);
});
