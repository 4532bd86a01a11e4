/**
 * `flinkts flink status|start|stop`, `flinkts verify` and `flinkts check --planner flink` through the real bin:
 * the real planner's errors at the script's line and column, in flinkts's diagnostic shape.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'flinkts-verify-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const script = (name: string, sql: string): string => {
  const f = join(tmp, name);
  writeFileSync(f, sql);
  return f;
};

const DDL = `CREATE TABLE src (k BIGINT, v STRING) WITH ('connector' = 'datagen');
CREATE TABLE snk (k BIGINT, v STRING) WITH ('connector' = 'blackhole');
`;

describe('the real planner from the CLI', () => {
  test('verify: an accepted script exits 0; a rejected one exits 1 with FTS7607 at its line and column', () => {
    const ok = runCli(['verify', script('ok.sql', `${DDL}INSERT INTO snk SELECT k, v FROM src;\n`)]);
    expect(ok.stdout).toContain('1 script planned by Flink 1.20.1: 0 errors');
    expect(ok.code).toBe(0);
    const bad = runCli(['verify', script('bad.sql', `${DDL}INSERT INTO snk\nSELECT k, vv FROM src;\n`)]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/bad\.sql:4:11 - error FTS7607: .*Column 'vv' not found in any table/);
  }, 180_000);

  test('check --planner flink adds the planner verdict to the analyzer diagnostics', () => {
    const r = runCli(['check', '--planner', 'flink', '--json', script('c.sql', `${DDL}INSERT INTO snk SELECT k, nope FROM src;\n`)]);
    const out = JSON.parse(r.stdout) as { diagnostics: { code: string }[] };
    expect(out.diagnostics.map((d) => d.code)).toContain('FTS7607');
  }, 180_000);

  test('flink status reports the running bridge; an unknown action is a usage error', () => {
    const s = runCli(['flink', 'status']);
    expect(s.stdout).toMatch(/Flink 1\.20\.1 bridge: pid \d+, API http:\/\/127\.0\.0\.1:\d+, Flink REST http:\/\/127\.0\.0\.1:\d+, SQL Gateway http:\/\/127\.0\.0\.1:\d+/);
    expect(runCli(['flink', 'restart']).code).toBe(2);
  });
});
