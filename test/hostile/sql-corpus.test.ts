/**
 * The hostile-input suite, SQL side: every case of the corpus (malformed SQL, semantic errors, option mistakes,
 * sizes) gives a positioned diagnostic with a code — or, for valid input, success — through `check` and `fmt`,
 * with no exception and within 10 s each.
 */
import { checkSql } from '@flinkts/core';
import type { Diagnostic } from '@flinkts/core';
import { connectorValidators } from '@flinkts/connectors';
import { describe, expect, test } from 'vitest';
import { formatSql } from '../../src/cli/commands/fmt.js';
import type { SqlCase } from './corpus/case.js';
import { malformedSql } from './corpus/malformed-sql.js';
import { optionMistakes } from './corpus/option-mistakes.js';
import { semanticErrors } from './corpus/semantic-errors.js';
import { sizes } from './corpus/sizes.js';

const LIMIT_MS = 10_000;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

function expectPositioned(d: Diagnostic): void {
  expect(d.code).toMatch(/^FTS\d{4}$/);
  expect(d.message.length).toBeGreaterThan(0);
  expect(d.span, `${d.code} ${d.message} has no position`).toBeDefined();
  expect(d.span!.start.line).toBeGreaterThanOrEqual(1);
  expect(d.span!.start.column).toBeGreaterThanOrEqual(1);
}

function run(c: SqlCase): void {
  const check = timed(() => checkSql(c.sql, { file: 'hostile.sql', validators: connectorValidators }));
  expect(check.ms).toBeLessThan(LIMIT_MS);
  for (const d of check.value) expectPositioned(d);
  const codes = check.value.map((d) => d.code);
  if (c.codes.length === 0) expect(check.value.filter((d) => d.severity === 'error')).toEqual([]);
  else for (const code of c.codes) expect(codes, `${c.name}: ${check.value.map((d) => `${d.code} ${d.message}`).join('; ')}`).toContain(code);
  if (c.message !== undefined) expect(check.value.find((d) => d.code === c.codes[0])?.message).toMatch(c.message);

  const fmt = timed(() => formatSql(c.sql, 'hostile.sql'));
  expect(fmt.ms).toBeLessThan(LIMIT_MS);
  const parseErrors = check.value.some((d) => /^FTS1\d{3}$/.test(d.code) || /^FTS200\d$/.test(d.code));
  // fmt formats what parses and refuses (with the parse diagnostics, never an internal-error FTS9102) what does not.
  if (parseErrors) expect(fmt.value.ok).toBe(false);
  else expect(fmt.value.ok ? 'formatted' : fmt.value.errors).toBe('formatted');
  if (!fmt.value.ok) expect(fmt.value.errors).not.toContain('FTS9102');
}

describe.each([
  ['malformed SQL', malformedSql],
  ['semantic errors', semanticErrors],
  ['option mistakes', optionMistakes],
  ['sizes', sizes],
] as const)('%s', (_, cases) => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => run(c), 60_000);
});
