/**
 * `flinkts import`: seed 001's script and every golden script of the realtime-dw example become TypeScript that
 * type-checks under the repo's strict settings and prints back SQL whose AST equals the input's (modulo the
 * reported fixes and comments); a script the parser rejects is a diagnostic and nothing is written.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseScript, printStatements } from '@flinkts/core';
import type { CreateTable, Script, Statement } from '@flinkts/core';
import { applyCertainFixes, strip } from '@flinkts/pipelines/internal';
import { runCli } from './run-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// A folder of its own per run, inside the repo so the generated modules resolve its node_modules.
const OUT = mkdtempSync(join(ROOT, 'test', '.tmp-import-'));
const tsc = join(createRequire(import.meta.url).resolve('typescript/package.json'), '..', 'bin', 'tsc');
const SEED = join(ROOT, 'examples/wrongbook/seed/seed-001.sql');
const DW = join(ROOT, 'examples/realtime-dw/golden');
const BUILDERS = join(ROOT, 'test/cli/import-fixtures/builders.sql');


interface Case {
  readonly name: string;
  /** Whether `flinkts build` of the import reprints the scripts (they are the jobs' whole SQL). */
  readonly build?: boolean;
  readonly files: readonly { readonly file: string; readonly text: string }[];
}

const CASES: Case[] = [
  // Seed 001 as shipped: its last statement (ENCRYPTED WITH) is refused and carried; the round trip is of the rest.
  { name: 'seed-001', files: [{ file: 'seed-001.sql', text: readFileSync(SEED, 'utf8') }] },
  { name: 'wrongbook-golden', build: true, files: [{ file: 'wrongbook.sql', text: readFileSync(join(ROOT, 'examples/wrongbook/golden/wrongbook.sql'), 'utf8') }] },
  // Aggregation, window TVFs, TopN, temporal and lookup joins, WITH and UNION ALL: written with the builder.
  { name: 'builders', build: true, files: [{ file: 'builders.sql', text: readFileSync(BUILDERS, 'utf8') }] },
  {
    name: 'comments',
    build: true,
    files: [{ file: 'commented.sql', text: `-- the job's header
/* a block comment
   over two lines */
CREATE TABLE src (
  -- the key
  id BIGINT,
  amount DECIMAL(10, 2), -- trailing on a column
  /* computed */ doubled AS amount * 2
) WITH ('connector' = 'datagen');
-- the sink
CREATE TABLE snk (id BIGINT, total DECIMAL(10, 2)) WITH ('connector' = 'blackhole');
CREATE TABLE snk2 (id BIGINT) WITH ('connector' = 'blackhole');
EXECUTE STATEMENT SET
BEGIN
  -- first insert
  INSERT INTO snk (id, total)
  SELECT
    -- the id
    s.id AS id,
    s.amount AS total -- the amount
  FROM src AS s;
  -- second insert
  INSERT INTO snk2 SELECT id FROM src;
END;
-- the end of the script
` }],
  },
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
    // Every SQL comment of the input is in the generated TypeScript (as a TypeScript comment, or in kept SQL text).
    const generated = [join(repo, 'flinkts.config.ts'), ...readdirSync(join(repo, 'src')).map((m) => join(repo, 'src', m))].map((p) => readFileSync(p, 'utf8')).join('\n');
    for (const f of c.files) {
      for (const comment of parseScript(f.text).comments) {
        const body = comment.replace(/^--|^\/\*|\*\/$/g, '').trim();
        for (const line of body.split('\n')) expect(generated, `${f.file}: comment ${comment}`).toContain(line.trim());
      }
    }
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

describe('flinkts import: queries with the builder, from the bound plan', () => {
  test('every construct of builders.sql is builder code, and the plan of the rebuilt SQL has the same patterns', async () => {
    const repo = join(OUT, 'builders', 'repo');
    const module = readFileSync(join(repo, 'src', 'builders.ts'), 'utf8') + readFileSync(join(repo, 'src', 'tables.ts'), 'utf8');
    for (const construct of ['.groupBy(', '.having(', 'fn.count()', 'fn.sum(o.amount)', 'fn.count(o.product_id).distinct()', "tumble(orders, { timecol: 'ts', size: interval('1', 'MINUTE') })", "hop(orders, { timecol: 'ts', slide: interval('1', 'MINUTE'), size: interval('5', 'MINUTE') })", 'fn.rowNumber().over({ partitionBy: [o.user_id], orderBy: [o.amount.desc()] })', 'r.rn.lte(3)', 'fn.rowNumber().over({ partitionBy: [o.order_id], orderBy: [o.proc_time.asc()] })', 'f.rn.eq(1)', '.orderBy((c) => [c.amount.desc()])', '.limit(3)', "cumulate(orders, { timecol: 'ts', step: interval('1', 'MINUTE'), size: interval('10', 'MINUTE') })", ".temporalJoin(rates, 'r', { asOf: ({ o }) => o.ts,", ".temporalJoin(products, 'p', {", "type: 'LEFT'", 'withCtes(', "cte('totals', totalsQuery)", '.unionAll(', '.selectList(']) {
      expect(module.replace(/\s+/g, ' '), construct).toContain(construct.replace(/\s+/g, ' '));
    }
    expect(module).not.toMatch(/sqlQuery|sqlInsert|sqlStatement|kept as SQL/);
    // The patterns Flink plans (TopN, temporal and lookup joins, window aggregation) are there in the plan of what
    // the TypeScript prints.
    const mod = (await import(pathToFileURL(join(repo, 'src', 'builders.ts')).href)) as { statements: readonly Statement[] };
    const { bindScript } = await import('@flinkts/core/internal');
    const bound = bindScript(parseScript(printStatements(mod.statements)).script.statements);
    expect(bound.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const kinds = new Set<string>();
    const walk = (n: { kind: string; strategy?: string; fn?: string; input?: unknown; left?: unknown; right?: unknown; inputs?: readonly unknown[] }): void => {
      kinds.add(n.kind === 'Join' ? `Join:${n.strategy}` : n.kind === 'WindowTableFunction' ? `Window:${n.fn}` : n.kind);
      for (const c of [n.input, n.left, n.right, ...(n.inputs ?? [])]) if (c !== undefined) walk(c as never);
    };
    for (const s of bound.statements) for (const sink of s.sinks) walk(sink.input as never);
    for (const k of ['Rank', 'Deduplicate', 'Join:temporal', 'Join:lookup', 'Window:TUMBLE', 'Window:HOP', 'Window:CUMULATE', 'Aggregate', 'SetOp']) expect(kinds, k).toContain(k);
  });
});

describe('flinkts import: what it reports', () => {
  test('seed 001 as shipped: the statement Flink refuses is reported at its positions and carried as a comment; the rest is imported', () => {
    const dir = join(OUT, 'seed-as-written');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'seed-001.sql'), readFileSync(SEED, 'utf8'));
    const r = runCli(['import', 'seed-001.sql', '--out', 'repo'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("seed-001.sql:106:1 - warning FTS1001: in the imported SQL: expected a column definition but found ')'");
    expect(r.stdout).toContain("seed-001.sql:112:3 - warning FTS1004: in the imported SQL: 'ENCRYPTED WITH' is not Flink SQL");
    expect(r.stdout).toContain('seed-001.sql:103:1 - warning FTS9136: lines 103-115 were not imported: the statement does not parse as Flink SQL (FTS1001 at 106:1, FTS1004 at 112:3); it is carried as written in a comment in src/seed-001.ts');
    // Reported once each (the analyzer's own pass over the script does not repeat them).
    expect(r.stdout.split('warning FTS1004').length).toBe(2);
    expect(r.stdout).not.toContain('    at ');
    const module = readFileSync(join(dir, 'repo', 'src', 'seed-001.ts'), 'utf8');
    const carried = module.slice(module.indexOf('/* NOT IMPORTED'));
    expect(carried).toContain('seed-001.sql:112:3');
    expect(carried).toContain(") ENCRYPTED WITH (\n    'algorithm' = 'AES256',\n    'key-id' = 'alias/wrongbook-key'\n)");
    // After the last imported statement, in the statements array.
    expect(module.indexOf('inserts[0]!')).toBeLessThan(module.indexOf('/* NOT IMPORTED'));
  });

  test('a refused statement in the middle keeps its place; its literal credentials are not carried', () => {
    const dir = join(OUT, 'refused-middle');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'job.sql'), `CREATE TABLE a (id INT) WITH ('connector' = 'datagen');
-- the bad one
CREATE TABLE b (id INT) WITH ('connector' = 'jdbc', 'password' = 'hunter2', 'username' = '\${DB_USER}') ENCRYPTED WITH ('k' = 'v');
CREATE TABLE c (id INT) WITH ('connector' = 'blackhole');
INSERT INTO c SELECT id FROM a;
`);
    const r = runCli(['import', 'job.sql', '--out', 'repo', '--json'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { diagnostics: { code: string; message: string; span?: { start: { line: number; column: number } } }[] };
    const refused = report.diagnostics.find((d) => d.code === 'FTS9136');
    expect(refused?.message).toContain('lines 2-3 were not imported');
    expect(refused?.message).toContain('its 1 literal credential replaced by ***');
    expect(report.diagnostics.find((d) => d.code === 'FTS1004')?.span?.start).toMatchObject({ line: 3, column: 104 });
    const module = readFileSync(join(dir, 'repo', 'src', 'job.ts'), 'utf8');
    expect(module).not.toContain('hunter2');
    expect(module).toContain("'password' = '***'");
    expect(module).toContain("'username' = '\${DB_USER}'");
    const order = ['a.toStatement()', '/* NOT IMPORTED', 'c.toStatement()'].map((x) => module.indexOf(x));
    expect(order.every((x) => x >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
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
