/**
 * Seed 001 as a deployable pipeline: one VVP job through the Hive catalog on Flink 1.20.1, with the seed's job
 * configuration (exactly-once checkpoints every 10 s on OSS, RocksDB, JobManager 2 GB / 1 CPU, TaskManager
 * 4 GB / 2 CPU × 2) and its per-stage parallelism in prod: the job at 6, the JDBC sink at 3 (`sink.parallelism`).
 * The Kafka source runs at the job's parallelism: `scan.parallelism` exists only from flink-connector-kafka 4.0
 * (Flink 2.x). Credentials are secrets: `${NAME}` placeholders the platform resolves, never values.
 * `npx flinkts build examples/wrongbook --env prod` writes every target.
 */
import { job, pipeline } from '@flinkts/pipelines';
import { aliyunCatalog, wrongRecordWideDelta, wrongbookEvents } from './src/tables.js';
import { dataQuality, monitoring, monitors, wrongbookEventsForMonitor } from './src/monitoring.js';
import { insertWideRows, wrongbookAddEvents } from './src/transform.js';

export const wrongbookWideTable = job('wrongbook-wide-table', {
  description: 'wrongbook_add events from Kafka into the MySQL wide table dwd_wrong_record_wide_delta',
  statements: insertWideRows,
  use: { catalog: aliyunCatalog, database: 'dwd' },
  parallelism: 6,
  settings: {
    'execution.checkpointing.interval': '10s',
    'execution.checkpointing.mode': 'EXACTLY_ONCE',
    'execution.checkpointing.timeout': '5min',
    'execution.checkpointing.min-pause': '2s',
    'execution.checkpointing.max-concurrent-checkpoints': 1,
    'execution.checkpointing.unaligned.enabled': true,
    'execution.checkpointing.dir': 'oss://bucket-name/checkpoints',
    'state.backend.type': 'rocksdb',
    'state.backend.rocksdb.memory.managed': true,
    'state.backend.rocksdb.memory.write-buffer-ratio': 0.4,
    'state.backend.rocksdb.memory.high-prio-pool-ratio': 0.1,
  },
  // 2 TaskManagers × 3 slots hold the 6 parallel tasks.
  resources: { jobManager: { memory: '2g', cpu: 1 }, taskManager: { memory: '4g', cpu: 2, slots: 3 }, taskManagers: 2 },
});

/** The jars the job ships, uploaded to OSS: the Flink 1.20 builds (see versions in @flinkts/connectors). */
const JARS = {
  'org.apache.flink:flink-connector-kafka': 'oss://bucket-name/flink/lib/flink-connector-kafka-3.3.0-1.20.jar',
  'org.apache.kafka:kafka-clients': 'oss://bucket-name/flink/lib/kafka-clients-3.4.0.jar',
  'org.apache.flink:flink-connector-jdbc': 'oss://bucket-name/flink/lib/flink-connector-jdbc-3.3.0-1.20.jar',
  'com.mysql:mysql-connector-j': 'oss://bucket-name/flink/lib/mysql-connector-j-8.0.33.jar',
  'org.apache.flink:flink-sql-connector-hive-3.1.3_2.12': 'oss://bucket-name/flink/lib/flink-sql-connector-hive-3.1.3_2.12-1.20.1.jar',
};

export default pipeline({
  name: 'wrongbook',
  description: 'Wrong-question-book wide table on Alibaba Cloud (seed 001)',
  flinkVersion: '1.20.1',
  connectorVersions: { kafka: '3.3.0', jdbc: '3.3.0' },
  jobs: [wrongbookWideTable, ...monitors],
  tables: [wrongbookEvents, wrongRecordWideDelta, wrongbookAddEvents, wrongbookEventsForMonitor, dataQuality],
  catalogs: [aliyunCatalog],
  secrets: {
    KAFKA_USERNAME: 'SASL user of the wrongbook-events topic',
    KAFKA_PASSWORD: 'SASL password of the wrongbook-events topic',
    MYSQL_USERNAME: 'RDS user writing dwd_wrong_record_wide_delta',
    MYSQL_PASSWORD: 'RDS password of that user',
    ACCESS_KEY_ID: 'OSS access key id the Hive catalog reads the warehouse with',
    ACCESS_KEY_SECRET: 'OSS access key secret of that key',
  },
  targets: {
    sql: {},
    vvp: {
      namespace: 'default',
      deploymentTargetName: 'vvp-workload',
      flinkVersion: '1.20',
      upgradeStrategy: 'STATEFUL',
      restoreStrategy: 'LATEST_STATE',
      jarUris: JARS,
    },
    alibaba: {
      workspace: '${ALIBABA_WORKSPACE_ID}',
      namespace: 'wrongbook-default',
      engineVersion: 'vvr-11.1-jdk11-flink-1.20',
      deploymentTarget: { mode: 'PER_JOB', name: 'default-queue' },
      jarUris: JARS,
    },
    monitoring,
    // Column lineage of the wide table (Kafka → MySQL) and the monitor beside the artifacts: <env>/lineage/.
    lineage: {},
  },
  environments: {
    dev: {
      description: 'one small TaskManager, checkpoints every 30 s',
      settings: { 'execution.checkpointing.interval': '30s' },
      // One TaskManager with the 3 slots the sink needs.
      resources: { jobManager: { memory: '1g', cpu: 0.5 }, taskManager: { memory: '2g', cpu: 1, slots: 3 }, taskManagers: 1 },
      jobs: { 'wrongbook-wide-table': { parallelism: 1 } },
    },
    prod: {
      description: 'the seed job configuration: job parallelism 6, sink 3',
      // Seed 001's scaling bounds (parallelism 2–10, 5 minutes between scale-ups) as Realtime Compute Autopilot limits.
      targets: { alibaba: { autopilot: { minParallelism: 2, maxParallelism: 10, coolDownMinutes: 5 } } },
    },
  },
});
