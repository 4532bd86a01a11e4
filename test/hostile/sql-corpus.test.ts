/**
 * The hostile-input suite, SQL side: every case of the corpus (malformed SQL, semantic errors, option mistakes,
 * sizes) gives a positioned diagnostic with a code — or, for valid input, success — through `check` and `fmt`,
 * with no exception. How long they take is measured by `npm run bench -- hostile` (100,000 statements, a 10 MB script,
 * 10,000-term chains, VALUES with 100,000 rows, each with its ms/MB beside the parser's own): speed targets live in
 * the benchmark, where a loaded machine cannot fail a test. Here the test timeout is only a guard against a hang.
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

/** Far above what any case takes even on a loaded machine: only a hang (an endless loop, exponential time) reaches it. */
const HANG_GUARD_MS = 300_000;

function expectPositioned(d: Diagnostic): void {
  expect(d.code).toMatch(/^FTS\d{4}$/);
  expect(d.message.length).toBeGreaterThan(0);
  expect(d.span, `${d.code} ${d.message} has no position`).toBeDefined();
  expect(d.span!.start.line).toBeGreaterThanOrEqual(1);
  expect(d.span!.start.column).toBeGreaterThanOrEqual(1);
}

function run(c: SqlCase): void {
  const check = checkSql(c.sql, { file: 'hostile.sql', validators: connectorValidators });
  for (const d of check) expectPositioned(d);
  const codes = check.map((d) => d.code);
  if (c.codes.length === 0) expect(check.filter((d) => d.severity === 'error')).toEqual([]);
  else for (const code of c.codes) expect(codes, `${c.name}: ${check.map((d) => `${d.code} ${d.message}`).join('; ')}`).toContain(code);
  if (c.message !== undefined) expect(check.find((d) => d.code === c.codes[0])?.message).toMatch(c.message);

  const fmt = formatSql(c.sql, 'hostile.sql');
  const parseErrors = check.some((d) => /^FTS1\d{3}$/.test(d.code) || /^FTS200\d$/.test(d.code));
  // fmt formats what parses and refuses (with the parse diagnostics, never an internal-error FTS9102) what does not.
  if (parseErrors) expect(fmt.ok).toBe(false);
  else expect(fmt.ok ? 'formatted' : fmt.errors).toBe('formatted');
  if (!fmt.ok) expect(fmt.errors).not.toContain('FTS9102');
}

describe.each([
  ['malformed SQL', malformedSql],
  ['semantic errors', semanticErrors],
  ['option mistakes', optionMistakes],
  ['sizes', sizes],
] as const)('%s', (_, cases) => {
  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => run(c), HANG_GUARD_MS);
});
