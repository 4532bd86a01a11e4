/**
 * The five StreamPark jobs of seed 000, built for dev / test / prod and every target: the analyzer reports no
 * error, the outputs match the golden files byte for byte, builds are deterministic, every SQL script reads
 * back with the project parser and dt-sql-parser's FlinkSQL grammar, every StreamPark form body decodes into
 * fields that follow StreamPark 2.1.x's rules, and no artifact holds a plaintext credential.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { buildPipeline, checkPipeline, pipeline, streamparkSqlProblems } from '@flinkts/pipelines';
import { decodeForm, streamparkSplit } from '@flinkts/pipelines/internal';
import { dtValidate, splitStatements } from '../../../test/support/dt-sql-parser.js';
import { buildEveryEnvironment, goldenFiles } from '../../../test/support/golden-build.js';
import { sqlProblems, streamparkProblems } from '../../../test/support/job-spec-rules.js';
import realtimeDw from '../flinkts.config.js';

const GOLDEN = fileURLToPath(new URL('../golden', import.meta.url));
const JOBS = ['rt-dw-cdc-ingestion', 'rt-dw-ods-processing', 'rt-dw-dwd-transform', 'rt-dw-dws-aggregate', 'rt-dw-monitor'];
const ENVS = ['local', 'dev', 'test', 'prod', 'highLoad'];

describe('examples/realtime-dw pipeline', () => {
  const { files, errors } = buildEveryEnvironment(realtimeDw);
  const byPath = new Map(files.map((f) => [f.path, f.content]));

  test('checks clean in every environment (no errors, no warnings)', () => {
    expect(errors).toEqual([]);
    expect(realtimeDw.environmentNames).toEqual(ENVS);
    for (const env of ENVS) expect(checkPipeline(realtimeDw, env).map((d) => `${d.code} ${d.message}`)).toEqual([]);
  });

  test('matches the golden files for every environment and target', () => {
    const golden = goldenFiles(GOLDEN, files);
    expect([...golden.keys()]).toEqual([...byPath.keys()].sort());
    for (const [path, content] of byPath) expect({ path, content }).toEqual({ path, content: golden.get(path) });
  });

  test('is byte-identical when built twice', () => {
    expect(buildEveryEnvironment(realtimeDw).files).toEqual(files);
  });

  test('the five jobs with parallelism 2 / 4 / 6 / 4 / 1 and the per-environment resources', () => {
    const options = (env: string, job: string) => {
      const body = JSON.parse(byPath.get(`${env}/streampark/${job}.json`)!) as { fields: Record<string, string> };
      return JSON.parse(body.fields.options!) as Record<string, unknown>;
    };
    expect(JOBS.map((j) => options('prod', j)['parallelism.default'])).toEqual([2, 4, 6, 4, 1]);
    expect(options('dev', 'rt-dw-dwd-transform')['parallelism.default']).toBe(2);
    expect(ENVS.map((env) => [env, options(env, 'rt-dw-monitor')['taskmanager.memory.process.size'], options(env, 'rt-dw-monitor')['jobmanager.memory.process.size']])).toEqual([
      ['local', '2048m', '1024m'],
      ['dev', '2048m', '1024m'],
      ['test', '3072m', '2048m'],
      ['prod', '4096m', '2048m'],
      ['highLoad', '8192m', '4096m'],
    ]);
  });

  test('every SQL script reads back with the project parser and dt-sql-parser', () => {
    const sqlFiles = [...byPath].filter(([p]) => p.endsWith('.sql'));
    expect(sqlFiles.length).toBe(25);
    for (const [path, sql] of sqlFiles) {
      expect({ path, problems: sqlProblems(sql).problems }).toEqual({ path, problems: [] });
      // dt-sql-parser's grammar requires WITH on CREATE DATABASE (Flink's does not): those are left to our parser.
      for (const statement of splitStatements(sql).filter((st) => !/^CREATE DATABASE [^;]*[^)];$/.test(st))) expect({ path, statement, errors: dtValidate(statement) }).toEqual({ path, statement, errors: [] });
    }
  });

  test("every StreamPark body decodes into fields that follow StreamPark's rules", () => {
    for (const env of ENVS) {
      const variables = JSON.parse(byPath.get(`${env}/streampark/variables.json`)!) as { variables: { variableCode: string }[]; secrets: { variableCode: string }[] };
      const codes = new Set([...variables.variables, ...variables.secrets].map((v) => v.variableCode));
      for (const job of JOBS) {
        const body = byPath.get(`${env}/streampark/${job}.form`)!;
        expect({ env, job, problems: streamparkProblems(body, codes) }).toEqual({ env, job, problems: [] });
      }
    }
  });

  test('environments differ where they should: checkpoint interval, state TTL, variable values', () => {
    const sql = (env: string) => byPath.get(`${env}/sql/rt-dw-cdc-ingestion.sql`)!;
    expect(sql('dev')).toContain("SET 'execution.checkpointing.interval' = '300s';");
    expect(sql('prod')).toContain("SET 'execution.checkpointing.interval' = '30s';");
    expect(sql('prod')).toContain("SET 'table.exec.state.ttl' = '7d';");
    expect(sql('prod')).toContain("'hostname' = 'mysql.prod.internal'");
    // StreamPark substitutes team variables at start: the form keeps the placeholder.
    expect(byPath.get('prod/streampark/rt-dw-cdc-ingestion.json')).toContain("'hostname' = '${MYSQL_HOST}'");
  });

  test('no artifact contains a credential value; secrets are placeholders everywhere', () => {
    for (const [path, content] of byPath) {
      expect({ path, leaks: content.match(/'password' = '(?!\$\{)[^']*'/g) }).toEqual({ path, leaks: null });
    }
    const variables = byPath.get('prod/streampark/variables.json')!;
    expect(JSON.parse(variables).secrets.every((s: Record<string, unknown>) => !('variableValue' in s))).toBe(true);
  });

  test("StreamPark accepts every form's SQL: bare INSERTs (no EXECUTE), every statement a command its parser knows", () => {
    for (const env of ENVS) {
      for (const job of JOBS) {
        const sql = new Map(decodeForm(byPath.get(`${env}/streampark/${job}.form`)!.trimEnd())).get('flinkSql')!;
        expect(sql).not.toMatch(/EXECUTE|STATEMENT SET/i);
        expect({ env, job, problems: streamparkSqlProblems(sql) }).toEqual({ env, job, problems: [] });
      }
    }
    // The multi-INSERT jobs (the monitor: one per quality declaration) keep all their INSERTs: StreamPark runs them as one statement set.
    const inserts = (job: string) => streamparkSplit(new Map(decodeForm(byPath.get(`prod/streampark/${job}.form`)!.trimEnd())).get('flinkSql')!).filter((s) => /^INSERT/i.test(s.sql)).length;
    expect(JOBS.map(inserts)).toEqual([3, 2, 1, 2, 3]);
  });

  test('checkpoint failures: "3 failures within 10 minutes" is cpFailureRateInterval=10, cpMaxFailureInterval=3, alert with an alertId', () => {
    const fields = new Map(decodeForm(byPath.get('prod/streampark/rt-dw-monitor.form')!.trimEnd()));
    expect([fields.get('cpFailureRateInterval'), fields.get('cpMaxFailureInterval'), fields.get('cpFailureAction'), fields.get('alertId')]).toEqual(['10', '3', '1', '${STREAMPARK_ALERT_ID}']);
  });

  test("seed 000's stack as written (Flink 1.20.1, Paimon 0.8.2, MySQL CDC 3.1.1) is an error naming the working releases", () => {
    const seed = pipeline({ ...realtimeDw.spec, connectorVersions: { paimon: '0.8.2', 'mysql-cdc': '3.1.1' } });
    const errors = checkPipeline(seed, 'prod').filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.path, d.hint])).toEqual([
      ['FTS8040', 'connectorVersions.mysql-cdc', 'releases built for Flink 1.20: 3.2.0, 3.2.1, 3.3.0'],
      ['FTS8040', 'connectorVersions.paimon', 'releases built for Flink 1.20: 0.9.0, 1.0.1'],
    ]);
    expect(errors[1]!.message).toBe('paimon 0.8.2 has no build for Flink 1.20 (it is built for Flink 1.18, 1.19); a job shipping it on Flink 1.20.1 fails to start or at run time');
    expect(buildPipeline(seed, { env: 'prod' }).files).toEqual([]);
  });

  test('the jars StreamPark resolves are the Flink 1.20 builds', () => {
    const dependency = (job: string) => JSON.parse(new Map(decodeForm(byPath.get(`prod/streampark/${job}.form`)!.trimEnd())).get('dependency')!) as { pom: { artifactId: string; version: string }[] };
    expect(dependency('rt-dw-cdc-ingestion').pom.map((p) => `${p.artifactId}:${p.version}`)).toEqual(['flink-sql-connector-mysql-cdc:3.2.1', 'paimon-flink-1.20:0.9.0']);
    expect(dependency('rt-dw-dws-aggregate').pom.map((p) => `${p.artifactId}:${p.version}`)).toEqual(['flink-connector-starrocks:1.2.11_flink-1.20', 'paimon-flink-1.20:0.9.0']);
  });

  test('StreamPark only: an unknown target is refused', () => {
    const r = buildPipeline(realtimeDw, { env: 'prod', targets: ['vvp'] });
    expect(r.ok).toBe(false);
    expect(r.files).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['FTS8030']);
  });
});
