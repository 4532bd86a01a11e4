/**
 * Deploy strategies and failures against real Flink 1.20.1 (a throw-away MiniCluster + SQL Gateway on
 * 127.0.0.1) on a job of the realtime-dw DWS shape: blue-green, a failure between stop and start (the rerun
 * resumes from the recorded savepoint), and --auto-rollback of a version that keeps failing. (The create /
 * update / refuse / rollback flow through the CLI is cli-deploy.test.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalFlink } from '@flinkts/core/flink';
import type { LocalFlink } from '@flinkts/core/flink';
import { DeploymentRecords, EndpointError, GatewayTarget } from '@flinkts/pipelines';
import { artifactOf, bridgeCompiler, deployJob, planJob } from '@flinkts/pipelines/internal';
import type { Deployer, DeployOptions } from '@flinkts/pipelines';

const JOB = 'rt-dw-dws-aggregate';

const ddl = [
  "SET 'execution.checkpointing.interval' = '1s'",
  "SET 'table.exec.state.ttl' = '1d'",
  "CREATE TEMPORARY TABLE `dwd_order_detail` (`order_id` BIGINT, `category` INT, `amount` INT) WITH ('connector' = 'datagen', 'rows-per-second' = '20', 'fields.category.min' = '1', 'fields.category.max' = '3', 'fields.amount.min' = '1', 'fields.amount.max' = '100')",
  "CREATE TEMPORARY TABLE `dws_sales` (`category` INT, `order_count` BIGINT, `paid_amount` BIGINT, PRIMARY KEY (`category`) NOT ENFORCED) WITH ('connector' = 'print', 'print-identifier' = 'DWS')",
];
const v1 = artifactOf(JOB, [...ddl, 'INSERT INTO `dws_sales` SELECT `category`, COUNT(*), SUM(CAST(`amount` AS BIGINT)) FROM `dwd_order_detail` WHERE `amount` >= 0 GROUP BY `category`']);
// compatible: a changed filter constant (same operators, keys and aggregates)
const v2 = artifactOf(JOB, [...ddl, 'INSERT INTO `dws_sales` SELECT `category`, COUNT(*), SUM(CAST(`amount` AS BIGINT)) FROM `dwd_order_detail` WHERE `amount` >= 1 GROUP BY `category`']);
const v2b = artifactOf(JOB, [...ddl, 'INSERT INTO `dws_sales` SELECT `category`, COUNT(*), SUM(CAST(`amount` AS BIGINT)) FROM `dwd_order_detail` WHERE `amount` >= 2 GROUP BY `category`']);
// state-compatible but fails at run time (an integer division by zero): restarts, never healthy
const broken = artifactOf(JOB, [...ddl, "SET 'restart-strategy.type' = 'fixed-delay'", "SET 'restart-strategy.fixed-delay.delay' = '200ms'", 'INSERT INTO `dws_sales` SELECT `category`, COUNT(*), SUM(CAST(`amount` AS BIGINT)) FROM `dwd_order_detail` WHERE `amount` / (`amount` - `amount`) >= 2 GROUP BY `category`']);

const options: DeployOptions = {
  strategy: 'restart', autoRollback: false, allowNonRestoredState: false, startWithoutState: false,
  health: { checkpoints: 2, graceSeconds: 1, timeoutSeconds: 120 },
};


describe('deploy on real Flink through the SQL Gateway', () => {
  let flink: LocalFlink;
  let d: Deployer;
  let records: string;
  const lines: string[] = [];

  beforeAll(async () => {
    flink = await startLocalFlink();
    records = mkdtempSync(join(tmpdir(), 'flinkts-records-'));
    d = {
      target: new GatewayTarget(flink.gatewayUrl, flink.clusterUrl),
      records: new DeploymentRecords(records, 'realtime-dw', 'test', 'gateway'),
      compiler: bridgeCompiler(flink.bridgeUrl),
      progress: (l) => lines.push(l),
    };
  }, 240_000);

  afterAll(async () => {
    await flink?.stop();
    if (records) rmSync(records, { recursive: true, force: true });
  });

  it('blue-green: the new version starts beside the old one from its savepoint, then the old one stops', async () => {
    const first = await deployJob(d, await planJob(d, JOB, v1), options);
    expect(first.action).toBe('create');
    const seen = new Set<string>();
    const watching = { ...d, progress: (l: string) => { lines.push(l); if (l.includes('checkpoints')) void d.target.running(JOB).then((r) => r.forEach((x) => seen.add(x.jobId))); } };
    const out = await deployJob(watching, await planJob(d, JOB, v2), { ...options, strategy: 'blue-green' });
    expect(out).toMatchObject({ action: 'update', version: 2 });
    // both ran at once while the new one was checked
    expect(seen).toEqual(new Set([first.jobId, out.jobId]));
    expect((await d.target.health(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
    expect(d.records.read(JOB).savepoints.map((s) => s.kind)).toEqual(['trigger', 'stop']);
    expect((await d.target.running(JOB)).map((r) => r.jobId)).toEqual([out.jobId]);
  }, 300_000);

  it('a failure between stop and start: the rerun starts from the recorded savepoint, nothing lost or doubled', async () => {
    let failures = 1;
    const flaky: Deployer = {
      ...d,
      target: Object.assign(Object.create(d.target) as GatewayTarget, {
        start: async (...args: Parameters<GatewayTarget['start']>) => {
          if (failures-- > 0) throw new EndpointError('submit a statement', 0, 'ECONNRESET');
          return d.target.start(...args);
        },
      }),
    };
    const failed = await deployJob(flaky, await planJob(flaky, JOB, v2b), options).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(EndpointError);
    expect(await d.target.running(JOB)).toEqual([]);
    const pending = d.records.read(JOB).pending;
    expect(pending?.savepoint).toBeDefined();
    const rerun = await planJob(flaky, JOB, v2b);
    expect(rerun.deployed?.version).toBe(2);
    const out = await deployJob(flaky, rerun, options);
    expect(out.restoredFrom).toBe(pending?.savepoint);
    expect((await d.target.running(JOB)).map((r) => r.jobId)).toEqual([out.jobId]);
    expect(d.records.read(JOB).pending).toBeUndefined();
  }, 300_000);

  it('--auto-rollback: a version that keeps failing is replaced by the previous one from the savepoint', async () => {
    const before = d.records.read(JOB).current;
    const out = await deployJob(d, await planJob(d, JOB, broken), { ...options, autoRollback: true, health: { ...options.health, timeoutSeconds: 60 } });
    expect(out.action).toBe('rolled-back');
    expect(out.version).toBe(before);
    expect(out.health?.healthy).toBe(false);
    const run = await d.target.running(JOB);
    expect(run.map((r) => r.hash)).toEqual([v2b.hash.slice(0, 12)]);
    expect((await d.target.health(run[0]!.jobId)).restoredFrom).toBe(out.restoredFrom);
  }, 300_000);
});
