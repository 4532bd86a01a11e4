/**
 * The consumer group a shadow release reads Kafka with: the group the live job uses at that read, suffixed
 * `-shadow` — also when the live job names its group in its own OPTIONS hint, which must not be kept (the shadow
 * would then commit offsets into the live job's group).
 */
import { describe, expect, it } from 'vitest';
import { FlinktsError, sqlInsert, sqlQuery, t, table, view } from '@flinkts/core';
import { json, kafka } from '@flinkts/connectors';
import { job, pipeline } from '@flinkts/pipelines';
import type { AnyPipeline } from '@flinkts/pipelines';
import { pipelineArtifacts } from '@flinkts/pipelines/internal';
import type { JobArtifact } from '@flinkts/pipelines';
import { kafkaOrders } from '../fixtures/pipelines/deploy-dws/kafka.js';
import { salesShadow } from '../fixtures/pipelines/deploy-dws/shadow.config.js';
import { environments, sales } from '../fixtures/pipelines/deploy-dws/shared.js';

const withJob = (statement: ReturnType<typeof sqlInsert>, extraTables: AnyPipeline['spec']['tables'] = []): AnyPipeline => pipeline({
  name: 'deploy-dws',
  jobs: [job('dws-aggregate', { statements: statement })],
  tables: [kafkaOrders, sales, salesShadow, ...extraTables],
  targets: { sql: {} },
  environments: { test: { ...environments.test, deploy: { ...environments.test.deploy, shadowSinks: [{ sink: sales, shadow: salesShadow }] } } },
});

/** The same topic declared without a group id: only a job's hint gives it one. */
const ungrouped = table('orders_ungrouped', {
  columns: { order_id: t.bigint(), category: t.int(), amount: t.int() },
  temporary: true,
  connector: kafka({ topic: 'dwd_order_detail', 'properties.bootstrap.servers': '127.0.0.1:9092', 'scan.startup.mode': 'earliest-offset', format: json() }),
});

const shadowSql = (p: AnyPipeline): string => ((pipelineArtifacts(p, 'test').artifacts[0] as JobArtifact).shadow?.artifact.statements ?? []).join('\n');
const liveSql = (p: AnyPipeline): string => (pipelineArtifacts(p, 'test').artifacts[0] as JobArtifact).statements.join('\n');

describe('shadow consumer groups', () => {
  it("the table's group, suffixed, when the job gives none", () => {
    const p = withJob(sqlInsert`INSERT INTO dws_sales SELECT category, COUNT(*), SUM(CAST(amount AS BIGINT)) FROM dwd_order_detail GROUP BY category`);
    expect(shadowSql(p)).toContain("FROM `dwd_order_detail` /*+ OPTIONS('properties.group.id'='dws-aggregate-shadow') */");
  });

  it("the job's own hinted group, suffixed, replacing the job's entry and keeping its other options", () => {
    const p = withJob(sqlInsert`INSERT INTO dws_sales SELECT category, COUNT(*), SUM(CAST(amount AS BIGINT)) FROM dwd_order_detail /*+ OPTIONS('properties.group.id'='dws-manual', 'scan.startup.mode'='earliest-offset') */ GROUP BY category`);
    expect(liveSql(p)).toContain("'properties.group.id'='dws-manual'");
    const shadow = shadowSql(p);
    expect(shadow).toContain("OPTIONS('properties.group.id'='dws-manual-shadow', 'scan.startup.mode'='earliest-offset')");
    expect(shadow).not.toMatch(/'properties\.group\.id'\s*=\s*'dws-manual'/);
  });

  it('a group only the job hints at, on a table declared without one, is suffixed too', () => {
    const p = withJob(sqlInsert`INSERT INTO dws_sales SELECT category, COUNT(*), SUM(CAST(amount AS BIGINT)) FROM orders_ungrouped /*+ OPTIONS('properties.group.id'='dws-hinted') */ GROUP BY category`, [ungrouped]);
    expect(shadowSql(p)).toContain("FROM `orders_ungrouped` /*+ OPTIONS('properties.group.id'='dws-hinted-shadow') */");
  });

  it('a Kafka table read through a view whose own hint names a group is refused (FTS8109)', () => {
    const v = view('orders_view', sqlQuery([['order_id', t.bigint()], ['category', t.int()], ['amount', t.int()]])`SELECT * FROM orders_ungrouped /*+ OPTIONS('properties.group.id'='dws-view') */`);
    const p = withJob(sqlInsert`INSERT INTO dws_sales SELECT category, COUNT(*), SUM(CAST(amount AS BIGINT)) FROM orders_view GROUP BY category`, [ungrouped, v]);
    const e = (() => { try { shadowSql(p); } catch (x) { return x; } return undefined; })();
    expect(e).toBeInstanceOf(FlinktsError);
    expect((e as FlinktsError).diagnostics[0]).toMatchObject({ code: 'FTS8109', message: expect.stringContaining('orders_ungrouped (through view orders_view)') });
  });
});
