/**
 * Seed 001 (wrong-question-book wide table on Alibaba Cloud VVP): the Hive catalog, the Kafka event source and
 * the MySQL (RDS) wide-table sink. Credentials are `${NAME}` placeholders resolved by the platform.
 */
import { catalog, fn, genericCatalog, genericConnector, t, table } from '@flinkts/core';

/**
 * The Hive catalog holding the job's tables. Flink's Hive catalog rejects unknown options, so the seed's
 * `hive.metastore.uris` (thrift://metastore.aliyun.com:9083), OSS warehouse and `fs.oss.accessKeyId` /
 * `fs.oss.accessKeySecret` (`${ACCESS_KEY_ID}` / `${ACCESS_KEY_SECRET}`) belong in hive-site.xml under `hive-conf-dir`.
 */
export const aliyunCatalog = catalog(
  'aliyun_catalog',
  genericCatalog('hive', {
    'default-database': 'dwd',
    'hive-conf-dir': '/opt/flink/conf',
    'hive-version': '3.1.2',
  }),
);

/** Business events from the `wrongbook-events` topic (SASL over SSL), JSON. */
export const wrongbookEvents = table('wrongbook_events', {
  columns: {
    eventId: t.string(),
    domain: t.string(),
    type: t.string(),
    timestamp: t.bigint(),
    payload: t.string(),
  },
  computed: () => ({ proc_time: fn.proctime() }),
  temporary: true,
  layer: 'ods',
  connector: genericConnector(
    'kafka',
    {
      topic: 'wrongbook-events',
      'properties.bootstrap.servers': 'kafka.aliyun.com:9092',
      'properties.group.id': 'wrongbook-wide-table-group',
      'properties.security.protocol': 'SASL_SSL',
      'properties.sasl.mechanism': 'PLAIN',
      'properties.sasl.jaas.config':
        'org.apache.kafka.common.security.plain.PlainLoginModule required username="${KAFKA_USERNAME}" password="${KAFKA_PASSWORD}";',
      'properties.ssl.truststore.location': '/opt/flink/conf/kafka.truststore.jks',
      format: 'json',
      'json.fail-on-missing-field': 'false',
      'json.ignore-parse-errors': 'true',
    },
    { source: 'insert-only', sink: 'append', primaryKey: 'rejected' },
  ),
});

/**
 * The wide table in MySQL (RDS), written over SSL in batches of 100 rows or every 10 s. The primary key makes the
 * JDBC sink upsert by `id` (INSERT … ON DUPLICATE KEY UPDATE), so a replay after a failover rewrites the same rows.
 */
export const wrongRecordWideDelta = table('dwd_wrong_record_wide_delta', {
  columns: {
    id: t.bigint(),
    wrong_id: t.string(),
    user_id: t.string(),
    subject: t.string(),
    subject_name: t.string(),
    question_id: t.string(),
    question: t.string(),
    pattern_id: t.string(),
    pattern_name: t.string(),
    teach_type_id: t.string(),
    teach_type_name: t.string(),
    collect_time: t.timestamp(3),
    fix_id: t.string(),
    fix_time: t.timestamp(3),
    fix_result: t.bigint(),
    fix_result_desc: t.string(),
    event_id: t.string(),
    event_type: t.string(),
    process_time: t.timestamp(3),
  },
  primaryKey: ['id'],
  temporary: true,
  layer: 'dwd',
  connector: genericConnector(
    'jdbc',
    {
      url: 'jdbc:mysql://rds.aliyun.com:3306/dwd?useSSL=true&requireSSL=true',
      'table-name': 'dwd_wrong_record_wide_delta',
      username: '${MYSQL_USERNAME}',
      password: '${MYSQL_PASSWORD}',
      'sink.buffer-flush.max-rows': '100',
      'sink.buffer-flush.interval': '10s',
    },
    { source: 'insert-only', sink: 'upsert', primaryKey: 'required-for-updates', lookup: true, bounded: true },
  ),
});
