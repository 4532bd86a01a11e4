/**
 * Flink 1.20 SQL data types as AST nodes (the `DataType` family).
 *
 * Every node has `kind` (its type root) and `nullable`. Parameters are always explicit on the node
 * (`VARCHAR` alone is stored as length 1, `STRING` as length 2147483647, `DECIMAL` as 10,0, `TIMESTAMP` as 6),
 * so two equal types are structurally equal. Ranges and defaults follow Flink's `*Type.java` constants.
 */
import type { NodeBase } from '../ast/node.js';

export const MAX_LENGTH = 2147483647;
export const DECIMAL_MAX_PRECISION = 38;
export const DECIMAL_DEFAULT_PRECISION = 10;
export const DECIMAL_DEFAULT_SCALE = 0;
export const TIME_DEFAULT_PRECISION = 0;
export const TIMESTAMP_DEFAULT_PRECISION = 6;
export const TIMESTAMP_MAX_PRECISION = 9;
export const INTERVAL_DEFAULT_YEAR_PRECISION = 2;
export const INTERVAL_DEFAULT_DAY_PRECISION = 2;
export const INTERVAL_DEFAULT_FRACTIONAL_PRECISION = 6;

interface TypeBase extends NodeBase {
  /** `false` when declared `NOT NULL`. Every type is nullable by default. */
  readonly nullable: boolean;
}

export interface CharType extends TypeBase { readonly kind: 'CHAR'; readonly length: number }
/** `STRING` is `VARCHAR(2147483647)`. */
export interface VarCharType extends TypeBase { readonly kind: 'VARCHAR'; readonly length: number }
export interface BooleanType extends TypeBase { readonly kind: 'BOOLEAN' }
export interface BinaryType extends TypeBase { readonly kind: 'BINARY'; readonly length: number }
/** `BYTES` is `VARBINARY(2147483647)`. */
export interface VarBinaryType extends TypeBase { readonly kind: 'VARBINARY'; readonly length: number }
export interface DecimalType extends TypeBase { readonly kind: 'DECIMAL'; readonly precision: number; readonly scale: number }
export interface TinyIntType extends TypeBase { readonly kind: 'TINYINT' }
export interface SmallIntType extends TypeBase { readonly kind: 'SMALLINT' }
export interface IntType extends TypeBase { readonly kind: 'INT' }
export interface BigIntType extends TypeBase { readonly kind: 'BIGINT' }
export interface FloatType extends TypeBase { readonly kind: 'FLOAT' }
export interface DoubleType extends TypeBase { readonly kind: 'DOUBLE' }
export interface DateType extends TypeBase { readonly kind: 'DATE' }
export interface TimeType extends TypeBase { readonly kind: 'TIME'; readonly precision: number }
/** TIMESTAMP WITHOUT TIME ZONE. */
export interface TimestampType extends TypeBase { readonly kind: 'TIMESTAMP'; readonly precision: number }
/** TIMESTAMP WITH LOCAL TIME ZONE (`TIMESTAMP_LTZ`). */
export interface TimestampLtzType extends TypeBase { readonly kind: 'TIMESTAMP_LTZ'; readonly precision: number }

export const YEAR_MONTH_RESOLUTIONS = ['YEAR', 'YEAR_TO_MONTH', 'MONTH'] as const;
export type YearMonthResolution = typeof YEAR_MONTH_RESOLUTIONS[number];
export interface IntervalYearMonthType extends TypeBase {
  readonly kind: 'INTERVAL_YEAR_MONTH';
  readonly resolution: YearMonthResolution;
  /** Year digits, 1..4 (default 2). */
  readonly yearPrecision: number;
}

export const DAY_TIME_RESOLUTIONS = [
  'DAY', 'DAY_TO_HOUR', 'DAY_TO_MINUTE', 'DAY_TO_SECOND', 'HOUR', 'HOUR_TO_MINUTE', 'HOUR_TO_SECOND', 'MINUTE', 'MINUTE_TO_SECOND', 'SECOND',
] as const;
export type DayTimeResolution = typeof DAY_TIME_RESOLUTIONS[number];
export interface IntervalDayTimeType extends TypeBase {
  readonly kind: 'INTERVAL_DAY_TIME';
  readonly resolution: DayTimeResolution;
  /** Day digits, 1..6 (default 2). */
  readonly dayPrecision: number;
  /** Fractional second digits, 0..9 (default 6). */
  readonly fractionalPrecision: number;
}

export interface ArrayType extends TypeBase { readonly kind: 'ARRAY'; readonly element: DataType }
export interface MultisetType extends TypeBase { readonly kind: 'MULTISET'; readonly element: DataType }
export interface MapType extends TypeBase { readonly kind: 'MAP'; readonly key: DataType; readonly value: DataType }
export interface RowField {
  readonly name: string;
  readonly type: DataType;
  readonly description?: string;
}
export interface RowType extends TypeBase { readonly kind: 'ROW'; readonly fields: readonly RowField[] }
export interface RawType extends TypeBase { readonly kind: 'RAW'; readonly className: string; readonly snapshot: string }
/** The type of an untyped `NULL` literal. Never declared by users. */
export interface NullType extends TypeBase { readonly kind: 'NULL' }

export type DataType =
  | CharType
  | VarCharType
  | BooleanType
  | BinaryType
  | VarBinaryType
  | DecimalType
  | TinyIntType
  | SmallIntType
  | IntType
  | BigIntType
  | FloatType
  | DoubleType
  | DateType
  | TimeType
  | TimestampType
  | TimestampLtzType
  | IntervalYearMonthType
  | IntervalDayTimeType
  | ArrayType
  | MultisetType
  | MapType
  | RowType
  | RawType
  | NullType;

/** The type root (`LogicalTypeRoot` in Flink), i.e. the `kind` of a `DataType`. */
export type TypeRoot = DataType['kind'];

export const TYPE_ROOTS: readonly TypeRoot[] = [
  'CHAR', 'VARCHAR', 'BOOLEAN', 'BINARY', 'VARBINARY', 'DECIMAL', 'TINYINT', 'SMALLINT', 'INT', 'BIGINT',
  'FLOAT', 'DOUBLE', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ', 'INTERVAL_YEAR_MONTH', 'INTERVAL_DAY_TIME',
  'ARRAY', 'MULTISET', 'MAP', 'ROW', 'RAW', 'NULL',
];
