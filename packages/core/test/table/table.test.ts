/** Table declarations: what a declaration exposes and what it refuses. */
import { describe, expect, test } from 'vitest';
import { FlinktsError, fn, genericConnector, metadata, printStatement, t, table } from '../../src/index.js';

describe('table declarations', () => {
  const kafka = genericConnector('kafka', { topic: 'events', 'properties.bootstrap.servers': '${KAFKA_SERVERS}' }, { source: 'insert-only', sink: 'append' }, [
    { groupId: 'org.apache.flink', artifactId: 'flink-sql-connector-kafka', version: '3.3.0-1.20' },
  ]);
  const events = table('events', {
    columns: { timestamp: t.bigint(), user: t.string(), kafka_ts: metadata(t.timestampLtz(3), { from: 'timestamp', virtual: true }) },
    computed: (c) => ({ event_time: fn.toTimestampLtz(c.timestamp, 3), proc_time: fn.proctime() }),
    watermark: { column: 'event_time', delay: undefined },
    catalog: 'hive',
    database: 'ods',
    temporary: true,
    ifNotExists: true,
    comment: 'raw events',
    layer: 'ods',
    connector: kafka,
  });

  test('exposes its path, layer, connector and CREATE TABLE node', () => {
    expect(events.path).toEqual(['hive', 'ods', 'events']);
    expect(events.layer).toBe('ods');
    expect(events.connector?.capabilities.source).toBe('insert-only');
    expect(events.connector?.artifacts[0]?.artifactId).toBe('flink-sql-connector-kafka');
    expect(events.columnTypes.map((c) => `${c.name}:${c.writable}`)).toEqual(['timestamp:true', 'user:true', 'kafka_ts:false', 'event_time:false', 'proc_time:false']);
    expect(Object.isFrozen(events.toStatement())).toBe(true);
  });

  test('reserved words as column names are back-quoted when printed', () => {
    const sql = printStatement(events.toStatement());
    expect(sql).toContain('CREATE TEMPORARY TABLE IF NOT EXISTS `hive`.`ods`.`events`');
    expect(sql).toMatch(/`timestamp` +BIGINT/);
    expect(sql).toMatch(/`kafka_ts` +TIMESTAMP_LTZ\(3\) METADATA FROM 'timestamp' VIRTUAL/);
    expect(sql).toContain('`event_time` AS TO_TIMESTAMP_LTZ(`timestamp`, 3)');
    expect(sql).toContain('WATERMARK FOR `event_time` AS `event_time`');
    expect(sql).toContain("'properties.bootstrap.servers' = '${KAFKA_SERVERS}'");
  });

  test('a table without columns is refused', () => {
    try {
      table('empty', { columns: {} });
      expect.unreachable();
    } catch (e) {
      expect((e as FlinktsError).diagnostics.map((d) => d.code)).toEqual(['FTS2106']);
    }
  });

  test('partition keys must be columns', () => {
    const loose = table as unknown as (n: string, s: object) => unknown;
    try {
      loose('p', { columns: { dt: t.string() }, partitionedBy: ['dtt'] });
      expect.unreachable();
    } catch (e) {
      expect((e as FlinktsError).diagnostics[0]).toMatchObject({ code: 'FTS2101', hint: "did you mean 'dt'?", path: 'tables.p.partitionedBy' });
    }
  });
});
