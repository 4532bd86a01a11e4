/**
 * Diagnostic codes of `flinkts plan / deploy / promote / rollback / savepoint` (FTS81xx: shipping a pipeline's jobs),
 * with the texts of the templated ones.
 */
import { codeTable, template } from '@flinkts/core/internal';

const RERUN = 'rerunning is safe: deploy converges from where it stopped';
const START_SHADOW = 'start one with `flinkts deploy --strategy blue-green --promote manual`';
const ABANDON = '`flinkts promote --abandon`';

/** What is wrong with an environment's deploy.shadowSinks (`entry`: e.g. shadowSinks[0].sink; tables by name). */
export type BadShadowSink =
  | { readonly kind: 'notList' }
  | { readonly kind: 'notTable'; readonly entry: string }
  | { readonly kind: 'notPipelineTable'; readonly entry: string; readonly table: string }
  | { readonly kind: 'itself'; readonly entry: string; readonly table: string }
  | { readonly kind: 'notWritten'; readonly table: string; readonly written: readonly string[] }
  | { readonly kind: 'shadowWritten'; readonly table: string; readonly job: string }
  | { readonly kind: 'twoShadows' | 'shadowsTwo'; readonly table: string }
  | { readonly kind: 'nameTaken'; readonly job: string; readonly name: string }
  | { readonly kind: 'doesNotCheck'; readonly job: string; readonly writes: string }
  | { readonly kind: 'kafkaThroughView'; readonly job: string; readonly reads: readonly string[]; readonly shadowGroup: string; readonly groupKey: string };

function badShadowSink(p: BadShadowSink & { readonly env: string }): string {
  const what = ((): string => {
    switch (p.kind) {
      case 'notList': return 'deploy.shadowSinks must be a list of { sink, shadow } tables';
      case 'notTable': return `${p.entry} is not a table declared with table(…)`;
      case 'notPipelineTable': return `${p.entry} ${p.table} is not one of the pipeline's tables`;
      case 'itself': return `${p.entry} shadows ${p.table} with itself`;
      case 'notWritten': return `no job writes ${p.table}, so it has nothing to shadow`;
      case 'shadowWritten': return `the shadow table ${p.table} is written by job '${p.job}'`;
      case 'twoShadows': return `${p.table} has two shadow tables`;
      case 'shadowsTwo': return `${p.table} shadows two sinks`;
      case 'nameTaken': return `job '${p.job}' writes a shadowed sink, and its shadow version would run as '${p.name}', which is another job's name`;
      case 'doesNotCheck': return `job '${p.job}' writing ${p.writes} does not check`;
      case 'kafkaThroughView': return `the shadow release of job '${p.job}' reads Kafka ${p.reads.join(', ')}, where it cannot take a consumer group of its own: it would commit offsets into the live job's group`;
    }
  })();
  return `environment '${p.env}': ${what}`;
}

function badShadowSinkHint(p: BadShadowSink): string {
  switch (p.kind) {
    case 'notList': return 'e.g. shadowSinks: [{ sink: dwsSales, shadow: dwsSalesShadow }]';
    case 'notTable': return 'name the declared table objects: { sink: dwsSales, shadow: dwsSalesShadow }';
    case 'notPipelineTable': return "add it to the pipeline's tables";
    case 'itself': return 'the shadow is another table with the same columns';
    case 'notWritten': return `tables the jobs write: ${p.written.join(', ')}`;
    case 'shadowWritten': return 'a shadow table is written only by a new version during a blue-green release';
    case 'twoShadows': return 'one shadow per sink';
    case 'shadowsTwo': return 'one shadow table per sink';
    case 'nameTaken': return `rename job '${p.name}'`;
    case 'doesNotCheck': return 'the shadow table needs columns that take what the job writes to the sink';
    case 'kafkaThroughView': return `read the Kafka table in the job itself (the shadow then consumes as '${p.shadowGroup}'), or give the view's table no '${p.groupKey}'`;
  }
}

/** Why a promote (or abandon) of a blue-green shadow run cannot happen. */
export type NotPromoted =
  | { readonly kind: 'removed' | 'notShadowed'; readonly job: string; readonly shadowRuns: boolean }
  | { readonly kind: 'staleBuild'; readonly job: string; readonly runs: string; readonly hash: string }
  | { readonly kind: 'noShadowRun'; readonly job: string; readonly build: string; readonly alreadyRuns: boolean }
  | { readonly kind: 'alreadyPromoted' | 'oldNotRunning'; readonly job: string; readonly jobId: string }
  | { readonly kind: 'nothingToAbandon'; readonly job: string }
  | { readonly kind: 'noJob'; readonly pipeline: string; readonly env: string; readonly abandon: boolean };

function notPromoted(p: NotPromoted): string {
  switch (p.kind) {
    case 'removed': return `job '${p.job}': the job is no longer in the pipeline: there is nothing to promote`;
    case 'notShadowed': return `job '${p.job}': it writes no shadowed sink in this environment (deploy.shadowSinks): there is nothing to promote`;
    case 'staleBuild': return `job '${p.job}': its shadow run ${p.runs} is of another build than this one (${p.hash}): the pipeline changed since the shadow started`;
    case 'noShadowRun': return `job '${p.job}': no shadow run of this build is running (${p.build})`;
    case 'alreadyPromoted': return `job '${p.job}': this build already runs; its leftover shadow run ${p.jobId} was cancelled`;
    case 'oldNotRunning': return `job '${p.job}': the version the shadow would take over from is not running (the shadow run ${p.jobId} is left as it is)`;
    case 'nothingToAbandon': return `job '${p.job}': it has no shadow run to abandon`;
    case 'noJob': return `no job of ${p.pipeline} (${p.env}) has a shadow run to ${p.abandon ? 'abandon' : 'promote'}`;
  }
}

function notPromotedHint(p: NotPromoted): string {
  switch (p.kind) {
    case 'removed': return p.shadowRuns ? `cancel its shadow run with ${ABANDON}` : 'deploy to remove it';
    case 'notShadowed': return p.shadowRuns ? `cancel its leftover shadow run with ${ABANDON}` : 'deploy it as usual';
    case 'staleBuild': return `${START_SHADOW} again (it replaces the stale shadow), or cancel it with ${ABANDON}`;
    case 'noShadowRun': return p.alreadyRuns ? 'this build already runs: it was promoted' : START_SHADOW;
    case 'alreadyPromoted': return 'nothing else to do';
    case 'oldNotRunning': return `cancel the shadow with ${ABANDON}, then deploy`;
    case 'nothingToAbandon': return 'nothing to do';
    case 'noJob': return START_SHADOW;
  }
}

/** Why the deployment connection is missing or refused (FTS8102). */
export type MissingConnection =
  | { readonly kind: 'secretsFile' | 'connectionFile'; readonly file: string; readonly reason: string }
  | { readonly kind: 'noSecretValues'; readonly missing: readonly string[] }
  | { readonly kind: 'notConfigured'; readonly what: string; readonly envVar: string; readonly key: string }
  | { readonly kind: 'noStreamparkCredentials' | 'tokenWithoutTeam' | 'noTeam' | 'noVersionId' }
  | { readonly kind: 'signInRefused'; readonly user: string; readonly detail: string | undefined }
  | { readonly kind: 'tokenRefused'; readonly operation: string }
  | { readonly kind: 'tokenNotAllowed'; readonly call: string; readonly operation: string; readonly allowed: readonly string[] }
  | { readonly kind: 'noAlertId'; readonly job: string };

function missingConnection(p: MissingConnection): readonly [message: string, hint: string] {
  switch (p.kind) {
    case 'secretsFile': return [`cannot read the secrets file ${p.file}: ${p.reason}`, 'a JSON object of secret name → value'];
    case 'connectionFile': return [`cannot read the connection file ${p.file}: ${p.reason}`, 'a JSON object of deploy target → its connection settings, e.g. { "gateway": { "url": "…" } }'];
    case 'noSecretValues': return [`no value for the secret(s) ${p.missing.join(', ')}`, `set ${p.missing.map((m) => `FLINKTS_SECRET_${m}`).join(', ')} or pass --secrets <file.json>`];
    case 'notConfigured': return [`no ${p.what} is configured`, `set ${p.envVar}, or pass --connection <file.json> with "${p.key}"`];
    case 'noStreamparkCredentials': return ['no StreamPark credentials: a user and password, or an OpenAPI access token', 'set FLINKTS_STREAMPARK_USERNAME and FLINKTS_STREAMPARK_PASSWORD, or FLINKTS_STREAMPARK_TOKEN with FLINKTS_STREAMPARK_TEAM_ID (or the connection file)'];
    case 'tokenWithoutTeam': return ['an OpenAPI access token needs the StreamPark team id (there is no sign-in to read it from)', 'set FLINKTS_STREAMPARK_TEAM_ID or streampark.teamId in the connection file'];
    case 'signInRefused': return [`StreamPark refused the sign-in of user '${p.user}'${p.detail ? `: ${p.detail}` : ''}`, 'check FLINKTS_STREAMPARK_USERNAME / FLINKTS_STREAMPARK_PASSWORD (or the connection file)'];
    case 'noTeam': return ['no StreamPark team: the user has no last team and none is configured', 'set streampark.teamId in the connection file'];
    case 'tokenRefused': return [`StreamPark refused the OpenAPI access token (${p.operation}): it is unknown or disabled, or its user is locked`, "check the token in StreamPark's token management and FLINKTS_STREAMPARK_TOKEN (or streampark.token in the connection file)"];
    case 'tokenNotAllowed': return [`StreamPark does not let an OpenAPI access token call ${p.call} (${p.operation})`, `list it in the console's streampark.openapi.white-list (a token deploy calls ${p.allowed.join(' ')}), or deploy as a user with FLINKTS_STREAMPARK_USERNAME / FLINKTS_STREAMPARK_PASSWORD`];
    case 'noVersionId': return ['no StreamPark Flink environment id (versionId) is configured', 'set FLINKTS_STREAMPARK_VERSION_ID or streampark.versionId in the connection file'];
    case 'noAlertId': return [`job '${p.job}' alerts on checkpoint failures but no StreamPark alert configuration id (alertId) is configured`, 'set FLINKTS_STREAMPARK_ALERT_ID or streampark.alertId in the connection file'];
  }
}

/** What is wrong with the deploy target or an environment's deploy settings (FTS8106). */
export type BadDeployTarget =
  | { readonly kind: 'unknown'; readonly name: string; readonly suggestion: string | undefined; readonly targets: readonly string[] }
  | { readonly kind: 'noSpec'; readonly target: string; readonly job: string; readonly shadow: boolean }
  | { readonly kind: 'noPlatformSpec'; readonly target: 'alibaba' | 'vvp' | 'streampark'; readonly job: string }
  | { readonly kind: 'otherNamespace'; readonly target: 'alibaba' | 'vvp'; readonly job: string; readonly built: string; readonly namespace: string }
  | { readonly kind: 'health'; readonly env: string; readonly key: string; readonly known: boolean };

const PLATFORM_SPEC = { alibaba: 'Alibaba deployment', vvp: 'VVP deployment', streampark: 'StreamPark form' } as const;

function badDeployTarget(p: BadDeployTarget): readonly [message: string, hint: string] {
  switch (p.kind) {
    case 'unknown': return [`'${p.name}' is not a deploy target`, p.suggestion ?? `deploy targets: ${p.targets.join(', ')}`];
    case 'noSpec': return [`build wrote no ${p.target} spec for ${p.shadow ? 'the shadow job' : 'job'} '${p.job}'`, `add ${p.target} to the pipeline's targets (build writes one spec per job for each of them)`];
    case 'noPlatformSpec': return [`job '${p.job}' has no ${PLATFORM_SPEC[p.target]} (is ${p.target} among the pipeline's targets?)`, `add ${p.target} to the pipeline's targets`];
    case 'otherNamespace': return [
      p.target === 'alibaba' ? `job '${p.job}' is built for ${p.built}, the connection names namespace '${p.namespace}'` : `job '${p.job}' is built for VVP namespace '${p.built}', the connection names '${p.namespace}'`,
      `deploy with the connection of the namespace the job is built for, or build it for '${p.namespace}' (targets.${p.target} of this environment)`,
    ];
    case 'health': return [`environment '${p.env}': deploy.health.${p.key} ${p.known ? 'must be a non-negative whole number' : 'is not a health setting'}`, 'deploy.health takes checkpoints, graceSeconds and timeoutSeconds'];
  }
}

/** Why a savepoint could not be taken or found (FTS8107). */
export type SavepointFailed =
  | { readonly kind: 'flinkFailed'; readonly jobId: string; readonly cause: string }
  | { readonly kind: 'platformFailed'; readonly platform: 'Realtime Compute' | 'VVP'; readonly subject: string }
  | { readonly kind: 'timedOut'; readonly subject: string; readonly seconds: number }
  | { readonly kind: 'notStopped'; readonly subject: string; readonly seconds: number }
  | { readonly kind: 'noSavepointAt'; readonly deployment: string; readonly location: string }
  | { readonly kind: 'stoppedWithout'; readonly platform: 'alibaba' | 'vvp' | 'streampark' | 'gateway'; readonly jobId: string };

function savepointFailed(p: SavepointFailed): readonly [message: string, hint: string] {
  const stopped = 'the job is stopped: start it again from its latest retained checkpoint or savepoint on the platform (rerunning deploy continues from here)';
  switch (p.kind) {
    case 'flinkFailed': return [`Flink could not take a savepoint of job ${p.jobId}: ${p.cause}`, 'the job keeps running as it was; check that it is RUNNING and its checkpoints succeed'];
    case 'platformFailed': return [`${p.platform} could not take a savepoint of ${p.subject}`, "the job keeps running as it was; see the savepoint's failure in the platform's console"];
    case 'timedOut': return [`the savepoint of ${p.subject} did not complete within ${p.seconds} s`, 'a large state can take longer; look at the savepoint on the platform, then run the command again'];
    case 'notStopped': return [`${p.subject} did not stop within ${p.seconds} s`, 'see the application in the StreamPark console; run the command again once it has stopped'];
    case 'noSavepointAt': return [`deployment '${p.deployment}' has no savepoint at ${p.location}`, 'name a savepoint the deployment has (`flinkts savepoint --list`)'];
    case 'stoppedWithout': {
      switch (p.platform) {
        case 'alibaba': return [`job ${p.jobId} stopped without a completed savepoint`, stopped];
        case 'vvp': return [`VVP suspended deployment '${p.jobId}' without a completed savepoint`, stopped];
        case 'streampark': return [`StreamPark stopped application ${p.jobId} but recorded no savepoint`, stopped];
        case 'gateway': return [`STOP JOB '${p.jobId}' WITH SAVEPOINT returned no savepoint path`, stopped];
      }
    }
  }
}

/** Why Flink or the platform rejected a job's SQL or did not start it (FTS8108). */
export type SubmitFailed =
  | { readonly kind: 'statementRejected'; readonly job: string; readonly statement: number; readonly cause: string }
  | { readonly kind: 'notCompiled'; readonly job: string; readonly statement: number | undefined; readonly cause: string }
  | { readonly kind: 'noInsert'; readonly job: string }
  | { readonly kind: 'alibabaFailed'; readonly job: string; readonly jobId: string }
  | { readonly kind: 'vvpFailed'; readonly job: string; readonly why: string }
  | { readonly kind: 'streamparkNotStarted'; readonly job: string; readonly detail: string }
  | { readonly kind: 'streamparkBuildFailed'; readonly id: string };

function submitFailed(p: SubmitFailed): readonly [message: string, hint: string] {
  const verify = 'run `flinkts verify` on the pipeline to see the error at its source line';
  switch (p.kind) {
    case 'statementRejected': return [`Flink rejected statement ${p.statement} of job '${p.job}': ${p.cause}`, verify];
    case 'notCompiled': return [`Flink could not compile job '${p.job}'${p.statement === undefined ? '' : ` (statement ${p.statement})`}: ${p.cause}`, verify];
    case 'noInsert': return [`job '${p.job}' has no INSERT: Flink started no job`, 'a job writes at least one table: give it an INSERT'];
    case 'alibabaFailed': return [`Realtime Compute could not start '${p.job}' (job ${p.jobId} FAILED)`, "see the job's startup log in the console"];
    case 'vvpFailed': return [`VVP could not start deployment '${p.job}' (status FAILED)${p.why === '' ? '' : `: ${p.why}`}`, "see the deployment's events in VVP"];
    case 'streamparkNotStarted': return [`StreamPark did not start '${p.job}': ${p.detail}`, "see the application's start log in the StreamPark console"];
    case 'streamparkBuildFailed': return [`StreamPark could not build application ${p.id} (release FAILED)`, 'see the build log in the StreamPark console (/flink/pipe/detail)'];
  }
}

export const DEPLOY_CODE_TABLE = codeTable({
  endpointFailed: ['FTS8101', 'A deployment endpoint (SQL Gateway, Flink REST, StreamPark, VVP, Alibaba) did not answer, timed out, or answered with an error.', template(
    (p: { readonly operation: string; readonly status: number; readonly detail: string }) =>
      `${p.operation} failed: ${p.status === 0 ? p.detail : `HTTP ${p.status}${p.detail ? `: ${p.detail}` : ''}`}`,
    (p) => (p.status === 0 ? `is the endpoint reachable? R${RERUN.slice(1)}` : RERUN),
  )],
  missingConnection: ['FTS8102', 'Deployment credentials, a secret or an endpoint address are missing (they come from the environment or a file the user names).', template((p: MissingConnection) => missingConnection(p)[0], (p) => missingConnection(p)[1])],
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
  badDeployTarget: ['FTS8106', 'A deploy target that is unknown or not supported for deploying, or an invalid deploy setting of an environment (deploy.health).', template((p: BadDeployTarget) => badDeployTarget(p)[0], (p) => badDeployTarget(p)[1])],
  savepointFailed: ['FTS8107', 'Flink or the platform could not take a savepoint.', template((p: SavepointFailed) => savepointFailed(p)[0], (p) => savepointFailed(p)[1])],
  submitFailed: ['FTS8108', "Flink or the platform rejected a job's SQL while it was submitted or compiled.", template((p: SubmitFailed) => submitFailed(p)[0], (p) => submitFailed(p)[1])],
  badShadowSink: ['FTS8109', "An environment's deploy.shadowSinks does not hold: a table not declared, a sink no job writes, a shadow a job writes, or a shadow job that does not check.", template(badShadowSink, badShadowSinkHint)],
  cannotPromote: ['FTS8110', 'A promote of a blue-green shadow run that cannot happen: the job writes no shadowed sink, no shadow run of this build runs (none, or one of an older build), or the version it would take over from is not running.', template(notPromoted, notPromotedHint)],
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
