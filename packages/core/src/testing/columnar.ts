/**
 * A columnar fixture: a table's input given as one array per column (`columnar({ id: ids, amount: amounts })`),
 * the way a large generated fixture or one read from Arrow / Parquet is usually held. It is loaded once, as a
 * database loads a table: `columnar()` copies the columns (so changing the caller's arrays afterwards changes
 * nothing), and each column is checked and converted against its column type the first time a job reads it,
 * then kept for the next job that reads it with the same type. Every value is checked as a row's value is
 * (FTS7005 naming the entry and the column), the first time.
 *
 * The local engine hands the columns to the operators a run of rows at a time; an operator that reads columns
 * (a group aggregation folding updates, see GroupAggregateOperator) never makes a row per entry. Every entry is
 * an insert; the input is also an iterable of rows (objects keyed by column name), which is how the Flink engine
 * and any other reader see it.
 */
import type { DataType } from '../types/data-type.js';
import { argumentError } from '../diagnostics/arguments.js';
import { badInput } from '../runtime/errors.js';
import { typeToString } from '../runtime/types.js';

/** A column's values: an array or a typed array (`Int32Array`, `Float64Array`, …). */
export type ColumnValues = readonly unknown[] | ArrayLike<number> | ArrayLike<bigint>;

/** How one column's value is converted to the runtime's: the fast converter, else the full one (which throws). */
export interface ColumnConversion {
  readonly fast: (v: unknown) => unknown;
  readonly convert: (v: unknown, at: number) => unknown;
}

/** Typed arrays whose every element is already a runtime value of these column types (whole, in range, never -0). */
const EXACT_TYPED: readonly [new (n: number) => ArrayLike<number>, ReadonlySet<DataType['kind']>][] = [
  [Int8Array, new Set(['TINYINT', 'SMALLINT', 'INT', 'BIGINT'])],
  [Uint8Array, new Set(['SMALLINT', 'INT', 'BIGINT'])],
  [Int16Array, new Set(['SMALLINT', 'INT', 'BIGINT'])],
  [Uint16Array, new Set(['INT', 'BIGINT'])],
  [Int32Array, new Set(['INT', 'BIGINT'])],
  [Uint32Array, new Set(['BIGINT'])],
];

export class ColumnarInput implements Iterable<Readonly<Record<string, unknown>>> {
  /** The number of rows. */
  readonly length: number;
  private readonly columns: ReadonlyMap<string, ArrayLike<unknown>>;
  /** Columns converted for a column type (and zone, and whether NULL is refused), kept for the next job. */
  private readonly converted = new Map<string, ArrayLike<unknown>>();

  constructor(columns: Readonly<Record<string, ColumnValues>>) {
    if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) {
      throw argumentError('columnar()', 'columns', 'an object of columns, e.g. { id: [1, 2], name: [\'a\', \'b\'] }', columns);
    }
    const own = new Map<string, ArrayLike<unknown>>();
    let length: number | undefined;
    for (const [name, values] of Object.entries(columns)) {
      if (!isColumn(values)) throw argumentError('columnar()', `columns.${name}`, 'an array or a typed array of the column\'s values', values);
      if (length !== undefined && values.length !== length) {
        throw badInput({ kind: 'columnLengths', column: name, length: values.length, before: length });
      }
      length = values.length;
      // a copy: the caller's arrays may change after this, the loaded columns do not
      own.set(name, ArrayBuffer.isView(values) ? (values as unknown as { slice(): ArrayLike<unknown> }).slice() : Array.from(values as ArrayLike<unknown>));
    }
    this.columns = own;
    this.length = length ?? 0;
  }

  /** The names of the columns given. */
  get names(): readonly string[] {
    return [...this.columns.keys()];
  }

  /**
   * The column `name` as runtime values of `type` (all NULL when not given): checked and converted once per
   * type, zone and refusal of NULL (`notNull`, for a primary key column), whose message `nullMessage` gives.
   */
  runtimeColumn(name: string, type: DataType, zone: string, notNull: ((at: number) => never) | undefined, conversion: ColumnConversion): ArrayLike<unknown> {
    const key = `${name}\u0000${typeToString(type)}\u0000${zone}\u0000${notNull === undefined ? '' : 'key'}`;
    let col = this.converted.get(key);
    if (col === undefined) {
      const values = this.columns.get(name);
      if (values === undefined) {
        if (notNull !== undefined && this.length > 0) notNull(0);
        col = new Array<unknown>(this.length).fill(null);
      } else col = convertColumn(values, type, notNull, conversion);
      this.converted.set(key, col);
    }
    return col;
  }

  /** Row `i` as an object keyed by column name. */
  rowAt(i: number): Record<string, unknown> {
    const row: Record<string, unknown> = {};
    for (const [name, values] of this.columns) row[name] = values[i];
    return row;
  }

  *[Symbol.iterator](): Iterator<Readonly<Record<string, unknown>>> {
    for (let i = 0; i < this.length; i++) yield this.rowAt(i);
  }
}

function isColumn(v: unknown): v is ArrayLike<unknown> {
  if (Array.isArray(v)) return true;
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

/** One column checked and converted; the column itself when every value is held as it is. */
function convertColumn(values: ArrayLike<unknown>, type: DataType, notNull: ((at: number) => never) | undefined, c: ColumnConversion): ArrayLike<unknown> {
  if (EXACT_TYPED.some(([kind, types]) => values instanceof kind && types.has(type.kind))) return values;
  const n = values.length;
  const fast = c.fast;
  let out: unknown[] | undefined;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let x = fast(v);
    if (x === undefined) x = c.convert(v, i);
    if (x === null && notNull !== undefined) notNull(i);
    // (a -0 converts to 0, which === does not tell apart)
    if (out === undefined && (x !== v || (x === 0 && Object.is(v, -0)))) out = Array.from({ length: n }, (_, j) => (j < i ? values[j] : null));
    if (out !== undefined) out[i] = x;
  }
  const col = out ?? values;
  return INT_KINDS.has(type.kind) ? asInt32(col) ?? col : col;
}

/** Integer column types whose runtime values are numbers (a BIGINT may also be a bigint: values/bigint.ts). */
const INT_KINDS: ReadonlySet<DataType['kind']> = new Set(['TINYINT', 'SMALLINT', 'INT', 'BIGINT']);

/**
 * The column as an Int32Array when every value is a whole number in 32 bits (no NULL, no bigint): the same
 * values (an Int32Array holds no -0, and the converted values hold none either) in half the memory of an array
 * of numbers, so an operator reading a million of them reads 4 MB instead of 8.
 */
function asInt32(col: ArrayLike<unknown>): Int32Array | undefined {
  const n = col.length;
  for (let i = 0; i < n; i++) {
    const v = col[i];
    if (typeof v !== 'number' || (v | 0) !== v) return undefined;
  }
  return Int32Array.from(col as ArrayLike<number>);
}

/**
 * A table's input as columns, loaded once: `inputs: { events: columnar({ id: ids, user_id: userIds }) }`. Each
 * column is an array or a typed array, all of one length; a column of the table that is not given is NULL. The
 * columns are copied, then checked against the table's column types when a job first reads them.
 */
export function columnar(columns: Readonly<Record<string, ColumnValues>>): ColumnarInput {
  return new ColumnarInput(columns);
}

/** Whether an input is a columnar fixture. */
export function isColumnarInput(v: unknown): v is ColumnarInput {
  return v instanceof ColumnarInput;
}
