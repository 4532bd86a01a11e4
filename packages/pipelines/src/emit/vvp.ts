/**
 * Ververica Platform 2.x: one Deployment per job (YAML), with a SQLSCRIPT artifact holding only what a VVP
 * SQL deployment accepts — CREATE TEMPORARY TABLE / VIEW statements and one INSERT or one statement set —
 * and, when the job needs persistent objects (catalogs, catalog databases and tables), a setup script to run
 * once in VVP's SQL editor. Names must be ≤ 63 characters of [a-z0-9-], not starting or ending with '-'.
 */
import type { Diagnostic, MavenArtifact, Statement } from '@flinkts/core';
import { printStatements } from '@flinkts/core';
import { stringify } from 'yaml';
import { clusterReporterSettings } from '../alerting/flink-reporter.js';
import { CODES } from '../codes.js';
import { jobScript } from '../job-script.js';
import type { ResolvedEnvironment, ResolvedJob } from '../resolve-environment.js';
import { quantity } from '../resources.js';
import type { VvpTarget } from '../targets.js';
import { substitute } from '../variables.js';
import type { ArtifactFile } from './artifact-file.js';

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
      diagnostics.push({ code: CODES.badTarget, severity: 'warning', message: `job '${job.name}' needs ${coordinates(a)}, which has no jar URI for ${target}`, hint: `add '${a.groupId}:${a.artifactId}' to targets.${target}.jarUris, or make sure the platform ships it`, path: `targets.${target}.jarUris` });
      continue;
    }
    // A Maven-named jar file (<artifactId>-<version>.jar) must be the version the job is built for.
    const file = uri.split('/').pop() ?? '';
    const named = file.startsWith(`${a.artifactId}-`) && file.endsWith('.jar') ? file.slice(a.artifactId.length + 1, -4) : undefined;
    if (named !== undefined && named !== a.version) {
      diagnostics.push({ code: CODES.badVersion, severity: 'error', message: `the jar URI for ${a.groupId}:${a.artifactId} is version ${named}, but job '${job.name}' on Flink ${job.flinkVersion} needs ${a.version}`, hint: `upload ${a.artifactId}-${a.version}.jar and point targets.${target}.jarUris at it`, path: `targets.${target}.jarUris.${a.groupId}:${a.artifactId}` });
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

export function emitVvp(env: ResolvedEnvironment, job: ResolvedJob, target: VvpTarget, diagnostics: Diagnostic[]): ArtifactFile[] {
  const path = `targets.vvp.jobs.${job.name}`;
  if (!VVP_NAME.test(job.name)) {
    diagnostics.push({ code: CODES.vvpShape, severity: 'error', message: `VVP rejects the deployment name '${job.name}'`, hint: "use at most 63 characters of a-z, 0-9 and '-', not starting or ending with '-'", path });
  }
  if ((target.deploymentTargetName === undefined) === (target.sessionClusterName === undefined)) {
    diagnostics.push({ code: CODES.badTarget, severity: 'error', message: 'a VVP deployment needs exactly one of deploymentTargetName (application mode) and sessionClusterName (session mode)', path: 'targets.vvp' });
  }
  const script = jobScript(job, { setLines: false, splitPersistent: true, optionValue: (v) => substitute(v, env.variables) });
  for (const problem of vvpShapeProblems(script.statements)) {
    diagnostics.push({ code: CODES.vvpShape, severity: 'error', message: `job '${job.name}' breaks VVP's SQL-deployment shape: ${problem}`, hint: 'a VVP SQL deployment is CREATE TEMPORARY TABLE/VIEW statements followed by one INSERT or one statement set', path });
  }
  const p = job.parallelism;
  const slots = job.resources.taskManager.slots;
  // With slot sharing a job needs as many slots as its most parallel operator (a source or sink may run wider).
  const widest = Math.max(p ?? 1, ...operatorParallelism(job));
  const taskManagers = job.resources.taskManagers ?? (p !== undefined && slots !== undefined ? Math.ceil(widest / slots) : undefined);
  if (job.resources.taskManagers !== undefined && slots !== undefined && job.resources.taskManagers * slots < widest) {
    diagnostics.push({ code: CODES.badResources, severity: 'error', message: `job '${job.name}' needs ${widest} task slots (its widest operator), but ${job.resources.taskManagers} TaskManagers × ${slots} slots give ${job.resources.taskManagers * slots}; the job would wait for slots and fail`, hint: `raise taskManagers or taskManager.slots to hold ${widest} slots`, path: `${path}.resources` });
  }
  const resource = (r: { readonly cpu?: number; readonly memoryBytes?: number }) => ({
    ...(r.cpu === undefined ? {} : { cpu: r.cpu }),
    ...(r.memoryBytes === undefined ? {} : { memory: quantity(r.memoryBytes, 'G', 'M') }),
  });
  const deps = jarUris(job, target.jarUris, 'vvp', diagnostics);
  const deployment = {
    apiVersion: 'v1',
    kind: 'Deployment',
    metadata: {
      name: job.name,
      namespace: target.namespace,
      labels: { ...target.labels, 'flinkts/pipeline': env.pipeline.name, 'flinkts/environment': env.name },
      ...(job.description === undefined ? {} : { annotations: { 'flinkts/description': job.description } }),
    },
    spec: {
      state: target.state ?? 'RUNNING',
      ...(target.deploymentTargetName === undefined ? {} : { deploymentTargetName: target.deploymentTargetName }),
      ...(target.sessionClusterName === undefined ? {} : { sessionClusterName: target.sessionClusterName }),
      upgradeStrategy: { kind: target.upgradeStrategy ?? 'STATEFUL' },
      // VVP 2.x's restore strategy is {kind} only (Application Manager API 2.1): allowNonRestoredState is Flink's own key below
      restoreStrategy: { kind: target.restoreStrategy ?? 'LATEST_STATE' },
      maxSavepointCreationAttempts: target.maxSavepointCreationAttempts ?? 4,
      maxJobCreationAttempts: target.maxJobCreationAttempts ?? 4,
      template: {
        spec: {
          artifact: {
            kind: 'SQLSCRIPT',
            flinkVersion: target.flinkVersion,
            ...(target.flinkImageRegistry === undefined ? {} : { flinkImageRegistry: target.flinkImageRegistry }),
            ...(target.flinkImageRepository === undefined ? {} : { flinkImageRepository: target.flinkImageRepository }),
            ...(target.flinkImageTag === undefined ? {} : { flinkImageTag: target.flinkImageTag }),
            ...(deps.length === 0 ? {} : { additionalDependencies: deps }),
            sqlScript: printStatements(script.statements),
          },
          ...(p === undefined ? {} : { parallelism: p }),
          ...(taskManagers === undefined ? {} : { numberOfTaskManagers: taskManagers }),
          resources: { jobmanager: resource(job.resources.jobManager), taskmanager: resource(job.resources.taskManager) },
          flinkConfiguration: { ...flinkConfiguration(env, job), ...(target.allowNonRestoredState === true ? { 'execution.savepoint.ignore-unclaimed-state': 'true' } : {}) },
          logging: { loggingProfile: 'default', log4jLoggers: { '': target.logLevel ?? 'INFO' } },
        },
      },
    },
  };
  const files: ArtifactFile[] = [{ path: `vvp/${job.name}.yaml`, content: stringify(deployment, { lineWidth: 0, blockQuote: 'literal' }) }];
  if (script.setup.length > 0) {
    files.push({ path: `vvp/${job.name}.setup.sql`, content: `-- ${job.name}: persistent objects to create once in VVP's SQL editor before deploying (generated by flinkts)\n\n${printStatements(script.setup)}` });
  }
  return files;
}
