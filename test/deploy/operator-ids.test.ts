/**
 * Operator ids on real Flink 1.20.1 (a throw-away MiniCluster + SQL Gateway on 127.0.0.1): jobs start as compiled
 * plans (COMPILE PLAN / EXECUTE PLAN) with their node ids pinned to the running version's, and `plan` compares the
 * two versions' stateful operators by those ids. Each verdict is checked against what Flink itself does with the
 * savepoint: two INSERTs of a statement set swapped and a filter added are safe and every count continues from its
 * own state; without pinning, Flink hands one sink's state to the other; a removed INSERT leaves state that Flink
 * refuses to drop unless allowed; an aggregate whose input starts updating cannot be restored at all.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalFlink } from '@flinkts/core/flink';
import type { LocalFlink } from '@flinkts/core/flink';
import { DeploymentRecords, FlinkRestClient, GatewayTarget } from '@flinkts/pipelines';
import { artifactOf, bridgeCompiler, deployJob, planJob, readCompiledPlan } from '@flinkts/pipelines/internal';
import type { CompiledPlanJson, Deployer, DeployOptions, JobArtifact } from '@flinkts/pipelines';

const JOB = 'two-counts';
const ddl = [
  "SET 'execution.checkpointing.interval' = '1s'",
  "SET 'restart-strategy.type' = 'none'",
  "CREATE TEMPORARY TABLE `src` (`k` INT, `v` INT) WITH ('connector' = 'datagen', 'rows-per-second' = '30', 'fields.k.min' = '1', 'fields.k.max' = '3', 'fields.v.min' = '0', 'fields.v.max' = '9')",
  "CREATE TEMPORARY TABLE `a` (`k` INT, `n` BIGINT, PRIMARY KEY (`k`) NOT ENFORCED) WITH ('connector' = 'print', 'print-identifier' = 'A')",
  "CREATE TEMPORARY TABLE `b` (`k` INT, `n` BIGINT, PRIMARY KEY (`k`) NOT ENFORCED) WITH ('connector' = 'print', 'print-identifier' = 'B')",
];
const A = 'INSERT INTO `a` SELECT `k`, COUNT(*) FROM `src` GROUP BY `k`';
const B = 'INSERT INTO `b` SELECT `k`, COUNT(*) FROM `src` WHERE `v` < 3 GROUP BY `k`';
const version = (...inserts: string[]): JobArtifact => artifactOf(JOB, [...ddl, `EXECUTE STATEMENT SET BEGIN ${inserts.join('; ')}; END`]);
const v1 = version(A, B);
const swapped = version(B, A);
// a filter on A's input: a new Calc node in front of A's aggregate
const filtered = version(B, A.replace('FROM `src`', 'FROM `src` WHERE `v` >= 0'));
// B's input deduplicated keeping the last row: it now updates, so B's aggregate keeps retraction accumulators
const dedupB = version(A, 'INSERT INTO `b` SELECT `k`, COUNT(*) FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY `k`, `v` ORDER BY PROCTIME() DESC) AS `rn` FROM `src`) WHERE `rn` = 1 AND `v` < 3 GROUP BY `k`');
const onlyA = artifactOf(JOB, [...ddl, A]);
// B's aggregate with one accumulator more
const sumB = version(A, 'INSERT INTO `b` SELECT `k`, COUNT(*) + SUM(`v`) FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY `k`, `v` ORDER BY PROCTIME() DESC) AS `rn` FROM `src`) WHERE `rn` = 1 AND `v` < 3 GROUP BY `k`');

// one count into `c`; the same with a HAVING (a new Calc after the aggregate); the same over a UNION ALL (a new
// Union node before it)
const C_DDL = "CREATE TEMPORARY TABLE `c` (`k` INT, `n` BIGINT, PRIMARY KEY (`k`) NOT ENFORCED) WITH ('connector' = 'print', 'print-identifier' = 'C')";
const C = 'INSERT INTO `c` SELECT `k`, COUNT(*) FROM `src` GROUP BY `k`';
const oneCount = artifactOf('one-count', [...ddl, C_DDL, C]);
const oneCountHaving = artifactOf('one-count', [...ddl, C_DDL, `${C} HAVING COUNT(*) >= 1`]);
const oneCountUnion = artifactOf('one-count', [...ddl, C_DDL, 'INSERT INTO `c` SELECT `k`, COUNT(*) FROM (SELECT `k` FROM `src` UNION ALL SELECT `k` FROM `src` WHERE `v` = 0) GROUP BY `k`']);

const options: DeployOptions = {
  strategy: 'restart', autoRollback: false, allowNonRestoredState: false, startWithoutState: false,
  health: { checkpoints: 2, graceSeconds: 1, timeoutSeconds: 120 },
};

describe('operator ids: compiled plans pinned to the running version, judged as Flink restores them', () => {
  let flink: LocalFlink;
  let d: Deployer;
  let target: GatewayTarget;
  let rest: FlinkRestClient;
  let records: string;
  let plans: string;

  /** Per sink (A, B) and key: the counts the print sink wrote after log offset `from`. */
  const counts = (from: number): Record<string, Map<number, number[]>> => {
    const out: Record<string, Map<number, number[]>> = { A: new Map(), B: new Map() };
    for (const m of readFileSync(flink.log, 'utf8').slice(from).matchAll(/([AB])> \+[IU]\[(\d+), (\d+)\]/g)) {
      const per = out[m[1] as string] as Map<number, number[]>;
      per.set(Number(m[2]), [...(per.get(Number(m[2])) ?? []), Number(m[3])]);
    }
    return out;
  };
  const mark = (): number => readFileSync(flink.log, 'utf8').length;
  /** Each sink's first new count per key continues from its own last count before (`+1`: one row more). */
  const continues = (before: Record<string, Map<number, number[]>>, after: Record<string, Map<number, number[]>>, sinks: readonly string[]): void => {
    for (const sink of sinks) {
      const next = after[sink] as Map<number, number[]>;
      expect(next.size, `${sink} wrote nothing`).toBeGreaterThan(0);
      for (const [k, seq] of next) expect(seq[0], `${sink} key ${k}`).toBe(((before[sink] as Map<number, number[]>).get(k)?.at(-1) ?? 0) + 1);
    }
  };
  /** Waits until the print sinks have written again, so the last counts before a stop are in the log. */
  const settle = (): Promise<void> => delay(1500);
  const failureOf = async (jobId: string): Promise<string> => {
    for (let i = 0; i < 120; i++) {
      const state = (await rest.job(jobId)).state;
      if (state === 'FAILED') break;
      await delay(250);
    }
    const r = await fetch(`${flink.clusterUrl}/jobs/${jobId}/exceptions`).then((x) => x.json()) as { 'root-exception'?: string; exceptionHistory?: { entries?: { stacktrace?: string }[] } };
    return `${r['root-exception'] ?? ''}\n${(r.exceptionHistory?.entries ?? []).map((e) => e.stacktrace ?? '').join('\n')}`;
  };

  beforeAll(async () => {
    flink = await startLocalFlink();
    records = mkdtempSync(join(tmpdir(), 'flinkts-records-'));
    plans = mkdtempSync(join(tmpdir(), 'flinkts-plans-'));
    target = new GatewayTarget(flink.gatewayUrl, flink.clusterUrl, plans);
    rest = new FlinkRestClient(flink.clusterUrl);
    d = { target, records: new DeploymentRecords(records, 'ids', 'test', 'gateway'), compiler: bridgeCompiler(flink.bridgeUrl), progress: () => {} };
  }, 240_000);

  afterAll(async () => {
    await flink?.stop();
    for (const dir of [records, plans]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('swapping two INSERTs of a statement set is safe: each count continues from its own state', async () => {
    const first = await deployJob(d, await planJob(d, JOB, v1), options);
    expect(first.action).toBe('create');
    const recorded = d.records.read(JOB).versions[0];
    expect(recorded?.startedFromPlan).toBe(true);
    // the plan the job runs from: sink a's aggregate and sink b's, by node id
    const aggs = (recorded?.compiledPlan?.nodes ?? []).filter((n) => n.type.startsWith('stream-exec-group-aggregate')).map((n) => n.id);
    expect(aggs).toHaveLength(2);

    const plan = await planJob(d, JOB, swapped);
    expect(plan.state).toEqual({ verdict: 'safe', findings: [] });
    // freshly compiled, the swapped set numbers b's aggregate where a's was: the ids are what pinning keeps
    const sinkOfAggs = (p: CompiledPlanJson) => readCompiledPlan(p).operators.filter((o) => o.kind === 'group-aggregate').sort((x, y) => x.id - y.id).map((o) => o.sink.split('.').pop());
    expect(sinkOfAggs(recorded!.compiledPlan!)).toEqual(['a', 'b']);
    expect(sinkOfAggs(plan.compiledPlan!)).toEqual(['b', 'a']);

    await settle();
    const at = mark();
    const before = counts(0);
    const out = await deployJob(d, plan, options);
    expect(out).toMatchObject({ action: 'update', version: 2 });
    expect((await rest.checkpoints(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
    await settle();
    continues(before, counts(at), ['A', 'B']);
    const pinned = d.records.read(JOB).versions.find((v) => v.version === 2)?.compiledPlan?.nodes.filter((n) => n.type.startsWith('stream-exec-group-aggregate')).map((n) => n.id).sort();
    expect(pinned).toEqual([...aggs].sort());
  }, 300_000);

  it('without pinning, the freshly compiled ids match nothing and Flink refuses the savepoint', async () => {
    // Flink numbers plan nodes with one counter per JVM: a fresh plan's ids depend on what was compiled before
    const running = (await target.running(JOB))[0]!;
    const savepoint = await target.stopWithSavepoint(running.jobId);
    const refused = await target.start(swapped, { restoreFrom: savepoint }).then((r) => failureOf(r.jobId), (e: unknown) => String(e));
    expect(refused).toMatch(/Cannot map checkpoint\/savepoint state for operator/);
    const version2 = d.records.read(JOB).versions.find((v) => v.version === 2)!;
    const back = await target.start(swapped, { restoreFrom: savepoint, pinTo: version2.compiledPlan! });
    expect((await rest.checkpoints(back.jobId)).restoredFrom).toBe(savepoint);
  }, 300_000);

  it('adding a filter is safe: it changes the Calc in front of A, every stateful operator keeps its id', async () => {
    const plan = await planJob(d, JOB, filtered);
    expect(plan.state?.verdict).toBe('safe');
    await settle();
    const at = mark();
    const before = counts(0);
    const out = await deployJob(d, plan, options);
    expect((await rest.checkpoints(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
    await settle();
    continues(before, counts(at), ['A', 'B']);
  }, 300_000);

  it('a removed INSERT: plan says its state is dropped, and Flink refuses the savepoint unless that is allowed', async () => {
    const plan = await planJob(d, JOB, onlyA);
    expect(plan.state?.verdict).toBe('state-dropped');
    expect(plan.state?.findings).toEqual([expect.objectContaining({ operator: expect.stringMatching(/^group-aggregate \d+ feeding default_catalog\.default_database\.b$/), consequence: 'state-dropped' })]);
    const current = d.records.read(JOB).versions.at(-1)!;
    const running = (await target.running(JOB))[0]!;
    const savepoint = await target.stopWithSavepoint(running.jobId);
    const refused = await target.start(onlyA, { restoreFrom: savepoint, pinTo: current.compiledPlan! }).then((r) => failureOf(r.jobId), (e: unknown) => String(e));
    expect(refused).toMatch(/Cannot map checkpoint\/savepoint state for operator/);
    const allowed = await target.start(onlyA, { restoreFrom: savepoint, pinTo: current.compiledPlan!, allowNonRestoredState: true });
    await delay(3000);
    expect((await rest.job(allowed.jobId)).state).toBe('RUNNING');
    expect((await rest.checkpoints(allowed.jobId)).restoredFrom).toBe(savepoint);
    await target.cancel(allowed.jobId);
    await target.start(filtered, { restoreFrom: savepoint, pinTo: current.compiledPlan! });
  }, 300_000);

  it('an aggregate whose input starts updating keeps its layout when it counts with COUNT(*): safe, and Flink restores it', async () => {
    const plan = await planJob(d, JOB, dedupB);
    expect(plan.state?.verdict).toBe('safe');
    expect(plan.state?.findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ operator: expect.stringMatching(/^group-aggregate \d+ feeding default_catalog\.default_database\.b$/), change: expect.stringContaining('now updates'), consequence: 'safe' }),
      expect.objectContaining({ operator: expect.stringMatching(/^(rank|deduplicate) \d+ feeding/), change: expect.stringMatching(/^added/), consequence: 'safe' }),
    ]));
    const out = await deployJob(d, plan, options);
    expect(out).toMatchObject({ action: 'update' });
    expect((await rest.checkpoints(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
  }, 300_000);

  it('a changed aggregate list: plan says the restore fails, and Flink fails it even when state may be dropped', async () => {
    const plan = await planJob(d, JOB, sumB);
    expect(plan.state?.verdict).toBe('restore-fails');
    expect(plan.state?.findings).toEqual([expect.objectContaining({ operator: expect.stringMatching(/^group-aggregate \d+ feeding default_catalog\.default_database\.b$/), change: expect.stringContaining('aggregates changed from [COUNT()] to [COUNT(), SUM('), consequence: 'restore-fails' })]);
    const refused = await deployJob(d, plan, options).catch((e: unknown) => e);
    expect(String(refused)).toContain('FTS8103');
    const current = d.records.read(JOB).versions.at(-1)!;
    const running = (await target.running(JOB))[0]!;
    const savepoint = await target.stopWithSavepoint(running.jobId);
    const failed = await target.start(sumB, { restoreFrom: savepoint, pinTo: current.compiledPlan!, allowNonRestoredState: true }).then((r) => failureOf(r.jobId), (e: unknown) => String(e));
    expect(failed).toMatch(/StateMigrationException|incompatible/i);
  }, 300_000);

  /** Per key: the last count `C` printed before log offset `at`, and the first one after it. */
  const cCounts = (at: number) => {
    const log = readFileSync(flink.log, 'utf8');
    const last = new Map<number, number>();
    for (const m of log.slice(0, at).matchAll(/C> \+[IU]\[(\d+), (\d+)\]/g)) last.set(Number(m[1]), Number(m[2]));
    const first = new Map<number, number>();
    for (const m of log.slice(at).matchAll(/C> \+[IU]\[(\d+), (\d+)\]/g)) if (!first.has(Number(m[1]))) first.set(Number(m[1]), Number(m[2]));
    return { last, first };
  };

  it('generated ids (SQL): a node after the aggregate keeps its id — safe, and Flink restores; a node before it changes it — state dropped, and Flink refuses', async () => {
    const sql: Deployer = { ...d, target: new GatewayTarget(flink.gatewayUrl, flink.clusterUrl), records: new DeploymentRecords(records, 'ids-sql', 'test', 'gateway') };
    expect((await deployJob(sql, await planJob(sql, 'one-count', oneCount), options)).action).toBe('create');
    const having = await planJob(sql, 'one-count', oneCountHaving);
    expect(having).toMatchObject({ operatorIds: 'generated', state: { verdict: 'safe' } });
    await settle();
    const at = mark();
    const out = await deployJob(sql, having, options);
    expect((await rest.checkpoints(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
    await settle();
    const { last, first } = cCounts(at);
    expect(first.size).toBeGreaterThan(0);
    for (const [k, n] of first) expect(n, `key ${k}`).toBe((last.get(k) ?? 0) + 1);

    const union = await planJob(sql, 'one-count', oneCountUnion);
    expect(union.state?.verdict).toBe('state-dropped');
    expect(union.state?.findings).toEqual(expect.arrayContaining([expect.objectContaining({ operator: 'group-aggregate feeding default_catalog.default_database.c', change: expect.stringContaining('its Flink-generated operator id changes'), consequence: 'state-dropped' })]));
    expect(String(await deployJob(sql, union, options).catch((e: unknown) => e))).toContain('FTS8103');
    // Flink agrees: started from the savepoint, the aggregate's state finds no operator with its id
    const running = (await sql.target.running('one-count'))[0]!;
    const savepoint = await sql.target.stopWithSavepoint(running.jobId);
    const refused = await sql.target.start(oneCountUnion, { restoreFrom: savepoint }).then((r) => failureOf(r.jobId), (e: unknown) => String(e));
    expect(refused).toMatch(/Cannot map checkpoint\/savepoint state for operator/);
  }, 400_000);

  it('pinned ids: the same node added before the aggregate is safe, and its count continues', async () => {
    const pinned: Deployer = { ...d, records: new DeploymentRecords(records, 'ids-pinned', 'test', 'gateway') };
    expect((await deployJob(pinned, await planJob(pinned, 'one-count', oneCount), options)).action).toBe('create');
    const plan = await planJob(pinned, 'one-count', oneCountUnion);
    expect(plan).toMatchObject({ operatorIds: 'pinned', state: { verdict: 'safe' } });
    await settle();
    const at = mark();
    const out = await deployJob(pinned, plan, options);
    expect((await rest.checkpoints(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
    await settle();
    const { last, first } = cCounts(at);
    expect(first.size).toBeGreaterThan(0);
    // the union counts more rows from now on; the count goes on from the restored one, not from zero
    for (const [k, n] of first) expect(n, `key ${k}`).toBeGreaterThan(last.get(k) ?? 0);
  }, 400_000);
});
