/**
 * The order in which Java's `HashMap` iterates its keys, for printing MAP and MULTISET values as Flink prints them:
 * a sink row's MAP / MULTISET field is converted to a `java.util.HashMap` (Flink's MapMapConverter) and
 * `Row.toString()` prints it in that map's iteration order. That order is the bucket order of the keys' Java hash
 * codes (spread as `h ^ (h >>> 16)`, masked by the table's capacity: 16, doubled whenever the size passes 3/4 of
 * it), and within one bucket the order the keys were put in.
 *
 * Keys whose Java hash code is not reproduced here (TIMESTAMP, ROW, ARRAY, BINARY, …) keep their local order.
 * Within one bucket the local order is the order of arrival, which is the order Flink puts them in for maps built
 * row by row; where Flink's internal map has another order (a hash of its binary form) two keys of one bucket can
 * print swapped.
 */
import type { DataType } from '../../types/data-type.js';
import type { Decimal } from './decimal.js';

const f64 = new Float64Array(1);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f64.buffer);
const i32f = new Int32Array(f32.buffer);

/** Java's `String.hashCode()`: over UTF-16 code units. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

function longHash(v: bigint): number {
  const u = BigInt.asUintN(64, v);
  return Number(BigInt.asIntN(32, (u ^ (u >> 32n)) & 0xffffffffn));
}

/** `BigInteger.hashCode()`: over the magnitude's 32-bit words, most significant first, times the sign. */
function bigIntegerHash(v: bigint): number {
  const sign = v < 0n ? -1 : v > 0n ? 1 : 0;
  let m = v < 0n ? -v : v;
  const words: number[] = [];
  while (m > 0n) {
    words.unshift(Number(m & 0xffffffffn) | 0);
    m >>= 32n;
  }
  let h = 0;
  for (const w of words) h = (Math.imul(31, h) + w) | 0;
  return Math.imul(h, sign) | 0;
}

/** The Java hash code of a key of type `t` as Flink's external class has it, or undefined where not reproduced. */
export function javaHashCode(v: unknown, t: DataType): number | undefined {
  if (v === null || v === undefined) return 0;
  switch (t.kind) {
    case 'CHAR': case 'VARCHAR': return javaStringHash(v as string);
    case 'BOOLEAN': return v ? 1231 : 1237;
    case 'TINYINT': case 'SMALLINT': case 'INT': return (v as number) | 0;
    case 'BIGINT': return longHash(v as bigint);
    case 'DOUBLE': {
      f64[0] = v as number;
      // Double.hashCode uses doubleToLongBits, which folds every NaN into one
      if (Number.isNaN(v as number)) return 0x7ff80000;
      return (i32[0] as number) ^ (i32[1] as number);
    }
    case 'FLOAT': {
      if (Number.isNaN(v as number)) return 0x7fc00000;
      f32[0] = v as number;
      return i32f[0] as number;
    }
    case 'DATE': {
      // LocalDate.hashCode(): (year & 0xFFFFF800) ^ ((year << 11) + (month << 6) + day)
      const d = new Date((v as number) * 86_400_000);
      const y = d.getUTCFullYear();
      return ((y & 0xfffff800) ^ ((y << 11) + ((d.getUTCMonth() + 1) << 6) + d.getUTCDate())) | 0;
    }
    case 'DECIMAL': {
      // BigDecimal.hashCode(): 31 * unscaledValue.hashCode() + scale
      const d = v as Decimal;
      return (Math.imul(31, bigIntegerHash(d.unscaled)) + d.scale) | 0;
    }
    default: return undefined;
  }
}

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));
export const mixK1 = (k: number): number => Math.imul(rotl(Math.imul(k, 0xcc9e2d51), 15), 0x1b873593);
export const mixH1 = (h: number, k: number): number => (Math.imul(rotl(h ^ k, 13), 5) + 0xe6546b64) | 0;

/**
 * The hash code of Flink's BinaryStringData (BinarySegmentUtils.hash): Murmur3 with seed 42 over the UTF-8 bytes,
 * 4-byte little-endian words, then the remaining bytes one by one (as signed bytes), mixed with the length.
 */
export function binaryStringHash(s: string): number {
  const b = Buffer.from(s, 'utf8');
  const aligned = b.length - (b.length % 4);
  let h = 42;
  for (let i = 0; i < aligned; i += 4) h = mixH1(h, mixK1(b.readInt32LE(i)));
  for (let i = aligned; i < b.length; i++) h = mixH1(h, mixK1(b.readInt8(i)));
  h ^= b.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The hash code of a value as Flink's internal data class has it (BinaryStringData for strings, boxed Java numbers
 * and booleans), or undefined where not reproduced.
 */
export function flinkInternalHashCode(v: unknown, t: DataType): number | undefined {
  if (v === null || v === undefined) return 0;
  switch (t.kind) {
    case 'CHAR': case 'VARCHAR': return binaryStringHash(v as string);
    case 'BOOLEAN': case 'TINYINT': case 'SMALLINT': case 'INT': case 'BIGINT': case 'FLOAT': case 'DOUBLE': return javaHashCode(v, t);
    default: return undefined;
  }
}

/**
 * The keys' positions in Java `HashMap` iteration order, the keys put in the given order. Undefined when a key's
 * hash is not reproduced (the caller keeps its order).
 */
export function hashMapOrder(keys: readonly unknown[], t: DataType, hash: (v: unknown, t: DataType) => number | undefined = javaHashCode): number[] | undefined {
  const hashes: number[] = [];
  for (const k of keys) {
    const h = hash(k, t);
    if (h === undefined) return undefined;
    hashes.push(h ^ (h >>> 16));
  }
  // the capacity after putting keys.length distinct keys one by one: 16, doubled while size > 0.75 × capacity
  let cap = 16;
  while (keys.length > cap * 0.75) cap *= 2;
  const mask = cap - 1;
  const order = keys.map((_, i) => i);
  // a stable sort by bucket keeps the put order within a bucket (a resize splits buckets preserving it)
  return order.sort((a, b) => ((hashes[a] as number) & mask) - ((hashes[b] as number) & mask));
}

/** A MAP's entries (or a MULTISET's element counts) in Java `HashMap` iteration order. */
export function javaMapEntries<K, V>(m: ReadonlyMap<K, V>, keyType: DataType): [K, V][] {
  const entries = [...m.entries()];
  const order = hashMapOrder(entries.map(([k]) => k), keyType);
  return order === undefined ? entries : order.map((i) => entries[i] as [K, V]);
}
