/**
 * DECIMAL result types of arithmetic, with Flink 1.20's rules (LogicalTypeMerging): precision is capped at 38,
 * keeping integer digits and at least min(scale, 6) fractional digits when it overflows. The analyzer and the
 * local runtime both type DECIMAL arithmetic with these.
 */
import type { DataType, DecimalType } from './data-type.js';
import { DECIMAL_MAX_PRECISION } from './data-type.js';

const MINIMUM_ADJUSTED_SCALE = 6;

/** Flink's `adjustPrecisionScale`. */
export function adjustDecimal(precision: number, scale: number, nullable: boolean): DecimalType {
  if (precision <= DECIMAL_MAX_PRECISION) return { kind: 'DECIMAL', precision, scale, nullable };
  const integerDigits = precision - scale;
  const minScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
  return { kind: 'DECIMAL', precision: DECIMAL_MAX_PRECISION, scale: Math.max(DECIMAL_MAX_PRECISION - integerDigits, minScale), nullable };
}

/** The DECIMAL an exact numeric converts to without loss (TINYINT → DECIMAL(3, 0) … BIGINT → DECIMAL(19, 0)). */
export function asDecimal(t: DataType): DecimalType {
  switch (t.kind) {
    case 'DECIMAL': return t;
    case 'TINYINT': return { kind: 'DECIMAL', precision: 3, scale: 0, nullable: t.nullable };
    case 'SMALLINT': return { kind: 'DECIMAL', precision: 5, scale: 0, nullable: t.nullable };
    case 'INT': return { kind: 'DECIMAL', precision: 10, scale: 0, nullable: t.nullable };
    case 'BIGINT': return { kind: 'DECIMAL', precision: 19, scale: 0, nullable: t.nullable };
    default: return { kind: 'DECIMAL', precision: DECIMAL_MAX_PRECISION, scale: 18, nullable: t.nullable };
  }
}

/**
 * `a op b` where at least one side is DECIMAL:
 * `+ -`: scale max(s1, s2), precision max(p1-s1, p2-s2) + scale + 1;  `*`: (p1 + p2 + 1, s1 + s2);
 * `/` (findDivisionDecimalType): scale max(6, s1 + p2 + 1), precision p1 - s1 + s2 + scale;
 * `%`: scale max(s1, s2), precision min(p1-s1, p2-s2) + scale.
 */
export function decimalArithmetic(op: '+' | '-' | '*' | '/' | '%', a: DecimalType, b: DecimalType, nullable: boolean): DecimalType {
  const [p1, s1, p2, s2] = [a.precision, a.scale, b.precision, b.scale];
  switch (op) {
    case '+':
    case '-': {
      const scale = Math.max(s1, s2);
      return adjustDecimal(Math.max(p1 - s1, p2 - s2) + scale + 1, scale, nullable);
    }
    case '*':
      return adjustDecimal(p1 + p2 + 1, s1 + s2, nullable);
    case '/': {
      const scale = Math.max(MINIMUM_ADJUSTED_SCALE, s1 + p2 + 1);
      return adjustDecimal(p1 - s1 + s2 + scale, scale, nullable);
    }
    case '%': {
      const scale = Math.max(s1, s2);
      return adjustDecimal(Math.min(p1 - s1, p2 - s2) + scale, scale, nullable);
    }
  }
}

/** ROUND / TRUNCATE of a DECIMAL to `r` digits (Flink's findRoundDecimalType): one more whole digit for a carry. */
export function roundDecimalType(t: DecimalType, r: number, nullable: boolean): DecimalType {
  if (r >= t.scale) return { ...t, nullable };
  if (r < 0) return { kind: 'DECIMAL', precision: Math.min(DECIMAL_MAX_PRECISION, 1 + t.precision - t.scale), scale: 0, nullable };
  return { kind: 'DECIMAL', precision: 1 + t.precision - t.scale + r, scale: r, nullable };
}
