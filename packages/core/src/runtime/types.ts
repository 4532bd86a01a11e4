/**
 * Small helpers over `DataType` nodes used by the runtime's expression compiler: constructors, families and
 * the implicit-conversion rules Flink applies (least restrictive type, DECIMAL result precision and scale).
 */
import type { DataType, DecimalType, TypeRoot } from '../types/data-type.js';
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

export function withNullable<D extends DataType>(t: D, nullable: boolean): D {
  return t.nullable === nullable ? t : { ...t, nullable };
}

const INTEGRAL: readonly TypeRoot[] = ['TINYINT', 'SMALLINT', 'INT', 'BIGINT'];
export const isIntegral = (t: DataType): boolean => INTEGRAL.includes(t.kind);
export const isApprox = (t: DataType): boolean => t.kind === 'FLOAT' || t.kind === 'DOUBLE';
export const isNumeric = (t: DataType): boolean => isIntegral(t) || isApprox(t) || t.kind === 'DECIMAL';
export const isCharacter = (t: DataType): boolean => t.kind === 'CHAR' || t.kind === 'VARCHAR';
export const isBinary = (t: DataType): boolean => t.kind === 'BINARY' || t.kind === 'VARBINARY';
export const isTimestamp = (t: DataType): boolean => t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ';
export const isDatetime = (t: DataType): boolean => t.kind === 'DATE' || t.kind === 'TIME' || isTimestamp(t);
export const isInterval = (t: DataType): boolean => t.kind === 'INTERVAL_DAY_TIME' || t.kind === 'INTERVAL_YEAR_MONTH';

/** DECIMAL merging rules, shared with the analyzer. */
export { adjustDecimal, asDecimal };

/** The least restrictive type of several (CASE / COALESCE / IN / comparisons); undefined when none exists. */
export function leastRestrictive(types: readonly DataType[]): DataType | undefined {
  if (types.every((t) => t.kind === 'NULL')) return T.null();
  return findCommonType(types);
}

/** Print a type the way Flink's `LogicalType.asSummaryString()` does (for TYPEOF and messages). */
export function typeToString(t: DataType): string {
  const nn = t.nullable ? '' : ' NOT NULL';
  switch (t.kind) {
    case 'CHAR': return `CHAR(${t.length})${nn}`;
    case 'VARCHAR': return (t.length === MAX_LENGTH ? 'STRING' : `VARCHAR(${t.length})`) + nn;
    case 'BINARY': return `BINARY(${t.length})${nn}`;
    case 'VARBINARY': return (t.length === MAX_LENGTH ? 'BYTES' : `VARBINARY(${t.length})`) + nn;
    case 'DECIMAL': return `DECIMAL(${t.precision}, ${t.scale})${nn}`;
    case 'TIME': return `TIME(${t.precision})${nn}`;
    case 'TIMESTAMP': return `TIMESTAMP(${t.precision})${nn}`;
    case 'TIMESTAMP_LTZ': return `TIMESTAMP_LTZ(${t.precision})${nn}`;
    case 'INTERVAL_YEAR_MONTH': case 'INTERVAL_DAY_TIME': return printDataType(t);
    case 'ARRAY': return `ARRAY<${typeToString(t.element)}>${nn}`;
    case 'MULTISET': return `MULTISET<${typeToString(t.element)}>${nn}`;
    case 'MAP': return `MAP<${typeToString(t.key)}, ${typeToString(t.value)}>${nn}`;
    case 'ROW': return `ROW<${t.fields.map((f) => `\`${f.name}\` ${typeToString(f.type)}`).join(', ')}>${nn}`;
    case 'RAW': return `RAW('${t.className}', '...')${nn}`;
    default: return t.kind + nn;
  }
}
