/**
 * What the platforms and Flink itself would refuse, each with the case from issue 15 that slipped through before:
 * StreamPark's splitter and command set, its checkpoint-failure fields, Flink's memory model, connector builds
 * per Flink version, the Kafka login module against the shipped jar, platform Flink versions, hive-site.xml.
 */
import { describe, expect, test } from 'vitest';
import { catalog, from, insertInto, t, table } from '@flinkts/core';
import { blackhole, datagen, hiveCatalog, print, json, kafka, kafkaSasl, secret } from '@flinkts/connectors';
import { resolveArtifacts } from '@flinkts/connectors/internal';
import { buildPipeline, checkPipeline, job, pipeline, streamparkSqlProblems } from '../src/index.js';
import { decodeForm, streamparkCommand, streamparkSplit } from '../src/internal.js';
import { taskManagerMemory } from '../src/memory.js';
import { TEXTS } from '../src/codes.js';
import type { ArtifactProblem } from '@flinkts/connectors';
import { clicks, dwdClicks, ingest, odsClicks } from './fixtures.js';


const MB = 1024 * 1024;
const envs = { dev: { variables: { KAFKA_SERVERS: 'localhost:9092' } } };
const common = { name: 'clicks', tables: [clicks, odsClicks, dwdClicks], variables: { KAFKA_SERVERS: 'servers' }, secrets: { KAFKA_JAAS: 'jaas' }, environments: envs } as const;
const messages = (p: Parameters<typeof checkPipeline>[0]) => checkPipeline(p, 'dev').filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

describe("StreamPark's SQL splitter and command parser (SqlCommandParser.scala, 2.1.5–2.1.7)", () => {
  test('EXECUTE STATEMENT SET is unsupported; bare INSERTs, SET, USE, DDL are accepted', () => {
    expect(streamparkCommand('EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; END')).toBeUndefined();
    expect(streamparkSqlProblems('CREATE TABLE a (x INT) WITH (\'connector\' = \'datagen\');\nEXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELECT 1;\nEND;')).toContain('unsupported sql at line 2: EXECUTE STATEMENT SET BEGIN');
    expect(streamparkSqlProblems("SET 'a.b' = 'c';\nUSE CATALOG x;\nUSE db;\nCREATE TEMPORARY VIEW v AS SELECT 1;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;")).toEqual([]);
    // A deprecated SQL-client statement set (BEGIN STATEMENT SET; … END;) still splits into known commands.
    expect(streamparkSqlProblems('BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nEND;')).toEqual([]);
  });

  test('commands it does not know: a view with a column list, a CTE view, SHOW JOBS; and a script without INSERT', () => {
    expect(streamparkCommand('CREATE VIEW v (a) AS SELECT 1')).toBeUndefined();
    expect(streamparkCommand('CREATE VIEW v AS WITH w AS (SELECT 1) SELECT * FROM w')).toBeUndefined();
    expect(streamparkCommand('SHOW JOBS')).toBeUndefined();
    expect(streamparkSqlProblems("CREATE TABLE a (x INT) WITH ('connector' = 'datagen');")).toEqual(['the script has no INSERT (FlinkSqlValidator refuses it)']);
  });

  test('splits at semicolons outside quotes and comments, drops comments, keeps hints and line numbers', () => {
    const segments = streamparkSplit("-- a comment; not a statement\nINSERT INTO a SELECT ';' AS s;\n/* block; comment */\nINSERT INTO b /*+ OPTIONS('k'='v') */ SELECT \"x;y\";\n");
    expect(segments.map((s) => [s.line, s.sql])).toEqual([
      [2, "INSERT INTO a SELECT ';' AS s"],
      [4, 'INSERT INTO b /*+ OPTIONS(\'k\'=\'v\') */ SELECT "x;y"'],
    ]);
  });

  test('several INSERTs reach the StreamPark form as bare INSERTs (the SQL target keeps one statement set)', () => {
    const both = job('both', { statements: [insertInto(odsClicks, from(clicks, 'c').selectAll()), insertInto(odsClicks, from(clicks, 'c').where(({ c }) => c.user_id.gt(0)).selectAll())] });
    const p = pipeline({ ...common, jobs: [both], targets: { sql: {}, streampark: { executionMode: 'remote' } } });
    const r = buildPipeline(p, { env: 'dev' });
    const sql = new Map(decodeForm(r.files.find((f) => f.path === 'dev/streampark/both.form')!.content.trimEnd())).get('flinkSql')!;
    expect(sql).not.toContain('EXECUTE');
    expect(sql.match(/^INSERT INTO/gm)).toHaveLength(2);
    expect(r.files.find((f) => f.path === 'dev/sql/both.sql')!.content).toContain('EXECUTE STATEMENT SET');
  });

  test("checkpoint failures: the window in minutes is cpFailureRateInterval, the count cpMaxFailureInterval; 'alert' needs an alertId", () => {
    const target = (extra: object) => pipeline({ ...common, jobs: [ingest], targets: { streampark: { executionMode: 'remote', checkpointFailure: { windowMinutes: 10, maxFailures: 3, action: 'alert' }, ...extra } } });
    const fields = new Map(decodeForm(buildPipeline(target({ alertId: 7 }), { env: 'dev' }).files[0]!.content.trimEnd()));
    expect([fields.get('cpFailureRateInterval'), fields.get('cpMaxFailureInterval'), fields.get('cpFailureAction'), fields.get('alertId')]).toEqual(['10', '3', '1', '7']);
    const missing = buildPipeline(target({}), { env: 'dev' });
    expect(missing.ok).toBe(false);
    expect(missing.diagnostics.filter((d) => d.severity === 'error').map((d) => d.path)).toEqual(['targets.streampark.alertId']);
  });
});

describe("Flink's TaskManager memory model", () => {
  test("the default 1728m TaskManager derives Flink's documented breakdown", () => {
    const m = taskManagerMemory(1728 * MB).memory!;
    expect([m.flink, m.taskHeap, m.managed, m.network, m.metaspace, m.overhead].map((b) => Math.round(b / MB))).toEqual([1280, 384, 512, 128, 256, 192]);
  });

  test("seed 001's breakdown (4g heap + 2g off-heap + 2g managed + 1g network in a 4g TaskManager) is refused, a fitting one passes", () => {
    const seed = pipeline({ ...common, jobs: [ingest], targets: { sql: {} }, resources: { taskManager: { memory: '4g', heap: '4g', offHeap: '2g', managed: '2g', network: '1g' } } });
    expect(messages(seed)).toEqual([
      'FTS8020 Flink would refuse this TaskManager: the configured parts add up to 9472m of Flink memory (framework heap 128m + task heap 4096m + framework off-heap 128m + task off-heap 2048m + managed 2048m + network 1024m); with JVM metaspace 256m that exceeds the 4096m process size',
    ]);
    const fits = pipeline({ ...common, jobs: [ingest], targets: { streampark: { executionMode: 'remote' } }, resources: { taskManager: { memory: '4g', heap: '1g', managed: '1536m' } } });
    expect(messages(fits)).toEqual([]);
    const options = JSON.parse(new Map(decodeForm(buildPipeline(fits, { env: 'dev' }).files[0]!.content.trimEnd())).get('options')!) as Record<string, unknown>;
    expect(options).toMatchObject({ 'taskmanager.memory.process.size': '4096m', 'taskmanager.memory.task.heap.size': '1024m', 'taskmanager.memory.managed.size': '1536m' });
    expect(messages(pipeline({ ...common, jobs: [ingest], targets: { sql: {} }, resources: { taskManager: { memory: '2g', managed: '1800m' } } }))[0]).toContain('exceed the');
    expect(messages(pipeline({ ...common, jobs: [ingest], targets: { sql: {} }, resources: { jobManager: { memory: '512m' } } }))[0]).toContain('Flink would refuse this JobManager');
  });
});

describe('connector builds per Flink version', () => {
  test('the default build for each Flink minor, and a pinned release without a build is refused with the nearest ones', () => {
    const kafkaJar = [{ groupId: 'org.apache.flink', artifactId: 'flink-sql-connector-kafka', version: 'x' }];
    expect(resolveArtifacts(kafkaJar, '1.19.2').artifacts.map((a) => `${a.artifactId}:${a.version}`)).toEqual(['flink-sql-connector-kafka:3.2.0-1.19']);
    expect(resolveArtifacts(kafkaJar, '1.20.1').artifacts.map((a) => `${a.artifactId}:${a.version}`)).toEqual(['flink-connector-kafka:3.3.0-1.20', 'kafka-clients:3.4.0']);
    const starrocks = resolveArtifacts([{ groupId: 'com.starrocks', artifactId: 'flink-connector-starrocks', version: 'x' }], '1.20.1', { starrocks: '1.2.10' });
    const text = (problem: ArtifactProblem) => TEXTS.badVersion({ kind: 'resolved', problem });
    expect(starrocks.problems.map((p) => text(p).hint)).toEqual(['releases built for Flink 1.20: 1.2.11']);
    expect(text(resolveArtifacts([], '1.17.2').problems[0]!).message).toContain("no connector compatibility table for Flink '1.17.2'");
    expect(text(resolveArtifacts([], '1.20').problems[0]!).message).toBe("Flink version '1.20' names no release: the jars released with Flink need the full version");
  });

  test('a pipeline on Flink 1.19 ships the shaded Kafka jar; the login module must then be the relocated class, and the reverse', () => {
    const sasl = (loginModule: 'relocated' | 'kafka-clients') =>
      table('events', { columns: { id: t.bigint() }, temporary: true, connector: kafka({ topic: 't', 'properties.bootstrap.servers': 'b:9092', format: json(), ...kafkaSasl({ username: secret('KAFKA_JAAS'), password: secret('KAFKA_JAAS'), loginModule }) }) });
    const sink = table('sink', { columns: { id: t.bigint() }, temporary: true, connector: blackhole() });
    const p = (flinkVersion: string, loginModule: 'relocated' | 'kafka-clients') => {
      const events = sasl(loginModule);
      return pipeline({ name: 'k', flinkVersion, tables: [events, sink], secrets: { KAFKA_JAAS: 'j' }, jobs: [job('j', { statements: insertInto(sink, from(events, 'e').selectAll()) })], targets: { sql: {} }, environments: { dev: {} } });
    };
    expect(messages(p('1.19.2', 'relocated'))).toEqual([]);
    expect(messages(p('1.20.1', 'kafka-clients'))).toEqual([]);
    expect(messages(p('1.20.1', 'relocated'))).toEqual([
      "FTS8041 table 'events' names the login module org.apache.flink.kafka.shaded.org.apache.kafka.common.security.plain.PlainLoginModule, which is not in the Kafka jar job 'j' ships on Flink 1.20.1: flink-connector-kafka:3.3.0-1.20 with kafka-clients (Kafka's own class names)",
    ]);
    expect(messages(p('1.19.2', 'kafka-clients'))[0]).toContain('flink-sql-connector-kafka:3.2.0-1.19 (Kafka classes relocated');
  });

  test('a jar URI naming another version than the job ships is an error (wrongbook pointed at the 3.2.0-1.18 Kafka jar)', () => {
    const p = pipeline({ ...common, jobs: [ingest], targets: { vvp: { namespace: 'n', deploymentTargetName: 't', flinkVersion: '1.20', jarUris: { 'org.apache.flink:flink-connector-kafka': 'oss://b/lib/flink-connector-kafka-3.2.0-1.18.jar', 'org.apache.kafka:kafka-clients': 'oss://b/lib/kafka-clients-3.4.0.jar' } } } });
    expect(messages(p)).toEqual(["FTS8040 the jar URI for org.apache.flink:flink-connector-kafka is version 3.2.0-1.18, but job 'ingest' on Flink 1.20.1 needs 3.3.0-1.20"]);
  });

  test("a job's own jars must be built for its Flink too", () => {
    const withJars = (dependencies: { groupId: string; artifactId: string; version: string }[]) => pipeline({ ...common, jobs: [job('ingest', { statements: ingest.spec.statements, dependencies })], targets: { sql: {} } });
    expect(messages(withJars([{ groupId: 'org.apache.flink', artifactId: 'flink-sql-connector-kafka', version: '3.2.0-1.18' }]))).toEqual([
      'FTS8040 job \'ingest\' ships a jar that does not fit its Flink: org.apache.flink:flink-sql-connector-kafka:3.2.0-1.18 is built for Flink 1.18, not Flink 1.20',
    ]);
    expect(messages(withJars([{ groupId: 'org.apache.flink', artifactId: 'flink-sql-connector-mysql-cdc', version: '3.1.1' }]))[0]).toContain('mysql-cdc 3.1.1, which has no build for Flink 1.20');
    expect(messages(withJars([{ groupId: 'org.apache.flink', artifactId: 'flink-sql-avro', version: '1.19.1' }]))[0]).toContain('is released with Flink 1.19.1, not 1.20.1');
    expect(messages(withJars([{ groupId: 'com.example', artifactId: 'udfs', version: '1.0' }, { groupId: 'org.apache.paimon', artifactId: 'paimon-flink-1.20', version: '0.9.0' }]))).toEqual([]);
  });

  test("VVP's flinkVersion and Alibaba's engine must run the pipeline's Flink", () => {
    const vvp = pipeline({ ...common, jobs: [ingest], targets: { vvp: { namespace: 'n', deploymentTargetName: 't', flinkVersion: '1.17' } } });
    expect(messages(vvp)).toEqual(["FTS8040 VVP flinkVersion '1.17' is not the pipeline's Flink 1.20.1"]);
    const alibaba = pipeline({ ...common, jobs: [ingest], targets: { alibaba: { workspace: 'w', namespace: 'n', engineVersion: 'vvr-8.0.9-flink-1.17', deploymentTarget: { mode: 'PER_JOB', name: 'q' } } } });
    expect(messages(alibaba)).toEqual(["FTS8040 Realtime Compute engine 'vvr-8.0.9-flink-1.17' does not run Flink 1.20"]);
  });
});

describe('per-operator parallelism', () => {
  test("a sink wider than the job's slots: VVP's fixed TaskManagers must hold the widest operator", () => {
    const out = table('out', { columns: { user_id: t.bigint(), url: t.string(), ts: t.timestamp(3) }, temporary: true, connector: print({ 'sink.parallelism': 3 }) });
    const p = (taskManagers: number, slots: number) =>
      pipeline({ name: 'w', tables: [clicks, out], jobs: [job('w', { statements: insertInto(out, from(clicks, 'c').selectAll()), parallelism: 1 })], targets: { vvp: { namespace: 'n', deploymentTargetName: 't', flinkVersion: '1.20' } }, resources: { taskManager: { slots }, taskManagers }, environments: { dev: {} } });
    expect(buildPipeline(p(1, 3), { env: 'dev' }).diagnostics).toEqual([]);
    expect(buildPipeline(p(1, 1), { env: 'dev' }).diagnostics.map((d) => d.message)).toEqual(["job 'w' needs 3 task slots (its widest operator), but 1 TaskManagers × 1 slots give 1; the job would wait for slots and fail"]);
  });
});

describe('Realtime Compute Autopilot bounds', () => {
  const alibaba = { workspace: 'w', namespace: 'n', engineVersion: 'vvr-11.1-jdk11-flink-1.20', deploymentTarget: { mode: 'PER_JOB', name: 'q' } } as const;
  test('written as an UpdateAutopilotPolicy call; bounds that contradict each other or the job are reported', () => {
    const p = (autopilot: { minParallelism: number; maxParallelism: number }) => pipeline({ ...common, jobs: [ingest], targets: { alibaba: { ...alibaba, autopilot, jarUris: { 'org.apache.flink:flink-connector-kafka': 'oss://k', 'org.apache.kafka:kafka-clients': 'oss://c' } } } });
    const ok = buildPipeline(p({ minParallelism: 1, maxParallelism: 4 }), { env: 'dev' });
    expect(ok.diagnostics).toEqual([]);
    expect(JSON.parse(ok.files.find((f) => f.path.endsWith('.autopilot.json'))!.content).body).toEqual({ enabled: true, policyConfig: { limits: { jobMinParallelism: 1, jobMaxParallelism: 4 } } });
    expect(buildPipeline(p({ minParallelism: 5, maxParallelism: 4 }), { env: 'dev' }).diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['error', 'autopilot.minParallelism 5 exceeds maxParallelism 4'],
      ['warning', 'the job starts at parallelism 2, outside the Autopilot bounds 5–4'],
    ]);
  });
});

describe('Hive catalogs: hive-site.xml', () => {
  const sink = table('sink', { columns: { id: t.bigint() }, catalog: 'hive', database: 'db', connector: blackhole() });
  const src = table('src', { columns: { id: t.bigint() }, temporary: true, connector: datagen() });
  const site = (hiveSite: Parameters<typeof hiveCatalog>[1]) => catalog('hive', hiveCatalog({ 'hive-conf-dir': '/etc/hive' }, hiveSite));

  test('credentials only as secrets; secrets must be declared; the file is written per environment', () => {
    expect(() => hiveCatalog({ 'hive-conf-dir': '/c' }, { hiveSite: { 'fs.oss.accessKeySecret': 'plain' } })).toThrow(/credential/);
    expect(() => hiveCatalog({}, { hiveSite: { 'hive.metastore.uris': 'thrift://m:9083' } })).toThrow(/hive-conf-dir/);
    const c = site({ hiveSite: { 'hive.metastore.uris': 'thrift://${METASTORE}:9083', 'fs.oss.accessKeyId': secret('AK') } });
    const make = (secrets: Record<string, string>) => pipeline({ name: 'h', tables: [src, sink], catalogs: [c], variables: { METASTORE: 'm' }, secrets, jobs: [job('j', { statements: insertInto(sink, from(src, 's').selectAll()) })], targets: { sql: {} }, environments: { dev: { variables: { METASTORE: 'meta.dev' } } } });
    expect(messages(make({}))).toEqual(["FTS8013 hive-site 'fs.oss.accessKeyId' of catalog 'hive' uses secret 'AK', which the pipeline does not declare"]);
    const r = buildPipeline(make({ AK: 'OSS key id' }), { env: 'dev' });
    expect(r.diagnostics).toEqual([]);
    const xml = r.files.find((f) => f.path === 'dev/hive-conf/hive/hive-site.xml')!.content;
    expect(xml).toContain('<value>thrift://meta.dev:9083</value>');
    expect(xml).toContain('<value>${env.AK}</value>');
  });
});
