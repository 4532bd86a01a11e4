/**
 * Seed 000 — the StreamPark real-time warehouse — as one pipeline of five jobs:
 * MySQL CDC → Paimon ODS → DIM / DWD → DWS → StarRocks, plus the data-quality monitor.
 *
 * The seed's settings with real keys and one value per environment: checkpoints every 300 s / 120 s / 30 s
 * (the seed's '30s-300s' range is not a value), timeout 10–15 min, min pause 5–10 s, RocksDB with a 64 MB write
 * buffer, state TTL 1–7 days as `table.exec.state.ttl` (the seed's `state.ttl` is not a Flink key), and
 * exponential-backoff restarts (3 attempts). Resources per environment: TaskManager / JobManager 2 GB / 1 GB in
 * local and dev, 3 / 2 in test, 4 / 2 in prod, and 8 / 4 in `highLoad` (prod settings on bigger containers for
 * peaks). The lake (`PAIMON_WAREHOUSE`) is per environment: on HDFS, except in `local`, where it is a local
 * directory so the jobs — the quality monitor's standalone Paimon tables too — plan and run on one machine.
 * Parallelism per job 2 / 4 / 6 / 4 / 1.
 *
 * Versions: the seed's stack is Flink 1.20.1 with Paimon 0.8.2 and MySQL CDC 3.1.1, which have no build for Flink
 * 1.20 (`flinkts check` says so); the pipeline ships the nearest releases that do: Paimon 0.9.0, Flink CDC 3.2.1
 * and the StarRocks connector 1.2.11.
 *
 * `npx flinkts build examples/realtime-dw --env prod` writes the artifacts under examples/realtime-dw/dist/prod.
 */
import { pipeline } from '@flinkts/pipelines';
import { cdcIngestion } from './src/jobs/cdc-ingestion.js';
import { dwdTransform } from './src/jobs/dwd-transform.js';
import { dwsAggregate } from './src/jobs/dws-aggregate.js';
import { monitors } from './src/jobs/monitor.js';
import { odsProcessing } from './src/jobs/ods-processing.js';
import { dimProducts, dimUsers, dwdOrderDetail, dwsSalesDaily, lake, LOCAL_WAREHOUSE, odsOrders, odsProducts, odsUsers } from './src/lake.js';
import { adsDataQuality, adsSalesDaily } from './src/olap.js';
import { monitoring } from './src/monitoring.js';
import { dwdOrderDetailTimed, dwsSalesDailyTimed, odsOrdersTimed } from './src/quality.js';
import { mysqlOrders, mysqlProducts, mysqlUsers } from './src/sources.js';

/** Production; `highLoad` is production on bigger containers (seed 000: 8 GB / 4 GB). */
const prod = {
  description: 'production',
  settings: {
    'execution.checkpointing.interval': '30s',
    'execution.checkpointing.timeout': '15min',
    'execution.checkpointing.min-pause': '10s',
    'execution.checkpointing.dir': 'hdfs:///flink/checkpoints/rt-dw',
    'table.exec.state.ttl': '7d',
  },
  resources: { jobManager: { memory: '2g' }, taskManager: { memory: '4g' } },
  variables: {
    MYSQL_HOST: 'mysql.prod.internal',
    PAIMON_WAREHOUSE: 'hdfs:///paimon/rt-dw',
    STARROCKS_JDBC_URL: 'jdbc:mysql://starrocks-fe.prod.internal:9030',
    STARROCKS_LOAD_URL: 'starrocks-fe.prod.internal:8030',
  },
} as const;

export default pipeline({
  name: 'realtime-dw',
  description: 'StreamPark real-time warehouse (seed 000)',
  flinkVersion: '1.20.1',
  connectorVersions: { paimon: '0.9.0', 'mysql-cdc': '3.2.1', starrocks: '1.2.11' },
  jobs: [cdcIngestion, odsProcessing, dwdTransform, dwsAggregate, ...monitors],
  tables: [
    mysqlOrders, mysqlUsers, mysqlProducts,
    odsOrders, odsUsers, odsProducts,
    dimUsers, dimProducts,
    dwdOrderDetail,
    dwsSalesDaily,
    adsSalesDaily, adsDataQuality,
    odsOrdersTimed, dwdOrderDetailTimed, dwsSalesDailyTimed,
  ],
  catalogs: [lake],
  settings: {
    'execution.checkpointing.mode': 'EXACTLY_ONCE',
    'execution.checkpointing.externalized-checkpoint-retention': 'RETAIN_ON_CANCELLATION',
    'state.backend.type': 'rocksdb',
    'execution.checkpointing.incremental': true,
    'state.backend.rocksdb.writebuffer.size': '64mb',
    'restart-strategy.type': 'exponential-delay',
    'restart-strategy.exponential-delay.initial-backoff': '10s',
    'restart-strategy.exponential-delay.max-backoff': '2min',
    'restart-strategy.exponential-delay.attempts-before-reset-backoff': 3,
  },
  resources: { taskManager: { slots: 2 } },
  variables: {
    MYSQL_HOST: 'host of the business MySQL database',
    PAIMON_WAREHOUSE: 'warehouse root of the Paimon catalog',
    STARROCKS_JDBC_URL: 'StarRocks FE query address (jdbc:mysql://fe:9030)',
    STARROCKS_LOAD_URL: 'StarRocks FE HTTP address for Stream Load (fe:8030)',
  },
  secrets: {
    MYSQL_USERNAME: 'CDC user of the business database (REPLICATION SLAVE, REPLICATION CLIENT, SELECT)',
    MYSQL_PASSWORD: 'password of the CDC user',
    STARROCKS_USERNAME: 'StarRocks user with INSERT on rt_dw',
    STARROCKS_PASSWORD: 'password of the StarRocks user',
  },
  targets: {
    sql: {},
    streampark: {
      executionMode: 'yarn-application',
      resolveOrder: 'parent-first',
      restartSize: 3,
      // 3 failed checkpoints within 10 minutes alert the team through StreamPark alert configuration ${STREAMPARK_ALERT_ID}.
      checkpointFailure: { windowMinutes: 10, maxFailures: 3, action: 'alert' },
      alertId: '${STREAMPARK_ALERT_ID}',
    },
    monitoring,
    // Table and column lineage ODS → DWD → DWS → StarRocks beside the artifacts: <env>/lineage/.
    lineage: {},
  },
  environments: {
    local: {
      description: 'one machine (a local Flink, the SQL Gateway flinkts starts, or a test): the lake in a local directory, MySQL and StarRocks on localhost',
      settings: {
        'execution.checkpointing.interval': '60s',
        'execution.checkpointing.timeout': '10min',
        'execution.checkpointing.min-pause': '5s',
        'execution.checkpointing.dir': 'file:///tmp/flinkts-realtime-dw/checkpoints',
        'table.exec.state.ttl': '1d',
      },
      resources: { jobManager: { memory: '1g' }, taskManager: { memory: '2g' } },
      variables: {
        MYSQL_HOST: '127.0.0.1',
        PAIMON_WAREHOUSE: LOCAL_WAREHOUSE,
        STARROCKS_JDBC_URL: 'jdbc:mysql://127.0.0.1:9030',
        STARROCKS_LOAD_URL: '127.0.0.1:8030',
      },
    },
    dev: {
      description: 'development: small containers, slow checkpoints, one day of state',
      settings: {
        'execution.checkpointing.interval': '300s',
        'execution.checkpointing.timeout': '10min',
        'execution.checkpointing.min-pause': '5s',
        'execution.checkpointing.dir': 'hdfs:///flink/checkpoints/rt-dw-dev',
        'table.exec.state.ttl': '1d',
      },
      resources: { jobManager: { memory: '1g' }, taskManager: { memory: '2g' } },
      variables: {
        MYSQL_HOST: 'mysql.dev.internal',
        PAIMON_WAREHOUSE: 'hdfs:///paimon/rt-dw-dev',
        STARROCKS_JDBC_URL: 'jdbc:mysql://starrocks-fe.dev.internal:9030',
        STARROCKS_LOAD_URL: 'starrocks-fe.dev.internal:8030',
      },
      jobs: { 'rt-dw-dwd-transform': { parallelism: 2 } },
    },
    test: {
      description: 'test: production-like settings on smaller containers',
      settings: {
        'execution.checkpointing.interval': '120s',
        'execution.checkpointing.timeout': '10min',
        'execution.checkpointing.min-pause': '5s',
        'execution.checkpointing.dir': 'hdfs:///flink/checkpoints/rt-dw-test',
        'table.exec.state.ttl': '3d',
      },
      resources: { jobManager: { memory: '2g' }, taskManager: { memory: '3g' } },
      variables: {
        MYSQL_HOST: 'mysql.test.internal',
        PAIMON_WAREHOUSE: 'hdfs:///paimon/rt-dw-test',
        STARROCKS_JDBC_URL: 'jdbc:mysql://starrocks-fe.test.internal:9030',
        STARROCKS_LOAD_URL: 'starrocks-fe.test.internal:8030',
      },
    },
    prod,
    highLoad: {
      ...prod,
      description: 'production at peak load: 8 GB TaskManagers, 4 GB JobManagers',
      resources: { jobManager: { memory: '4g' }, taskManager: { memory: '8g' } },
    },
  },
});
