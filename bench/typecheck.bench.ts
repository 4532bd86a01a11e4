/**
 * Type-check benchmark: the same generated project — 50 tables × 20 columns and 50 typed queries (each a 3-table
 * join, a filter, a GROUP BY and 10 selected columns, plus a function reading the inferred row type) — written
 * with flinkts and with Kysely, checked by `tsc --extendedDiagnostics` in one run. Prints type instantiation
 * counts and the ratio. Target: flinkts ≤ 0.5x Kysely.
 *
 * `@flinkts/core` is imported as users get it: its package `exports` point at the compiled `dist/*.d.ts` (run
 * `npm run build` first; `npm run bench` does), so tsc reads flinkts's declarations as it reads Kysely's. Each
 * project is also checked with the same imports and no tables or queries (a baseline), and the instantiation ratio
 * is taken on the difference (the project's own instantiations). tsc's check time and the whole tsc process's
 * wall time (cold, same run) are printed as ratios too.
 * The projects are written under bench/.tmp/ (gitignored).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TABLES = 50;
export const COLUMNS = 20;
export const QUERIES = 50;

/** Column `cN` has the type `COLUMN_TYPES[N % 7]`: c0, c7, c14 are BIGINT keys. */
const COLUMN_TYPES = [
  { flinkts: 't.bigint()', kysely: 'number' },
  { flinkts: 't.string()', kysely: 'string' },
  { flinkts: 't.int()', kysely: 'number' },
  { flinkts: 't.decimal(10, 2)', kysely: 'string' },
  { flinkts: 't.timestamp(3)', kysely: 'Date' },
  { flinkts: 't.boolean()', kysely: 'boolean' },
  { flinkts: 't.double()', kysely: 'number' },
] as const;

const columnType = (c: number) => COLUMN_TYPES[c % COLUMN_TYPES.length]!;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const tableNames = (q: number) => [q % TABLES, (q + 1) % TABLES, (q + 2) % TABLES].map((i) => `t${i}`) as [string, string, string];

/** Group keys and plain selected columns shared by both projects: [alias, column, output name]. */
const KEYS = [['a', 'c0', 'k'], ['a', 'c1', 'a_name'], ['b', 'c1', 'b_name'], ['c', 'c1', 'c_name'], ['a', 'c4', 'a_ts'], ['b', 'c8', 'b_tag'], ['c', 'c2', 'c_qty']] as const;

export function flinktsProject(withQueries: boolean): Record<string, string> {
  const imports = "import { fn, from, genericConnector, t, table } from '@flinkts/core';\nimport type { RowOf } from '@flinkts/core';\n";
  if (!withQueries) return { 'main.ts': `${imports}export const used = [fn, from, genericConnector, t, table];\nexport type Used = RowOf<{ readonly __columns: {} }>;\n` };
  const tables = range(TABLES).map((i) => {
    const cols = range(COLUMNS).map((c) => `    c${c}: ${columnType(c).flinkts},`).join('\n');
    return `export const t${i} = table('t${i}', {\n  columns: {\n${cols}\n  },\n  connector: genericConnector('datagen'),\n});\n`;
  });
  const queries = range(QUERIES).map((q) => {
    const [a, b, c] = tableNames(q);
    const keys = KEYS.map(([al, col]) => `${al}.${col}`).join(', ');
    const sel = KEYS.map(([al, col, name]) => `${name}: ${al}.${col}`).join(', ');
    return [
      `export const q${q} = from(${a}, 'a')`,
      `  .join(${b}, 'b', ({ a, b }) => a.c0.eq(b.c0))`,
      `  .join(${c}, 'c', ({ b, c }) => b.c7.eq(c.c0))`,
      `  .where(({ a, b, c }) => a.c2.gt(10).and(b.c1.neq('x')).and(c.c5.eq(true)))`,
      `  .groupBy(({ a, b, c }) => [${keys}])`,
      `  .select(({ a, b, c }) => ({ ${sel}, n: fn.count(), total: fn.sum(a.c3), top: fn.max(c.c6) }));`,
      `export function read${q}(row: RowOf<typeof q${q}>) {\n  // @ts-expect-error the row type is exact: no such column\n  void row.missing;\n  return [row.k, row.a_name, row.total, row.top] as const;\n}\n`,
    ].join('\n');
  });
  const tableImports = `import { ${range(TABLES).map((i) => `t${i}`).join(', ')} } from './tables.js';\n`;
  return {
    'tables.ts': `${imports}\n${tables.join('\n')}`,
    'main.ts': `${imports}${tableImports}\n${queries.join('\n')}`,
  };
}

export function kyselyProject(withQueries: boolean): Record<string, string> {
  const imports = "import { DummyDriver, Kysely, MysqlAdapter, MysqlIntrospector, MysqlQueryCompiler } from 'kysely';\nimport type { InferResult } from 'kysely';\n";
  if (!withQueries) return { 'main.ts': `${imports}export const used = [DummyDriver, Kysely, MysqlAdapter, MysqlIntrospector, MysqlQueryCompiler];\nexport type Used = InferResult<never>;\n` };
  const tables = range(TABLES).map((i) => {
    const cols = range(COLUMNS).map((c) => `  c${c}: ${columnType(c).kysely};`).join('\n');
    return `export interface T${i} {\n${cols}\n}\n`;
  });
  const database = `export interface Database {\n${range(TABLES).map((i) => `  t${i}: T${i};`).join('\n')}\n}\n`;
  const db = [
    'const db = new Kysely<Database>({',
    '  dialect: {',
    '    createAdapter: () => new MysqlAdapter(),',
    '    createDriver: () => new DummyDriver(),',
    '    createIntrospector: (k) => new MysqlIntrospector(k),',
    '    createQueryCompiler: () => new MysqlQueryCompiler(),',
    '  },',
    '});\n',
  ].join('\n');
  const queries = range(QUERIES).map((q) => {
    const [a, b, c] = tableNames(q);
    const keys = KEYS.map(([al, col]) => `'${al}.${col}'`).join(', ');
    const sel = KEYS.map(([al, col, name]) => `'${al}.${col} as ${name}'`).join(', ');
    return [
      `export const q${q} = db`,
      `  .selectFrom('${a} as a')`,
      `  .innerJoin('${b} as b', 'a.c0', 'b.c0')`,
      `  .innerJoin('${c} as c', 'b.c7', 'c.c0')`,
      `  .where((eb) => eb.and([eb('a.c2', '>', 10), eb('b.c1', '<>', 'x'), eb('c.c5', '=', true)]))`,
      `  .groupBy([${keys}])`,
      `  .select((eb) => [${sel}, eb.fn.countAll().as('n'), eb.fn.sum('a.c3').as('total'), eb.fn.max('c.c6').as('top')]);`,
      `export function read${q}(row: InferResult<typeof q${q}>[number]) {\n  // @ts-expect-error the row type is exact: no such column\n  void row.missing;\n  return [row.k, row.a_name, row.total, row.top] as const;\n}\n`,
    ].join('\n');
  });
  return {
    'tables.ts': tables.join('\n') + '\n' + database,
    'main.ts': `${imports}import type { Database } from './tables.js';\n\n${db}\n${queries.join('\n')}`,
  };
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022', lib: ['ES2023'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true,
    noUncheckedIndexedAccess: true, verbatimModuleSyntax: true, allowImportingTsExtensions: true,
    skipLibCheck: true, noEmit: true, types: ['node'],
  },
  include: ['*.ts'],
};

const here = fileURLToPath(new URL('.', import.meta.url));
const tsc = join(createRequire(import.meta.url).resolve('typescript/package.json'), '..', 'bin', 'tsc');

function write(dir: string, files: Record<string, string>): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2) + '\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

interface Check { readonly instantiations: number; readonly seconds: number; readonly wall: number }

/**
 * Type-check a generated project. Type errors in the project's own files fail the benchmark (the comparison
 * would be meaningless); errors tsc reports in library files are printed as a warning and the count is kept.
 */
function check(dir: string): Check {
  let out: string;
  const start = performance.now();
  try {
    out = execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json', '--extendedDiagnostics'], { cwd: dir, encoding: 'utf8' });
  } catch (e) {
    out = (e as { stdout?: string }).stdout ?? '';
    const errors = out.split('\n').filter((l) => / error TS\d+/.test(l));
    const own = errors.filter((l) => !l.startsWith('../'));
    if (own.length > 0 || errors.length === 0) throw new Error(`type errors in the generated project ${dir}:\n${(own.length > 0 ? own : [out]).slice(0, 10).join('\n')}`);
    console.warn(`warning: tsc reported ${errors.length} error(s) in library files while checking ${dir}, e.g.\n  ${errors[0]}`);
  }
  const number = (label: string) => {
    const m = new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(out);
    if (m === null) throw new Error(`tsc --extendedDiagnostics printed no "${label}" line:\n${out}`);
    return Number(m[1]);
  };
  return { instantiations: number('Instantiations'), seconds: number('Check time'), wall: (performance.now() - start) / 1000 };
}

export async function run(): Promise<void> {
  const root = join(here, '.tmp', 'typecheck');
  const projects = {
    flinkts: { full: flinktsProject(true), base: flinktsProject(false) },
    kysely: { full: kyselyProject(true), base: kyselyProject(false) },
  };
  console.log(`project: ${TABLES} tables × ${COLUMNS} columns, ${QUERIES} typed queries (3-table join, filter, GROUP BY, 10 columns)\n`);
  const results: Record<string, { full: Check; base: Check }> = {};
  for (const [name, p] of Object.entries(projects)) {
    write(join(root, name), p.full);
    write(join(root, `${name}-baseline`), p.base);
    results[name] = { full: check(join(root, name)), base: check(join(root, `${name}-baseline`)) };
  }
  const fmt = (x: number) => x.toLocaleString('en-US').padStart(10);
  const net = (name: string) => results[name]!.full.instantiations - results[name]!.base.instantiations;
  console.log('            project   baseline   project − baseline   check time   tsc process (wall)');
  for (const name of Object.keys(projects)) {
    const r = results[name]!;
    console.log(`${name.padEnd(8)} ${fmt(r.full.instantiations)} ${fmt(r.base.instantiations)}   ${fmt(net(name))}           ${r.full.seconds.toFixed(2)}s        ${r.full.wall.toFixed(2)}s`);
  }
  const ratio = net('flinkts') / net('kysely');
  const time = results.flinkts!.full.seconds / results.kysely!.full.seconds;
  const wall = results.flinkts!.full.wall / results.kysely!.full.wall;
  const verdict = (x: number) => (x <= 0.5 ? 'met' : 'NOT met');
  console.log(`ratio    ${ratio.toFixed(2)}x Kysely's instantiations (project − baseline)   target ≤ 0.5x: ${verdict(ratio)}`);
  console.log(`ratio    ${time.toFixed(2)}x Kysely's check time                              target ≤ 0.5x: ${verdict(time)}`);
  console.log(`ratio    ${wall.toFixed(2)}x Kysely's whole tsc process (wall)                target ≤ 0.5x: ${verdict(wall)}`);
}
