/** Per-platform deployment settings of a pipeline; environments may override any field. */
import { z } from 'zod';
import type { MonitoringTarget } from './alerting/monitoring-target.js';

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

/** A numeric id, or a `${NAME}` placeholder the deploy step fills in. */
const idOrPlaceholder = z.union([z.number(), z.templateLiteral(['${', z.string(), '}'])]);
const logLevel = z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']);
const stringMap = z.record(z.string(), z.string()).readonly();

/**
 * Each platform's configuration is declared once, as the schema `pipeline()` checks it with; its TypeScript type is
 * inferred from the schema (`z.infer`), so a new platform adds one schema here.
 */
export const STREAMPARK_TARGET = z.object({
  executionMode: z.enum(Object.keys(STREAMPARK_EXECUTION_MODES) as [StreamparkExecutionMode, ...StreamparkExecutionMode[]]),
  /** Id of the Flink environment (`/flink/env/list`); a `${NAME}` placeholder when the deploy step fills it in. */
  versionId: idOrPlaceholder.optional(),
  /** The team (`/team/list`); a placeholder by default. */
  teamId: idOrPlaceholder.optional(),
  /** Cluster id for remote / yarn-session / kubernetes-session modes. */
  flinkClusterId: idOrPlaceholder.optional(),
  resolveOrder: z.enum(['parent-first', 'child-first']).optional(),
  /** Automatic restarts StreamPark performs after the job fails. */
  restartSize: z.number().optional(),
  /**
   * What StreamPark does when checkpoints keep failing: `maxFailures` failed checkpoints within `windowMinutes`
   * minutes (form fields `cpMaxFailureInterval` = count, `cpFailureRateInterval` = minutes), then `alert` (needs
   * `alertId`) or `restart`.
   */
  checkpointFailure: z.object({ windowMinutes: z.number(), maxFailures: z.number(), action: z.enum(['alert', 'restart']) }).readonly().optional(),
  /** An alert configuration (`/flink/alert/list`); a `${NAME}` placeholder when the deploy step fills it in. */
  alertId: idOrPlaceholder.optional(),
  yarnQueue: z.string().optional(),
  k8sNamespace: z.string().optional(),
  flinkImage: z.string().optional(),
  tags: z.string().optional(),
}).readonly();
export type StreamparkTarget = z.infer<typeof STREAMPARK_TARGET>;

export const VVP_TARGET = z.object({
  namespace: z.string(),
  /** Application mode: the deployment target; omit it and give `sessionClusterName` for session mode. */
  deploymentTargetName: z.string().optional(),
  sessionClusterName: z.string().optional(),
  flinkVersion: z.string(),
  flinkImageRegistry: z.string().optional(),
  flinkImageRepository: z.string().optional(),
  flinkImageTag: z.string().optional(),
  upgradeStrategy: z.enum(['STATEFUL', 'STATELESS', 'NONE']).optional(),
  restoreStrategy: z.enum(['LATEST_STATE', 'LATEST_SAVEPOINT', 'NONE']).optional(),
  /** Start even if some savepoint state maps to no operator: Flink's `execution.savepoint.ignore-unclaimed-state` in `flinkConfiguration` (VVP's restore strategy has no such field). */
  allowNonRestoredState: z.boolean().optional(),
  state: z.enum(['RUNNING', 'SUSPENDED', 'CANCELLED']).optional(),
  maxSavepointCreationAttempts: z.number().optional(),
  maxJobCreationAttempts: z.number().optional(),
  /** Jar URIs (e.g. `s3://…/connector.jar`) for `additionalDependencies`, by Maven `groupId:artifactId`. */
  jarUris: stringMap.optional(),
  labels: stringMap.optional(),
  logLevel: logLevel.optional(),
}).readonly();
export type VvpTarget = z.infer<typeof VVP_TARGET>;

export const ALIBABA_TARGET = z.object({
  /** The workspace id every Realtime Compute API call carries in its `workspace` header (required by the API). */
  workspace: z.string(),
  namespace: z.string(),
  /** The VVR engine, e.g. `vvr-11.1-jdk11-flink-1.20` (VVR 11 is built on Flink 1.20). */
  engineVersion: z.string(),
  deploymentTarget: z.object({ mode: z.enum(['PER_JOB', 'SESSION']), name: z.string() }).readonly(),
  /** Jar URIs for `additionalDependencies`, by Maven `groupId:artifactId`. */
  jarUris: stringMap.optional(),
  labels: stringMap.optional(),
  /** Root log level of the deployment (`logging.log4jLoggers`), default INFO. */
  logLevel: logLevel.optional(),
  /** `default`, or `oss` / `sls` to deliver logs to OSS / Log Service (a workspace-level log template). */
  loggingProfile: z.string().optional(),
  /**
   * Autopilot (automatic tuning) bounds: `UpdateAutopilotPolicy` limits — the job's parallelism stays within
   * [minParallelism, maxParallelism], its total CPU / memory under maxCpu / maxMemory, with at least
   * coolDownMinutes between two tuning operations.
   */
  autopilot: z.object({
    minParallelism: z.number(),
    maxParallelism: z.number(),
    maxCpu: z.number().optional(),
    /** Kubernetes-style quantity, e.g. '64Gi'. */
    maxMemory: z.string().optional(),
    coolDownMinutes: z.number().optional(),
  }).readonly().optional(),
  /** How the start call restores state (`jobs:start` `restoreStrategy.kind`), default LATEST_STATE. */
  restoreStrategy: z.enum(['LATEST_STATE', 'LATEST_SAVEPOINT', 'NONE']).optional(),
  allowNonRestoredState: z.boolean().optional(),
}).readonly();
export type AlibabaTarget = z.infer<typeof ALIBABA_TARGET>;

/** The lineage formats `build` can write under `<env>/lineage/`. */
export const LINEAGE_FORMATS = ['json', 'text', 'mermaid', 'openlineage', 'html'] as const;
export type LineageFormat = (typeof LINEAGE_FORMATS)[number];

/**
 * Lineage beside the other artifacts: `<env>/lineage/lineage.json`, `lineage.txt`, `lineage.mmd` and `jobs.mmd`,
 * `openlineage.jsonl` (one OpenLineage event per job) and `lineage.html` (the page to click through).
 */
export const LINEAGE_OUTPUT_TARGET = z.strictObject({
  /** Default: every format. */
  formats: z.array(z.enum(LINEAGE_FORMATS)).min(1).readonly().optional(),
  /** OpenLineage RunEvents (default) or JobEvents. */
  events: z.enum(['run', 'job']).optional(),
  /** The OpenLineage job namespace; default `<pipeline>.<environment>`. */
  jobNamespace: z.string().trim().min(1).optional(),
}).readonly();
export type LineageOutputTarget = z.infer<typeof LINEAGE_OUTPUT_TARGET>;

export interface Targets {
  readonly sql?: Readonly<Record<string, never>>;
  readonly streampark?: StreamparkTarget;
  readonly vvp?: VvpTarget;
  readonly alibaba?: AlibabaTarget;
  /** Alert rules, Alertmanager configuration, dashboard and exporter files (not overridden per environment). */
  readonly monitoring?: MonitoringTarget;
  /** Table and column lineage (not overridden per environment). */
  readonly lineage?: LineageOutputTarget;
}

/** The target names are the emitters' (emit/emitters.ts). */
export type { TargetName } from './emit/emitters.js';

export interface TargetOverrides {
  readonly streampark?: Partial<StreamparkTarget>;
  readonly vvp?: Partial<VvpTarget>;
  readonly alibaba?: Partial<AlibabaTarget>;
}
