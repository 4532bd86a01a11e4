/**
 * Alibaba Cloud Realtime Compute for Apache Flink (API ververica 2022-07-18), two calls per job, each with the
 * `workspace` header the API requires:
 * 1. `POST /api/v2/namespaces/{namespace}/deployments` (CreateDeployment) — `artifact.sqlArtifact.sqlScript`,
 *    flat BASIC resource settings, `flinkConf`, `logging`, and `localVariables` for the job's variables. Secrets
 *    become namespace variables (`${secret_values.NAME}`); variables stay `${NAME}` with `localVariables` values.
 * 2. `POST /api/v2/namespaces/{namespace}/jobs:start` (StartJobWithParams) — the `deploymentId` the create call
 *    answers (a `${DEPLOYMENT_ID}` placeholder here) and the restore strategy.
 * 3. With `autopilot` bounds: `PUT /autopilot/v2/namespaces/{namespace}/deployments/{deploymentId}/autopilotpolicy-update`
 *    (UpdateAutopilotPolicy) enabling Autopilot within those limits.
 */
import type { Diagnostic } from '@flinkts/core';
import { printStatements } from '@flinkts/core';
import { flinkMinor } from '@flinkts/connectors/internal';
import { textFields } from '@flinkts/core/internal';
import { CODES, TEXTS } from '../codes.js';
import { jobScript } from '../job-script.js';
import type { ResolvedEnvironment, ResolvedJob } from '../resolve-environment.js';
import { quantity } from '../resources.js';
import { PLACEHOLDER_PATTERN, placeholders } from '../variables.js';
import type { ArtifactFile } from './artifact-file.js';
import { configSchemas } from './config-schema.js';
import { emitter } from './emitter.js';
import { jsonFile } from './artifact-file.js';
import { flinkConfiguration, jarUris, VVP_NAME, vvpShapeProblems } from './ververica.js';
import { z } from 'zod';
import { logLevel, stringMap } from './ververica-schema.js';

export interface AlibabaTarget {
  /** The workspace id every Realtime Compute API call carries in its `workspace` header (required by the API). */
  readonly workspace: string;
  readonly namespace: string;
  /** The VVR engine, e.g. `vvr-11.1-jdk11-flink-1.20` (VVR 11 is built on Flink 1.20). */
  readonly engineVersion: string;
  readonly deploymentTarget: { readonly mode: 'PER_JOB' | 'SESSION'; readonly name: string };
  /** Jar URIs for `additionalDependencies`, by Maven `groupId:artifactId`. */
  readonly jarUris?: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
  /** Root log level of the deployment (`logging.log4jLoggers`), default INFO. */
  readonly logLevel?: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** `default`, or `oss` / `sls` to deliver logs to OSS / Log Service (a workspace-level log template). */
  readonly loggingProfile?: string;
  /**
   * Autopilot (automatic tuning) bounds: `UpdateAutopilotPolicy` limits — the job's parallelism stays within
   * [minParallelism, maxParallelism], its total CPU / memory under maxCpu / maxMemory, with at least
   * coolDownMinutes between two tuning operations.
   */
  readonly autopilot?: {
    readonly minParallelism: number;
    readonly maxParallelism: number;
    readonly maxCpu?: number;
    /** Kubernetes-style quantity, e.g. '64Gi'. */
    readonly maxMemory?: string;
    readonly coolDownMinutes?: number;
  };
  /** How the start call restores state (`jobs:start` `restoreStrategy.kind`), default LATEST_STATE. */
  readonly restoreStrategy?: 'LATEST_STATE' | 'LATEST_SAVEPOINT' | 'NONE';
  readonly allowNonRestoredState?: boolean;
}

const ALIBABA_CONFIG = configSchemas<AlibabaTarget>()(z.strictObject({
  workspace: z.string(),
  namespace: z.string(),
  engineVersion: z.string(),
  deploymentTarget: z.strictObject({ mode: z.enum(['PER_JOB', 'SESSION']), name: z.string() }).readonly(),
  jarUris: stringMap.optional(),
  labels: stringMap.optional(),
  logLevel: logLevel.optional(),
  loggingProfile: z.string().optional(),
  autopilot: z.strictObject({
    minParallelism: z.number(),
    maxParallelism: z.number(),
    maxCpu: z.number().optional(),
    maxMemory: z.string().optional(),
    coolDownMinutes: z.number().optional(),
  }).readonly().optional(),
  restoreStrategy: z.enum(['LATEST_STATE', 'LATEST_SAVEPOINT', 'NONE']).optional(),
  allowNonRestoredState: z.boolean().optional(),
}));

export function emitAlibaba(env: ResolvedEnvironment, job: ResolvedJob, target: AlibabaTarget, diagnostics: Diagnostic[]): ArtifactFile[] {
  const path = `targets.alibaba.jobs.${job.name}`;
  if (!VVP_NAME.test(job.name)) {
    diagnostics.push({ ...textFields(TEXTS.vvpShape({ kind: 'name', platform: 'alibaba', job: job.name })), severity: 'error', path });
  }
  const secretSyntax = (v: string): string => v.replace(PLACEHOLDER_PATTERN, (whole, name: string) => (env.secrets.has(name) ? `\${secret_values.${name}}` : whole));
  const script = jobScript(job, { setLines: false, splitPersistent: true, optionValue: secretSyntax });
  for (const problem of vvpShapeProblems(script.statements)) {
    diagnostics.push({ ...textFields(TEXTS.vvpShape({ kind: 'shape', platform: 'alibaba', job: job.name, problem })), severity: 'error', path });
  }
  const sqlScript = printStatements(script.statements);
  const used = placeholders(sqlScript).filter((n) => env.variables.has(n)).sort();
  const spec = (r: { readonly cpu?: number; readonly memoryBytes?: number }) => ({
    ...(r.cpu === undefined ? {} : { cpu: r.cpu }),
    ...(r.memoryBytes === undefined ? {} : { memory: quantity(r.memoryBytes, 'Gi', 'Mi') }),
  });
  const body = {
    name: job.name,
    ...(job.description === undefined ? {} : { description: job.description }),
    labels: { ...target.labels, 'flinkts-pipeline': env.pipeline.name, 'flinkts-environment': env.name },
    engineVersion: target.engineVersion,
    executionMode: 'STREAMING',
    deploymentTarget: { mode: target.deploymentTarget.mode, name: target.deploymentTarget.name },
    artifact: { kind: 'SQLSCRIPT', sqlArtifact: { sqlScript, additionalDependencies: jarUris(job, target.jarUris, 'alibaba', diagnostics) } },
    streamingResourceSetting: {
      resourceSettingMode: 'BASIC',
      basicResourceSetting: {
        ...(job.parallelism === undefined ? {} : { parallelism: job.parallelism }),
        jobmanagerResourceSettingSpec: spec(job.resources.jobManager),
        taskmanagerResourceSettingSpec: spec(job.resources.taskManager),
      },
    },
    flinkConf: flinkConfiguration(env, job),
    logging: { loggingProfile: target.loggingProfile ?? 'default', log4jLoggers: [{ loggerName: '', loggerLevel: target.logLevel ?? 'INFO' }] },
    localVariables: used.map((name) => ({ name, value: env.variables.get(name)! })),
  };
  const headers = { workspace: target.workspace };
  const start = {
    deploymentId: '${DEPLOYMENT_ID}',
    restoreStrategy: { kind: target.restoreStrategy ?? 'LATEST_STATE', allowNonRestoredState: target.allowNonRestoredState ?? false },
  };
  const autopilot = target.autopilot;
  if (autopilot !== undefined) autopilotProblems(autopilot, job.parallelism, diagnostics);
  const files: ArtifactFile[] = [
    jsonFile(`alibaba/${job.name}.json`, { method: 'POST', endpoint: `/api/v2/namespaces/${target.namespace}/deployments`, headers, body }),
    jsonFile(`alibaba/${job.name}.start.json`, {
      method: 'POST',
      endpoint: `/api/v2/namespaces/${target.namespace}/jobs:start`,
      headers,
      note: 'after the create call: ${DEPLOYMENT_ID} is its data.deploymentId',
      body: start,
    }),
  ];
  if (autopilot !== undefined) {
    files.push(
      jsonFile(`alibaba/${job.name}.autopilot.json`, {
        method: 'PUT',
        endpoint: `/autopilot/v2/namespaces/${target.namespace}/deployments/\${DEPLOYMENT_ID}/autopilotpolicy-update`,
        headers,
        note: 'after the create call: ${DEPLOYMENT_ID} is its data.deploymentId; policyConfig replaces the whole policy',
        body: {
          enabled: true,
          policyConfig: {
            limits: {
              jobMinParallelism: autopilot.minParallelism,
              jobMaxParallelism: autopilot.maxParallelism,
              ...(autopilot.maxCpu === undefined ? {} : { jobMaxCpu: autopilot.maxCpu }),
              ...(autopilot.maxMemory === undefined ? {} : { jobMaxMemory: autopilot.maxMemory }),
              ...(autopilot.coolDownMinutes === undefined ? {} : { coolDownMinutes: autopilot.coolDownMinutes }),
            },
          },
        },
      }),
    );
  }
  if (script.setup.length > 0) {
    files.push({ path: `alibaba/${job.name}.setup.sql`, content: `-- ${job.name}: persistent objects to create once in the Realtime Compute SQL editor before deploying (generated by flinkts)\n\n${printStatements(script.setup)}` });
  }
  return files;
}

/** Autopilot limits that Realtime Compute would refuse or that contradict the job. */
function autopilotProblems(a: NonNullable<AlibabaTarget['autopilot']>, parallelism: number | undefined, diagnostics: Diagnostic[]): void {
  const path = 'targets.alibaba.autopilot';
  const positive = (name: string, v: number | undefined, integer: boolean): void => {
    if (v !== undefined && !(Number.isFinite(v) && v > 0 && (!integer || Number.isInteger(v)))) diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'notPositive', field: `autopilot.${name}`, integer, value: v })), severity: 'error', path: `${path}.${name}` });
  };
  positive('minParallelism', a.minParallelism, true);
  positive('maxParallelism', a.maxParallelism, true);
  positive('maxCpu', a.maxCpu, false);
  positive('coolDownMinutes', a.coolDownMinutes, true);
  if (a.maxMemory !== undefined && !/^\d+(\.\d+)?(Gi|Mi|GiB|MiB)$/.test(a.maxMemory)) diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'memoryQuantity', field: 'autopilot.maxMemory', text: a.maxMemory })), severity: 'error', path: `${path}.maxMemory` });
  if (a.minParallelism > a.maxParallelism) diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'autopilotBounds', min: a.minParallelism, max: a.maxParallelism })), severity: 'error', path });
  if (parallelism !== undefined && (parallelism < a.minParallelism || parallelism > a.maxParallelism)) {
    diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'outsideAutopilot', parallelism, min: a.minParallelism, max: a.maxParallelism })), severity: 'warning', path });
  }
}

/** Realtime Compute runs the Flink of its VVR engine (`vvr-<n>-…-flink-<minor>`): it must be the pipeline's Flink minor. */
function alibabaEngineVersion(env: ResolvedEnvironment, alibaba: AlibabaTarget, diagnostics: Diagnostic[]): void {
  const minor = flinkMinor(env.flinkVersion);
  if (minor === undefined) return;
  const m = /-flink-(\d+\.\d+)$/.exec(alibaba.engineVersion);
  if (m !== null && m[1] === minor) return;
  diagnostics.push({ ...textFields(TEXTS.badVersion({ kind: 'alibabaEngine', engine: alibaba.engineVersion, minor })), severity: 'error', path: 'targets.alibaba.engineVersion' });
}

/** Alibaba Cloud Realtime Compute for Apache Flink: `alibaba/<job>.json`. */
export const alibabaEmitter = emitter({ name: 'alibaba', schema: ALIBABA_CONFIG.whole, overrides: ALIBABA_CONFIG.fields, validateEnvironment: alibabaEngineVersion, emitJob: emitAlibaba });
