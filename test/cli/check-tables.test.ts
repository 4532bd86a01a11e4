/**
 * `flinkts check --tables`: a job script that reads catalog tables is checked against their declarations — the
 * pipeline's typed tables, a module, or a SQL schema file — instead of failing with FTS4002.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = mkdtempSync(join(ROOT, 'test', '.tmp-check-tables-'));

const JOB = `USE CATALOG paimon_catalog;
INSERT INTO dws.dws_sales_daily (stat_date, category, order_count, buyer_count, paid_amount)
SELECT order_date, category, COUNT(*), COUNT(DISTINCT user_id), SUM(amount)
FROM dwd.dwd_order_detail
GROUP BY order_date, category;
`;

beforeAll(() => {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, 'job.sql'), JOB);
  writeFileSync(join(DIR, 'typo.sql'), JOB.replace('SUM(amount)', 'SUM(amout)'));
});
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

test('without declarations the catalog tables are unknown (FTS4002)', () => {
  const r = runCli(['check', 'job.sql'], { cwd: DIR });
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('FTS4002');
});

test("with the pipeline's typed tables the job checks clean, and a misspelt column is found", () => {
  const pipeline = join(ROOT, 'examples', 'realtime-dw');
  const ok = runCli(['check', 'job.sql', '--tables', pipeline], { cwd: DIR });
  expect(ok.stdout).toContain('0 errors');
  expect(ok.code).toBe(0);
  const typo = runCli(['check', 'typo.sql', '--tables', pipeline], { cwd: DIR });
  expect(typo.code).toBe(1);
  expect(typo.stdout).toMatch(/error FTS40\d\d: .*amout/);
  expect(typo.stdout).not.toContain('FTS4002');
});

test('a SQL schema file lends its CREATE statements', () => {
  const schema = join(ROOT, 'examples/realtime-dw/golden/prod/sql/rt-dw-dws-aggregate.sql');
  const r = runCli(['check', 'job.sql', '--tables', schema], { cwd: DIR });
  expect(r.stdout).not.toContain('FTS4002');
  expect(r.code).toBe(0);
});

test('a source that cannot be read is a usage error', () => {
  const r = runCli(['check', 'job.sql', '--tables', 'no-such-folder'], { cwd: DIR });
  expect(r.code).toBe(2);
  expect(r.stdout).toContain('no-such-folder does not exist');
  expect(r.stdout).not.toContain('checked 1 SQL script');
  const json = runCli(['check', 'job.sql', '--tables', 'no-such-folder', '--json'], { cwd: DIR });
  expect(json.code).toBe(2);
  expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, errors: 1, checked: { scripts: [] }, diagnostics: [{ severity: 'error' }] });
});
