/**
 * Type-level helpers for the builders. Kept to lookup tables and one-level conditionals so that the editor
 * stays fast (no recursion, no template-literal parsing).
 */
import type { TypeRoot } from '../types/data-type.js';

export type NumericRoot = 'TINYINT' | 'SMALLINT' | 'INT' | 'BIGINT' | 'DECIMAL' | 'FLOAT' | 'DOUBLE';
export type StringRoot = 'CHAR' | 'VARCHAR';
export type TimestampRoot = 'TIMESTAMP' | 'TIMESTAMP_LTZ';
export type IntervalRoot = 'INTERVAL_YEAR_MONTH' | 'INTERVAL_DAY_TIME';
export type TemporalRoot = 'DATE' | 'TIME' | TimestampRoot;

/** Roots Flink compares with each other without an explicit CAST. */
interface ComparableMap {
  CHAR: StringRoot;
  VARCHAR: StringRoot;
  BOOLEAN: 'BOOLEAN';
  BINARY: 'BINARY' | 'VARBINARY';
  VARBINARY: 'BINARY' | 'VARBINARY';
  DECIMAL: NumericRoot;
  TINYINT: NumericRoot;
  SMALLINT: NumericRoot;
  INT: NumericRoot;
  BIGINT: NumericRoot;
  FLOAT: NumericRoot;
  DOUBLE: NumericRoot;
  DATE: 'DATE';
  TIME: 'TIME';
  TIMESTAMP: TimestampRoot;
  TIMESTAMP_LTZ: TimestampRoot;
  INTERVAL_YEAR_MONTH: 'INTERVAL_YEAR_MONTH';
  INTERVAL_DAY_TIME: 'INTERVAL_DAY_TIME';
  ARRAY: 'ARRAY';
  MULTISET: 'MULTISET';
  MAP: 'MAP';
  ROW: 'ROW';
  RAW: 'RAW';
  NULL: TypeRoot;
}
export type ComparableRoot<R extends TypeRoot> = ComparableMap[R] | 'NULL';

/** The TypeScript literal a root accepts directly (turned into a SQL literal). */
interface LiteralMap {
  CHAR: string;
  VARCHAR: string;
  BOOLEAN: boolean;
  DECIMAL: number | bigint;
  TINYINT: number;
  SMALLINT: number;
  INT: number;
  BIGINT: number | bigint;
  FLOAT: number;
  DOUBLE: number;
}
export type LiteralFor<R extends TypeRoot> = R extends keyof LiteralMap ? LiteralMap[R] : never;

/** For each numeric root, the roots at least as wide (TINYINT < SMALLINT < INT < BIGINT < DECIMAL < FLOAT < DOUBLE). */
interface AtLeast {
  TINYINT: NumericRoot;
  SMALLINT: 'SMALLINT' | 'INT' | 'BIGINT' | 'DECIMAL' | 'FLOAT' | 'DOUBLE';
  INT: 'INT' | 'BIGINT' | 'DECIMAL' | 'FLOAT' | 'DOUBLE';
  BIGINT: 'BIGINT' | 'DECIMAL' | 'FLOAT' | 'DOUBLE';
  DECIMAL: 'DECIMAL' | 'FLOAT' | 'DOUBLE';
  FLOAT: 'FLOAT' | 'DOUBLE';
  DOUBLE: 'DOUBLE';
}
/** The wider of two numeric roots (arithmetic result root); a non-numeric `A` (temporal ± interval) stays `A`. */
export type WiderNumeric<A extends TypeRoot, B extends TypeRoot> = A extends keyof AtLeast ? (B extends AtLeast[A] ? B : A) : A;

/** `true` if either flag is `true` (nullable if any operand is nullable). */
export type Or<A extends boolean, B extends boolean> = A extends true ? true : B;

/** The TypeScript value type of a root without parameters (for literal-only inference). */
export interface RootValue {
  CHAR: string; VARCHAR: string; BOOLEAN: boolean; BINARY: Uint8Array; VARBINARY: Uint8Array; DECIMAL: string;
  TINYINT: number; SMALLINT: number; INT: number; BIGINT: bigint; FLOAT: number; DOUBLE: number; DATE: string;
  TIME: string; TIMESTAMP: string; TIMESTAMP_LTZ: string; INTERVAL_YEAR_MONTH: number; INTERVAL_DAY_TIME: bigint;
  ARRAY: readonly unknown[]; MULTISET: ReadonlyMap<unknown, number>; MAP: ReadonlyMap<unknown, unknown>;
  ROW: Readonly<Record<string, unknown>>; RAW: unknown; NULL: null;
}

/** The keys of columns `Cols` whose type is TIMESTAMP or TIMESTAMP_LTZ (time attribute candidates). */
export type TimeColumnKeys<Cols> = { [K in keyof Cols]: Cols[K] extends { readonly __root: TimestampRoot } ? K : never }[keyof Cols] & string;
