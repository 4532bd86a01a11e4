/**
 * Loads a pipeline from `flinkts.config.ts` (in a folder) or from a given module. The module's default export must
 * be a `pipeline(...)`. Anything thrown while the module loads comes back as diagnostics at the user's file and
 * line (see `config-error.ts`); a TypeScript config is compiled by `import-config.ts`, only when one is loaded.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '@flinkts/core';
import type { AnyPipeline } from '@flinkts/pipelines';
import { configLoadDiagnostics, isCompileError } from './config-error.js';
import { importConfig, isTypeScriptConfig } from './import-config.js';
import { textFields } from '@flinkts/core/internal';
import { CLI_TEXTS } from './codes.js';

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
    mod = await importConfig(file);
  } catch (first) {
    // Load again with source maps to find the user's line (a compile error already has its position).
    if (!isTypeScriptConfig(file) || isCompileError(first)) return { ok: false, diagnostics: configLoadDiagnostics(first, file) };
    try {
      await importConfig(file, { sourceMaps: true });
    } catch (mapped) {
      return { ok: false, diagnostics: configLoadDiagnostics(mapped, file) };
    }
    return { ok: false, diagnostics: configLoadDiagnostics(first, file) };
  }
  if (!isPipeline(mod.default)) {
    return { ok: false, diagnostics: [{ ...textFields(CLI_TEXTS.noPipelineExport({ kind: 'noDefaultExport', path: file })), severity: 'error', file }] };
  }
  return { ok: true, pipeline: mod.default, file, dir: dirname(file) };
}
