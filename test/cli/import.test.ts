/**
 * `flinkts import`: seed 001's script and every golden script of the realtime-dw example become TypeScript that
 * type-checks under the repo's strict settings and prints back SQL whose AST equals the input's (modulo the
 * reported fixes and comments); a script the parser rejects is a diagnostic and nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseScript, printStatements } from '@flinkts/core';
import type { CreateTable, Script, Statement } from '@flinkts/core';
import { applyCertainFixes, strip } from '@flinkts/pipelines';
import { runCli } from './run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(ROOT, 'test', '.tmp-import');
const tsc = join(createRequire(import.meta.url).resolve('typescript/package.json'), '..', 'bin', 'tsc');
const SEED = join(ROOT, 'examples/wrongbook/seed/seed-001.sql');
const DW = join(ROOT, 'examples/realtime-dw/golden');

/** Seed 001 up to its last block (ENCRYPTED WITH is not Flink SQL and has no fix: that block alone is refused). */
const seedWithoutEncryption = (): string => readFileSync(SEED, 'utf8').split('-- 数据库表加密')[0]!;

interface Case {
  readonly name: string;
  /** Whether `flinkts build` of the import reprints the scripts (they are the jobs' whole SQL). */
  readonly build?: boolean;
  readonly files: readonly { readonly file: string; readonly text: string }[];
}

const CASES: Case[] = [
  { name: 'seed-001', files: [{ file: 'seed-001.sql', text: seedWithoutEncryption() }] },
  { name: 'wrongbook-golden', build: true, files: [{ file: 'wrongbook.sql', text: readFileSync(join(ROOT, 'examples/wrongbook/golden/wrongbook.sql'), 'utf8') }] },
  ...readdirSync(DW).sort().map((env) => ({
    name: `realtime-dw-${env}`,
    build: true,
    files: readdirSync(join(DW, env, 'sql')).filter((f) => f.endsWith('.sql')).sort().map((f) => ({ file: f, text: readFileSync(join(DW, env, 'sql', f), 'utf8') })),
  })),
];

/** The input's AST as flinkts declares it: comments aside, primary key columns NOT NULL (as Flink makes them). */
function normalised(script: Script): Statement[] {
  return script.statements.map((s) => {
    const plain = strip(s);
    if (plain.kind !== 'CreateTable') return plain;
    const t = plain as CreateTable;
    const pk = new Set(t.primaryKey?.columns ?? []);
    return { ...t, columns: t.columns.map((c) => (c.kind === 'PhysicalColumn' && pk.has(c.name) ? { ...c, type: { ...c.type, nullable: false } } : c)) } as Statement;
  });
}

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const c of CASES) {
    const dir = join(OUT, c.name);
    mkdirSync(join(dir, 'sql'), { recursive: true });
    for (const f of c.files) writeFileSync(join(dir, 'sql', f.file), f.text);
  }
});
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('flinkts import', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s: imports, type-checks and prints back the same SQL', async (_name, c) => {
    const dir = join(OUT, c.name);
    const r = runCli(['import', ...c.files.map((f) => join('sql', f.file)), '--out', 'repo', '--name', c.name], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const repo = join(dir, 'repo');
    writeFileSync(join(repo, 'tsconfig.json'), JSON.stringify({ extends: '../../../../tsconfig.json', compilerOptions: { noEmit: true }, include: ['**/*.ts'], exclude: [] }));
    const checked = spawnSync(process.execPath, [tsc, '-p', join(repo, 'tsconfig.json')], { cwd: ROOT, encoding: 'utf8' });
    expect(checked.stdout + checked.stderr).toBe('');
    for (const f of c.files) {
      const moduleFile = readdirSync(join(repo, 'src')).find((m) => m === f.file.replace(/\.sql$/, '.ts'));
      expect(moduleFile, f.file).toBeDefined();
      const mod = (await import(pathToFileURL(join(repo, 'src', moduleFile!)).href)) as { statements: readonly Statement[] };
      const printed = printStatements(mod.statements);
      const again = parseScript(printed);
      expect(again.diagnostics).toEqual([]);
      const fixed = applyCertainFixes(f.text, f.file);
      expect(fixed.script).toBeDefined();
      expect(normalised(again.script)).toEqual(normalised(fixed.script!));
    }
    if (!c.build) return;
    // `flinkts build` of the generated pipeline: each job's SQL has the input's AST.
    const built = runCli(['build', 'repo'], { cwd: dir });
    expect(built.code, built.stdout + built.stderr).toBe(0);
    for (const f of c.files) {
      const out = readFileSync(join(repo, 'dist', 'default', 'sql', f.file), 'utf8');
      expect(normalised(parseScript(out).script)).toEqual(normalised(parseScript(f.text).script));
    }
  }, 120_000);
});

describe('flinkts import: what it reports', () => {
  test('seed 001 as written: ENCRYPTED WITH is refused with a clear diagnostic and nothing is written', () => {
    const dir = join(OUT, 'seed-as-written');
    mkdirSync(dir, { recursive: true });
    const r = runCli(['import', SEED, '--out', 'repo'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("error FTS1004: 'ENCRYPTED WITH' is not Flink SQL");
    expect(r.stdout).toContain('error FTS9134:');
    expect(r.stdout).not.toContain('    at ');
    expect(existsSync(join(dir, 'repo'))).toBe(false);
  });

  test("seed 001's fixes are applied with a note at the user's line; its misaligned INSERT is reported", () => {
    const dir = join(OUT, 'seed-001');
    const r = runCli(['import', 'sql/seed-001.sql', '--out', 'notes', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; message: string }[] };
    const notes = report.diagnostics.filter((d) => d.code === 'FTS9130').map((d) => d.message).sort();
    expect(notes).toEqual([
      "line 55: wrote 'USE DATABASE name' as 'USE name'",
      'line 63: quoted the reserved word timestamp as `timestamp`',
      'line 64: quoted the reserved word timestamp as `timestamp`',
      'line 9: quoted the reserved word timestamp as `timestamp`',
    ]);
    const positional = report.diagnostics.find((d) => d.message.includes('chapter_id') && d.message.includes('teach_type_id'));
    expect(positional?.severity).toBe('warning');
  });

  test('a literal password becomes a secret (reported, never written); an unknown option keeps the connector generic', () => {
    const dir = join(OUT, 'credentials');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'job.sql'), `CREATE TABLE src (id INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db:3306/x', 'table-name' = 't', 'username' = 'etl', 'password' = 'hunter2');
CREATE TABLE snk (id INT) WITH ('connector' = 'print', 'made-up.option' = 'x');
INSERT INTO snk SELECT id FROM src;
`);
    const r = runCli(['import', 'job.sql', '--out', 'repo'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("warning FTS9131: table src: 'password' holds a literal credential; the TypeScript uses the secret SRC_PASSWORD instead");
    expect(r.stdout).toContain('warning FTS9132: table snk:');
    const tables = readFileSync(join(dir, 'repo', 'src', 'tables.ts'), 'utf8');
    expect(tables).not.toContain('hunter2');
    expect(tables).toContain("password: secret('SRC_PASSWORD')");
    expect(tables).toMatch(/escape hatch: .*made-up\.option.*\*\/ genericConnector\('print', \{\s*'made-up\.option': 'x',?\s*\}\)/);
  });

  test('SQL the parser rejects: a diagnostic at its line, nothing written', () => {
    const dir = join(OUT, 'broken');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'ok.sql'), "CREATE TABLE a (id INT) WITH ('connector' = 'datagen');\n");
    writeFileSync(join(dir, 'bad.sql'), 'CREATE TABLE b (id INT) WITH (;\n');
    const r = runCli(['import', 'ok.sql', 'bad.sql', '--out', 'repo'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.sql:1:\d+ - error FTS1/);
    expect(existsSync(join(dir, 'repo'))).toBe(false);
  });
});
