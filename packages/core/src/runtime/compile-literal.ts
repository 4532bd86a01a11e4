/** Literals: their Flink types (INT/BIGINT/DECIMAL/DOUBLE by text, CHAR(n) strings, TIMESTAMP(p) by digits) and values. */
import type { Literal } from '../ast/expression.js';
import type { Compiled, Session } from './compiled.js';
import { constant } from './compiled.js';
import { textError, unsupported } from './errors.js';
import { T } from './types.js';
import { Decimal } from './values/decimal.js';
import { intervalType, parseIntervalText } from './values/interval.js';
import { localToInstant, parseDate, parseTime, parseTimestamp } from './values/temporal.js';
import { SQL_TEXTS } from '../sql/codes.js';

export function compileNumericText(text: string): Compiled {
  if (/[eE]/.test(text)) return constant(T.double(false), Number(text));
  if (text.includes('.')) {
    const d = Decimal.fromString(text) as Decimal;
    const digits = text.replace(/^[+-]/, '').replace('.', '').replace(/^0+(?=\d)/, '');
    const scale = text.length - text.indexOf('.') - 1;
    const precision = Math.max(digits.length, scale, 1);
    return constant(T.decimal(precision, scale, false), d);
  }
  const v = BigInt(text);
  if (v >= -2147483648n && v <= 2147483647n) return constant(T.int(false), Number(v));
  if (v >= -9223372036854775808n && v <= 9223372036854775807n) return constant(T.bigint(false), v);
  return constant(T.decimal(text.replace(/^[+-]/, '').length, 0, false), Decimal.fromBigInt(v));
}

function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function fractionDigits(text: string): number {
  const m = /\.(\d+)\s*$/.exec(text);
  return m ? (m[1] as string).length : 0;
}

export function compileLiteral(e: Literal, session: Session): Compiled {
  switch (e.kind) {
    case 'StringLiteral': return constant(T.char(Math.max(e.value.length, 1), false), e.value);
    case 'NumericLiteral': return compileNumericText(e.text);
    case 'BooleanLiteral': return constant(T.boolean(false), e.value);
    case 'NullLiteral': return constant(T.null(), null);
    case 'BinaryLiteral': return constant({ kind: 'BINARY', length: Math.max(e.hex.length / 2, 1), nullable: false }, hexToBytes(e.hex));
    case 'TemporalLiteral': {
      switch (e.type) {
        case 'DATE': {
          const d = parseDate(e.value);
          if (d === null) throw textError(SQL_TEXTS.impossibleLiteral({ kind: 'illegal', type: 'DATE', value: e.value }), e.span);
          return constant(T.date(false), d);
        }
        case 'TIME': {
          const t = parseTime(e.value);
          if (t === null) throw textError(SQL_TEXTS.impossibleLiteral({ kind: 'illegal', type: 'TIME', value: e.value }), e.span);
          return constant(T.time(fractionDigits(e.value), false), t);
        }
        case 'TIMESTAMP':
        case 'TIMESTAMP_LTZ': {
          const ts = parseTimestamp(e.value);
          if (!ts) throw textError(SQL_TEXTS.impossibleLiteral({ kind: 'illegal', type: e.type, value: e.value }), e.span);
          const p = fractionDigits(e.value);
          return e.type === 'TIMESTAMP' ? constant(T.timestamp(p, false), ts) : constant(T.timestampLtz(p, false), localToInstant(ts, session.zone));
        }
      }
      break;
    }
    case 'IntervalLiteral': {
      const v = parseIntervalText(e.value, e.qualifier);
      if (v === null) throw textError(SQL_TEXTS.impossibleLiteral({ kind: 'illegal', type: 'interval', value: e.value }), e.span);
      return constant(intervalType(e.qualifier), e.negative ? -v : v);
    }
  }
  throw unsupported('literal', (e as Literal).span);
}

