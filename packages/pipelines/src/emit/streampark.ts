/**
 * StreamPark 2.1.x: the application a job becomes, as the exact form body of `POST /flink/app/create`
 * (jobType 2 = Flink SQL, appType 1, plain `flinkSql`, `options` and `dependency` as JSON strings inside form
 * fields), the same fields as JSON for review, and per environment the team variables the SQL references.
 * StreamPark substitutes `${code}` only in the SQL and program args at start time, so the SQL keeps its
 * placeholders and the variables file carries the values; secrets are listed without values.
 */
import type { Diagnostic } from '@flinkts/core';
import { z } from 'zod';
import { clusterReporterSettings } from '../alerting/flink-reporter.js';
import { textFields } from '@flinkts/core/internal';
import { CODES, TEXTS } from '../codes.js';
import { streamparkSql, streamparkSqlField } from '../job-analysis.js';
import type { ResolvedEnvironment, ResolvedJob } from '../resolve-environment.js';
import { flinkMemory } from '../resources.js';
import { placeholders } from '../variables.js';
import type { ArtifactFile } from './artifact-file.js';
import { configSchemas } from './config-schema.js';
import { emitter } from './emitter.js';
import { jsonFile } from './artifact-file.js';
import { encodeFormField } from './form-body.js';

/** StreamPark 2.1.x execution modes by name (the form sends their numbers). */
export const STREAMPARK_EXECUTION_MODES = {
  local: 0,
  remote: 1,
  'yarn-per-job': 2,
  'yarn-session': 3,
  'yarn-application': 4,
  'kubernetes-session': 5,
  'kubernetes-application': 6,
} as const;

export type StreamparkExecutionMode = keyof typeof STREAMPARK_EXECUTION_MODES;

export interface StreamparkTarget {
  readonly executionMode: StreamparkExecutionMode;
  /** Id of the Flink environment (`/flink/env/list`); a `${NAME}` placeholder when the deploy step fills it in. */
  readonly versionId?: number | `\${${string}}`;
  /** The team (`/team/list`); a placeholder by default. */
  readonly teamId?: number | `\${${string}}`;
  /** Cluster id for remote / yarn-session / kubernetes-session modes. */
  readonly flinkClusterId?: number | `\${${string}}`;
  readonly resolveOrder?: 'parent-first' | 'child-first';
  /** Automatic restarts StreamPark performs after the job fails. */
  readonly restartSize?: number;
  /**
   * What StreamPark does when checkpoints keep failing: `maxFailures` failed checkpoints within `windowMinutes`
   * minutes (form fields `cpMaxFailureInterval` = count, `cpFailureRateInterval` = minutes), then `alert` (needs
   * `alertId`) or `restart`.
   */
  readonly checkpointFailure?: { readonly windowMinutes: number; readonly maxFailures: number; readonly action: 'alert' | 'restart' };
  /** An alert configuration (`/flink/alert/list`); a `${NAME}` placeholder when the deploy step fills it in. */
  readonly alertId?: number | `\${${string}}`;
  readonly yarnQueue?: string;
  readonly k8sNamespace?: string;
  readonly flinkImage?: string;
  readonly tags?: string;
}

/** A numeric id, or a `${NAME}` placeholder the deploy step fills in. */
const idOrPlaceholder = z.union([z.number(), z.templateLiteral(['${', z.string(), '}'])]);
const STREAMPARK_CONFIG = configSchemas<StreamparkTarget>()(z.strictObject({
  executionMode: z.enum(Object.keys(STREAMPARK_EXECUTION_MODES) as [StreamparkExecutionMode, ...StreamparkExecutionMode[]]),
  versionId: idOrPlaceholder.optional(),
  teamId: idOrPlaceholder.optional(),
  flinkClusterId: idOrPlaceholder.optional(),
  resolveOrder: z.enum(['parent-first', 'child-first']).optional(),
  restartSize: z.number().optional(),
  checkpointFailure: z.strictObject({ windowMinutes: z.number(), maxFailures: z.number(), action: z.enum(['alert', 'restart']) }).readonly().optional(),
  alertId: idOrPlaceholder.optional(),
  yarnQueue: z.string().optional(),
  k8sNamespace: z.string().optional(),
  flinkImage: z.string().optional(),
  tags: z.string().optional(),
}));

/** StreamPark's job-name rule (ApplicationServiceImpl JOB_NAME_PATTERN) and its single-space rule. */
export const STREAMPARK_JOB_NAME = /^[.\u4e00-\u9fa5A-Za-z\d_\-\s]+$/;
/** Team variable codes (VariableModal.vue): a letter first, at least two characters. */
export const STREAMPARK_VARIABLE_CODE = /^([A-Za-z])+([A-Za-z0-9._-])+$/;

/** Flink keys StreamPark's form maps to `options`; everything else goes to `dynamicProperties`. */
const OPTION_KEY = /^(parallelism\.default|taskmanager\.numberOfTaskSlots|jobmanager\.memory\..+|taskmanager\.memory\..+)$/;

const placeholderOr = (value: number | string | undefined, fallback: string): string => (value === undefined ? fallback : String(value));

function quoteProperty(value: string): string {
  return /[\s"]/.test(value) ? `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : value;
}

function cpuKeys(mode: StreamparkTarget['executionMode']): readonly [string, string] | undefined {
  if (mode.startsWith('yarn')) return ['yarn.appmaster.vcores', 'yarn.containers.vcores'];
  if (mode.startsWith('kubernetes')) return ['kubernetes.jobmanager.cpu', 'kubernetes.taskmanager.cpu'];
  return undefined;
}

/** The create-form fields of one job, in the order they are sent. */
export function streamparkFields(env: ResolvedEnvironment, job: ResolvedJob, target: StreamparkTarget, diagnostics: Diagnostic[]): [string, string][] {
  const path = `targets.streampark.jobs.${job.name}`;
  if (!STREAMPARK_JOB_NAME.test(job.name) || /\s{2,}/.test(job.name) || job.name.trim() !== job.name) {
    diagnostics.push({ ...textFields(TEXTS.streamparkName({ job: job.name })), severity: 'error', path });
  }
  const { text: flinkSql, problems } = streamparkSql(env, job);
  for (const problem of problems) {
    diagnostics.push({ ...textFields(TEXTS.streamparkSql({ job: job.name, problem })), severity: 'error', path });
  }

  const options: Record<string, string | number> = {};
  const dynamic: [string, string][] = [];
  const put = (key: string, value: string): void => {
    if (OPTION_KEY.test(key)) options[key] = /^\d+$/.test(value) && (key === 'parallelism.default' || key === 'taskmanager.numberOfTaskSlots') ? Number(value) : value;
    else dynamic.push([key, value]);
  };
  const r = job.resources;
  if (r.jobManager.memoryBytes !== undefined) put('jobmanager.memory.process.size', flinkMemory(r.jobManager.memoryBytes));
  if (r.taskManager.memoryBytes !== undefined) put('taskmanager.memory.process.size', flinkMemory(r.taskManager.memoryBytes));
  for (const [key, value] of r.taskManager.memoryOptions ?? []) put(key, value);
  if (r.taskManager.slots !== undefined) put('taskmanager.numberOfTaskSlots', String(r.taskManager.slots));
  const cpu = cpuKeys(target.executionMode);
  if (r.jobManager.cpu !== undefined || r.taskManager.cpu !== undefined) {
    if (cpu === undefined) {
      diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'cpuNoEffect', job: job.name, mode: target.executionMode })), severity: 'warning', path });
    } else {
      if (r.jobManager.cpu !== undefined) put(cpu[0], String(r.jobManager.cpu));
      if (r.taskManager.cpu !== undefined) put(cpu[1], String(r.taskManager.cpu));
    }
  }
  if (r.taskManagers !== undefined) {
    diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'taskManagers', job: job.name })), severity: 'warning', path });
  }
  for (const e of job.settings) put(e.key, e.value);
  // the metric reporter starts with the job's cluster: a dynamic property, never a SET (alerting/flink-reporter.ts)
  for (const [key, value] of clusterReporterSettings(env, job)) put(key, value);

  const fields: [string, string][] = [
    ['teamId', placeholderOr(target.teamId, '${STREAMPARK_TEAM_ID}')],
    ['jobType', '2'],
    ['appType', '1'],
    ['executionMode', String(STREAMPARK_EXECUTION_MODES[target.executionMode])],
    ['versionId', placeholderOr(target.versionId, '${STREAMPARK_VERSION_ID}')],
    ['jobName', job.name],
  ];
  if (job.description !== undefined) fields.push(['description', job.description]);
  fields.push(['flinkSql', flinkSql]);
  fields.push(['options', JSON.stringify(options)]);
  if (dynamic.length > 0) fields.push(['dynamicProperties', dynamic.map(([k, v]) => `-D${k}=${quoteProperty(v)}`).join('\n')]);
  if (job.dependencies.length > 0) {
    fields.push(['dependency', JSON.stringify({ pom: job.dependencies.map((a) => ({ groupId: a.groupId, artifactId: a.artifactId, version: a.version })), jar: [] })]);
  }
  fields.push(['resolveOrder', target.resolveOrder === 'child-first' ? '1' : '0']);
  if (target.restartSize !== undefined) fields.push(['restartSize', String(target.restartSize)]);
  if (target.checkpointFailure !== undefined) {
    const c = target.checkpointFailure;
    for (const [name, value] of [['windowMinutes', c.windowMinutes], ['maxFailures', c.maxFailures]] as const) {
      if (!Number.isInteger(value) || value < 1) diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'notPositive', field: `checkpointFailure.${name}`, integer: true, value })), severity: 'error', path: `targets.streampark.checkpointFailure.${name}` });
    }
    if (c.action === 'alert' && target.alertId === undefined) {
      diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'alertWithoutId' })), severity: 'error', path: 'targets.streampark.alertId' });
    }
    // CheckpointProcessor: within cpFailureRateInterval minutes, cpMaxFailureInterval failures trigger the action.
    fields.push(['cpFailureRateInterval', String(c.windowMinutes)], ['cpMaxFailureInterval', String(c.maxFailures)], ['cpFailureAction', c.action === 'alert' ? '1' : '2']);
  }
  if (target.alertId !== undefined) fields.push(['alertId', String(target.alertId)]);
  if (target.flinkClusterId !== undefined) fields.push(['flinkClusterId', String(target.flinkClusterId)]);
  if (target.yarnQueue !== undefined) fields.push(['yarnQueue', target.yarnQueue]);
  if (target.executionMode === 'kubernetes-application' || target.executionMode === 'kubernetes-session') {
    fields.push(['k8sNamespace', target.k8sNamespace ?? 'default']);
    if (target.flinkImage !== undefined) fields.push(['flinkImage', target.flinkImage]);
  }
  if (target.tags !== undefined) fields.push(['tags', target.tags]);
  return fields;
}

export function emitStreampark(env: ResolvedEnvironment, job: ResolvedJob, target: StreamparkTarget, diagnostics: Diagnostic[]): ArtifactFile[] {
  const fields = streamparkFields(env, job, target, diagnostics);
  const sql = streamparkSql(env, job).text;
  // the SQL, most of the body, is the same in every environment: its pair is encoded once per job
  const form = fields.map(([k, v]) => (k === 'flinkSql' && v === sql ? streamparkSqlField(env, job) : encodeFormField(k, v))).join('&');
  return [
    { path: `streampark/${job.name}.form`, content: `${form}\n` },
    jsonFile(`streampark/${job.name}.json`, {
      endpoint: '/flink/app/create',
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      fields: Object.fromEntries(fields),
    }),
  ];
}

/** The team variables every job's SQL of this environment references: values for variables, none for secrets. */
export function emitStreamparkVariables(env: ResolvedEnvironment, sqlPlaceholders: readonly (readonly string[])[], target: StreamparkTarget, diagnostics: Diagnostic[]): ArtifactFile {
  const used = new Set(sqlPlaceholders.flat());
  const names = [...used].sort();
  for (const name of names) {
    const description = env.variableDescriptions.get(name) ?? env.secrets.get(name) ?? '';
    if (description.length > 100) diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'descriptionTooLong', name, length: description.length, max: 100 })), severity: 'error', path: `${env.secrets.has(name) ? 'secrets' : 'variables'}.${name}` });
    if (!STREAMPARK_VARIABLE_CODE.test(name)) diagnostics.push({ ...textFields(TEXTS.badTarget({ kind: 'variableCode', name })), severity: 'error', path: `variables.${name}` });
  }
  return jsonFile('streampark/variables.json', {
    teamId: placeholderOr(target.teamId, '${STREAMPARK_TEAM_ID}'),
    endpoint: '/variable/post',
    variables: names.filter((n) => env.variables.has(n)).map((n) => ({ variableCode: n, variableValue: env.variables.get(n)!, description: env.variableDescriptions.get(n) ?? '', desensitization: false })),
    secrets: names.filter((n) => env.secrets.has(n)).map((n) => ({ variableCode: n, description: env.secrets.get(n) ?? '', desensitization: true })),
  });
}

/** StreamPark 2.1: `streampark/<job>.form` / `.json` (the /flink/app/create call) and the team's `variables.json`. */
export const streamparkEmitter = emitter({
  name: 'streampark',
  schema: STREAMPARK_CONFIG.whole,
  overrides: STREAMPARK_CONFIG.fields,
  validate: (env, job, target, diagnostics) => {
    streamparkFields(env, job, target, diagnostics);
  },
  emitJob: emitStreampark,
  emitEnvironment: (env, target, diagnostics) => [emitStreamparkVariables(env, env.jobs.map((job) => streamparkSql(env, job).placeholders), target, diagnostics)],
});
