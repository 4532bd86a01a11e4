/**
 * The schemas `pipeline()` checks each platform's configuration with. Internal: zod's declarations need the DOM or
 * Node's types (`URL`), so the public types stay the interfaces in targets.ts, and `Agrees` below makes the compiler
 * prove each schema accepts exactly its interface — a field added to one and not the other does not compile.
 */
import { z } from 'zod';
import type { AlibabaTarget, LineageOutputTarget, StreamparkExecutionMode, StreamparkTarget, VvpTarget } from './targets.js';
import { LINEAGE_FORMATS, STREAMPARK_EXECUTION_MODES } from './targets.js';

/** A numeric id, or a `${NAME}` placeholder the deploy step fills in. */
const idOrPlaceholder = z.union([z.number(), z.templateLiteral(['${', z.string(), '}'])]);
const logLevel = z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']);
const stringMap = z.record(z.string(), z.string()).readonly();

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
// StreamparkTarget: STREAMPARK_TARGET>;

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
// VvpTarget: VVP_TARGET>;

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
// AlibabaTarget: ALIBABA_TARGET>;

export const LINEAGE_OUTPUT_TARGET = z.strictObject({
  /** Default: every format. */
  formats: z.array(z.enum(LINEAGE_FORMATS)).min(1).readonly().optional(),
  /** OpenLineage RunEvents (default) or JobEvents. */
  events: z.enum(['run', 'job']).optional(),
  /** The OpenLineage job namespace; default `<pipeline>.<environment>`. */
  jobNamespace: z.string().trim().min(1).optional(),
}).readonly();
// LineageOutputTarget: LINEAGE_OUTPUT_TARGET>;


/** True when A and B are the same type (each assignable to the other, optional keys included). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? (Required<A> extends Required<B> ? (Required<B> extends Required<A> ? true : false) : false) : false) : false;
/** Fails to compile unless every schema's inferred type is its public interface. */
export type Agrees = [
  Same<z.infer<typeof STREAMPARK_TARGET>, StreamparkTarget>,
  Same<z.infer<typeof VVP_TARGET>, VvpTarget>,
  Same<z.infer<typeof ALIBABA_TARGET>, AlibabaTarget>,
  Same<z.infer<typeof LINEAGE_OUTPUT_TARGET>, LineageOutputTarget>,
] extends [true, true, true, true] ? true : never;
const agrees: Agrees = true;
void agrees;
