/**
 * Result types of `+ - * / %` with Flink 1.20's rules: integer operands stay integer (also for `/`, which
 * truncates), the wider integer wins, DECIMAL precision/scale from `decimalArithmetic`, FLOAT/DOUBLE win over
 * exact types, datetime ± interval keeps the datetime type, interval ± interval and interval * numeric.
 */
import { withNullable } from '../types/type-predicates.js';
import type { ArithmeticOperator } from '../ast/expression.js';
import type { DataType } from '../types/data-type.js';
import { asDecimal, decimalArithmetic } from '../types/decimal-merging.js';
import { family, isExactInteger, isNumeric } from './families.js';

const INTEGER_RANK = { TINYINT: 1, SMALLINT: 2, INT: 3, BIGINT: 4 } as const;

/** A failure names nothing: the operator and operand types the caller has are FTS4402's payload (TYPE_TEXTS.badSign). */
export type ArithmeticResult = { readonly ok: true; readonly type: DataType } | { readonly ok: false };


function numeric(op: ArithmeticOperator, l: DataType, r: DataType, nullable: boolean): DataType {
  if (l.kind === 'DOUBLE' || r.kind === 'DOUBLE') return { kind: 'DOUBLE', nullable };
  if (l.kind === 'FLOAT' || r.kind === 'FLOAT') {
    const other = l.kind === 'FLOAT' ? r : l;
    return other.kind === 'DECIMAL' ? { kind: 'DOUBLE', nullable } : { kind: 'FLOAT', nullable };
  }
  if (l.kind === 'DECIMAL' || r.kind === 'DECIMAL') return decimalArithmetic(op, asDecimal(l), asDecimal(r), nullable);
  if (op === '%') return withNullable(r, nullable);
  const lr = INTEGER_RANK[l.kind as keyof typeof INTEGER_RANK];
  const rr = INTEGER_RANK[r.kind as keyof typeof INTEGER_RANK];
  return withNullable(lr >= rr ? l : r, nullable);
}

export function arithmeticType(op: ArithmeticOperator, l: DataType, r: DataType): ArithmeticResult {
  const nullable = l.nullable || r.nullable;
  if (l.kind === 'NULL' || r.kind === 'NULL') {
    const other = l.kind === 'NULL' ? r : l;
    return { ok: true, type: other.kind === 'NULL' ? { kind: 'NULL', nullable: true } : withNullable(other, true) };
  }
  if (isNumeric(l) && isNumeric(r)) {
    if (op === '%' && (!isExactInteger(l) && l.kind !== 'DECIMAL' || !isExactInteger(r) && r.kind !== 'DECIMAL')) {
      return FAILED;
    }
    return { ok: true, type: numeric(op, l, r, nullable) };
  }
  const fl = family(l);
  const fr = family(r);
  const temporal = (f: string) => f === 'date' || f === 'time' || f === 'timestamp';
  const interval = (f: string) => f === 'interval-ym' || f === 'interval-dt';
  if ((op === '+' || op === '-') && temporal(fl) && interval(fr)) return { ok: true, type: withNullable(l, nullable) };
  if (op === '+' && interval(fl) && temporal(fr)) return { ok: true, type: withNullable(r, nullable) };
  if ((op === '+' || op === '-') && interval(fl) && fl === fr) return { ok: true, type: withNullable(l, nullable) };
  if ((op === '*' || op === '/') && interval(fl) && isNumeric(r)) return { ok: true, type: withNullable(l, nullable) };
  if (op === '*' && isNumeric(l) && interval(fr)) return { ok: true, type: withNullable(r, nullable) };
  return FAILED;
}

const FAILED: ArithmeticResult = Object.freeze({ ok: false });
