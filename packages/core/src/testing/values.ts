/**
 * Friendly JavaScript values in and out of the local runtime: tests write `42`, `'12.50'`, `'2024-01-01 10:00:00'`
 * or a `Date`; results come back as numbers, strings (DECIMAL, temporal values, as Flink prints them) and
 * booleans, so they compare easily.
 */
import type { DataType } from '../types/data-type.js';
import type { FixturePlace } from '../runtime/bad-input.js';
import { nestedPlace } from '../runtime/bad-input.js';
import { generatedFunction } from '../runtime/generated-code.js';
import { Decimal } from '../runtime/values/decimal.js';
import { renderValue } from '../runtime/values/render.js';
import { Timestamp } from '../runtime/values/temporal.js';
import { fixtureValue } from './oracle/fixture-values.js';
import { checkFixtureValue, fail } from './fixture-check.js';

export function toRuntimeValue(v: unknown, t: DataType, zone: string, where: FixturePlace): unknown {
  if (v === null || v === undefined) return null;
  checkFixtureValue(v, t, where);
  try {
    if (v instanceof Date) {
      if (t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') return new Timestamp(v.getTime()).truncate(t.precision);
      if (t.kind === 'DATE') return Math.floor(v.getTime() / 86_400_000);
    }
    if (t.kind === 'BIGINT' && typeof v === 'number') {
      if (!Number.isSafeInteger(v)) fail(where, t, v, 'not an exact JavaScript integer', 'pass a bigint or a string for large BIGINT values');
      return v + 0; // the runtime holds a safe-integer BIGINT as a number (runtime/values/bigint.ts)
    }
    if (t.kind === 'DECIMAL' && typeof v === 'number') {
      const d = Decimal.fromNumber(v);
      if (!d || !d.fits(t.precision, t.scale)) return fail(where, t, v, 'it does not fit');
      return d.setScale(t.scale);
    }
    if ((t.kind === 'INT' || t.kind === 'SMALLINT' || t.kind === 'TINYINT') && typeof v !== 'number' && typeof v !== 'string') {
      fail(where, t, v, 'expected a number');
    }
    if ((t.kind === 'CHAR' || t.kind === 'VARCHAR') && typeof v !== 'string') fail(where, t, v, 'expected a string');
    if (t.kind === 'ROW' && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return t.fields.map((f) => toRuntimeValue(o[f.name], f.type, zone, nestedPlace(where, f.name)));
    }
    if (t.kind === 'ARRAY' && Array.isArray(v)) return v.map((x, i) => toRuntimeValue(x, t.element, zone, nestedPlace(where, `[${i}]`)));
    if (t.kind === 'MAP' && v instanceof Map) {
      const m = new Map<unknown, unknown>();
      for (const [k, x] of v) m.set(toRuntimeValue(k, t.key, zone, where), toRuntimeValue(x, t.value, zone, where));
      return m;
    }
  } catch (e) {
    if (e instanceof Error && e.name === 'FlinktsError') throw e;
    return fail(where, t, v, 'it cannot be read as one');
  }
  // the text reader's own errors name no row: this one names the row and the column
  try {
    return fixtureValue(v, t, zone);
  } catch {
    return fail(where, t, v, 'it cannot be read as one');
  }
}

/** Converts the common test values of one column type inline; `undefined` (never a runtime value) for any other value. */
export type FastConverter = (v: unknown) => unknown;

const INT_RANGES: Readonly<Partial<Record<DataType['kind'], readonly [number, number]>>> = {
  TINYINT: [-128, 127], SMALLINT: [-32768, 32767], INT: [-2147483648, 2147483647],
};

/**
 * The values tests write most — numbers for numeric columns, strings for character columns, booleans, NULL —
 * converted to exactly what `toRuntimeValue` gives them, without its checks' allocations (a fixture of a
 * million rows should cost about what the job does); `undefined` for every other value.
 */
export function fastConverter(t: DataType): FastConverter {
  const intRange = INT_RANGES[t.kind];
  if (intRange !== undefined) {
    const [lo, hi] = intRange;
    return (v) => (typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v + 0 : v === null || v === undefined ? null : undefined);
  }
  switch (t.kind) {
    // a safe integer stays the number it is: the runtime holds such a BIGINT as a number (runtime/values/bigint.ts)
    case 'BIGINT': return (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? v + 0 : v === null || v === undefined ? null : undefined);
    case 'DOUBLE': return (v) => (typeof v === 'number' && Number.isFinite(v) ? v + 0 : v === null || v === undefined ? null : undefined);
    case 'CHAR': case 'VARCHAR': return (v) => (typeof v === 'string' ? v : v === null || v === undefined ? null : undefined);
    case 'BOOLEAN': return (v) => (typeof v === 'boolean' ? v : v === null || v === undefined ? null : undefined);
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': {
      const p = t.precision;
      // a Date holds whole milliseconds: nothing to truncate at precision 3 and above
      if (p >= 3) {
        return (v) => {
          if (!(v instanceof Date)) return v === null || v === undefined ? null : undefined;
          const ms = v.getTime();
          return ms === ms ? new Timestamp(ms) : undefined;
        };
      }
      return (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? new Timestamp(v.getTime()).truncate(p) : v === null || v === undefined ? null : undefined);
    }
    default: return (v) => (v === null || v === undefined ? null : undefined);
  }
}

/** What `usableAsIs` accepts in a column: the values `fastConverter` gives back unchanged. */
const AS_IS_NULL_ONLY = 0;
const AS_IS_INT = 1;
const AS_IS_BIGINT = 2;
const AS_IS_DOUBLE = 3;
const AS_IS_STRING = 4;
const AS_IS_BOOLEAN = 5;

function asIsCode(t: DataType): number {
  switch (t.kind) {
    case 'TINYINT': case 'SMALLINT': case 'INT': return AS_IS_INT;
    case 'BIGINT': return AS_IS_BIGINT;
    case 'DOUBLE': return AS_IS_DOUBLE;
    case 'CHAR': case 'VARCHAR': return AS_IS_STRING;
    case 'BOOLEAN': return AS_IS_BOOLEAN;
    default: return AS_IS_NULL_ONLY;
  }
}

/**
 * Whether a test row (an array of one value per column) is already the runtime's row: every value is NULL or one
 * that `fastConverter` gives back as it is (not -0, which converts to 0). One loop over the row without a call
 * per value, so a large fixture of plain values costs a type check per value; any other row is converted.
 */
export function usableAsIs(types: readonly DataType[]): (row: readonly unknown[]) => boolean {
  const codes = Int8Array.from(types.map(asIsCode));
  const lo = types.map((t) => INT_RANGES[t.kind]?.[0] ?? 0);
  const hi = types.map((t) => INT_RANGES[t.kind]?.[1] ?? 0);
  const n = codes.length;
  return (row) => {
    if (row.length !== n) return false;
    for (let i = 0; i < n; i++) {
      const v = row[i];
      if (v === null) continue;
      switch (codes[i]) {
        case AS_IS_INT:
          if (typeof v === 'number' && Number.isInteger(v) && v >= (lo[i] as number) && v <= (hi[i] as number) && (v !== 0 || 1 / v > 0)) continue;
          return false;
        case AS_IS_BIGINT:
          if (typeof v === 'number' && Number.isSafeInteger(v) && (v !== 0 || 1 / v > 0)) continue;
          return false;
        case AS_IS_DOUBLE:
          if (typeof v === 'number' && Number.isFinite(v) && (v !== 0 || 1 / v > 0)) continue;
          return false;
        case AS_IS_STRING:
          if (typeof v === 'string') continue;
          return false;
        case AS_IS_BOOLEAN:
          if (typeof v === 'boolean') continue;
          return false;
        default:
          return false;
      }
    }
    return true;
  };
}

/** The test written for one column's value `v` in `asIsRun`: true when `v` is NOT held as it is (nor NULL). */
function rejectsValue(code: number, lo: number, hi: number): string {
  switch (code) {
    case AS_IS_INT: return `typeof v === 'number' ? !(Number.isInteger(v) && v >= ${lo} && v <= ${hi}) || (v === 0 && 1 / v < 0) : v !== null`;
    case AS_IS_BIGINT: return "typeof v === 'number' ? !Number.isSafeInteger(v) || (v === 0 && 1 / v < 0) : v !== null";
    case AS_IS_DOUBLE: return "typeof v === 'number' ? !Number.isFinite(v) || (v === 0 && 1 / v < 0) : v !== null";
    case AS_IS_STRING: return "typeof v !== 'string' && v !== null";
    case AS_IS_BOOLEAN: return "typeof v !== 'boolean' && v !== null";
    default: return 'v !== null';
  }
}

/**
 * Reads a run of test entries: `rows[from..to)` are checked in order and the index of the first one that is not
 * an array row usable as it is (`usableAsIs`) with its key columns set is returned, `to` when all are.
 */
export type AsIsRun = (rows: readonly unknown[], from: number, to: number) => number;

/**
 * `usableAsIs` for a run of rows, compiled once per table into one function with each column's check written out
 * (no loop over the columns, no call or switch per value): checking a million fixture rows costs about what
 * reading their values does. The generated text is made only from the column type codes and integer bounds.
 */
export function asIsRun(types: readonly DataType[], keyPositions: readonly number[]): AsIsRun {
  const checks = types.map((t, i) => {
    const code = asIsCode(t);
    const range = INT_RANGES[t.kind] ?? [0, 0];
    const key = keyPositions.includes(i) ? 'v === null || ' : '';
    return `v = r[${i}]; if (${key}${rejectsValue(code, range[0], range[1])}) return i;`;
  });
  const body = [
    'for (let i = from; i < to; i++) {',
    '  const r = rows[i];',
    `  if (!Array.isArray(r) || r.length !== ${types.length}) return i;`,
    '  let v;',
    ...checks.map((c) => `  ${c}`),
    '}',
    'return to;',
  ].join('\n');
  return generatedFunction(AS_IS_RUNS, ['rows', 'from', 'to'], body);
}

/** `asIsRun`'s functions by their text. */
const AS_IS_RUNS = new Map<string, AsIsRun>();

/**
 * Converts a run of test entries: `rows[from..to)` in order, each an array row of the table's width whose every
 * value its column's `FastConverter` takes and whose key columns are set, is pushed onto `out` — the entry itself
 * when no value changed (`Object.is`), else a new row of the converted values — up to the first entry that is not
 * such a row (it and the rest are converted entry by entry, with their messages).
 */
export type ConvertedRun = (rows: readonly unknown[], from: number, to: number, out: unknown[][]) => void;

/**
 * `ConvertedRun` for one table, compiled once per width and key columns into one function with a call site per
 * column: each site sees one column's converter (V8 inlines it), where one loop over the columns calls every
 * column's converter from one site. What a value converts to stays `fastConverter`'s. The generated text is made
 * only from the column count and key positions (integers).
 */
export function convertedRun(fast: readonly FastConverter[], keyPositions: readonly number[]): ConvertedRun {
  const n = fast.length;
  const cols = fast.map((_f, c) => c);
  const body = [
    'return (rows, from, to, out) => {',
    '  for (let i = from; i < to; i++) {',
    '    const r = rows[i];',
    `    if (!Array.isArray(r) || r.length !== ${n}) return;`,
    ...cols.map((c) => `    const x${c} = f${c}(r[${c}]); if (x${c} === undefined) return;`),
    ...keyPositions.map((k) => `    if (x${Number(k) | 0} === null) return;`),
    `    out.push(${cols.map((c) => `Object.is(x${c}, r[${c}])`).join(' && ')} ? r : [${cols.map((c) => `x${c}`).join(', ')}]);`,
    '  }',
    '};',
  ].join('\n');
  // a factory per text: the runs it makes for later jobs share the code V8 has optimised
  return generatedFunction(CONVERTED_RUNS, cols.map((c) => `f${c}`), body)(...fast);
}

/** `convertedRun`'s factories by their text. */
const CONVERTED_RUNS = new Map<string, (...f: FastConverter[]) => ConvertedRun>();

/** `toPlainValue` for one column's type, decided once (the common types convert inline). */
export function plainConverter(t: DataType, zone: string): (v: unknown) => unknown {
  switch (t.kind) {
    case 'BIGINT': return (v) => (typeof v === 'number' ? v : v === null || v === undefined ? null : toPlainValue(v, t, zone));
    case 'TINYINT': case 'SMALLINT': case 'INT': case 'FLOAT': case 'DOUBLE': case 'BOOLEAN': case 'CHAR': case 'VARCHAR':
    case 'BINARY': case 'VARBINARY':
      return (v) => (v === undefined ? null : v);
    default: return (v) => toPlainValue(v, t, zone);
  }
}

/**
 * `plainConverter` that gives a repeated value object (a window's bounds, often the same object row after row) the
 * plain form it gave the last time. Only a primitive plain form (a printed timestamp) is shared: arrays and
 * objects are each row's own.
 */
function sharingPlainConverter(t: DataType, zone: string): (v: unknown) => unknown {
  const plain = plainConverter(t, zone);
  let last: unknown;
  let lastPlain: unknown;
  return (v) => {
    if (typeof v === 'object' && v !== null && v === last) return lastPlain;
    const p = plain(v);
    last = typeof p === 'object' && p !== null ? undefined : v;
    lastPlain = p;
    return p;
  };
}

/** One column's entry of a plain row object literal: its key and its value read by `value` (a JavaScript expression). */
function plainField(c: { readonly name: string; readonly type: DataType }, i: number, value: string): string {
  const key = JSON.stringify(c.name);
  switch (c.type.kind) {
    case 'TINYINT': case 'SMALLINT': case 'INT': case 'FLOAT': case 'DOUBLE': case 'BOOLEAN': case 'CHAR': case 'VARCHAR':
    case 'BINARY': case 'VARBINARY':
      return `${key}: ${value} ?? null`;
    case 'BIGINT': return `${key}: typeof ${value} === 'number' ? ${value} : convert[${i}](${value})`;
    default: return `${key}: convert[${i}](${value})`;
  }
}

/**
 * A compiled function over `convert` (each column's `sharingPlainConverter`), made by a factory kept per text: the
 * builders it makes for later jobs share the code V8 has optimised.
 */
function compiled<F>(text: string, convert: readonly ((v: unknown) => unknown)[]): F {
  return generatedFunction(PLAIN_BUILDERS, ['convert'], text)(convert) as F;
}

/** `compiled`'s factories by their text. */
const PLAIN_BUILDERS = new Map<string, (convert: readonly ((v: unknown) => unknown)[]) => unknown>();

/**
 * Builds a result row's plain object (`{ column: value }`, in column order), compiled once per sink into one object
 * literal with the column names as its keys: every row object then has the same shape from its allocation, and
 * the common types convert inline. The generated text holds the column names as JSON string literals only.
 */
export function plainRowBuilder(columns: readonly { readonly name: string; readonly type: DataType }[], zone: string): (row: readonly unknown[]) => Record<string, unknown> {
  const convert = columns.map((c) => sharingPlainConverter(c.type, zone));
  const fields = columns.map((c, i) => plainField(c, i, `r[${i}]`));
  return compiled(`return (r) => ({ ${fields.join(', ')} });`, convert);
}

/**
 * Writes `out[at + i]` for the rows `i < count` of a run given as columns (row `i` is `cols[c][i]`): the plain
 * objects `plainRowBuilder` makes, read from the columns without an array per row. The generated text holds the
 * column names as JSON string literals only.
 */
export type PlainRunBuilder = (cols: readonly ArrayLike<unknown>[], count: number, out: Record<string, unknown>[], at: number) => void;

/** `plainRowBuilder` for runs of rows held as columns. */
export function plainRunBuilder(columns: readonly { readonly name: string; readonly type: DataType }[], zone: string): PlainRunBuilder {
  const convert = columns.map((c) => sharingPlainConverter(c.type, zone));
  const fields = columns.map((c, i) => plainField(c, i, `c${i}[i]`));
  const reads = columns.map((_c, i) => `const c${i} = cols[${i}];`).join(' ');
  return compiled(`return (cols, count, out, at) => { ${reads} for (let i = 0; i < count; i++) out[at + i] = { ${fields.join(', ')} }; };`, convert);
}

/** A runtime value as a plain JavaScript value for assertions. */
export function toPlainValue(v: unknown, t: DataType, zone: string): unknown {
  if (v === null || v === undefined) return null;
  switch (t.kind) {
    case 'BIGINT': return Number.isSafeInteger(Number(v)) ? Number(v) : v;
    case 'TINYINT': case 'SMALLINT': case 'INT': case 'FLOAT': case 'DOUBLE': case 'BOOLEAN': case 'CHAR': case 'VARCHAR': return v;
    case 'BINARY': case 'VARBINARY': return v;
    case 'ARRAY': return (v as unknown[]).map((x) => toPlainValue(x, t.element, zone));
    // a MULTISET is a map from element to count (as @flinkts/core's typed rows declare it)
    case 'MULTISET': return v instanceof Map ? new Map([...(v as Map<unknown, number>)].map(([e, n]) => [toPlainValue(e, t.element, zone), n])) : (v as unknown[]).map((x) => toPlainValue(x, t.element, zone));
    case 'MAP': return new Map([...(v as Map<unknown, unknown>)].map(([k, x]) => [toPlainValue(k, t.key, zone), toPlainValue(x, t.value, zone)]));
    case 'ROW': return Object.fromEntries(t.fields.map((f, i) => [f.name, toPlainValue((v as unknown[])[i], f.type, zone)]));
    default: return renderValue(v, t, zone);
  }
}
