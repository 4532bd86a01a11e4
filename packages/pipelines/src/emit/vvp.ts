/**
 * Ververica Platform 2.x: one Deployment per job (YAML), with a SQLSCRIPT artifact holding only what a VVP
 * SQL deployment accepts — CREATE TEMPORARY TABLE / VIEW statements and one INSERT or one statement set —
 * and, when the job needs persistent objects (catalogs, catalog databases and tables), a setup script to run
 * once in VVP's SQL editor. Names must be ≤ 63 characters of [a-z0-9-], not starting or ending with '-'.
 */
import type { Diagnostic } from '@flinkts/core';
import { printStatements } from '@flinkts/core';
import { flinkMinor } from '@flinkts/connectors/internal';
import { stringify } from 'yaml';
import { textFields } from '@flinkts/core/internal';
import { CODES, TEXTS } from '../codes.js';
import { jobScript } from '../job-script.js';
import type { ResolvedEnvironment, ResolvedJob } from '../resolve-environment.js';
import { quantity } from '../resources.js';
import { substitute } from '../variables.js';
import type { ArtifactFile } from './artifact-file.js';
import { configSchemas } from './config-schema.js';
import { emitter } from './emitter.js';
import { flinkConfiguration, jarUris, operatorParallelism, VVP_NAME, vvpShapeProblems } from './ververica.js';
import { z } from 'zod';
import { logLevel, stringMap } from './ververica-schema.js';

export interface VvpTarget {
  readonly namespace: string;
  /** Application mode: the deployment target; omit it and give `sessionClusterName` for session mode. */
  readonly deploymentTargetName?: string;
  readonly sessionClusterName?: string;
  readonly flinkVersion: string;
  readonly flinkImageRegistry?: string;
  readonly flinkImageRepository?: string;
  readonly flinkImageTag?: string;
  readonly upgradeStrategy?: 'STATEFUL' | 'STATELESS' | 'NONE';
  readonly restoreStrategy?: 'LATEST_STATE' | 'LATEST_SAVEPOINT' | 'NONE';
  /** Start even if some savepoint state maps to no operator: Flink's `execution.savepoint.ignore-unclaimed-state` in `flinkConfiguration` (VVP's restore strategy has no such field). */
  readonly allowNonRestoredState?: boolean;
  readonly state?: 'RUNNING' | 'SUSPENDED' | 'CANCELLED';
  readonly maxSavepointCreationAttempts?: number;
  readonly maxJobCreationAttempts?: number;
  /** Jar URIs (e.g. `s3://…/connector.jar`) for `additionalDependencies`, by Maven `groupId:artifactId`. */
  readonly jarUris?: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
  readonly logLevel?: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

const VVP_CONFIG = configSchemas<VvpTarget>()(z.strictObject({
  namespace: z.string(),
  deploymentTargetName: z.string().optional(),
  sessionClusterName: z.string().optional(),
  flinkVersion: z.string(),
  flinkImageRegistry: z.string().optional(),
  flinkImageRepository: z.string().optional(),
  flinkImageTag: z.string().optional(),
  upgradeStrategy: z.enum(['STATEFUL', 'STATELESS', 'NONE']).optional(),
  restoreStrategy: z.enum(['LATEST_STATE', 'LATEST_SAVEPOINT', 'NONE']).optional(),
  allowNonRestoredState: z.boolean().optional(),
  state: z.enum(['RUNNING', 'SUSPENDED', 'CANCELLED']).optional(),
  maxSavepointCreationAttempts: z.number().optional(),
  maxJobCreationAttempts: z.number().optional(),
  jarUris: stringMap.optional(),
  labels: stringMap.optional(),
  logLevel: logLevel.optional(),
}));

export function emitVvp(env: ResolvedEnvironment, job: ResolvedJob, target: VvpTarget, diagnostics: Diagnostic[]): ArtifactFile[] {
  const path = `targets.vvp.jobs.${job.name}`;
  if (!VVP_NAME.test(job.name)) {
    diagnostics.push({ ...textFields(TEXTS.vvpShape({ kind: 'name', platform: 'vvp', job: job.name })), severity: 'error', path });
  }
  if ((target.deploymentTargetName === undefined) === (target.sessionClusterName === undefined)) {
    diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'vvpMode' })), severity: 'error', path: 'targets.vvp' });
  }
  const script = jobScript(job, { setLines: false, splitPersistent: true, optionValue: (v) => substitute(v, env.variables) });
  for (const problem of vvpShapeProblems(script.statements)) {
    diagnostics.push({ ...textFields(TEXTS.vvpShape({ kind: 'shape', platform: 'vvp', job: job.name, problem })), severity: 'error', path });
  }
  const p = job.parallelism;
  const slots = job.resources.taskManager.slots;
  // With slot sharing a job needs as many slots as its most parallel operator (a source or sink may run wider).
  const widest = Math.max(p ?? 1, ...operatorParallelism(job));
  const taskManagers = job.resources.taskManagers ?? (p !== undefined && slots !== undefined ? Math.ceil(widest / slots) : undefined);
  if (job.resources.taskManagers !== undefined && slots !== undefined && job.resources.taskManagers * slots < widest) {
    diagnostics.push({ ...textFields(TEXTS.badResources({ kind: 'slots', job: job.name, widest, taskManagers: job.resources.taskManagers, slots })), severity: 'error', path: `${path}.resources` });
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

/** VVP runs the Flink its deployment names (`artifact.flinkVersion`): it must be the pipeline's Flink minor, or the jars chosen for it (and the SQL checked against it) do not match what runs. */
function vvpFlinkVersion(env: ResolvedEnvironment, vvp: VvpTarget, diagnostics: Diagnostic[]): void {
  const minor = flinkMinor(env.flinkVersion);
  if (minor === undefined || new RegExp(`^${minor.replace('.', '\\.')}(\\.\\d+)?$`).test(vvp.flinkVersion)) return;
  diagnostics.push({ ...textFields(TEXTS.badVersion({ kind: 'vvpFlink', vvpVersion: vvp.flinkVersion, flinkVersion: env.flinkVersion, minor })), severity: 'error', path: 'targets.vvp.flinkVersion' });
}

/** Ververica Platform: `vvp/<job>.yaml`, a SQL deployment. */
export const vvpEmitter = emitter({ name: 'vvp', schema: VVP_CONFIG.whole, overrides: VVP_CONFIG.fields, validateEnvironment: vvpFlinkVersion, emitJob: emitVvp });
