/**
 * Deploying to StreamPark 2.1.5+ with an OpenAPI access token (contract fake): start and cancel go through the
 * `@OpenAPI` methods (`/openapi/app/start|cancel`, with their own field names), every other call needs the
 * console's `streampark.openapi.white-list`; a URL not listed, or a disabled token, is a diagnostic that names the
 * fix, and nothing is left half-done. The realtime-dw jobs deploy, update from a savepoint and roll back with a
 * token as with a user, and converge under injected faults.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlinktsError } from '@flinkts/core';
import realtimeDw from '../../examples/realtime-dw/flinkts.config.js';
import { decodeForm, encodeForm } from '../../packages/pipelines/src/emit/form-body.js';
import { DeploymentRecords } from '@flinkts/pipelines';
import { artifactOf, connectTarget, deployJob, pipelineArtifacts, planJob, rollbackJob } from '@flinkts/pipelines/internal';
import type { Deployer, DeployOptions, JobArtifact, PlanCompiler } from '@flinkts/pipelines';
import { DEPLOY_CODES } from '../../packages/pipelines/src/deploy/codes.js';
import { OPENAPI_WHITELIST, StreamparkTarget } from '../../packages/pipelines/src/deploy/streampark-target.js';
import { StreamparkFake } from './streampark-fake.js';

const notCompiled: PlanCompiler = { compile: (job) => Promise.reject(new FlinktsError([{ code: DEPLOY_CODES.submitFailed, severity: 'error', message: `job '${job}' is not compiled in the StreamPark contract tests` }])) };
const options: DeployOptions = { strategy: 'restart', autoRollback: false, allowNonRestoredState: false, startWithoutState: false, health: { checkpoints: 2, graceSeconds: 0, timeoutSeconds: 60 } };
const shipped = pipelineArtifacts(realtimeDw, 'test', 'streampark');

function changed(a: JobArtifact, from: string, to: string): JobArtifact {
  const form = decodeForm(a.spec as string).map(([k, v]): [string, string] => [k, k === 'flinkSql' ? v.split(from).join(to) : v]);
  return artifactOf(a.job, a.statements.map((s) => s.split(from).join(to)), encodeForm(form));
}

describe('StreamPark with an OpenAPI access token (contract fake)', () => {
  let fake: StreamparkFake;
  let records: string;
  let token: string;
  let d: Deployer;
  let retries = 0;

  beforeEach(async () => {
    fake = new StreamparkFake({});
    await fake.start();
    token = fake.createApiToken();
    records = mkdtempSync(join(tmpdir(), 'flinkts-sp-token-'));
    retries = 0;
    d = {
      target: new StreamparkTarget({ url: fake.url, token, teamId: fake.teamId, versionId: '100000', alertId: '100001', timeoutMillis: 400 }, { attempts: 8, backoffMillis: 10, onRetry: () => { retries++; } }),
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
  const failure = async (p: Promise<unknown>) => {
    const e = await p.then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(FlinktsError);
    return (e as FlinktsError).diagnostics[0];
  };

  it('without the white-list, the first console URL is refused with a diagnostic naming it and the fix; nothing is created', async () => {
    const d0 = await failure(planJob(d, shipped.artifacts[0]!.job, shipped.artifacts[0]));
    expect(d0).toMatchObject({ code: 'FTS8102', message: expect.stringContaining('does not let an OpenAPI access token call /flink/app/list'), hint: expect.stringContaining('streampark.openapi.white-list') });
    expect(fake.apps.size).toBe(0);
    // the fake is as strict as the console: listing all but one URL fails at that one
    for (const url of OPENAPI_WHITELIST) if (url !== '/flink/pipe/build') fake.openapiWhitelist.add(url);
    expect(await failure(deployAll([shipped.artifacts[0]!]))).toMatchObject({ message: expect.stringContaining('/flink/pipe/build') });
    expect([...fake.apps.values()].filter((a) => a.state === 5)).toHaveLength(0);
  });

  it('deploys, updates from a savepoint and rolls back through /openapi/app/start and /openapi/app/cancel', async () => {
    for (const url of OPENAPI_WHITELIST) fake.openapiWhitelist.add(url);
    expect((await deployAll(shipped.artifacts)).map((o) => o.action)).toEqual(['create', 'create', 'create', 'create', 'create']);
    const v1 = shipped.artifacts[3] as JobArtifact;
    const v2 = changed(v1, "'unknown'", "'n/a'");
    const up = await deployJob(d, await planJob(d, v2.job, v2), options);
    const [app] = fake.appsNamed(v1.job);
    // the restore flag reached StreamPark under the @OpenAPI name: the job restored from the stop savepoint
    expect(app!.restoredFrom).toBe(up.savepoint);
    const v1Savepoint = d.records.read(v1.job).versions[0]!.stoppedWith;
    expect(v1Savepoint).toBe(up.savepoint);
    const back = await rollbackJob(d, v1.job, 1, options);
    expect(back).toMatchObject({ action: 'rolled-back', version: 1 });
    expect(app!.restoredFrom).toBe(v1Savepoint);
    expect(fake.requests).not.toContain('/passport/signin');
    expect(fake.requests).not.toContain('/flink/app/start');
    expect(fake.requests).not.toContain('/flink/app/cancel');
    expect(fake.requests.filter((p) => p === '/openapi/app/start').length).toBe(7);
    expect([...fake.apps.values()].reduce((n, a) => n + a.duplicateStarts, 0)).toBe(0);
  });

  it('a disabled token is a diagnostic, not a retry; once enabled again the rerun converges', async () => {
    for (const url of OPENAPI_WHITELIST) fake.openapiWhitelist.add(url);
    const a = shipped.artifacts[0]!;
    await deployAll([a]);
    fake.apiTokens.set(token, false);
    const v2 = changed(a, 'INSERT INTO', 'INSERT  INTO');
    expect(await failure(deployAll([v2]))).toMatchObject({ code: 'FTS8102', message: expect.stringContaining('refused the OpenAPI access token') });
    expect(retries).toBe(0);
    fake.apiTokens.set(token, true);
    expect((await deployAll([v2]))[0]).toMatchObject({ action: 'update', version: 2 });
    expect(fake.appsNamed(a.job)).toHaveLength(1);
    expect(fake.appsNamed(a.job)[0]!.state).toBe(5);
  });

  it('converges under injected faults with a token: one running application per job, none lost or doubled', async () => {
    for (const url of OPENAPI_WHITELIST) fake.openapiWhitelist.add(url);
    // an access token does not expire, so every fault but an expired sign-in
    fake.faults.plan = { every: 3, kinds: ['5xx', '5xx-after', 'timeout', 'timeout-after', 'reset', 'reset-after'] };
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
    const v2 = shipped.artifacts.map((a) => changed(a, 'INSERT INTO', 'INSERT  INTO'));
    fake.faults.outageAfter(/^POST \/openapi\/app\/cancel$/, 40);
    await rerun(v2);
    for (const a of v2) {
      const apps = fake.appsNamed(a.job);
      expect(apps, a.job).toHaveLength(1);
      expect(apps[0]!.state).toBe(5);
      expect(apps[0]!.duplicateStarts).toBe(0);
      expect(apps[0]!.restoredFrom).toBe(d.records.read(a.job).versions[0]!.stoppedWith);
    }
    console.log(`StreamPark (OpenAPI token) faults injected: ${fake.faults.total}; survived: ${fake.faults.total} — 5 jobs converged after ${failedRuns} failed run(s), 0 lost, 0 duplicate applications, 0 duplicate starts (${retries} client retries)`);
  }, 240_000);

  it('connects from the environment: a token needs the team id; it replaces user and password', () => {
    const env = { FLINKTS_STREAMPARK_URL: fake.url, FLINKTS_STREAMPARK_TOKEN: token };
    expect(() => connectTarget('streampark', { env })).toThrow(/needs the StreamPark team id/);
    expect(connectTarget('streampark', { env: { ...env, FLINKTS_STREAMPARK_TEAM_ID: fake.teamId } }).name).toBe('streampark');
    expect(() => connectTarget('streampark', { env: { FLINKTS_STREAMPARK_URL: fake.url } })).toThrow(/no StreamPark user \(or OpenAPI access token\)/);
  });
});
