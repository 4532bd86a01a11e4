/**
 * `Double.toString` / `Float.toString` exactly as the JDKs Flink 1.20 runs on (11 and 17) print them. Their
 * digit generation (FloatingDecimal's binary-to-ASCII conversion) is not always the shortest round-trip form:
 * e.g. `Float.toString(1.23923451E12f)` is "1.23923451E12", not "1.2392345E12". JDK 19 changed the algorithm; a
 * Flink job on 11/17 prints the older digits, so the local runtime does too.
 *
 * The conversion scales the value to integers B / S with a margin M of half an ulp and emits decimal digits
 * until the remainder is within the margin, then rounds the last digit; exactly-integral values with few
 * significant bits take a shortcut that drops "insignificant" low-order digits. Where the JDK computes in 32-
 * or 64-bit integers it wraps on overflow, and that wrapping is reproduced.
 */

const EXP_SHIFT = 52;
const MAX_SMALL_BIN_EXP = 62;
const MIN_SMALL_BIN_EXP = -21;
/** About ceil(log2(5^i)), for 5^0 … 5^26 (the powers of five a 64-bit integer holds). */
const N_5_BITS = [0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56, 59, 61];
/** How many decimal digits of 2^i are below its leading digit (floor(log10(2^i))). */
const INSIGNIFICANT_FOR_POW2 = [
  0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10,
  11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19,
];

/** Decimal digits (no leading or trailing zeros) and the exponent e with value = 0.digits × 10^e. */
interface DecimalDigits {
  digits: string;
  exponent: number;
}

const view = new DataView(new ArrayBuffer(8));

/** The text of NaN, the infinities and the zeros, which need no digits; undefined for other values. */
function specialText(v: number): string | undefined {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  return undefined;
}

export function javaDoubleText(v: number): string {
  const special = specialText(v);
  if (special !== undefined) return special;
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  let fract = bits & ((1n << 52n) - 1n);
  let binExp = Number((bits >> 52n) & 0x7ffn);
  let significant: number;
  if (binExp !== 0) {
    fract |= 1n << 52n;
    significant = 53;
  } else {
    const leadingZeros = 64 - fract.toString(2).length;
    const shift = leadingZeros - (63 - EXP_SHIFT);
    fract <<= BigInt(shift);
    binExp = 1 - shift;
    significant = 64 - leadingZeros;
  }
  return format(v < 0, toDigits(binExp - 1023, fract, significant));
}

export function javaFloatText(v: number): string {
  const f = Math.fround(v);
  const special = specialText(f);
  if (special !== undefined) return special;
  view.setFloat32(0, f);
  const bits = view.getUint32(0);
  let fract = bits & 0x7fffff;
  let binExp = (bits >>> 23) & 0xff;
  let significant: number;
  if (binExp !== 0) {
    fract |= 0x800000;
    significant = 24;
  } else {
    const leadingZeros = Math.clz32(fract);
    const shift = leadingZeros - 8;
    fract <<= shift;
    binExp = 1 - shift;
    significant = 32 - leadingZeros;
  }
  return format(f < 0, toDigits(binExp - 127, BigInt(fract) << 29n, significant));
}

/** The digit generation for a normalized significand `fract` (leading bit at 2^52) times 2^(binExp - 52). */
function toDigits(binExp: number, fract: bigint, significant: number): DecimalDigits {
  const tailZeros = trailingZeros(fract);
  const nFractBits = EXP_SHIFT + 1 - tailZeros;
  const nTinyBits = Math.max(0, nFractBits - binExp - 1);
  if (binExp <= MAX_SMALL_BIN_EXP && binExp >= MIN_SMALL_BIN_EXP && nTinyBits === 0 && nFractBits + (N_5_BITS[0] as number) < 64) {
    // an integer that fits a long: its digits, less those below the precision of the type
    const insignificant = binExp > significant ? insignificantForPow2(binExp - significant - 1) : 0;
    const value = binExp >= EXP_SHIFT ? fract << BigInt(binExp - EXP_SHIFT) : fract >> BigInt(EXP_SHIFT - binExp);
    return longDigits(value, insignificant);
  }
  let decExp = estimateDecExp(fract, binExp);
  const B5 = Math.max(0, -decExp);
  let B2 = B5 + nTinyBits + binExp;
  const S5 = Math.max(0, decExp);
  let S2 = S5 + nTinyBits;
  const M5 = B5;
  let M2 = B2 - significant;
  const f = fract >> BigInt(tailZeros);
  B2 -= nFractBits - 1;
  const common2 = Math.min(B2, S2);
  B2 -= common2;
  S2 -= common2;
  M2 -= common2;
  // at an exact power of two the next smaller value is only half as far away
  if (nFractBits === 1) M2 -= 1;
  if (M2 < 0) {
    B2 -= M2;
    S2 -= M2;
    M2 = 0;
  }
  const bBits = nFractBits + B2 + (B5 < N_5_BITS.length ? (N_5_BITS[B5] as number) : B5 * 3);
  const tenSBits = S2 + 1 + (S5 + 1 < N_5_BITS.length ? (N_5_BITS[S5 + 1] as number) : (S5 + 1) * 3);
  const pow = (five: number, two: number): bigint => 5n ** BigInt(five) << BigInt(two);
  let digits = '';
  let low: boolean;
  let high: boolean;
  let lowDigitDifference: bigint;
  if (bBits < 64 && tenSBits < 64) {
    // the JDK's int / long arithmetic, wrapping where it would
    const width = bBits < 32 && tenSBits < 32 ? 32 : 64;
    const wrap = (x: bigint): bigint => BigInt.asIntN(width, x);
    let b = wrap(wrap(f * 5n ** BigInt(B5)) << BigInt(B2));
    const s = wrap(pow(S5, S2));
    let m = wrap(pow(M5, M2));
    const tens = wrap(s * 10n);
    let q = b / s;
    b = wrap(10n * (b % s));
    m = wrap(m * 10n);
    low = b < m;
    high = wrap(b + m) > tens;
    if (q === 0n && !high) decExp--;
    else digits += q.toString();
    // E-form output needs a digit after the point, so it never stops at the first digit
    if (decExp < -3 || decExp >= 8) high = low = false;
    while (!low && !high) {
      q = b / s;
      b = wrap(10n * (b % s));
      m = wrap(m * 10n);
      if (m > 0n) {
        low = b < m;
        high = wrap(b + m) > tens;
      } else {
        // m overflowed: it is certainly larger than b
        low = true;
        high = true;
      }
      digits += q.toString();
    }
    lowDigitDifference = wrap(wrap(b << 1n) - tens);
  } else {
    const s = pow(S5, S2);
    let b = f * 5n ** BigInt(B5) << BigInt(B2);
    let m = pow(M5 + 1, M2 + 1);
    const tenS = pow(S5 + 1, S2 + 1);
    let q = b / s;
    b = (b % s) * 10n;
    low = b < m;
    high = b + m >= tenS;
    if (q === 0n && !high) decExp--;
    else digits += q.toString();
    if (decExp < -3 || decExp >= 8) high = low = false;
    while (!low && !high) {
      q = b / s;
      b = (b % s) * 10n;
      m *= 10n;
      low = b < m;
      high = b + m >= tenS;
      digits += q.toString();
    }
    lowDigitDifference = high && low ? (b << 1n) - tenS : 0n;
  }
  let exponent = decExp + 1;
  // the last digit is rounded by how the generation stopped
  const roundUp = high && (!low || lowDigitDifference > 0n || (lowDigitDifference === 0n && Number(digits[digits.length - 1]) % 2 === 1));
  if (roundUp) [digits, exponent] = incrementLast(digits, exponent);
  return { digits, exponent };
}

/** Adds one to the last digit, carrying; all nines become 1 followed by zeros, one exponent higher. */
function incrementLast(digits: string, exponent: number): [string, number] {
  let i = digits.length - 1;
  while (i > 0 && digits[i] === '9') i--;
  if (digits[i] === '9') return ['1' + '0'.repeat(digits.length - 1), exponent + 1];
  return [digits.slice(0, i) + String(Number(digits[i]) + 1) + '0'.repeat(digits.length - 1 - i), exponent];
}

/** An integer's digits after dropping `insignificant` low-order digits (rounding half up), trailing zeros stripped. */
function longDigits(value: bigint, insignificant: number): DecimalDigits {
  let v = value;
  if (insignificant !== 0) {
    const pow10 = 10n ** BigInt(insignificant);
    const residue = v % pow10;
    v /= pow10;
    if (residue >= pow10 >> 1n) v++;
  }
  const text = v.toString();
  return { digits: text.replace(/0+$/, ''), exponent: text.length + insignificant };
}

/** floor(log10(value)), estimated from the significand as the JDK does (it may be one too high). */
function estimateDecExp(fract: bigint, binExp: number): number {
  view.setBigUint64(0, 0x3ff0000000000000n | (fract & ((1n << 52n) - 1n)));
  const d2 = view.getFloat64(0);
  const d = (d2 - 1.5) * 0.289529654 + 0.176091259 + binExp * 0.301029995663981;
  const e = Math.floor(d);
  return e === 0 ? 0 : e;
}

function insignificantForPow2(p2: number): number {
  return p2 > 1 && p2 < INSIGNIFICANT_FOR_POW2.length ? (INSIGNIFICANT_FOR_POW2[p2] as number) : 0;
}

function trailingZeros(x: bigint): number {
  let n = 0;
  let v = x;
  while ((v & 1n) === 0n) {
    v >>= 1n;
    n++;
  }
  return n;
}

/** Java's layout: plain for 10^-3 <= |x| < 10^7 (at least one fraction digit), otherwise d.dddE±n. */
function format(negative: boolean, { digits, exponent }: DecimalDigits): string {
  const sign = negative ? '-' : '';
  if (exponent > 0 && exponent < 8) {
    if (digits.length <= exponent) return `${sign}${digits}${'0'.repeat(exponent - digits.length)}.0`;
    return `${sign}${digits.slice(0, exponent)}.${digits.slice(exponent)}`;
  }
  if (exponent <= 0 && exponent > -3) return `${sign}0.${'0'.repeat(-exponent)}${digits}`;
  const fraction = digits.length > 1 ? digits.slice(1) : '0';
  return `${sign}${digits[0]}.${fraction}E${exponent - 1}`;
}
