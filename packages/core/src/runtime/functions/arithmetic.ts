/**
 * `+ - * / %` on numbers (Java int/long wrap-around, integer division, exact DECIMAL at the result's precision/scale,
 * DOUBLE), and on dates, times, timestamps and intervals. The result type is given (the bound plan's, or the one
 * typer's rule for an expression the runtime builds itself): the implementation is chosen by it, never derived here.
 */
import type { ArithmeticOperator } from '../../ast/expression.js';
import type { Span } from '../../ast/node.js';
import type { DataType } from '../../types/data-type.js';
import type { Compiled, Evaluator } from '../compiled.js';
import { textError, evalError } from '../errors.js';
import type { CompilerApi } from './registry.js';
import { arithmeticType } from '../../typing/arithmetic-type.js';
import { isApprox, isIntegral, isNumeric, typeToString, withNullable } from '../types.js';
import { ArithmeticError, Decimal } from '../values/decimal.js';
import { addMonthsToDays, floorDiv, floorMod, MS_PER_DAY, Timestamp } from '../values/temporal.js';
import { toDouble } from './cast.js';
import { TYPE_TEXTS } from '../../typing/codes.js';

const RANK: Record<string, number> = { TINYINT: 1, SMALLINT: 2, INT: 3, BIGINT: 4 };

export function toDecimal(v: unknown, t: DataType): Decimal {
  if (t.kind === 'DECIMAL') return v as Decimal;
  if (t.kind === 'BIGINT') return Decimal.fromBigInt(v as bigint);
  return Decimal.fromBigInt(BigInt(v as number));
}

function divZero(): never {
  throw evalError('ArithmeticException', 'Division by zero');
}

function binaryStrict(l: Compiled, r: Compiled, type: DataType, f: (a: never, b: never) => unknown): Compiled {
  const le = l.eval;
  const re = r.eval;
  const g = f as (a: unknown, b: unknown) => unknown;
  return {
    type,
    eval: (row) => {
      const a = le(row);
      if (a === null) return null;
      const b = re(row);
      return b === null ? null : g(a, b);
    },
  };
}

/** `l op r` on numbers computed in the domain of the result `type` (FLOAT/DOUBLE, DECIMAL(p, s) or an integer type). */
export function numericArithmetic(op: ArithmeticOperator, l: Compiled, r: Compiled, type: DataType, span?: Span): Compiled {
  const lt = l.type;
  const rt = r.type;
  if (op === '%' && (isApprox(lt) || isApprox(rt))) {
    throw textError(TYPE_TEXTS.badSign({ kind: 'operands', op: '%', types: [typeToString(lt), typeToString(rt)], supported: "'<EXACT_NUMERIC> % <EXACT_NUMERIC>'" }), span);
  }
  if (type.kind === 'FLOAT' || type.kind === 'DOUBLE') {
    const round = type.kind === 'FLOAT' ? Math.fround : (x: number) => x;
    const fa = (v: unknown): number => toDouble(v, lt);
    const fb = (v: unknown): number => toDouble(v, rt);
    switch (op) {
      case '+': return binaryStrict(l, r, type, (a, b) => round(fa(a) + fb(b)));
      case '-': return binaryStrict(l, r, type, (a, b) => round(fa(a) - fb(b)));
      case '*': return binaryStrict(l, r, type, (a, b) => round(fa(a) * fb(b)));
      // floating-point division by zero is Infinity or NaN, as in Java; Flink's planner folds a constant
      // division and rejects one by zero (both checked on Flink 1.20.1)
      case '/':
        if (l.constant && r.constant && r.constant.value !== null && fb(r.constant.value) === 0) throw textError(TYPE_TEXTS.badSign({ kind: 'divisionByZero' }), span);
        return binaryStrict(l, r, type, (a, b) => round(fa(a) / fb(b)));
      case '%': break;
    }
  }
  if (type.kind === 'DECIMAL') {
    const { precision, scale } = type;
    const fin = (d: Decimal): Decimal | null => d.toPrecision(precision, scale);
    switch (op) {
      case '+': return binaryStrict(l, r, type, (a, b) => fin(toDecimal(a, lt).add(toDecimal(b, rt))));
      case '-': return binaryStrict(l, r, type, (a, b) => fin(toDecimal(a, lt).sub(toDecimal(b, rt))));
      case '*': return binaryStrict(l, r, type, (a, b) => fin(toDecimal(a, lt).mul(toDecimal(b, rt))));
      case '/': return binaryStrict(l, r, type, (a, b) => {
        const d = toDecimal(b, rt);
        if (d.isZero()) divZero();
        return fin(toDecimal(a, lt).div(d, scale));
      });
      case '%': return binaryStrict(l, r, type, (a, b) => {
        const d = toDecimal(b, rt);
        if (d.isZero()) divZero();
        return fin(toDecimal(a, lt).rem(d));
      });
    }
  }
  if (isIntegral(type) && isIntegral(lt) && isIntegral(rt)) {
    const ca = lt.kind === 'BIGINT' ? (v: unknown) => v as bigint : (v: unknown) => BigInt(v as number);
    const cb = rt.kind === 'BIGINT' ? (v: unknown) => v as bigint : (v: unknown) => BigInt(v as number);
    if (type.kind === 'BIGINT') {
      switch (op) {
        case '+': return binaryStrict(l, r, type, (a, b) => BigInt.asIntN(64, ca(a) + cb(b)));
        case '-': return binaryStrict(l, r, type, (a, b) => BigInt.asIntN(64, ca(a) - cb(b)));
        case '*': return binaryStrict(l, r, type, (a, b) => BigInt.asIntN(64, ca(a) * cb(b)));
        case '/': return binaryStrict(l, r, type, (a, b) => { const d = cb(b); if (d === 0n) divZero(); return BigInt.asIntN(64, ca(a) / d); });
        case '%': return binaryStrict(l, r, type, (a, b) => { const d = cb(b); if (d === 0n) divZero(); return ca(a) % d; });
      }
    }
    // a BIGINT % INT is an INT (its magnitude is below the divisor's): computed on bigints, returned as a number
    if (op === '%' && (lt.kind === 'BIGINT' || rt.kind === 'BIGINT')) {
      return binaryStrict(l, r, type, (a, b) => { const d = cb(b); if (d === 0n) divZero(); return Number(ca(a) % d); });
    }
    const bits = type.kind === 'TINYINT' ? 24 : type.kind === 'SMALLINT' ? 16 : 0;
    const wrap = bits === 0 ? (x: number) => x | 0 : (x: number) => ((x | 0) << bits) >> bits;
    switch (op) {
      case '+': return binaryStrict(l, r, type, (a: number, b: number) => wrap(a + b));
      case '-': return binaryStrict(l, r, type, (a: number, b: number) => wrap(a - b));
      case '*': return binaryStrict(l, r, type, (a: number, b: number) => wrap(Math.imul(a, b)));
      case '/': return binaryStrict(l, r, type, (a: number, b: number) => { if (b === 0) divZero(); return wrap(Math.trunc(a / b)); });
      case '%': return binaryStrict(l, r, type, (a: number, b: number) => { if (b === 0) divZero(); return a % b; });
    }
  }
  throw textError(TYPE_TEXTS.badSign({ kind: 'operands', op, types: [typeToString(lt), typeToString(rt)], result: typeToString(type) }), span);
}

function addMonthsTs(ts: Timestamp, months: number): Timestamp {
  const days = floorDiv(ts.millis, MS_PER_DAY);
  const ms = ts.millis - days * MS_PER_DAY;
  return new Timestamp(addMonthsToDays(days, months) * MS_PER_DAY + ms, ts.nanos);
}

/** Arithmetic on datetime and interval operands. */
function temporalArithmetic(op: ArithmeticOperator, l: Compiled, r: Compiled, type: DataType, span?: Span): Compiled | undefined {
  const lt = l.type;
  const rt = r.type;
  const isIv = (t: DataType) => t.kind === 'INTERVAL_DAY_TIME' || t.kind === 'INTERVAL_YEAR_MONTH';
  // interval on the left of '+': swap
  if (op === '+' && isIv(lt) && !isIv(rt) && !isNumeric(rt)) return temporalArithmetic(op, r, l, type, span);
  if ((op === '+' || op === '-') && isIv(rt)) {
    const sign = op === '-' ? -1 : 1;
    const months = rt.kind === 'INTERVAL_YEAR_MONTH';
    switch (lt.kind) {
      case 'TIMESTAMP':
      case 'TIMESTAMP_LTZ':
        return binaryStrict(l, r, type, months
          ? (a: Timestamp, b: number) => addMonthsTs(a, sign * b)
          : (a: Timestamp, b: number) => new Timestamp(a.millis + sign * b, a.nanos));
      case 'DATE':
        return binaryStrict(l, r, type, months
          ? (a: number, b: number) => addMonthsToDays(a, sign * b)
          : (a: number, b: number) => a + Math.trunc((sign * b) / MS_PER_DAY));
      case 'TIME':
        return binaryStrict(l, r, type, months
          ? (a: number) => a
          : (a: number, b: number) => floorMod(a + sign * b, MS_PER_DAY));
      case 'INTERVAL_DAY_TIME':
      case 'INTERVAL_YEAR_MONTH':
        if (lt.kind !== rt.kind) throw textError(TYPE_TEXTS.badSign({ kind: 'intervalFamilies', op }), span);
        return binaryStrict(l, r, type, (a: number, b: number) => a + sign * b);
      default:
        return undefined;
    }
  }
  if ((op === '*' || op === '/') && isIv(lt) && isNumeric(rt)) {
    return binaryStrict(l, r, type, op === '*'
      ? (a: number, b: unknown) => Math.trunc(a * toDouble(b, rt))
      : (a: number, b: unknown) => { const d = toDouble(b, rt); if (d === 0) divZero(); return Math.trunc(a / d); });
  }
  if (op === '*' && isNumeric(lt) && isIv(rt)) return temporalArithmetic(op, r, l, type, span);
  return undefined;
}

/**
 * `l op r` of the result `type`: the bound plan's type of the expression; when undefined (an expression the runtime
 * builds itself, such as MOD's), the one typer's rule for the operands (typing/arithmetic-type.ts).
 */
export function compileArithmetic(op: ArithmeticOperator, l: Compiled, r: Compiled, type: DataType | undefined, span?: Span): Compiled {
  const typed = type ?? typerResult(op, l.type, r.type, span);
  if (l.type.kind === 'NULL' || r.type.kind === 'NULL' || typed.kind === 'NULL') return { type: withNullable(typed, true), eval: () => null };
  const t = temporalArithmetic(op, l, r, typed, span);
  if (t) return t;
  if (isNumeric(l.type) && isNumeric(r.type)) return numericArithmetic(op, l, r, typed, span);
  throw textError(TYPE_TEXTS.badSign({ kind: 'operands', op, types: [typeToString(l.type), typeToString(r.type)] }), span);
}

function typerResult(op: ArithmeticOperator, l: DataType, r: DataType, span?: Span): DataType {
  const result = arithmeticType(op, l, r);
  if (!result.ok) throw textError(TYPE_TEXTS.badSign({ kind: 'operands', op, types: [typeToString(l), typeToString(r)] }), span);
  return result.type;
}

export { ArithmeticError };
export type { Evaluator };
