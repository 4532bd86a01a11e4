/**
 * Small helpers over `DataType` nodes used by the runtime's expression compiler: constructors and families. The
 * runtime has no type rules of its own (common types, DECIMAL precision and scale): those are the typer's (typing/,
 * functions/infer.ts), and an expression's type is the bound plan's.
 */
import type { DataType, DecimalType } from '../types/data-type.js';
import { MAX_LENGTH } from '../types/data-type.js';
import { printDataType } from '../sql/printer/data-type.js';

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



/**
 * Print a type the way Flink's `LogicalType.asSummaryString()` does (for TYPEOF and messages): the SQL
 * printer's form, except that RAW types hide their serializer snapshot.
 */
export function typeToString(t: DataType): string {
  if (t.kind === 'RAW') return `RAW('${t.className}', '...')${t.nullable ? '' : ' NOT NULL'}`;
  return printDataType(t);
}
