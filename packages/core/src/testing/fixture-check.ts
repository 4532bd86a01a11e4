/**
 * A test fixture must be a row Flink could produce: each value is checked against its column's declared type
 * before it is converted (FTS7005 naming the row and the column). Numbers must be whole and in range for the
 * integer types, DECIMALs must fit their precision and scale, BOOLEANs are booleans, temporal `Date`s are valid.
 */
import type { DataType } from '../types/data-type.js';
import type { FixturePlace } from '../runtime/bad-input.js';
import { badInput } from '../runtime/errors.js';

const INTEGER_RANGES: Readonly<Partial<Record<DataType['kind'], readonly [bigint, bigint]>>> = {
  TINYINT: [-128n, 127n],
  SMALLINT: [-32768n, 32767n],
  INT: [-2147483648n, 2147483647n],
  BIGINT: [-9223372036854775808n, 9223372036854775807n],
};

const INTEGER_TEXT = /^[+-]?\d+$/;
const DECIMAL_TEXT = /^[+-]?(\d*)(?:\.(\d*))?$/;

/** Throws FTS7005 for a value that cannot be one of its column's type `t`, naming the row and the column. */
export function fail(where: FixturePlace, t: DataType, v: unknown, why: string, hint?: string): never {
  throw badInput({ kind: 'value', at: where, value: v, type: typeName(t), why, ...(hint === undefined ? {} : { hint }) });
}

function typeName(t: DataType): string {
  return t.kind === 'DECIMAL' ? `DECIMAL(${t.precision}, ${t.scale})` : t.kind;
}

function checkInteger(v: unknown, t: DataType, range: readonly [bigint, bigint], where: FixturePlace): void {
  let n: bigint;
  if (typeof v === 'bigint') n = v;
  else if (typeof v === 'number') {
    if (!Number.isInteger(v)) fail(where, t, v, 'not a whole number', 'integer columns take whole numbers; use a DECIMAL or DOUBLE column for fractions');
    if (t.kind === 'BIGINT' && !Number.isSafeInteger(v)) fail(where, t, v, 'not an exact JavaScript integer', 'pass a bigint or a string for large BIGINT values');
    n = BigInt(v);
  } else if (typeof v === 'string' && INTEGER_TEXT.test(v.trim())) n = BigInt(v.trim());
  else return fail(where, t, v, 'expected a whole number');
  if (n < range[0] || n > range[1]) fail(where, t, v, `out of range ${range[0]}..${range[1]}`, `Flink's ${t.kind} cannot hold it; declare a wider type`);
}

function checkDecimal(v: unknown, t: Extract<DataType, { kind: 'DECIMAL' }>, where: FixturePlace): void {
  let text: string;
  if (typeof v === 'string') text = v.trim();
  else if (typeof v === 'bigint') text = v.toString();
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail(where, t, v, 'not a finite number');
    text = String(v);
    if (/e/i.test(text)) return; // very small or large: the conversion reports whether it fits
  } else return fail(where, t, v, 'expected a number or a decimal string such as \'12.50\'');
  const m = DECIMAL_TEXT.exec(text);
  if (m === null || (m[1] === '' && (m[2] ?? '') === '')) return fail(where, t, v, 'not a decimal number');
  const integerDigits = (m[1] ?? '').replace(/^0+/, '').length;
  const fractionDigits = (m[2] ?? '').length;
  if (integerDigits > t.precision - t.scale) fail(where, t, v, `${integerDigits} digits before the point, at most ${t.precision - t.scale} fit`);
  if (fractionDigits > t.scale) fail(where, t, v, `${fractionDigits} digits after the point, at most ${t.scale} fit`, `write it with at most ${t.scale} fraction digits`);
}

/** Throws FTS7005 when `v` (not null) cannot be a value of `t`. Nested types are checked element by element by the caller. */
export function checkFixtureValue(v: unknown, t: DataType, where: FixturePlace): void {
  const range = INTEGER_RANGES[t.kind];
  if (range !== undefined) return checkInteger(v, t, range, where);
  switch (t.kind) {
    case 'DECIMAL': return checkDecimal(v, t, where);
    case 'FLOAT': case 'DOUBLE':
      if (typeof v === 'number' || typeof v === 'bigint') return;
      if (typeof v === 'string' && (v.trim() !== '' && !Number.isNaN(Number(v)) || /^[+-]?(NaN|Infinity)$/.test(v.trim()))) return;
      return fail(where, t, v, 'expected a number');
    case 'BOOLEAN':
      if (typeof v !== 'boolean') fail(where, t, v, 'expected true or false');
      return;
    case 'DATE': case 'TIME': case 'TIMESTAMP': case 'TIMESTAMP_LTZ':
      if (v instanceof Date && Number.isNaN(v.getTime())) fail(where, t, v, 'an invalid Date');
      if (typeof v === 'number' && !Number.isFinite(v)) fail(where, t, v, 'not a finite number');
      if (typeof v === 'boolean' || typeof v === 'symbol' || typeof v === 'function') fail(where, t, v, "expected a string such as '2024-01-01 10:00:00' or a Date");
      return;
    default:
  }
}
