/**
 * Deploying to a Flink cluster through its SQL Gateway (REST v2) and Flink's REST API: each start runs the job's
 * statements in a fresh gateway session, with `pipeline.name` set to the job and `execution.state-recovery.path`
 * to the savepoint it restores from; stop is `STOP JOB '<id>' WITH SAVEPOINT`.
 *
 * With a plan directory the gateway shares (its own machine's file system), the job's INSERT / statement set is
 * started as a compiled plan: `COMPILE PLAN` writes it there, its node ids are pinned to those of the version
 * whose savepoint is restored (operator-ids.ts), and `EXECUTE PLAN` starts it — every operator then runs under
 * the uid `<node id>_<transformation>`, so state follows its operator. The plan files hold the secret values the
 * statements were filled with and are deleted as soon as the job is submitted.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { DEPLOY_TEXTS } from './codes.js';
import { FlinkRestClient } from './flink-rest.js';
import { SqlGatewayClient } from './sql-gateway.js';
import { EndpointError } from './http.js';
import { fillSecrets } from './credentials.js';
import type { CompiledPlanJson } from './compiled-plan.js';
import { pinOperatorIds } from './operator-ids.js';
import { parseRunName, runName } from './target.js';
import type { DeployTarget, HealthSample, JobArtifact, RunningJob, StartOptions } from './target.js';
import { checkEndpointUrl, checkNameArgument } from '../arguments.js';
import { checkArtifact, checkStartOptions } from './target-arguments.js';

/** A platform's message with every secret value replaced by `***` (it may echo the statement it rejected). */
function redact(text: string, secrets: ReadonlyMap<string, string> | undefined): string {
  let out = text;
  for (const v of secrets?.values() ?? []) if (v.length > 0) out = out.split(v).join('***');
  return out;
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** What follows `COMPILE PLAN '…' FOR` for a job statement (`INSERT …` or `EXECUTE STATEMENT SET …`), else undefined. */
export function compileTarget(statement: string): string | undefined {
  const body = statement.replace(/^(\s+|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)*/, '');
  if (/^INSERT\s/i.test(body)) return body;
  const set = /^EXECUTE\s+(STATEMENT\s+SET\s[\s\S]*)$/i.exec(body);
  return set?.[1];
}

/** The plan with every secret value replaced by its placeholder again (the plan records the filled options). */
function withPlaceholders(plan: CompiledPlanJson, secrets: ReadonlyMap<string, string> | undefined): CompiledPlanJson {
  let text = JSON.stringify(plan);
  for (const [name, value] of secrets ?? []) {
    if (value.length > 0) text = text.split(JSON.stringify(value).slice(1, -1)).join(`\${${name}}`);
  }
  return JSON.parse(text) as CompiledPlanJson;
}

export class GatewayTarget implements DeployTarget {
  readonly name = 'gateway';
  readonly resolvesPlaceholders = false;
  readonly submitsPlans: boolean;
  private readonly gateway: SqlGatewayClient;
  private readonly rest: FlinkRestClient;

  /** @param planDir a directory the gateway reads and writes (on its machine): jobs then start as compiled plans. */
  constructor(readonly gatewayUrl: string, readonly restUrl: string, readonly planDir?: string) {
    checkEndpointUrl('new GatewayTarget()', 'gatewayUrl', gatewayUrl);
    checkEndpointUrl('new GatewayTarget()', 'restUrl', restUrl);
    if (planDir !== undefined) checkNameArgument('new GatewayTarget()', 'planDir', planDir);
    this.gateway = new SqlGatewayClient(gatewayUrl);
    this.rest = new FlinkRestClient(restUrl);
    this.submitsPlans = planDir !== undefined;
  }

  async running(job: string): Promise<readonly RunningJob[]> {
    checkNameArgument('GatewayTarget.running()', 'job', job);
    const terminal = new Set(['FINISHED', 'CANCELED', 'FAILED']);
    const out: RunningJob[] = [];
    for (const j of await this.rest.jobs()) {
      const label = parseRunName(j.name);
      if (label?.job === job && !terminal.has(j.state)) out.push({ jobId: j.jid, state: j.state, hash: label.hash });
    }
    return out;
  }

  async start(artifact: JobArtifact, options: StartOptions): Promise<RunningJob> {
    checkArtifact('GatewayTarget.start()', artifact);
    checkStartOptions('GatewayTarget.start()', options);
    const properties: Record<string, string> = { 'pipeline.name': runName(artifact.job, artifact.hash) };
    if (options.restoreFrom !== undefined) {
      properties['execution.state-recovery.path'] = options.restoreFrom;
      properties['execution.state-recovery.ignore-unclaimed-state'] = String(options.allowNonRestoredState === true);
    }
    const session = await this.gateway.openSession(properties, `flinkts-${artifact.job}`);
    const run = async (i: number, statement: string) => {
      try {
        return await session.execute(statement);
      } catch (e) {
        if (e instanceof EndpointError && e.status >= 400 && e.status < 600) {
          const cause = redact(e.diagnostics[0]?.message.replace(/^.*?HTTP \d+: /, '') ?? '', options.secrets);
          throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.submitFailed({ kind: 'statementRejected', job: artifact.job, statement: i + 1, cause })), severity: 'error' }]);
        }
        throw e;
      }
    };
    try {
      let jobId: string | undefined;
      let submittedPlan: CompiledPlanJson | undefined;
      const statements = options.secrets === undefined ? artifact.statements : fillSecrets(artifact.statements, options.secrets);
      for (const [i, statement] of statements.entries()) {
        const job = this.planDir === undefined ? undefined : compileTarget(statement);
        if (job === undefined || this.planDir === undefined) {
          jobId ??= (await run(i, statement)).jobId;
          continue;
        }
        mkdirSync(this.planDir, { recursive: true });
        const dir = mkdtempSync(join(this.planDir, 'flinkts-plan-'));
        try {
          const compiled = join(dir, 'compiled.json');
          const pinned = join(dir, 'pinned.json');
          await run(i, `COMPILE PLAN ${quote(compiled)} FOR ${job}`);
          const fresh = JSON.parse(readFileSync(compiled, 'utf8')) as CompiledPlanJson;
          const plan = options.pinTo === undefined ? fresh : pinOperatorIds(options.pinTo, fresh, options.tableRenames).plan;
          writeFileSync(pinned, JSON.stringify(plan));
          jobId ??= (await run(i, `EXECUTE PLAN ${quote(pinned)}`)).jobId;
          submittedPlan = withPlaceholders(plan, options.secrets);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      if (jobId === undefined) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.submitFailed({ kind: 'noInsert', job: artifact.job })), severity: 'error' }]);
      return { jobId, state: (await this.rest.job(jobId)).state, ...(submittedPlan === undefined ? {} : { submittedPlan }) };
    } finally {
      await session.close();
    }
  }

  async stopWithSavepoint(jobId: string): Promise<string> {
    checkNameArgument('GatewayTarget.stopWithSavepoint()', 'jobId', jobId);
    const session = await this.gateway.openSession({}, 'flinkts-stop');
    try {
      const r = await session.execute(`STOP JOB ${quote(jobId)} WITH SAVEPOINT`);
      const path = r.rows[0]?.fields[0];
      if (typeof path !== 'string') throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.savepointFailed({ kind: 'stoppedWithout', platform: 'gateway', jobId })), severity: 'error' }]);
      return path;
    } finally {
      await session.close();
    }
  }

  async cancel(jobId: string): Promise<void> {
    checkNameArgument('GatewayTarget.cancel()', 'jobId', jobId);
    const terminal = ['FINISHED', 'CANCELED', 'FAILED'];
    if (terminal.includes((await this.rest.job(jobId)).state)) return;
    try {
      await this.rest.cancel(jobId);
    } catch (e) {
      // the job may reach a terminal state (FAILED) between the look and the cancel: Flink answers 409 (and its
      // job details, cached for web.refresh-interval, may show the old state for a few seconds)
      if (!(e instanceof EndpointError && e.status === 409)) throw e;
    }
    // wait until it is gone, so no later step sees two runs
    const deadline = Date.now() + 60_000;
    while (!terminal.includes((await this.rest.job(jobId)).state) && Date.now() < deadline) await delay(200);
  }

  async savepoint(jobId: string): Promise<string> {
    checkNameArgument('GatewayTarget.savepoint()', 'jobId', jobId);
    return this.rest.savepoint(jobId);
  }

  async health(jobId: string): Promise<HealthSample> {
    checkNameArgument('GatewayTarget.health()', 'jobId', jobId);
    const [job, cps, restarts] = await Promise.all([this.rest.job(jobId), this.rest.checkpoints(jobId), this.rest.restarts(jobId)]);
    return { state: job.state, completedCheckpoints: cps.completed, restarts, ...(cps.restoredFrom === undefined ? {} : { restoredFrom: cps.restoredFrom }) };
  }

  async deleteSavepoint(_job: string, path: string): Promise<boolean> {
    checkNameArgument('GatewayTarget.deleteSavepoint()', 'path', path);
    // a savepoint on the cluster's local file system (file://); other file systems are not reachable from here
    if (!path.startsWith('file:')) return false;
    await rm(fileURLToPath(path), { recursive: true, force: true });
    return true;
  }
}
