/**
 * What a deploy ships for a pipeline's environment: each job's statements as the SQL target prints them
 * (variables filled in, secrets left as placeholders), in dependency order, with the shadow release of each job
 * that writes a shadowed sink, and the environment's health policy.
 */
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import type { Diagnostic } from '@flinkts/core';
import { splitStatements } from '@flinkts/core/flink';
import { buildPipeline, printJob } from '../build.js';
import { checkEnvironment } from '../check-pipeline.js';
import type { AnyPipeline } from '../pipeline.js';
import { resolveEnvironment } from '../resolve-environment.js';
import { DEPLOY_TEXTS } from './codes.js';
import { artifactOf } from './deploy.js';
import { DEFAULT_HEALTH } from './health.js';
import type { HealthPolicy } from './health.js';
import { jobsInDependencyOrder } from './job-order.js';
import { shadowReleases } from './shadow-sinks.js';
import type { JobArtifact } from './target.js';

export interface PipelineArtifacts {
  readonly artifacts: readonly JobArtifact[];
  readonly health: HealthPolicy;
}

/** One statement without the comment lines flinkts prints above it. */
const strip = (text: string): string => text.split('\n').filter((l) => !/^\s*--/.test(l)).join('\n').trim();

/** The emitted spec a deploy target ships, by the file `build` writes for it. */
const SPEC_FILE: Readonly<Record<string, { readonly target: 'streampark' | 'vvp' | 'alibaba'; readonly ext: string }>> = {
  streampark: { target: 'streampark', ext: '.form' },
  vvp: { target: 'vvp', ext: '.yaml' },
  alibaba: { target: 'alibaba', ext: '.json' },
};

/** Per job, the spec `build` writes for the deploy target (undefined for the gateway, which ships SQL). */
function targetSpecs(p: AnyPipeline, env: string, deployTarget: string): ReadonlyMap<string, string> | undefined {
  const specOf = SPEC_FILE[deployTarget];
  if (specOf === undefined) return undefined;
  const built = buildPipeline(p, { env, targets: [specOf.target] });
  if (!built.ok) throw new FlinktsError(built.diagnostics.filter((d) => d.severity === 'error'));
  const dir = `${env}/${specOf.target}/`;
  return new Map(built.files.filter((f) => f.path.startsWith(dir) && f.path.endsWith(specOf.ext)).map((f) => [f.path.slice(dir.length, -specOf.ext.length), f.content]));
}

export function pipelineArtifacts(p: AnyPipeline, env: string, deployTarget = 'gateway'): PipelineArtifacts {
  const diagnostics: Diagnostic[] = [];
  const resolved = resolveEnvironment(p, env, diagnostics);
  if (resolved !== undefined) diagnostics.push(...checkEnvironment(resolved));
  if (resolved === undefined || diagnostics.some((d) => d.severity === 'error')) throw new FlinktsError(diagnostics.filter((d) => d.severity === 'error'));
  const shadows = shadowReleases(p, env, resolved.jobs, (shadowPipeline, job) => {
    const spec = targetSpecs(shadowPipeline, env, deployTarget);
    if (spec !== undefined && !spec.has(job)) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.badDeployTarget({ kind: 'noSpec', target: deployTarget, job, shadow: true })), severity: 'error' }]);
    return spec?.get(job);
  });
  const specs = targetSpecs(p, env, deployTarget);
  const artifacts = jobsInDependencyOrder(resolved.jobs).map((j) => {
    const printed = printJob(p, env, j.name);
    if (printed.text === undefined) throw new FlinktsError(printed.diagnostics);
    const spec = specs?.get(j.name);
    if (specs !== undefined && spec === undefined) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.badDeployTarget({ kind: 'noSpec', target: deployTarget, job: j.name, shadow: false })), severity: 'error' }]);
    const artifact = artifactOf(j.name, splitStatements(printed.text).map((s) => strip(s.text)).filter((s) => s !== ''), spec);
    const shadow = shadows.get(j.name);
    return shadow === undefined ? artifact : { ...artifact, shadow };
  });
  const spec = p.spec.environments[env]?.deploy?.health ?? {};
  for (const [key, value] of Object.entries(spec)) {
    if (!(key in DEFAULT_HEALTH) || typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.badDeployTarget({ kind: 'health', env, key, known: key in DEFAULT_HEALTH })), severity: 'error', path: `environments.${env}.deploy.health.${key}` }]);
    }
  }
  return { artifacts, health: { ...DEFAULT_HEALTH, ...spec } };
}
