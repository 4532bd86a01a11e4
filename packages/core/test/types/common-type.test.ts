/**
 * The common type of several types, as Flink's LogicalTypeMerging.findCommonType derives it (the type of CASE
 * / COALESCE / UNION / constructor results in the analyzer and in the local runtime alike).
 */
import { describe, expect, it } from 'vitest';
import { findCommonType } from '../../src/types/common-type.js';
import { parseTypeText } from '../../src/testing/oracle/type-text.js';
import { typeToString } from '../../src/runtime/types.js';

const common = (...types: string[]): string | undefined => {
  const t = findCommonType(types.map((x) => (x === 'NULL' ? { kind: 'NULL', nullable: true } : parseTypeText(x))));
  return t === undefined ? undefined : typeToString(t);
};

describe('findCommonType', () => {
  it('widens exact numerics, keeping every whole digit and as much scale as still fits', () => {
    expect(common('INT', 'BIGINT', 'DECIMAL(2, 2)')).toBe('DECIMAL(21, 2)');
    expect(common('TINYINT', 'SMALLINT')).toBe('SMALLINT');
    expect(common('DECIMAL(38, 10)', 'BIGINT')).toBe('DECIMAL(38, 10)');
    expect(common('DECIMAL(38, 30)', 'BIGINT')).toBe('DECIMAL(38, 19)');
    expect(common('DECIMAL(10, 2)', 'DECIMAL(10, 2)')).toBe('DECIMAL(10, 2)');
  });

  it('goes approximate with FLOAT / DOUBLE, and to DOUBLE whenever a DECIMAL meets one', () => {
    expect(common('INT', 'FLOAT')).toBe('FLOAT');
    expect(common('FLOAT', 'BIGINT')).toBe('FLOAT');
    expect(common('FLOAT', 'DOUBLE')).toBe('DOUBLE');
    expect(common('FLOAT', 'DECIMAL(10, 2)')).toBe('DOUBLE');
    // Flink's merge is order-dependent here: an exact result meeting FLOAT takes FLOAT, DECIMAL included
    expect(common('DECIMAL(10, 2)', 'FLOAT')).toBe('FLOAT');
    expect(common('DECIMAL(10, 2)', 'DOUBLE')).toBe('DOUBLE');
  });

  it('merges strings by length: fixed lengths that differ become VARCHAR', () => {
    expect(common('CHAR(3)', 'CHAR(3)')).toBe('CHAR(3)');
    expect(common('CHAR(3)', 'CHAR(5)')).toBe('VARCHAR(5)');
    expect(common('CHAR(3)', 'VARCHAR(2)')).toBe('VARCHAR(3)');
    expect(common('VARCHAR(2)', 'STRING')).toBe('STRING');
    expect(common('BINARY(2)', 'BINARY(4)')).toBe('VARBINARY(4)');
  });

  it('merges timestamps to the widest precision, with local time zone when either has it', () => {
    expect(common('TIMESTAMP(3)', 'TIMESTAMP(6)')).toBe('TIMESTAMP(6)');
    expect(common('TIMESTAMP(3)', 'TIMESTAMP_LTZ(6)')).toBe('TIMESTAMP_LTZ(6)');
    expect(common('TIME(0)', 'TIME(3)')).toBe('TIME(3)');
    // DATE and TIMESTAMP are not similar: the implicit cast decides, and only TIMESTAMP → DATE is implicit
    expect(common('DATE', 'TIMESTAMP(3)')).toBe('DATE');
  });

  it('reads an exact number next to a DATE or TIMESTAMP, and an interval next to a datetime, as the datetime', () => {
    expect(common('DATE', 'INT')).toBe('DATE');
    expect(common('INT', 'TIMESTAMP(3)')).toBe('TIMESTAMP(3)');
    expect(common('INTERVAL DAY TO SECOND(3)', 'TIMESTAMP(3)')).toBe('TIMESTAMP(3)');
    expect(common('TIME(0)', 'INT')).toBeUndefined();
  });

  it('spans interval resolutions', () => {
    expect(common('INTERVAL HOUR', 'INTERVAL DAY TO MINUTE')).toBe('INTERVAL DAY(2) TO MINUTE');
    expect(common('INTERVAL MINUTE', 'INTERVAL SECOND(3)')).toBe('INTERVAL MINUTE TO SECOND(6)');
    expect(common('INTERVAL YEAR', 'INTERVAL MONTH')).toBe('INTERVAL YEAR(2) TO MONTH');
  });

  it('merges constructed types child by child', () => {
    expect(common('ARRAY<INT>', 'ARRAY<BIGINT NOT NULL>')).toBe('ARRAY<BIGINT>');
    expect(common('ARRAY<INT NOT NULL>', 'ARRAY<BIGINT NOT NULL>')).toBe('ARRAY<BIGINT NOT NULL>');
    expect(common('MAP<STRING, INT>', 'MAP<STRING, DOUBLE>')).toBe('MAP<STRING, DOUBLE>');
    expect(common('ROW<a INT>', 'ROW<b BIGINT>')).toBe('ROW<`a` BIGINT>');
    expect(common('ARRAY<INT>', 'MAP<INT, INT>')).toBeUndefined();
    expect(common('ROW<a INT>', 'ROW<a INT, b INT>')).toBeUndefined();
  });

  it('is nullable when any input is, and has no answer for unrelated types or untyped NULLs alone', () => {
    expect(common('INT NOT NULL', 'BIGINT NOT NULL')).toBe('BIGINT NOT NULL');
    expect(common('INT NOT NULL', 'NULL')).toBe('INT');
    expect(common('BOOLEAN', 'INT')).toBeUndefined();
    expect(common('STRING', 'INT')).toBeUndefined();
    expect(common('NULL', 'NULL')).toBeUndefined();
    expect(common('BOOLEAN NOT NULL', 'BOOLEAN')).toBe('BOOLEAN');
  });
});
