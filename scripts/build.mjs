#!/usr/bin/env node
// Builds every package to its dist/ (ESM JavaScript, .d.ts declarations, source maps) with tsc, in dependency
// order: each package is compiled against the declarations of the ones it imports, exactly as users see them.
// Old output is removed first so a deleted source file leaves nothing behind. @flinkts/core's dist/ also gets a
// copy of the Flink bridge's Maven module (flink/: pom.xml and src/), so the published package can build and start
// the bridge (`engine: 'flink'`, `flinkts verify`) outside a checkout. Then each package's JavaScript is bundled in
// place (scripts/bundle.mjs): one file per entry point instead of hundreds of modules to load.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundlePackage } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const order = ['packages/core', 'packages/connectors', 'packages/pipelines', '.'];

for (const pkg of order) {
  const dir = join(root, pkg);
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const r = spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build failed in ${pkg}`);
    process.exit(r.status ?? 1);
  }
  if (pkg === 'packages/core') {
    const { PACKAGED_BRIDGE_DIR } = await import(pathToFileURL(join(dir, 'dist', 'engine', 'flink', 'bridge-build.js')).href);
    const to = join(dir, 'dist', PACKAGED_BRIDGE_DIR);
    cpSync(join(root, 'flink', 'pom.xml'), join(to, 'pom.xml'));
    cpSync(join(root, 'flink', 'src'), join(to, 'src'), { recursive: true });
  }
}

// What each package bundles in (see scripts/bundle.mjs): zod once, in @flinkts/core, which the other two import
// as @flinkts/core/internal/zod; yaml in @flinkts/pipelines, its only user.
const ZOD = { zod: '@flinkts/core/internal/zod' };
const deps = {
  'packages/core': { inlines: ['zod'] },
  'packages/connectors': { redirects: ZOD },
  'packages/pipelines': { inlines: ['yaml'], redirects: ZOD },
  '.': { redirects: ZOD },
};
mkdirSync(join(root, 'packages', 'core', 'dist', 'internal'), { recursive: true });
writeFileSync(join(root, 'packages', 'core', 'dist', 'internal', 'zod.js'), "export { z } from 'zod';\n");

// Bundled after every package is compiled: tsc compiles each package against the previous ones' declarations only.
for (const pkg of order) {
  const dir = join(root, pkg);
  // The CLI's commands are loaded one at a time by name (src/cli/main.ts): each is an entry of its own. The
  // benchmarks (bench/scale/*.mjs) load generated pipelines with the CLI's own config loader.
  const extra = pkg === '.' ? ['cli/main.js', 'cli/import-config.js', ...readdirSync(join(dir, 'dist', 'cli', 'commands')).filter((f) => f.endsWith('.js')).map((f) => `cli/commands/${f}`)] : [];
  await bundlePackage(dir, extra, deps[pkg]);
}
