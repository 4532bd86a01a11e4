/**
 * Deploying to StreamPark 2.1.x, against the contract fake: the realtime-dw pipeline's five jobs created and
 * started in dependency order (upstream first) from the forms `build` emits; an update (cancel with savepoint,
 * new SQL version, build, start from the savepoint) and a rollback through StreamPark's own SQL-version rollback;
 * the HTTP 200 failure envelope of start; then the same flows under injected faults — 5xx before and after the
 * call took effect, timeouts, connection resets, an expired token, the console down between stop and start —
 * with every rerun converging: one application per job, none lost, none started twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlinktsError } from '@flinkts/core';
import realtimeDw from '../../examples/realtime-dw/flinkts.config.js';
import { decodeForm, encodeForm } from '../../packages/pipelines/src/emit/form-body.js';
import { DeploymentRecords } from '@flinkts/pipelines';
import { artifactOf, deployJob, pipelineArtifacts, planJob, rollbackJob } from '@flinkts/pipelines/internal';
import type { Deployer, DeployOptions, JobArtifact, PlanCompiler } from '@flinkts/pipelines';
import { DEPLOY_CODES } from '../../packages/pipelines/src/deploy/codes.js';
import { StreamparkTarget } from '../../packages/pipelines/src/deploy/streampark-target.js';
import { StreamparkFake } from './streampark-fake.js';

/** Flink's planner is not part of this contract: plans are not compiled here (state compatibility is tested on real Flink). */
const notCompiled: PlanCompiler = { compile: (job) => Promise.reject(new FlinktsError([{ code: DEPLOY_CODES.submitFailed, severity: 'error', message: `job '${job}' is not compiled in the StreamPark contract tests` }])) };
const options: DeployOptions = { strategy: 'restart', autoRollback: false, allowNonRestoredState: false, startWithoutState: false, health: { checkpoints: 2, graceSeconds: 0, timeoutSeconds: 60 } };
const shipped = pipelineArtifacts(realtimeDw, 'test', 'streampark');

/** The same job with its SQL changed (a new release of it), in its statements and its StreamPark form alike. */
function changed(a: JobArtifact, from: string, to: string): JobArtifact {
  const form = decodeForm(a.spec as string).map(([k, v]): [string, string] => [k, k === 'flinkSql' ? v.split(from).join(to) : v]);
  return artifactOf(a.job, a.statements.map((s) => s.split(from).join(to)), encodeForm(form));
}

describe('StreamPark 2.1.x deploys (contract fake)', () => {
  let fake: StreamparkFake;
  let records: string;
  let d: Deployer;
  let retries = 0;

  beforeEach(async () => {
    fake = new StreamparkFake();
    await fake.start();
    records = mkdtempSync(join(tmpdir(), 'flinkts-sp-records-'));
    retries = 0;
    d = {
      target: new StreamparkTarget({ url: fake.url, username: 'admin', password: 'streampark', versionId: '100000', alertId: '100001', timeoutMillis: 400 }, { attempts: 8, backoffMillis: 10, onRetry: () => { retries++; } }),
      records: new DeploymentRecords(records, 'realtime-dw', 'test', 'streampark'),
      compiler: notCompiled,
      progress: () => {},
    };
  });

  afterEach(async () => {
    await fake.stop();
    rmSync(records, { recursive: true, force: true });
  });

  const deployAll = async (artifacts: readonly JobArtifact[]) => {
    const out = [];
    for (const a of artifacts) out.push(await deployJob(d, await planJob(d, a.job, a), options));
    return out;
  };

  it('creates and starts the realtime-dw five jobs in dependency order, one application each', async () => {
    expect(shipped.artifacts.map((a) => a.job)).toEqual(['rt-dw-cdc-ingestion', 'rt-dw-ods-processing', 'rt-dw-dwd-transform', 'rt-dw-dws-aggregate', 'rt-dw-monitor']);
    const outcomes = await deployAll(shipped.artifacts);
    expect(outcomes.map((o) => o.action)).toEqual(['create', 'create', 'create', 'create', 'create']);
    const apps = [...fake.apps.values()].sort((a, b) => a.id - b.id);
    expect(apps.map((a) => a.jobName)).toEqual(shipped.artifacts.map((a) => a.job));
    for (const [i, app] of apps.entries()) {
      expect(app.state).toBe(5);
      expect(app.description).toMatch(new RegExp(`\\[flinkts ${shipped.artifacts[i]!.hash.slice(0, 12)} v1 \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\]$`));
      // the SQL StreamPark runs is the emitted one, placeholders for StreamPark's team variables kept
      expect(fake.effectiveSql(app)).toBe(decodeForm(shipped.artifacts[i]!.spec as string).find(([k]) => k === 'flinkSql')?.[1]);
    }
    // status: a rerun sees every job running its version and does nothing
    expect((await deployAll(shipped.artifacts)).map((o) => o.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(fake.requests.filter((p) => p === '/flink/app/create')).toHaveLength(5);
  });

  it('updates from a savepoint, and rolls back with StreamPark\'s SQL-version rollback', async () => {
    const v1 = shipped.artifacts[3] as JobArtifact;
    await deployAll([v1]);
    const v2 = changed(v1, "'unknown'", "'n/a'");
    const up = await deployJob(d, await planJob(d, v2.job, v2), options);
    expect(up).toMatchObject({ action: 'update', version: 2 });
    const [app] = fake.appsNamed(v1.job);
    expect(fake.appsNamed(v1.job)).toHaveLength(1);
    expect(app!.versions).toHaveLength(2);
    expect(app!.restoredFrom).toBe(up.savepoint);
    expect(fake.effectiveSql(app!)).toContain("'n/a'");

    const v1Savepoint = d.records.read(v1.job).versions[0]!.stoppedWith;
    expect(v1Savepoint).toBe(up.savepoint);
    const back = await rollbackJob(d, v1.job, 1, options);
    expect(back).toMatchObject({ action: 'rolled-back', version: 1 });
    // no third SQL version: the first one was made effective again (NEED_ROLLBACK → build)
    expect(app!.versions).toHaveLength(2);
    expect(app!.sqlId).toBe(app!.versions[0]!.id);
    expect(app!.restoredFrom).toBe(v1Savepoint);
    expect(app!.duplicateStarts).toBe(0);
  });

  it("keeps the description within StreamPark's 255 characters: a long one is cut before the record, with FTS8111", async () => {
    // the fake refuses what MySQL refuses: a description of 256 characters (code points, as utf8mb4 counts them)
    const form = (description: string): [string, string][] => decodeForm((shipped.artifacts[0]!.spec as string).trimEnd()).map(([k, v]): [string, string] => [k, k === 'description' ? description : v]);
    const raw = async (description: string) => {
      const sign = await fetch(`${fake.url}/passport/signin`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=admin&password=streampark&loginType=PASSWORD' }).then((r) => r.json()) as { data?: { token?: string } };
      const filled: Record<string, string> = { '${STREAMPARK_TEAM_ID}': fake.teamId, '${STREAMPARK_VERSION_ID}': '100000', '${STREAMPARK_ALERT_ID}': '100001' };
      const body = new URLSearchParams(form(description).map(([k, v]): [string, string] => [k, k === 'jobName' ? `raw-job-${description.length}` : filled[v] ?? v]));
      return fetch(`${fake.url}/flink/app/create`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', Authorization: sign.data?.token ?? '' }, body });
    };
    const refused = await raw('é'.repeat(256));
    expect(refused.status).toBe(500);
    expect(await refused.text()).toContain("Data too long for column 'description'");
    const fits = await raw('é'.repeat(255));
    expect(fits.status, await fits.clone().text()).toBe(200);

    const lines: string[] = [];
    const long = 'Loads the CDC change streams of the orders database into the ODS layer. '.repeat(5);
    const job = artifactOf(shipped.artifacts[0]!.job, shipped.artifacts[0]!.statements, encodeForm(form(long)));
    const out = await deployJob({ ...d, progress: (l) => lines.push(l) }, await planJob(d, job.job, job), options);
    expect(out.action).toBe('create');
    const app = [...fake.apps.values()].find((a) => a.jobName === job.job)!;
    expect([...app.description].length).toBe(255);
    expect(app.description).toMatch(new RegExp(`^Loads the CDC change streams.*… \\[flinkts ${job.hash.slice(0, 12)} v1 [0-9TZ:.-]+\\]$`));
    expect(lines).toEqual(expect.arrayContaining([expect.stringContaining(`  warning FTS8111: job 'rt-dw-cdc-ingestion': its description was cut to 203 of ${long.trim().length} characters so that it and the deployment record fit StreamPark's 255-character description`)]));
    // the record is read back from the platform
    expect((await d.target.running(job.job))[0]?.record).toMatchObject({ hash: job.hash.slice(0, 12), version: 1 });
  });

  it("reads start's HTTP 200 failure envelope as a failure, with StreamPark's message", async () => {
    const a = shipped.artifacts[0] as JobArtifact;
    const failed = await d.target.start(a, { restoreFrom: 'hdfs:///flink/savepoints/none' }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(FlinktsError);
    expect((failed as FlinktsError).diagnostics[0]).toMatchObject({ code: 'FTS8108', message: expect.stringContaining('savepoint hdfs:///flink/savepoints/none does not exist') });
  });

  it('converges under injected faults: every rerun ends with one running application per job, none lost or doubled', async () => {
    fake.faults.plan = { every: 3 };
    let failedRuns = 0;
    const rerun = async (artifacts: readonly JobArtifact[]) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await deployAll(artifacts);
        } catch (e) {
          if (!(e instanceof FlinktsError) || attempt > 20) throw e;
          failedRuns++;
        }
      }
    };
    await rerun(shipped.artifacts);
    // a new release of every job (its SQL changed)
    const v2 = shipped.artifacts.map((a) => changed(a, 'INSERT INTO', 'INSERT  INTO'));
    // the console goes down right after the first cancel (between stop and start) long enough to exhaust retries
    fake.faults.outageAfter(/^POST \/flink\/app\/cancel$/, 40);
    const failedBefore = failedRuns;
    await rerun(v2);
    // the outage between stop and start failed a run; the rerun resumed from the recorded savepoint
    expect(failedRuns).toBeGreaterThan(failedBefore);
    for (const a of v2) {
      const apps = fake.appsNamed(a.job);
      expect(apps, a.job).toHaveLength(1);
      expect(apps[0]!.state).toBe(5);
      expect(apps[0]!.description).toMatch(new RegExp(`\\[flinkts ${a.hash.slice(0, 12)} v\\d+ [^\\]]+\\]$`));
      expect(apps[0]!.duplicateStarts).toBe(0);
      const record = d.records.read(a.job);
      expect(record.current).toBe(2);
      expect(record.pending).toBeUndefined();
      // restored from the savepoint its predecessor stopped with: no state lost across the outage
      expect(apps[0]!.restoredFrom).toBe(record.versions[0]!.stoppedWith);
    }
    const kinds = Object.fromEntries(fake.faults.injected);
    expect(Object.keys(kinds).sort()).toEqual(['5xx', '5xx-after', 'expired-token', 'reset', 'reset-after', 'timeout', 'timeout-after'].sort());
    console.log(`StreamPark faults injected: ${fake.faults.total} (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}); survived: ${fake.faults.total} — 5 jobs converged after ${failedRuns} failed run(s) and their reruns, 0 lost, 0 duplicate applications, 0 duplicate starts (${retries} client retries)`);
  }, 240_000);
});
