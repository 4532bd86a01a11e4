/**
 * The seed documents' tables, catalogs and settings written with typed connectors, printed by core's SQL
 * printer and compared with golden SQL (test/golden/*.sql).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { catalog, printStatement, t, table, fn, FlinktsError } from '@flinkts/core';
import type { Diagnostic } from '@flinkts/core';
import { hiveCatalog, jdbc, json, kafka, kafkaSasl, kafkaSsl, mysqlCdc, paimon, paimonCatalog, secret, settings, starrocks, validateSettings, checkCreateTable, validateTableOptions } from '@flinkts/connectors';

const golden = (name: string) => join(dirname(fileURLToPath(import.meta.url)), 'golden', name);

function errorsOf(f: () => unknown): Diagnostic[] {
  try {
    f();
  } catch (e) {
    if (e instanceof FlinktsError) return [...e.diagnostics];
    throw e;
  }
  throw new Error('expected a FlinktsError');
}

// ---- seed 001: Kafka JSON source with SASL/SSL, JDBC MySQL sink, Hive catalog ----
const wrongbookEvents = table('wrongbook_events', {
  columns: { eventId: t.string(), domain: t.string(), type: t.string(), timestamp: t.bigint(), payload: t.string() },
  computed: () => ({ proc_time: fn.proctime() }),
  temporary: true,
  connector: kafka({
    topic: 'wrongbook-events',
    'properties.bootstrap.servers': 'kafka.aliyun.com:9092',
    'properties.group.id': 'wrongbook-wide-table-group',
    'scan.startup.mode': 'group-offsets',
    ...kafkaSasl({ username: secret('KAFKA_USERNAME'), password: secret('KAFKA_PASSWORD') }),
    ...kafkaSsl({ truststoreLocation: '/opt/flink/conf/kafka.truststore.jks' }),
    format: json({ 'fail-on-missing-field': false, 'ignore-parse-errors': true }),
  }),
});

const wideDelta = table('dwd_wrong_record_wide_delta', {
  columns: { id: t.bigint(), wrong_id: t.string(), user_id: t.string(), collect_time: t.timestamp(3) },
  primaryKey: ['id'],
  temporary: true,
  connector: jdbc({
    url: 'jdbc:mysql://rds.aliyun.com:3306/dwd?useSSL=true&requireSSL=true',
    'table-name': 'dwd_wrong_record_wide_delta',
    username: secret('MYSQL_USERNAME'),
    password: secret('MYSQL_PASSWORD'),
    'sink.buffer-flush.max-rows': 100,
    'sink.buffer-flush.interval': '10s',
  }),
});

const aliyunCatalog = catalog('aliyun_catalog', hiveCatalog({ 'default-database': 'dwd', 'hive-conf-dir': '/opt/flink/conf', 'hive-version': '3.1.2' }));

// ---- seed 000: MySQL CDC sources, Paimon ODS/DWD tables, StarRocks V2 sink, Paimon catalog ----
const cdcOrders = table('cdc_orders', {
  columns: { order_id: t.bigint(), user_id: t.bigint(), amount: t.decimal(10, 2), status: t.string(), updated_at: t.timestamp(3) },
  primaryKey: ['order_id'],
  temporary: true,
  connector: mysqlCdc({
    hostname: '${MYSQL_HOST}',
    port: 3306,
    username: secret('MYSQL_CDC_USERNAME'),
    password: secret('MYSQL_CDC_PASSWORD'),
    'database-name': 'shop',
    'table-name': 'orders',
    'server-id': '5401-5404',
    'server-time-zone': 'Asia/Shanghai',
    'scan.startup.mode': 'initial',
    'scan.incremental.snapshot.chunk.size': 8096,
  }),
});

const cdcUsers = table('cdc_users', {
  columns: { user_id: t.bigint(), user_name: t.string(), city: t.string() },
  primaryKey: ['user_id'],
  temporary: true,
  connector: mysqlCdc({
    hostname: '${MYSQL_HOST}',
    username: secret('MYSQL_CDC_USERNAME'),
    password: secret('MYSQL_CDC_PASSWORD'),
    'database-name': 'shop',
    'table-name': 'users',
    'server-id': '5405-5408',
  }),
});

/**
 * Seed 000's Paimon 0.8.2 options: tags, write buffer, compaction. `'1h'` is not a tag period ('hourly' is), and
 * the seed's `compaction.target-file-size` is not a Paimon key (Paimon would ignore it): the key is `target-file-size`.
 */
const paimonWriteOptions = {
  'tag.automatic-creation': 'process-time',
  'tag.creation-period': 'hourly',
  'write-buffer-size': '128MB',
  'target-file-size': '256MB',
  'compaction.max.file-num': 30,
} as const;

const odsOrders = table('ods_orders', {
  columns: { order_id: t.bigint(), user_id: t.bigint(), amount: t.decimal(10, 2), status: t.string(), updated_at: t.timestamp(3) },
  primaryKey: ['order_id'],
  catalog: 'paimon_catalog',
  database: 'ods',
  connector: paimon({ bucket: 4, 'changelog-producer': 'input', ...paimonWriteOptions }),
});

const dwdOrders = table('dwd_orders', {
  columns: { order_id: t.bigint(), user_id: t.bigint(), user_name: t.string(), city: t.string(), amount: t.decimal(10, 2), status: t.string(), updated_at: t.timestamp(3) },
  primaryKey: ['order_id'],
  catalog: 'paimon_catalog',
  database: 'dwd',
  connector: paimon({ bucket: 8, 'changelog-producer': 'lookup', 'merge-engine': 'deduplicate', 'sequence.field': 'updated_at', ...paimonWriteOptions }),
});

/** Seed 000's StarRocks V2 transactional sink; flush at 5 s. max-bytes is a byte count ≥ 64 MB, not '50MB'. */
const dwsSink = table('dws_order_stats', {
  columns: { stat_date: t.date(), city: t.string(), order_cnt: t.bigint(), gmv: t.decimal(18, 2) },
  primaryKey: ['stat_date', 'city'],
  temporary: true,
  connector: starrocks({
    'jdbc-url': 'jdbc:mysql://starrocks-fe:9030',
    'load-url': ['starrocks-fe:8030'],
    'database-name': 'dws',
    'table-name': 'order_stats',
    username: secret('STARROCKS_USERNAME'),
    password: secret('STARROCKS_PASSWORD'),
    'sink.version': 'V2',
    'sink.semantic': 'at-least-once',
    'sink.at-least-once.use-transaction-stream-load': true,
    'sink.buffer-flush.max-bytes': 67108864,
    'sink.buffer-flush.interval-ms': 5000,
    'sink.properties.format': 'json',
    'sink.properties.strip_outer_array': 'true',
  }),
});

const lakeCatalog = catalog('paimon_catalog', paimonCatalog({ warehouse: 's3://warehouse/paimon', 'table-default.file.format': 'parquet', 's3.endpoint': 'http://minio:9000', 's3.access-key': secret('S3_ACCESS_KEY'), 's3.secret-key': secret('S3_SECRET_KEY') }));

const statements = {
  'seed-001-kafka-source.sql': wrongbookEvents.statement,
  'seed-001-jdbc-sink.sql': wideDelta.statement,
  'seed-001-hive-catalog.sql': aliyunCatalog.toStatement(),
  'seed-000-cdc-orders.sql': cdcOrders.statement,
  'seed-000-cdc-users.sql': cdcUsers.statement,
  'seed-000-paimon-ods.sql': odsOrders.statement,
  'seed-000-paimon-dwd.sql': dwdOrders.statement,
  'seed-000-starrocks-sink.sql': dwsSink.statement,
  'seed-000-paimon-catalog.sql': lakeCatalog.toStatement(),
};

describe('seed tables print as golden SQL', () => {
  test.each(Object.entries(statements))('%s', async (file, statement) => {
    await expect(`${printStatement(statement)}\n`).toMatchFileSnapshot(golden(file));
  });

  test('every seed table passes the SQL-text validation of its WITH clause (no errors)', () => {
    for (const [file, statement] of Object.entries(statements)) {
      if (statement.kind !== 'CreateTable') continue;
      const catalogType = statement.path.length === 3 ? 'paimon' : undefined;
      const found = checkCreateTable(statement, catalogType ? { catalogType } : {}).filter((d) => d.severity !== 'info');
      // The seed's compaction.max.file-num on primary-key tables does nothing: a warning, not an error.
      expect(found.map((d) => `${d.severity} ${d.path}`), file).toEqual(catalogType === 'paimon' && statement.primaryKey !== undefined ? [expect.stringMatching(/^warning .*compaction\.max\.file-num/)] : []);
    }
  });

  test('no plaintext credential in any golden file (this package and examples/*/golden)', () => {
    const root = join(dirname(golden('x')), '..', '..', '..', '..');
    const dirs = [dirname(golden('x')), ...readdirSync(join(root, 'examples')).map((e) => join(root, 'examples', e, 'golden')).filter((d) => existsSync(d))];
    const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
    const files = dirs.flatMap(walk);
    expect(files.length).toBeGreaterThanOrEqual(Object.keys(statements).length);
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/'([^']*(?:password|secret|access-?key|accessKey|jaas\.config|token|username|user-info)[^']*)'\s*=\s*'((?:[^']|'')*)'/gi)) {
        const [, key, value] = m as unknown as [string, string, string];
        checked++;
        // `${NAME}`, or Alibaba's namespace-variable form `${secret_values.NAME}`.
        if (/jaas\.config/.test(key)) expect(value, `${file} ${key}`).toMatch(/username=\\?"\$\{(secret_values\.)?[A-Z0-9_]+\}\\?" password=\\?"\$\{(secret_values\.)?[A-Z0-9_]+\}\\?"/);
        else expect(value, `${file} ${key}`).toMatch(/^\$\{(secret_values\.)?[A-Z0-9_]+\}$/);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});

describe("seed 000's own option values, checked", () => {
  test("'tag.creation-period' = '1h' is rejected: the values are daily, hourly, two-hours", () => {
    const [d] = errorsOf(() => paimon({ 'tag.creation-period': '1h' as never }));
    expect(d!.code).toBe('FTS3002');
    expect(d!.message).toContain("received '1h'");
    expect(d!.message).toContain("'hourly'");
  });

  test("'compaction.target-file-size' is not a Paimon key: an error naming 'target-file-size' (Paimon would ignore it)", () => {
    const ds = errorsOf(() => paimon({ 'compaction.target-file-size': '256MB' } as never));
    expect(ds.map((d) => [d.code, d.severity, d.message, d.hint])).toEqual([
      ['FTS3001', 'error', "the 'paimon' connector has no option 'compaction.target-file-size'; it would be ignored", "the option is 'target-file-size'"],
    ]);
    const sql = validateTableOptions([{ key: 'connector', value: 'paimon' }, { key: 'path', value: '/tmp/p' }, { key: 'compaction.target-file-size', value: '256MB' }], { hasPrimaryKey: false });
    expect(sql.map((d) => [d.severity, d.hint])).toEqual([['error', "the option is 'target-file-size'"]]);
  });

  test("'compaction.max.file-num' on a primary-key table has no effect: a warning naming num-sorted-run.compaction-trigger", () => {
    const options = [{ key: 'connector', value: 'paimon' }, { key: 'path', value: '/tmp/p' }, { key: 'compaction.max.file-num', value: '30' }];
    const pk = validateTableOptions(options, { hasPrimaryKey: true });
    expect(pk.map((d) => [d.code, d.severity])).toEqual([['FTS3004', 'warning']]);
    expect(pk[0]!.hint).toContain("'num-sorted-run.compaction-trigger'");
    expect(validateTableOptions(options, { hasPrimaryKey: false })).toEqual([]);
  });

  test("StarRocks 'sink.buffer-flush.max-bytes' = '50MB' is rejected (a byte count, at least 64 MB)", () => {
    const base = { 'jdbc-url': 'jdbc:mysql://fe:9030', 'load-url': 'fe:8030', 'database-name': 'd', 'table-name': 't', username: secret('U'), password: secret('P') } as const;
    expect(errorsOf(() => starrocks({ ...base, 'sink.buffer-flush.max-bytes': '50MB' as never }))[0]!.message).toContain("received '50MB'");
    expect(errorsOf(() => starrocks({ ...base, 'sink.buffer-flush.max-bytes': 52428800 }))[0]!.message).toContain('at least 67108864');
  });

  test("StarRocks V2: 'sink.buffer-flush.max-rows' is accepted but warned about (only V1 reads it)", () => {
    const base = { 'jdbc-url': 'jdbc:mysql://fe:9030', 'load-url': 'fe:8030', 'database-name': 'd', 'table-name': 't', username: secret('U'), password: secret('P') } as const;
    const c = starrocks({ ...base, 'sink.version': 'V2', 'sink.buffer-flush.max-rows': 100000 });
    expect(c.warnings.map((w) => [w.code, w.severity])).toEqual([['FTS3004', 'warning']]);
  });

  test("seed 000's SET statements: state.ttl is not a Flink key, ranges are not values, state.backend is renamed", () => {
    const result = validateSettings([
      { key: 'execution.checkpointing.interval', value: '30s-300s' },
      { key: 'execution.checkpointing.timeout', value: '10min-15min' },
      { key: 'execution.checkpointing.min-pause', value: '5s-10s' },
      { key: 'state.backend', value: 'rocksdb' },
      { key: 'state.backend.rocksdb.writebuffer.size', value: '64MB' },
      { key: 'state.ttl', value: '1d-7d' },
    ]);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['FTS3102', 'error', "settings['execution.checkpointing.interval']"],
      ['FTS3102', 'error', "settings['execution.checkpointing.timeout']"],
      ['FTS3102', 'error', "settings['execution.checkpointing.min-pause']"],
      ['FTS3103', 'warning', "settings['state.backend']"],
      ['FTS3101', 'error', "settings['state.ttl']"],
    ]);
    expect(result.diagnostics.find((d) => d.code === 'FTS3101')!.hint).toBe("did you mean 'table.exec.state.ttl'?");
    expect(result.diagnostics[0]!.message).toContain("received '30s-300s'");
    expect(result.entries.map((e) => e.key)).toContain('state.backend.type');
  });

  test("seed 000's settings per environment (prod values), with the real keys", () => {
    const prod = settings({
      'execution.checkpointing.interval': '60 s',
      'execution.checkpointing.timeout': '10 min',
      'execution.checkpointing.min-pause': '5 s',
      'state.backend.type': 'rocksdb',
      'state.backend.rocksdb.writebuffer.size': '64MB',
      'table.exec.state.ttl': '1 d',
      'restart-strategy.type': 'exponential-delay',
    });
    expect(prod.diagnostics).toEqual([]);
    expect(prod.entries.map((e) => `${e.key}=${e.value}`)).toEqual([
      'execution.checkpointing.interval=60 s',
      'execution.checkpointing.timeout=10 min',
      'execution.checkpointing.min-pause=5 s',
      'state.backend.type=rocksdb',
      'state.backend.rocksdb.writebuffer.size=64MB',
      'table.exec.state.ttl=1 d',
      'restart-strategy.type=exponential-delay',
    ]);
    // @ts-expect-error state.ttl is not a Flink key
    expect(() => settings({ 'state.ttl': '1 d' })).toThrow(/did you mean 'table.exec.state.ttl'/);
  });
});
