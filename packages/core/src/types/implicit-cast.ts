/**
 * Flink's implicit cast rules (LogicalTypeCasts.supportsImplicitCast), used by INSERT INTO: a value of one
 * type root may go into a sink column of another only when this table allows it. Precision and length are not
 * compared (they are checked at run time), and nullability is ignored at planning time.
 * Source: data-types.md §3 of the Flink 1.20 reference. Single-field interval rules are folded into the
 * interval roots.
 */
import type { DataType, TypeRoot } from './data-type.js';

const NUMERIC_WIDER = {
  TINYINT: ['TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'DECIMAL', 'FLOAT', 'DOUBLE'],
  SMALLINT: ['SMALLINT', 'INT', 'BIGINT', 'DECIMAL', 'FLOAT', 'DOUBLE'],
  INT: ['INT', 'BIGINT', 'DECIMAL', 'FLOAT', 'DOUBLE'],
  BIGINT: ['BIGINT', 'DECIMAL', 'FLOAT', 'DOUBLE'],
  DECIMAL: ['DECIMAL', 'FLOAT', 'DOUBLE'],
  FLOAT: ['FLOAT', 'DOUBLE', 'DECIMAL'],
  DOUBLE: ['DOUBLE', 'DECIMAL'],
} as const;

/** For each source root, the sink roots it converts to implicitly. */
export const IMPLICIT_CASTS = {
  CHAR: ['CHAR', 'VARCHAR'],
  VARCHAR: ['VARCHAR'],
  BOOLEAN: ['BOOLEAN'],
  BINARY: ['BINARY', 'VARBINARY'],
  VARBINARY: ['VARBINARY'],
  ...NUMERIC_WIDER,
  DATE: ['DATE'],
  TIME: ['TIME'],
  TIMESTAMP: ['TIMESTAMP', 'TIMESTAMP_LTZ', 'DATE', 'TIME'],
  TIMESTAMP_LTZ: ['TIMESTAMP_LTZ', 'TIMESTAMP'],
  INTERVAL_YEAR_MONTH: ['INTERVAL_YEAR_MONTH'],
  INTERVAL_DAY_TIME: ['INTERVAL_DAY_TIME'],
  ARRAY: ['ARRAY'],
  MULTISET: ['MULTISET'],
  MAP: ['MAP'],
  ROW: ['ROW'],
  RAW: ['RAW'],
  NULL: [
    'CHAR', 'VARCHAR', 'BOOLEAN', 'BINARY', 'VARBINARY', 'DECIMAL', 'TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT',
    'DOUBLE', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ', 'INTERVAL_YEAR_MONTH', 'INTERVAL_DAY_TIME', 'ARRAY',
    'MULTISET', 'MAP', 'ROW', 'RAW', 'NULL',
  ],
} as const satisfies Record<TypeRoot, readonly TypeRoot[]>;

/** Type level: whether a `From` root converts implicitly into a `To` root. */
export type ImplicitlyCastable<From extends TypeRoot, To extends TypeRoot> = To extends (typeof IMPLICIT_CASTS)[From][number] ? true : false;

/**
 * Whether a value of `from` can be written into a column of `to` without an explicit CAST. Constructed types
 * (ARRAY, MULTISET, MAP, ROW) need every child pair to be implicitly castable.
 */
export function supportsImplicitCast(from: DataType, to: DataType): boolean {
  if (!(IMPLICIT_CASTS[from.kind] as readonly TypeRoot[]).includes(to.kind)) return false;
  if (from.kind === 'ARRAY' && to.kind === 'ARRAY') return supportsImplicitCast(from.element, to.element);
  if (from.kind === 'MULTISET' && to.kind === 'MULTISET') return supportsImplicitCast(from.element, to.element);
  if (from.kind === 'MAP' && to.kind === 'MAP') return supportsImplicitCast(from.key, to.key) && supportsImplicitCast(from.value, to.value);
  if (from.kind === 'ROW' && to.kind === 'ROW') {
    return from.fields.length === to.fields.length && from.fields.every((f, i) => supportsImplicitCast(f.type, to.fields[i]!.type));
  }
  return true;
}
