/** Hash functions: MD5, SHA1, SHA2(…, bits), SHA224/256/384/512, HASH_CODE (Java's `hashCode`). */
import { createHash } from 'node:crypto';
import type { DataType } from '../../types/data-type.js';
import { evalError, textError, notReached, unsupported } from '../errors.js';
import type { Decimal } from '../values/decimal.js';
import type { Timestamp } from '../values/temporal.js';
import { isCharacter, T, typeToString } from '../types.js';
import { strict, strictNullable } from './helpers.js';
import { register } from './registry.js';
import { TYPE_TEXTS } from '../../typing/codes.js';

const toBytes = (t: DataType) => (v: unknown): Uint8Array | string => (isCharacter(t) ? (v as string) : (v as Uint8Array));

/** A digest as hex: CHAR of twice its byte length (MD5 32, SHA1 40, SHA224 56, SHA256 64, SHA384 96, SHA512 128). */
function digest(name: string, algo: string, hexLength: number): void {
  register(name, (a, call, api) => {
    const c = api.compile(a[0] ?? (() => { throw notReached(`${name} without an argument`); })());
    if (!isCharacter(c.type) && c.type.kind !== 'BINARY' && c.type.kind !== 'VARBINARY' && c.type.kind !== 'NULL') {
      throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: name, types: [typeToString(c.type)] }), call.span);
    }
    const b = toBytes(c.type);
    return strict([c], T.char(hexLength, false), (v: unknown) => createHash(algo).update(b(v)).digest('hex'));
  });
}
digest('MD5', 'md5', 32);
digest('SHA1', 'sha1', 40);
digest('SHA224', 'sha224', 56);
digest('SHA256', 'sha256', 64);
digest('SHA384', 'sha384', 96);
digest('SHA512', 'sha512', 128);

register('SHA2', (a, call, api) => {
  const c = api.compile(a[0] as never);
  const bits = api.compile(a[1] as never);
  const b = toBytes(c.type);
  return strictNullable([c, bits], T.string(), (v: unknown, n: number) => {
    // Flink asks Java for MessageDigest "SHA-<bits>": any other length fails the job (probed: SHA2(s, 42))
    if (![224, 256, 384, 512].includes(n)) throw evalError('IllegalArgumentException', `SHA-${n} MessageDigest not available`);
    return createHash(`sha${n}`).update(b(v)).digest('hex');
  });
});

/** Java's `BigInteger.hashCode()`: over the magnitude's 32-bit words, most significant first, times the sign. */
function javaBigIntegerHash(v: bigint): number {
  const sign = v < 0n ? -1 : v > 0n ? 1 : 0;
  let mag = v < 0n ? -v : v;
  const words: number[] = [];
  for (; mag > 0n; mag >>= 32n) words.unshift(Number(mag & 0xffffffffn));
  let h = 0;
  for (const w of words) h = (Math.imul(31, h) + w) | 0;
  return Math.imul(h, sign) | 0;
}

/** Java's `String.hashCode()` over UTF-16 code units. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

register('HASH_CODE', (a, call, api) => {
  const c = api.compile(a[0] as never);
  const t = c.type;
  switch (t.kind) {
    case 'CHAR': case 'VARCHAR': return strict([c], T.int(false), (s: string) => javaStringHash(s));
    case 'TINYINT': case 'SMALLINT': case 'INT': return strict([c], T.int(false), (v: number) => v);
    case 'BIGINT': return strict([c], T.int(false), (v: bigint) => Number(BigInt.asIntN(32, v ^ (BigInt.asUintN(64, v) >> 32n))));
    case 'BOOLEAN': return strict([c], T.int(false), (v: boolean) => (v ? 1231 : 1237));
    case 'DATE': case 'TIME': return strict([c], T.int(false), (v: number) => v | 0);
    case 'DOUBLE': return strict([c], T.int(false), (v: number) => {
      const view = new DataView(new ArrayBuffer(8));
      view.setFloat64(0, Number.isNaN(v) ? NaN : v);
      return (view.getInt32(0) ^ view.getInt32(4)) | 0;
    });
    case 'FLOAT': return strict([c], T.int(false), (v: number) => {
      const view = new DataView(new ArrayBuffer(4));
      view.setFloat32(0, Number.isNaN(v) ? NaN : v);
      return view.getInt32(0);
    });
    // DecimalData: BigDecimal.hashCode() (31 * the unscaled BigInteger's hashCode + scale)
    case 'DECIMAL': return strict([c], T.int(false), (v: Decimal) => (Math.imul(31, javaBigIntegerHash(v.unscaled)) + v.scale) | 0);
    // TimestampData: 31 * ((int) millis ^ (int) (millis >> 32)) + nanoOfMillisecond
    case 'TIMESTAMP': return strict([c], T.int(false), (v: Timestamp) => {
      const ms = BigInt(v.millis);
      return (Math.imul(31, Number(BigInt.asIntN(32, ms ^ (ms >> 32n)))) + v.nanos) | 0;
    });
    case 'NULL': return { type: T.int(), eval: () => null };
    default: throw unsupported(`HASH_CODE of ${typeToString(t)}`, call.span);
  }
});
