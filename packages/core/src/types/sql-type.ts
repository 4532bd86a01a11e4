/**
 * Typed Flink data types for builders: `t.int()`, `t.decimal(10, 2).notNull()`, `t.array(t.string())`, …
 *
 * A `SqlType<R, V, N>` carries the `DataType` AST node plus, at the type level only, its root `R`, the
 * TypeScript value type `V` and its nullability `N`. TypeScript value types keep values exact:
 *
 * | Flink type | TypeScript value |
 * |---|---|
 * | TINYINT, SMALLINT, INT, FLOAT, DOUBLE | `number` |
 * | BIGINT | `bigint` (exact beyond 2^53) |
 * | DECIMAL(p, s) | `string` — the exact decimal text, e.g. `'12.340'` |
 * | CHAR, VARCHAR, STRING | `string` |
 * | BOOLEAN | `boolean` |
 * | BINARY, VARBINARY, BYTES | `Uint8Array` |
 * | DATE | `string` `'YYYY-MM-DD'` |
 * | TIME(p) | `string` `'HH:mm:ss[.fff]'` |
 * | TIMESTAMP(p) | `string` `'YYYY-MM-DD HH:mm:ss[.fffffffff]'` (all 9 fraction digits kept) |
 * | TIMESTAMP_LTZ(p) | `string` — an ISO-8601 instant `'2024-01-01T00:00:00.123Z'` |
 * | INTERVAL YEAR TO MONTH | `number` (months) |
 * | INTERVAL DAY TO SECOND | `bigint` (milliseconds) |
 * | ARRAY<T> | `readonly T[]` |
 * | MAP<K, V> | `ReadonlyMap<K, V>` |
 * | MULTISET<T> | `ReadonlyMap<T, number>` (element → count) |
 * | ROW<…> | an object with one property per field |
 *
 * A nullable type's value is `V | null`.
 */
import type { DataType, DayTimeResolution, RowField, TypeRoot, YearMonthResolution } from './data-type.js';
import {
  DECIMAL_DEFAULT_PRECISION, DECIMAL_DEFAULT_SCALE, INTERVAL_DEFAULT_DAY_PRECISION,
  INTERVAL_DEFAULT_FRACTIONAL_PRECISION, INTERVAL_DEFAULT_YEAR_PRECISION, MAX_LENGTH, TIME_DEFAULT_PRECISION,
  TIMESTAMP_DEFAULT_PRECISION, TYPE_ROOTS, DAY_TIME_RESOLUTIONS, YEAR_MONTH_RESOLUTIONS,
} from './data-type.js';
import { FlinktsError } from '../diagnostics/diagnostic.js';
import { argumentError, checkNode, checkOneOf } from '../diagnostics/arguments.js';
import { typeProblem } from './type-limits.js';

const TYPE_ROOT_SET: ReadonlySet<string> = new Set(TYPE_ROOTS);

/** A Flink data type usable in builders. `R` root, `V` TypeScript value (without null), `N` nullable. */
export class SqlType<R extends TypeRoot = TypeRoot, V = unknown, N extends boolean = boolean> {
  declare readonly __root: R;
  declare readonly __value: V;
  declare readonly __nullable: N;
  readonly node: DataType;

  constructor(node: DataType) {
    this.node = Object.freeze(checkNode<DataType>('new SqlType()', 'node', node, 'a data type node (build types with t.*)', TYPE_ROOT_SET));
    Object.freeze(this);
  }

  /** The same type with `NOT NULL`. */
  notNull(): SqlType<R, V, false> {
    return new SqlType<R, V, false>({ ...this.node, nullable: false } as DataType);
  }

  /** The same type, nullable (the default). */
  nullable(): SqlType<R, V, true> {
    return new SqlType<R, V, true>({ ...this.node, nullable: true } as DataType);
  }
}

/** The node of a type argument (`cast(x, t.int())`, a column type); anything else is FTS2305 naming the call. */
export function checkType(call: string, argument: string, type: unknown): DataType {
  if (type instanceof SqlType) return type.node;
  throw argumentError(call, argument, 'a Flink type such as t.int() or t.decimal(10, 2)', type, "build types with t.* (t.string(), t.timestamp(3), t.row({ … }))");
}

/** The TypeScript value of a type, including `null` when it is nullable. */
export type ValueOf<T> = T extends SqlType<TypeRoot, infer V, infer N> ? (N extends false ? V : V | null) : never;

export type AnySqlType = SqlType<TypeRoot, unknown, boolean>;

type Row<F extends Record<string, AnySqlType>> = { readonly [K in keyof F]: ValueOf<F[K]> };

/** Every built type is checked against Flink's limits in one place (`typeProblem`, which the parser uses too). */
function mk<R extends TypeRoot, V>(node: DataType): SqlType<R, V, true> {
  const problem = typeProblem(node);
  if (problem !== undefined) throw new FlinktsError([{ code: problem.code, severity: 'error', message: problem.message, hint: problem.hint }]);
  return new SqlType<R, V, true>(node);
}

/** Builders for every Flink 1.20 SQL data type. Every type is nullable until `.notNull()`. */
export const t = {
  char: (n = 1) => mk<'CHAR', string>({ kind: 'CHAR', length: n, nullable: true }),
  varchar: (n = 1) => mk<'VARCHAR', string>({ kind: 'VARCHAR', length: n, nullable: true }),
  /** `STRING` = `VARCHAR(2147483647)`. */
  string: () => mk<'VARCHAR', string>({ kind: 'VARCHAR', length: MAX_LENGTH, nullable: true }),
  boolean: () => mk<'BOOLEAN', boolean>({ kind: 'BOOLEAN', nullable: true }),
  binary: (n = 1) => mk<'BINARY', Uint8Array>({ kind: 'BINARY', length: n, nullable: true }),
  varbinary: (n = 1) => mk<'VARBINARY', Uint8Array>({ kind: 'VARBINARY', length: n, nullable: true }),
  /** `BYTES` = `VARBINARY(2147483647)`. */
  bytes: () => mk<'VARBINARY', Uint8Array>({ kind: 'VARBINARY', length: MAX_LENGTH, nullable: true }),
  decimal: (precision = DECIMAL_DEFAULT_PRECISION, scale = DECIMAL_DEFAULT_SCALE) => mk<'DECIMAL', string>({ kind: 'DECIMAL', precision, scale, nullable: true }),
  tinyint: () => mk<'TINYINT', number>({ kind: 'TINYINT', nullable: true }),
  smallint: () => mk<'SMALLINT', number>({ kind: 'SMALLINT', nullable: true }),
  int: () => mk<'INT', number>({ kind: 'INT', nullable: true }),
  bigint: () => mk<'BIGINT', bigint>({ kind: 'BIGINT', nullable: true }),
  float: () => mk<'FLOAT', number>({ kind: 'FLOAT', nullable: true }),
  double: () => mk<'DOUBLE', number>({ kind: 'DOUBLE', nullable: true }),
  date: () => mk<'DATE', string>({ kind: 'DATE', nullable: true }),
  time: (p = TIME_DEFAULT_PRECISION) => mk<'TIME', string>({ kind: 'TIME', precision: p, nullable: true }),
  timestamp: (p = TIMESTAMP_DEFAULT_PRECISION) => mk<'TIMESTAMP', string>({ kind: 'TIMESTAMP', precision: p, nullable: true }),
  timestampLtz: (p = TIMESTAMP_DEFAULT_PRECISION) => mk<'TIMESTAMP_LTZ', string>({ kind: 'TIMESTAMP_LTZ', precision: p, nullable: true }),
  intervalYearMonth: (resolution: YearMonthResolution = 'YEAR_TO_MONTH', yearPrecision = INTERVAL_DEFAULT_YEAR_PRECISION) =>
    mk<'INTERVAL_YEAR_MONTH', number>({ kind: 'INTERVAL_YEAR_MONTH', resolution: checkOneOf('t.intervalYearMonth()', 'resolution', resolution, YEAR_MONTH_RESOLUTIONS), yearPrecision, nullable: true }),
  intervalDayTime: (resolution: DayTimeResolution = 'DAY_TO_SECOND', dayPrecision = INTERVAL_DEFAULT_DAY_PRECISION, fractionalPrecision = INTERVAL_DEFAULT_FRACTIONAL_PRECISION) =>
    mk<'INTERVAL_DAY_TIME', bigint>({
      kind: 'INTERVAL_DAY_TIME',
      resolution: checkOneOf('t.intervalDayTime()', 'resolution', resolution, DAY_TIME_RESOLUTIONS),
      dayPrecision,
      fractionalPrecision,
      nullable: true,
    }),
  array: <E extends AnySqlType>(element: E) => mk<'ARRAY', readonly ValueOf<E>[]>({ kind: 'ARRAY', element: checkType('t.array()', 'element', element), nullable: true }),
  multiset: <E extends AnySqlType>(element: E) => mk<'MULTISET', ReadonlyMap<ValueOf<E>, number>>({ kind: 'MULTISET', element: checkType('t.multiset()', 'element', element), nullable: true }),
  map: <K extends AnySqlType, W extends AnySqlType>(key: K, value: W) =>
    mk<'MAP', ReadonlyMap<ValueOf<K>, ValueOf<W>>>({ kind: 'MAP', key: checkType('t.map()', 'key', key), value: checkType('t.map()', 'value', value), nullable: true }),
  row: <F extends Record<string, AnySqlType>>(fields: F, descriptions: { readonly [K in keyof F]?: string } = {}) => {
    if (fields === null || typeof fields !== 'object') throw argumentError('t.row()', 'fields', 'an object of field types', fields);
    const list: RowField[] = Object.entries(fields).map(([name, type]) => {
      const description = descriptions[name];
      const node = checkType('t.row()', `fields.${name}`, type);
      return description === undefined ? { name, type: node } : { name, type: node, description };
    });
    return mk<'ROW', Row<F>>({ kind: 'ROW', fields: list, nullable: true });
  },
  raw: (className: string, snapshot: string) => mk<'RAW', unknown>({ kind: 'RAW', className, snapshot, nullable: true }),
} as const;

/** Wrap an existing `DataType` node (e.g. from the parser) as an untyped `SqlType`. */
export function sqlType(node: DataType): AnySqlType {
  return new SqlType(node);
}
