/** Pipelines and environments: typed overrides that must apply, variables vs secrets, declarations, resources. */
import { describe, expect, test } from 'vitest';
import { fn, from, insertInto, parseStatement, t, table } from '@flinkts/core';
import type { Insert } from '@flinkts/core';
import { blackhole, json, kafka } from '@flinkts/connectors';
import type { AnyPipeline } from '../src/index.js';
import { buildPipeline, checkPipeline, job, pipeline } from '../src/index.js';
import { resolveEnvironment } from '../src/internal.js';
import { clean, clicks, dwdClicks, ingest, narrowSink, odsClicks } from './fixtures.js';

const base = {
  name: 'clicks',
  jobs: [ingest, clean],
  tables: [clicks, odsClicks, dwdClicks],
  variables: { KAFKA_SERVERS: 'Kafka bootstrap servers' },
  secrets: { KAFKA_JAAS: 'SASL JAAS config' },
  targets: { sql: {} },
} as const;

const ok = pipeline({ ...base, environments: { dev: { variables: { KAFKA_SERVERS: 'localhost:9092' } }, prod: { variables: { KAFKA_SERVERS: 'kafka:9092' } } } });

const codes = (p: AnyPipeline, env = 'dev') => checkPipeline(p, env).map((d) => `${d.severity} ${d.code} ${d.path}`);

describe('environments', () => {
  test('a valid pipeline checks clean and resolves per environment', () => {
    expect(codes(ok)).toEqual([]);
    const diagnostics: never[] = [];
    const env = resolveEnvironment(ok, 'prod', diagnostics);
    expect(env?.jobs.map((j) => [j.name, j.parallelism])).toEqual([['ingest', 2], ['clean', 1]]);
    expect([...(env?.variables ?? [])]).toEqual([['KAFKA_SERVERS', 'kafka:9092']]);
  });

  test('an unknown environment is reported with a did-you-mean', () => {
    const r = buildPipeline(ok, { env: 'prd' });
    expect(r.diagnostics.map((d) => [d.code, d.hint])).toEqual([['FTS8010', "did you mean 'prod'?"]]);
    expect(r.files).toEqual([]);
  });

  test('an override of a job the pipeline does not have does not apply', () => {
    const p = pipeline({ ...base, environments: { dev: { variables: { KAFKA_SERVERS: 'x' }, jobs: { ingets: { parallelism: 3 } } as never } } });
    const d = checkPipeline(p, 'dev');
    expect(d.map((x) => [x.code, x.path, x.hint])).toEqual([['FTS8011', 'environments.dev.jobs.ingets', "did you mean 'ingest'?"]]);
  });

  test('variables: undeclared, missing, and a secret given a value', () => {
    const p = pipeline({ ...base, environments: { dev: { variables: { KAFKA_SERVER: 'x', KAFKA_JAAS: 'plain' } as never } } });
    expect(codes(p)).toEqual([
      'error FTS8011 environments.dev.variables.KAFKA_SERVER',
      'error FTS8014 environments.dev.variables.KAFKA_JAAS',
      'error FTS8012 environments.dev.variables',
    ]);
  });

  test('placeholders must be declared; a variable may not stand in a credential; unused ones are flagged', () => {
    const p = pipeline({ ...base, variables: { KAFKA_JAAS: 'oops', UNUSED: 'x' }, secrets: {}, environments: { dev: { variables: { KAFKA_JAAS: 'x', UNUSED: 'y' } } } });
    expect(codes(p)).toEqual([
      'error FTS8013 jobs.ingest',
      'error FTS8014 jobs.ingest.statements[1].options[\'properties.sasl.jaas.config\']',
      'warning FTS8015 variables.UNUSED',
    ]);
  });

  test("a placeholder in a query's literal counts as used, and an undeclared one there is reported", () => {
    const query = (name: string) => job(name, { statements: parseStatement(`INSERT INTO dwd_clicks SELECT user_id, url FROM ods_clicks WHERE url <> '\${${name === 'a' ? 'REGION' : 'NOPE'}}'`).statement as Insert });
    const env = { dev: { variables: { KAFKA_SERVERS: 'x', REGION: 'eu' } } };
    const used = pipeline({ ...base, jobs: [ingest, query('a')], variables: { ...base.variables, REGION: 'a region' }, environments: env });
    expect(codes(used)).toEqual([]);
    const undeclared = pipeline({ ...base, jobs: [ingest, query('b')], variables: { ...base.variables, REGION: 'a region' }, environments: env });
    expect(codes(undeclared)).toEqual(['error FTS8013 jobs.b', 'warning FTS8015 variables.REGION']);
  });

  test('per-environment settings are validated where they are written', () => {
    const p = pipeline({ ...base, environments: { dev: { variables: { KAFKA_SERVERS: 'x' }, settings: { 'state.ttl': '1d' } as never } } });
    const d = checkPipeline(p, 'dev');
    expect(d.map((x) => [x.code, x.path, x.hint])).toEqual([['FTS3101', "environments.dev.settings['state.ttl']", "did you mean 'table.exec.state.ttl'?"]]);
  });

  test('later layers win: pipeline < job < environment < environment job', () => {
    const j = job('j', { statements: ingest.inserts[0]!, settings: { 'execution.checkpointing.interval': '1min' }, parallelism: 2 });
    const p = pipeline({
      ...base,
      jobs: [j],
      tables: [clicks, odsClicks],
      settings: { 'execution.checkpointing.interval': '5min', 'table.exec.state.ttl': '1d' },
      environments: { dev: { variables: { KAFKA_SERVERS: 'x' }, settings: { 'table.exec.state.ttl': '2d' }, jobs: { j: { parallelism: 5 } } } },
    });
    const env = resolveEnvironment(p, 'dev', []);
    expect(env?.jobs[0]?.settings).toEqual([
      { key: 'execution.checkpointing.interval', value: '1min' },
      { key: 'table.exec.state.ttl', value: '2d' },
      { key: 'parallelism.default', value: '5' },
    ]);
  });
});

describe('declarations', () => {
  test('a table the pipeline does not declare is an error naming the job', () => {
    const p = pipeline({ ...base, tables: [clicks, odsClicks], environments: { dev: { variables: { KAFKA_SERVERS: 'x' } } } });
    const d = checkPipeline(p, 'dev').filter((x) => x.code === 'FTS8001');
    expect(d.map((x) => [x.path, x.message])).toEqual([['jobs.clean.statements[0]', "'dwd_clicks' is not among the pipeline's tables and views"]]);
  });

  test('two declarations of one name are an error', () => {
    const twin = table('clicks', { columns: { x: t.int() }, temporary: true, connector: blackhole() });
    const p = pipeline({ ...base, tables: [clicks, odsClicks, dwdClicks, twin], environments: { dev: { variables: { KAFKA_SERVERS: 'x' } } } });
    expect(codes(p)).toContain('error FTS8002 tables[3]');
  });

  test('a job without INSERT and two jobs with one name', () => {
    const p = pipeline({ ...base, jobs: [ingest, job('ingest', { statements: [] })], environments: { dev: { variables: { KAFKA_SERVERS: 'x' } } } });
    expect(codes(p)).toEqual(['error FTS8004 jobs[1]', 'error FTS8003 jobs.ingest.statements']);
  });

  test('tables, views and catalogs are collected from the statements; jars from their connectors', () => {
    const env = resolveEnvironment(ok, 'dev', [])!;
    expect(env.jobs.map((j) => j.declarations.tables.map((x) => x.name))).toEqual([['clicks', 'ods_clicks'], ['ods_clicks', 'dwd_clicks']]);
    expect(env.jobs[0]!.dependencies.map((a) => a.artifactId)).toEqual(['flink-connector-kafka', 'kafka-clients']);
  });
});

describe('analyzer over the pipeline', () => {
  test('INSERT type errors surface with the job path; nothing is built', () => {
    // Builders refuse this INSERT at definition time; an INSERT parsed from SQL text reaches the analyzer.
    const bad = job('narrow', { statements: parseStatement('INSERT INTO narrow_sink SELECT user_id FROM clicks').statement as Insert });
    const p = pipeline({ ...base, jobs: [ingest, bad], tables: [clicks, odsClicks, narrowSink], environments: { dev: { variables: { KAFKA_SERVERS: 'x' } } } });
    const r = buildPipeline(p, { env: 'dev' });
    expect(r.ok).toBe(false);
    expect(r.files).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['FTS4102', 'jobs.narrow.statements[2]']]);
  });

  test('changelog modes: an append-only Kafka sink fed a GROUP BY is refused with the upsert-kafka hint', () => {
    const counts = table('dwd_click_counts', {
      columns: { user_id: t.bigint(), clicks: t.bigint() },
      temporary: true,
      layer: 'dwd',
      connector: kafka({ topic: 'click-counts', 'properties.bootstrap.servers': '${KAFKA_SERVERS}', format: json() }),
    });
    const count = job('count', { statements: insertInto(counts, from(odsClicks, 'o').groupBy(({ o }) => [o.user_id]).select(({ o }) => ({ user_id: o.user_id, clicks: fn.count() }))) });
    const p = pipeline({ ...base, jobs: [ingest, count], tables: [clicks, odsClicks, counts], environments: { dev: { variables: { KAFKA_SERVERS: 'x' } } } });
    const r = buildPipeline(p, { env: 'dev' });
    expect(r.files).toEqual([]);
    const d = r.diagnostics.find((x) => x.code === 'FTS4201');
    expect(d?.path).toBe('jobs.count.statements[2]'); // the INSERT after its two CREATE TABLEs
    expect(d?.hint).toContain('upsert-kafka');
  });

  test('layers across jobs: a dwd table fed from a source without a layer', () => {
    const skip = job('skip', { statements: insertInto(dwdClicks, from(clicks, 'c').select(({ c }) => ({ user_id: c.user_id, url: c.url }))) });
    const p = pipeline({ ...base, jobs: [ingest, skip], environments: { dev: { variables: { KAFKA_SERVERS: 'x' } } } });
    const d = checkPipeline(p, 'dev').find((x) => x.code === 'FTS6001');
    expect(d?.message).toBe("job 'skip' writes dwd table 'dwd_clicks' from 'clicks' (a source without a layer); a dwd table reads only from ods, dim, dwd");
    expect(d?.path).toBe('jobs.skip.statements[0]');
  });

  test('a table written by two jobs is flagged', () => {
    const again = job('again', { statements: landClicks2() });
    const p = pipeline({ ...base, jobs: [ingest, clean, again], environments: { dev: { variables: { KAFKA_SERVERS: 'x' } } } });
    expect(codes(p)).toEqual(['warning FTS6003 jobs.again.statements[0]']);
  });
});

function landClicks2() {
  return insertInto(odsClicks, from(clicks, 'c').selectAll());
}

describe('resources', () => {
  test('memory that does not parse and non-positive counts', () => {
    const j = job('j', { statements: ingest.inserts[0]!, resources: { jobManager: { memory: '2 gigs' as never }, taskManager: { slots: 0 } } });
    const p = pipeline({ ...base, jobs: [j], tables: [clicks, odsClicks], environments: { dev: { variables: { KAFKA_SERVERS: 'x' } } } });
    expect(codes(p)).toEqual(['error FTS8020 environments.dev.jobs.j.resources.jobManager.memory', 'error FTS8020 environments.dev.jobs.j.resources.taskManager.slots']);
  });

  test('parallelism must be a positive integer', () => {
    const j = job('j', { statements: ingest.inserts[0]!, parallelism: 0 });
    const p = pipeline({ ...base, jobs: [j], tables: [clicks, odsClicks], environments: { dev: { variables: { KAFKA_SERVERS: 'x' } } } });
    expect(codes(p)).toEqual(['error FTS8020 jobs[0].parallelism']);
  });
});
