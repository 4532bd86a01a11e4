/**
 * The checks of a `quality()` declaration, one kind per dimension of seed 000's monitor:
 * completeness `notNull`, accuracy `rule`, consistency `unique`, timeliness `freshness`, conformity `matches` /
 * `inSet` / `length`. A check is plain data: its dimension, a name (the label in reports) and what the monitor
 * job evaluates. Column names are typed against the table (`QualityCheckBuilder<Cols>`).
 */
import type { ColumnExprs, DataType, Expr, StringRoot, TimestampRoot, TypeRoot, ValueOf } from '@flinkts/core';
import type { Duration } from './duration.js';

export const DIMENSIONS = ['completeness', 'accuracy', 'consistency', 'timeliness', 'conformity'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type Check =
  | { readonly dimension: 'completeness'; readonly kind: 'notNull'; readonly name: string; readonly column: string }
  | { readonly dimension: 'accuracy'; readonly kind: 'rule'; readonly name: string; readonly condition: Expr<'BOOLEAN', unknown, boolean> }
  | { readonly dimension: 'consistency'; readonly kind: 'unique'; readonly name: string; readonly keys: readonly string[] }
  | { readonly dimension: 'timeliness'; readonly kind: 'freshness'; readonly name: string; readonly column: string; readonly maxDelay: Duration }
  | { readonly dimension: 'conformity'; readonly kind: 'matches'; readonly name: string; readonly column: string; readonly regex: string }
  | { readonly dimension: 'conformity'; readonly kind: 'inSet'; readonly name: string; readonly column: string; readonly values: readonly (string | number | bigint | boolean)[] }
  | { readonly dimension: 'conformity'; readonly kind: 'length'; readonly name: string; readonly column: string; readonly min?: number; readonly max?: number };

export type CheckOf<D extends Dimension> = Extract<Check, { readonly dimension: D }>;

type KeysWithRoot<Cols, R extends TypeRoot> = { [K in keyof Cols]: Cols[K] extends { readonly __root: R } ? K : never }[keyof Cols] & string;
/** Columns whose type is CHAR / VARCHAR / STRING. */
export type StringColumn<Cols> = KeysWithRoot<Cols, StringRoot>;
/** Columns whose type is TIMESTAMP / TIMESTAMP_LTZ. */
export type TimeColumn<Cols> = KeysWithRoot<Cols, TimestampRoot>;
export type ColumnName<Cols> = keyof Cols & string;

/** The check factories, typed by the table's columns. */
export interface QualityCheckBuilder<Cols> {
  /** Completeness: the column is not NULL. */
  notNull(column: ColumnName<Cols>): CheckOf<'completeness'>;
  /** Accuracy: a business rule; a row passes when the condition is TRUE (FALSE and NULL fail). */
  rule(name: string, condition: (c: ColumnExprs<Cols>) => Expr<'BOOLEAN', unknown, boolean>): CheckOf<'accuracy'>;
  /** Consistency: no two rows of a window share these keys (each repeat is a failing row). */
  unique(...keys: [ColumnName<Cols>, ...ColumnName<Cols>[]]): CheckOf<'consistency'>;
  /** Timeliness: a row arrives at most `maxDelay` after its time column (measured when the monitor reads it). */
  freshness(column: TimeColumn<Cols>, maxDelay: Duration): CheckOf<'timeliness'>;
  /** Conformity: the text matches a Java regular expression (`REGEXP`); NULL passes (completeness counts it). */
  matches(column: StringColumn<Cols>, regex: string): CheckOf<'conformity'>;
  /** Conformity: the value is one of `values`; NULL passes. */
  inSet<K extends ColumnName<Cols>>(column: K, values: readonly NonNullable<ValueOf<Cols[K]>>[]): CheckOf<'conformity'>;
  /** Conformity: CHAR_LENGTH within [min, max]; NULL passes. */
  length(column: StringColumn<Cols>, bounds: { readonly min?: number; readonly max?: number }): CheckOf<'conformity'>;
}

/** The builder for a table with these column expressions (used by `quality()`). */
export function checkBuilder<Cols>(columns: ColumnExprs<Cols>): QualityCheckBuilder<Cols> {
  return Object.freeze({
    notNull: (column: string) => Object.freeze({ dimension: 'completeness' as const, kind: 'notNull' as const, name: `${column} not null`, column }),
    rule: (name: string, condition: (c: ColumnExprs<Cols>) => Expr<'BOOLEAN', unknown, boolean>) => Object.freeze({ dimension: 'accuracy' as const, kind: 'rule' as const, name, condition: condition(columns) }),
    unique: (...keys: string[]) => Object.freeze({ dimension: 'consistency' as const, kind: 'unique' as const, name: `unique (${keys.join(', ')})`, keys: Object.freeze([...keys]) }),
    freshness: (column: string, maxDelay: Duration) => Object.freeze({ dimension: 'timeliness' as const, kind: 'freshness' as const, name: `${column} within ${maxDelay}`, column, maxDelay }),
    matches: (column: string, regex: string) => Object.freeze({ dimension: 'conformity' as const, kind: 'matches' as const, name: `${column} matches ${regex}`, column, regex }),
    inSet: (column: string, values: readonly (string | number | bigint | boolean)[]) => Object.freeze({ dimension: 'conformity' as const, kind: 'inSet' as const, name: `${column} in set`, column, values: Object.freeze([...values]) }),
    length: (column: string, bounds: { readonly min?: number; readonly max?: number }) =>
      Object.freeze({ dimension: 'conformity' as const, kind: 'length' as const, name: `${column} length`, column, ...(bounds.min === undefined ? {} : { min: bounds.min }), ...(bounds.max === undefined ? {} : { max: bounds.max }) }),
  }) as unknown as QualityCheckBuilder<Cols>;
}

/** The column a check reads (for the declaration-time type checks). */
export function checkedColumns(check: Check): readonly string[] {
  switch (check.kind) {
    case 'rule': return [];
    case 'unique': return check.keys;
    default: return [check.column];
  }
}

export function isStringType(t: DataType | undefined): boolean {
  return t === undefined || t.kind === 'CHAR' || t.kind === 'VARCHAR';
}
