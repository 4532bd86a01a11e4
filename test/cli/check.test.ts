import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from './run-cli.js';

function script(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'flinkts-check-'));
  writeFileSync(join(dir, 'job.sql'), text);
  return dir;
}

test('flinkts check reports parse errors, connector option errors and INSERT problems with positions; exit 1', () => {
  const dir = script(
    "CREATE TABLE src (id INT, name STRING) WITH ('connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'b:9092', 'scan.startup.mod' = 'latest-offset', 'format' = 'json');\n" +
      "CREATE TABLE snk (id INT, label STRING) WITH ('connector' = 'blackhole');\n" +
      "SET 'state.ttl' = '1 d';\n" +
      'INSERT INTO snk SELECT id, name FROM src;\n',
  );
  const r = runCli(['check', 'job.sql'], { cwd: dir });
  expect(r.code).toBe(1);
  expect(r.stdout).toContain("did you mean 'scan.startup.mode'?");
  expect(r.stdout).toContain("table.exec.state.ttl");
  expect(r.stdout).toContain("job.sql:4:28 - error FTS4103: positional INSERT puts 'name' into sink column 'label'");
  expect(r.stdout).toMatch(/\d+ errors?, 0 warnings\n$/);
});

test('flinkts check --strict: a warning (a computed value into a differently named column) fails the check', () => {
  const dir = script(
    "CREATE TABLE src (id INT, name STRING) WITH ('connector' = 'datagen');\n" +
      "CREATE TABLE snk (id INT, label STRING) WITH ('connector' = 'blackhole');\n" +
      'INSERT INTO snk SELECT id, UPPER(name) AS title FROM src;\n',
  );
  const plain = runCli(['check', 'job.sql'], { cwd: dir });
  expect(plain.stdout).toContain("warning FTS4103: positional INSERT puts 'title' into sink column 'label'");
  expect(plain.code).toBe(0);
  expect(runCli(['check', '--strict', 'job.sql'], { cwd: dir }).code).toBe(1);
});

test('flinkts check --json and a clean script exit 0', () => {
  const dir = script("CREATE TABLE a (x INT) WITH ('connector' = 'datagen');\nCREATE TABLE b (x BIGINT) WITH ('connector' = 'blackhole');\nINSERT INTO b SELECT x FROM a;\n");
  const r = runCli(['check', '--json', 'job.sql'], { cwd: dir });
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({ ok: true, errors: 0, warnings: 0, checked: { scripts: ['job.sql'], pipelines: [] }, diagnostics: [] });
  expect(runCli(['check'], { cwd: dir }).code).toBe(2);
});
