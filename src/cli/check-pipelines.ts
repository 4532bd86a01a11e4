/**
 * `flinkts check` on a pipeline (a folder with `flinkts.config.ts`, or a config module): the analyzer over every
 * job and across jobs in every environment, plus what each target would refuse — the same checks as
 * `flinkts build`, without writing anything.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '@flinkts/core';
import { checkPipeline } from '@flinkts/pipelines';
import { loadPipeline } from './load-pipeline.js';

/** Whether a `flinkts check` argument names a pipeline rather than a SQL script. */
export function isPipelineArgument(cwd: string, arg: string): boolean {
  if (arg === '-') return false;
  const full = resolve(cwd, arg);
  if (existsSync(full) && statSync(full).isDirectory()) return true;
  return /\.(m?ts|m?js)$/.test(arg);
}

/** Diagnostics of a pipeline in every environment (or one); `usage` when it cannot be loaded at all. */
export async function checkPipelineArgument(cwd: string, arg: string, env: string | undefined): Promise<{ readonly diagnostics: readonly Diagnostic[]; readonly usage?: string }> {
  const loaded = await loadPipeline(cwd, arg);
  if (!loaded.ok) return loaded.usage === undefined ? { diagnostics: loaded.diagnostics } : { diagnostics: [], usage: loaded.usage };
  const envs = env === undefined ? loaded.pipeline.environmentNames : [env];
  const out: Diagnostic[] = [];
  for (const e of envs) {
    for (const d of checkPipeline(loaded.pipeline, e)) out.push({ ...d, file: d.file ?? loaded.file, path: `${e}: ${d.path ?? ''}` });
  }
  return { diagnostics: out };
}
