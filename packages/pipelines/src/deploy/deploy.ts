/**
 * Plan and deploy one job on a DeployTarget. The platform's labels (the run name carries the artifact hash) and
 * the local record together say what runs, so every step converges on a rerun: a version already running is
 * adopted, never started twice; a stop whose successor did not start leaves a pending savepoint the rerun starts
 * from; a blue-green leftover is stopped with a savepoint, a leftover shadow run
 * (`<job>-shadow`, blue-green through shadow sinks) is adopted while the old version still runs and cancelled
 * otherwise. A version that a target started from a compiled plan is recorded with that plan, and the next start
 * from its savepoint pins its operator ids to it. With manual promotion a healthy shadow run is left beside the old
 * version until `promoteJob` (or `abandonShadow`).
 */
import { createHash } from 'node:crypto';
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { DEPLOY_CODES, DEPLOY_TEXTS } from './codes.js';
import type { NotPromoted } from './codes.js';
import type { CompiledPlanJson } from './compiled-plan.js';
import { awaitHealthy } from './health.js';
import type { HealthPolicy, HealthResult } from './health.js';
import type { PlanCompiler } from './plan-compiler.js';
import { currentVersion, withVersion } from './records.js';
import type { DeployedVersion, DeploymentRecords, JobRecord } from './records.js';
import { compareCompiledPlans, coordinatedSources } from './state-compat.js';
import { withKafkaSubscriptionChanges } from './kafka-subscription.js';
import type { OperatorIdMode, StateCompatibility } from './state-compat.js';
import { diffStatements, settingChanges } from './statement-diff.js';
import type { StatementDiff } from './statement-diff.js';
import { shadowJobName } from './target.js';
import type { DeployTarget, JobArtifact, RunningJob, ShadowRelease } from './target.js';

export function artifactOf(job: string, statements: readonly string[], spec?: string): JobArtifact {
  const h = createHash('sha256');
  for (const s of statements) h.update(s).update('\0');
  if (spec !== undefined) h.update('\0spec\0').update(spec);
  return { job, statements, hash: h.digest('hex'), ...(spec === undefined ? {} : { spec }) };
}

export interface Deployer {
  readonly target: DeployTarget;
  readonly records: DeploymentRecords;
  readonly compiler: PlanCompiler;
  readonly progress: (line: string) => void;
}

export type JobAction = 'create' | 'update' | 'unchanged' | 'removed' | 'resume';

export interface JobPlan {
  readonly job: string;
  readonly action: JobAction;
  readonly running: readonly RunningJob[];
  readonly deployed?: DeployedVersion;
  readonly artifact?: JobArtifact;
  readonly diff?: StatementDiff;
  readonly settings?: readonly { readonly key: string; readonly from?: string; readonly to?: string }[];
  /** State compatibility of an update (from the deployed and the new compiled plans). */
  readonly state?: StateCompatibility;
  /** How the operators of both versions get their ids (which decides where Flink sends each piece of state). */
  readonly operatorIds?: OperatorIdMode;
  readonly compiledPlan?: CompiledPlanJson;
  /** Why the new version's plan could not be compiled here (a connector that reaches its system while planning). */
  readonly compileProblem?: string;
  /** Active runs of the job's shadow version (`<job>-shadow`), when the build has one or one was started. */
  readonly shadowRuns?: readonly RunningJob[];
}

const short = (hash: string): string => hash.slice(0, 12);

/** What deploying `artifact` (undefined: the job left the pipeline) would do; reads only. */
export async function planJob(d: Deployer, job: string, artifact: JobArtifact | undefined): Promise<JobPlan> {
  const record = d.records.read(job);
  const running = await d.target.running(job);
  const deployed = currentVersion(record) ?? record.versions.find((v) => v.version === record.pending?.version);
  // a shadow version runs under its own name; looked for only when there is one (a job may be named `x-shadow`)
  const shadowRuns = artifact?.shadow !== undefined || record.shadow !== undefined ? await d.target.running(shadowJobName(job)) : [];
  const base = { job, running, ...(deployed === undefined ? {} : { deployed }), ...(shadowRuns.length > 0 ? { shadowRuns } : {}) };
  if (artifact === undefined) return { ...base, action: running.length > 0 || deployed !== undefined ? 'removed' : 'unchanged' };
  if (running.some((r) => r.hash === short(artifact.hash))) return { ...base, artifact, action: 'unchanged' };
  const mode: OperatorIdMode = !d.target.submitsPlans ? 'generated' : deployed?.startedFromPlan === true ? 'pinned' : 'to-pinned';
  // a target given SQL: Flink generates the operator ids, and Flink computes them for both versions here
  const withIds = mode === 'generated' && deployed !== undefined && d.compiler.compileWithIds !== undefined;
  let compiledPlan: CompiledPlanJson | undefined;
  let compileProblem: string | undefined;
  let generated: { before: Awaited<ReturnType<NonNullable<PlanCompiler['compileWithIds']>>>; after: Awaited<ReturnType<NonNullable<PlanCompiler['compileWithIds']>>> } | undefined;
  try {
    if (withIds) {
      const after = await d.compiler.compileWithIds!(job, artifact.statements);
      compiledPlan = after.plan;
      generated = { before: await d.compiler.compileWithIds!(job, deployed!.statements), after };
    } else {
      compiledPlan = await d.compiler.compile(job, artifact.statements);
    }
  } catch (e) {
    // a connector that must reach its system to plan (StarRocks reads the table schema) cannot be compiled here
    if (!(e instanceof FlinktsError) || e.diagnostics[0]?.code !== DEPLOY_CODES.submitFailed) throw e;
    compileProblem = e.diagnostics[0].message;
  }
  const compiled = { ...(compiledPlan === undefined ? {} : { compiledPlan }), ...(compileProblem === undefined ? {} : { compileProblem }) };
  if (deployed === undefined) return { ...base, artifact, ...compiled, action: running.length > 0 ? 'update' : 'create' };
  const diff = diffStatements(deployed.statements, artifact.statements);
  const settings = settingChanges(deployed.statements, artifact.statements);
  // pinned ids: which of the deployed version's sources have a split enumerator (state a removed one leaves behind)
  const coordinated = mode === 'pinned' && compiledPlan !== undefined && d.compiler.compileWithIds !== undefined
    ? await d.compiler.compileWithIds(job, deployed.statements).then((r) => coordinatedSources(r.plan, r.operatorIds), () => undefined)
    : undefined;
  const compared = generated !== undefined
    ? compareCompiledPlans(generated.before.plan, generated.after.plan, 'generated', { before: generated.before.operatorIds, after: generated.after.operatorIds })
    : deployed.compiledPlan === undefined || compiledPlan === undefined ? undefined : compareCompiledPlans(deployed.compiledPlan, compiledPlan, mode, undefined, coordinated);
  const beforePlan = generated?.before.plan ?? deployed.compiledPlan;
  const state = compared === undefined || beforePlan === undefined || compiledPlan === undefined
    ? compared
    : withKafkaSubscriptionChanges(compared, beforePlan, compiledPlan, deployed.statements, artifact.statements);
  const action: JobAction = record.pending !== undefined && running.length === 0 && deployed.hash === artifact.hash ? 'resume' : 'update';
  return { ...base, artifact, ...compiled, diff, settings, ...(state === undefined ? {} : { state, operatorIds: mode }), action };
}

export interface DeployOptions {
  readonly strategy: 'restart' | 'blue-green';
  readonly autoRollback: boolean;
  /** Accept an update whose old state partly maps to no operator (that state is dropped). */
  readonly allowNonRestoredState: boolean;
  /** Accept an update whose state cannot be restored at all: the new version starts without state. */
  readonly startWithoutState: boolean;
  readonly health: HealthPolicy;
  readonly secrets?: ReadonlyMap<string, string>;
  /**
   * Blue-green through shadow sinks: the healthy shadow version takes over the sinks by itself (`auto`, the
   * default), or keeps running beside the old version until `promoteJob` (`manual`).
   */
  readonly promote?: 'auto' | 'manual';
}

export interface DeployOutcome {
  readonly job: string;
  /** `shadow`: the new version runs as a shadow beside the old one, waiting to be promoted; `abandoned`: a shadow run was cancelled. */
  readonly action: JobAction | 'rolled-back' | 'shadow' | 'abandoned';
  readonly version?: number;
  readonly jobId?: string;
  readonly savepoint?: string;
  readonly restoredFrom?: string;
  readonly health?: HealthResult;
  /** A blue-green release through shadow sinks: the run that wrote the shadow tables, and its health. */
  readonly shadow?: { readonly jobId: string; readonly health: HealthResult };
}

const now = (): string => new Date().toISOString();

/** The version number of `hash` in the record (a hash deployed before keeps its number), or the next one. */
function versionFor(record: JobRecord, hash: string): number {
  return record.versions.find((v) => v.hash === hash)?.version ?? (record.versions.reduce((m, v) => Math.max(m, v.version), 0) + 1);
}

function refuseState(plan: JobPlan, opts: DeployOptions): void {
  const state = plan.state;
  if (state === undefined || state.verdict === 'safe') return;
  if (state.verdict === 'state-dropped' && (opts.allowNonRestoredState || opts.startWithoutState)) return;
  if ((state.verdict === 'restore-fails' || state.verdict === 'state-misrouted') && opts.startWithoutState) return;
  const lines = state.findings.filter((f) => f.consequence !== 'safe').map((f) => `  ${f.operator}: ${f.change} → ${f.consequence}`).join('\n');
  throw new FlinktsError([{
    ...textFields(DEPLOY_TEXTS.stateIncompatible({ job: plan.job, findings: lines, verdict: state.verdict })),
    severity: 'error',
  }]);
}

/**
 * Starts (or adopts) a version. `from` is the version whose savepoint `restoreFrom` is: a target that submits
 * compiled plans pins the new plan's operator ids to that version's plan.
 */
async function startVersion(d: Deployer, artifact: JobArtifact, compiledPlan: CompiledPlanJson | undefined, restoreFrom: string | undefined, opts: DeployOptions, allowNonRestored: boolean, from?: DeployedVersion): Promise<{ version: number; jobId: string }> {
  const record = d.records.read(artifact.job);
  const version = versionFor(record, artifact.hash);
  // a start whose answer was lost: the platform already runs this version — adopt it, never start a second
  const already = (await d.target.running(artifact.job)).find((r) => r.hash === short(artifact.hash));
  const pinTo = from?.startedFromPlan === true ? from.compiledPlan : undefined;
  // the platform keeps the same record beside the job as the local one (platform-record.ts)
  const deployedAt = now();
  const started = already ?? await d.target.start(artifact, { ...(restoreFrom === undefined ? {} : { restoreFrom }), allowNonRestoredState: allowNonRestored, ...(opts.secrets === undefined ? {} : { secrets: opts.secrets }), ...(pinTo === undefined ? {} : { pinTo }), record: { version, deployedAt } });
  d.progress(`  ${already ? 'already running' : 'started'}: version ${version} (${short(artifact.hash)}), job ${started.jobId}${restoreFrom ? `, restored from ${restoreFrom}` : ''}`);
  for (const w of started.warnings ?? []) d.progress(`  warning ${w.code}: ${w.message}${w.hint ? ` (${w.hint})` : ''}`);
  d.records.update(artifact.job, (r) => {
    const prior = r.versions.find((v) => v.version === version);
    // the plan the job runs from (its pinned ids) when the target submitted one, else the plan `plan` compiled
    const plan = started.submittedPlan ?? (already !== undefined && prior?.startedFromPlan === true ? prior.compiledPlan : undefined);
    const v: DeployedVersion = {
      version, hash: artifact.hash, statements: artifact.statements, ...(artifact.spec === undefined ? {} : { spec: artifact.spec }),
      ...(plan !== undefined ? { compiledPlan: plan, startedFromPlan: true } : compiledPlan ?? prior?.compiledPlan ? { compiledPlan: compiledPlan ?? prior?.compiledPlan } : {}),
      deployedAt: already === undefined ? deployedAt : prior?.deployedAt ?? started.record?.deployedAt ?? deployedAt, jobId: started.jobId, ...(restoreFrom === undefined ? {} : { restoredFrom: restoreFrom }),
    };
    const { pending: _done, ...rest } = r;
    return withVersion({ ...rest, current: version }, v);
  });
  return { version, jobId: started.jobId };
}

/** Stops a run with a savepoint and records it (the pending step a rerun resumes from). */
async function stopRecorded(d: Deployer, job: string, run: RunningJob, version: number | undefined): Promise<string> {
  d.progress(`  stopping job ${run.jobId} with a savepoint …`);
  const savepoint = await d.target.stopWithSavepoint(run.jobId);
  d.records.update(job, (r) => {
    const v = version === undefined ? undefined : r.versions.find((x) => x.version === version);
    const next: JobRecord = { ...r, savepoints: [...r.savepoints, { path: savepoint, takenAt: now(), version: version ?? 0, kind: 'stop' }], pending: { version: version ?? 0, savepoint, startedAt: now() } };
    const { current: _c, ...rest } = next;
    return v === undefined ? rest : withVersion(rest, { ...v, stoppedWith: savepoint });
  });
  d.progress(`  savepoint ${savepoint}`);
  return savepoint;
}

/** Cancels the job's shadow runs (a leftover, or one not wanted any more) and clears the record of it. */
async function cancelShadowRuns(d: Deployer, job: string, runs: readonly RunningJob[]): Promise<void> {
  for (const s of runs) {
    d.progress(`  cancelling the shadow run ${s.jobId}`);
    await d.target.cancel(s.jobId);
  }
  if (d.records.read(job).shadow !== undefined) d.records.update(job, (r) => { const { shadow: _s, ...rest } = r; return rest; });
}

export async function deployJob(d: Deployer, jobPlan: JobPlan, opts: DeployOptions): Promise<DeployOutcome> {
  const plan = jobPlan;
  const { job } = plan;
  const shadowRuns = plan.shadowRuns ?? [];
  if (plan.action === 'unchanged' || plan.artifact === undefined) {
    if (plan.action === 'removed') {
      await cancelShadowRuns(d, job, shadowRuns);
      return removeJob(d, plan);
    }
    await cancelShadowRuns(d, job, shadowRuns);
    const adopted = plan.artifact === undefined ? undefined : plan.running.find((r) => r.hash === short(plan.artifact!.hash));
    if (adopted !== undefined && plan.artifact !== undefined && plan.deployed?.hash !== plan.artifact.hash) {
      // the platform runs this version but the record missed it (an interrupted deploy): record it
      await startVersion(d, plan.artifact, plan.compiledPlan, undefined, opts, false);
    }
    for (const leftover of plan.running.filter((r) => plan.artifact !== undefined && r.hash !== short(plan.artifact.hash))) {
      d.progress(`  a leftover run of an earlier version (job ${leftover.jobId}) is stopped`);
      await stopRecorded(d, job, leftover, d.records.read(job).versions.find((v) => short(v.hash) === leftover.hash)?.version);
      d.records.update(job, (r) => { const { pending: _p, ...rest } = r; return { ...rest, current: versionFor(r, plan.artifact!.hash) }; });
    }
    return { job, action: 'unchanged', ...(adopted ? { jobId: adopted.jobId } : {}) };
  }
  refuseState(plan, opts);
  const artifact = plan.artifact;
  const allowNonRestored = opts.allowNonRestoredState || plan.state?.verdict === 'state-dropped';
  const fresh = opts.startWithoutState && (plan.state?.verdict === 'restore-fails' || plan.state?.verdict === 'state-misrouted');
  const previous = plan.deployed;
  const old = plan.running.find((r) => previous !== undefined && r.hash === short(previous.hash)) ?? plan.running[0];

  if (opts.strategy === 'blue-green' && old !== undefined && artifact.shadow !== undefined) {
    const { run, health } = await runShadow(d, plan, opts, old, fresh, allowNonRestored);
    if (opts.promote === 'manual') {
      d.progress(`  the shadow run ${run.jobId} is healthy and keeps running beside job ${old.jobId}: promote it with \`flinkts promote\` (or cancel it with \`flinkts promote --abandon\`)`);
      return { job, action: 'shadow', jobId: old.jobId, shadow: { jobId: run.jobId, health } };
    }
    const outcome = await takeOver(d, plan, opts, old, [run], fresh, allowNonRestored);
    return { ...outcome, shadow: { jobId: run.jobId, health } };
  }
  await cancelShadowRuns(d, job, shadowRuns);

  if (opts.strategy === 'blue-green' && old !== undefined) {
    d.progress(`  blue-green: savepoint of the running job ${old.jobId} (it keeps running) …`);
    const savepoint = await d.target.savepoint(old.jobId);
    d.records.update(job, (r) => ({ ...r, savepoints: [...r.savepoints, { path: savepoint, takenAt: now(), version: previous?.version ?? 0, kind: 'trigger' }] }));
    const started = await startVersion(d, artifact, plan.compiledPlan, fresh ? undefined : savepoint, opts, allowNonRestored, previous);
    const health = await awaitHealthy(d.target, started.jobId, opts.health, d.progress);
    if (!health.healthy) {
      d.progress(`  the new version is not healthy (${health.reason}): cancelling it, the old one keeps running`);
      await d.target.cancel(started.jobId);
      d.records.update(job, (r) => ({ ...r, ...(previous === undefined ? {} : { current: previous.version }) }));
      throw unhealthy(job, health.reason, true);
    }
    const finalSavepoint = await stopRecorded(d, job, old, previous?.version);
    d.records.update(job, (r) => { const { pending: _p, ...rest } = r; return { ...rest, current: started.version }; });
    return { job, action: plan.action, version: started.version, jobId: started.jobId, savepoint: finalSavepoint, restoredFrom: savepoint, health };
  }

  return restartFrom(d, plan, opts, old, previous, fresh, allowNonRestored);
}

/**
 * Starts (or adopts) the shadow version beside the running one, from a savepoint of it, and waits for its health;
 * an unhealthy shadow is cancelled (the old version keeps running and keeps the sinks).
 */
async function runShadow(d: Deployer, plan: JobPlan, opts: DeployOptions, old: RunningJob, fresh: boolean, allowNonRestored: boolean): Promise<{ run: RunningJob; health: HealthResult & { healthy: true } }> {
  const { job } = plan;
  const shadow = (plan.artifact as JobArtifact).shadow as ShadowRelease;
  const previous = plan.deployed;
  const tables = shadow.tables.map((t) => `${t.shadow} (for ${t.sink})`).join(', ');
  const runs = plan.shadowRuns ?? [];
  let run = runs.find((r) => r.hash === short(shadow.artifact.hash));
  // a shadow of another build (the pipeline changed since it started) is not this release's
  await cancelShadowRuns(d, job, runs.filter((r) => r !== run));
  if (run === undefined) {
    d.progress(`  blue-green: savepoint of the running job ${old.jobId} (it keeps running) …`);
    const savepoint = await d.target.savepoint(old.jobId);
    d.records.update(job, (r) => ({ ...r, savepoints: [...r.savepoints, { path: savepoint, takenAt: now(), version: previous?.version ?? 0, kind: 'trigger' }] }));
    d.progress(`  blue-green: the new version starts beside it as ${shadow.artifact.job}, writing ${tables}${fresh ? '' : `, from ${savepoint}`}`);
    const pinTo = previous?.startedFromPlan === true ? previous.compiledPlan : undefined;
    const started = await d.target.start(shadow.artifact, {
      ...(fresh ? {} : { restoreFrom: savepoint, savepointOf: job }), allowNonRestoredState: allowNonRestored, ...(opts.secrets === undefined ? {} : { secrets: opts.secrets }),
      record: { version: versionFor(d.records.read(job), (plan.artifact as JobArtifact).hash), deployedAt: now() },
      ...(pinTo === undefined ? {} : { pinTo, tableRenames: new Map(shadow.tables.map((t) => [t.shadow, t.sink])) }),
    });
    run = started;
    d.records.update(job, (r) => ({ ...r, shadow: { hash: shadow.artifact.hash, jobId: started.jobId, ...(fresh ? {} : { restoredFrom: savepoint }), startedAt: now() } }));
  } else {
    d.progress(`  blue-green: the shadow run ${run.jobId} (writing ${tables}) is already running`);
    const jobId = run.jobId;
    d.records.update(job, (r) => ({ ...r, shadow: { ...(r.shadow ?? { startedAt: now() }), hash: shadow.artifact.hash, jobId } }));
  }
  const health = await awaitHealthy(d.target, run.jobId, opts.health, d.progress);
  if (!health.healthy) {
    d.progress(`  the shadow run is not healthy (${health.reason}): cancelling it, the old version keeps running`);
    await cancelShadowRuns(d, job, [run]);
    throw unhealthy(job, health.reason, true);
  }
  d.records.update(job, (r) => (r.shadow === undefined ? r : { ...r, shadow: { ...r.shadow, healthyRestarts: health.sample.restarts } }));
  return { run, health };
}

/**
 * The shadow run is cancelled and the new version takes over the sinks from the old one's final savepoint. The
 * record says a promotion is under way until it is done, so a rerun after a failure in between carries it on.
 */
async function takeOver(d: Deployer, plan: JobPlan, opts: DeployOptions, old: RunningJob | undefined, runs: readonly RunningJob[], fresh: boolean, allowNonRestored: boolean): Promise<DeployOutcome> {
  const shadow = (plan.artifact as JobArtifact).shadow as ShadowRelease;
  const { job } = plan;
  d.progress(`  promoting: the shadow run ${runs.map((r) => r.jobId).join(', ') || '(already cancelled)'} is cancelled and the new version takes over ${shadow.tables.map((t) => t.sink).join(', ')} from the old one's final savepoint`);
  d.records.update(job, (r) => ({ ...r, shadow: { ...(r.shadow ?? { jobId: runs[0]?.jobId ?? '', startedAt: now() }), hash: shadow.artifact.hash, promoting: true } }));
  for (const s of runs) await d.target.cancel(s.jobId);
  const clear = (): void => { d.records.update(job, (r) => { const { shadow: _s, ...rest } = r; return rest; }); };
  try {
    const outcome = await restartFrom(d, plan, opts, old, plan.deployed, fresh, allowNonRestored);
    clear();
    return outcome;
  } catch (e) {
    // an unhealthy new version ends the promotion (the shadow is gone); anything else is carried on by a rerun
    if (e instanceof FlinktsError && e.diagnostics[0]?.code === DEPLOY_CODES.unhealthy) clear();
    throw e;
  }
}

function notPromoted(payload: NotPromoted): FlinktsError {
  return new FlinktsError([{ ...textFields(DEPLOY_TEXTS.cannotPromote(payload)), severity: 'error' }]);
}

/**
 * The manual promote step of a blue-green release through shadow sinks: the shadow run this build started (by
 * `deployJob` with `promote: 'manual'`) must still run, unrestarted since it was found healthy, beside the old
 * version; it is then cancelled, and the new version takes over the sinks from the old one's final savepoint (the
 * same state check, health check and auto-rollback as any update). Anything else is FTS8110, and nothing changes.
 */
export async function promoteJob(d: Deployer, plan: JobPlan, opts: DeployOptions): Promise<DeployOutcome> {
  const { job } = plan;
  const shadow = plan.artifact?.shadow;
  const runs = plan.shadowRuns ?? [];
  if (plan.artifact === undefined) throw notPromoted({ kind: 'removed', job, shadowRuns: runs.length > 0 });
  if (shadow === undefined) throw notPromoted({ kind: 'notShadowed', job, shadowRuns: runs.length > 0 });
  const run = runs.find((r) => r.hash === short(shadow.artifact.hash));
  const recorded = d.records.read(job).shadow;
  const fresh = opts.startWithoutState && (plan.state?.verdict === 'restore-fails' || plan.state?.verdict === 'state-misrouted');
  const allowNonRestored = opts.allowNonRestoredState || plan.state?.verdict === 'state-dropped';
  if (recorded?.promoting === true && recorded.hash === shadow.artifact.hash && plan.action !== 'unchanged') {
    // a promotion of this build that stopped part-way (the platform failed between its steps): carried on
    d.progress('  carrying on the promotion that stopped part-way');
    const previous = plan.deployed;
    const old = plan.running.find((r) => previous !== undefined && r.hash === short(previous.hash)) ?? plan.running[0];
    return takeOver(d, plan, opts, old, runs, fresh, allowNonRestored);
  }
  if (run === undefined) {
    if (runs.length > 0) {
      throw notPromoted({ kind: 'staleBuild', job, runs: runs.map((r) => `${r.jobId} (${r.hash ?? 'unlabelled'})`).join(', '), hash: short(shadow.artifact.hash) });
    }
    throw notPromoted({ kind: 'noShadowRun', job, build: `${shadow.artifact.job} ${short(shadow.artifact.hash)}`, alreadyRuns: plan.action === 'unchanged' });
  }
  if (plan.action === 'unchanged') {
    await cancelShadowRuns(d, job, runs);
    throw notPromoted({ kind: 'alreadyPromoted', job, jobId: run.jobId });
  }
  const previous = plan.deployed;
  const old = plan.running.find((r) => previous !== undefined && r.hash === short(previous.hash)) ?? plan.running[0];
  if (old === undefined) throw notPromoted({ kind: 'oldNotRunning', job, jobId: run.jobId });
  refuseState(plan, opts);
  const sample = await d.target.health(run.jobId);
  if (sample.state !== 'RUNNING') {
    throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.unhealthy({ kind: 'shadowState', job, jobId: run.jobId, state: sample.state })), severity: 'error' }]);
  }
  if (recorded?.healthyRestarts !== undefined && sample.restarts > recorded.healthyRestarts) {
    throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.unhealthy({ kind: 'shadowRestarted', job, jobId: run.jobId, restarts: sample.restarts - recorded.healthyRestarts })), severity: 'error' }]);
  }
  return takeOver(d, plan, opts, old, [run], fresh, allowNonRestored);
}

/** Cancels a job's shadow runs without touching the running version (the release is given up). */
export async function abandonShadow(d: Deployer, plan: JobPlan): Promise<DeployOutcome> {
  const runs = plan.shadowRuns ?? [];
  if (runs.length === 0) throw notPromoted({ kind: 'nothingToAbandon', job: plan.job });
  await cancelShadowRuns(d, plan.job, runs);
  return { job: plan.job, action: 'abandoned', jobId: runs[0]!.jobId };
}

/** Stop (the old run, with a savepoint) and start the new version from that savepoint (or the pending one); health; auto-rollback. */
async function restartFrom(d: Deployer, plan: JobPlan, opts: DeployOptions, old: RunningJob | undefined, previous: DeployedVersion | undefined, fresh: boolean, allowNonRestored: boolean): Promise<DeployOutcome> {
  const { job } = plan;
  const artifact = plan.artifact as JobArtifact;
  let restoreFrom: string | undefined;
  let from = previous;
  if (old !== undefined) restoreFrom = await stopRecorded(d, job, old, previous?.version);
  else {
    const { pending, versions } = d.records.read(job);
    restoreFrom = pending?.savepoint;
    from = versions.find((v) => v.version === pending?.version) ?? previous;
  }
  const started = await startVersion(d, artifact, plan.compiledPlan, fresh ? undefined : restoreFrom, opts, allowNonRestored, from);
  const health = await awaitHealthy(d.target, started.jobId, opts.health, d.progress);
  if (health.healthy) return { job, action: plan.action, version: started.version, jobId: started.jobId, ...(restoreFrom ? { savepoint: restoreFrom } : {}), ...(fresh || restoreFrom === undefined ? {} : { restoredFrom: restoreFrom }), health };
  if (!opts.autoRollback || previous === undefined || restoreFrom === undefined) throw unhealthy(job, health.reason, false);
  d.progress(`  not healthy (${health.reason}): rolling back to version ${previous.version} from ${restoreFrom}`);
  await d.target.cancel(started.jobId);
  const back = await startVersion(d, artifactOf(job, previous.statements, previous.spec), previous.compiledPlan, restoreFrom, opts, false, previous);
  return { job, action: 'rolled-back', version: back.version, jobId: back.jobId, restoredFrom: restoreFrom, health };
}

function unhealthy(job: string, reason: string, oldKept: boolean): FlinktsError {
  return new FlinktsError([{ ...textFields(DEPLOY_TEXTS.unhealthy({ kind: 'newVersion', job, reason, oldKept })), severity: 'error' }]);
}

async function removeJob(d: Deployer, plan: JobPlan): Promise<DeployOutcome> {
  let savepoint: string | undefined;
  for (const run of plan.running) savepoint = await stopRecorded(d, plan.job, run, plan.deployed?.version);
  d.records.update(plan.job, (r) => { const { pending: _p, current: _c, ...rest } = r; return rest; });
  return { job: plan.job, action: 'removed', ...(savepoint ? { savepoint } : {}) };
}

/**
 * Runs an earlier version again (default: the one before the current), from the savepoint that version stopped
 * with — its own state — after stopping the current one with a savepoint.
 */
export async function rollbackJob(d: Deployer, job: string, to: number | undefined, opts: DeployOptions): Promise<DeployOutcome> {
  const record = d.records.read(job);
  const current = currentVersion(record);
  const target = to === undefined
    ? [...record.versions].reverse().find((v) => v.version !== current?.version && v.stoppedWith !== undefined)
    : record.versions.find((v) => v.version === to);
  if (target === undefined) {
    throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.unknownDeployment({ kind: 'noVersion', job, version: to, deployed: record.versions.map((v) => `${v.version} (${v.deployedAt})`) })), severity: 'error' }]);
  }
  for (const run of await d.target.running(job)) {
    if (run.hash === short(target.hash)) return { job, action: 'unchanged', version: target.version, jobId: run.jobId };
    await stopRecorded(d, job, run, record.versions.find((v) => short(v.hash) === run.hash)?.version);
  }
  const restoreFrom = target.stoppedWith;
  d.progress(`  starting version ${target.version}${restoreFrom ? ` from its savepoint ${restoreFrom}` : ' without state (it never stopped with a savepoint)'}`);
  const started = await startVersion(d, artifactOf(job, target.statements, target.spec), target.compiledPlan, restoreFrom, opts, opts.allowNonRestoredState, target);
  const health = await awaitHealthy(d.target, started.jobId, opts.health, d.progress);
  if (!health.healthy) throw unhealthy(job, health.reason, false);
  return { job, action: 'rolled-back', version: started.version, jobId: started.jobId, ...(restoreFrom ? { restoredFrom: restoreFrom } : {}), health };
}
