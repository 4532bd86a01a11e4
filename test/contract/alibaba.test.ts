/**
 * Deploying to Alibaba Cloud Realtime Compute (ververica 2022-07-18) against the contract fake: the seed-001
 * wrongbook jobs created, started and read back from the deployments `build` emits, every request signed with
 * the AccessKey (ACS3-HMAC-SHA256) and carrying the workspace header; an update (stop with savepoint, replace the
 * deployment, jobs:start FROM_SAVEPOINT) and a rollback; then the same under injected faults.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlinktsError } from '@flinkts/core';
import wrongbook from '../../examples/wrongbook/flinkts.config.js';
import { DeploymentRecords } from '@flinkts/pipelines';
import { AlibabaTarget, artifactOf, deployJob, pipelineArtifacts, planJob, rollbackJob } from '@flinkts/pipelines/internal';
import type { Deployer, DeployOptions, JobArtifact, PlanCompiler } from '@flinkts/pipelines';
import { DEPLOY_CODES } from '../../packages/pipelines/src/deploy/codes.js';
import { AlibabaFake } from './alibaba-fake.js';

/** Flink's planner is not part of this contract: plans are not compiled here (state compatibility is tested on real Flink). */
const notCompiled: PlanCompiler = { compile: (job) => Promise.reject(new FlinktsError([{ code: DEPLOY_CODES.submitFailed, severity: 'error', message: `job '${job}' is not compiled in the Alibaba contract tests` }])) };
const options: DeployOptions = { strategy: 'restart', autoRollback: false, allowNonRestoredState: false, startWithoutState: false, health: { checkpoints: 2, graceSeconds: 0, timeoutSeconds: 30 } };
const shipped = pipelineArtifacts(wrongbook, 'dev', 'alibaba');

function changed(a: JobArtifact, from: string, to: string): JobArtifact {
  const request = JSON.parse(a.spec as string) as { body: { artifact: { sqlArtifact: { sqlScript: string } } } };
  request.body.artifact.sqlArtifact.sqlScript = request.body.artifact.sqlArtifact.sqlScript.split(from).join(to);
  return artifactOf(a.job, a.statements.map((s) => s.split(from).join(to)), JSON.stringify(request));
}

describe('Alibaba Realtime Compute deploys (contract fake)', () => {
  let fake: AlibabaFake;
  let records: string;
  let d: Deployer;
  const connect = (secret = 'test-secret') => new AlibabaTarget({ url: fake.url, accessKey: { id: 'LTAI-test', secret }, workspace: 'ws-1234', namespace: 'wrongbook-default', timeoutMillis: 400 }, { attempts: 8, backoffMillis: 10 });

  beforeEach(async () => {
    fake = new AlibabaFake();
    await fake.start();
    records = mkdtempSync(join(tmpdir(), 'flinkts-ali-records-'));
    d = { target: connect(), records: new DeploymentRecords(records, 'wrongbook', 'dev', 'alibaba'), compiler: notCompiled, progress: () => {} };
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

  it('seed 001: creates and starts the wrongbook jobs, and reads their status', async () => {
    expect((await deployAll(shipped.artifacts)).map((o) => o.action)).toEqual(['create', 'create']);
    for (const a of shipped.artifacts) {
      const [dep] = fake.named(a.job);
      expect(dep!.labels).toMatchObject({ 'flinkts-pipeline': 'wrongbook', 'flinkts-environment': 'dev', 'flinkts-hash': a.hash.slice(0, 12) });
      const run = await d.target.running(a.job);
      expect(run).toEqual([{ jobId: expect.stringMatching(/^job-/), state: 'RUNNING', hash: a.hash.slice(0, 12), record: { hash: a.hash.slice(0, 12), version: 1, deployedAt: d.records.read(a.job).versions[0]!.deployedAt } }]);
    }
    expect((await deployAll(shipped.artifacts)).map((o) => o.action)).toEqual(['unchanged', 'unchanged']);
    expect(fake.jobs).toHaveLength(2);
  });

  it('updates from a STOP_WITH_SAVEPOINT savepoint and rolls back FROM_SAVEPOINT', async () => {
    const v1 = shipped.artifacts[0] as JobArtifact;
    await deployAll([v1]);
    const v2 = changed(v1, "'wrongbook_add'", "'wrongbook_add_v2'");
    const up = await deployJob(d, await planJob(d, v2.job, v2), options);
    expect(up).toMatchObject({ action: 'update', version: 2 });
    expect(fake.jobs.at(-1)!.restoredFrom).toBe(up.savepoint);
    const back = await rollbackJob(d, v1.job, 1, options);
    expect(back).toMatchObject({ action: 'rolled-back', version: 1 });
    expect(fake.jobs.at(-1)!.restoredFrom).toBe(up.savepoint);
    expect(JSON.stringify(fake.named(v1.job)[0]!.body)).not.toContain('wrongbook_add_v2');
    expect(fake.deployments.size).toBe(1);
    expect(fake.jobs.filter((j) => j.state === 'RUNNING')).toHaveLength(1);
  });

  it('a wrong AccessKey secret is refused by the signature check, and the secret appears nowhere', async () => {
    const bad: Deployer = { ...d, target: connect('not-the-secret') };
    const e = await deployJob(bad, await planJob(d, shipped.artifacts[0]!.job, shipped.artifacts[0]), options).catch((x: unknown) => x);
    expect((e as FlinktsError).diagnostics[0]).toMatchObject({ code: 'FTS8101', message: expect.stringContaining('IncompleteSignature') });
    expect((e as FlinktsError).message).not.toContain('not-the-secret');
  });

  it('converges under injected faults: one deployment and one running job per job, restored from its savepoint', async () => {
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
    const v2 = shipped.artifacts.map((a) => changed(a, 'INSERT INTO', 'INSERT  INTO'));
    // the platform goes down right after the first stop (between stop and start) long enough to exhaust retries
    fake.faults.outageAfter(/^POST \/api\/v2\/namespaces\/wrongbook-default\/jobs\/[^/]+:stop$/, 40);
    const failedBefore = failedRuns;
    await rerun(v2);
    expect(failedRuns).toBeGreaterThan(failedBefore);
    for (const a of v2) {
      const deps = fake.named(a.job);
      expect(deps, a.job).toHaveLength(1);
      expect(deps[0]!.labels['flinkts-hash']).toBe(a.hash.slice(0, 12));
      const running = fake.jobs.filter((j) => j.deploymentId === deps[0]!.deploymentId && j.state === 'RUNNING');
      expect(running).toHaveLength(1);
      const record = d.records.read(a.job);
      expect(record.current).toBe(2);
      expect(running[0]!.restoredFrom).toBe(record.versions[0]!.stoppedWith);
    }
    const kinds = Object.fromEntries(fake.faults.injected);
    console.log(`Alibaba faults injected: ${fake.faults.total} (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}); survived: ${fake.faults.total} — 2 jobs converged after ${failedRuns} failed run(s) and their reruns, 0 lost, ${fake.deployments.size - 2} duplicate deployments`);
  }, 120_000);
});
