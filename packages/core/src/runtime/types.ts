/**
 * Small helpers over `DataType` nodes used by the runtime's expression compiler: constructors, families and
 * the implicit-conversion rules Flink applies (least restrictive type, DECIMAL result precision and scale).
 */
import type { DataType, DecimalType } from '../types/data-type.js';
import { MAX_LENGTH } from '../types/data-type.js';
import { findCommonType } from '../types/common-type.js';
import { printDataType } from '../sql/printer/data-type.js';
import { adjustDecimal, asDecimal } from '../types/decimal-merging.js';

export const T = {
  boolean: (nullable = true): DataType => ({ kind: 'BOOLEAN', nullable }),
  tinyint: (nullable = true): DataType => ({ kind: 'TINYINT', nullable }),
  smallint: (nullable = true): DataType => ({ kind: 'SMALLINT', nullable }),
  int: (nullable = true): DataType => ({ kind: 'INT', nullable }),
  bigint: (nullable = true): DataType => ({ kind: 'BIGINT', nullable }),
  float: (nullable = true): DataType => ({ kind: 'FLOAT', nullable }),
  double: (nullable = true): DataType => ({ kind: 'DOUBLE', nullable }),
  decimal: (precision: number, scale: number, nullable = true): DecimalType => ({ kind: 'DECIMAL', precision, scale, nullable }),
  string: (nullable = true): DataType => ({ kind: 'VARCHAR', length: MAX_LENGTH, nullable }),
  varchar: (length: number, nullable = true): DataType => ({ kind: 'VARCHAR', length, nullable }),
  char: (length: number, nullable = true): DataType => ({ kind: 'CHAR', length, nullable }),
  bytes: (nullable = true): DataType => ({ kind: 'VARBINARY', length: MAX_LENGTH, nullable }),
  date: (nullable = true): DataType => ({ kind: 'DATE', nullable }),
  time: (precision = 0, nullable = true): DataType => ({ kind: 'TIME', precision, nullable }),
  timestamp: (precision = 6, nullable = true): DataType => ({ kind: 'TIMESTAMP', precision, nullable }),
  timestampLtz: (precision = 6, nullable = true): DataType => ({ kind: 'TIMESTAMP_LTZ', precision, nullable }),
  null: (): DataType => ({ kind: 'NULL', nullable: true }),
};

export { isApprox, isBinary, isCharacter, isDatetime, isIntegral, isInterval, isNumeric, isTimestamp, withNullable } from '../types/type-predicates.js';

/** DECIMAL merging rules, shared with the analyzer. */
export { adjustDecimal, asDecimal };

/** The least restrictive type of several (CASE / COALESCE / IN / comparisons); undefined when none exists. */
export function leastRestrictive(types: readonly DataType[]): DataType | undefined {
  if (types.every((t) => t.kind === 'NULL')) return T.null();
  return findCommonType(types);
}

/**
 * Print a type the way Flink's `LogicalType.asSummaryString()` does (for TYPEOF and messages): the SQL
 * printer's form, except that RAW types hide their serializer snapshot.
 */
export function typeToString(t: DataType): string {
  if (t.kind === 'RAW') return `RAW('${t.className}', '...')${t.nullable ? '' : ' NOT NULL'}`;
  return printDataType(t);
}
