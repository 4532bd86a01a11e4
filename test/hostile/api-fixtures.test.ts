/**
 * The hostile-input suite, API side: every API-misuse case throws a FlinktsError with a registered code naming
 * the call (no internal TypeError, no silent acceptance); every impossible fixture row is FTS7005 naming the row
 * and the column.
 */
import { FlinktsError } from '@flinkts/core';
import { runJob } from '@flinkts/core/testing';
import { describe, expect, test } from 'vitest';
import { apiMisuse } from './corpus/api-misuse.js';
import { FIXTURE_JOB, fixtureCases } from './corpus/fixtures.js';

const INTERNAL = /Cannot read properties|is not a function|is not iterable|undefined is not|Cannot convert|of undefined|of null/;

function expectDiagnostic(run: () => unknown, code: string, message: RegExp | undefined): void {
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'nothing was thrown: the input was accepted silently').toBeDefined();
  if (!(thrown instanceof FlinktsError)) throw new Error(`not a diagnostic: ${String(thrown)}`);
  for (const d of thrown.diagnostics) {
    expect(d.code).toMatch(/^FTS\d{4}$/);
    expect(d.message).not.toMatch(INTERNAL);
  }
  const codes = thrown.diagnostics.map((d) => d.code);
  expect(codes, thrown.message).toContain(code);
  if (message !== undefined) expect(thrown.diagnostics.find((d) => d.code === code)?.message).toMatch(message);
}

describe('API misuse', () => {
  test.each(apiMisuse.map((c) => [c.name, c] as const))('%s', (_name, c) => expectDiagnostic(c.run, c.code, c.message));
});

describe('fixtures', () => {
  test.each(fixtureCases.map((c) => [c.name, c] as const))('%s', (_name, c) =>
    expectDiagnostic(() => runJob((c.job === undefined ? FIXTURE_JOB : c.job) as string, { inputs: c.inputs, ...c.options } as never), c.code, c.message));

  test('valid fixtures still run: whole numbers as text, decimals within scale, a fixed clock', () => {
    const run = runJob(FIXTURE_JOB, { inputs: { src: [{ id: '7', amount: '12.5', big: 9007199254740993n, tiny: -128, ok: false, d: NaN }] }, now: () => Date.UTC(2024, 0, 1) });
    expect(run.changelog('sink_t')).toEqual(['+I[7, 12.50, 2024-01-01T00:00]']);
  });
});
