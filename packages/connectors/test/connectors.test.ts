/** Behaviour of the typed connectors: rules from the catalogs, primary keys, capabilities, secrets, artifacts. */
import { describe, expect, test } from 'vitest';
import { FlinktsError, parseScript } from '@flinkts/core';
import type { CreateTable, Diagnostic } from '@flinkts/core';
import {
  avroConfluent,
  blackhole,
  canalJson,
  checkCreateTable,
  datagen,
  debeziumJson,
  filesystem,
  jdbc,
  json,
  kafka,
  kafkaSasl,
  kafkaSsl,
  mysqlCdc,
  paimon,
  print,
  raw,
  resolveCapabilities,
  secret,
  starrocks,
  upsertKafka,
  validateTableOptions,
} from '@flinkts/connectors';
import { resolveTableCapabilities } from '@flinkts/connectors/internal';

function errorsOf(f: () => unknown): Diagnostic[] {
  try {
    f();
  } catch (e) {
    if (e instanceof FlinktsError) return [...e.diagnostics];
    throw e;
  }
  throw new Error('expected a FlinktsError');
}
const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);
const entries = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));
const kafkaBase = { topic: 'orders', 'properties.bootstrap.servers': 'broker:9092' } as const;

describe('kafka', () => {
  test('prints the exact Flink keys, format options under the format prefix', () => {
    const c = kafka({ ...kafkaBase, 'scan.startup.mode': 'earliest-offset', format: json({ 'ignore-parse-errors': true, 'timestamp-format.standard': 'ISO-8601' }) });
    expect(c.options).toEqual(entries({
      connector: 'kafka', topic: 'orders', 'properties.bootstrap.servers': 'broker:9092', 'scan.startup.mode': 'earliest-offset',
      format: 'json', 'json.ignore-parse-errors': 'true', 'json.timestamp-format.standard': 'ISO-8601',
    }));
  });

  test('an unknown key is rejected with the closest real key', () => {
    const [d] = errorsOf(() => kafka({ ...kafkaBase, format: 'json', 'scan.startup.mod': 'latest-offset' } as never));
    expect(d).toMatchObject({ code: 'FTS3001', severity: 'error', hint: "did you mean 'scan.startup.mode'?", path: "kafka()['scan.startup.mod']" });
  });

  test('a typo in a format option is caught with the prefixed suggestion (SQL text too)', () => {
    const ds = validateTableOptions(entries({ connector: 'kafka', ...kafkaBase, format: 'json', 'json.ignore-parse-error': 'true' }), { hasPrimaryKey: false });
    expect(ds).toMatchObject([{ code: 'FTS3001', hint: "did you mean 'json.ignore-parse-errors'?" }]);
  });

  test('wrong values show what was received', () => {
    const ds = errorsOf(() => kafka({ ...kafkaBase, format: 'json', 'scan.topic-partition-discovery.interval': '5 minutes later' as never, 'scan.startup.mode': 'earliest' as never }));
    expect(ds.map((d) => d.message)).toEqual([
      "invalid value for 'scan.topic-partition-discovery.interval': received '5 minutes later', expected a Duration: a whole number and a unit, e.g. '30 s', '5 min', '1 h', '500 ms'",
      "invalid value for 'scan.startup.mode': received 'earliest', expected one of 'earliest-offset', 'latest-offset', 'group-offsets', 'timestamp', 'specific-offsets'",
    ]);
  });

  test("scan.startup.mode = 'timestamp' needs scan.startup.timestamp-millis", () => {
    expect(errorsOf(() => kafka({ ...kafkaBase, format: 'json', 'scan.startup.mode': 'timestamp' }))).toMatchObject([{ code: 'FTS3004', message: "'scan.startup.mode' = 'timestamp' needs 'scan.startup.timestamp-millis'" }]);
    expect(kafka({ ...kafkaBase, format: 'json', 'scan.startup.mode': 'timestamp', 'scan.startup.timestamp-millis': 1700000000000 }).options).toHaveLength(6);
  });

  test('needs a value format and a topic; format and value.format are exclusive', () => {
    expect(codes(errorsOf(() => kafka({ 'properties.bootstrap.servers': 'b:9092' })))).toEqual(['FTS3003', 'FTS3003']);
    expect(codes(errorsOf(() => kafka({ ...kafkaBase, format: 'json', 'value.format': 'json' })))).toEqual(['FTS3004']);
    expect(codes(errorsOf(() => kafka({ ...kafkaBase, format: 'xml' as never })))).toEqual(['FTS3009']);
  });

  test('exactly-once needs a transactional id prefix; key.format and key.fields go together', () => {
    expect(errorsOf(() => kafka({ ...kafkaBase, format: 'json', 'sink.delivery-guarantee': 'exactly-once' }))[0]!.message).toContain('sink.transactional-id-prefix');
    expect(errorsOf(() => kafka({ ...kafkaBase, 'value.format': json(), 'key.format': raw() }))[0]!.message).toBe("'key.format', 'key.fields' must be given together");
    const keyed = kafka({ ...kafkaBase, 'value.format': json(), 'key.format': raw({ charset: 'UTF-8' }), 'key.fields': ['id'] });
    expect(keyed.options.map((o) => o.key)).toEqual(['connector', 'topic', 'properties.bootstrap.servers', 'value.format', 'key.format', 'key.raw.charset', 'key.fields']);
  });

  test('plain value format: insert-only / append, PRIMARY KEY rejected; CDC format: all changes, PK allowed', () => {
    const plain = kafka({ ...kafkaBase, format: json() });
    expect(plain.capabilities).toEqual({ source: 'insert-only', sink: 'append', primaryKey: 'rejected', lookup: false, bounded: false });
    const cdc = kafka({ ...kafkaBase, format: debeziumJson() });
    expect(cdc.capabilities).toEqual({ source: 'all', sink: 'all', primaryKey: 'optional', lookup: false, bounded: false });
    expect(validateTableOptions(plain.options, { hasPrimaryKey: true })).toMatchObject([{ code: 'FTS3007', severity: 'error' }]);
    expect(validateTableOptions(cdc.options, { hasPrimaryKey: true })).toEqual([]);
    expect(kafka({ ...kafkaBase, format: canalJson(), 'scan.bounded.mode': 'latest-offset' }).capabilities.bounded).toBe(true);
  });

  test('key.fields must name columns of the table', () => {
    const options = entries({ connector: 'kafka', ...kafkaBase, 'value.format': 'json', 'key.format': 'raw', 'key.fields': 'id;region' });
    expect(validateTableOptions(options, { hasPrimaryKey: false, columns: ['id', 'payload'] }).map((d) => d.message)).toEqual(["'key.fields' names column 'region', which the table does not have"]);
  });
});

describe('upsert-kafka, mysql-cdc, jdbc, starrocks, paimon, built-ins', () => {
  test('upsert-kafka needs a PRIMARY KEY and insert-only key/value formats', () => {
    const c = upsertKafka({ ...kafkaBase, 'key.format': json(), 'value.format': json() });
    expect(c.capabilities).toEqual({ source: 'upsert', sink: 'upsert', primaryKey: 'required', lookup: false, bounded: false });
    expect(validateTableOptions(c.options, { hasPrimaryKey: false })).toMatchObject([{ code: 'FTS3007' }]);
    expect(validateTableOptions(c.options, { hasPrimaryKey: true })).toEqual([]);
    expect(errorsOf(() => upsertKafka({ ...kafkaBase, 'key.format': json(), 'value.format': debeziumJson() }))).toMatchObject([
      { code: 'FTS3009', message: "the 'upsert-kafka' connector does not support the format 'debezium-json'", hint: 'supported formats: json, csv, avro, avro-confluent, raw, protobuf' },
    ]);
  });

  test('mysql-cdc needs a PRIMARY KEY, or a chunk key column, or incremental snapshot off', () => {
    const base = { hostname: 'db', username: secret('U'), password: secret('P'), 'database-name': 'shop', 'table-name': 'orders' } as const;
    const c = mysqlCdc(base);
    expect(c.capabilities).toEqual({ source: 'all', primaryKey: 'required', lookup: false, bounded: false });
    expect(validateTableOptions(c.options, { hasPrimaryKey: false })[0]!.hint).toContain('scan.incremental.snapshot.chunk.key-column');
    const chunked = mysqlCdc({ ...base, 'scan.incremental.snapshot.chunk.key-column': 'id', 'scan.startup.mode': 'snapshot' });
    expect(validateTableOptions(chunked.options, { hasPrimaryKey: false, columns: ['id'] })).toEqual([]);
    expect(chunked.capabilities.bounded).toBe(true);
    expect(errorsOf(() => mysqlCdc({ ...base, 'server-id': 'five' }))[0]!.message).toContain("'server-id' must be an id or a range");
    expect(codes(errorsOf(() => mysqlCdc({ ...base, hostname: undefined } as never)))).toEqual(['FTS3003']);
  });

  test('plaintext credentials are rejected with a hint to use secret()', () => {
    const [d] = errorsOf(() => mysqlCdc({ hostname: 'db', username: 'flink', password: 'hunter2' as never, 'database-name': 'shop', 'table-name': 'orders' }));
    expect(d).toMatchObject({ code: 'FTS3005', path: "mysql-cdc()['password']" });
    expect(d!.hint).toContain("secret('NAME')");
    expect(d!.message).not.toContain('hunter2');
    const jaas = 'org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="hunter2";';
    expect(codes(errorsOf(() => kafka({ ...kafkaBase, format: 'json', 'properties.sasl.jaas.config': jaas })))).toEqual(['FTS3005']);
    expect(codes(validateTableOptions(entries({ connector: 'kafka', ...kafkaBase, format: 'json', 'properties.ssl.truststore.password': 'changeit' }), { hasPrimaryKey: false }))).toEqual(['FTS3005']);
  });

  test('SASL/SSL helpers produce the properties.* keys with placeholders only', () => {
    expect(kafkaSasl({ mechanism: 'SCRAM-SHA-256', username: secret('KAFKA_USER'), password: secret('KAFKA_PASSWORD') })).toEqual({
      'properties.security.protocol': 'SASL_SSL',
      'properties.sasl.mechanism': 'SCRAM-SHA-256',
      'properties.sasl.jaas.config': 'org.apache.flink.kafka.shaded.org.apache.kafka.common.security.scram.ScramLoginModule required username="${KAFKA_USER}" password="${KAFKA_PASSWORD}";',
    });
    // The shaded SQL jar relocates Kafka's classes (the coordinate test checks the prefix in the real jar);
    // flink-connector-kafka with kafka-clients keeps the original names.
    expect(kafkaSasl({ username: secret('U'), password: secret('P'), loginModule: 'kafka-clients' })['properties.sasl.jaas.config']).toBe('org.apache.kafka.common.security.plain.PlainLoginModule required username="${U}" password="${P}";');
    expect(kafkaSsl({ truststoreLocation: '/tls/ts.jks', truststorePassword: secret('TS_PASSWORD'), endpointIdentificationAlgorithm: '' })).toEqual({
      'properties.ssl.truststore.location': '/tls/ts.jks',
      'properties.ssl.truststore.password': '${TS_PASSWORD}',
      'properties.ssl.endpoint.identification.algorithm': '',
    });
    // Mutual TLS: the client's keystore and key password, credentials as placeholders.
    expect(kafkaSsl({ truststoreLocation: '/tls/ts.jks', keystoreLocation: '/tls/client.p12', keystoreType: 'PKCS12', keystorePassword: secret('KS_PASSWORD'), keyPassword: secret('KEY_PASSWORD') })).toEqual({
      'properties.ssl.truststore.location': '/tls/ts.jks',
      'properties.ssl.keystore.location': '/tls/client.p12',
      'properties.ssl.keystore.type': 'PKCS12',
      'properties.ssl.keystore.password': '${KS_PASSWORD}',
      'properties.ssl.key.password': '${KEY_PASSWORD}',
    });
    expect(() => kafka({ ...kafkaBase, format: json(), ...kafkaSsl({ truststoreLocation: '/t', keystoreLocation: '/k' }), 'properties.ssl.keystore.password': 'plain' } as never)).toThrow(/credential|secret|plaintext/i);
    expect(() => secret('bad name')).toThrow(/FTS2305/);
    expect(() => secret(null as unknown as string)).toThrow(/secret\(\): name must be a name matching/);
  });

  test('jdbc: bounded insert-only scan with lookup, upsert sink, driver artifact from the URL', () => {
    const c = jdbc({ url: 'jdbc:mysql://db:3306/dw', 'table-name': 't', username: secret('U'), password: secret('P') });
    expect(c.capabilities).toEqual({ source: 'insert-only', sink: 'upsert', primaryKey: 'required-for-updates', lookup: true, bounded: true });
    expect(c.artifacts.map((a) => `${a.groupId}:${a.artifactId}:${a.version}`)).toEqual(['org.apache.flink:flink-connector-jdbc:3.3.0-1.20', 'com.mysql:mysql-connector-j:8.0.33']);
    expect(errorsOf(() => jdbc({ url: 'jdbc:mysql://db/dw', 'table-name': 't', username: secret('U') }))[0]!.message).toContain("'username', 'password' must be given together");
    const lookup = errorsOf(() => jdbc({ url: 'jdbc:mysql://db/dw', 'table-name': 't', 'lookup.cache.max-rows': 1000 }));
    expect(lookup.map((d) => [d.code, d.severity])).toEqual([['FTS3006', 'warning'], ['FTS3004', 'error']]);
    expect(lookup[1]!.message).toBe("'lookup.cache.max-rows', 'lookup.cache.ttl' must be given together");
  });

  test('starrocks: source and sink options cannot be mixed; capabilities follow the role', () => {
    const base = { 'jdbc-url': 'jdbc:mysql://fe:9030', 'database-name': 'd', 'table-name': 't', username: secret('U'), password: secret('P') } as const;
    const sink = starrocks({ ...base, 'load-url': 'fe:8030' });
    expect(sink.capabilities).toEqual({ sink: 'all', primaryKey: 'required-for-updates', lookup: false, bounded: true });
    const source = starrocks({ ...base, 'scan-url': 'fe:8030', 'scan.params.batch-rows': 1024 });
    expect(source.capabilities).toEqual({ source: 'insert-only', primaryKey: 'optional', lookup: true, bounded: true });
    const [d] = errorsOf(() => starrocks({ ...base, 'load-url': 'fe:8030', 'scan.max-retries': 3 } as never));
    expect(d!.message).toBe("StarRocks source options (scan.max-retries) and sink options (load-url) cannot be mixed on one table");
    expect(codes(errorsOf(() => starrocks(base as never)))).toEqual(['FTS3003']);
  });

  test('paimon: unknown keys warn (Paimon ignores them), capabilities depend on the PRIMARY KEY and changelog producer', () => {
    const c = paimon({ bucket: 4, 'changelog-producer': 'lookup', 'bukcet-key': 'id' } as never);
    expect(c.warnings).toMatchObject([{ code: 'FTS3001', severity: 'warning', hint: "did you mean 'bucket-key'?" }]);
    expect(c.options.some((o) => o.key === 'connector')).toBe(false);
    expect(c.capabilitiesFor({ hasPrimaryKey: true })).toEqual({ source: 'all', sink: 'upsert', primaryKey: 'optional', lookup: true, bounded: false });
    expect(c.capabilitiesFor({ hasPrimaryKey: false })).toMatchObject({ source: 'insert-only', sink: 'append' });
    expect(paimon({ path: 's3://lake/t' }).options[0]).toEqual({ key: 'connector', value: 'paimon' });
    const opts = entries({ 'changelog-producer': 'input' });
    expect(validateTableOptions(opts, { hasPrimaryKey: false, catalogType: 'paimon' })).toMatchObject([{ code: 'FTS3004', message: "'changelog-producer' needs a PRIMARY KEY on the Paimon table" }]);
    expect(resolveTableCapabilities(opts, { hasPrimaryKey: true, catalogType: 'paimon' })).toMatchObject({ source: 'all', sink: 'all' });
    expect(errorsOf(() => paimon({ bucket: 0 }))[0]!.message).toContain("'bucket' must be -1 or > 0");
    const columns = ['order_id', 'updated_at', 'amount'];
    const named = entries({ 'sequence.field': 'update_time', 'fields.amout.aggregate-function': 'sum', 'fields.amount.ignore-retract': 'true' });
    expect(validateTableOptions(named, { hasPrimaryKey: true, columns, catalogType: 'paimon' }).map((d) => d.message)).toEqual([
      "'sequence.field' names column 'update_time', which the table does not have",
      "'fields.amout.aggregate-function' names column 'amout', which the table does not have",
    ]);
  });

  test('datagen, print, blackhole, filesystem', () => {
    expect(datagen({ 'number-of-rows': 10, 'fields.id.kind': 'sequence', 'fields.id.start': '1', 'fields.id.end': '10' }).capabilities).toEqual({ source: 'insert-only', primaryKey: 'optional', lookup: false, bounded: true });
    expect(errorsOf(() => datagen({ 'fields.id.kind': 'sequence' }))[0]!.message).toContain("needs 'fields.id.start'");
    expect(codes(errorsOf(() => datagen({ 'scan.watermark.emit.strategy': 'on-event' } as never)))).toEqual(['FTS3001']);
    expect(print({ 'print-identifier': 'debug' }).capabilities.sink).toBe('all');
    expect(blackhole().capabilities.sink).toBe('upsert');
    expect(codes(errorsOf(() => blackhole({ 'sink.parallelism': 2 } as never)))).toEqual(['FTS3001']);
    const fs = filesystem({ path: 's3://b/p', format: json({ 'ignore-parse-errors': true }), 'sink.rolling-policy.file-size': '128mb' });
    expect(fs.capabilities).toMatchObject({ source: 'insert-only', sink: 'append', bounded: true });
    expect(fs.options.map((o) => o.key)).toContain('json.ignore-parse-errors');
  });

  test('artifacts: kafka, mysql-cdc, paimon, starrocks, and avro formats', () => {
    const ids = (c: { artifacts: readonly { groupId: string; artifactId: string; version: string }[] }) => c.artifacts.map((a) => `${a.groupId}:${a.artifactId}:${a.version}`);
    expect(ids(kafka({ ...kafkaBase, format: avroConfluent({ url: 'http://registry:8081' }) }))).toEqual(['org.apache.flink:flink-connector-kafka:3.3.0-1.20', 'org.apache.flink:flink-sql-avro-confluent-registry:1.20.1']);
    expect(ids(mysqlCdc({ hostname: 'db', username: secret('U'), password: secret('P'), 'database-name': 'd', 'table-name': 't' }))).toEqual(['org.apache.flink:flink-sql-connector-mysql-cdc:3.2.1']);
    expect(ids(paimon())).toEqual(['org.apache.paimon:paimon-flink-1.20:0.9.0']);
  });
});

describe('SQL text: the WITH clause of parsed CREATE TABLE statements', () => {
  const parse = (sql: string) => parseScript(sql).script.statements[0] as CreateTable;

  test("a typo, a bad value and a plaintext password in SQL text are reported like in TypeScript", () => {
    const statement = parse(`CREATE TABLE src (id INT, PRIMARY KEY (id) NOT ENFORCED) WITH (
      'connector' = 'mysql-cdc', 'hostname' = 'db', 'username' = 'flink', 'password' = 'hunter2',
      'database-name' = 'shop', 'table-name' = 'orders', 'scan.startup.mod' = 'initial', 'connect.timeout' = '30s-60s')`);
    const ds = checkCreateTable(statement);
    expect(ds.map((d) => [d.code, d.path])).toEqual([
      ['FTS3005', "tables.src.with['password']"],
      ['FTS3001', "tables.src.with['scan.startup.mod']"],
      ['FTS3002', "tables.src.with['connect.timeout']"],
    ]);
    expect(ds[1]!.hint).toBe("did you mean 'scan.startup.mode'?");
  });

  test('enum values are matched case-insensitively, as Flink does; unknown connectors are not checked', () => {
    expect(validateTableOptions(entries({ connector: 'kafka', ...kafkaBase, format: 'json', 'scan.startup.mode': 'EARLIEST-OFFSET' }), { hasPrimaryKey: false })).toEqual([]);
    expect(validateTableOptions(entries({ connector: 'elasticsearch-7', hosts: 'x' }), { hasPrimaryKey: false })).toMatchObject([{ code: 'FTS3008', severity: 'info' }]);
    expect(resolveCapabilities(entries({ connector: 'elasticsearch-7' }), { hasPrimaryKey: false })).toBeUndefined();
  });
});
