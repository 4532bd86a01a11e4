/**
 * Tier 3: fast-check generates cases (generators.ts), each runs on both engines (run-case.ts); the first
 * mismatch is shrunk by fast-check to a minimal counterexample, saved under test/fixtures/differential/ as a
 * regression fixture (replayed by differential.test.ts on both engines).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { diffCase } from './generators.js';
import type { DiffCase } from './generators.js';
import { caseToJson, runCase } from './run-case.js';
import { FAMILIES } from './families.js';
import type { FamilyCase } from './family-case.js';
import { runFamilyCase } from './family-case.js';
import type { CaseResult } from './run-case.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/differential/', import.meta.url));

export interface DifferentialReport {
  readonly cases: number;
  readonly counts: Readonly<Record<CaseResult['verdict'], number>>;
  /** The shrunk counterexample, when a mismatch was found. */
  readonly counterexample?: { readonly case: DiffCase; readonly result: CaseResult; readonly file?: string };
  readonly millis: number;
}

export async function differential(opts: { readonly cases: number; readonly seed: number; readonly save?: boolean }): Promise<DifferentialReport> {
  const started = Date.now();
  const counts = { match: 0, mismatch: 0, 'both-reject': 0, unsupported: 0 };
  let runs = 0;
  let last: { case: DiffCase; result: CaseResult } | undefined;
  const out = await fc.check(
    fc.asyncProperty(diffCase, async (c) => {
      const r = await runCase(c);
      runs++;
      counts[r.verdict]++;
      if (r.verdict === 'mismatch') last = { case: c, result: r };
      return r.verdict !== 'mismatch';
    }),
    { numRuns: opts.cases, seed: opts.seed, endOnFailure: false },
  );
  let counterexample: DifferentialReport['counterexample'];
  if (out.failed && out.counterexample !== null) {
    const c = out.counterexample[0] as DiffCase;
    const result = last !== undefined && caseToJson(last.case) === caseToJson(c) ? last.result : await runCase(c);
    let file: string | undefined;
    if (opts.save !== false) {
      mkdirSync(FIXTURES, { recursive: true });
      file = join(FIXTURES, `seed-${opts.seed}-${Date.now().toString(36)}.json`);
      writeFileSync(file, `${JSON.stringify({ found: { seed: opts.seed, cases: opts.cases }, local: result.local, flink: result.flink, sql: result.sql, case: JSON.parse(caseToJson(c)) as unknown }, null, 2)}\n`);
    }
    counterexample = { case: c, result, ...(file === undefined ? {} : { file }) };
  }
  return { cases: runs, counts, ...(counterexample === undefined ? {} : { counterexample }), millis: Date.now() - started };
}

/** A family's generated cases on both engines (families.ts); a shrunk mismatch is saved like a DiffCase's. */
export async function differentialFamily(family: string, opts: { readonly cases: number; readonly seed: number; readonly save?: boolean }): Promise<DifferentialReport> {
  const arb = FAMILIES[family];
  let first: CaseResult | undefined;
  if (!arb) throw new Error(`no family '${family}'; families are ${Object.keys(FAMILIES).join(', ')}`);
  const started = Date.now();
  const counts = { match: 0, mismatch: 0, 'both-reject': 0, unsupported: 0 };
  let runs = 0;
  let last: { case: FamilyCase; result: CaseResult } | undefined;
  const out = await fc.check(
    fc.asyncProperty(arb, async (c) => {
      const r = await runFamilyCase(c);
      runs++;
      counts[r.verdict]++;
      if (r.verdict === 'mismatch') {
        last = { case: c, result: r };
        if (first === undefined) first = r;
      }
      return r.verdict !== 'mismatch';
    }),
    { numRuns: opts.cases, seed: opts.seed, endOnFailure: false },
  );
  let counterexample: DifferentialReport['counterexample'];
  if (out.failed && out.counterexample !== null) {
    const c = out.counterexample[0] as FamilyCase;
    // the shrunk case's own mismatching run (a re-run may not reproduce an order Flink does not fix)
    const result = last !== undefined && JSON.stringify(last.case) === JSON.stringify(c) ? last.result : await runFamilyCase(c);
    let file: string | undefined;
    if (opts.save !== false) {
      mkdirSync(FIXTURES, { recursive: true });
      file = join(FIXTURES, `${family}-seed-${opts.seed}-${Date.now().toString(36)}.json`);
      writeFileSync(file, `${JSON.stringify({ found: { seed: opts.seed, cases: opts.cases }, local: result.local, flink: result.flink, sql: result.sql, familyCase: c }, null, 2)}\n`);
    }
    counterexample = { case: c as never, result, ...(file === undefined ? {} : { file }) };
  }
  if (first !== undefined && counterexample !== undefined && counterexample.result.verdict !== 'mismatch') counterexample = { ...counterexample, result: first };
  if (first !== undefined && counterexample !== undefined && counterexample.result.verdict !== 'mismatch') counterexample = { ...counterexample, result: first };
  return { cases: runs, counts, ...(counterexample === undefined ? {} : { counterexample }), millis: Date.now() - started };
}
