/**
 * Deploying to Ververica Platform 2.x against the contract fake: the seed-001 wrongbook jobs created, started
 * and read back (create, start, status) from the Deployments `build` emits; an update through suspend (SUSPEND
 * savepoint) and restore; a rollback that copies the earlier version's savepoint (origin COPIED) and restores it
 * with LATEST_SAVEPOINT; then the same under injected faults, every rerun converging.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { FlinktsError } from '@flinkts/core';
import wrongbook from '../../examples/wrongbook/flinkts.config.js';
import { DeploymentRecords } from '@flinkts/pipelines';
import { artifactOf, deployJob, pipelineArtifacts, planJob, rollbackJob, VvpTarget } from '@flinkts/pipelines/internal';
import type { Deployer, DeployOptions, JobArtifact, PlanCompiler } from '@flinkts/pipelines';
import { DEPLOY_CODES } from '../../packages/pipelines/src/deploy/codes.js';
import { VvpFake } from './vvp-fake.js';

/** Flink's planner is not part of this contract: plans are not compiled here (state compatibility is tested on real Flink). */
const notCompiled: PlanCompiler = { compile: (job) => Promise.reject(new FlinktsError([{ code: DEPLOY_CODES.submitFailed, severity: 'error', message: `job '${job}' is not compiled in the VVP contract tests` }])) };
const options: DeployOptions = { strategy: 'restart', autoRollback: false, allowNonRestoredState: false, startWithoutState: false, health: { checkpoints: 2, graceSeconds: 0, timeoutSeconds: 30 } };
const shipped = pipelineArtifacts(wrongbook, 'dev', 'vvp');

function changed(a: JobArtifact, from: string, to: string): JobArtifact {
  const doc = parse(a.spec as string) as { spec: { template: { spec: { artifact: { sqlScript: string } } } } };
  doc.spec.template.spec.artifact.sqlScript = doc.spec.template.spec.artifact.sqlScript.split(from).join(to);
  return artifactOf(a.job, a.statements.map((s) => s.split(from).join(to)), stringify(doc));
}

describe('VVP 2.x deploys (contract fake)', () => {
  let fake: VvpFake;
  let records: string;
  let d: Deployer;

  beforeEach(async () => {
    fake = new VvpFake();
    await fake.start();
    records = mkdtempSync(join(tmpdir(), 'flinkts-vvp-records-'));
    d = {
      target: new VvpTarget({ url: fake.url, token: 'vvp-token', namespace: 'default', timeoutMillis: 400 }, { attempts: 8, backoffMillis: 10 }),
      records: new DeploymentRecords(records, 'wrongbook', 'dev', 'vvp'),
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

  it('seed 001: creates and starts the wrongbook jobs, and reads their status', async () => {
    expect(shipped.artifacts.map((a) => a.job)).toEqual(['wrongbook-wide-table', 'wrongbook-monitor']);
    expect((await deployAll(shipped.artifacts)).map((o) => o.action)).toEqual(['create', 'create']);
    for (const a of shipped.artifacts) {
      const [dep] = fake.named(a.job);
      expect(dep!.status.state).toBe('RUNNING');
      expect(dep!.metadata.labels).toMatchObject({ 'flinkts/pipeline': 'wrongbook', 'flinkts/environment': 'dev', 'flinkts/hash': a.hash.slice(0, 12) });
      expect(await d.target.running(a.job)).toEqual([{ jobId: dep!.metadata.id, state: 'RUNNING', hash: a.hash.slice(0, 12), record: { hash: a.hash.slice(0, 12), version: 1, deployedAt: d.records.read(a.job).versions[0]!.deployedAt } }]);
    }
    expect((await deployAll(shipped.artifacts)).map((o) => o.action)).toEqual(['unchanged', 'unchanged']);
    expect(fake.deployments.size).toBe(2);
  });

  it('updates through a SUSPEND savepoint and rolls back by restoring a COPIED savepoint', async () => {
    const v1 = shipped.artifacts[0] as JobArtifact;
    await deployAll([v1]);
    const v2 = changed(v1, "'wrongbook_add'", "'wrongbook_add_v2'");
    const up = await deployJob(d, await planJob(d, v2.job, v2), options);
    expect(up).toMatchObject({ action: 'update', version: 2 });
    const [dep] = fake.named(v1.job);
    expect(fake.savepoints.find((s) => s.spec.savepointLocation === up.savepoint)?.metadata.origin).toBe('SUSPEND');
    expect(dep!.restoredFrom).toBe(up.savepoint);
    const v1Savepoint = up.savepoint;
    const back = await rollbackJob(d, v1.job, 1, options);
    expect(back).toMatchObject({ action: 'rolled-back', version: 1 });
    expect(dep!.restoredFrom).toBe(v1Savepoint);
    expect(fake.savepoints.filter((s) => s.metadata.origin === 'COPIED').map((s) => s.spec.savepointLocation)).toEqual([v1Savepoint]);
    expect((dep!.spec.template as { spec: { artifact: { sqlScript: string } } }).spec.artifact.sqlScript).not.toContain('wrongbook_add_v2');
    expect(fake.deployments.size).toBe(1);
  });

  it("allowNonRestoredState is Flink's key in flinkConfiguration: VVP 2.x's restore strategy is {kind} only", async () => {
    const v1 = shipped.artifacts[0] as JobArtifact;
    await deployAll([v1]);
    const [dep] = fake.named(v1.job);
    // the Application Manager API 2.1 model has no restoreStrategy.allowNonRestoredState: the fake refuses it
    const refused = await fetch(`${fake.url}/api/v1/namespaces/default/deployments/${v1.job}`, { method: 'PATCH', headers: { authorization: 'Bearer vvp-token', 'content-type': 'application/json' }, body: JSON.stringify({ spec: { restoreStrategy: { kind: 'LATEST_SAVEPOINT', allowNonRestoredState: true } } }) });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('restoreStrategy has no field allowNonRestoredState');
    // a savepoint whose state the new version has no operator for: Flink fails the job unless it may drop that state
    const savepoint = await d.target.stopWithSavepoint(dep!.metadata.id);
    fake.unclaimedState.add(savepoint);
    const v2 = changed(v1, "'wrongbook_add'", "'wrongbook_add_v2'");
    expect((await d.target.start(v2, { restoreFrom: savepoint }).catch((e: unknown) => e as FlinktsError) as FlinktsError).diagnostics[0]).toMatchObject({ code: 'FTS8108', message: expect.stringContaining('TERMINATING_A_JOB_DUE_TO_AN_UNRECOVERABLE_FAILURE: Job failed: Cannot map checkpoint/savepoint state') });
    expect(dep!.allowedNonRestored).toBe(false);
    await d.target.cancel(dep!.metadata.id);
    const started = await d.target.start(v2, { restoreFrom: savepoint, allowNonRestoredState: true });
    expect(started.state).toBe('RUNNING');
    expect(dep).toMatchObject({ restoredFrom: savepoint, allowedNonRestored: true });
    expect(dep!.spec.restoreStrategy).toEqual({ kind: 'LATEST_SAVEPOINT' });
    // the next start without the flag sets Flink's key back (a merge PATCH keeps what is not sent)
    await d.target.stopWithSavepoint(dep!.metadata.id);
    await d.target.start(v1, {});
    expect(dep!.allowedNonRestored).toBe(false);
  });

  it('refuses what VVP would refuse: a bad token is a clear error, not a retry loop', async () => {
    const bad: Deployer = { ...d, target: new VvpTarget({ url: fake.url, token: 'wrong', namespace: 'default' }, { attempts: 3, backoffMillis: 1 }) };
    const e = await deployJob(bad, await planJob(d, shipped.artifacts[0]!.job, shipped.artifacts[0]), options).catch((x: unknown) => x);
    expect((e as FlinktsError).diagnostics[0]).toMatchObject({ code: 'FTS8101', message: expect.stringContaining('HTTP 401') });
    expect((e as FlinktsError).message).not.toContain('wrong');
  });

  it('converges under injected faults: one deployment per job, running the latest version, restored from its savepoint', async () => {
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
    fake.faults.outageAfter(/^PATCH \/api\/v1\/namespaces\/default\/deployments\/\S+ .*"SUSPENDED"/, 40);
    const failedBefore = failedRuns;
    await rerun(v2);
    expect(failedRuns).toBeGreaterThan(failedBefore);
    for (const a of v2) {
      const deps = fake.named(a.job);
      expect(deps, a.job).toHaveLength(1);
      expect(deps[0]!.status.state).toBe('RUNNING');
      expect(deps[0]!.metadata.labels['flinkts/hash']).toBe(a.hash.slice(0, 12));
      const record = d.records.read(a.job);
      expect(record.current).toBe(2);
      expect(deps[0]!.restoredFrom).toBe(record.versions[0]!.stoppedWith);
    }
    const kinds = Object.fromEntries(fake.faults.injected);
    console.log(`VVP faults injected: ${fake.faults.total} (${Object.entries(kinds).map(([k, n]) => `${k} ${n}`).join(', ')}); survived: ${fake.faults.total} — 2 jobs converged after ${failedRuns} failed run(s) and their reruns, 0 lost, ${fake.deployments.size - 2} duplicate deployments`);
  }, 120_000);
});
