/**
 * What Ververica Platform and Alibaba Cloud's Realtime Compute (a Ververica product) share: the resource name rule,
 * the SQL-deployment shape, additional-dependency jar URIs, and the Flink configuration of a deployment.
 */
import type { Diagnostic, MavenArtifact, Statement } from '@flinkts/core';
import { clusterReporterSettings } from '../alerting/flink-reporter.js';
import { CODES, TEXTS } from '../codes.js';
import { textFields } from '@flinkts/core/internal';
import type { ResolvedEnvironment, ResolvedJob } from '../resolve-environment.js';


export const VVP_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The SQL-shape rule of a VVP SQL deployment; each problem names the statement. */
export function vvpShapeProblems(statements: readonly Statement[]): string[] {
  const problems: string[] = [];
  let dml = 0;
  statements.forEach((s, i) => {
    if ((s.kind === 'CreateTable' || s.kind === 'CreateView') && s.temporary) {
      if (dml > 0) problems.push(`statement ${i + 1} (CREATE TEMPORARY ${s.kind === 'CreateTable' ? 'TABLE' : 'VIEW'}) comes after the INSERT`);
      return;
    }
    if (s.kind === 'Insert' || s.kind === 'StatementSet') {
      dml += 1;
      if (dml > 1) problems.push(`statement ${i + 1} is a second INSERT or statement set; use one statement set`);
      return;
    }
    problems.push(`statement ${i + 1} is ${s.kind === 'CreateTable' || s.kind === 'CreateView' ? `a non-temporary ${s.kind}` : `a ${s.kind}`}, which a VVP SQL deployment does not accept`);
  });
  if (dml === 0) problems.push('the script has no INSERT');
  return problems;
}

/** `additionalDependencies`: a URI for every jar; jars without one are reported. */
export function jarUris(job: ResolvedJob, uris: Readonly<Record<string, string>> | undefined, target: string, diagnostics: Diagnostic[]): string[] {
  const out: string[] = [];
  for (const a of job.dependencies) {
    const uri = uris?.[`${a.groupId}:${a.artifactId}`];
    if (uri === undefined) {
      diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'noJarUri', job: job.name, artifact: coordinates(a), key: `${a.groupId}:${a.artifactId}`, target })), severity: 'warning', path: `targets.${target}.jarUris` });
      continue;
    }
    // A Maven-named jar file (<artifactId>-<version>.jar) must be the version the job is built for.
    const file = uri.split('/').pop() ?? '';
    const named = file.startsWith(`${a.artifactId}-`) && file.endsWith('.jar') ? file.slice(a.artifactId.length + 1, -4) : undefined;
    if (named !== undefined && named !== a.version) {
      diagnostics.push({ ...textFields(TEXTS.badVersion({ kind: 'jarUri', key: `${a.groupId}:${a.artifactId}`, named, job: job.name, flinkVersion: job.flinkVersion, version: a.version, file: `${a.artifactId}-${a.version}.jar`, target })), severity: 'error', path: `targets.${target}.jarUris.${a.groupId}:${a.artifactId}` });
    }
    out.push(uri);
  }
  return out;
}

const coordinates = (a: MavenArtifact): string => `${a.groupId}:${a.artifactId}:${a.version}`;

/** `scan.parallelism` / `sink.parallelism` of the tables a job uses. */
export function operatorParallelism(job: ResolvedJob): number[] {
  return job.declarations.tables.flatMap((t) => t.statement.options.filter((o) => o.key === 'scan.parallelism' || o.key === 'sink.parallelism').map((o) => Number(o.value))).filter((n) => Number.isInteger(n) && n > 0);
}

/**
 * Settings for `flinkConfiguration`: everything but parallelism, plus slots, plus the metric reporter the job's
 * cluster starts with when the pipeline has a monitoring target (alerting/flink-reporter.ts).
 */
export function flinkConfiguration(env: ResolvedEnvironment, job: ResolvedJob): Record<string, string> {
  const conf: Record<string, string> = {};
  for (const e of job.settings) if (e.key !== 'parallelism.default') conf[e.key] = e.value;
  for (const [key, value] of clusterReporterSettings(env, job)) conf[key] = value;
  if (job.resources.taskManager.slots !== undefined) conf['taskmanager.numberOfTaskSlots'] = String(job.resources.taskManager.slots);
  for (const [key, value] of job.resources.taskManager.memoryOptions ?? []) conf[key] = value;
  return conf;
}
