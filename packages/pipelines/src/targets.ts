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
  /** "X minutes, Y failures" checkpoint-failure policy and what to do then. */
  readonly checkpointFailure?: { readonly maxFailureIntervalMinutes: number; readonly failureRateInterval: number; readonly action: 'alert' | 'restart' };
  readonly alertId?: number;
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
  readonly namespace: string;
  /** The VVR engine, e.g. `vvr-11.1-jdk11-flink-1.20` (VVR 11 is built on Flink 1.20). */
  readonly engineVersion: string;
  readonly deploymentTarget: { readonly mode: 'PER_JOB' | 'SESSION'; readonly name: string };
  /** Jar URIs for `additionalDependencies`, by Maven `groupId:artifactId`. */
  readonly jarUris?: Readonly<Record<string, string>>;
  readonly labels?: Readonly<Record<string, string>>;
}

export interface Targets {
  readonly sql?: Readonly<Record<string, never>>;
  readonly streampark?: StreamparkTarget;
  readonly vvp?: VvpTarget;
  readonly alibaba?: AlibabaTarget;
  /** Alert rules, Alertmanager configuration, dashboard and exporter files (not overridden per environment). */
  readonly monitoring?: MonitoringTarget;
}

export type TargetName = 'sql' | 'streampark' | 'vvp' | 'alibaba' | 'monitoring';
export const TARGET_NAMES: readonly TargetName[] = ['sql', 'streampark', 'vvp', 'alibaba', 'monitoring'];

export interface TargetOverrides {
  readonly streampark?: Partial<StreamparkTarget>;
  readonly vvp?: Partial<VvpTarget>;
  readonly alibaba?: Partial<AlibabaTarget>;
}
