/**
 * The conventions every command follows, through the real bin: `flinkts help <command>`, `--json` on every command
 * that reports, `--strict` / `--max-warnings`, one exit-code rule (0 ok, 1 problems in the input, 2 usage or
 * configuration error), flags validated before any work, and `check <pipeline>` saying what it checked.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'flinkts-conventions-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('flinkts CLI conventions', () => {
  test('flinkts help <command> prints that command\'s help; help of an unknown command is a usage error', () => {
    const r = runCli(['help', 'build']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: flinkts build');
    expect(r.stdout).toContain('--max-warnings <n>');
    expect(r.stdout).toContain('Exit codes: 0 ok, 1 problems found in the input, 2 usage or configuration error.');
    const bad = runCli(['help', 'buidl']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("did you mean 'build'?");
    expect(runCli(['help']).stdout).toContain('init');
  });

  test('check <pipeline> says which jobs, environments and targets it checked, in text and --json', () => {
    const r = runCli(['check', 'examples/wrongbook'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('checked pipeline wrongbook: 2 jobs (wrongbook-wide-table, wrongbook-monitor) in 2 environments (dev, prod) for 5 targets (sql, vvp, alibaba, monitoring, lineage)');
    const j = runCli(['check', 'examples/wrongbook', '--env', 'prod', '--json'], { cwd: ROOT });
    const result = JSON.parse(j.stdout) as { ok: boolean; warnings: number; checked: { pipelines: { pipeline: string; jobs: string[]; environments: string[]; targets: string[] }[] } };
    expect(result.checked.pipelines).toEqual([expect.objectContaining({ pipeline: 'wrongbook', jobs: ['wrongbook-wide-table', 'wrongbook-monitor'], environments: ['prod'], targets: ['sql', 'vvp', 'alibaba', 'monitoring', 'lineage'] })]);
    expect(result.warnings).toBe(1);
  });

  test('--strict and --max-warnings: warnings fail (exit 1) as eslint does; build then writes nothing', () => {
    expect(runCli(['check', 'examples/wrongbook', '--max-warnings', '2'], { cwd: ROOT }).code).toBe(0);
    const strict = runCli(['check', 'examples/wrongbook', '--strict'], { cwd: ROOT });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('0 errors, 2 warnings (more than --max-warnings 0)');
    expect(runCli(['check', 'examples/wrongbook', '--max-warnings', '1'], { cwd: ROOT }).code).toBe(1);
    const out = join(tmp, 'strict-build');
    const build = runCli(['build', 'examples/wrongbook', '--out', out, '--strict', '--json'], { cwd: ROOT });
    expect(build.code).toBe(1);
    expect(JSON.parse(build.stdout)).toMatchObject({ ok: false, files: [], errors: 0, warnings: 2 });
  });

  test('flags are validated before any work: a bad value or an unknown flag is exit 2, whatever the input', () => {
    for (const args of [
      ['check', 'examples/wrongbook', '--max-warnings', 'many'],
      ['check', 'examples/wrongbook', '--max-warnings'],
      ['build', 'examples/wrongbook', '--target', 'sql,flinkk'],
      ['build', 'examples/wrongbook', '--verbosity'],
      ['print', 'wrongbook-wide-table', 'examples/wrongbook', '--target', 'yaml'],
      ['fmt', '--json', 'x.sql'],
      ['init', tmp, '--name', 'Bad Name'],
    ]) {
      const r = runCli(args, { cwd: ROOT });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
    }
    expect(runCli(['build', 'examples/wrongbook', '--target', 'sql,flinkk'], { cwd: ROOT }).stderr).toContain('--target flinkk: unknown; choose from sql, streampark, vvp, alibaba');
  });

  test('--json on print and fmt --check', () => {
    const p = runCli(['print', 'wrongbook-wide-table', 'examples/wrongbook', '--env', 'prod', '--json'], { cwd: ROOT });
    expect(p.code).toBe(0);
    const printed = JSON.parse(p.stdout) as { job: string; environment: string; target: string; files: { path: string; content: string }[] };
    expect(printed).toMatchObject({ job: 'wrongbook-wide-table', environment: 'prod', target: 'sql' });
    expect(printed.files[0]?.content).toContain('INSERT INTO');
    writeFileSync(join(tmp, 'messy.sql'), 'select 1');
    writeFileSync(join(tmp, 'broken.sql'), 'SELEC 1;');
    const f = runCli(['fmt', '--check', '--json', 'messy.sql', 'broken.sql'], { cwd: tmp });
    expect(f.code).toBe(1);
    const fmt = JSON.parse(f.stdout) as { ok: boolean; changed: string[]; failed: { file: string }[] };
    expect(fmt).toMatchObject({ ok: false, changed: ['messy.sql'], failed: [{ file: 'broken.sql' }] });
  });

  test('one exit-code rule: problems in the input are 1, a missing pipeline or environment is 2', () => {
    writeFileSync(join(tmp, 'bad.sql'), "CREATE TABLE a (x STRING) WITH ('connector' = 'datagen');\nCREATE TABLE b (x BIGINT) WITH ('connector' = 'blackhole');\nINSERT INTO b SELECT x FROM a;\n");
    expect(runCli(['check', 'bad.sql'], { cwd: tmp }).code).toBe(1);
    expect(runCli(['check', 'missing.sql'], { cwd: tmp }).code).toBe(2);
    expect(runCli(['check'], { cwd: tmp }).code).toBe(2);
    expect(runCli(['check', 'examples/wrongbook', '--env', 'staging'], { cwd: ROOT }).code).toBe(2);
    expect(runCli(['build', 'examples/wrongbook', '--env', 'staging', '--out', join(tmp, 'x')], { cwd: ROOT }).code).toBe(2);
    expect(runCli(['print', 'wrongbook-wide-table', 'examples/wrongbook', '--env', 'staging'], { cwd: ROOT }).code).toBe(2);
  });
});
