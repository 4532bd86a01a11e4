/**
 * Flink CDC 3.x's MySQL → Flink type mapping for the types a MariaDB test server cannot show (MySQL 8's own JSON
 * and GEOMCOLLECTION, display widths it drops), and a type without a mapping.
 */
import { describe, expect, test } from 'vitest';
import { printDataType } from '@flinkts/core';
import { flinkTypeOf, generateTablesModule } from '@flinkts/pipelines/internal';
import type { MysqlColumn } from '@flinkts/pipelines';

const col = (dataType: string, columnType: string, extra: Partial<MysqlColumn> = {}): MysqlColumn => ({
  name: 'c', dataType, columnType, nullable: true, charLength: null, numericPrecision: null, numericScale: null, datetimePrecision: null, comment: '', ...extra,
});
const mapped = (c: MysqlColumn): string => {
  const r = flinkTypeOf(c);
  return r.ok ? printDataType(r.type) : `unsupported: ${r.reason}`;
};

describe('MySQL → Flink types', () => {
  test.each([
    [col('tinyint', 'tinyint(1)'), 'BOOLEAN'],
    [col('tinyint', 'tinyint(1) unsigned'), 'SMALLINT'],
    [col('tinyint', 'tinyint'), 'TINYINT'],
    [col('smallint', 'smallint unsigned'), 'INT'],
    [col('mediumint', 'mediumint unsigned zerofill'), 'BIGINT'],
    [col('int', 'int unsigned'), 'BIGINT'],
    [col('bigint', 'bigint unsigned'), 'DECIMAL(20, 0)'],
    [col('decimal', 'decimal(38,4)', { numericPrecision: 38, numericScale: 4 }), 'DECIMAL(38, 4)'],
    [col('decimal', 'decimal(39,4)', { numericPrecision: 39, numericScale: 4 }), 'STRING'],
    [col('bit', 'bit(1)', { numericPrecision: 1 }), 'BOOLEAN'],
    [col('bit', 'bit(9)', { numericPrecision: 9 }), 'BINARY(2)'],
    [col('datetime', 'datetime(3)', { datetimePrecision: 3 }), 'TIMESTAMP(3)'],
    [col('timestamp', 'timestamp(6)', { datetimePrecision: 6 }), 'TIMESTAMP_LTZ(6)'],
    [col('year', 'year'), 'INT'],
    [col('json', 'json'), 'STRING'],
    [col('geomcollection', 'geomcollection'), 'STRING'],
    [col('enum', "enum('a','b')"), 'STRING'],
    [col('set', "set('a','b')"), 'ARRAY<STRING>'],
    [col('longblob', 'longblob'), 'BYTES'],
    [col('varchar', 'varchar(20)', { charLength: 20, nullable: false }), 'VARCHAR(20) NOT NULL'],
  ])('%o → %s', (c, expected) => {
    expect(mapped(c)).toBe(expected);
  });

  test('a type without a mapping is an FTS9125 error naming the column, and no module is generated', async () => {
    const r = await generateTablesModule({ target: { host: 'h', port: 3306, database: 'd' }, tables: [{ name: 'x', kind: 'table', comment: '', primaryKey: [], columns: [col('vector', 'vector(3)')] }] });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(['FTS9125 x.c: Flink CDC has no Flink type for the MySQL type vector(3)']);
  });
});
