/**
 * Java's `Double.toString` / `Float.toString`: plain notation for 1e-3 <= |x| < 1e7 (always with a fraction
 * digit), otherwise `d.dddE±n`; the shortest digits that round-trip (JDK 19+ algorithm, same as JavaScript).
 */
export function javaDoubleToString(v: number): string {
  return formatShortest(v, String(Math.abs(v)));
}

export function javaFloatToString(v: number): string {
  return formatShortest(v, shortestFloatDigits(Math.abs(v)));
}

function shortestFloatDigits(v: number): string {
  if (!Number.isFinite(v) || v === 0) return String(v);
  const f = Math.fround(v);
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    if (Math.fround(Number(s)) === f) return String(Number(s));
  }
  return String(f);
}

function formatShortest(v: number, absText: string): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  const neg = v < 0 || Object.is(v, -0);
  if (v === 0) return neg ? '-0.0' : '0.0';
  // decompose absText (JS shortest form) into digits and a decimal exponent
  let digits: string;
  let exp: number; // value = 0.d1d2d3... * 10^exp
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(absText);
  if (!m) return absText;
  const intPart = m[1] ?? '';
  const frac = m[2] ?? '';
  const e = Number(m[3] ?? 0);
  digits = (intPart + frac).replace(/^0+/, '');
  const lead = (intPart + frac).length - (intPart + frac).replace(/^0+/, '').length;
  exp = intPart.length + e - lead;
  digits = digits.replace(/0+$/, '') || '0';
  const abs = Math.abs(v);
  let out: string;
  if (abs >= 1e-3 && abs < 1e7) {
    if (exp <= 0) out = '0.' + '0'.repeat(-exp) + digits;
    else if (digits.length <= exp) out = digits + '0'.repeat(exp - digits.length) + '.0';
    else out = digits.slice(0, exp) + '.' + digits.slice(exp);
  } else {
    out = `${digits[0]}.${digits.length > 1 ? digits.slice(1) : '0'}E${exp - 1}`;
  }
  return (neg ? '-' : '') + out;
}

/** Java `(int)` narrowing of a double: NaN → 0, saturating at the int range, truncating toward zero. */
export function doubleToLong(v: number): bigint {
  if (Number.isNaN(v)) return 0n;
  if (v >= 9223372036854775807) return 9223372036854775807n;
  if (v <= -9223372036854775808) return -9223372036854775808n;
  return BigInt(Math.trunc(v));
}

export function doubleToInt(v: number): number {
  if (Number.isNaN(v)) return 0;
  if (v >= 2147483647) return 2147483647;
  if (v <= -2147483648) return -2147483648;
  return Math.trunc(v);
}

/** Wrap a bigint into Java's long range (two's complement). */
export function wrapLong(v: bigint): bigint {
  return BigInt.asIntN(64, v);
}

/** Wrap an integer into `bits` bits (Java narrowing of int/short/byte). */
export function wrapInt(v: number, bits: 8 | 16 | 32): number {
  if (bits === 32) return v | 0;
  const shift = 32 - bits;
  return ((v | 0) << shift) >> shift;
}
