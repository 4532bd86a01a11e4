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
 * Every bare import stays an import (`packages: 'external'`): the other @flinkts packages and npm dependencies are
 * resolved by Node, so a user's config and the CLI share one instance of each package.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
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

/** Bundles `dir`'s dist/ in place; `extraEntries` are more entry files (relative to dist/). */
export async function bundlePackage(dir, extraEntries = []) {
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
    packages: 'external',
    // The repo's tsconfig.json maps these names to the sources (`paths`); esbuild would follow that into a copy.
    external: ['flinkts', 'flinkts/*', '@flinkts/*'],
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
}
