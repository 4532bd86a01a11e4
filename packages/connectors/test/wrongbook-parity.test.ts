/**
 * The typed connectors reproduce the WITH clauses of examples/wrongbook's compiled SQL entry for entry — the
 * catalog tables without their credentials, which the job passes as OPTIONS hints.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { parseScript } from '@flinkts/core';
import type { CreateCatalog, CreateTable, Statement } from '@flinkts/core';
import { checkCreateTable, hiveCatalog, jdbc, json, kafka, kafkaSasl, kafkaSsl, secret, validateCatalogOptions } from '@flinkts/connectors';

const sql = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples', 'wrongbook', 'golden', 'wrongbook.sql'), 'utf8');
const statements: readonly Statement[] = parseScript(sql).script.statements;
const tableNamed = (name: string) => statements.find((s): s is CreateTable => s.kind === 'CreateTable' && s.path.at(-1) === name)!;
const pairs = (options: readonly { key: string; value: string }[]) => options.map((o) => [o.key, o.value]);
/** The catalog tables are stored without their credentials (the job passes those as OPTIONS hints). */
const CREDENTIALS = ['properties.sasl.jaas.config', 'username', 'password'];
const stored = (options: readonly { key: string; value: string }[]) => pairs(options.filter((o) => !CREDENTIALS.includes(o.key)));

test('kafka source: same WITH entries as the example, and the example passes the option checks', () => {
  const events = kafka({
    topic: 'wrongbook-events',
    'properties.bootstrap.servers': 'kafka.aliyun.com:9092',
    'properties.group.id': 'wrongbook-wide-table-group',
    ...kafkaSasl({ username: secret('KAFKA_USERNAME'), password: secret('KAFKA_PASSWORD'), loginModule: 'kafka-clients' }),
    ...kafkaSsl({ truststoreLocation: '/opt/flink/conf/kafka.truststore.jks' }),
    format: json({ 'fail-on-missing-field': false, 'ignore-parse-errors': true }),
  });
  const table = tableNamed('wrongbook_events');
  expect(stored(events.options)).toEqual(pairs(table.options));
  expect(sql).toContain(`'properties.sasl.jaas.config'='${events.options.find((o) => o.key === 'properties.sasl.jaas.config')!.value}'`);
  expect(checkCreateTable(table, { catalogType: 'hive' })).toEqual([]);
});

test('jdbc sink: same WITH entries as the example', () => {
  const sink = jdbc({
    url: 'jdbc:mysql://rds.aliyun.com:3306/dwd?useSSL=true&requireSSL=true',
    'table-name': 'dwd_wrong_record_wide_delta',
    username: secret('MYSQL_USERNAME'),
    password: secret('MYSQL_PASSWORD'),
    'sink.buffer-flush.max-rows': 100,
    'sink.buffer-flush.interval': '10s',
    'sink.parallelism': 3,
  });
  const table = tableNamed('dwd_wrong_record_wide_delta');
  expect(stored(sink.options)).toEqual(pairs(table.options));
  expect(sql).toContain("OPTIONS('username'='${MYSQL_USERNAME}', 'password'='${MYSQL_PASSWORD}')");
  expect(checkCreateTable(table, { catalogType: 'hive' })).toEqual([]);
});

test('hive catalog: same WITH entries as the example', () => {
  const catalog = statements.find((s): s is CreateCatalog => s.kind === 'CreateCatalog')!;
  expect(pairs(hiveCatalog({ 'default-database': 'dwd', 'hive-conf-dir': '/opt/flink/conf', 'hive-version': '3.1.2' }).options)).toEqual(pairs(catalog.options));
  expect(validateCatalogOptions(catalog.options)).toEqual([]);
});
