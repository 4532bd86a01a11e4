/**
 * Jobs given to the platform as SQL (StreamPark, VVP, Alibaba, or the gateway without a plan directory): Flink
 * generates every operator's id from the job graph (StreamGraphHasherV2), and `plan` now has Flink compute those
 * ids for both versions. Each verdict is checked against what Flink 1.20.1 does with the savepoint (a throw-away
 * MiniCluster + SQL Gateway on 127.0.0.1):
 * - a source added in another INSERT's branch moves this INSERT's aggregate in the graph's traversal: its id
 *   changes and its state is dropped, though its own upstream did not change (the earlier per-branch check missed it);
 * - a removed source is reported; a SourceFunction source without state (datagen) is safe, and Flink restores
 *   without it; a removed filesystem source (a FileSource, with a split enumerator) is state dropped: refused unless
 *   allowed, and Flink refuses its savepoint unless allowed too (Kafka and MySQL CDC
 *   sources on a real broker and database: source-restore.test.ts);
 * - an aggregate list whose accumulators keep their layout (SUM of another INT expression) restores and continues;
 *   one whose layout changes (the same aggregates reordered) fails the restore.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalFlink } from '@flinkts/core/flink';
import type { LocalFlink } from '@flinkts/core/flink';
import { FlinktsError } from '@flinkts/core';
import { DeploymentRecords, FlinkRestClient, GatewayTarget } from '@flinkts/pipelines';
import { artifactOf, bridgeCompiler, compareCompiledPlans, deployJob, planJob } from '@flinkts/pipelines/internal';
import type { Deployer, DeployOptions } from '@flinkts/pipelines';

const source = (name: string) => `CREATE TEMPORARY TABLE \`${name}\` (\`k\` INT, \`v\` INT, \`w\` INT) WITH ('connector' = 'datagen', 'rows-per-second' = '30', 'fields.k.min' = '1', 'fields.k.max' = '3', 'fields.v.min' = '0', 'fields.v.max' = '9', 'fields.w.min' = '0', 'fields.w.max' = '9')`;
const sink = (name: string, id: string, columns = '`k` INT, `n` BIGINT') => `CREATE TEMPORARY TABLE \`${name}\` (${columns}, PRIMARY KEY (\`k\`) NOT ENFORCED) WITH ('connector' = 'print', 'print-identifier' = '${id}')`;
const ddl = ["SET 'execution.checkpointing.interval' = '1s'", "SET 'restart-strategy.type' = 'none'", source('src'), source('src2')];
const set = (...inserts: string[]) => `EXECUTE STATEMENT SET BEGIN ${inserts.join('; ')}; END`;

// two counts from one source; then the second also reads a second source
const A = 'INSERT INTO `a` SELECT `k`, COUNT(*) FROM `src` GROUP BY `k`';
const B = 'INSERT INTO `b` SELECT `k`, COUNT(*) FROM `src` WHERE `v` < 3 GROUP BY `k`';
const B2 = 'INSERT INTO `b` SELECT `k`, COUNT(*) FROM (SELECT * FROM `src` WHERE `v` < 3 UNION ALL SELECT * FROM `src2` WHERE `v` < 3) GROUP BY `k`';
const twoCounts = artifactOf('two-counts', [...ddl, sink('a', 'GA'), sink('b', 'GB'), set(A, B)]);
const twoCountsMoreSources = artifactOf('two-counts', [...ddl, sink('a', 'GA'), sink('b', 'GB'), set(A, B2)]);

// stateless copies of two datagen sources (SourceFunctions, no split enumerator); then only the first
const COLUMNS = '`k` INT, `v` INT, `w` INT';
const copyDdl = [...ddl, sink('p', 'P', COLUMNS), sink('r', 'R', COLUMNS)];
const copyP = 'INSERT INTO `p` SELECT * FROM `src`';
const copies = artifactOf('copies', [...copyDdl, set(copyP, 'INSERT INTO `r` SELECT * FROM `src2`')]);
const oneCopy = artifactOf('copies', [...copyDdl, copyP]);

// the same with a second source reading files (a FileSource: split enumerator, splits and positions in state), then without it
const FILES_DIR = mkdtempSync(join(tmpdir(), 'flinkts-gen-files-'));
writeFileSync(join(FILES_DIR, 'part-0.csv'), Array.from({ length: 50 }, (_, i) => `${(i % 3) + 1},${i % 10},${i % 7}`).join('\n') + '\n');
const filesSource = `CREATE TEMPORARY TABLE \`files\` (${COLUMNS}) WITH ('connector' = 'filesystem', 'path' = '${pathToFileURL(FILES_DIR).href}', 'format' = 'csv', 'source.monitor-interval' = '1s')`;
const withFiles = artifactOf('file-copies', [...copyDdl, filesSource, set(copyP, 'INSERT INTO `r` SELECT * FROM `files`')]);
const withoutFiles = artifactOf('file-copies', [...copyDdl, filesSource, copyP]);

// a count and a sum; the sum of another INT expression; the two aggregates swapped
const S_DDL = sink('s', 'S', '`k` INT, `n` BIGINT, `t` INT');
const countSum = artifactOf('count-sum', [...ddl, S_DDL, 'INSERT INTO `s` SELECT `k`, COUNT(*), SUM(`v`) FROM `src` GROUP BY `k`']);
const countSumW = artifactOf('count-sum', [...ddl, S_DDL, 'INSERT INTO `s` SELECT `k`, COUNT(*), SUM(`w`) FROM `src` GROUP BY `k`']);
const sumCount = artifactOf('count-sum', [...ddl, S_DDL, 'INSERT INTO `s` SELECT `k`, `n`, `t` FROM (SELECT `k`, SUM(`v`) AS `t`, COUNT(*) AS `n` FROM `src` GROUP BY `k`)']);

const options: DeployOptions = { strategy: 'restart', autoRollback: false, allowNonRestoredState: false, startWithoutState: false, health: { checkpoints: 2, graceSeconds: 1, timeoutSeconds: 120 } };

describe('generated operator ids (jobs given as SQL), computed by Flink and judged as Flink restores them', () => {
  let flink: LocalFlink;
  let d: Deployer;
  let target: GatewayTarget;
  let rest: FlinkRestClient;
  let records: string;

  const mark = (): number => readFileSync(flink.log, 'utf8').length;
  /** Per key: the last count printed as `id` before log offset `at`, and the first after it. */
  const around = (id: string, at: number) => {
    const log = readFileSync(flink.log, 'utf8');
    const pattern = new RegExp(`${id}> \\+[IU]\\[(\\d+), (\\d+)`, 'g');
    const last = new Map<number, number>();
    for (const m of log.slice(0, at).matchAll(pattern)) last.set(Number(m[1]), Number(m[2]));
    const first = new Map<number, number>();
    for (const m of log.slice(at).matchAll(pattern)) if (!first.has(Number(m[1]))) first.set(Number(m[1]), Number(m[2]));
    return { last, first };
  };
  const failureOf = async (jobId: string): Promise<string> => {
    for (let i = 0; i < 120 && (await rest.job(jobId)).state !== 'FAILED'; i++) await delay(250);
    const r = await fetch(`${flink.clusterUrl}/jobs/${jobId}/exceptions`).then((x) => x.json()) as { 'root-exception'?: string; exceptionHistory?: { entries?: { stacktrace?: string }[] } };
    return `${r['root-exception'] ?? ''}\n${(r.exceptionHistory?.entries ?? []).map((e) => e.stacktrace ?? '').join('\n')}`;
  };
  const stop = async (job: string): Promise<string> => target.stopWithSavepoint((await target.running(job))[0]!.jobId);

  beforeAll(async () => {
    flink = await startLocalFlink();
    records = mkdtempSync(join(tmpdir(), 'flinkts-gen-records-'));
    // no plan directory: the gateway is given SQL, as StreamPark, VVP and Alibaba are
    target = new GatewayTarget(flink.gatewayUrl, flink.clusterUrl);
    rest = new FlinkRestClient(flink.clusterUrl);
    d = { target, records: new DeploymentRecords(records, 'generated', 'test', 'gateway'), compiler: bridgeCompiler(flink.bridgeUrl), progress: () => {} };
  }, 240_000);

  afterAll(async () => {
    await flink?.stop();
    if (records) rmSync(records, { recursive: true, force: true });
    rmSync(FILES_DIR, { recursive: true, force: true });
  });

  it("a source added in another INSERT's branch changes this INSERT's aggregate id: plan says its state is dropped, and Flink drops it", async () => {
    expect((await deployJob(d, await planJob(d, 'two-counts', twoCounts), options)).action).toBe('create');
    const plan = await planJob(d, 'two-counts', twoCountsMoreSources);
    expect(plan.operatorIds).toBe('generated');
    expect(plan.state?.verdict).toBe('state-dropped');
    expect(plan.state?.findings).toEqual(expect.arrayContaining([
      expect.objectContaining({ operator: 'group-aggregate feeding default_catalog.default_database.a', change: expect.stringContaining('its Flink-generated operator id changes'), consequence: 'state-dropped' }),
    ]));
    // matching per sink by the upstream's shape alone (without Flink's ids) did not see it
    const byShape = compareCompiledPlans(d.records.read('two-counts').versions[0]!.compiledPlan!, plan.compiledPlan!, 'generated');
    expect(byShape.findings.some((f) => f.operator === 'group-aggregate feeding default_catalog.default_database.a')).toBe(false);
    await delay(1500);
    const savepoint = await stop('two-counts');
    expect(await target.start(twoCountsMoreSources, { restoreFrom: savepoint }).then((r) => failureOf(r.jobId), (e: unknown) => String(e))).toMatch(/Cannot map checkpoint\/savepoint state for operator/);
    // allowed to drop it, Flink starts a's counts again from zero
    const at = mark();
    const allowed = await target.start(twoCountsMoreSources, { restoreFrom: savepoint, allowNonRestoredState: true });
    await delay(3000);
    expect((await rest.checkpoints(allowed.jobId)).restoredFrom).toBe(savepoint);
    const { last, first } = around('GA', at);
    expect(first.size).toBeGreaterThan(0);
    for (const [k, n] of first) expect(n, `a's count of key ${k} starts again (it was ${last.get(k)})`).toBe(1);
    await target.cancel(allowed.jobId);
  }, 400_000);

  it('a removed SourceFunction source (datagen) keeps no state: plan says so, and Flink restores without it', async () => {
    expect((await deployJob(d, await planJob(d, 'copies', copies), options)).action).toBe('create');
    const plan = await planJob(d, 'copies', oneCopy);
    expect(plan.state?.findings).toEqual([expect.objectContaining({ operator: 'source default_catalog.default_database.src2', change: expect.stringMatching(/^removed \(a SourceFunction source/), consequence: 'safe' })]);
    expect(plan.state?.verdict).toBe('safe');
    await delay(1500);
    const out = await deployJob(d, plan, options);
    expect((await rest.checkpoints(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
  }, 400_000);

  it('a removed filesystem source (a FileSource: splits and positions in state): plan says state is dropped, and Flink drops it only when allowed', async () => {
    expect((await deployJob(d, await planJob(d, 'file-copies', withFiles), options)).action).toBe('create');
    await delay(3000);
    const running = (await target.running('file-copies'))[0]!;
    const plan = await planJob(d, 'file-copies', withoutFiles);
    expect(plan.state?.verdict).toBe('state-dropped');
    expect(plan.state?.findings).toEqual([expect.objectContaining({ operator: 'source default_catalog.default_database.files', change: expect.stringContaining('its splits and offsets map to no operator'), consequence: 'state-dropped' })]);
    // refused before anything is touched
    expect(await deployJob(d, plan, options).then(() => 'deployed', (e: unknown) => (e instanceof FlinktsError ? e.diagnostics[0]?.code : String(e)))).toBe('FTS8103');
    expect((await target.running('file-copies')).map((r) => r.jobId)).toEqual([running.jobId]);
    // allowed: Flink restores the rest from the savepoint and runs without the files source
    const out = await deployJob(d, plan, { ...options, allowNonRestoredState: true });
    expect(out).toMatchObject({ action: 'update', version: 2 });
    expect((await rest.checkpoints(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
    // and Flink itself refuses the same savepoint without the allowance: the source's state is really there
    await target.cancel(out.jobId!);
    expect(await target.start(withoutFiles, { restoreFrom: out.restoredFrom! }).then((r) => failureOf(r.jobId), (e: unknown) => String(e))).toMatch(/Cannot map checkpoint\/savepoint state for operator/);
  }, 400_000);

  it('aggregates whose accumulators keep their layout restore and continue; the same aggregates reordered fail the restore', async () => {
    expect((await deployJob(d, await planJob(d, 'count-sum', countSum), options)).action).toBe('create');
    const same = await planJob(d, 'count-sum', countSumW);
    expect(same.state).toMatchObject({ verdict: 'safe' });
    expect(same.state?.findings).toEqual([expect.objectContaining({ change: expect.stringMatching(/^aggregates changed from \[COUNT\(\), SUM\(v\)\] to \[COUNT\(\), SUM\(w\)\]; the accumulators keep their layout \[BIGINT, INT\]/), consequence: 'safe' })]);
    await delay(1500);
    const at = mark();
    const out = await deployJob(d, same, options);
    expect((await rest.checkpoints(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
    await delay(1500);
    const { last, first } = around('S', at);
    expect(first.size).toBeGreaterThan(0);
    for (const [k, n] of first) expect(n, `key ${k}`).toBe((last.get(k) ?? 0) + 1);

    const swapped = await planJob(d, 'count-sum', sumCount);
    expect(swapped.state?.verdict).toBe('restore-fails');
    expect(swapped.state?.findings).toEqual(expect.arrayContaining([expect.objectContaining({ change: expect.stringContaining('the accumulator layout in state changes from [BIGINT, INT] to [INT, BIGINT]'), consequence: 'restore-fails' })]));
    const savepoint = await stop('count-sum');
    expect(await target.start(sumCount, { restoreFrom: savepoint, allowNonRestoredState: true }).then((r) => failureOf(r.jobId), (e: unknown) => String(e))).toMatch(/StateMigrationException|incompatible/i);
  }, 400_000);
});
