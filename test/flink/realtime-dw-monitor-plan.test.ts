/**
 * realtime-dw's quality monitor on Flink 1.20.1's planner (the bridge), as generated for the pipeline's `local`
 * environment, whose lake (`PAIMON_WAREHOUSE`) is a local directory: the monitor reads the lake tables through
 * standalone Paimon tables on their paths, and Paimon reads a table's schema from its path while planning, so the
 * lake tables must exist there first — as they do where the monitor runs, written by the ingestion jobs. The test
 * creates them at those paths from the lake's own declarations when they are missing (test/support/realtime-dw-lake.ts).
 *
 * - The generated job, unchanged: our analyzer finds nothing; Flink's planner creates its Paimon sources (Paimon
 *   checks each against the stored table: columns, keys, partitioning — this found the DWD source missing its
 *   partition key) and stops only at the StarRocks sink, whose connector reads the table's schema from a live
 *   StarRocks FE while planning (none runs at the configured address: FTS7609, "not verifiable").
 * - The same job with a loopback MariaDB standing in for the FE (the StarRocks connector asks the FE two queries
 *   over JDBC while planning; the bridge's StarRocksFeStandIn answers them from MariaDB's catalog, see its comment):
 *   planned to the end, and refused when the FE's table does not match the sink (a different primary key).
 * - The same quality declarations compiled with a Kafka result sink the user declares (a topic of JSON score rows,
 *   for consumers that alert on a stream): checked by our analyzer and planned to the end by Flink's planner, with
 *   the generated job's own source tables and window aggregations — byte for byte the same statements.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { checkSql, printStatement, printStatements, table } from '@flinkts/core';
import type { Statement } from '@flinkts/core';
import { connectorValidators, json, kafka } from '@flinkts/connectors';
import { verifyScript } from '@flinkts/core/flink';
import { monitorJobs, pipeline, QUALITY_RESULT_COLUMNS } from '@flinkts/pipelines';
import { jobStatements } from '@flinkts/pipelines/internal';
import realtimeDw from '../../examples/realtime-dw/flinkts.config.js';
import { LOCAL_WAREHOUSE } from '../../examples/realtime-dw/src/lake.js';
import { dwdOrderDetailTimed, dwsSalesDailyTimed, odsOrdersTimed, QUALITY } from '../../examples/realtime-dw/src/quality.js';
import { ensureLocalLake } from '../support/realtime-dw-lake.js';
import { mariaDbType, startStarRocksFe } from '../support/starrocks-fe.js';
import type { StarRocksFe } from '../support/starrocks-fe.js';
import { adsDataQuality } from '../../examples/realtime-dw/src/olap.js';
import type { DataType } from '@flinkts/core';

/** The user's Kafka result table: one JSON record per table, window and dimension (insert-only, so no key). */
const qualityScores = table('dq_scores', {
  columns: QUALITY_RESULT_COLUMNS,
  temporary: true,
  connector: kafka({ topic: 'realtime-dw-quality-scores', 'properties.bootstrap.servers': '${KAFKA_BOOTSTRAP_SERVERS}', format: json() }),
});

const kafkaMonitor = monitorJobs({ pipeline: 'realtime-dw', name: 'rt-dw-monitor-kafka', qualities: QUALITY, sink: qualityScores, per: 'pipeline', parallelism: 1 });
const kafkaPipeline = pipeline({
  name: 'realtime-dw-kafka-scores',
  flinkVersion: '1.20.1',
  jobs: kafkaMonitor,
  tables: [qualityScores, odsOrdersTimed, dwdOrderDetailTimed, dwsSalesDailyTimed],
  variables: { PAIMON_WAREHOUSE: 'warehouse root of the Paimon catalog', KAFKA_BOOTSTRAP_SERVERS: 'Kafka brokers' },
  targets: { sql: {} },
  environments: { local: { variables: { PAIMON_WAREHOUSE: LOCAL_WAREHOUSE, KAFKA_BOOTSTRAP_SERVERS: '127.0.0.1:9092' } } },
});

const sqlOf = (statements: readonly Statement[]) => printStatements(statements);
const errorsOf = (sql: string) => checkSql(sql, { validators: connectorValidators }).filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

describe("realtime-dw's monitor on the real planner (local environment)", () => {
  beforeAll(async () => {
    await ensureLocalLake();
  }, 300_000);

  test('the generated job: our analyzer accepts it; the planner stops only at the StarRocks sink (no FE here)', async () => {
    const sql = sqlOf(jobStatements(realtimeDw, 'local', 'rt-dw-monitor'));
    expect(sql).toContain(`'path' = '${LOCAL_WAREHOUSE}/ods.db/ods_orders'`);
    expect(errorsOf(sql)).toEqual([]);
    const real = await verifyScript(sql);
    expect(real.diagnostics.map((d) => d.code)).toEqual(['FTS7609']);
    expect(real.diagnostics[0]?.message).toMatch(/StarRocks/);
  }, 300_000);

  test('with a loopback MariaDB as the StarRocks FE: planned to the end; a table whose key differs is refused', async () => {
    const fe: StarRocksFe = await startStarRocksFe();
    try {
      const sql = fe.prepare(sqlOf(jobStatements(realtimeDw, 'local', 'rt-dw-monitor')));
      expect(sql).toContain(`'jdbc-url' = '${fe.url}'`);
      const real = await verifyScript(sql);
      expect(real.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
      expect(real.ok).toBe(true);
      // the connector compares the FE's primary key with the Flink table's: a different one is refused
      const columns = adsDataQuality.columnTypes.map((c) => `\`${c.name}\` ${mariaDbType(c.type as DataType)}`);
      fe.sql(`DROP TABLE rt_dw.ads_data_quality; CREATE TABLE rt_dw.ads_data_quality (${columns.join(', ')}, PRIMARY KEY (\`pipeline\`, \`table_name\`, \`window_start\`))`);
      const refused = await verifyScript(sql);
      expect(refused.diagnostics.map((d) => d.code)).toEqual(['FTS7607']);
      expect(refused.diagnostics[0]?.message).toMatch(/Primary keys of the flink `TableSchema` do not match/);
    } finally {
      await fe.stop();
    }
  }, 300_000);

  test('with a Kafka result sink: compiled, accepted by our analyzer and planned to the end by the real planner', async () => {
    const statements = jobStatements(kafkaPipeline, 'local', 'rt-dw-monitor-kafka');
    const sql = sqlOf(statements);
    expect(errorsOf(sql)).toEqual([]);
    const real = await verifyScript(sql);
    expect(real.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    expect(real.ok).toBe(true);
    // the same sources and window aggregations as the generated job: only the sink differs
    const generated = jobStatements(realtimeDw, 'local', 'rt-dw-monitor');
    const sources = (ss: readonly Statement[]) => ss.filter((s) => s.kind === 'CreateTable' && s.path.join('.').endsWith('_quality_source')).map((s) => printStatement(s));
    expect(sources(statements)).toEqual(sources(generated));
    const inserts = (ss: readonly Statement[], sink: string) => ss.flatMap((s) => (s.kind === 'StatementSet' ? s.inserts : [])).map((i) => printStatement(i).replaceAll(`\`${sink}\``, '`<sink>`'));
    expect(inserts(statements, 'dq_scores')).toEqual(inserts(generated, 'ads_data_quality'));
    expect(sql).toContain("'connector' = 'kafka'");
  }, 300_000);
});

