/**
 * Small facts about `DataType` nodes shared by the builders' type logic, the analyzer and the runtime: a copy
 * with another nullability, and the type-root families (Flink's LogicalTypeFamily) by name.
 */
import type { DataType, TypeRoot } from './data-type.js';

/** `t` with the given nullability (the same node when it already has it). */
export function withNullable<D extends DataType>(t: D, nullable: boolean): D {
  return t.nullable === nullable ? t : { ...t, nullable };
}

const INTEGRAL: readonly TypeRoot[] = ['TINYINT', 'SMALLINT', 'INT', 'BIGINT'];
export const isIntegral = (t: DataType): boolean => INTEGRAL.includes(t.kind);
/** TINYINT … BIGINT and DECIMAL. */
export const isExactNumeric = (t: DataType): boolean => isIntegral(t) || t.kind === 'DECIMAL';
export const isApprox = (t: DataType): boolean => t.kind === 'FLOAT' || t.kind === 'DOUBLE';
export const isNumeric = (t: DataType): boolean => isExactNumeric(t) || isApprox(t);
export const isCharacter = (t: DataType): boolean => t.kind === 'CHAR' || t.kind === 'VARCHAR';
export const isBinary = (t: DataType): boolean => t.kind === 'BINARY' || t.kind === 'VARBINARY';
export const isTimestamp = (t: DataType): boolean => t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ';
export const isDatetime = (t: DataType): boolean => t.kind === 'DATE' || t.kind === 'TIME' || isTimestamp(t);
export const isInterval = (t: DataType): boolean => t.kind === 'INTERVAL_DAY_TIME' || t.kind === 'INTERVAL_YEAR_MONTH';
