/**
 * Seed 001 as a deployable pipeline: one VVP job through the Hive catalog, with the seed's job configuration
 * (parallelism 2, exactly-once checkpoints every 10 s on OSS, RocksDB, JobManager 2 GB / 1 CPU, TaskManager
 * 4 GB / 2 CPU × 2) in prod and a smaller dev environment. Credentials are secrets: `${NAME}` placeholders the
 * platform resolves, never values. `npx flinkts build examples/wrongbook --env prod` writes every target.
 */
import { job, pipeline } from '@flinkts/pipelines';
import { aliyunCatalog, wrongRecordWideDelta, wrongbookEvents } from './src/tables.js';
import { dataQuality, monitoring, monitors, wrongbookEventsForMonitor } from './src/monitoring.js';
import { insertWideRows, wrongbookAddEvents } from './src/transform.js';

export const wrongbookWideTable = job('wrongbook-wide-table', {
  description: 'wrongbook_add events from Kafka into the MySQL wide table dwd_wrong_record_wide_delta',
  statements: insertWideRows,
  use: { catalog: aliyunCatalog, database: 'dwd' },
  parallelism: 2,
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
  resources: { jobManager: { memory: '2g', cpu: 1 }, taskManager: { memory: '4g', cpu: 2, slots: 1 }, taskManagers: 2 },
});

const KAFKA_JAR = 'oss://bucket-name/flink/lib/flink-sql-connector-kafka-3.2.0-1.18.jar';

export default pipeline({
  name: 'wrongbook',
  description: 'Wrong-question-book wide table on Alibaba Cloud (seed 001)',
  jobs: [wrongbookWideTable, ...monitors],
  tables: [wrongbookEvents, wrongRecordWideDelta, wrongbookAddEvents, wrongbookEventsForMonitor, dataQuality],
  catalogs: [aliyunCatalog],
  secrets: {
    KAFKA_USERNAME: 'SASL user of the wrongbook-events topic',
    KAFKA_PASSWORD: 'SASL password of the wrongbook-events topic',
    MYSQL_USERNAME: 'RDS user writing dwd_wrong_record_wide_delta',
    MYSQL_PASSWORD: 'RDS password of that user',
  },
  targets: {
    sql: {},
    vvp: {
      namespace: 'default',
      deploymentTargetName: 'vvp-workload',
      flinkVersion: '1.20',
      upgradeStrategy: 'STATEFUL',
      restoreStrategy: 'LATEST_STATE',
      jarUris: {
        'org.apache.flink:flink-sql-connector-kafka': KAFKA_JAR,
        'org.apache.flink:flink-connector-jdbc': 'oss://bucket-name/flink/lib/flink-connector-jdbc-3.2.0-1.18.jar',
        'com.mysql:mysql-connector-j': 'oss://bucket-name/flink/lib/mysql-connector-j-8.0.33.jar',
        'org.apache.flink:flink-sql-connector-hive-3.1.3_2.12': 'oss://bucket-name/flink/lib/flink-sql-connector-hive-3.1.3_2.12-1.20.1.jar',
      },
    },
    alibaba: {
      namespace: 'wrongbook-default',
      engineVersion: 'vvr-11.1-jdk11-flink-1.20',
      deploymentTarget: { mode: 'PER_JOB', name: 'default-queue' },
      jarUris: {
        'org.apache.flink:flink-sql-connector-kafka': KAFKA_JAR,
        'org.apache.flink:flink-connector-jdbc': 'oss://bucket-name/flink/lib/flink-connector-jdbc-3.2.0-1.18.jar',
        'com.mysql:mysql-connector-j': 'oss://bucket-name/flink/lib/mysql-connector-j-8.0.33.jar',
        'org.apache.flink:flink-sql-connector-hive-3.1.3_2.12': 'oss://bucket-name/flink/lib/flink-sql-connector-hive-3.1.3_2.12-1.20.1.jar',
      },
    },
    monitoring,
  },
  environments: {
    dev: {
      description: 'one small TaskManager, checkpoints every 30 s',
      settings: { 'execution.checkpointing.interval': '30s' },
      resources: { jobManager: { memory: '1g', cpu: 0.5 }, taskManager: { memory: '2g', cpu: 1 }, taskManagers: 1 },
      jobs: { 'wrongbook-wide-table': { parallelism: 1 } },
    },
    prod: {
      description: 'the seed job configuration',
    },
  },
});
