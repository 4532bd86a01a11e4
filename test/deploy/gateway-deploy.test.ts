/**
 * Deploying against real Flink 1.20.1 (a throw-away MiniCluster + SQL Gateway on 127.0.0.1): a job of the
 * realtime-dw DWS shape (orders → per-category running count and sum → upsert sink) is deployed, checkpoints,
 * is updated compatibly (its running count continues from the savepoint), an incompatible update is refused by
 * the plan before anything is touched, and a rollback runs the first version from its own savepoint.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalFlink } from '@flinkts/core/flink';
import type { LocalFlink } from '@flinkts/core/flink';
import { FlinktsError } from '@flinkts/core';
import { artifactOf, bridgeCompiler, deployJob, DeploymentRecords, GatewayTarget, planJob, rollbackJob } from '../../packages/pipelines/src/deploy/index.js';
import type { Deployer, DeployOptions } from '../../packages/pipelines/src/deploy/index.js';

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
// incompatible: the aggregate list changes (MAX added, SUM replaced): the accumulators in state no longer fit
const v3 = artifactOf(JOB, [...ddl, 'INSERT INTO `dws_sales` SELECT `category`, COUNT(*), MAX(CAST(`amount` AS BIGINT)) FROM `dwd_order_detail` WHERE `amount` >= 1 GROUP BY `category`']);

const options: DeployOptions = {
  strategy: 'restart', autoRollback: false, allowNonRestoredState: false, startWithoutState: false,
  health: { checkpoints: 2, graceSeconds: 1, timeoutSeconds: 120 },
};

/** The per-category counts the print sink wrote since `from` (a log offset), in order. */
function counts(flink: LocalFlink, from: number): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const m of readFileSync(flink.log, 'utf8').slice(from).matchAll(/DWS> \+[IU]\[(\d+), (\d+), \d+\]/g)) {
    const k = Number(m[1]);
    out.set(k, [...(out.get(k) ?? []), Number(m[2])]);
  }
  return out;
}
const logSize = (flink: LocalFlink): number => readFileSync(flink.log, 'utf8').length;

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

  it('creates, updates compatibly with state restored, refuses an incompatible update, and rolls back', async () => {
    // 1. create
    const p1 = await planJob(d, JOB, v1);
    expect(p1.action).toBe('create');
    const first = await deployJob(d, p1, options);
    expect(first.version).toBe(1);
    expect((await d.target.running(JOB)).map((r) => r.jobId)).toEqual([first.jobId]);
    // a rerun of the same deploy changes nothing and starts nothing
    const again = await planJob(d, JOB, v1);
    expect(again.action).toBe('unchanged');
    expect((await deployJob(d, again, options)).action).toBe('unchanged');
    expect(await d.target.running(JOB)).toHaveLength(1);

    // 2. compatible update: the plan says safe, the count continues from the savepoint
    const p2 = await planJob(d, JOB, v2);
    expect(p2.action).toBe('update');
    expect(p2.state?.verdict).toBe('safe');
    expect(p2.diff?.lines.filter((l) => l.op !== '=').map((l) => l.op)).toEqual(['-', '+']);
    const beforeV2 = counts(flink, 0);
    const mark2 = logSize(flink);
    const second = await deployJob(d, p2, options);
    expect(second.version).toBe(2);
    expect(second.restoredFrom).toBe(second.savepoint);
    expect((await d.target.health(second.jobId!)).restoredFrom).toBe(second.savepoint);
    const afterV2 = counts(flink, mark2);
    for (const [k, seq] of afterV2) {
      const lastOld = beforeV2.get(k)?.at(-1) ?? 0;
      expect(lastOld).toBeGreaterThan(0);
      // the first count the new version prints continues the old one's (state restored, not restarted from 1)
      expect(seq[0]).toBe(lastOld + 1);
    }

    // 3. incompatible update: plan names the operator and the consequence; deploy refuses before touching anything
    const p3 = await planJob(d, JOB, v3);
    expect(p3.state?.verdict).toBe('restore-fails');
    expect(p3.state?.findings).toEqual([expect.objectContaining({ operator: expect.stringContaining('group-aggregate feeding'), consequence: 'restore-fails', change: expect.stringContaining('aggregates changed from [COUNT(), SUM($f1)] to [COUNT(), MAX($f1)]') })]);
    const runningBefore = await d.target.running(JOB);
    const refused = await deployJob(d, p3, options).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(FlinktsError);
    expect((refused as FlinktsError).diagnostics[0]?.code).toBe('FTS8103');
    expect(await d.target.running(JOB)).toEqual(runningBefore);

    // 4. roll back to version 1: it runs from the savepoint version 1 stopped with
    const v1Record = d.records.read(JOB).versions.find((v) => v.version === 1);
    expect(v1Record?.stoppedWith).toBeDefined();
    const back = await rollbackJob(d, JOB, 1, options);
    expect(back.action).toBe('rolled-back');
    expect(back.version).toBe(1);
    expect(back.restoredFrom).toBe(v1Record?.stoppedWith);
    const run = await d.target.running(JOB);
    expect(run).toHaveLength(1);
    expect(run[0]?.hash).toBe(v1.hash.slice(0, 12));
    expect((await d.target.health(run[0]!.jobId)).restoredFrom).toBe(v1Record?.stoppedWith);
    const record = d.records.read(JOB);
    expect(record.current).toBe(1);
    expect(record.savepoints.filter((s) => s.kind === 'stop')).toHaveLength(2);
  }, 400_000);
});
