/**
 * Decimal text to FLOAT rounded once, as Java's `Float.valueOf` does. Rounding the text to a double first and
 * then to a float (`Math.fround(Number(text))`) rounds twice, which differs exactly when the double lands on a
 * midpoint between two floats: the text may lie just above or below that midpoint. That case is settled by
 * comparing the exact decimal value with the midpoint.
 */

const MAX_FLOAT = 3.4028234663852886e38;
const OVERFLOW_MIDPOINT = 2 ** 128 - 2 ** 103;
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
const view = new DataView(new ArrayBuffer(8));

/** `text` (plain decimal notation, already validated) as the nearest float, ties to even. */
export function decimalToFloat(text: string, asDouble: number): number {
  const r = Math.fround(asDouble);
  if (r === asDouble || !Number.isFinite(asDouble)) return r;
  if (!Number.isFinite(r)) {
    // beyond the largest float: only text below the overflow midpoint (2^128 − 2^103) stays finite
    if (Math.abs(asDouble) !== OVERFLOW_MIDPOINT || compareDecimalWithDouble(text, asDouble) * Math.sign(asDouble) >= 0) return r;
    return Math.sign(asDouble) * MAX_FLOAT;
  }
  const other = adjacentFloat(r, asDouble > r);
  if (Math.abs(asDouble - r) !== Math.abs(other - asDouble)) return r;
  // the double is a midpoint between r and other: the exact text decides
  const c = compareDecimalWithDouble(text, asDouble);
  if (c === 0) return r; // a true tie: fround already chose the even one
  const up = c > 0 === asDouble > 0; // further from zero than the midpoint
  const away = Math.abs(r) > Math.abs(other) ? r : other;
  const toward = away === r ? other : r;
  return up ? away : toward;
}

/** The float next to `f` towards +∞ (`up`) or −∞. */
function adjacentFloat(f: number, up: boolean): number {
  if (f === 0) return up ? 1.401298464324817e-45 : -1.401298464324817e-45;
  f32[0] = f;
  const awayFromZero = f > 0 === up;
  u32[0] = awayFromZero ? (u32[0] as number) + 1 : (u32[0] as number) - 1;
  return f32[0] as number;
}

/** Sign of (exact value of `text`) − `d`, for plain decimal text. */
function compareDecimalWithDouble(text: string, d: number): number {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?[dDfF]?$/.exec(text.trim());
  if (!m) return 0;
  const negative = m[1] === '-';
  const digits = `${m[2] ?? ''}${m[3] ?? ''}`.replace(/^0+/, '') || '0';
  const exp10 = Number(m[4] ?? 0) - (m[3] ?? '').length;
  let mantissa = BigInt(digits);
  if (negative) mantissa = -mantissa;
  // d = fraction × 2^exp2 exactly
  view.setFloat64(0, d);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let fraction = bits & ((1n << 52n) - 1n);
  let exp2: number;
  if (biased === 0) exp2 = -1074;
  else {
    fraction |= 1n << 52n;
    exp2 = biased - 1075;
  }
  if (d < 0) fraction = -fraction;
  // compare mantissa × 10^exp10 with fraction × 2^exp2 over a common integer scale
  let left = mantissa;
  let right = fraction;
  if (exp10 >= 0) left *= 10n ** BigInt(exp10);
  else right *= 10n ** BigInt(-exp10);
  if (exp2 >= 0) right <<= BigInt(exp2);
  else left <<= BigInt(-exp2);
  return left === right ? 0 : left > right ? 1 : -1;
}
