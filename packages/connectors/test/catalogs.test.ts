/** Catalog declarations (typed and from SQL text) and format pass-through keys. */
import { describe, expect, test } from 'vitest';
import { FlinktsError } from '@flinkts/core';
import type { Diagnostic } from '@flinkts/core';
import { filesystem, genericInMemoryCatalog, hiveCatalog, jdbcCatalog, json, paimonCatalog, secret, starrocksCatalog, validateCatalogOptions } from '@flinkts/connectors';

function errorsOf(f: () => unknown): Diagnostic[] {
  try {
    f();
  } catch (e) {
    if (e instanceof FlinktsError) return [...e.diagnostics];
    throw e;
  }
  throw new Error('expected a FlinktsError');
}
const entries = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));

describe('catalogs', () => {
  test('hive: unknown keys are errors with the closest key; the seed\'s hive.metastore.uris belongs in hive-site.xml', () => {
    expect(errorsOf(() => hiveCatalog({ 'hive-conf-dirr': '/opt/conf' } as never))).toMatchObject([{ code: 'FTS3001', hint: "did you mean 'hive-conf-dir'?" }]);
    expect(validateCatalogOptions(entries({ type: 'hive', 'hive.metastore.uris': 'thrift://m:9083' }))).toMatchObject([{ code: 'FTS3001', severity: 'error' }]);
    expect(hiveCatalog({ 'hive-conf-dir': '/opt/conf' }).artifacts.map((a) => a.artifactId)).toEqual(['flink-sql-connector-hive-3.1.3_2.12']);
  });

  test('jdbc and starrocks catalogs need their keys and secret passwords', () => {
    expect(errorsOf(() => jdbcCatalog({ 'base-url': 'jdbc:mysql://db:3306', 'default-database': 'dw', username: 'u', password: 'pw' as never })).map((d) => d.code)).toEqual(['FTS3005']);
    const c = jdbcCatalog({ 'base-url': 'jdbc:mysql://db:3306', 'default-database': 'dw', username: secret('U'), password: secret('P') });
    expect(c.options[0]).toEqual({ key: 'type', value: 'jdbc' });
    expect(validateCatalogOptions(entries({ type: 'starrocks', 'jdbc-url': 'jdbc:mysql://fe:9030' })).map((d) => d.message)).toEqual([
      "the 'starrocks' catalog requires option 'http-url'",
      "the 'starrocks' catalog requires option 'username'",
      "the 'starrocks' catalog requires option 'password'",
      "the 'starrocks' catalog requires option 'default-database'",
    ]);
    expect(starrocksCatalog({ 'jdbc-url': 'jdbc:mysql://fe:9030', 'http-url': 'fe:8030', username: secret('U'), password: secret('P'), 'default-database': 'd' }).type).toBe('starrocks');
  });

  test('paimon catalog: unknown keys warn; table-default.* keys are checked against the Paimon table options', () => {
    const c = paimonCatalog({ warehouse: 'oss://lake/wh', 'table-default.bukcet': '4', 'table-default.bucket': '4' });
    expect(c.warnings).toMatchObject([{ code: 'FTS3001', severity: 'warning', hint: "did you mean 'table-default.bucket'?" }]);
    expect(validateCatalogOptions(entries({ type: 'paimon', warehouse: 'w', 'table-default.bucket': 'four' }))).toMatchObject([{ code: 'FTS3002' }]);
    expect(validateCatalogOptions(entries({ type: 'paimon', warehouse: 'w', metastore: 'jdbc' })).map((d) => d.message)).toEqual(["'metastore' = 'jdbc' needs 'uri'"]);
    expect(validateCatalogOptions(entries({ type: 'paimon' })).map((d) => d.code)).toEqual(['FTS3003']);
  });

  test('generic in-memory catalog, unknown and missing types', () => {
    expect(genericInMemoryCatalog().options).toEqual([{ key: 'type', value: 'generic_in_memory' }]);
    expect(validateCatalogOptions(entries({ type: 'iceberg', 'catalog-type': 'hive' }))).toMatchObject([{ code: 'FTS3008', severity: 'info' }]);
    expect(validateCatalogOptions(entries({ 'default-database': 'x' }))).toMatchObject([{ code: 'FTS3003' }]);
  });
});

describe('format options under a prefix', () => {
  test('filesystem passes <format>.* on unchecked: a typo is a warning with the closest format option', () => {
    const c = filesystem({ path: '/tmp/out', format: 'json', 'json.ignore-parse-error': 'true' });
    expect(c.warnings).toMatchObject([{ code: 'FTS3001', severity: 'warning', hint: "did you mean 'json.ignore-parse-errors'?" }]);
    expect(c.options.map((o) => o.key)).toContain('json.ignore-parse-error');
  });

  test('format factories validate their own options', () => {
    expect(errorsOf(() => json({ 'ignore-parse-error': true } as never))).toMatchObject([{ code: 'FTS3001', hint: "did you mean 'ignore-parse-errors'?", path: "json()['ignore-parse-error']" }]);
    expect(errorsOf(() => json({ 'map-null-key.mode': 'SKIP' as never }))[0]!.message).toContain("received 'SKIP'");
  });
});

describe('settings outside the catalogued namespaces', () => {
  test('a key flinkts has no complete list for is a warning, a near-typo of a known key is an error', async () => {
    const { validateSettings } = await import('@flinkts/connectors');
    expect(validateSettings([{ key: 'metrics.reporter.prom.factory.class', value: 'org.apache.flink.metrics.prometheus.PrometheusReporterFactory' }]).diagnostics).toMatchObject([{ code: 'FTS3101', severity: 'warning' }]);
    expect(validateSettings([{ key: 'taskmanager.numberOfTaskSlot', value: '2' }]).diagnostics).toMatchObject([{ code: 'FTS3101', severity: 'error', hint: "did you mean 'taskmanager.numberOfTaskSlots'?" }]);
    expect(validateSettings([{ key: 'table.exec.state.ttl.enabled', value: 'true' }]).diagnostics).toMatchObject([{ code: 'FTS3101', severity: 'error' }]);
    expect(validateSettings([{ key: 's3.secret-key', value: 'abc' }]).diagnostics.map((d) => d.code)).toEqual(['FTS3101', 'FTS3005']);
    expect(validateSettings([{ key: 's3.secret-key', value: '${S3_SECRET_KEY}' }]).diagnostics.map((d) => d.code)).toEqual(['FTS3101']);
  });
});

describe('tables inside a Hive catalog', () => {
  test('no connector key: resolved through the catalog type', async () => {
    const { resolveCapabilities, validateTableOptions } = await import('@flinkts/connectors');
    const { resolveTableCapabilities } = await import('@flinkts/connectors/internal');
    const options = entries({ 'streaming-source.enable': 'true', 'streaming-source.monitor-interval': '1 min' });
    expect(resolveTableCapabilities(options, { hasPrimaryKey: false, catalogType: 'hive' })).toEqual({ source: 'insert-only', sink: 'append', primaryKey: 'optional', lookup: true, bounded: false });
    expect(validateTableOptions(options, { hasPrimaryKey: false, catalogType: 'hive' })).toEqual([]);
    expect(validateTableOptions(entries({ 'streaming-source.enabled': 'true' }), { hasPrimaryKey: false, catalogType: 'hive' })).toMatchObject([{ code: 'FTS3001', severity: 'warning', hint: "did you mean 'streaming-source.enable'?" }]);
    expect(resolveCapabilities(options, { hasPrimaryKey: false })).toBeUndefined();
  });
});

describe('${NAME} placeholders', () => {
  test('accepted for every option type (resolved per environment); anything else must parse', async () => {
    const { validateSettings, mysqlCdc } = await import('@flinkts/connectors');
    expect(validateSettings([{ key: 'execution.checkpointing.interval', value: '${CHECKPOINT_INTERVAL}' }, { key: 'parallelism.default', value: '${PARALLELISM}' }]).diagnostics).toEqual([]);
    expect(mysqlCdc({ hostname: 'db', port: '${MYSQL_PORT}', username: 'u', password: '${P}', 'database-name': 'd', 'table-name': 't' }).options.find((o) => o.key === 'port')!.value).toBe('${MYSQL_PORT}');
    expect(validateSettings([{ key: 'parallelism.default', value: '$PARALLELISM' }]).diagnostics.map((d) => d.code)).toEqual(['FTS3102']);
  });
});
