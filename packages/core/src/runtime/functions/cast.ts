/**
 * CAST / TRY_CAST and every implicit conversion, with Flink 1.20's rules: integer narrowing wraps around,
 * floating-point to integer saturates, DECIMAL rounds HALF_UP and becomes NULL on overflow, string parsing
 * errors fail the row (TRY_CAST gives NULL instead), CHAR(n) pads and VARCHAR(n) truncates.
 */
import { decimalToFloat } from '../values/decimal-to-float.js';
import type { Span } from '../../ast/node.js';
import type { DataType } from '../../types/data-type.js';
import { MAX_LENGTH } from '../../types/data-type.js';
import { textError, evalError, EvaluationError } from '../errors.js';
import { isCharacter, isIntegral, isNumeric, typeToString } from '../types.js';
import { Decimal } from '../values/decimal.js';
import { doubleToInt, doubleToLong, javaDoubleToString, wrapInt, wrapLong } from '../values/java-number.js';
import { multisetCounts, renderValue } from '../values/render.js';
import { toBigint } from '../values/bigint.js';
import {
  daysFromCivil, daysInMonth, floorDiv, instantToLocal, localToInstant, MS_PER_DAY, parseTimestamp, Timestamp,
} from '../values/temporal.js';
import { TYPE_TEXTS } from '../../typing/codes.js';

export type Converter = (v: unknown) => unknown;

const utf8 = new TextEncoder();
const utf8d = new TextDecoder();

function bits(t: DataType): 8 | 16 | 32 {
  return t.kind === 'TINYINT' ? 8 : t.kind === 'SMALLINT' ? 16 : 32;
}

/** Number (TINYINT..INT as number, BIGINT as bigint) from an integral value of any width. */
function toIntegral(v: bigint | number, to: DataType): number | bigint {
  if (to.kind === 'BIGINT') return typeof v === 'bigint' ? v : BigInt(v);
  const n = typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v;
  return wrapInt(n, bits(to));
}

const INT_RANGE: Record<string, [bigint, bigint]> = {
  TINYINT: [-128n, 127n],
  SMALLINT: [-32768n, 32767n],
  INT: [-2147483648n, 2147483647n],
  BIGINT: [-9223372036854775808n, 9223372036854775807n],
};

/** Flink's string → integer parsing: optional sign, digits, an optional fraction that is dropped; range-checked. */
export function parseIntegral(s: string, to: DataType): number | bigint {
  const m = /^\s*([+-]?\d+)(?:\.\d*)?\s*$/.exec(s);
  if (!m) throw evalError('NumberFormatException', `For input string: '${s}'`);
  const v = BigInt(m[1] as string);
  const [lo, hi] = INT_RANGE[to.kind] as [bigint, bigint];
  if (v < lo || v > hi) throw evalError('NumberFormatException', `For input string: '${s}'`);
  return to.kind === 'BIGINT' ? v : Number(v);
}

function parseDouble(s: string): number {
  const t = s.trim();
  if (/^[+-]?(NaN|Infinity)$/.test(t)) return Number(t);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?$/.test(t)) throw evalError('NumberFormatException', `For input string: '${s}'`);
  return Number(t.replace(/[dDfF]$/, ''));
}

/** Digits before the decimal point of a decimal's magnitude (0 for `0.5`). */
function integerDigits(d: Decimal): number {
  const digits = (d.unscaled < 0n ? -d.unscaled : d.unscaled).toString().length;
  return d.unscaled === 0n ? 0 : Math.max(0, digits - d.scale);
}

/**
 * Flink 1.20's string → TIME: `h[:m[:s[.fraction]]]`, minutes and seconds carry over (`10:61` is 11:01:00), an
 * hour above 23 is java.time's DateTimeException, which even TRY_CAST does not catch (checked on Flink 1.20.1).
 */
function parseTimeLenient(s: string): number {
  const m = /^\s*(\d+)(?::(\d+)(?::(\d+)(?:\.(\d*))?)?)?\s*$/.exec(s);
  if (!m) throw evalError('NumberFormatException', `For input string: '${s}'.`);
  const h = Number(m[1]);
  if (h > 23) throw new EvaluationError('DateTimeException', `Invalid value for HourOfDay (valid values 0 - 23): ${h}`, true);
  const frac = (m[4] ?? '').padEnd(3, '0').slice(0, 3);
  return ((h * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000 + Number(frac);
}

/** Flink's `DateTimeUtils.parseDate`: `y[-m[-d]]`, anything after a space or `T` ignored. */
export function parseDateLenient(s: string): number | null {
  const t = s.trim();
  const datePart = t.split(/[ T]/)[0] ?? '';
  const m = /^(-?\d{1,9})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(datePart);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2] ?? 1);
  const d = Number(m[3] ?? 1);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

function parseTsLenient(s: string, precision: number): Timestamp {
  // Flink 1.20.1 takes a date, or a date, a space and a time with seconds: `2024-03-05T13:04:05` and
  // `2024-03-05 13:04` are parse errors
  const ts = s !== s.trim() || /\d[T ]\d{1,2}:\d{1,2}$|T/.test(s) ? null : parseTimestamp(s);
  if (!ts) throw evalError('DateTimeParseException', `Text '${s}' could not be parsed`);
  return ts.truncate(precision);
}

function decimalFrom(v: unknown, from: DataType): Decimal | null {
  switch (from.kind) {
    case 'DECIMAL': return v as Decimal;
    case 'TINYINT': case 'SMALLINT': case 'INT': return Decimal.fromBigInt(BigInt(v as number));
    case 'BIGINT': return Decimal.fromBigInt(v as bigint);
    // Flink widens a FLOAT to double and takes BigDecimal.valueOf(double): the double's digits (0.1f → 0.10000000149011612)
    case 'FLOAT':
    case 'DOUBLE': return Number.isFinite(v as number) ? Decimal.fromString(javaDoubleToString(v as number)) : null;
    case 'BOOLEAN': return Decimal.fromBigInt(v ? 1n : 0n);
    default: return null;
  }
}

/** Numeric value as a JS number (for DOUBLE/FLOAT targets). */
export function toDouble(v: unknown, from: DataType): number {
  switch (from.kind) {
    case 'DECIMAL': return (v as Decimal).toNumber();
    case 'BIGINT': return Number(v as bigint);
    case 'BOOLEAN': return v ? 1 : 0;
    default: return v as number;
  }
}

function forbid(from: DataType, to: DataType, span?: Span, advice?: 'unixTimestamp' | 'toTimestamp' | 'toTimestampLtz'): never {
  throw textError(TYPE_TEXTS.badCast({ from: typeToString(from), to: typeToString(to), ...(advice === undefined ? {} : { advice }) }), span);
}

function truncateString(s: string, to: DataType): string {
  if (to.kind === 'CHAR') return s.length >= to.length ? s.slice(0, to.length) : s.padEnd(to.length, ' ');
  if (to.kind === 'VARCHAR' && to.length !== MAX_LENGTH && s.length > to.length) return s.slice(0, to.length);
  return s;
}

function fitBinary(b: Uint8Array, to: DataType): Uint8Array {
  if (to.kind === 'BINARY') {
    if (b.length === to.length) return b;
    const out = new Uint8Array(to.length);
    out.set(b.subarray(0, to.length));
    return out;
  }
  if (to.kind === 'VARBINARY' && to.length !== MAX_LENGTH && b.length > to.length) return b.subarray(0, to.length);
  return b;
}

const BOOL_TEXT: Record<string, boolean> = { t: true, true: true, y: true, yes: true, '1': true, f: false, false: false, n: false, no: false, '0': false };

/**
 * A converter from `from` to `to` for non-NULL values. Throws check's diagnostic (TYPE_TEXTS.badCast) when Flink
 * rejects the cast; the converter throws an `EvaluationError` when a value cannot be converted.
 */
export function castConverter(from: DataType, to: DataType, zone: string, span?: Span): Converter {
  if (from.kind !== 'BIGINT' || to.kind === 'BIGINT') return converter(from, to, zone, span);
  // a BIGINT may be held as a number (values/bigint.ts): the conversions work on bigints
  const conv = converter(from, to, zone, span);
  return (v) => conv(toBigint(v));
}

function converter(from: DataType, to: DataType, zone: string, span?: Span): Converter {
  if (from.kind === 'NULL') return (v) => v;
  switch (to.kind) {
    case 'CHAR':
    case 'VARCHAR': {
      if (isCharacter(from)) {
        if (to.kind === 'VARCHAR' && to.length === MAX_LENGTH) return (v) => v;
        return (v) => truncateString(v as string, to);
      }
      if (from.kind === 'BINARY' || from.kind === 'VARBINARY') return (v) => truncateString(utf8d.decode(v as Uint8Array), to);
      if (from.kind === 'RAW') forbid(from, to, span);
      return (v) => truncateString(renderValue(v, from, zone), to);
    }
    case 'BOOLEAN': {
      if (from.kind === 'BOOLEAN') return (v) => v;
      if (isCharacter(from)) {
        return (v) => {
          const b = BOOL_TEXT[(v as string).toLowerCase()]; // not trimmed: ' TRUE ' fails in Flink 1.20.1
          if (b === undefined) throw evalError('TableException', `Cannot parse '${v as string}' as BOOLEAN.`);
          return b;
        };
      }
      if (isNumeric(from)) return (v) => toDouble(v, from) !== 0;
      return forbid(from, to, span);
    }
    case 'BINARY':
    case 'VARBINARY': {
      if (isCharacter(from)) return (v) => fitBinary(utf8.encode(v as string), to);
      if (from.kind === 'BINARY' || from.kind === 'VARBINARY') return (v) => fitBinary(v as Uint8Array, to);
      return forbid(from, to, span);
    }
    case 'DECIMAL': {
      const { precision, scale } = to;
      if (isCharacter(from)) {
        // Flink 1.20 checks the integer digits of the text before rounding: too many fail the row; rounding up
        // may then carry one digit beyond the precision (`99999999.999` as DECIMAL(10, 2) is 100000000.00)
        return (v) => {
          const d = Decimal.fromString(v as string);
          if (!d || integerDigits(d) > precision - scale) throw evalError('NumberFormatException', `For input string: '${v as string}'. Overflow.`);
          return d.setScale(scale);
        };
      }
      if (isNumeric(from) || from.kind === 'BOOLEAN') {
        return (v) => decimalFrom(v, from)?.toPrecision(precision, scale) ?? null;
      }
      return forbid(from, to, span);
    }
    case 'TINYINT':
    case 'SMALLINT':
    case 'INT':
    case 'BIGINT': {
      if (isIntegral(from)) return (v) => toIntegral(v as number | bigint, to);
      if (from.kind === 'BOOLEAN') return to.kind === 'BIGINT' ? (v) => (v ? 1n : 0n) : (v) => (v ? 1 : 0);
      if (from.kind === 'DECIMAL') return (v) => toIntegral(wrapLong((v as Decimal).toBigInt()), to);
      if (from.kind === 'FLOAT' || from.kind === 'DOUBLE') {
        if (to.kind === 'BIGINT') return (v) => doubleToLong(v as number);
        return (v) => wrapInt(doubleToInt(v as number), bits(to));
      }
      if (isCharacter(from)) return (v) => parseIntegral(v as string, to);
      if (from.kind === 'INTERVAL_YEAR_MONTH' || from.kind === 'INTERVAL_DAY_TIME') {
        return (v) => toIntegral(BigInt(v as number), to);
      }
      return forbid(from, to, span, from.kind === 'TIMESTAMP' || from.kind === 'TIMESTAMP_LTZ' ? 'unixTimestamp' : undefined);
    }
    case 'FLOAT':
    case 'DOUBLE': {
      const round = to.kind === 'FLOAT' ? Math.fround : (x: number) => x;
      if (isNumeric(from) || from.kind === 'BOOLEAN') return (v) => round(toDouble(v, from));
      if (isCharacter(from)) {
        if (to.kind === 'DOUBLE') return (v) => parseDouble(v as string);
        // one rounding from the text to a float, as Float.valueOf
        return (v) => {
          const d = parseDouble(v as string);
          return Number.isFinite(d) ? decimalToFloat(v as string, d) : Math.fround(d);
        };
      }
      return forbid(from, to, span);
    }
    case 'DATE': {
      if (from.kind === 'DATE') return (v) => v;
      if (isCharacter(from)) {
        return (v) => {
          const d = parseDateLenient(v as string);
          if (d === null) throw evalError('DateTimeException', `Invalid date value: '${v as string}'`);
          return d;
        };
      }
      if (from.kind === 'TIMESTAMP') return (v) => floorDiv((v as Timestamp).millis, MS_PER_DAY);
      if (from.kind === 'TIMESTAMP_LTZ') return (v) => floorDiv(instantToLocal(v as Timestamp, zone).millis, MS_PER_DAY);
      return forbid(from, to, span);
    }
    case 'TIME': {
      const p = to.precision;
      const trunc = (ms: number): number => (p >= 3 ? ms : ms - (ms % 10 ** (3 - p)));
      if (from.kind === 'TIME') return (v) => trunc(v as number);
      if (isCharacter(from)) return (v) => trunc(parseTimeLenient(v as string));
      if (from.kind === 'TIMESTAMP') return (v) => trunc((v as Timestamp).millis - floorDiv((v as Timestamp).millis, MS_PER_DAY) * MS_PER_DAY);
      if (from.kind === 'TIMESTAMP_LTZ') {
        return (v) => {
          const l = instantToLocal(v as Timestamp, zone).millis;
          return trunc(l - floorDiv(l, MS_PER_DAY) * MS_PER_DAY);
        };
      }
      return forbid(from, to, span);
    }
    case 'TIMESTAMP': {
      const p = to.precision;
      if (from.kind === 'TIMESTAMP') return (v) => (v as Timestamp).truncate(p);
      if (from.kind === 'TIMESTAMP_LTZ') return (v) => instantToLocal(v as Timestamp, zone).truncate(p);
      if (from.kind === 'DATE') return (v) => new Timestamp((v as number) * MS_PER_DAY);
      if (from.kind === 'TIME') return (v) => new Timestamp((v as number) - ((v as number) % 1000));
      if (isCharacter(from)) return (v) => parseTsLenient(v as string, p);
      return forbid(from, to, span, 'toTimestamp');
    }
    case 'TIMESTAMP_LTZ': {
      const p = to.precision;
      if (from.kind === 'TIMESTAMP_LTZ') return (v) => (v as Timestamp).truncate(p);
      if (from.kind === 'TIMESTAMP') return (v) => localToInstant((v as Timestamp).truncate(p), zone);
      if (from.kind === 'DATE') return (v) => localToInstant(new Timestamp((v as number) * MS_PER_DAY), zone);
      if (from.kind === 'TIME') return (v) => localToInstant(new Timestamp(v as number), zone);
      if (isCharacter(from)) return (v) => localToInstant(parseTsLenient(v as string, p), zone);
      return forbid(from, to, span, 'toTimestampLtz');
    }
    case 'INTERVAL_YEAR_MONTH':
    case 'INTERVAL_DAY_TIME': {
      if (from.kind === to.kind) return (v) => v;
      if (isIntegral(from)) return (v) => Number(v);
      return forbid(from, to, span);
    }
    case 'ARRAY':
    case 'MULTISET': {
      if (from.kind !== 'ARRAY' && from.kind !== 'MULTISET') return forbid(from, to, span);
      const c = castConverter(from.element, to.element, zone, span);
      if (to.kind === 'MULTISET') {
        return (v) => {
          const out = new Map<unknown, number>();
          for (const [e, n] of multisetCounts(v)) {
            const x = e === null ? null : c(e);
            out.set(x, (out.get(x) ?? 0) + n);
          }
          return out;
        };
      }
      return (v) => (v as unknown[]).map((e) => (e === null ? null : c(e)));
    }
    case 'MAP': {
      if (from.kind !== 'MAP') return forbid(from, to, span);
      const ck = castConverter(from.key, to.key, zone, span);
      const cv = castConverter(from.value, to.value, zone, span);
      return (v) => {
        const out = new Map<unknown, unknown>();
        for (const [k, x] of v as Map<unknown, unknown>) out.set(k === null ? null : ck(k), x === null ? null : cv(x));
        return out;
      };
    }
    case 'ROW': {
      if (from.kind !== 'ROW' || from.fields.length !== to.fields.length) return forbid(from, to, span);
      const cs = to.fields.map((f, i) => castConverter((from.fields[i] as { type: DataType }).type, f.type, zone, span));
      return (v) => (v as unknown[]).map((e, i) => (e === null ? null : (cs[i] as Converter)(e)));
    }
    case 'RAW':
      if (from.kind === 'RAW') return (v) => v;
      return forbid(from, to, span);
    case 'NULL':
      return forbid(from, to, span);
  }
}
