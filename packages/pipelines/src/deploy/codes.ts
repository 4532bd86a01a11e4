/** Diagnostic codes of `flinkts plan / deploy / promote / rollback / savepoint` (FTS81xx: shipping a pipeline's jobs). */
import { codeTable } from '@flinkts/core';

export const DEPLOY_CODE_TABLE = codeTable({
  endpointFailed: ['FTS8101', 'A deployment endpoint (SQL Gateway, Flink REST, StreamPark, VVP, Alibaba) did not answer, timed out, or answered with an error.'],
  missingConnection: ['FTS8102', 'Deployment credentials, a secret or an endpoint address are missing (they come from the environment or a file the user names).'],
  stateIncompatible: ['FTS8103', "An update that cannot restore the running job's state (the plan names the operator and the consequence), refused unless the loss is accepted explicitly."],
  unhealthy: ['FTS8104', 'The deployed version did not become healthy (RUNNING, N completed checkpoints, no restart in the grace period).'],
  unknownDeployment: ['FTS8105', 'A job, version or savepoint the deployment records do not have.'],
  badDeployTarget: ['FTS8106', 'A deploy target that is unknown or not supported for deploying, or an invalid deploy setting of an environment (deploy.health).'],
  savepointFailed: ['FTS8107', 'Flink or the platform could not take a savepoint.'],
  submitFailed: ['FTS8108', "Flink or the platform rejected a job's SQL while it was submitted or compiled."],
  badShadowSink: ['FTS8109', "An environment's deploy.shadowSinks does not hold: a table not declared, a sink no job writes, a shadow a job writes, or a shadow job that does not check."],
  cannotPromote: ['FTS8110', 'A promote of a blue-green shadow run that cannot happen: the job writes no shadowed sink, no shadow run of this build runs (none, or one of an older build), or the version it would take over from is not running.'],
  recordShortened: ['FTS8111', "The deployment record and the job's own description do not fit the platform's field (StreamPark keeps 255 characters): the description was shortened, or the record's savepoint left out of the platform's copy (the local record keeps it)."],
}, { usage: ['missingConnection', 'badDeployTarget'] });

export const DEPLOY_CODES = DEPLOY_CODE_TABLE.codes;
