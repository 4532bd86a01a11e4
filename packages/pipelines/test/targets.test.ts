/** The emitters' platform rules: VVP shape and names, StreamPark names and fields, Alibaba secrets. */
import { describe, expect, test } from 'vitest';
import { catalog, from, genericCatalog, insertInto, parseScript, t, table } from '@flinkts/core';
import { blackhole } from '@flinkts/connectors';
import { buildPipeline, job, pipeline } from '../src/index.js';
import { decodeForm, encodeForm, vvpShapeProblems } from '../src/internal.js';
import { clean, clicks, dwdClicks, ingest, odsClicks } from './fixtures.js';

const vvp = { namespace: 'default', deploymentTargetName: 'target', flinkVersion: '1.20' } as const;
const streampark = { executionMode: 'remote' } as const;
const alibaba = { workspace: 'ws-1', namespace: 'ns', engineVersion: 'vvr-11.1-jdk11-flink-1.20', deploymentTarget: { mode: 'PER_JOB', name: 'q' } } as const;
const envs = { dev: { variables: { KAFKA_SERVERS: 'localhost:9092' } } };
const common = { name: 'clicks', tables: [clicks, odsClicks, dwdClicks], variables: { KAFKA_SERVERS: 'servers' }, secrets: { KAFKA_JAAS: 'jaas' }, environments: envs } as const;

describe('VVP', () => {
  test('the SQL-deployment shape: temporary DDL, then one INSERT or one statement set', () => {
    const shape = (sql: string) => vvpShapeProblems(parseScript(sql).script.statements);
    const ddl = "CREATE TEMPORARY TABLE a (x INT) WITH ('connector' = 'datagen');";
    expect(shape(`${ddl} INSERT INTO a SELECT 1;`)).toEqual([]);
    expect(shape(`${ddl} EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO a SELECT 2; END;`)).toEqual([]);
    expect(shape(`CREATE CATALOG c WITH ('type' = 'generic_in_memory'); ${ddl} INSERT INTO a SELECT 1;`)).toEqual(['statement 1 is a CreateCatalog, which a VVP SQL deployment does not accept']);
    expect(shape(`${ddl} INSERT INTO a SELECT 1; INSERT INTO a SELECT 2;`)).toEqual(['statement 3 is a second INSERT or statement set; use one statement set']);
    expect(shape(`INSERT INTO a SELECT 1; ${ddl}`)).toEqual(['statement 2 (CREATE TEMPORARY TABLE) comes after the INSERT']);
    expect(shape(`CREATE TABLE a (x INT) WITH ('connector' = 'datagen'); SET 'a' = 'b';`)).toEqual([
      'statement 1 is a non-temporary CreateTable, which a VVP SQL deployment does not accept',
      'statement 2 is a Set, which a VVP SQL deployment does not accept',
      'the script has no INSERT',
    ]);
  });

  test('a deployment name VVP would reject is an error; nothing is built', () => {
    const p = pipeline({ ...common, jobs: [job('Ingest_Clicks', { statements: ingest.inserts[0]! })], targets: { vvp } });
    const r = buildPipeline(p, { env: 'dev' });
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.path])).toEqual([['FTS8031', 'targets.vvp.jobs.Ingest_Clicks']]);
    expect(r.files).toEqual([]);
  });

  test('persistent tables go to the setup script; the deployment keeps temporary DDL and the INSERT', () => {
    const persistent = table('archive', { columns: { user_id: t.bigint(), url: t.string() }, catalog: 'cat', database: 'db', connector: blackhole() });
    const archive = job('archive-clicks', { statements: insertInto(persistent, from(clicks, 'c').select(({ c }) => ({ user_id: c.user_id, url: c.url }))) });
    const withoutCatalog = pipeline({ ...common, tables: [...common.tables, persistent], jobs: [archive], targets: { vvp } });
    expect(buildPipeline(withoutCatalog, { env: 'dev' }).diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.message])).toEqual([['FTS8001', "catalog 'cat' is not among the pipeline's catalogs"]]);
    const p = pipeline({ ...common, tables: [...common.tables, persistent], catalogs: [catalog('cat', genericCatalog('generic_in_memory'))], jobs: [archive], targets: { vvp } });
    const r = buildPipeline(p, { env: 'dev' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.files.map((f) => f.path)).toEqual(['dev/vvp/archive-clicks.yaml', 'dev/vvp/archive-clicks.setup.sql']);
    const setup = r.files[1]!.content;
    expect(setup).toContain('CREATE CATALOG `cat`');
    expect(setup).toContain('CREATE DATABASE IF NOT EXISTS `cat`.`db`;');
    expect(setup).toContain('CREATE TABLE `cat`.`db`.`archive`');
    expect(r.files[0]!.content).not.toContain('CREATE CATALOG');
    expect(r.files[0]!.content).toContain('INSERT INTO `cat`.`db`.`archive`');
  });

  test('jars without a URI are reported, not dropped silently', () => {
    const p = pipeline({ ...common, jobs: [ingest], targets: { vvp } });
    expect(buildPipeline(p, { env: 'dev' }).diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([
      ['FTS8030', 'warning', "job 'ingest' needs org.apache.flink:flink-connector-kafka:3.3.0-1.20, which has no jar URI for vvp"],
      ['FTS8030', 'warning', "job 'ingest' needs org.apache.kafka:kafka-clients:3.4.0, which has no jar URI for vvp"],
    ]);
  });

  test('variables are filled in for the environment; secrets stay placeholders', () => {
    const p = pipeline({ ...common, jobs: [ingest], targets: { vvp: { ...vvp, jarUris: KAFKA_URIS('s3') } } });
    const yaml = buildPipeline(p, { env: 'dev' }).files[0]!.content;
    expect(yaml).toContain("'properties.bootstrap.servers' = 'localhost:9092'");
    expect(yaml).toContain("'properties.sasl.jaas.config' = '${KAFKA_JAAS}'");
    expect(yaml).toContain('- s3://jars/kafka.jar');
  });
});

const KAFKA_URIS = (scheme: string) => ({ 'org.apache.flink:flink-connector-kafka': `${scheme}://jars/kafka.jar`, 'org.apache.kafka:kafka-clients': `${scheme}://jars/kafka-clients.jar` });

describe('StreamPark', () => {
  test('a job name StreamPark would reject is an error', () => {
    const p = pipeline({ ...common, jobs: [job('clicks/ingest', { statements: ingest.inserts[0]! })], targets: { streampark } });
    expect(buildPipeline(p, { env: 'dev' }).diagnostics.map((d) => d.code)).toEqual(['FTS8032']);
  });

  test('CPU has no field in remote mode: a warning, not a silent drop', () => {
    const j = job('ingest', { statements: ingest.inserts[0]!, resources: { taskManager: { cpu: 2 } } });
    const p = pipeline({ ...common, jobs: [j], targets: { streampark } });
    expect(buildPipeline(p, { env: 'dev' }).diagnostics.map((d) => [d.code, d.severity])).toEqual([['FTS8030', 'warning']]);
    const yarn = pipeline({ ...common, jobs: [j], targets: { streampark: { executionMode: 'yarn-application' } } });
    const form = buildPipeline(yarn, { env: 'dev' }).files.find((f) => f.path.endsWith('.form'))!.content;
    expect(new Map(decodeForm(form.trim())).get('dynamicProperties')).toBe('-Dyarn.containers.vcores=2');
  });

  test('the form body is application/x-www-form-urlencoded and decodes back to the fields', () => {
    const fields: [string, string][] = [['flinkSql', "SELECT 'a b&c=d' ;\n-- 中文 %"], ['options', '{"x":1}']];
    const body = encodeForm(fields);
    expect(body).toBe('flinkSql=SELECT+%27a+b%26c%3Dd%27+%3B%0A--+%E4%B8%AD%E6%96%87+%25&options=%7B%22x%22%3A1%7D');
    expect(decodeForm(body)).toEqual(fields);
  });

  test('the SQL keeps ${NAME} (StreamPark substitutes team variables at start); variables.json carries values, secrets none', () => {
    const p = pipeline({ ...common, jobs: [ingest, clean], targets: { streampark } });
    const files = new Map(buildPipeline(p, { env: 'dev' }).files.map((f) => [f.path, f.content]));
    expect(files.get('dev/streampark/ingest.json')).toContain('${KAFKA_SERVERS}');
    expect(JSON.parse(files.get('dev/streampark/variables.json')!)).toEqual({
      teamId: '${STREAMPARK_TEAM_ID}',
      endpoint: '/variable/post',
      variables: [{ variableCode: 'KAFKA_SERVERS', variableValue: 'localhost:9092', description: 'servers', desensitization: false }],
      secrets: [{ variableCode: 'KAFKA_JAAS', description: 'jaas', desensitization: true }],
    });
  });
});

test('StreamPark variable descriptions fit its 100-character column', () => {
  const p = pipeline({ ...common, variables: { KAFKA_SERVERS: 'x'.repeat(101) }, jobs: [ingest], targets: { streampark } });
  expect(buildPipeline(p, { env: 'dev' }).diagnostics.map((d) => [d.code, d.path])).toEqual([['FTS8030', 'variables.KAFKA_SERVERS']]);
});

describe('Alibaba', () => {
  test('secrets become namespace variables; variables become localVariables', () => {
    const p = pipeline({ ...common, jobs: [ingest], targets: { alibaba: { ...alibaba, jarUris: KAFKA_URIS('oss') } } });
    const body = JSON.parse(buildPipeline(p, { env: 'dev' }).files[0]!.content).body;
    expect(body.artifact.sqlArtifact.sqlScript).toContain("'properties.sasl.jaas.config' = '${secret_values.KAFKA_JAAS}'");
    expect(body.artifact.sqlArtifact.sqlScript).toContain("'properties.bootstrap.servers' = '${KAFKA_SERVERS}'");
    expect(body.localVariables).toEqual([{ name: 'KAFKA_SERVERS', value: 'localhost:9092' }]);
  });
});

describe('targets', () => {
  test('a target the pipeline does not configure, and an unknown one', () => {
    const p = pipeline({ ...common, jobs: [ingest], targets: { sql: {} } });
    expect(buildPipeline(p, { env: 'dev', targets: ['vvp', 'k8s'] }).diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['FTS8030', "pipeline 'clicks' does not configure target 'vvp'"],
      ['FTS8030', "unknown target 'k8s'"],
    ]);
  });

  test('several INSERTs compile into one statement set', () => {
    const both = job('both', { statements: [ingest.inserts[0]!, clean.inserts[0]!] });
    const p = pipeline({ ...common, jobs: [both], targets: { sql: {} } });
    const sql = buildPipeline(p, { env: 'dev' }).files[0]!.content;
    expect(sql).toContain('EXECUTE STATEMENT SET\nBEGIN\n');
    expect(parseScript(sql).diagnostics).toEqual([]);
  });
});

describe('lineage target', () => {
  test('targets.lineage is a target of its own; an unknown format or key is refused by pipeline()', () => {
    const p = pipeline({ ...common, jobs: [ingest, clean], targets: { lineage: { formats: ['json', 'html'], events: 'job' } } });
    expect(p.spec.targets.lineage).toEqual({ formats: ['json', 'html'], events: 'job' });
    const bad = (targets: unknown) => {
      try {
        pipeline({ ...common, jobs: [ingest, clean], targets: targets as { lineage: object } });
        return undefined;
      } catch (e) {
        return (e as { diagnostics?: { code: string; path?: string }[] }).diagnostics?.[0];
      }
    };
    expect(bad({ lineage: { formats: ['svg'] } })).toMatchObject({ code: 'FTS8005' });
    expect(bad({ lineage: { format: ['json'] } })).toMatchObject({ code: 'FTS8005' });
    expect(bad({ lineage: { formats: [] } })).toMatchObject({ code: 'FTS8005' });
  });

  test("a platform's configuration is checked by the schema its type is inferred from (declared once, targets.ts)", () => {
    const bad = (targets: unknown) => {
      try {
        pipeline({ ...common, jobs: [ingest, clean], targets: targets as { sql: Record<string, never> } });
        return undefined;
      } catch (e) {
        return (e as { diagnostics?: { code: string; message: string }[] }).diagnostics?.[0];
      }
    };
    expect(bad({ vvp: { namespace: 'default', flinkVersion: '1.20', logLevel: 'LOUD' } })).toMatchObject({ code: 'FTS8005', message: expect.stringContaining('logLevel') });
    expect(bad({ alibaba: { workspace: 'w', namespace: 'n', engineVersion: 'vvr-11.1-jdk11-flink-1.20' } })).toMatchObject({ code: 'FTS8005', message: expect.stringContaining('deploymentTarget') });
    expect(bad({ streampark: { executionMode: 'yarn-application', teamId: 'team-1' } })).toMatchObject({ code: 'FTS8005', message: expect.stringContaining('teamId') });
    expect(bad({ streampark: { executionMode: 'yarn-application', teamId: '${TEAM}' } })).toBeUndefined();
  });

  test("a misspelt key in a platform's configuration is refused, not dropped; environments override only overridable targets, field by field", () => {
    const bad = (spec: { targets: unknown; environments?: unknown }) => {
      try {
        pipeline({ ...common, jobs: [ingest, clean], ...(spec as { targets: { sql: Record<string, never> } }) });
        return undefined;
      } catch (e) {
        return (e as { diagnostics?: { code: string; message: string; path?: string; hint?: string }[] }).diagnostics?.[0];
      }
    };
    expect(bad({ targets: { vvp: { ...vvp, namepsace: 'x' } } })).toMatchObject({ code: 'FTS8005', message: expect.stringContaining("no key 'namepsace'") });
    expect(bad({ targets: { sql: { dialect: 'flink' } } })).toMatchObject({ code: 'FTS8005', message: expect.stringContaining("no key 'dialect'") });
    expect(bad({ targets: { alibaba: { ...alibaba, deploymentTarget: { mode: 'PER_JOB', name: 'q', zone: 'a' } } } })).toMatchObject({ code: 'FTS8005', message: expect.stringContaining("no key 'zone'") });
    const env = <T,>(targets: T) => ({ dev: { variables: { KAFKA_SERVERS: 's' }, targets } });
    expect(bad({ targets: { vvp }, environments: env({ vvp: { logLevel: 'LOUD' } }) })).toMatchObject({ code: 'FTS8005', path: 'pipeline().spec.environments.dev.targets.vvp.logLevel' });
    expect(bad({ targets: { vvp }, environments: env({ vvpp: { namespace: 'prod' } }) })).toMatchObject({ code: 'FTS8005', hint: "did you mean 'vvp'?" });
    expect(bad({ targets: { sql: {} }, environments: env({ sql: {} }) })).toMatchObject({ code: 'FTS8005', path: 'pipeline().spec.environments.dev.targets.sql' });
    const p = pipeline({ ...common, jobs: [ingest, clean], targets: { vvp }, environments: env({ vvp: { namespace: 'prod' } }) });
    const yaml = buildPipeline(p, { env: 'dev' }).files.find((f) => f.path.endsWith('.yaml'))!.content;
    expect(yaml).toContain('namespace: prod');
    expect(yaml).toMatch(/flinkVersion: ['"]1\.20['"]/);
  });

  test('buildPipeline (synchronous) says it writes no lineage files instead of leaving them out silently', () => {
    const p = pipeline({ ...common, jobs: [ingest, clean], targets: { sql: {}, lineage: {} } });
    const env = p.environmentNames[0]!;
    const r = buildPipeline(p, { env });
    expect(r.ok).toBe(true);
    expect(r.files.some((f) => f.path.includes('/lineage/'))).toBe(false);
    expect(r.diagnostics.filter((d) => d.code === 'FTS8077')).toEqual([expect.objectContaining({ severity: 'warning', path: 'targets.lineage' })]);
    expect(buildPipeline(p, { env, lineageWrittenByCaller: true }).diagnostics.some((d) => d.code === 'FTS8077')).toBe(false);
    expect(buildPipeline(p, { env, targets: ['sql'] }).diagnostics.some((d) => d.code === 'FTS8077')).toBe(false);
  });
});
