/**
 * Blue-green through shadow sinks on StreamPark, VVP and Alibaba (contract fakes): the new version runs beside the
 * old one as its own application / deployment (`<job>-shadow`), started from a savepoint of the old one and writing
 * the shadow table; with manual promotion it keeps running until `promoteJob`, which cancels it and restarts the job
 * itself on the new version from the old one's final savepoint. What cannot be promoted is FTS8110 and changes
 * nothing; the whole flow converges under injected faults with one application / deployment per name.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FlinktsError } from '@flinkts/core';
import { DeploymentRecords } from '@flinkts/pipelines';
import { abandonShadow, AlibabaTarget, deployJob, pipelineArtifacts, planJob, promoteJob, StreamparkTarget, VvpTarget } from '@flinkts/pipelines/internal';
import type { Deployer, DeployOptions, DeployTarget, JobArtifact, PlanCompiler } from '@flinkts/pipelines';
import { DEPLOY_CODES } from '../../packages/pipelines/src/deploy/codes.js';
import { shadowedOnPlatforms, v1OnPlatforms } from '../fixtures/pipelines/deploy-dws/platforms.js';
import { kafkaShadowedOnPlatforms, kafkaV1OnPlatforms } from '../fixtures/pipelines/deploy-dws/kafka.js';
import { AlibabaFake } from './alibaba-fake.js';
import type { Faults } from './faults.js';
import { StreamparkFake } from './streampark-fake.js';
import { VvpFake } from './vvp-fake.js';

const JOB = 'dws-aggregate';
const SHADOW = 'dws-aggregate-shadow';
const notCompiled: PlanCompiler = { compile: (job) => Promise.reject(new FlinktsError([{ code: DEPLOY_CODES.submitFailed, severity: 'error', message: `job '${job}' is not compiled in the contract tests` }])) };
const health = { checkpoints: 2, graceSeconds: 0, timeoutSeconds: 30 };
const restart: DeployOptions = { strategy: 'restart', autoRollback: false, allowNonRestoredState: false, startWithoutState: false, health };
const manual: DeployOptions = { ...restart, strategy: 'blue-green', promote: 'manual' };

/** What a platform shows of one application / deployment: whether it runs, the hash it is labelled with, where it restored from. */
interface Seen { readonly count: number; readonly running: boolean; readonly hash?: string; readonly restoredFrom?: string; readonly sql?: string }

interface Platform {
  readonly name: 'streampark' | 'vvp' | 'alibaba';
  readonly faults: Faults;
  target(): DeployTarget;
  seen(name: string): Seen;
  /** Savepoints the platform knows, with the application / deployment name that took them. */
  savepointsOf(name: string): string[];
  stop(): Promise<void>;
}

async function streampark(): Promise<Platform> {
  const fake = new StreamparkFake();
  await fake.start();
  return {
    name: 'streampark', faults: fake.faults,
    target: () => new StreamparkTarget({ url: fake.url, username: 'admin', password: 'streampark', versionId: '100000', timeoutMillis: 400 }, { attempts: 8, backoffMillis: 10 }),
    seen: (name) => {
      const apps = fake.appsNamed(name);
      const a = apps[0];
      return { count: apps.length, running: a !== undefined && [3, 5].includes(a.state), ...(a ? { hash: /\[flinkts ([0-9a-f]{12})[ \]]/.exec(a.description)?.[1], restoredFrom: a.restoredFrom, sql: fake.effectiveSql(a) } : {}) } as Seen;
    },
    savepointsOf: (name) => fake.history.filter((h) => h.type === 2 && fake.appsNamed(name).some((a) => a.id === h.appId)).map((h) => h.path),
    stop: () => fake.stop(),
  };
}

async function vvp(): Promise<Platform> {
  const fake = new VvpFake();
  await fake.start();
  return {
    name: 'vvp', faults: fake.faults,
    target: () => new VvpTarget({ url: fake.url, token: 'vvp-token', namespace: 'default', timeoutMillis: 400 }, { attempts: 8, backoffMillis: 10 }),
    seen: (name) => {
      const deps = fake.named(name);
      const d = deps[0];
      return { count: deps.length, running: d?.spec.state === 'RUNNING', ...(d ? { hash: d.metadata.labels['flinkts/hash'], restoredFrom: d.restoredFrom, sql: (d.spec.template as { spec: { artifact: { sqlScript: string } } }).spec.artifact.sqlScript } : {}) } as Seen;
    },
    savepointsOf: (name) => fake.savepoints.filter((s) => s.metadata.origin !== 'COPIED' && fake.named(name).some((d) => d.metadata.id === s.metadata.deploymentId)).map((s) => s.spec.savepointLocation as string),
    stop: () => fake.stop(),
  };
}

async function alibaba(): Promise<Platform> {
  const fake = new AlibabaFake();
  await fake.start();
  return {
    name: 'alibaba', faults: fake.faults,
    target: () => new AlibabaTarget({ url: fake.url, accessKey: { id: 'LTAI-test', secret: 'test-secret' }, workspace: 'ws-1234', namespace: 'wrongbook-default', timeoutMillis: 400 }, { attempts: 8, backoffMillis: 10 }),
    seen: (name) => {
      const deps = fake.named(name);
      const d = deps[0];
      const job = d === undefined ? undefined : fake.jobs.filter((j) => j.deploymentId === d.deploymentId).at(-1);
      return { count: deps.length, running: job !== undefined && ['STARTING', 'RUNNING'].includes(job.state), ...(d ? { hash: d.labels['flinkts-hash'], restoredFrom: job?.restoredFrom, sql: (d.body.artifact as { sqlArtifact: { sqlScript: string } }).sqlArtifact.sqlScript } : {}) } as Seen;
    },
    savepointsOf: (name) => fake.savepoints.filter((s) => fake.named(name).some((d) => d.deploymentId === s.deploymentId)).map((s) => s.savepointLocation),
    stop: () => fake.stop(),
  };
}

const code = async (p: Promise<unknown>): Promise<string | undefined> => p.then(() => undefined, (e: unknown) => (e instanceof FlinktsError ? e.diagnostics[0]?.code : String(e)));

describe.each([['streampark', streampark], ['vvp', vvp], ['alibaba', alibaba]] as const)('shadow sinks on %s (contract fake)', (name, open) => {
  let platform: Platform;
  let records: string;
  let d: Deployer;
  const v1 = pipelineArtifacts(v1OnPlatforms, 'test', name).artifacts[0] as JobArtifact;
  const v2 = pipelineArtifacts(shadowedOnPlatforms, 'test', name).artifacts[0] as JobArtifact;
  const plan = () => planJob(d, JOB, v2);

  beforeEach(async () => {
    platform = await open();
    records = mkdtempSync(join(tmpdir(), `flinkts-shadow-${name}-`));
    d = { target: platform.target(), records: new DeploymentRecords(records, 'deploy-dws', 'test', name), compiler: notCompiled, progress: () => {} };
  });

  afterEach(async () => {
    await platform.stop();
    rmSync(records, { recursive: true, force: true });
  });

  it('the shadow release is its own job with its own platform spec, writing the shadow table', () => {
    expect(v2.shadow?.artifact.job).toBe(SHADOW);
    expect(v2.shadow?.artifact.spec).toBeDefined();
    expect(v2.shadow?.artifact.spec).toContain(SHADOW);
    expect(v2.shadow?.artifact.statements.join('\n')).toContain('INSERT INTO `dws_sales_shadow`');
  });

  it('manual promotion: the shadow runs beside the old version from its savepoint until promoted, then the job takes over from the final savepoint', async () => {
    expect((await deployJob(d, await planJob(d, JOB, v1), restart)).action).toBe('create');
    const out = await deployJob(d, await plan(), manual);
    expect(out).toMatchObject({ action: 'shadow', shadow: { health: { healthy: true } } });
    // side by side: the old version still writes the sink, the shadow (its own application) the shadow table
    expect(platform.seen(JOB)).toMatchObject({ count: 1, running: true, hash: v1.hash.slice(0, 12) });
    const shadow = platform.seen(SHADOW);
    expect(shadow).toMatchObject({ count: 1, running: true, hash: v2.shadow!.artifact.hash.slice(0, 12) });
    expect(shadow.sql).toContain('dws_sales_shadow');
    // the shadow restored from a savepoint the old version's application took while it kept running
    expect(platform.savepointsOf(JOB)).toContain(shadow.restoredFrom);
    expect(d.records.read(JOB).shadow).toMatchObject({ hash: v2.shadow!.artifact.hash, restoredFrom: shadow.restoredFrom });
    // deploying the same manual release again adopts the running shadow
    expect((await deployJob(d, await plan(), manual)).action).toBe('shadow');
    expect(platform.seen(SHADOW).count).toBe(1);

    const promoted = await promoteJob(d, await plan(), restart);
    expect(promoted).toMatchObject({ action: 'update', version: 2 });
    expect(platform.seen(SHADOW).running).toBe(false);
    const job = platform.seen(JOB);
    expect(job).toMatchObject({ count: 1, running: true, hash: v2.hash.slice(0, 12), restoredFrom: promoted.restoredFrom });
    expect(job.sql).not.toContain('dws_sales_shadow');
    expect(d.records.read(JOB).versions.find((v) => v.version === 1)?.stoppedWith).toBe(promoted.restoredFrom);
    expect(d.records.read(JOB).shadow).toBeUndefined();
    // promoted: nothing left to promote, and the next deploy of the same build changes nothing
    expect(await code(promoteJob(d, await plan(), restart))).toBe('FTS8110');
    expect((await deployJob(d, await plan(), manual)).action).toBe('unchanged');
  });

  it('a shadow reading Kafka consumes as a group of its own (`<group>-shadow`), the running job keeps its group', async () => {
    const k1 = pipelineArtifacts(kafkaV1OnPlatforms, 'test', name).artifacts[0] as JobArtifact;
    const k2 = pipelineArtifacts(kafkaShadowedOnPlatforms, 'test', name).artifacts[0] as JobArtifact;
    // deterministic: the same build gives the same shadow (and group), so a rerun adopts it
    expect(pipelineArtifacts(kafkaShadowedOnPlatforms, 'test', name).artifacts[0]?.shadow?.artifact.hash).toBe(k2.shadow?.artifact.hash);
    await deployJob(d, await planJob(d, JOB, k1), restart);
    expect((await deployJob(d, await planJob(d, JOB, k2), manual)).action).toBe('shadow');
    const live = platform.seen(JOB).sql ?? '';
    const shadow = platform.seen(SHADOW).sql ?? '';
    expect(live).toContain("'properties.group.id' = 'dws-aggregate'");
    expect(live).not.toContain('dws-aggregate-shadow');
    expect(shadow).toContain("FROM `dwd_order_detail` /*+ OPTIONS('properties.group.id'='dws-aggregate-shadow') */");
    expect(shadow).toContain('INSERT INTO `dws_sales_shadow`');
    // promoted, the job reads as its own group again
    await promoteJob(d, await planJob(d, JOB, k2), restart);
    expect(platform.seen(JOB).sql).not.toContain('dws-aggregate-shadow');
  });

  it('the platform keeps the deployment record beside the job (hash, version, time, savepoint) and reads it back', async () => {
    const first = await deployJob(d, await planJob(d, JOB, v1), restart);
    const local1 = d.records.read(JOB).versions.find((v) => v.version === 1)!;
    expect((await platform.target().running(JOB))[0]?.record).toEqual({ hash: v1.hash.slice(0, 12), version: 1, deployedAt: local1.deployedAt });
    expect(local1.deployedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const second = await deployJob(d, await plan(), restart);
    expect(second).toMatchObject({ action: 'update', version: 2 });
    const local2 = d.records.read(JOB).versions.find((v) => v.version === 2)!;
    expect(local2.restoredFrom).toBeDefined();
    // a fresh target (another machine, no local record) reads the same record from the platform
    expect((await platform.target().running(JOB))[0]?.record).toEqual({ hash: v2.hash.slice(0, 12), version: 2, deployedAt: local2.deployedAt, restoredFrom: local2.restoredFrom });
    expect(first.jobId).toBeDefined();
  });

  it('automatic promotion: the healthy shadow takes over in one deploy', async () => {
    await deployJob(d, await planJob(d, JOB, v1), restart);
    const out = await deployJob(d, await plan(), { ...manual, promote: 'auto' });
    expect(out).toMatchObject({ action: 'update', version: 2, shadow: { health: { healthy: true } } });
    expect(platform.seen(SHADOW).running).toBe(false);
    expect(platform.seen(JOB)).toMatchObject({ running: true, hash: v2.hash.slice(0, 12), restoredFrom: out.restoredFrom });
  });

  it('what cannot be promoted is FTS8110 and changes nothing', async () => {
    await deployJob(d, await planJob(d, JOB, v1), restart);
    // no shadow started
    const none = await promoteJob(d, await plan(), restart).catch((e: unknown) => e as FlinktsError);
    expect((none as FlinktsError).diagnostics[0]).toMatchObject({ code: 'FTS8110', message: expect.stringContaining('no shadow run of this build'), hint: expect.stringContaining('--promote manual') });
    // a build without shadow sinks
    expect((await promoteJob(d, await planJob(d, JOB, v1), restart).catch((e: unknown) => e as FlinktsError) as FlinktsError).diagnostics[0]).toMatchObject({ code: 'FTS8110', message: expect.stringContaining('no shadowed sink') });
    // a shadow of an earlier build: the pipeline changed since the shadow started
    await deployJob(d, await plan(), manual);
    const v3 = pipelineArtifacts(shadowedOnPlatforms, 'test', name).artifacts[0] as JobArtifact;
    const edited = { ...v3, hash: `${'f'.repeat(12)}${v3.hash.slice(12)}`, shadow: { ...v3.shadow!, artifact: { ...v3.shadow!.artifact, hash: `${'e'.repeat(12)}${v3.shadow!.artifact.hash.slice(12)}` } } };
    const stale = await promoteJob(d, await planJob(d, JOB, edited), restart).catch((e: unknown) => e as FlinktsError);
    expect((stale as FlinktsError).diagnostics[0]).toMatchObject({ code: 'FTS8110', message: expect.stringContaining('of another build') });
    expect(platform.seen(JOB)).toMatchObject({ running: true, hash: v1.hash.slice(0, 12) });
    expect(platform.seen(SHADOW).running).toBe(true);
    // abandoning cancels the shadow and leaves the old version as it was
    expect((await abandonShadow(d, await plan())).action).toBe('abandoned');
    expect(platform.seen(SHADOW).running).toBe(false);
    expect(platform.seen(JOB)).toMatchObject({ running: true, hash: v1.hash.slice(0, 12) });
    expect(await code(abandonShadow(d, await plan()))).toBe('FTS8110');
  });

  it('converges under injected faults: one application per name, the new version running from the old one\'s final savepoint', async () => {
    platform.faults.plan = { every: 3 };
    let failedRuns = 0;
    const rerun = async <T>(step: () => Promise<T>): Promise<T> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await step();
        } catch (e) {
          if (!(e instanceof FlinktsError) || e.diagnostics[0]?.code === 'FTS8110' || attempt > 20) throw e;
          failedRuns++;
        }
      }
    };
    await rerun(async () => deployJob(d, await planJob(d, JOB, v1), restart));
    expect((await rerun(async () => deployJob(d, await plan(), manual))).action).toBe('shadow');
    const promoted = await rerun(async () => {
      const p = await plan();
      // a rerun after the promotion went through (its answer lost) finds the new version running
      return p.action === 'unchanged' ? deployJob(d, p, restart) : promoteJob(d, p, restart);
    });
    expect(['update', 'unchanged']).toContain(promoted.action);
    expect(platform.seen(JOB)).toMatchObject({ count: 1, running: true, hash: v2.hash.slice(0, 12) });
    expect(platform.seen(SHADOW)).toMatchObject({ count: 1, running: false });
    const record = d.records.read(JOB);
    expect(record.current).toBe(2);
    expect(platform.seen(JOB).restoredFrom).toBe(record.versions.find((v) => v.version === 1)?.stoppedWith);
    const kinds = [...platform.faults.injected].map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`${name} shadow release faults injected: ${platform.faults.total} (${kinds}); survived: ${platform.faults.total} — converged after ${failedRuns} failed run(s), 0 duplicate applications`);
  }, 120_000);
});
