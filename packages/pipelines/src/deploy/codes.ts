/** Diagnostic codes of `flinkts plan / deploy / rollback / savepoint` (FTS81xx: shipping a pipeline's jobs). */
export const DEPLOY_CODES = {
  /** A deployment endpoint did not answer, timed out, or answered with an error. */
  endpointFailed: 'FTS8101',
  /** Deployment credentials or an endpoint address are missing (they come from the environment or a named file). */
  missingConnection: 'FTS8102',
  /** An update that cannot restore the running job's state, refused unless the loss is accepted explicitly. */
  stateIncompatible: 'FTS8103',
  /** The new version did not become healthy (RUNNING, N completed checkpoints, no restart in the grace period). */
  unhealthy: 'FTS8104',
  /** A job, version or savepoint that the deployment records do not have. */
  unknownDeployment: 'FTS8105',
  /** A deploy target that is unknown or not supported for deploying, or an invalid `deploy.health` setting. */
  badDeployTarget: 'FTS8106',
  /** Flink could not take, or could not restore from, a savepoint. */
  savepointFailed: 'FTS8107',
  /** Flink rejected a job's SQL while it was being submitted. */
  submitFailed: 'FTS8108',
  /** An environment's `deploy.shadowSinks` that does not hold (undeclared tables, a sink no job writes, a shadow a job writes, a shadow job that does not check). */
  badShadowSink: 'FTS8109',
  /** A promote (shadow → real) that cannot happen: no shadow sinks, no shadow run of this build, the old version not running. */
  cannotPromote: 'FTS8110',
} as const;
