/**
 * `flinkts check` on a pipeline (a folder with `flinkts.config.ts`, or a config module): the analyzer over every
 * job and across jobs in every environment, plus what each target would refuse — the same checks as
 * `flinkts build`, without writing anything.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '@flinkts/core';
import { loadPipeline } from './load-pipeline.js';

/** What a pipeline check covered (printed, and part of `--json`). */
export interface CheckedPipeline {
  readonly pipeline: string;
  readonly file: string;
  readonly jobs: readonly string[];
  readonly environments: readonly string[];
  readonly targets: readonly string[];
}

/** Whether a `flinkts check` argument names a pipeline rather than a SQL script. */
export function isPipelineArgument(cwd: string, arg: string): boolean {
  if (arg === '-') return false;
  const full = resolve(cwd, arg);
  if (existsSync(full) && statSync(full).isDirectory()) return true;
  return /\.(m?ts|m?js)$/.test(arg);
}

export type PipelineCheck =
  | { readonly diagnostics: readonly Diagnostic[]; readonly checked?: CheckedPipeline; readonly usage?: undefined }
  | { readonly diagnostics: readonly Diagnostic[]; readonly usage: string };

/** Diagnostics of a pipeline in every environment (or one); `usage` when it cannot be found. */
export async function checkPipelineArgument(cwd: string, arg: string, env: string | undefined): Promise<PipelineCheck> {
  const loaded = await loadPipeline(cwd, arg);
  if (!loaded.ok) return loaded.usage === undefined ? { diagnostics: loaded.diagnostics } : { diagnostics: [], usage: loaded.usage };
  // Imported here, not at the top: `flinkts check file.sql` never loads the pipelines package.
  const [{ checkPipeline }, { selectTargets }] = await Promise.all([import('@flinkts/pipelines'), import('@flinkts/pipelines/internal')]);
  const p = loaded.pipeline;
  const envs = env === undefined ? p.environmentNames : [env];
  const out: Diagnostic[] = [];
  for (const e of envs) {
    for (const d of checkPipeline(p, e)) out.push({ ...d, file: d.file ?? loaded.file, path: `${e}: ${d.path ?? ''}` });
  }
  const checked: CheckedPipeline = {
    pipeline: p.name,
    file: loaded.file,
    jobs: p.spec.jobs.map((j) => j.name),
    environments: envs,
    targets: selectTargets(p, undefined, []),
  };
  return { diagnostics: out, checked };
}

/** `checked pipeline realtime-dw: 5 jobs (a, b, …) in 3 environments (dev, test, prod) for targets sql, streampark`. */
export function describeChecked(c: CheckedPipeline): string {
  const names = (xs: readonly string[]): string => (xs.length <= 8 ? xs.join(', ') : `${xs.slice(0, 6).join(', ')}, … ${xs.at(-1)}`);
  const list = (xs: readonly string[], what: string): string => `${xs.length} ${what}${xs.length === 1 ? '' : 's'} (${names(xs)})`;
  return `checked pipeline ${c.pipeline}: ${list(c.jobs, 'job')} in ${list(c.environments, 'environment')} for ${list(c.targets, 'target')}`;
}
