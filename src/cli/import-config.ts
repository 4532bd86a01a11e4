/**
 * Imports a user's config module. JavaScript is imported as it is. TypeScript is bundled by esbuild (the user's
 * own files only: every package, flinkts included, stays an import that Node resolves, so the config builds its
 * tables with the same flinkts instance the CLI runs) into a temporary `.mjs` next to the config, with an inline
 * source map, imported, and removed. This is how Vite and tsup load `*.config.ts`; it costs about a tenth of
 * registering a loader hook (tsx's `tsImport`: a hooks thread that every later import passes through), and esbuild
 * is imported only when a `.ts` config is compiled. The compiled code is cached (`config-cache.ts`): a config whose
 * files did not change is not compiled again, and esbuild is not loaded at all. With `sourceMaps`, the bundle
 * carries an inline source map and Node's source-map support is switched on, so that errors thrown by the config
 * point at its TypeScript lines; the loader asks for that only to locate an error (it halves the load of a large
 * config: 1,000 tables).
 */
import { createRequire } from 'node:module';
import { rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cachedCode, nearestTsconfig, storeCode } from './config-cache.js';

export type ConfigModule = { readonly default?: unknown };

export const isTypeScriptConfig = (file: string): boolean => /\.[mc]?tsx?$/.test(file);

/** What the compiled code depends on besides its input files: the options and esbuild's version. */
function variant(sourceMaps: boolean): string {
  let esbuildVersion = 'unknown';
  try {
    esbuildVersion = (createRequire(import.meta.url)('esbuild/package.json') as { version: string }).version;
  } catch {
    // resolved differently (a bundled esbuild): the options alone still key the entry
  }
  return `esbuild ${esbuildVersion}; sourceMaps ${sourceMaps}`;
}

async function compile(file: string, sourceMaps: boolean): Promise<string> {
  const key = variant(sourceMaps);
  const cached = cachedCode(file, key);
  if (cached !== undefined) return cached;
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [file],
    absWorkingDir: dirname(file),
    bundle: true,
    packages: 'external',
    // `paths` in a tsconfig may map flinkts to its sources (as in flinkts's own repo): keep it external regardless.
    external: ['flinkts', 'flinkts/*', '@flinkts/*'],
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: sourceMaps ? 'inline' : false,
    sourcesContent: false,
    write: false,
    metafile: true,
    logLevel: 'silent',
    outfile: `${file}.mjs`,
  });
  const code = result.outputFiles[0]?.text ?? '';
  const tsconfig = nearestTsconfig(dirname(file));
  const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(dirname(file), p));
  storeCode(file, key, tsconfig === undefined ? inputs : [...inputs, tsconfig], code);
  return code;
}

export async function importConfig(path: string, options: { readonly sourceMaps?: boolean } = {}): Promise<ConfigModule> {
  const file = resolve(path);
  if (!isTypeScriptConfig(file)) return (await import(pathToFileURL(file).href)) as ConfigModule;
  const sourceMaps = options.sourceMaps === true;
  const code = await compile(file, sourceMaps);
  // Next to the config, so that its imports resolve (and import.meta.url points) exactly as from the config itself.
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.mjs`);
  if (sourceMaps) process.setSourceMapsEnabled(true);
  writeFileSync(temp, code);
  try {
    return (await import(pathToFileURL(temp).href)) as ConfigModule;
  } finally {
    rmSync(temp, { force: true });
  }
}
