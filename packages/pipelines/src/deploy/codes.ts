/**
 * Diagnostic codes of `flinkts plan / deploy / promote / rollback / savepoint` (FTS81xx: shipping a pipeline's jobs),
 * with the texts of the templated ones.
 */
import { codeTable, template } from '@flinkts/core';

const RERUN = 'rerunning is safe: deploy converges from where it stopped';

export const DEPLOY_CODE_TABLE = codeTable({
  endpointFailed: ['FTS8101', 'A deployment endpoint (SQL Gateway, Flink REST, StreamPark, VVP, Alibaba) did not answer, timed out, or answered with an error.', template(
    (p: { readonly operation: string; readonly status: number; readonly detail: string }) =>
      `${p.operation} failed: ${p.status === 0 ? p.detail : `HTTP ${p.status}${p.detail ? `: ${p.detail}` : ''}`}`,
    (p) => (p.status === 0 ? `is the endpoint reachable? R${RERUN.slice(1)}` : RERUN),
  )],
  missingConnection: ['FTS8102', 'Deployment credentials, a secret or an endpoint address are missing (they come from the environment or a file the user names).'],
  stateIncompatible: ['FTS8103', "An update that cannot restore the running job's state (the plan names the operator and the consequence), refused unless the loss is accepted explicitly.", template(
    (p: { readonly job: string; readonly findings: string; readonly verdict: 'state-dropped' | 'restore-fails' | 'state-misrouted' }) => `job '${p.job}': the update cannot restore the running version's state:\n${p.findings}`,
    (p) =>
      p.verdict === 'state-dropped'
        ? 'nothing was changed. Deploy with --allow-non-restored-state to drop that state, or keep the stateful operators as they are'
        : 'nothing was changed. Deploy with --start-without-state to start the new version empty (its results restart from zero), or keep the keys, aggregates and operators as they are',
  )],
  unhealthy: ['FTS8104', 'The deployed version did not become healthy (RUNNING, N completed checkpoints, no restart in the grace period).', template(
    (p: { readonly kind: 'newVersion'; readonly job: string; readonly reason: string; readonly oldKept: boolean } | { readonly kind: 'shadowState'; readonly job: string; readonly jobId: string; readonly state: string } | { readonly kind: 'shadowRestarted'; readonly job: string; readonly jobId: string; readonly restarts: number }) =>
      p.kind === 'newVersion' ? `job '${p.job}': the new version is not healthy: ${p.reason}`
        : p.kind === 'shadowState' ? `job '${p.job}': the shadow run ${p.jobId} is ${p.state}: not promoted, the old version keeps the sinks`
          : `job '${p.job}': the shadow run ${p.jobId} restarted ${p.restarts} time(s) since it was found healthy: not promoted, the old version keeps the sinks`,
    (p) =>
      p.kind === 'newVersion' ? (p.oldKept ? 'the old version keeps running (blue-green)' : 'deploy again with --auto-rollback to return to the previous version by itself, or run `flinkts rollback`')
        : p.kind === 'shadowState' ? 'look at the shadow run on the platform, then cancel it with `flinkts promote --abandon` or start it again with deploy'
          : "look at the shadow run's exceptions; cancel it with `flinkts promote --abandon`, or promote anyway once it is stable by deploying again",
  )],
  unknownDeployment: ['FTS8105', 'A job, version or savepoint the deployment records do not have.', template(
    (p: { readonly kind: 'notRunning'; readonly job: string } | { readonly kind: 'noVersion'; readonly job: string; readonly version: number | undefined; readonly deployed: readonly string[] }) =>
      p.kind === 'notRunning' ? `job '${p.job}' is not running on this target`
        : p.version === undefined ? `job '${p.job}' has no earlier version to roll back to` : `job '${p.job}' has no version ${p.version}`,
    (p) =>
      p.kind === 'notRunning' ? 'deploy it first (flinkts deploy), or check --env / --target'
        : p.deployed.length > 0 ? `deployed versions: ${p.deployed.join(', ')}` : 'nothing was deployed for this job from here (records are under the deploy state directory)',
  )],
  badDeployTarget: ['FTS8106', 'A deploy target that is unknown or not supported for deploying, or an invalid deploy setting of an environment (deploy.health).'],
  savepointFailed: ['FTS8107', 'Flink or the platform could not take a savepoint.'],
  submitFailed: ['FTS8108', "Flink or the platform rejected a job's SQL while it was submitted or compiled."],
  badShadowSink: ['FTS8109', "An environment's deploy.shadowSinks does not hold: a table not declared, a sink no job writes, a shadow a job writes, or a shadow job that does not check."],
  cannotPromote: ['FTS8110', 'A promote of a blue-green shadow run that cannot happen: the job writes no shadowed sink, no shadow run of this build runs (none, or one of an older build), or the version it would take over from is not running.'],
  recordShortened: ['FTS8111', "The deployment record and the job's own description do not fit the platform's field (StreamPark keeps 255 characters): the description was shortened, or the record's savepoint left out of the platform's copy (the local record keeps it).", template(
    (p: { readonly kind: 'description'; readonly job: string; readonly kept: number; readonly of: number; readonly max: number } | { readonly kind: 'savepoint'; readonly job: string; readonly savepoint: string; readonly max: number }) =>
      p.kind === 'description'
        ? `job '${p.job}': its description was cut to ${p.kept} of ${p.of} characters so that it and the deployment record fit StreamPark's ${p.max}-character description`
        : `job '${p.job}': the savepoint it restored from (${p.savepoint}) is left out of the deployment record in its StreamPark description, which holds ${p.max} characters; the local record keeps it`,
    (p) => (p.kind === 'description' ? "shorten the job's description" : "a shorter savepoint directory (state.savepoints.dir) keeps the savepoint in the platform's record"),
  )],
}, { usage: ['missingConnection', 'badDeployTarget'] });

export const DEPLOY_CODES = DEPLOY_CODE_TABLE.codes;
export const DEPLOY_TEXTS = DEPLOY_CODE_TABLE.texts;
