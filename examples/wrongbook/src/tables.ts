/**
 * Seed 001 (wrong-question-book wide table on Alibaba Cloud VVP): the Hive catalog, the Kafka event source and
 * the MySQL (RDS) wide-table sink, declared with the typed connectors of @flinkts/connectors (keys, values and
 * credentials checked against the real connectors' options). Credentials are `secret()`s, printed as `${NAME}`
 * placeholders the platform resolves.
 */
import { fn, catalog, t, table } from '@flinkts/core';
import { hiveCatalog, jdbc, json, kafka, kafkaSasl, kafkaSsl, secret } from '@flinkts/connectors';

/**
 * The Hive catalog holding the job's tables. Flink's Hive catalog rejects unknown options, so the seed's
 * metastore URI, OSS warehouse, OSS endpoint and keys go to the hive-site.xml the build writes for
 * `hive-conf-dir` (the keys as `${env.ACCESS_KEY_ID}` / `${env.ACCESS_KEY_SECRET}`, read from the environment).
 */
export const aliyunCatalog = catalog(
  'aliyun_catalog',
  hiveCatalog(
    {
      'default-database': 'dwd',
      'hive-conf-dir': '/opt/flink/conf',
      'hive-version': '3.1.2',
    },
    {
      hiveSite: {
        'hive.metastore.uris': 'thrift://metastore.aliyun.com:9083',
        'hive.metastore.warehouse.dir': 'oss://bucket-name/warehouse',
        'fs.oss.endpoint': 'oss-cn-hangzhou.aliyuncs.com',
        'fs.oss.accessKeyId': secret('ACCESS_KEY_ID'),
        'fs.oss.accessKeySecret': secret('ACCESS_KEY_SECRET'),
      },
    },
  ),
);

/** Where seed 001 keeps its tables: registered in the Hive catalog's `dwd` database, not as temporary tables. */
const inCatalog = { catalog: 'aliyun_catalog', database: 'dwd', ifNotExists: true } as const;

/**
 * Business events from the `wrongbook-events` topic (SASL over SSL), JSON. The job ships flink-connector-kafka
 * with kafka-clients for Flink 1.20 (no shaded SQL jar of the 1.20 connector is on Maven Central), so the JAAS
 * config names Kafka's own PlainLoginModule; the build checks the name against the shipped jar.
 */
export const wrongbookEvents = table('wrongbook_events', {
  columns: {
    eventId: t.string(),
    domain: t.string(),
    type: t.string(),
    timestamp: t.bigint(),
    payload: t.string(),
  },
  computed: () => ({ proc_time: fn.proctime() }),
  ...inCatalog,
  layer: 'ods',
  connector: kafka({
    topic: 'wrongbook-events',
    'properties.bootstrap.servers': 'kafka.aliyun.com:9092',
    'properties.group.id': 'wrongbook-wide-table-group',
    ...kafkaSasl({ mechanism: 'PLAIN', username: secret('KAFKA_USERNAME'), password: secret('KAFKA_PASSWORD'), loginModule: 'kafka-clients' }),
    ...kafkaSsl({ truststoreLocation: '/opt/flink/conf/kafka.truststore.jks' }),
    format: json({ 'fail-on-missing-field': false, 'ignore-parse-errors': true }),
  }),
});

/**
 * The wide table in MySQL (RDS), written over SSL in batches of 100 rows or every 10 s by 3 sink tasks (seed 001's
 * per-stage parallelism; the job runs at 6). The primary key makes the JDBC sink upsert by `id`
 * (INSERT … ON DUPLICATE KEY UPDATE), so a replay after a failover rewrites the same rows.
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
  ...inCatalog,
  layer: 'dwd',
  connector: jdbc({
    url: 'jdbc:mysql://rds.aliyun.com:3306/dwd?useSSL=true&requireSSL=true',
    'table-name': 'dwd_wrong_record_wide_delta',
    username: secret('MYSQL_USERNAME'),
    password: secret('MYSQL_PASSWORD'),
    'sink.buffer-flush.max-rows': 100,
    'sink.buffer-flush.interval': '10s',
    'sink.parallelism': 3,
  }),
});
