/**
 * Loads a pipeline from `flinkts.config.ts` (in a folder) or from a given module, without a separate compile
 * step (the bin registers tsx). The module's default export must be a `pipeline(...)`. Declaration errors
 * thrown while the module loads (FlinktsError) come back as diagnostics.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '@flinkts/core';
import { FlinktsError } from '@flinkts/core';
import type { AnyPipeline } from '@flinkts/pipelines';

export const CONFIG_NAMES = ['flinkts.config.ts', 'flinkts.config.mts', 'flinkts.config.js', 'flinkts.config.mjs'];

export type Loaded =
  | { readonly ok: true; readonly pipeline: AnyPipeline; readonly file: string; readonly dir: string }
  | { readonly ok: false; readonly usage?: string; readonly diagnostics: readonly Diagnostic[] };

/** The config file a path names: the file itself, or the folder's `flinkts.config.*`. */
export function configFile(cwd: string, target: string | undefined): string | undefined {
  const full = resolve(cwd, target ?? '.');
  if (!existsSync(full)) return undefined;
  if (statSync(full).isFile()) return full;
  return CONFIG_NAMES.map((n) => join(full, n)).find((f) => existsSync(f));
}

const isPipeline = (x: unknown): x is AnyPipeline => typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'pipeline';

export async function loadPipeline(cwd: string, target: string | undefined): Promise<Loaded> {
  const file = configFile(cwd, target);
  if (file === undefined) {
    return { ok: false, usage: `no pipeline found at ${resolve(cwd, target ?? '.')}: expected a folder with ${CONFIG_NAMES[0]} or a config module`, diagnostics: [] };
  }
  let mod: { default?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (e) {
    if (e instanceof FlinktsError) return { ok: false, diagnostics: e.diagnostics.map((d) => ({ ...d, file: d.file ?? file })) };
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    return { ok: false, diagnostics: [{ code: 'FTS9001', severity: 'error', message: `${file} could not be loaded: ${message}`, hint: 'run it with tsx to see the full error', file }] };
  }
  if (!isPipeline(mod.default)) {
    return { ok: false, diagnostics: [{ code: 'FTS9002', severity: 'error', message: `${file} has no default export made with pipeline(...)`, hint: 'export default pipeline({ name, jobs, tables, targets, environments })', file }] };
  }
  return { ok: true, pipeline: mod.default, file, dir: dirname(file) };
}
