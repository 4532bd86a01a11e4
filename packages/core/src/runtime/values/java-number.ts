/** Java's `Double.toString` / `Float.toString` as JDK 11 / 17 print them (see java-float-text.ts). */
export { javaDoubleText as javaDoubleToString, javaFloatText as javaFloatToString } from './java-float-text.js';

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
