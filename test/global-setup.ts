/**
 * vitest global setup: the CLI tests run the compiled bin (dist/), so make sure dist/ is current. `npm test` builds
 * first; a direct `npx vitest run test/cli/…` after editing a source rebuilds here (about 2 s) instead of testing
 * stale JavaScript.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['.', 'packages/core', 'packages/connectors', 'packages/pipelines'];

function newest(dir: string): number {
  let max = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return max;
}

function stale(): boolean {
  return PACKAGES.some((p) => {
    const built = join(ROOT, p, 'dist', 'index.js');
    return !existsSync(built) || newest(join(ROOT, p, 'src')) > statSync(built).mtimeMs;
  });
}

export default function setup(): void {
  if (!stale()) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}
