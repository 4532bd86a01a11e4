/**
 * The analyzer over a whole pipeline in one environment: every job's script through core's `checkScript` (names,
 * types, INSERT compatibility, connector options, …), the cross-job table graph (layers, cycles, writers, one
 * definition) and the `${NAME}` placeholders. Paths point at the job (`jobs.<name>.statements[i]`).
 */
import type { Diagnostic } from '@flinkts/core';
import { checkPipelineGraph } from '@flinkts/core/internal';
import type { CheckedJob } from './job-analysis.js';
import { checkedJob } from './job-analysis.js';
import { tableGraph } from './lineage/table-graph.js';
import type { ResolvedEnvironment, ResolvedJob } from './resolve-environment.js';
import { catalogCredentialProblems } from './catalog-credentials.js';
import { hiveSitePlaceholders, hiveSiteProblems } from './emit/hive-site.js';
import { kafkaLoginProblems } from './kafka-login.js';
import { EMITTERS } from './emit/emitters.js';
import type { Emitter } from './emit/emitter.js';
import { checkPlaceholders } from './variables.js';

/**
 * The cross-job graph's findings (layers, cycles, writers, one definition) depend only on the jobs' names and
 * declarations, which every environment of a pipeline shares (resolve-environment.ts): checked once, not once per
 * environment.
 */
const graphChecks = new WeakMap<ResolvedEnvironment['pipeline'], { readonly jobs: readonly ResolvedJob[]; readonly diagnostics: readonly Diagnostic[] }>();

function graphDiagnostics(env: ResolvedEnvironment): readonly Diagnostic[] {
  const known = graphChecks.get(env.pipeline);
  const same = known !== undefined && known.jobs.length === env.jobs.length && known.jobs.every((j, i) => j.name === env.jobs[i]!.name && j.declarations === env.jobs[i]!.declarations);
  if (same) return known.diagnostics;
  const diagnostics = checkPipelineGraph(tableGraph(env));
  graphChecks.set(env.pipeline, { jobs: env.jobs, diagnostics });
  return diagnostics;
}

/** Diagnostics of one environment, de-duplicated (a shared table is checked once, at its first job). */
export function checkEnvironment(env: ResolvedEnvironment): Diagnostic[] {
  const out: Diagnostic[] = [];
  const scripts: CheckedJob[] = [];
  for (const job of env.jobs) {
    const check = checkedJob(env, job);
    scripts.push(check);
    out.push(...check.diagnostics);
  }
  out.push(...graphDiagnostics(env));
  out.push(...checkPlaceholders(env, scripts, hiveSitePlaceholders(env)));
  out.push(...kafkaLoginProblems(env));
  out.push(...hiveSiteProblems(env));
  out.push(...catalogCredentialProblems(env));
  // each configured target's own environment checks (the platforms' Flink versions: emit/vvp.ts, emit/alibaba.ts)
  for (const e of EMITTERS as readonly Emitter[]) {
    const config = (env.targets as Readonly<Record<string, unknown>>)[e.name];
    if (config !== undefined) e.validateEnvironment?.(env, config, out);
  }
  const seen = new Set<string>();
  return out.filter((d) => {
    const key = `${d.code}\u0000${d.severity}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
