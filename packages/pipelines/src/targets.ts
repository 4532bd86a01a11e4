/** Per-platform deployment settings of a pipeline; environments may override any field. */
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

/** The lineage formats `build` can write under `<env>/lineage/`. */
export const LINEAGE_FORMATS = ['json', 'text', 'mermaid', 'openlineage', 'html'] as const;
export type LineageFormat = (typeof LINEAGE_FORMATS)[number];

/**
 * Lineage beside the other artifacts: `<env>/lineage/lineage.json`, `lineage.txt`, `lineage.mmd` and `jobs.mmd`,
 * `openlineage.jsonl` (one OpenLineage event per job) and `lineage.html` (the page to click through).
 */
export interface LineageOutputTarget {
  /** Default: every format. */
  readonly formats?: readonly LineageFormat[];
  /** OpenLineage RunEvents (default) or JobEvents. */
  readonly events?: 'run' | 'job';
  /** The OpenLineage job namespace; default `<pipeline>.<environment>`. */
  readonly jobNamespace?: string;
}

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
