/**
 * Sources whose state lives in another system, judged by real restores: a real Apache Kafka 4 broker
 * (test/support/kafka.ts, KRaft on 127.0.0.1), the real MariaDB 10.11 with a row-based binlog (test/support/mariadb.ts)
 * and Flink 1.20.1 (a throw-away MiniCluster + SQL Gateway) with flink-connector-kafka 3.4.0-1.20 and
 * flink-sql-connector-mysql-cdc 3.2.1. Both are FLIP-27 sources: their readers keep their splits (topic, partition,
 * offset; snapshot chunks and the binlog position) and their split enumerator what it assigned, under the source's
 * operator id. Each verdict of `plan` is checked against what Flink does with the savepoint:
 * - a compatible change restores the offsets / binlog position with the counts: nothing is read twice;
 * - a removed Kafka or CDC source (compiled plans with pinned ids, and SQL with Flink-generated ids) leaves its
 *   state behind: `plan` says state is dropped, deploy refuses, Flink refuses the savepoint unless allowed, and
 *   allowed it runs without it;
 * - a Kafka source whose topic changes keeps its operator id, so it gets the old topic's splits back: `plan` says
 *   it goes on reading the old topic beside the new one, and Flink does;
 * - with generated ids, a Kafka source removed ahead of a datagen source passes its id to it: Flink restores
 *   without asking for allowNonRestoredState and the offsets are gone, so `plan` calls it state dropped; ahead of
 *   another Kafka source, that source gets its splits and reads the removed topic on: `plan` calls it misrouted.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalFlink } from '@flinkts/core/flink';
import type { LocalFlink } from '@flinkts/core/flink';
import { FlinktsError } from '@flinkts/core';
import { DeploymentRecords, FlinkRestClient, GatewayTarget, SqlGatewayClient } from '@flinkts/pipelines';
import { artifactOf, bridgeCompiler, deployJob, planJob } from '@flinkts/pipelines/internal';
import type { Deployer, DeployOptions, JobArtifact } from '@flinkts/pipelines';
import { startKafka } from '../support/kafka.js';
import { startMariaDb } from '../support/mariadb.js';
import type { MariaDb } from '../support/mariadb.js';
import type { KafkaBroker } from '../support/kafka.js';

const options: DeployOptions = { strategy: 'restart', autoRollback: false, allowNonRestoredState: false, startWithoutState: false, health: { checkpoints: 2, graceSeconds: 1, timeoutSeconds: 120 } };
const SETTINGS = ["SET 'execution.checkpointing.interval' = '1s'", "SET 'restart-strategy.type' = 'none'"];
const COLUMNS = '`k` INT, `v` INT';
const datagen = "CREATE TEMPORARY TABLE `ticks` (`k` INT, `v` INT) WITH ('connector' = 'datagen', 'rows-per-second' = '20', 'fields.k.min' = '1', 'fields.k.max' = '3', 'fields.v.min' = '0', 'fields.v.max' = '9')";
const print = (name: string, id: string, columns = COLUMNS) => `CREATE TEMPORARY TABLE \`${name}\` (${columns}) WITH ('connector' = 'print', 'print-identifier' = '${id}')`;
const counts = (name: string, id: string) => `CREATE TEMPORARY TABLE \`${name}\` (\`k\` INT, \`n\` BIGINT, PRIMARY KEY (\`k\`) NOT ENFORCED) WITH ('connector' = 'print', 'print-identifier' = '${id}')`;
const set = (...inserts: string[]) => `EXECUTE STATEMENT SET BEGIN ${inserts.join('; ')}; END`;

describe('Kafka and MySQL CDC sources on real systems: plan agrees with what Flink does on restore', () => {
  let kafka: KafkaBroker;
  let db: MariaDb;
  let flink: LocalFlink;
  let rest: FlinkRestClient;
  let records: string;
  let plans: string;

  const topic = (table: string, name: string, group: string) =>
    `CREATE TEMPORARY TABLE \`${table}\` (${COLUMNS}) WITH ('connector' = 'kafka', 'topic' = '${name}', 'properties.bootstrap.servers' = '${kafka.bootstrap}', 'properties.group.id' = '${group}', 'scan.startup.mode' = 'earliest-offset', 'format' = 'json')`;
  /** Writes rows (k, v) to a topic with a bounded Flink job through the gateway (the topic is created by the broker). */
  const produce = async (name: string, rows: readonly (readonly [number, number])[]): Promise<void> => {
    const session = await new SqlGatewayClient(flink.gatewayUrl).openSession({}, 'produce');
    try {
      await session.execute(`CREATE TEMPORARY TABLE \`out\` (${COLUMNS}) WITH ('connector' = 'kafka', 'topic' = '${name}', 'properties.bootstrap.servers' = '${kafka.bootstrap}', 'format' = 'json')`);
      const r = await session.execute(`INSERT INTO \`out\` VALUES ${rows.map(([k, v]) => `(${k}, ${v})`).join(', ')}`);
      for (let i = 0; i < 600; i++) {
        const state = (await rest.job(r.jobId!)).state;
        if (state === 'FINISHED') return;
        if (state === 'FAILED' || state === 'CANCELED') throw new Error(`writing to topic ${name} ended ${state}`);
        await delay(200);
      }
      throw new Error(`writing to topic ${name} did not finish`);
    } finally {
      await session.close();
    }
  };
  const rowsOf = (n: number, keys: readonly number[]) => Array.from({ length: n }, (_, i) => [keys[i % keys.length] as number, i % 10] as const);
  const mark = (): number => readFileSync(flink.log, 'utf8').length;
  /** Per key: the latest count printed as `id` after log offset `from`. */
  const latest = (id: string, from = 0): Map<number, number> => {
    const out = new Map<number, number>();
    for (const m of readFileSync(flink.log, 'utf8').slice(from).matchAll(new RegExp(`${id}> \\+[IU]\\[(\\d+), (\\d+)\\]`, 'g'))) out.set(Number(m[1]), Number(m[2]));
    return out;
  };
  /** Waits until the counts printed as `id` after `from` are `expected` (and stay so for a moment). */
  const countsReach = async (id: string, from: number, expected: Record<number, number>): Promise<Map<number, number>> => {
    const want = JSON.stringify(Object.entries(expected).map(([k, n]) => [Number(k), n]));
    for (let i = 0; i < 240; i++) {
      const now = latest(id, from);
      if (JSON.stringify([...now].sort((a, b) => a[0] - b[0])) === want) {
        await delay(1500);
        return latest(id, from);
      }
      await delay(250);
    }
    return latest(id, from);
  };
  const failureOf = async (jobId: string): Promise<string> => {
    for (let i = 0; i < 120 && (await rest.job(jobId)).state !== 'FAILED'; i++) await delay(250);
    const r = await fetch(`${flink.clusterUrl}/jobs/${jobId}/exceptions`).then((x) => x.json()) as { 'root-exception'?: string; exceptionHistory?: { entries?: { stacktrace?: string }[] } };
    return `${r['root-exception'] ?? ''}\n${(r.exceptionHistory?.entries ?? []).map((e) => e.stacktrace ?? '').join('\n')}`;
  };
  /** The savepoint a run restored from, once Flink reports it (a job just submitted has not restored yet). */
  const restoredFrom = async (jobId: string): Promise<string | undefined> => {
    for (let i = 0; i < 240; i++) {
      const r = (await rest.checkpoints(jobId)).restoredFrom;
      if (r !== undefined) return r;
      await delay(250);
    }
    return undefined;
  };
  const deployer = (target: GatewayTarget, name: string): Deployer => ({ target, records: new DeploymentRecords(records, name, 'test', 'gateway'), compiler: bridgeCompiler(flink.bridgeUrl), progress: () => {} });
  const code = (e: unknown) => (e instanceof FlinktsError ? e.diagnostics[0]?.code : String(e));
  /**
   * A job deployed with `withSource`, then planned as `without` (the same job without one source): `plan` says that
   * source's state is dropped (`finding`), deploy refuses it before anything is touched, and restores the rest
   * when allowed; Flink itself refuses the same savepoint without the allowance, so the source's state is really in it.
   */
  const removedSourceDropped = async (target: GatewayTarget, d: Deployer, mode: 'pinned' | 'generated', name: string, withSource: JobArtifact, without: JobArtifact, finding: Record<string, unknown>): Promise<void> => {
    expect((await deployJob(d, await planJob(d, name, withSource), options)).action).toBe('create');
    const running = (await target.running(name))[0]!;
    const plan = await planJob(d, name, without);
    expect(plan.operatorIds).toBe(mode);
    expect(plan.state?.verdict).toBe('state-dropped');
    expect(plan.state?.findings).toEqual(expect.arrayContaining([expect.objectContaining({ ...finding, consequence: 'state-dropped' })]));
    // refused before anything is touched
    expect(await deployJob(d, plan, options).then(() => 'deployed', code)).toBe('FTS8103');
    expect((await target.running(name)).map((r) => r.jobId)).toEqual([running.jobId]);
    // allowed: Flink restores the rest and runs without the source
    const out = await deployJob(d, plan, { ...options, allowNonRestoredState: true });
    expect(out).toMatchObject({ action: 'update', version: 2 });
    expect((await rest.checkpoints(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
    // and Flink refuses the same savepoint without the allowance
    await target.cancel(out.jobId!);
    const pinTo = d.records.read(name).versions[0]?.compiledPlan;
    const refused = await target.start(without, { restoreFrom: out.restoredFrom!, ...(mode === 'pinned' && pinTo !== undefined ? { pinTo } : {}) }).then((r) => failureOf(r.jobId), (e: unknown) => String(e));
    expect(refused).toMatch(/Cannot map checkpoint\/savepoint state for operator/);
  };

  beforeAll(async () => {
    [kafka, flink, db] = await Promise.all([startKafka(), startLocalFlink(), startMariaDb({ binlog: true })]);
    // how long the broker took from formatting its storage to taking connections (the machine's load shows in it)
    console.log(`Kafka broker ready in ${kafka.startupMs} ms`);
    db.sql("CREATE USER 'cdc'@'%' IDENTIFIED BY 'cdc-pass'; GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO 'cdc'@'%'; CREATE DATABASE shop; CREATE TABLE shop.orders (id INT PRIMARY KEY, k INT, v INT)");
    db.sql(`INSERT INTO shop.orders VALUES ${rowsOf(30, [1, 2, 3]).map(([k, v], i) => `(${i + 1}, ${k}, ${v})`).join(', ')}`);
    rest = new FlinkRestClient(flink.clusterUrl);
    records = mkdtempSync(join(tmpdir(), 'flinkts-kafka-records-'));
    plans = mkdtempSync(join(tmpdir(), 'flinkts-kafka-plans-'));
    await produce('events', rowsOf(60, [1, 2, 3]));
    await produce('other', rowsOf(30, [7, 8, 9]));
  }, 400_000);

  afterAll(async () => {
    await flink?.stop();
    await kafka?.stop();
    await db?.stop();
    for (const dir of [records, plans]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a compatible change restores the Kafka offsets with the counts: rows read before are not read again', async () => {
    const d = deployer(new GatewayTarget(flink.gatewayUrl, flink.clusterUrl, plans), 'offsets');
    const job = (where: string): JobArtifact => artifactOf('kafka-count', [...SETTINGS, topic('events', 'events', 'count'), counts('kc', 'KC'), `INSERT INTO \`kc\` SELECT \`k\`, COUNT(*) FROM \`events\`${where} GROUP BY \`k\``]);
    const at = mark();
    expect((await deployJob(d, await planJob(d, 'kafka-count', job('')), options)).action).toBe('create');
    expect(Object.fromEntries(await countsReach('KC', at, { 1: 20, 2: 20, 3: 20 }))).toEqual({ 1: 20, 2: 20, 3: 20 });
    const plan = await planJob(d, 'kafka-count', job(' WHERE `v` >= 0'));
    expect(plan.state?.verdict).toBe('safe');
    const again = mark();
    const out = await deployJob(d, plan, options);
    expect(out).toMatchObject({ action: 'update', version: 2 });
    expect((await rest.checkpoints(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
    // 30 rows more: the counts go on from 20 to 30; offsets lost would re-read the topic (earliest-offset) to 50
    await produce('events', rowsOf(30, [1, 2, 3]));
    expect(Object.fromEntries(await countsReach('KC', again, { 1: 30, 2: 30, 3: 30 }))).toEqual({ 1: 30, 2: 30, 3: 30 });
    await d.target.cancel(out.jobId!);
  }, 400_000);

  for (const mode of ['pinned', 'generated'] as const) {
    it(`a removed Kafka source (${mode} ids): plan says its offsets are dropped, and Flink drops them only when allowed`, async () => {
      const target = new GatewayTarget(flink.gatewayUrl, flink.clusterUrl, mode === 'pinned' ? plans : undefined);
      const d = deployer(target, `removed-${mode}`);
      const name = `kafka-copies-${mode}`;
      const ddl = [...SETTINGS, datagen, topic('events', 'events', name), print('p', `P${mode}`), print('r', `R${mode}`)];
      const copyTicks = 'INSERT INTO `p` SELECT * FROM `ticks`';
      const withKafka = artifactOf(name, [...ddl, set(copyTicks, 'INSERT INTO `r` SELECT * FROM `events`')]);
      const withoutKafka = artifactOf(name, [...ddl, copyTicks]);
      await removedSourceDropped(target, d, mode, name, withKafka, withoutKafka, { operator: 'source default_catalog.default_database.events' });
    }, 400_000);
  }

  it('a Kafka source whose topic changes keeps its operator id: plan says it goes on reading the old topic beside the new one, and Flink does', async () => {
    const d = deployer(new GatewayTarget(flink.gatewayUrl, flink.clusterUrl, plans), 'topic');
    const job = (name: string): JobArtifact => artifactOf('kafka-topic', [...SETTINGS, topic('events', name, 'topic'), counts('tc', 'TC'), 'INSERT INTO `tc` SELECT `k`, COUNT(*) FROM `events` GROUP BY `k`']);
    const at = mark();
    expect((await deployJob(d, await planJob(d, 'kafka-topic', job('events')), options)).action).toBe('create');
    // `events` holds 30 rows per key by now (the offsets test wrote 90)
    expect(Object.fromEntries(await countsReach('TC', at, { 1: 30, 2: 30, 3: 30 }))).toEqual({ 1: 30, 2: 30, 3: 30 });
    const plan = await planJob(d, 'kafka-topic', job('other'));
    expect(plan.state?.verdict).toBe('safe');
    expect(plan.state?.findings).toEqual([expect.objectContaining({
      operator: 'source default_catalog.default_database.events',
      change: expect.stringContaining("its Kafka subscription changed from topic 'events' to topic 'other', but it keeps its operator id: it gets its splits back and goes on reading the old topics' partitions from their offsets"),
      consequence: 'safe',
    })]);
    const again = mark();
    const out = await deployJob(d, plan, options);
    expect((await rest.checkpoints(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
    // `other` is read from its start (10 rows per key); 30 more rows on `events` are read too, from the restored
    // offsets: the counts of keys 1-3 go on from 30 to 40, not from 0 and not re-reading the topic
    await produce('events', rowsOf(30, [1, 2, 3]));
    expect(Object.fromEntries(await countsReach('TC', again, { 1: 40, 2: 40, 3: 40, 7: 10, 8: 10, 9: 10 }))).toEqual({ 1: 40, 2: 40, 3: 40, 7: 10, 8: 10, 9: 10 });
    await d.target.cancel(out.jobId!);
  }, 400_000);

  it('generated ids: a Kafka source removed from the first INSERT passes its id to the datagen source of the second, and Flink drops its offsets without asking', async () => {
    const target = new GatewayTarget(flink.gatewayUrl, flink.clusterUrl);
    const d = deployer(target, 'moved');
    const name = 'kafka-moved';
    const ddl = [...SETTINGS, datagen, topic('events', 'events', name), print('p', 'MP'), print('r', 'MR')];
    const copyTicks = 'INSERT INTO `p` SELECT * FROM `ticks`';
    const withKafka = artifactOf(name, [...ddl, set('INSERT INTO `r` SELECT * FROM `events`', copyTicks)]);
    const withoutKafka = artifactOf(name, [...ddl, copyTicks]);
    expect((await deployJob(d, await planJob(d, name, withKafka), options)).action).toBe('create');
    const plan = await planJob(d, name, withoutKafka);
    expect(plan.state?.verdict).toBe('state-dropped');
    expect(plan.state?.findings).toEqual(expect.arrayContaining([expect.objectContaining({
      operator: 'source default_catalog.default_database.events',
      change: expect.stringContaining('now belongs to source default_catalog.default_database.ticks, a SourceFunction source without a split enumerator: Flink restores the savepoint without asking'),
      consequence: 'state-dropped',
    })]));
    expect(await deployJob(d, plan, options).then(() => 'deployed', code)).toBe('FTS8103');
    // Flink: started from the savepoint without the allowance, the job runs, restored from it
    const running = (await target.running(name))[0]!;
    const savepoint = await target.stopWithSavepoint(running.jobId);
    const started = await target.start(withoutKafka, { restoreFrom: savepoint });
    expect(await restoredFrom(started.jobId)).toBe(savepoint);
    expect((await rest.job(started.jobId)).state).toBe('RUNNING');
    await target.cancel(started.jobId);
  }, 400_000);
  it("generated ids: a Kafka source removed ahead of another Kafka source passes its id to it: plan says its state is misrouted, and Flink has the other source read the removed topic", async () => {
    const target = new GatewayTarget(flink.gatewayUrl, flink.clusterUrl);
    const d = deployer(target, 'k2k');
    const name = 'kafka-k2k';
    const ddl = [...SETTINGS, topic('events', 'events', 'k2k-a'), topic('others', 'other', 'k2k-b'), print('p', 'KP'), print('r', 'KR')];
    const copyOthers = 'INSERT INTO `p` SELECT * FROM `others`';
    const withBoth = artifactOf(name, [...ddl, set('INSERT INTO `r` SELECT * FROM `events`', copyOthers)]);
    const onlyOthers = artifactOf(name, [...ddl, copyOthers]);
    expect((await deployJob(d, await planJob(d, name, withBoth), options)).action).toBe('create');
    const plan = await planJob(d, name, onlyOthers);
    expect(plan.state?.verdict).toBe('state-misrouted');
    expect(plan.state?.findings).toEqual(expect.arrayContaining([expect.objectContaining({
      operator: 'source default_catalog.default_database.events',
      change: expect.stringContaining('now belongs to source default_catalog.default_database.others, which gets its splits and offsets'),
      consequence: 'state-misrouted',
    })]));
    // refused even with the allowance to drop state: it is not dropped, another source reads with it
    expect(await deployJob(d, plan, { ...options, allowNonRestoredState: true }).then(() => 'deployed', code)).toBe('FTS8103');
    // Flink: allowed to drop what maps nowhere (the other source's own offsets), it restores; rows written to
    // `events` afterwards come out of the other source's sink, read from the removed source's offsets
    const running = (await target.running(name))[0]!;
    const savepoint = await target.stopWithSavepoint(running.jobId);
    const at = mark();
    const started = await target.start(onlyOthers, { restoreFrom: savepoint, allowNonRestoredState: true });
    expect(await restoredFrom(started.jobId)).toBe(savepoint);
    await produce('events', [[4, 100], [5, 101], [6, 102]]);
    let read: string[] = [];
    for (let i = 0; i < 240 && read.length < 3; i++) {
      read = [...readFileSync(flink.log, 'utf8').slice(at).matchAll(/KP> \+I\[(\d+), (10\d)\]/g)].map((m) => `${m[1]}:${m[2]}`);
      await delay(250);
    }
    expect(read).toEqual(['4:100', '5:101', '6:102']);
    // and only those: the rows `events` held before the savepoint are not read again
    expect([...readFileSync(flink.log, 'utf8').slice(at).matchAll(/KP> \+I\[([123]), (\d+)\]/g)]).toEqual([]);
    await target.cancel(started.jobId);
  }, 400_000);

  // MySQL CDC (flink-sql-connector-mysql-cdc 3.2.1, a FLIP-27 source: snapshot splits, then the binlog split with
  // its position) reading the real MariaDB 10.11 (binlog in ROW format): the same verdicts as for Kafka
  const orders = (table: string, ids: string) =>
    `CREATE TEMPORARY TABLE \`${table}\` (\`id\` INT, \`k\` INT, \`v\` INT, PRIMARY KEY (\`id\`) NOT ENFORCED) WITH ('connector' = 'mysql-cdc', 'hostname' = '127.0.0.1', 'port' = '${db.port}', 'username' = 'cdc', 'password' = 'cdc-pass', 'database-name' = 'shop', 'table-name' = 'orders', 'server-id' = '${ids}', 'server-time-zone' = 'UTC')`;
  let nextId = 1000;
  const insertOrders = (rows: readonly (readonly [number, number])[]) => db.sql(`INSERT INTO shop.orders VALUES ${rows.map(([k, v]) => `(${nextId++}, ${k}, ${v})`).join(', ')}`);

  it('MySQL CDC on MariaDB: a compatible change restores the binlog position with the counts, no second snapshot', async () => {
    const d = deployer(new GatewayTarget(flink.gatewayUrl, flink.clusterUrl, plans), 'cdc-offsets');
    const job = (where: string): JobArtifact => artifactOf('cdc-count', [...SETTINGS, orders('orders', '5400-5401'), counts('oc', 'OC'), `INSERT INTO \`oc\` SELECT \`k\`, COUNT(*) FROM \`orders\`${where} GROUP BY \`k\``]);
    const at = mark();
    expect((await deployJob(d, await planJob(d, 'cdc-count', job('')), options)).action).toBe('create');
    insertOrders(rowsOf(15, [1, 2, 3]));
    // the snapshot's 30 rows and 15 from the binlog
    expect(Object.fromEntries(await countsReach('OC', at, { 1: 15, 2: 15, 3: 15 }))).toEqual({ 1: 15, 2: 15, 3: 15 });
    const plan = await planJob(d, 'cdc-count', job(' WHERE `v` >= 0'));
    expect(plan.state?.verdict).toBe('safe');
    const again = mark();
    const out = await deployJob(d, plan, options);
    expect((await rest.checkpoints(out.jobId!)).restoredFrom).toBe(out.restoredFrom);
    // 15 rows more: the counts go on from 15 to 20; a lost position would snapshot the table again (to 35)
    insertOrders(rowsOf(15, [1, 2, 3]));
    expect(Object.fromEntries(await countsReach('OC', again, { 1: 20, 2: 20, 3: 20 }))).toEqual({ 1: 20, 2: 20, 3: 20 });
    await d.target.cancel(out.jobId!);
  }, 400_000);

  for (const mode of ['pinned', 'generated'] as const) {
    it(`MySQL CDC on MariaDB: a removed CDC source (${mode} ids) leaves its splits and binlog position behind, and Flink drops them only when allowed`, async () => {
      const target = new GatewayTarget(flink.gatewayUrl, flink.clusterUrl, mode === 'pinned' ? plans : undefined);
      const d = deployer(target, `cdc-removed-${mode}`);
      const name = `cdc-copies-${mode}`;
      const ddl = [...SETTINGS, datagen, orders('orders', mode === 'pinned' ? '5410-5411' : '5420-5421'), print('p', `CP${mode}`), print('r', `CR${mode}`, '`id` INT, `k` INT, `v` INT')];
      const copyTicks = 'INSERT INTO `p` SELECT * FROM `ticks`';
      const withCdc = artifactOf(name, [...ddl, set(copyTicks, 'INSERT INTO `r` SELECT * FROM `orders`')]);
      const withoutCdc = artifactOf(name, [...ddl, copyTicks]);
      await removedSourceDropped(target, d, mode, name, withCdc, withoutCdc, { operator: 'source default_catalog.default_database.orders', change: expect.stringContaining('its splits and offsets map to no operator') });
    }, 400_000);
  }
});
