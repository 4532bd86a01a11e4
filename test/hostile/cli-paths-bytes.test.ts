/**
 * The hostile-input suite, CLI side (through the real bin): paths that climb out of `--out`, `--out` naming a
 * file, bytes that are not UTF-8, and `check --json` at 100,000 diagnostics.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/flinkts.js');
const tmp = mkdtempSync(join(tmpdir(), 'flinkts-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// Each test starts the real CLI (a Node process loading the bundle): seconds on an idle machine, far more on a loaded
// CI runner. The timeout only guards against a hang; how fast the CLI is lives in `npm run bench -- cli hostile`.
vi.setConfig({ testTimeout: 180_000 });

describe('paths', () => {
  test.each(['path-escape', 'env-escape'])('%s: refused with FTS9110 before anything is written or deleted', (fixture) => {
    const base = join(tmp, fixture);
    const out = join(base, 'out', 'inner');
    mkdirSync(join(base, 'sibling'), { recursive: true });
    writeFileSync(join(base, 'sibling', 'user.txt'), 'keep me');
    const r = runCli(['build', join('test/hostile/fixtures', fixture), '--out', out], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('FTS9110');
    expect(readFileSync(join(base, 'sibling', 'user.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(base, 'escaped.sql'))).toBe(false);
    expect(existsSync(join(base, 'out'))).toBe(false);
  });

  test('build --out <an existing file> is a diagnostic (FTS9111), not a stack trace', () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    const r = runCli(['build', 'test/hostile/fixtures/path-escape', '--out', file], { cwd: ROOT });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('FTS9111');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('bytes that are not UTF-8', () => {
  const latin1 = Buffer.from("SELECT 'M\xfcller' FROM t;\n", 'latin1');

  test('fmt refuses the file with a positioned FTS1007 and leaves it byte-for-byte untouched', () => {
    const file = join(tmp, 'latin1.sql');
    writeFileSync(file, latin1);
    const r = runCli(['fmt', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/latin1\.sql:1:10 - error FTS1007: .*byte 0xFC/);
    expect(readFileSync(file).equals(latin1)).toBe(true);
  });

  test('check reports FTS1007 with its position', () => {
    const file = join(tmp, 'latin1-check.sql');
    writeFileSync(file, latin1);
    const r = runCli(['check', '--json', file]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { diagnostics: { code: string; span: { start: { line: number; column: number } } }[] };
    expect(report.diagnostics.map((d) => [d.code, d.span.start.line, d.span.start.column])).toEqual([['FTS1007', 1, 10]]);
  });

  test.each([['fmt', '-'], ['check', '-'], ['fmt', '--check', '-']])('%s %s on standard input: the same positioned FTS1007 as for a file, nothing printed as SQL', (...args) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { input: latin1, encoding: 'utf8', timeout: 170_000 });
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/<stdin>:1:10 - error FTS1007: .*byte 0xFC/);
    expect(r.stdout + r.stderr).not.toContain('M\uFFFDller');
    expect(r.stdout).not.toContain('SELECT');
  });
});

test('check --json stays valid JSON at 100,000 diagnostics', () => {
  const file = join(tmp, 'many.sql');
  writeFileSync(file, Array.from({ length: 100_000 }, (_, i) => `INSERT INTO nope${i} SELECT 1;\n`).join(''));
  // Its own spawn: the report is tens of megabytes, beyond spawnSync's default buffer.
  const r = spawnSync(process.execPath, [BIN, 'check', '--json', file], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: 170_000 });
  expect(r.status).toBe(1);
  const report = JSON.parse(r.stdout) as { errors: number; diagnostics: unknown[] };
  expect(report.errors).toBe(100_000);
  expect(report.diagnostics).toHaveLength(100_000);
});
