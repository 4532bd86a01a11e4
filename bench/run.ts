/**
 * `npm run bench`: runs every `bench/*.bench.ts` in sorted name order. Each file exports
 * `async function run(): Promise<void>` that measures flinkts against its peers in the same run and prints
 * its own results. `npm run bench -- builder typecheck` runs only the files whose names contain one of the words.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

interface BenchModule {
  readonly run: () => Promise<void>;
}

const here = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((w) => f.includes(w)))
  .sort();

if (files.length === 0) {
  console.error(`no bench/*.bench.ts file matches ${filters.join(', ')}`);
  process.exitCode = 1;
}
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as Partial<BenchModule>;
  if (typeof mod.run !== 'function') {
    console.error(`${file} does not export async function run()`);
    process.exitCode = 1;
    continue;
  }
  await mod.run();
}
