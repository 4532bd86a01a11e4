/**
 * `flinkts introspect` against a real MariaDB (Debian's mariadb-server on 127.0.0.1, throw-away data directory,
 * stopped by pid): a schema with every MySQL type family becomes the golden TypeScript module, which type-checks
 * under the repo's strict settings and whose tables pass the analyzer with the real connector option catalogs (a view
 * becomes a JDBC table, never a CDC source); --check finds no drift, then catches an ALTER TABLE and a replaced
 * view; bad connections are diagnostics and write nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MariaDb } from '../support/mariadb.js';
import { startMariaDb } from '../support/mariadb.js';
import { runCli } from './run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// A folder of its own per run, inside the repo so the generated modules resolve its node_modules.
const OUT = mkdtempSync(join(ROOT, 'test', '.tmp-introspect-'));
const GOLDEN = join(ROOT, 'test', 'cli', 'golden', 'introspect-shop.ts');
const tsc = join(createRequire(import.meta.url).resolve('typescript/package.json'), '..', 'bin', 'tsc');
const PASSWORD = "pw'with \"quotes\"";

const SCHEMA = `
CREATE DATABASE shop;
CREATE USER 'flinkts'@'127.0.0.1' IDENTIFIED BY '${PASSWORD.replace(/'/g, "''")}';
GRANT SELECT ON shop.* TO 'flinkts'@'127.0.0.1';
USE shop;
CREATE TABLE all_types (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT COMMENT 'surrogate key',
  flag TINYINT(1) NOT NULL DEFAULT 0,
  tiny TINYINT, tiny_u TINYINT UNSIGNED, small SMALLINT, small_u SMALLINT UNSIGNED,
  medium MEDIUMINT, medium_u MEDIUMINT UNSIGNED, normal INT NOT NULL, normal_u INT UNSIGNED, big BIGINT,
  price DECIMAL(12, 2) NOT NULL, wide DECIMAL(65, 10), ratio FLOAT, score DOUBLE, real_value REAL,
  bit1 BIT(1), bits BIT(12),
  day DATE, clock TIME(3), happened DATETIME, happened6 DATETIME(6), changed TIMESTAMP(3) NULL, yr YEAR,
  code CHAR(8), name VARCHAR(64) COMMENT 'the customer''s name', body TEXT, doc JSON,
  state ENUM('new', 'paid'), tags SET('a', 'b'),
  digest BINARY(16), token VARBINARY(255), picture BLOB, location POINT,
  PRIMARY KEY (id)
) COMMENT 'every type family */ in one table';
CREATE TABLE order_lines (
  order_id BIGINT NOT NULL, line INT NOT NULL, amount DECIMAL(10, 2), note VARCHAR(20),
  PRIMARY KEY (order_id, line)
);
CREATE VIEW big_lines AS SELECT order_id, line FROM order_lines WHERE amount > 100;
`;

let db: MariaDb;
const env = (): NodeJS.ProcessEnv => ({ ...process.env, MYSQL_PASSWORD: PASSWORD });
const url = (database = 'shop', port = db.port): string => `mysql://flinkts@127.0.0.1:${port}/${database}`;
const portFree = (text: string): string => text.replaceAll(`${db.port}`, '<port>');

beforeAll(async () => {
  db = await startMariaDb();
  db.sql(SCHEMA);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
}, 600_000);

afterAll(async () => {
  await db?.stop();
  rmSync(OUT, { recursive: true, force: true });
}, 60_000);

describe('flinkts introspect (real MariaDB)', () => {
  const module = join(OUT, 'src', 'shop.ts');

  test('writes the golden module: every type family with its Flink CDC mapping, keys, NOT NULL, comments', () => {
    const r = runCli(['introspect', url(), '--out', module, '--jdbc-lookup', '--paimon-ods', 'lake'], { env: env() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${module}`);
    const text = readFileSync(module, 'utf8');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, portFree(text));
    expect(portFree(text)).toBe(readFileSync(GOLDEN, 'utf8'));
    expect(text).not.toContain(PASSWORD);
    expect(readdirSync(join(OUT, 'src'))).toEqual(['shop.ts']);
  });

  test('the module type-checks under strict settings, and its tables pass the analyzer', async () => {
    writeFileSync(join(OUT, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { noEmit: true }, include: ['src/*.ts'], exclude: [] }));
    const r = spawnSync(process.execPath, [tsc, '-p', join(OUT, 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
    const mod = (await import(module)) as Record<string, { toStatement?: () => unknown }>;
    const { checkSql, printStatements } = await import('@flinkts/core');
    const { connectorValidators } = await import('@flinkts/connectors');
    const statements = Object.values(mod).flatMap((v) => (typeof v?.toStatement === 'function' ? [v.toStatement()] : []));
    expect(statements).toHaveLength(7);
    const sql = `CREATE CATALOG lake WITH ('type' = 'paimon', 'warehouse' = 'file:///tmp/lake');\n${printStatements(statements as Parameters<typeof printStatements>[0])}`;
    expect(checkSql(sql, { validators: connectorValidators }).filter((d) => d.severity === 'error')).toEqual([]);
    expect(sql).toMatch(/`id`\s+DECIMAL\(20, 0\) NOT NULL COMMENT 'surrogate key'/);
    expect(sql).toMatch(/`changed`\s+TIMESTAMP_LTZ\(3\)|`changed`\s+TIMESTAMP\(3\) WITH LOCAL TIME ZONE/);
  });

  test('--check: no drift, then an ALTER TABLE is reported column by column', () => {
    const clean = runCli(['introspect', url(), '--out', module, '--check'], { env: env() });
    expect(clean.stdout).toContain('compared 3 declared tables');
    expect(clean.stdout).toContain('0 errors, 0 warnings');
    expect(clean.code).toBe(0);
    db.sql('ALTER TABLE order_lines ADD COLUMN shipped_at DATETIME(3), MODIFY amount DECIMAL(14, 4), DROP COLUMN note; CREATE TABLE refunds (id INT PRIMARY KEY); CREATE OR REPLACE VIEW big_lines AS SELECT order_id, line, amount FROM order_lines WHERE amount > 100; CREATE VIEW refund_ids AS SELECT id FROM refunds', 'shop');
    const drift = runCli(['introspect', url(), '--out', module, '--check', '--json'], { env: env() });
    expect(drift.code).toBe(1);
    const report = JSON.parse(drift.stdout) as { diagnostics: { code: string; severity: string; message: string }[] };
    expect(report.diagnostics.map((d) => `${d.severity} ${d.message}`).sort()).toEqual([
      'error shop.big_lines: column amount DECIMAL(14, 4) was added in MySQL and is not declared in lookup_big_lines',
      'error shop.order_lines: column amount is DECIMAL(14, 4) in MySQL, declared DECIMAL(10, 2) in mysql_order_lines',
      'error shop.order_lines: column note is declared in mysql_order_lines but no longer exists in MySQL',
      'error shop.order_lines: column shipped_at TIMESTAMP(3) was added in MySQL and is not declared in mysql_order_lines',
      'warning shop.refund_ids (a view) exists in MySQL and no table declares it',
      'warning shop.refunds exists in MySQL and no table declares it',
    ]);
    expect(new Set(report.diagnostics.map((d) => d.code))).toEqual(new Set(['FTS9126']));
  });

  test('check --tables mysql://…: a job script is checked against the live schema', () => {
    const job = join(OUT, 'job.sql');
    const script = (column: string): string => `CREATE TABLE out_lines (order_id BIGINT, v TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out_lines SELECT order_id, ${column} AS v FROM mysql_order_lines;
`;
    writeFileSync(job, script('shipped_at'));
    const ok = runCli(['check', job, '--tables', url()], { env: env() });
    expect(ok.stdout).toContain('0 errors');
    expect(ok.code).toBe(0);
    writeFileSync(job, script('note'));
    const dropped = runCli(['check', job, '--tables', url()], { env: env() });
    expect(dropped.code).toBe(1);
    expect(dropped.stdout).toMatch(/error FTS40\d\d: .*note/);
  });

  test('bad input: wrong password, unreachable host, unknown database, password in the URL — diagnostics, nothing written', async () => {
    const fresh = join(OUT, 'bad', 'tables.ts');
    const cases: [string[], NodeJS.ProcessEnv, string][] = [
      [[url()], { ...process.env, MYSQL_PASSWORD: 'wrong' }, 'FTS9122'],
      [[url('shop', await closedPort())], env(), 'FTS9121'],
      [[url('no_such_db')], env(), 'FTS9123'],
      [['mysql://flinkts:secret@127.0.0.1:3306/shop'], env(), 'FTS9120'],
      [[url(), '--tables', 'order_lines,nope'], env(), 'FTS9124'],
    ];
    for (const [args, e, code] of cases) {
      const r = runCli(['introspect', ...args, '--out', fresh], { env: e });
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout).toContain(`error ${code}:`);
      expect(r.stdout).not.toContain('    at ');
      expect(existsSync(join(OUT, 'bad'))).toBe(false);
    }
  }, 180_000);
});

async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => done(typeof a === 'object' && a !== null ? a.port : 1));
    });
  });
}
