/**
 * The package a module belongs to: the nearest folder above it with a package.json. Files shipped with a package are
 * found from there rather than by counting `..` from the module, because the published code is bundled (a module may
 * sit in `dist/chunks/`) while the repo's tests run the sources (`src/...`).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above the module at `moduleUrl` (an `import.meta.url`) that holds a package.json. */
export function nearestPackageDir(moduleUrl: string): string {
  const self = fileURLToPath(moduleUrl);
  for (let dir = dirname(self); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`flinkts: no package.json above ${self}`);
  }
}
