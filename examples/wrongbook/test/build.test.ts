/**
 * Seed 001 on VVP / Alibaba Realtime Compute, built for dev and prod: golden outputs byte for byte,
 * deterministic builds, every VVP Deployment and Alibaba deployment checked against the platforms' SQL-shape
 * and naming rules, the seed's job configuration in prod, and credentials only as placeholders.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkPipeline, pipeline } from '@flinkts/pipelines';
import { dtValidate, splitStatements } from '../../../test/support/dt-sql-parser.js';
import { buildEveryEnvironment, goldenFiles } from '../../../test/support/golden-build.js';
import { alibabaProblems, sqlProblems, vvpProblems } from '../../../test/support/job-spec-rules.js';
import { hadoopConfValues } from '../../../test/support/hadoop-conf.js';
import { alibabaSchemaProblems, vvpSchemaProblems } from '../../../test/support/platform-schemas.js';
import wrongbook from '../flinkts.config.js';

const GOLDEN = fileURLToPath(new URL('../golden/build', import.meta.url));

describe('examples/wrongbook pipeline', () => {
  const { files, errors } = buildEveryEnvironment(wrongbook);
  const byPath = new Map(files.map((f) => [f.path, f.content]));

  test('builds without errors; the only warning is the nullable HASH_CODE id going into the NOT NULL key', () => {
    expect(errors).toEqual([]);
    expect(checkPipeline(wrongbook, 'prod').map((d) => d.code)).toEqual(['FTS4104']);
  });

  test('matches the golden files for every environment and target', () => {
    const golden = goldenFiles(GOLDEN, files);
    expect([...golden.keys()]).toEqual([...byPath.keys()].sort());
    for (const [path, content] of byPath) expect({ path, content }).toEqual({ path, content: golden.get(path) });
  });

  test('is byte-identical when built twice', () => {
    expect(buildEveryEnvironment(wrongbook).files).toEqual(files);
  });

  test("every VVP Deployment follows VVP's naming and SQL-deployment rules", () => {
    const specs = [...byPath].filter(([p]) => p.endsWith('.yaml'));
    expect(specs.map(([p]) => p)).toEqual(['dev/vvp/wrongbook-wide-table.yaml', 'dev/vvp/wrongbook-monitor.yaml', 'prod/vvp/wrongbook-wide-table.yaml', 'prod/vvp/wrongbook-monitor.yaml']);
    for (const [path, text] of specs) expect({ path, problems: [...vvpProblems(text), ...vvpSchemaProblems(text)] }).toEqual({ path, problems: [] });
  });

  test('every Alibaba call (create, then start) validates against the 2022-07-18 API models, workspace header and logging included', () => {
    const calls = [...byPath].filter(([p]) => /^(dev|prod)\/alibaba\/.*\.json$/.test(p));
    expect(calls.map(([p]) => p)).toEqual([
      'dev/alibaba/wrongbook-wide-table.json',
      'dev/alibaba/wrongbook-wide-table.start.json',
      'dev/alibaba/wrongbook-monitor.json',
      'dev/alibaba/wrongbook-monitor.start.json',
      'prod/alibaba/wrongbook-wide-table.json',
      'prod/alibaba/wrongbook-wide-table.start.json',
      'prod/alibaba/wrongbook-wide-table.autopilot.json',
      'prod/alibaba/wrongbook-monitor.json',
      'prod/alibaba/wrongbook-monitor.start.json',
      'prod/alibaba/wrongbook-monitor.autopilot.json',
    ]);
    for (const [path, text] of calls) {
      expect({ path, problems: [...alibabaSchemaProblems(text), ...(/\.(start|autopilot)\.json$/.test(path) ? [] : alibabaProblems(text))] }).toEqual({ path, problems: [] });
    }
    const autopilot = JSON.parse(byPath.get('prod/alibaba/wrongbook-wide-table.autopilot.json')!) as { method: string; endpoint: string; body: unknown };
    expect([autopilot.method, autopilot.endpoint]).toEqual(['PUT', '/autopilot/v2/namespaces/wrongbook-default/deployments/${DEPLOYMENT_ID}/autopilotpolicy-update']);
    expect(autopilot.body).toEqual({ enabled: true, policyConfig: { limits: { jobMinParallelism: 2, jobMaxParallelism: 10, coolDownMinutes: 5 } } });
    const create = JSON.parse(byPath.get('prod/alibaba/wrongbook-wide-table.json')!) as { headers: Record<string, string>; body: Record<string, any> };
    expect(create.headers).toEqual({ workspace: '${ALIBABA_WORKSPACE_ID}' });
    expect(create.body.logging).toEqual({ loggingProfile: 'default', log4jLoggers: [{ loggerName: '', loggerLevel: 'INFO' }] });
    const start = JSON.parse(byPath.get('prod/alibaba/wrongbook-wide-table.start.json')!) as { endpoint: string; body: Record<string, any> };
    expect(start.endpoint).toBe('/api/v2/namespaces/wrongbook-default/jobs:start');
    expect(start.body).toEqual({ deploymentId: '${DEPLOYMENT_ID}', restoreStrategy: { kind: 'LATEST_STATE', allowNonRestoredState: false } });
    // The body as it was before (no workspace header) is refused by the schema.
    const { headers: _, ...withoutWorkspace } = create;
    expect(alibabaSchemaProblems(JSON.stringify(withoutWorkspace))).toContain("/ must have required property 'headers'");
  });

  test("prod carries the seed's job configuration", () => {
    const d = parseYaml(byPath.get('prod/vvp/wrongbook-wide-table.yaml')!) as { spec: { template: { spec: Record<string, any> } } };
    const s = d.spec.template.spec;
    expect(s.parallelism).toBe(6);
    expect(s.numberOfTaskManagers).toBe(2);
    expect(s.flinkConfiguration['taskmanager.numberOfTaskSlots']).toBe('3');
    expect(s.resources).toEqual({ jobmanager: { cpu: 1, memory: '2G' }, taskmanager: { cpu: 2, memory: '4G' } });
    expect(s.flinkConfiguration).toMatchObject({
      'execution.checkpointing.interval': '10s',
      'execution.checkpointing.mode': 'EXACTLY_ONCE',
      'state.backend.type': 'rocksdb',
      'execution.checkpointing.dir': 'oss://bucket-name/checkpoints',
    });
    const alibaba = JSON.parse(byPath.get('prod/alibaba/wrongbook-wide-table.json')!) as { body: Record<string, any> };
    expect(alibaba.body.streamingResourceSetting.basicResourceSetting).toEqual({
      parallelism: 6,
      jobmanagerResourceSettingSpec: { cpu: 1, memory: '2Gi' },
      taskmanagerResourceSettingSpec: { cpu: 2, memory: '4Gi' },
    });
  });

  test("Hadoop's own Configuration reads the generated hive-site.xml and takes the OSS keys from the environment", { timeout: 300_000 }, () => {
    const file = join(GOLDEN, 'prod', 'hive-conf', 'aliyun_catalog', 'hive-site.xml');
    const keys = ['hive.metastore.uris', 'hive.metastore.warehouse.dir', 'fs.oss.endpoint', 'fs.oss.accessKeyId', 'fs.oss.accessKeySecret'];
    expect(hadoopConfValues(file, keys, { ACCESS_KEY_ID: 'LTAI-test-id', ACCESS_KEY_SECRET: 'test-secret' })).toEqual({
      'hive.metastore.uris': 'thrift://metastore.aliyun.com:9083',
      'hive.metastore.warehouse.dir': 'oss://bucket-name/warehouse',
      'fs.oss.endpoint': 'oss-cn-hangzhou.aliyuncs.com',
      'fs.oss.accessKeyId': 'LTAI-test-id',
      'fs.oss.accessKeySecret': 'test-secret',
    });
  });

  test('per-operator parallelism: the job at 6, the JDBC sink at 3 (sink.parallelism)', () => {
    expect(byPath.get('prod/vvp/wrongbook-wide-table.setup.sql')).toContain("'sink.parallelism' = '3'");
    expect(byPath.get('prod/sql/wrongbook-wide-table.sql')).toContain("SET 'parallelism.default' = '6';");
  });

  test('the Hive catalog: tables registered in it (not TEMPORARY), its hive-site.xml with OSS keys as environment placeholders', () => {
    const sql = byPath.get('prod/sql/wrongbook-wide-table.sql')!;
    expect(sql).toContain('USE CATALOG `aliyun_catalog`;');
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS `aliyun_catalog`.`dwd`.`wrongbook_events`');
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS `aliyun_catalog`.`dwd`.`dwd_wrong_record_wide_delta`');
    expect(sql).not.toContain('CREATE TEMPORARY TABLE');
    const setup = byPath.get('prod/vvp/wrongbook-wide-table.setup.sql')!;
    expect(setup).toContain('CREATE CATALOG `aliyun_catalog`');
    expect(setup).toContain('CREATE TABLE IF NOT EXISTS `aliyun_catalog`.`dwd`.`wrongbook_events`');
    expect(byPath.get('prod/vvp/wrongbook-wide-table.yaml')).not.toContain('CREATE TEMPORARY TABLE');
    const site = byPath.get('prod/hive-conf/aliyun_catalog/hive-site.xml')!;
    expect(site).toContain('deploy as /opt/flink/conf/hive-site.xml');
    for (const [name, value] of [['hive.metastore.uris', 'thrift://metastore.aliyun.com:9083'], ['hive.metastore.warehouse.dir', 'oss://bucket-name/warehouse'], ['fs.oss.endpoint', 'oss-cn-hangzhou.aliyuncs.com'], ['fs.oss.accessKeyId', '${env.ACCESS_KEY_ID}'], ['fs.oss.accessKeySecret', '${env.ACCESS_KEY_SECRET}']]) {
      expect(site).toContain(`<name>${name}</name>\n    <value>${value}</value>`);
    }
    for (const [path, text] of [...byPath].filter(([p]) => p.endsWith('.sql'))) {
      expect({ path, problems: sqlProblems(text).problems }).toEqual({ path, problems: [] });
      // dt-sql-parser's grammar requires WITH on CREATE DATABASE (Flink's does not): those are left to our parser.
      for (const statement of splitStatements(text).filter((st) => !/^CREATE DATABASE [^;]*[^)];$/.test(st))) expect({ path, statement, errors: dtValidate(statement) }).toEqual({ path, statement, errors: [] });
    }
  });

  test('credentials stay placeholders (${NAME} for VVP, ${secret_values.NAME} for Alibaba) and never go into the catalog: each job passes them as OPTIONS hints', () => {
    for (const target of ['vvp', 'alibaba']) {
      const setup = byPath.get(`prod/${target}/wrongbook-wide-table.setup.sql`)!;
      expect(setup).not.toMatch(/password|username|jaas/);
    }
    expect(byPath.get('prod/vvp/wrongbook-wide-table.yaml')).toContain("INSERT INTO `aliyun_catalog`.`dwd`.`dwd_wrong_record_wide_delta` /*+ OPTIONS('username'='${MYSQL_USERNAME}', 'password'='${MYSQL_PASSWORD}') */ (");
    expect(byPath.get('prod/vvp/wrongbook-wide-table.yaml')).toContain("FROM `aliyun_catalog`.`dwd`.`wrongbook_events` /*+ OPTIONS('properties.sasl.jaas.config'='org.apache.kafka.common.security.plain.PlainLoginModule required username=\"${KAFKA_USERNAME}\" password=\"${KAFKA_PASSWORD}\";') */ AS `e`");
    expect(byPath.get('prod/alibaba/wrongbook-wide-table.json')).toContain("'password'='${secret_values.MYSQL_PASSWORD}'");
    for (const [path, content] of byPath) expect({ path, leaks: content.match(/'password' ?= ?'(?!\$\{)[^']*'/g) }).toEqual({ path, leaks: null });
  });

  test("settings that switch OPTIONS hints off are refused: the catalog tables' credentials would be missing", () => {
    const off = pipeline({ ...wrongbook.spec, settings: { 'table.dynamic-table-options.enabled': false } });
    expect(checkPipeline(off, 'prod').filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['FTS8016']);
  });
});
