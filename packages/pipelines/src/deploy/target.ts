/**
 * The one interface every platform's deploy support implements (SQL Gateway + Flink REST today), so a
 * platform is one module: what runs, stop with a savepoint, start (optionally from a savepoint), trigger a
 * savepoint, and the facts a health check reads.
 */

/** What `build` produces for one job, as a target ships it. */
export interface JobArtifact {
  readonly job: string;
  /** The job's statements in order (SET, DDL, one INSERT or one EXECUTE STATEMENT SET). */
  readonly statements: readonly string[];
  /** sha256 of the statements (and the spec): the version identity a rerun compares. */
  readonly hash: string;
  /** The platform's job spec as `build` emits it for the target (StreamPark form, VVP / Alibaba deployment). */
  readonly spec?: string;
  /** What a blue-green release runs beside the old version when the environment declares shadow sinks. */
  readonly shadow?: ShadowRelease;
}

/** The job writing shadow tables instead of its sinks (an environment's `deploy.shadowSinks`). */
export interface ShadowRelease {
  /** The shadow version: the job named `<job>-shadow` (its own run on the platform), writing the shadow tables. */
  readonly artifact: JobArtifact;
  /** Each sink and its shadow, as dotted table paths (`dws_sales`, `paimon.dws.sales`). */
  readonly tables: readonly { readonly sink: string; readonly shadow: string }[];
}

import type { Diagnostic } from '@flinkts/core';
import type { CompiledPlanJson } from './compiled-plan.js';
import type { PlatformRecord, RecordFacts } from './platform-record.js';

export interface RunningJob {
  /** The platform's id of the running job (Flink's job id for the gateway). */
  readonly jobId: string;
  readonly state: string;
  /** The artifact hash (first 12 hex digits) the platform labels the job with, when it carries one. */
  readonly hash?: string;
  /** The deployment record the platform keeps beside the job (platform-record.ts), when it has room for one. */
  readonly record?: PlatformRecord;
  /**
   * The compiled plan the job was started from (`EXECUTE PLAN`), its node ids as they run and secret values
   * back to their placeholders; absent when the platform was given SQL.
   */
  readonly submittedPlan?: CompiledPlanJson;
  /** What the start could not do as asked without failing (a deployment record shortened to fit the platform). */
  readonly warnings?: readonly Diagnostic[];
}

/** The label a job carries on the platform: its name and the first 12 hex digits of its artifact hash. */
export const runName = (job: string, hash: string): string => `${job} [${hash.slice(0, 12)}]`;

/** The name the shadow version of `job` runs under (blue-green through shadow sinks): its own run, application or deployment. */
export const shadowJobName = (job: string): string => `${job}-shadow`;

/** The job and hash of a run name, or undefined when the name is not one flinkts gave. */
export function parseRunName(name: string): { readonly job: string; readonly hash: string } | undefined {
  const m = /^(.*) \[([0-9a-f]{12})\]$/.exec(name);
  return m ? { job: m[1] as string, hash: m[2] as string } : undefined;
}

export interface HealthSample {
  readonly state: string;
  /** Completed checkpoints (undefined: the platform's API does not report them; health then cannot count them). */
  readonly completedCheckpoints?: number;
  readonly restarts: number;
  /** The savepoint / checkpoint the job restored from, when it did. */
  readonly restoredFrom?: string;
}

export interface StartOptions {
  /** Restore from this savepoint (a path). */
  readonly restoreFrom?: string;
  /**
   * The job whose run took `restoreFrom`, when it is not this one (a shadow version starting from the running
   * version's savepoint): a platform that names savepoints by id looks for it there.
   */
  readonly savepointOf?: string;
  /** Start even if some savepoint state maps to no operator (that state is dropped). */
  readonly allowNonRestoredState?: boolean;
  /** Secret values filled into the statements on the way out (never recorded). */
  readonly secrets?: ReadonlyMap<string, string>;
  /**
   * The compiled plan of the version whose savepoint is restored, when that version was started from a compiled
   * plan: a target that submits plans pins the new plan's operator ids to it (operator-ids.ts).
   */
  readonly pinTo?: CompiledPlanJson;
  /** The version number and start time the platform records beside the job (with `restoreFrom`), where it can. */
  readonly record?: RecordFacts;
  /** Tables of the new plan that are another table in `pinTo` (a shadow table and its sink): matched as that one. */
  readonly tableRenames?: ReadonlyMap<string, string>;
}

export interface DeployTarget {
  /** e.g. `gateway`. */
  readonly name: string;
  /**
   * Whether the platform fills `${NAME}` placeholders itself (StreamPark team variables, VVP / Alibaba variables
   * and secrets); when not, deploy fills the pipeline's secrets from the environment or a named file.
   */
  readonly resolvesPlaceholders: boolean;
  /**
   * Whether jobs are started from compiled plans (`COMPILE PLAN` / `EXECUTE PLAN`), their operator ids pinned to
   * the running version's; otherwise the platform compiles the SQL and Flink generates the ids.
   */
  readonly submitsPlans: boolean;
  /** The active (non-terminal) runs of a job (any version). */
  running(job: string): Promise<readonly RunningJob[]>;
  start(artifact: JobArtifact, options: StartOptions): Promise<RunningJob>;
  /** Stops the job with a savepoint and returns its path. */
  stopWithSavepoint(jobId: string): Promise<string>;
  /** Cancels a run without a savepoint (a new version that failed its health check; its state is not wanted). */
  cancel(jobId: string): Promise<void>;
  /** Triggers a savepoint (the job keeps running) and returns its path. */
  savepoint(jobId: string): Promise<string>;
  health(jobId: string): Promise<HealthSample>;
  /** Deletes a savepoint the records no longer keep (prune); false when the platform's API cannot delete it. */
  deleteSavepoint(job: string, path: string): Promise<boolean>;
}
