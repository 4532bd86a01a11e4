/**
 * Bundles one package's tsc output (dist/) in place with esbuild: every entry point the package exports (and, for
 * the root package, the CLI's main and each command) becomes one file, with the code entries share split into
 * `dist/chunks/`. Node then loads a handful of files instead of about 400 modules, which is most of a cold CLI
 * start (loading @flinkts/pipelines: about 0.5 s CPU as separate modules, 0.2 s bundled).
 *
 * Why esbuild: it is already a dependency (the CLI compiles a `flinkts.config.ts` with it), it bundles ESM with
 * code splitting across entries, and it reads tsc's source maps, so the bundles' maps still point at the
 * TypeScript sources. tsc still writes the declarations (.d.ts), which stay as they are.
 *
 * Every bare import stays an import: the other @flinkts packages and npm dependencies are resolved by Node, so a
 * user's config and the CLI share one instance of each package — except the few small dependencies a package
 * `inlines`, which are bundled into it (their licences go to dist/THIRD_PARTY_LICENSES.txt). Node loads an npm
 * package of many modules (zod: ~60, yaml: ~45) at about twice the cost of the same code as one file: zod took
 * ~105 ms CPU of every start, bundled ~55 ms; yaml ~50 ms, bundled ~12 ms. `redirects` points an import at another
 * package's entry instead: @flinkts/core bundles zod once and exposes it to the other two packages as
 * `@flinkts/core/internal/zod`, so all three share one copy.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as esbuild from 'esbuild';

/** The `default` targets of the package's `exports` map that point into dist/. */
function exportedEntries(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const out = [];
  for (const target of Object.values(pkg.exports ?? {})) {
    const file = typeof target === 'string' ? target : target?.default;
    if (typeof file === 'string' && file.startsWith('./dist/') && file.endsWith('.js')) out.push(join(dir, file));
  }
  return out;
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Bare imports stay external, except the packages in `inlines`; `redirects` maps a package to another import. */
function dependencies(inlines, redirects) {
  return {
    name: 'flinkts-dependencies',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const name = packageName(args.path);
        if (redirects[name] !== undefined) return { path: redirects[name] + args.path.slice(name.length), external: true };
        if (inlines.includes(name) && args.kind !== 'entry-point') return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

/** The licence texts of the inlined packages, as the licences ask when their code is redistributed. */
function writeLicenses(dir, inlines) {
  const texts = inlines.map((name) => {
    const pkgDir = join(dir, 'node_modules', name);
    const from = existsSync(pkgDir) ? pkgDir : join(dir, '..', '..', 'node_modules', name);
    const pkg = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8'));
    const file = readdirSync(from).find((f) => /^licen[cs]e/i.test(f));
    if (file === undefined) throw new Error(`${name} has no licence file to ship with its bundled code`);
    return `${name}@${pkg.version} (${pkg.license})\n\n${readFileSync(join(from, file), 'utf8').trim()}\n`;
  });
  writeFileSync(join(dir, 'dist', 'THIRD_PARTY_LICENSES.txt'), `Code of these packages is bundled into this package's dist/:\n\n${texts.join('\n---\n\n')}`);
}

/**
 * Bundles `dir`'s dist/ in place; `extraEntries` are more entry files (relative to dist/), `inlines` the npm
 * packages bundled in, `redirects` imports pointed at another package's entry.
 */
export async function bundlePackage(dir, extraEntries = [], { inlines = [], redirects = {} } = {}) {
  const dist = join(dir, 'dist');
  const staging = join(dir, 'dist.bundle');
  rmSync(staging, { recursive: true, force: true });
  const entryPoints = [...exportedEntries(dir), ...extraEntries.map((e) => join(dist, e))];
  await esbuild.build({
    entryPoints,
    outdir: staging,
    outbase: dist,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Before tsconfig `paths` (the repo's map these names to the sources): flinkts's packages always stay imports.
    plugins: [dependencies(inlines, redirects)],
    // An inlined CommonJS package (yaml's Node build) may require() Node's built-ins: give its modules a require.
    ...(inlines.length > 0 ? { banner: { js: "import { createRequire as __flinktsRequire } from 'node:module';\nconst require = __flinktsRequire(import.meta.url);" } } : {}),
    tsconfigRaw: {},
    sourcemap: 'linked',
    sourcesContent: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Names stay readable in stack traces and in `instanceof` / `constructor.name` checks.
    keepNames: true,
    legalComments: 'inline',
    logLevel: 'warning',
    logOverride: { 'unsupported-dynamic-import': 'silent' },
  });
  // Replace tsc's JavaScript (and its maps) by the bundles; the declarations stay.
  for (const file of walk(dist)) if (/\.js(\.map)?$/.test(file)) rmSync(file);
  for (const file of walk(staging)) {
    const to = join(dist, relative(staging, file));
    mkdirSync(dirname(to), { recursive: true });
    renameSync(file, to);
  }
  rmSync(staging, { recursive: true, force: true });
  if (inlines.length > 0) writeLicenses(dir, inlines);
}
