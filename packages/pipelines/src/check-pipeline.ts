/**
 * The analyzer over a whole pipeline in one environment: every job's script through core's `checkScript` (names,
 * types, INSERT compatibility, connector options, …), the cross-job table graph (layers, cycles, writers, one
 * definition) and the `${NAME}` placeholders. Paths point at the job (`jobs.<name>.statements[i]`).
 */
import type { Diagnostic, Statement } from '@flinkts/core';
import { checkPipelineGraph, checkScript, printStatements } from '@flinkts/core';
import { connectorValidators } from '@flinkts/connectors';
import { jobScript } from './job-script.js';
import { tableGraph } from './lineage/table-graph.js';
import type { ResolvedEnvironment } from './resolve-environment.js';
import { catalogCredentialProblems } from './catalog-credentials.js';
import { hiveSitePlaceholders, hiveSiteProblems } from './emit/hive-site.js';
import { kafkaLoginProblems } from './kafka-login.js';
import { platformVersionProblems } from './platform-versions.js';
import { checkPlaceholders } from './variables.js';

/** Diagnostics of one environment, de-duplicated (a shared table is checked once, at its first job). */
export function checkEnvironment(env: ResolvedEnvironment): Diagnostic[] {
  const out: Diagnostic[] = [];
  const scripts: { name: string; statements: readonly Statement[]; text: string }[] = [];
  for (const job of env.jobs) {
    const script = jobScript(job, { setLines: false, splitPersistent: false });
    scripts.push({ name: job.name, statements: script.statements, text: printStatements(script.statements) });
    const ds = checkScript({ kind: 'Script', statements: script.statements }, { validators: connectorValidators });
    out.push(...ds.map((d) => ({ ...d, path: `jobs.${job.name}.${d.path ?? 'statements'}` })));
  }
  out.push(...checkPipelineGraph(tableGraph(env)));
  out.push(...checkPlaceholders(env, scripts, hiveSitePlaceholders(env)));
  out.push(...kafkaLoginProblems(env));
  out.push(...hiveSiteProblems(env));
  out.push(...catalogCredentialProblems(env));
  out.push(...platformVersionProblems(env));
  const seen = new Set<string>();
  return out.filter((d) => {
    const key = `${d.code}\u0000${d.severity}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
