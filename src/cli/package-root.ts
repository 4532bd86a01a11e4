/**
 * Where the flinkts package itself is: the nearest folder above this module with a package.json. Files are found
 * from there, not by counting `..` from this module, because the published CLI is bundled (this code may sit in
 * `dist/chunks/`) and the repo's own tests run the sources (`src/cli/`).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);

/**
 * The flinkts package's folder (the one with its package.json). The same walk as @flinkts/core's
 * `nearestPackageDir`, written here because the CLI's entry must not load @flinkts/core: `--help` would then load
 * all of it (core is loaded by the command that runs).
 */
function nearestPackageDir(from: string): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`flinkts: no package.json above ${from}`);
  }
}

/** The flinkts package's folder (the one with its package.json). */
export const packageRoot: string = nearestPackageDir(self);

/** Whether this is the repo's own TypeScript sources (tests) rather than the compiled dist/. */
export const runsSources: boolean = self.endsWith('.ts');

/** The folder of the CLI's modules: `dist/cli` (or `src/cli` when the sources run). */
export const cliDir: string = join(packageRoot, runsSources ? 'src' : 'dist', 'cli');
