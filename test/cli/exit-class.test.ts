/**
 * Issue 13 item 4 / issue 12 item 6: the CLI's exit codes come from the code tables — each code declares its exit
 * class — through one rule (src/cli/exit-class.ts: exitFor) over every package's tables (src/cli/code-tables.ts);
 * no command matches code literals or code names to choose its exit code. One run through the real bin per command
 * family shows it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from '@flinkts/core';
import { DIAGNOSTIC_CODES } from '@flinkts/core';
import { CONNECTORS_CODE_TABLE } from '@flinkts/connectors';
import { PIPELINE_DIAGNOSTIC_CODES } from '@flinkts/pipelines';
import { CLI_CODE_TABLE } from '../../src/cli/codes.js';
import { ALL_DIAGNOSTIC_CODES } from '../../src/cli/code-tables.js';
import { exitClassOf, exitFor, exitForErrors } from '../../src/cli/exit-class.js';
import { runCli } from './run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COMMANDS = fileURLToPath(new URL('../../src/cli/commands/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'flinkts-exit-class-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const error = (code: string): Diagnostic => ({ code, severity: 'error', message: 'm' });

describe('exit codes from the code tables', () => {
  test("the CLI's lookup holds every code of every table, with the class its table declares", () => {
    const tables = [...DIAGNOSTIC_CODES, ...CONNECTORS_CODE_TABLE.entries, ...PIPELINE_DIAGNOSTIC_CODES, ...CLI_CODE_TABLE.entries];
    expect(ALL_DIAGNOSTIC_CODES.map((c) => `${c.code} ${c.exit}`).sort()).toEqual(tables.map((c) => `${c.code} ${c.exit}`).sort());
    for (const c of tables) expect(exitClassOf(c.code), c.code).toBe(c.exit);
  });

  test('a sample: usage codes exit 2, problems exit 1, a usage warning does not make a usage exit', () => {
    // an unknown environment, a bad target configuration, missing credentials, a bad deploy target
    for (const code of ['FTS8010', 'FTS8030', 'FTS8102', 'FTS8106', 'FTS9002']) expect(exitForErrors([error('FTS4001'), error(code)]), code).toBe(2);
    for (const code of ['FTS1001', 'FTS3007', 'FTS4001', 'FTS4537', 'FTS7008', 'FTS8101', 'FTS9001']) expect(exitForErrors([error(code)]), code).toBe(1);
    expect(exitForErrors([{ ...error('FTS8010'), severity: 'warning' }, error('FTS4001')])).toBe(1);
  });

  test('exitFor: 0 without errors (warnings within the policy), 1 for problems or too many warnings, 2 for a usage error', () => {
    const warning = { ...error('FTS4001'), severity: 'warning' as const };
    expect(exitFor([])).toBe(0);
    expect(exitFor([warning])).toBe(0);
    expect(exitFor([warning], { maxWarnings: 0 })).toBe(1);
    expect(exitFor([error('FTS4001')])).toBe(1);
    expect(exitFor([warning, error('FTS8010')], { maxWarnings: 0 })).toBe(2);
  });

  test('no command chooses its exit code by matching codes: none compares a code, and those that report diagnostics read exitFor', () => {
    for (const f of readdirSync(COMMANDS).filter((n) => n.endsWith('.ts'))) {
      const text = readFileSync(join(COMMANDS, f), 'utf8');
      expect(text, f).not.toMatch(/\bd\.code ===|\.code === [A-Z_]*CODES|FTS\d{4}|exitCodeFor/);
      if (/formatDiagnostic|reportDiagnostics|diagnostics: all/.test(text)) expect(text, f).toMatch(/exitFor(Errors)?\(/);
    }
    for (const file of ['../../src/cli/deploy-context.ts', '../../src/cli/commands/print.ts']) {
      const text = readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8');
      expect(text, file).not.toMatch(/[A-Z]+_CODES\.\w+|FTS\d{4}/);
      expect(text, file).toContain('exitForErrors(');
    }
  });
});

describe('every command family exits by the exit classes of what it reports (the real bin)', () => {
  const wrongbook = join(ROOT, 'examples/wrongbook');
  const aFile = join(tmp, 'a-file');
  writeFileSync(aFile, 'not a folder\n');

  test('check: an unknown environment (FTS8010, usage) exits 2 and is reported with the rest, in text and --json', () => {
    const r = runCli(['check', wrongbook, '--env', 'staging']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('error FTS8010');
    const j = runCli(['check', wrongbook, '--env', 'staging', '--json']);
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, diagnostics: [{ code: 'FTS8010' }] });
    // a config that throws while loading is a problem in the input (FTS9001): 1
    writeFileSync(join(tmp, 'throws.config.ts'), "throw new Error('boom');\n");
    const t = runCli(['check', 'throws.config.ts'], { cwd: tmp });
    expect(t.stdout).toContain('error FTS9001');
    expect(t.code).toBe(1);
    // a config that exports no pipeline (FTS9002: no such pipeline) is a usage / configuration error: 2
    writeFileSync(join(tmp, 'no-export.config.ts'), 'export const x = 1;\n');
    const m = runCli(['check', 'no-export.config.ts'], { cwd: tmp });
    expect(m.stdout).toContain('error FTS9002');
    expect(m.code).toBe(2);
  });

  test('build and print: an unknown environment exits 2; --out naming a file (FTS9111, usage) exits 2', () => {
    expect(runCli(['build', wrongbook, '--env', 'staging', '--out', join(tmp, 'out')]).code).toBe(2);
    const out = runCli(['build', wrongbook, '--out', aFile]);
    expect(out.stderr).toContain('error FTS9111');
    expect(out.code).toBe(2);
    expect(runCli(['print', 'wrongbook-wide-table', wrongbook, '--env', 'staging']).code).toBe(2);
  });

  test('import: --out naming a file exits 2, as in build (it was 1 before the one rule)', () => {
    writeFileSync(join(tmp, 'job.sql'), "CREATE TABLE a (x STRING) WITH ('connector' = 'datagen');\n");
    const r = runCli(['import', 'job.sql', '--out', aFile], { cwd: tmp });
    expect(r.stdout).toContain('error FTS9111');
    expect(r.code).toBe(2);
  });

  test('lineage: an unknown environment and an endpoint that is not http(s) (FTS8076, usage) exit 2', () => {
    expect(runCli(['lineage', wrongbook, '--env', 'staging']).code).toBe(2);
    const url = runCli(['lineage', wrongbook, '--env', 'prod', '--openlineage-url', 'ftp://marquez/api/v1/lineage']);
    expect(url.stderr).toContain('error FTS8076');
    expect(url.code).toBe(2);
  });

  test('fmt --check: a file fmt refuses (a problem in the input) exits 1', () => {
    writeFileSync(join(tmp, 'broken.sql'), "SELECT 'unterminated\n");
    const r = runCli(['fmt', '--check', 'broken.sql'], { cwd: tmp });
    expect(r.stderr).toMatch(/error FTS1\d{3}/);
    expect(r.code).toBe(1);
  });

  test('introspect: a URL that carries a password (FTS9120, a problem) exits 1', () => {
    const r = runCli(['introspect', 'mysql://app:secret@localhost:3306/shop'], { cwd: tmp });
    expect(r.stdout).toContain('error FTS9120');
    expect(r.code).toBe(1);
  });

  test('deploy: an unknown environment exits 2', () => {
    const r = runCli(['deploy', wrongbook, '--env', 'staging', '--records', join(tmp, 'records')]);
    expect(r.stderr).toContain('error FTS8010');
    expect(r.code).toBe(2);
  });
});
