/**
 * Imports a user's config module. JavaScript is imported as it is. TypeScript is bundled by esbuild (the user's
 * own files only: every package, flinkts included, stays an import that Node resolves, so the config builds its
 * tables with the same flinkts instance the CLI runs) into a temporary `.mjs` next to the config, with an inline
 * source map, imported, and removed. This is how Vite and tsup load `*.config.ts`; it costs about a tenth of
 * registering a loader hook (tsx's `tsImport`: a hooks thread that every later import passes through), and esbuild
 * is imported only when a `.ts` config is loaded. With `sourceMaps`, the bundle carries an inline source map and
 * Node's source-map support is switched on, so that errors thrown by the config point at its TypeScript lines; the
 * loader asks for that only to locate an error (it halves the load of a large config: 1,000 tables).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export type ConfigModule = { readonly default?: unknown };

export const isTypeScriptConfig = (file: string): boolean => /\.[mc]?tsx?$/.test(file);

export async function importConfig(path: string, options: { readonly sourceMaps?: boolean } = {}): Promise<ConfigModule> {
  const file = resolve(path);
  if (!isTypeScriptConfig(file)) return (await import(pathToFileURL(file).href)) as ConfigModule;
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
    sourcemap: options.sourceMaps === true ? 'inline' : false,
    sourcesContent: false,
    write: false,
    logLevel: 'silent',
    outfile: `${file}.mjs`,
  });
  const code = result.outputFiles[0]?.text ?? '';
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.mjs`);
  if (options.sourceMaps === true) process.setSourceMapsEnabled(true);
  writeFileSync(temp, code);
  try {
    return (await import(pathToFileURL(temp).href)) as ConfigModule;
  } finally {
    rmSync(temp, { force: true });
  }
}
