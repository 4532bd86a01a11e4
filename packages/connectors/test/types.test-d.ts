/** Editor-level checks of the typed options: keys, enum values, Duration/MemorySize text, required keys, secrets. */
import { expectTypeOf, test } from 'vitest';
import { datagen, jdbc, json, kafka, mysqlCdc, paimon, secret, settings, starrocks } from '@flinkts/connectors';
import type { KafkaOptions, PaimonOptions, Placeholder } from '@flinkts/connectors';

const base = { topic: 'orders', 'properties.bootstrap.servers': 'b:9092', format: json() } as const;

test('keys and enum values autocomplete; typos do not compile', () => {
  kafka({ ...base, 'scan.startup.mode': 'earliest-offset', 'properties.group.id': 'g', 'properties.any.client.key': 'x' });
  // @ts-expect-error not a kafka key
  kafka({ ...base, 'scan.startup.mod': 'earliest-offset' });
  // @ts-expect-error not a startup mode
  kafka({ ...base, 'scan.startup.mode': 'earliest' });
  json({ 'timestamp-format.standard': 'ISO-8601' });
  kafka({ ...base, format: 'canal-json' });
  // @ts-expect-error not a format the kafka connector takes
  kafka({ ...base, format: 'xml' });
  // @ts-expect-error not a json option
  json({ 'ignore-parse-error': true });
  expectTypeOf<KafkaOptions['value.fields-include']>().toEqualTypeOf<'ALL' | 'EXCEPT_KEY' | Placeholder | undefined>();
});

test('Duration and MemorySize take a number and a unit', () => {
  kafka({ ...base, 'scan.topic-partition-discovery.interval': '30 s' });
  kafka({ ...base, 'scan.topic-partition-discovery.interval': '5min' });
  // @ts-expect-error a range is not a Duration
  kafka({ ...base, 'scan.topic-partition-discovery.interval': '30s-300s' });
  paimon({ 'write-buffer-size': '128MB', 'target-file-size': '256 mb' });
  // @ts-expect-error not a MemorySize unit
  paimon({ 'write-buffer-size': '128 parsecs' });
  expectTypeOf<PaimonOptions['bucket']>().toEqualTypeOf<number | `${number}` | Placeholder | undefined>();
});

test('any option takes a ${NAME} placeholder filled in per environment', () => {
  mysqlCdc({ hostname: '${MYSQL_HOST}', port: '${MYSQL_PORT}', username: 'u', password: secret('P'), 'database-name': 'd', 'table-name': 't', 'scan.startup.mode': '${STARTUP_MODE}' });
  settings({ 'execution.checkpointing.interval': '${CHECKPOINT_INTERVAL}' });
  // @ts-expect-error not a placeholder: the braces are missing
  settings({ 'execution.checkpointing.interval': '$CHECKPOINT_INTERVAL' });
});

test('required options and credentials', () => {
  // @ts-expect-error hostname, database-name, table-name are required
  mysqlCdc({ username: 'flink', password: secret('P') });
  // @ts-expect-error a password must be a secret, not plaintext
  jdbc({ url: 'jdbc:mysql://db/dw', 'table-name': 't', username: 'u', password: 'hunter2' });
  jdbc({ url: 'jdbc:mysql://db/dw', 'table-name': 't', username: 'u', password: secret('MYSQL_PASSWORD') });
  jdbc({ url: 'jdbc:mysql://db/dw', 'table-name': 't', username: 'u', password: '${MYSQL_PASSWORD}' });
});

test('pattern keys and source/sink shapes', () => {
  datagen({ 'fields.id.kind': 'sequence', 'fields.id.start': '1', 'fields.id.end': '9' });
  // @ts-expect-error not a datagen kind
  datagen({ 'fields.id.kind': 'counter' });
  const conn = { 'jdbc-url': 'jdbc:mysql://fe:9030', 'database-name': 'd', 'table-name': 't', username: 'u', password: secret('P') } as const;
  starrocks({ ...conn, 'load-url': 'fe:8030', 'sink.version': 'V2', 'sink.properties.format': 'json' });
  starrocks({ ...conn, 'scan-url': 'fe:8030', 'scan.params.batch-rows': 1024 });
});

test('settings: Flink 1.20 keys; deprecated keys compile (with a warning at run time)', () => {
  settings({ 'table.exec.state.ttl': '1 d', 'execution.checkpointing.mode': 'EXACTLY_ONCE' });
  settings({ 'state.backend': 'rocksdb' });
  // @ts-expect-error a range is not a Duration
  settings({ 'execution.checkpointing.interval': '30s-300s' });
});
