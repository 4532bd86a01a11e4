/**
 * The small parts of deploying that need no platform: dependency order of a pipeline's jobs, the statement and
 * setting diff, run labels, compiled-plan row types, and secrets (from the environment or a named file only).
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlinktsError } from '@flinkts/core';
import realtimeDw from '../../examples/realtime-dw/flinkts.config.js';
import { DeploymentRecords, pipeline } from '../../packages/pipelines/src/index.js';
import { diffStatements, jobsInDependencyOrder, loadSecrets, parseRunName, pipelineArtifacts, placeholdersIn, rowFieldNames, runName, settingChanges } from '@flinkts/pipelines/internal';
import { resolveEnvironment } from '../../packages/pipelines/src/resolve-environment.js';
import { characters, describeWithin, parseRecordText, STREAMPARK_DESCRIPTION_MAX } from '../../packages/pipelines/src/deploy/platform-record.js';

describe('deploy parts', () => {
  it('deployment records stay in their folder: a job, pipeline, environment or target name with a path separator or . / .. is FTS8005, and nothing is written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flinkts-records-'));
    try {
      const records = new DeploymentRecords(join(dir, 'records'), 'p', 'test', 'gateway');
      const code = (run: () => unknown): string | undefined => { try { run(); } catch (e) { return e instanceof FlinktsError ? e.diagnostics[0]?.code : 'not a FlinktsError'; } return undefined; };
      for (const job of ['a/../../x', '..', '.', 'a\\b', 'a\0b']) {
        expect(code(() => records.read(job)), job).toBe('FTS8005');
        expect(code(() => records.update(job, (r) => r)), job).toBe('FTS8005');
        expect(code(() => records.write({ job, versions: [], savepoints: [] })), job).toBe('FTS8005');
      }
      for (const i of [1, 2, 3]) {
        const args: [string, string, string] = ['p', 'test', 'gateway'];
        args[i - 1] = '../escape';
        expect(code(() => new DeploymentRecords(join(dir, 'records'), ...args))).toBe('FTS8005');
      }
      expect(readdirSync(dir)).toEqual([]);
      // a plain name (spaces and non-ASCII letters included) is kept as before
      records.write({ job: '实时 job', versions: [], savepoints: [] });
      expect(records.jobs()).toEqual(['实时 job']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('orders jobs upstream first whatever order the pipeline lists them in', () => {
    const spec = realtimeDw.spec;
    const reversed = pipeline({ ...spec, jobs: [...spec.jobs].reverse() } as never);
    const resolved = resolveEnvironment(reversed, 'test', []);
    // the monitor reads the lake tables through standalone Paimon tables on their paths: matched by where the data
    // lives, it comes after the jobs that write them (its sources must exist when it is planned)
    expect(jobsInDependencyOrder(resolved!.jobs).map((j) => j.name)).toEqual(['rt-dw-cdc-ingestion', 'rt-dw-ods-processing', 'rt-dw-dwd-transform', 'rt-dw-dws-aggregate', 'rt-dw-monitor']);
  });

  it('an environment with a bad deploy.health setting is a registered diagnostic', () => {
    const bad = pipeline({ ...realtimeDw.spec, environments: { ...realtimeDw.spec.environments, test: { ...realtimeDw.spec.environments.test, deploy: { health: { checkpoints: -1 } } } } } as never);
    const e = (() => { try { pipelineArtifacts(bad, 'test'); } catch (x) { return x; } return undefined; })();
    expect((e as FlinktsError).diagnostics[0]).toMatchObject({ code: 'FTS8106', path: 'environments.test.deploy.health.checkpoints' });
  });

  it('diffs statements and settings', () => {
    const before = ["SET 'a' = '1'", "SET 'b' = '2'", 'CREATE TABLE t (x INT)', 'INSERT INTO s SELECT x FROM t'];
    const after = ["SET 'a' = '1'", "SET 'b' = '3'", "SET 'c' = 'it''s'", 'CREATE TABLE t (x INT)', 'INSERT INTO s SELECT x + 1 FROM t'];
    expect(diffStatements(before, after).lines.filter((l) => l.op !== '=')).toEqual([
      { op: '-', statement: "SET 'b' = '2'" }, { op: '+', statement: "SET 'b' = '3'" }, { op: '+', statement: "SET 'c' = 'it''s'" },
      { op: '-', statement: 'INSERT INTO s SELECT x FROM t' }, { op: '+', statement: 'INSERT INTO s SELECT x + 1 FROM t' },
    ]);
    expect(settingChanges(before, after)).toEqual([{ key: 'b', from: '2', to: '3' }, { key: 'c', to: "it's" }]);
    expect(diffStatements(before, before).changed).toBe(false);
  });

  it('labels a run with its job and hash, and reads it back', () => {
    const name = runName('rt-dw-dws-aggregate', 'abcdef0123456789');
    expect(name).toBe('rt-dw-dws-aggregate [abcdef012345]');
    expect(parseRunName(name)).toEqual({ job: 'rt-dw-dws-aggregate', hash: 'abcdef012345' });
    expect(parseRunName('some other job')).toBeUndefined();
  });

  it('reads column names of compiled-plan row types, nested and quoted', () => {
    expect(rowFieldNames('ROW<`a` INT, `b` ROW<`x` INT, `y` STRING>, `c``d` DECIMAL(10, 2)> NOT NULL')).toEqual(['a', 'b', 'c`d']);
    expect(rowFieldNames({ type: 'ROW', fields: [{ name: 'k' }, { name: 'ts' }] })).toEqual(['k', 'ts']);
  });

  it('takes secrets from the environment or a named file, and says which are missing without any value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flinkts-secrets-'));
    try {
      const file = join(dir, 'secrets.json');
      writeFileSync(file, JSON.stringify({ DB_PASSWORD: 'from-file' }));
      const names = placeholdersIn(["'password' = '${DB_PASSWORD}'", "'user' = '${DB_USER}'"]);
      expect(names).toEqual(['DB_PASSWORD', 'DB_USER']);
      const got = loadSecrets(names, { file, env: { FLINKTS_SECRET_DB_USER: 'from-env' } });
      expect([...got]).toEqual([['DB_PASSWORD', 'from-file'], ['DB_USER', 'from-env']]);
      const e = (() => { try { loadSecrets(names, { env: { FLINKTS_SECRET_DB_USER: 'from-env' } }); } catch (x) { return x; } return undefined; })() as FlinktsError;
      expect(e.diagnostics[0]).toMatchObject({ code: 'FTS8102', message: 'no value for the secret(s) DB_PASSWORD' });
      expect(e.message).not.toContain('from-env');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("fits a description and the deployment record into StreamPark's 255 characters, saying what it left out", () => {
    const record = { hash: '0123456789ab', version: 12, deployedAt: '2026-12-07T09:00:00.000Z', restoredFrom: 'hdfs:///flink/savepoints/savepoint-1' };
    // room for both: nothing cut, an earlier record replaced
    const fits = describeWithin('Orders into ODS [flinkts fedcba987654 v1]', record, STREAMPARK_DESCRIPTION_MAX);
    expect(fits).toEqual({ text: 'Orders into ODS [flinkts 0123456789ab v12 2026-12-07T09:00:00.000Z from hdfs:///flink/savepoints/savepoint-1]', cuts: [] });
    // the description is cut first, counted in characters as utf8mb4 counts them (an emoji is one)
    const long = describeWithin('🚀'.repeat(300), record, STREAMPARK_DESCRIPTION_MAX);
    expect(characters(long.text)).toBe(255);
    expect(long.cuts).toEqual([{ kind: 'description', kept: 255 - 2 - characters(long.text.slice(long.text.indexOf('[flinkts'))), of: 300 }]);
    expect(parseRecordText(long.text)).toEqual(record);
    // a savepoint path too long for the field: left out of the platform's copy, the rest of the record kept
    const deep = { ...record, restoredFrom: `oss://bucket/${'a/'.repeat(120)}savepoint-1` };
    const cut = describeWithin('', deep, STREAMPARK_DESCRIPTION_MAX);
    expect(cut.cuts).toEqual([{ kind: 'savepoint', savepoint: deep.restoredFrom }]);
    expect(parseRecordText(cut.text)).toEqual({ hash: '0123456789ab', version: 12, deployedAt: '2026-12-07T09:00:00.000Z' });
  });
});
