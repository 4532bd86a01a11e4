/**
 * Seed 001 on VVP / Alibaba Realtime Compute, built for dev and prod: golden outputs byte for byte,
 * deterministic builds, every VVP Deployment and Alibaba deployment checked against the platforms' SQL-shape
 * and naming rules, the seed's job configuration in prod, and credentials only as placeholders.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkPipeline } from '@flinkts/pipelines';
import { dtValidate, splitStatements } from '../../../test/support/dt-sql-parser.js';
import { buildEveryEnvironment, goldenFiles } from '../../../test/support/golden-build.js';
import { alibabaProblems, sqlProblems, vvpProblems } from '../../../test/support/job-spec-rules.js';
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
    for (const [path, text] of specs) expect({ path, problems: vvpProblems(text) }).toEqual({ path, problems: [] });
  });

  test('every Alibaba deployment follows the 2022-07-18 API shape', () => {
    for (const [path, text] of [...byPath].filter(([p]) => p.startsWith('dev/alibaba/') || p.startsWith('prod/alibaba/')).filter(([p]) => p.endsWith('.json'))) {
      expect({ path, problems: alibabaProblems(text) }).toEqual({ path, problems: [] });
    }
  });

  test("prod carries the seed's job configuration", () => {
    const d = parseYaml(byPath.get('prod/vvp/wrongbook-wide-table.yaml')!) as { spec: { template: { spec: Record<string, any> } } };
    const s = d.spec.template.spec;
    expect(s.parallelism).toBe(2);
    expect(s.numberOfTaskManagers).toBe(2);
    expect(s.resources).toEqual({ jobmanager: { cpu: 1, memory: '2G' }, taskmanager: { cpu: 2, memory: '4G' } });
    expect(s.flinkConfiguration).toMatchObject({
      'execution.checkpointing.interval': '10s',
      'execution.checkpointing.mode': 'EXACTLY_ONCE',
      'state.backend.type': 'rocksdb',
      'execution.checkpointing.dir': 'oss://bucket-name/checkpoints',
    });
    const alibaba = JSON.parse(byPath.get('prod/alibaba/wrongbook-wide-table.json')!) as { body: Record<string, any> };
    expect(alibaba.body.streamingResourceSetting.basicResourceSetting).toEqual({
      parallelism: 2,
      jobmanagerResourceSettingSpec: { cpu: 1, memory: '2Gi' },
      taskmanagerResourceSettingSpec: { cpu: 2, memory: '4Gi' },
    });
  });

  test('the Hive catalog: USE in the SQL script, registered once by the VVP setup script', () => {
    const sql = byPath.get('prod/sql/wrongbook-wide-table.sql')!;
    expect(sql).toContain('USE CATALOG `aliyun_catalog`;');
    expect(byPath.get('prod/vvp/wrongbook-wide-table.setup.sql')).toContain("CREATE CATALOG `aliyun_catalog`");
    for (const [path, text] of [...byPath].filter(([p]) => p.endsWith('.sql'))) {
      expect({ path, problems: sqlProblems(text).problems }).toEqual({ path, problems: [] });
      for (const statement of splitStatements(text)) expect({ path, statement, errors: dtValidate(statement) }).toEqual({ path, statement, errors: [] });
    }
  });

  test('credentials stay placeholders: ${NAME} for VVP, ${secret_values.NAME} for Alibaba', () => {
    expect(byPath.get('prod/vvp/wrongbook-wide-table.yaml')).toContain("'password' = '${MYSQL_PASSWORD}'");
    expect(byPath.get('prod/alibaba/wrongbook-wide-table.json')).toContain("'password' = '${secret_values.MYSQL_PASSWORD}'");
    for (const [path, content] of byPath) expect({ path, leaks: content.match(/'password' = '(?!\$\{)[^']*'/g) }).toEqual({ path, leaks: null });
  });
});
