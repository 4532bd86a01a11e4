/** `flinkts build` and `flinkts print` end to end, through the real bin: exit codes, --json, refusal on errors. */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'flinkts-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('flinkts build', () => {
  test('builds the realtime warehouse for prod, says where the artifacts went, and they equal the golden files', () => {
    const out = join(tmp, 'rt');
    const r = runCli(['build', 'examples/realtime-dw', '--env', 'prod', '--out', out], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`27 files in ${out}`); // 16 job artifacts + 5 of the monitoring target + 6 of the lineage target
    expect(r.stderr).toBe('[prod] 5 jobs, 27 files\n'); // one line per environment; --verbose adds one per job
    const verbose = runCli(['build', 'examples/realtime-dw', '--env', 'prod', '--out', out, '--verbose'], { cwd: ROOT });
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toBe(`${['rt-dw-cdc-ingestion', 'rt-dw-ods-processing', 'rt-dw-dwd-transform', 'rt-dw-dws-aggregate', 'rt-dw-monitor'].map((j, i) => `[prod] ${i + 1}/5 ${j}\n`).join('')}[prod] 5 jobs, 27 files\n`);
    for (const file of ['sql/rt-dw-monitor.sql', 'streampark/rt-dw-cdc-ingestion.form', 'streampark/variables.json']) {
      expect(readFileSync(join(out, 'prod', file), 'utf8')).toBe(readFileSync(join(ROOT, 'examples/realtime-dw/golden/prod', file), 'utf8'));
    }
  });

  test('--json reports the files and diagnostics; a second build is byte-identical', () => {
    const out = join(tmp, 'wb');
    const first = runCli(['build', 'examples/wrongbook', '--out', out, '--json'], { cwd: ROOT });
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout) as { ok: boolean; environments: string[]; files: string[]; warnings: number; diagnostics: { code: string }[] };
    expect(result.ok).toBe(true);
    expect(result.environments).toEqual(['dev', 'prod']);
    expect(result.files).toContain('prod/vvp/wrongbook-wide-table.yaml');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['FTS4104', 'FTS4104']);
    const before = readFileSync(join(out, 'prod/vvp/wrongbook-wide-table.yaml'), 'utf8');
    expect(runCli(['build', 'examples/wrongbook', '--out', out, '--json'], { cwd: ROOT }).code).toBe(0);
    expect(readFileSync(join(out, 'prod/vvp/wrongbook-wide-table.yaml'), 'utf8')).toBe(before);
  });

  test('a rebuild leaves each target folder holding exactly the new files: unchanged ones untouched, stale files, links and folders removed', () => {
    const out = join(tmp, 'sync');
    expect(runCli(['build', 'examples/wrongbook', '--env', 'prod', '--out', out], { cwd: ROOT }).code).toBe(0);
    const yaml = join(out, 'prod/vvp/wrongbook-wide-table.yaml');
    const written = statSync(yaml).mtimeMs;
    const outside = join(tmp, 'outside.txt');
    writeFileSync(outside, 'not flinkts');
    writeFileSync(join(out, 'prod/sql/old-job.sql'), 'stale');
    mkdirSync(join(out, 'prod/vvp/nested'));
    writeFileSync(join(out, 'prod/vvp/nested/x'), 'stale');
    const linked = join(out, 'prod/sql/wrongbook-wide-table.sql');
    rmSync(linked);
    symlinkSync(outside, linked);
    writeFileSync(join(out, 'prod/user-notes.txt'), 'beside the targets: kept');
    expect(runCli(['build', 'examples/wrongbook', '--env', 'prod', '--out', out], { cwd: ROOT }).code).toBe(0);
    expect(statSync(yaml).mtimeMs).toBe(written);
    expect(existsSync(join(out, 'prod/sql/old-job.sql'))).toBe(false);
    expect(existsSync(join(out, 'prod/vvp/nested'))).toBe(false);
    expect(lstatSync(linked).isSymbolicLink()).toBe(false);
    expect(readFileSync(linked, 'utf8')).toContain('INSERT INTO');
    expect(readFileSync(outside, 'utf8')).toBe('not flinkts');
    expect(readFileSync(join(out, 'prod/user-notes.txt'), 'utf8')).toBe('beside the targets: kept');
    // Building one target removes the others' folders, as before.
    expect(runCli(['build', 'examples/wrongbook', '--env', 'prod', '--target', 'sql', '--out', out], { cwd: ROOT }).code).toBe(0);
    expect(existsSync(join(out, 'prod/vvp'))).toBe(false);
    expect(existsSync(linked)).toBe(true);
  });

  test('refuses to write anything when the analyzer reports errors (exit 1)', () => {
    const out = join(tmp, 'bad');
    const r = runCli(['build', 'test/fixtures/pipelines/layer-error', '--out', out], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error FTS6001: job 'skip-ods' writes dwd table 'dwd_clicks' from 'clicks' (a source without a layer)");
    expect(r.stdout).toContain('nothing written');
    expect(existsSync(out)).toBe(false);
  });

  test('usage and configuration errors exit 2: unknown environment, unconfigured target, no pipeline', () => {
    const env = runCli(['build', 'examples/realtime-dw', '--env', 'prd', '--out', join(tmp, 'x')], { cwd: ROOT });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain("did you mean 'prod'?");
    expect(runCli(['build', 'examples/realtime-dw', '--env', 'prod', '--target', 'vvp', '--out', join(tmp, 'x')], { cwd: ROOT }).code).toBe(2);
    const none = runCli(['build', 'examples'], { cwd: ROOT });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no pipeline found');
    expect(existsSync(join(tmp, 'x'))).toBe(false);
  });
});

describe('flinkts print', () => {
  test("prints a job's SQL for an environment; an unknown job gets a did-you-mean", () => {
    const r = runCli(['print', 'rt-dw-monitor', 'examples/realtime-dw', '--env', 'test'], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(ROOT, 'examples/realtime-dw/golden/test/sql/rt-dw-monitor.sql'), 'utf8'));
    const bad = runCli(['print', 'rt-dw-monitr', 'examples/realtime-dw', '--env', 'test'], { cwd: ROOT });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("did you mean 'rt-dw-monitor'?");
  });

  test('with a platform target, an unknown job is the same FTS8011 diagnostic, and a target with no file of the job is a usage error', () => {
    const bad = runCli(['print', 'rt-dw-monitr', 'examples/realtime-dw', '--env', 'test', '--target', 'streampark', '--json'], { cwd: ROOT });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).diagnostics).toEqual([expect.objectContaining({ code: 'FTS8011', hint: "did you mean 'rt-dw-monitor'?" })]);
    const form = runCli(['print', 'rt-dw-monitor', 'examples/realtime-dw', '--env', 'test', '--target', 'streampark'], { cwd: ROOT });
    expect(form.code, form.stderr).toBe(0);
    expect(form.stdout).toContain('rt-dw-monitor');
    const rules = runCli(['print', 'rt-dw-monitor', 'examples/realtime-dw', '--env', 'test', '--target', 'monitoring'], { cwd: ROOT });
    expect(rules.code).toBe(2);
    expect(rules.stderr).toContain('target monitoring writes no file of job rt-dw-monitor');
    expect(rules.stderr).toContain('test/monitoring/prometheus/realtime-dw.rules.yml');
  });
});

describe('flinkts check on pipelines', () => {
  test('a pipeline folder is checked in every environment; errors exit 1 with the environment and job in the path', () => {
    const good = runCli(['check', 'examples/realtime-dw'], { cwd: ROOT });
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('0 errors, 0 warnings');
    const bad = runCli(['check', 'test/fixtures/pipelines/layer-error', '--json'], { cwd: ROOT });
    expect(bad.code).toBe(1);
    const result = JSON.parse(bad.stdout) as { errors: number; diagnostics: { code: string; path: string }[] };
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([['FTS6001', 'dev: jobs.skip-ods.statements[0]']]);
  });

  test('an unknown --env is a usage error', () => {
    expect(runCli(['check', 'examples/wrongbook', '--env', 'qa'], { cwd: ROOT }).code).toBe(2);
  });
});
