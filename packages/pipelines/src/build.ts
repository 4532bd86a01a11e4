/**
 * `build`: resolve an environment, analyze the pipeline, and — only when there are no errors — produce every
 * artifact of the requested targets, deterministically, as files relative to the output folder
 * (`<env>/sql/<job>.sql`, `<env>/streampark/<job>.form|json`, `<env>/streampark/variables.json`,
 * `<env>/vvp/<job>.yaml`, `<env>/alibaba/<job>.json`, setup scripts where a platform needs them).
 */
import type { Diagnostic, Statement } from '@flinkts/core';
import { didYouMean, FlinktsError, textFields } from '@flinkts/core';
import { checkEnvironment } from './check-pipeline.js';
import { CODES, TEXTS } from './codes.js';
import { LINEAGE_TEXTS } from './lineage-formats/codes.js';
import type { ArtifactFile } from './emit/artifact-file.js';
import type { Emitter } from './emit/emitter.js';
import { emitHiveSites } from './emit/hive-site.js';
import { sqlText } from './emit/sql.js';
import { jobScript } from './job-script.js';
import type { AnyPipeline } from './pipeline.js';
import type { ResolvedEnvironment } from './resolve-environment.js';
import { resolveEnvironment } from './resolve-environment.js';
import type { TargetName } from './emit/emitters.js';
import { EMITTERS, TARGET_NAMES } from './emit/emitters.js';
import { substitute } from './variables.js';

export interface BuildOptions {
  readonly env: string;
  /** Default: every target the pipeline configures. */
  readonly targets?: readonly string[];
  /** Called before each job is emitted (progress for large pipelines). */
  readonly onJob?: (job: string, index: number, total: number) => void;
  /**
   * The caller writes the lineage target's files itself with lineageArtifacts (its page layout is asynchronous), as
   * `flinkts build` does. Without it, selecting the lineage target gives warning FTS8077 instead of no files silently.
   */
  readonly lineageWrittenByCaller?: boolean;
}

export interface BuildResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Empty when there are errors: nothing is written for a pipeline that does not check. */
  readonly files: readonly ArtifactFile[];
}

/** The targets to build: the requested ones, each configured by the pipeline. */
export function selectTargets(p: AnyPipeline, requested: readonly string[] | undefined, diagnostics: Diagnostic[]): TargetName[] {
  const configured = TARGET_NAMES.filter((t) => p.spec.targets[t] !== undefined);
  if (requested === undefined) return configured;
  const out: TargetName[] = [];
  for (const t of requested) {
    if (!(TARGET_NAMES as readonly string[]).includes(t)) {
      diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'unknown', target: t, suggestion: didYouMean(t, TARGET_NAMES), targets: TARGET_NAMES })), severity: 'error', path: 'targets' });
    } else if (!configured.includes(t as TargetName)) {
      diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'notConfigured', pipeline: p.name, target: t, configured })), severity: 'error', path: 'targets' });
    } else if (!out.includes(t as TargetName)) {
      out.push(t as TargetName);
    }
  }
  return out;
}

/**
 * The artifacts of `targets`, and the problems the emitters find: per job each emitter's files in the registry's
 * order (emit/emitters.ts), then each emitter's environment files. With `filesWanted` false (`checkPipeline`) only
 * the problems are wanted: an emitter that can validate without writing does so.
 */
function emit(env: ResolvedEnvironment, targets: readonly TargetName[], diagnostics: Diagnostic[], onJob: BuildOptions['onJob'], filesWanted = true): ArtifactFile[] {
  const files: ArtifactFile[] = [];
  const selected = EMITTERS.flatMap((e) => {
    const config = targets.includes(e.name) ? (env.targets as Readonly<Record<string, unknown>>)[e.name] : undefined;
    return config === undefined ? [] : [{ emitter: e as Emitter, config }];
  });
  env.jobs.forEach((job, i) => {
    onJob?.(job.name, i, env.jobs.length);
    for (const { emitter, config } of selected) {
      if (!filesWanted && emitter.validate !== undefined) emitter.validate(env, job, config, diagnostics);
      else if (emitter.emitJob !== undefined) files.push(...emitter.emitJob(env, job, config, diagnostics));
    }
  });
  for (const { emitter, config } of selected) if (emitter.emitEnvironment !== undefined) files.push(...emitter.emitEnvironment(env, config, diagnostics));
  if (targets.length > 0) files.push(...emitHiveSites(env));
  return files.map((f) => ({ path: `${env.name}/${f.path}`, content: f.content }));
}

/** Check one environment (no files). */
export function checkPipeline(p: AnyPipeline, env: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const resolved = resolveEnvironment(p, env, diagnostics);
  if (resolved !== undefined) diagnostics.push(...checkEnvironment(resolved));
  if (resolved !== undefined) emit(resolved, selectTargets(p, undefined, diagnostics), diagnostics, undefined, false);
  return diagnostics;
}

export function buildPipeline(p: AnyPipeline, options: BuildOptions): BuildResult {
  const diagnostics: Diagnostic[] = [];
  const targets = selectTargets(p, options.targets, diagnostics);
  const env = resolveEnvironment(p, options.env, diagnostics);
  if (env === undefined) return { ok: false, diagnostics, files: [] };
  diagnostics.push(...checkEnvironment(env));
  const files = emit(env, targets, diagnostics, options.onJob);
  if (targets.includes('lineage') && options.lineageWrittenByCaller !== true) {
    diagnostics.push({
      ...textFields(LINEAGE_TEXTS.lineageNeedsArtifacts({})),
      severity: 'warning',
      path: 'targets.lineage',
    });
  }
  const ok = !diagnostics.some((d) => d.severity === 'error');
  return { ok, diagnostics, files: ok ? files : [] };
}

/** FTS8011: the pipeline has no job of that name (with the nearest name, or the names there are). */
function noJob(p: AnyPipeline, jobName: string, jobs: readonly { readonly name: string }[]): Diagnostic {
  const names = jobs.map((j) => j.name);
  return { ...textFields(TEXTS.overrideDoesNotApply({ kind: 'noJob', pipeline: p.name, job: jobName, suggestion: didYouMean(jobName, names), jobs: names })), severity: 'error', path: 'jobs' };
}

/**
 * One job's statements for an environment, as the SQL target prints them (variables filled in) — e.g. to run
 * the job on the local runtime in unit tests. Throws FlinktsError on an unknown environment or job.
 */
export function jobStatements(p: AnyPipeline, env: string, jobName: string): readonly Statement[] {
  const diagnostics: Diagnostic[] = [];
  const resolved = resolveEnvironment(p, env, diagnostics);
  const job = resolved?.jobs.find((j) => j.name === jobName);
  if (resolved === undefined || job === undefined) {
    throw new FlinktsError(diagnostics.length > 0 ? diagnostics : [noJob(p, jobName, resolved?.jobs ?? [])]);
  }
  return jobScript(job, { setLines: true, splitPersistent: false, optionValue: (v) => substitute(v, resolved.variables) }).statements;
}

/** One job's SQL script for an environment (`flinkts print`). */
export function printJob(p: AnyPipeline, env: string, jobName: string): { readonly text?: string; readonly diagnostics: readonly Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const resolved = resolveEnvironment(p, env, diagnostics);
  if (resolved === undefined) return { diagnostics };
  const job = resolved.jobs.find((j) => j.name === jobName);
  if (job === undefined) {
    diagnostics.push(noJob(p, jobName, resolved.jobs));
    return { diagnostics };
  }
  return { text: sqlText(resolved, job), diagnostics };
}
