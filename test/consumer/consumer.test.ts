/**
 * The packages as a user gets them: `npm pack` every package, install the tarballs into a fresh project outside the
 * repo (no workspace links; dev tools from npm's cache), and use flinkts there the way users do — plain Node
 * imports, tsc under strict settings against the published declarations, a vitest test with the matchers, and the
 * CLI from node_modules/.bin (build, check, init; and in the scaffold `flinkts init` writes, npm install && npm test
 * && npx flinkts build).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

// Whole tools run here (npm, tsc, vitest, the CLI); on a loaded 2-core machine one can take more than the default 30 s.
vi.setConfig({ testTimeout: 180_000 });

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixture', import.meta.url));
const PACKAGES = ['flinkts', '@flinkts/core', '@flinkts/connectors', '@flinkts/pipelines'];

const work = mkdtempSync(join(tmpdir(), 'flinkts-consumer-'));
const packs = join(work, 'packs');
const app = join(work, 'app');

interface Run {
  readonly code: number;
  readonly out: string;
}

function run(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 600_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false', ...env } });
  return { code: r.status ?? -1, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

function ok(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  const r = run(cmd, args, cwd, env);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.code}:\n${r.out}`);
  return r.out;
}

/** Files under `dir`, relative, with forward slashes. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    return e.isDirectory() ? walk(dir, rel) : [rel];
  });
}

const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
/** The tarball of each package, by name. */
const tarballs = new Map<string, string>();

/** Dependencies on the packed flinkts (overrides keep flinkts's own @flinkts/* dependencies on the tarballs too). */
function localFlinkts(pkg: Record<string, unknown>): Record<string, unknown> {
  const file = (name: string): string => `file:${tarballs.get(name)!}`;
  return {
    ...pkg,
    dependencies: { ...(pkg.dependencies as Record<string, string> | undefined), flinkts: file('flinkts') },
    overrides: Object.fromEntries(PACKAGES.filter((p) => p !== 'flinkts').map((p) => [p, file(p)])),
  };
}

/** npm install from the tarballs and npm's cache (the repo's `npm ci` has fetched the same dev tools). */
const npmInstall = (cwd: string): string => ok('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], cwd);

beforeAll(() => {
  mkdirSync(packs);
  const packed = JSON.parse(ok('npm', ['pack', '--workspaces', '--include-workspace-root', '--pack-destination', packs, '--json', '--loglevel=error'], ROOT)) as { name: string; filename: string }[];
  for (const p of packed) tarballs.set(p.name, join(packs, p.filename));
  mkdirSync(app);
  for (const f of readdirSync(FIXTURE)) copyFileSync(join(FIXTURE, f), join(app, f));
  const dev = rootPackage.devDependencies;
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify(localFlinkts({ name: 'consumer', private: true, type: 'module', devDependencies: { typescript: dev.typescript, vitest: dev.vitest, '@types/node': dev['@types/node'] } }), null, 2),
  );
  npmInstall(app);
}, 600_000);

// FLINKTS_KEEP_CONSUMER=1 keeps the project for a look (its path is in the test's output on failure).
afterAll(() => {
  if (process.env.FLINKTS_KEEP_CONSUMER !== '1') rmSync(work, { recursive: true, force: true });
});

describe('the packed packages', () => {
  test('hold only what users need: compiled JavaScript, declarations, source maps (no sources, tests or benchmarks)', () => {
    expect([...tarballs.keys()].sort()).toEqual([...PACKAGES].sort());
    for (const name of PACKAGES) {
      const dir = join(app, 'node_modules', name);
      expect(existsSync(join(dir, 'dist', 'index.js')), name).toBe(true);
      expect(existsSync(join(dir, 'dist', 'index.d.ts')), name).toBe(true);
      expect(existsSync(join(dir, 'dist', 'index.js.map')), name).toBe(true);
      expect(existsSync(join(dir, 'src')), name).toBe(false);
      expect(existsSync(join(dir, 'test')), name).toBe(false);
    }
    // every file is package.json, a README / licence, or under dist/ (and the root's bin/)
    for (const name of PACKAGES) {
      const files = walk(join(app, 'node_modules', name)).filter((f) => !f.startsWith('node_modules/'));
      expect(files.filter((f) => !/^(package\.json|README\.md|LICENSE|dist\/.+|bin\/[^/]+\.js)$/.test(f)), name).toEqual([]);
      // zod and yaml are bundled in (scripts/bundle.mjs): no import of them is left, and their licences ship
      const js = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(app, 'node_modules', name, f), 'utf8'));
      expect(js.filter((text) => /from ["'](zod|yaml)["']|require\(["'](zod|yaml)["']\)/.test(text)), name).toEqual([]);
    }
    expect(readFileSync(join(app, 'node_modules', '@flinkts', 'core', 'dist', 'THIRD_PARTY_LICENSES.txt'), 'utf8')).toContain('zod@');
    expect(readFileSync(join(app, 'node_modules', '@flinkts', 'pipelines', 'dist', 'THIRD_PARTY_LICENSES.txt'), 'utf8')).toContain('yaml@');
    expect(existsSync(join(app, 'node_modules', 'flinkts', 'bench'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'flinkts', 'packages'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'tsx'))).toBe(false);
  });

  test('plain node imports flinkts and @flinkts/core/testing, builds a table and runs a job', () => {
    const out = ok(process.execPath, ['smoke.mjs'], app);
    expect(out).toContain('CREATE TABLE `orders`');
    expect(out).toContain('["+I[2, 12.50]"]');
    expect(out).toContain('core refused: FTS7008');
    expect(out).toContain('["+I[1]","-D[1]"]');
  });
});

type Resolution = 'NodeNext' | 'Bundler';

function tsconfig(resolution: Resolution, nodeTypes: boolean, files: readonly string[]): string {
  const name = `tsconfig.${resolution}.${nodeTypes ? 'node' : 'nonode'}.${files[0]!.replace(/\W/g, '_')}.json`;
  writeFileSync(
    join(app, name),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022'],
        module: resolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
        moduleResolution: resolution,
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        verbatimModuleSyntax: true,
        skipLibCheck: false,
        noEmit: true,
        types: nodeTypes ? ['node'] : [],
      },
      files,
    }),
  );
  return name;
}

const tsc = (config: string): Run => run(process.execPath, [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', config], app);

describe('tsc against the published declarations (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, verbatimModuleSyntax, lib ES2022, skipLibCheck false)', () => {
  for (const resolution of ['NodeNext', 'Bundler'] as const) {
    for (const nodeTypes of [true, false]) {
      test(`a pipeline type-checks with 0 errors (moduleResolution ${resolution}, ${nodeTypes ? 'types: ["node"]' : 'no node types'})`, () => {
        const r = tsc(tsconfig(resolution, nodeTypes, ['pipeline.ts', 'flinkts.config.ts']));
        expect(r.out).toBe('');
        expect(r.code).toBe(0);
      });
    }
  }

  test('TypeScript 5.9 (the repo\'s typescript-5 alias) reads the declarations too: 0 errors, and the INSERT reason', () => {
    const tsc5 = join(ROOT, 'node_modules', 'typescript-5', 'bin', 'tsc');
    const good = run(process.execPath, [tsc5, '-p', tsconfig('NodeNext', true, ['pipeline.ts', 'flinkts.config.ts', 'matchers.test.ts'])], app);
    expect(good.out).toBe('');
    expect(good.code).toBe(0);
    const bad = run(process.execPath, [tsc5, '-p', tsconfig('Bundler', false, ['bad-insert.ts'])], app);
    expect(bad.out).toContain("column 'orders' of 'user_totals' is BIGINT: a STRING (VARCHAR) value goes into it only with an explicit CAST");
  });

  test('the vitest test with the matchers type-checks (their types come with flinkts/vitest)', () => {
    const r = tsc(tsconfig('NodeNext', true, ['matchers.test.ts']));
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });

  test('a misspelt column fails, naming the column', () => {
    const r = tsc(tsconfig('NodeNext', false, ['bad-column.ts']));
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/bad-column\.ts\(\d+,\d+\): error TS\d+: Property 'amout' does not exist/);
  });

  test('a STRING into a BIGINT sink column fails, naming the column and the reason', () => {
    const r = tsc(tsconfig('Bundler', true, ['bad-insert.ts']));
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/bad-insert\.ts\(\d+,\d+\): error TS\d+:/);
    expect(r.out).toContain("column 'orders' of 'user_totals' is BIGINT: a STRING (VARCHAR) value goes into it only with an explicit CAST");
    expect(r.out).not.toContain('Expected 3 arguments');
  });

  test('an unknown connector option, an unknown setting, an undeclared job or variable in an environment: each named at its line', () => {
    const r = tsc(tsconfig('NodeNext', false, ['bad-names.ts']));
    expect(r.code).not.toBe(0);
    const lines = r.out.trim().split('\n').filter((l) => /error TS/.test(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^bad-names\.ts\(7,\d+\): .*'scan\.startup\.mod'' does not exist in type 'KafkaOptions'/);
    expect(lines[1]).toMatch(/^bad-names\.ts\(12,\d+\): .*'execution\.checkpointing\.intervall'' does not exist in type 'FlinkSettingsInput'/);
    expect(lines[2]).toMatch(/^bad-names\.ts\(22,\d+\): .*'KAFKA_SERVERS' does not exist/);
    expect(lines[3]).toMatch(/^bad-names\.ts\(22,\d+\): .*'cpy' does not exist in type '\{ readonly copy\?/);
  });
});

describe('the consumer\'s tools', () => {
  test('a vitest test using the matchers passes', () => {
    const out = ok(join(app, 'node_modules', '.bin', 'vitest'), ['run', 'matchers.test.ts'], app);
    expect(out).toMatch(/1 passed/);
  });

  test('npx flinkts build writes the artifacts of every environment', () => {
    const out = ok('npx', ['--no-install', 'flinkts', 'build'], app);
    expect(out).toContain('built pipeline consumer (dev, prod)');
    expect(readFileSync(join(app, 'dist', 'prod', 'sql', 'user-totals.sql'), 'utf8')).toContain("SET 'parallelism.default' = '4';");
  });

  test('npx flinkts check: a pipeline (saying what it checked) and a SQL script with problems (exit 1)', () => {
    const good = run('npx', ['--no-install', 'flinkts', 'check', '.'], app);
    expect(good.out).toContain('pipeline consumer');
    expect(good.code).toBe(0);
    const bad = run('npx', ['--no-install', 'flinkts', 'check', 'bad.sql', '--json'], app);
    expect(bad.code).toBe(1);
    expect((JSON.parse(bad.out) as { errors: number }).errors).toBeGreaterThan(0);
  });

  test('a config that throws while loading is reported at the user\'s file and line, not as an internal error', () => {
    const r = run('npx', ['--no-install', 'flinkts', 'build', 'broken.config.ts'], app);
    expect(r.code).toBe(1);
    // from(undefined, …): the API's own argument check (FTS2305), at the user's line.
    expect(r.out).toMatch(/broken\.config\.ts:6:\d+ - error FTS2305/);
  });

  test('npx flinkts init scaffolds a repo where npm install && npm test && npx flinkts build pass', () => {
    const out = ok('npx', ['--no-install', 'flinkts', 'init', 'new-pipeline'], app);
    expect(out).toContain('created pipeline new-pipeline');
    const dir = join(app, 'new-pipeline');
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'package.json'), JSON.stringify(localFlinkts(pkg), null, 2));
    npmInstall(dir);
    expect(ok('npm', ['test'], dir)).toMatch(/passed/);
    const built = ok('npx', ['--no-install', 'flinkts', 'build'], dir);
    expect(built).toContain('built pipeline new-pipeline (dev, prod)');
    expect(readFileSync(join(dir, 'dist', 'prod', 'sql', 'user-minute-totals.sql'), 'utf8')).toContain('${MYSQL_PASSWORD}');
  }, 600_000);
});

/** The repo's bridge module, file by file (relative path → content), to compare with the packaged copy. */
function moduleFiles(dir: string, under = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(join(dir, under), { withFileTypes: true })) {
    const rel = under === '' ? e.name : `${under}/${e.name}`;
    if (e.isDirectory()) for (const [k, v] of moduleFiles(dir, rel)) out.set(k, v);
    else out.set(rel, readFileSync(join(dir, rel), 'utf8'));
  }
  return out;
}

describe('the Flink engine from the published packages (no checkout, no FLINKTS_BRIDGE_SOURCE)', () => {
  // a cache of its own: the bridge is built by Maven from the packaged module, not reused from the repo's build
  const env: NodeJS.ProcessEnv = { FLINKTS_CACHE: join(work, 'flinkts-cache'), FLINKTS_BRIDGE_SOURCE: '' };
  afterAll(() => {
    run('npx', ['--no-install', 'flinkts', 'flink', 'stop'], app, env);
  });

  test("@flinkts/core ships the bridge's Maven module (pom.xml and sources, nothing else)", () => {
    const packaged = join(app, 'node_modules', '@flinkts', 'core', 'dist', 'flink-bridge');
    const repo = join(ROOT, 'flink');
    const want = moduleFiles(repo);
    for (const extra of [...want.keys()].filter((f) => f !== 'pom.xml' && !f.startsWith('src/'))) want.delete(extra);
    expect(moduleFiles(packaged)).toEqual(want);
  });

  test("the user's vitest test passes on real Flink 1.20.1 (FLINKTS_ENGINE=flink): the bridge is built from the package and started", () => {
    // as the README sets it up: the bridge is built by Maven from the module @flinkts/core ships
    const built = ok('npx', ['--no-install', 'flinkts', 'flink', 'build'], app, env);
    expect(built).toContain(`Flink bridge built in ${join(work, 'flinkts-cache')}`);
    // the testing API starts it on demand (a Flink job on a loaded machine outlasts vitest's default 5 s)
    const out = ok(join(app, 'node_modules', '.bin', 'vitest'), ['run', 'matchers.test.ts', '--testTimeout', '300000'], app, { ...env, FLINKTS_ENGINE: 'flink' });
    expect(out).toMatch(/1 passed/);
    const status = JSON.parse(ok('npx', ['--no-install', 'flinkts', 'flink', 'status', '--json'], app, env)) as { running: boolean; flinkVersion: string; buildDir: string };
    expect(status.running).toBe(true);
    expect(status.flinkVersion).toBe('1.20.1');
    expect(status.buildDir.startsWith(join(work, 'flinkts-cache'))).toBe(true);
    expect(ok('npx', ['--no-install', 'flinkts', 'flink', 'stop'], app, env)).toContain('Flink bridge stopped');
  }, 900_000);
});
