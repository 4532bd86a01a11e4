/** `flinkts check` runs the changelog-mode and time-attribute checks with the connectors' real capabilities. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from './run-cli.js';

const SOURCE =
  "CREATE TABLE orders (user_id BIGINT, amount DOUBLE, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'kafka', 'topic' = 'orders', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'json');\n";

function script(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'flinkts-check-changelog-'));
  writeFileSync(join(dir, 'job.sql'), text);
  return dir;
}

test('a GROUP BY into an append-only Kafka sink is an error naming the GROUP BY, with the upsert-kafka hint; exit 1', () => {
  const dir = script(
    `${SOURCE}CREATE TABLE totals (user_id BIGINT, total DOUBLE) WITH ('connector' = 'kafka', 'topic' = 'totals', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'json');\n` +
      'INSERT INTO totals\nSELECT user_id, SUM(amount) AS total\nFROM orders\nGROUP BY user_id;\n',
  );
  const r = runCli(['check', 'job.sql'], { cwd: dir });
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("job.sql:3:1 - error FTS4201: Table sink 'totals' (connector 'kafka') doesn't support consuming update changes, which are produced by GROUP BY user_id at 6:10 (at statements[2])");
  expect(r.stdout).toContain("hint: write into a sink that accepts updates — 'connector' = 'upsert-kafka' with PRIMARY KEY (user_id) NOT ENFORCED");
  expect(r.stdout).toMatch(/1 error, 0 warnings\n$/);
});

test('the same aggregation over a TUMBLE window checks clean; exit 0', () => {
  const dir = script(
    `${SOURCE}CREATE TABLE totals (user_id BIGINT, window_start TIMESTAMP(3), total DOUBLE) WITH ('connector' = 'kafka', 'topic' = 'totals', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'json');\n` +
      "INSERT INTO totals\nSELECT user_id, window_start, SUM(amount) AS total\nFROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE))\nGROUP BY user_id, window_start, window_end;\n",
  );
  const r = runCli(['check', 'job.sql'], { cwd: dir });
  expect(r.stdout).toBe('checked 1 SQL script\n0 errors, 0 warnings\n');
  expect(r.code).toBe(0);
});

test('--json carries the time-attribute diagnostics with their positions', () => {
  const dir = script(`${SOURCE}SELECT COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(amount), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;\n`);
  const r = runCli(['check', '--json', 'job.sql'], { cwd: dir });
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout) as { errors: number; diagnostics: { code: string; span: { start: { line: number; column: number } } }[] };
  expect(out.errors).toBe(1);
  expect(out.diagnostics.map((d) => `${d.code} ${d.span.start.line}:${d.span.start.column}`)).toEqual(['FTS4301 2:49']);
});
