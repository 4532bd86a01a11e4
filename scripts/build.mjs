#!/usr/bin/env node
// Builds every package to its dist/ (ESM JavaScript, .d.ts declarations, source maps) with tsc, in dependency
// order: each package is compiled against the declarations of the ones it imports, exactly as users see them.
// Old output is removed first so a deleted source file leaves nothing behind. Then each package's JavaScript is
// bundled in place (scripts/bundle.mjs): one file per entry point instead of hundreds of modules to load.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
}

// Bundled after every package is compiled: tsc compiles each package against the previous ones' declarations only.
for (const pkg of order) {
  const dir = join(root, pkg);
  // The CLI's commands are loaded one at a time by name (src/cli/main.ts): each is an entry of its own.
  const extra = pkg === '.' ? ['cli/main.js', ...readdirSync(join(dir, 'dist', 'cli', 'commands')).filter((f) => f.endsWith('.js')).map((f) => `cli/commands/${f}`)] : [];
  await bundlePackage(dir, extra);
}
