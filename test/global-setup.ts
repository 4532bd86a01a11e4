/**
 * vitest global setup: the CLI tests run the compiled bin (dist/), so make sure dist/ is current. `npm test` builds
 * first; a direct `npx vitest run test/cli/…` after editing a source rebuilds here (about 2 s) instead of testing
 * stale JavaScript.
 *
 * A rebuild removes dist/ first, so it must not happen under another vitest run of the same checkout that is still
 * reading dist/: each run registers its pid in `.vitest/runs/`, and a run that finds another one alive leaves dist/
 * as it is and says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

const RUNS = join(ROOT, '.vitest', 'runs');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pids of other vitest runs of this checkout that are still running (files of dead ones are removed). */
function otherRuns(): number[] {
  if (!existsSync(RUNS)) return [];
  const out: number[] = [];
  for (const name of readdirSync(RUNS)) {
    const pid = Number(name);
    if (pid === process.pid) continue;
    if (Number.isInteger(pid) && alive(pid)) out.push(pid);
    else rmSync(join(RUNS, name), { force: true });
  }
  return out;
}

export default function setup(): () => void {
  mkdirSync(RUNS, { recursive: true });
  const others = otherRuns();
  const mine = join(RUNS, String(process.pid));
  writeFileSync(mine, '');
  const teardown = (): void => rmSync(mine, { force: true });
  if (!stale()) return teardown;
  if (others.length > 0) {
    console.warn(`dist/ is missing or older than src/, but another test run of this checkout (pid ${others.join(', ')}) is using it: not rebuilding (run \`npm run build\` when it is done)`);
    return teardown;
  }
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    teardown();
    throw new Error('npm run build failed');
  }
  return teardown;
}
