/**
 * Issue 13 item 4: the CLI's exit codes come from the code tables — each code declares its exit class — through one
 * lookup (src/cli/exit-class.ts) over every package's tables; no command matches code literals or code names.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '@flinkts/core';
import { ALL_DIAGNOSTIC_CODES } from '../../scripts/diagnostics-doc.js';
import { ALL_CODES, exitClassOf, exitForErrors } from '../../src/cli/exit-class.js';

const error = (code: string): Diagnostic => ({ code, severity: 'error', message: 'm' });

describe('exit codes from the code tables', () => {
  test("the CLI's lookup holds every code of every table, with the class its table declares", () => {
    expect([...ALL_CODES].map((c) => `${c.code} ${c.exit}`).sort()).toEqual(ALL_DIAGNOSTIC_CODES.map((c) => `${c.code} ${c.exit}`).sort());
    for (const c of ALL_DIAGNOSTIC_CODES) expect(exitClassOf(c.code), c.code).toBe(c.exit);
  });

  test('a sample: usage codes exit 2, problems exit 1, a usage warning does not make a usage exit', () => {
    // an unknown environment, a bad target configuration, missing credentials, a bad deploy target
    for (const code of ['FTS8010', 'FTS8030', 'FTS8102', 'FTS8106']) expect(exitForErrors([error('FTS4001'), error(code)]), code).toBe(2);
    for (const code of ['FTS1001', 'FTS3007', 'FTS4001', 'FTS4537', 'FTS7008', 'FTS8101', 'FTS9001']) expect(exitForErrors([error(code)]), code).toBe(1);
    expect(exitForErrors([{ ...error('FTS8010'), severity: 'warning' }, error('FTS4001')])).toBe(1);
  });

  test('the commands that map diagnostics to an exit code read it from the tables, not from codes they name', () => {
    for (const file of ['../../src/cli/deploy-context.ts', '../../src/cli/commands/print.ts']) {
      const text = readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8');
      expect(text, file).not.toMatch(/[A-Z]+_CODES\.\w+|FTS\d{4}/);
      expect(text, file).toContain('exitForErrors(');
    }
  });
});
