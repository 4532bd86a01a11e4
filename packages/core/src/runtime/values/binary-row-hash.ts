/**
 * The hash code of a key as Flink keeps it in a mini-batch bundle: a `BinaryRowData` of the key's fields, hashed by
 * `BinarySegmentUtils.hashByWords` (Murmur3, seed 42, over the row's bytes as 4-byte little-endian words, mixed with
 * the length). The row: a header byte (the row kind, 0 for a key) and one null bit per field, padded to 8-byte words;
 * one 8-byte slot per field (a NULL field's slot zeroed; a string of at most 7 UTF-8 bytes inline, its length | 0x80
 * in the slot's last byte, a longer one in the variable part after the slots, as (offset << 32 | length), padded to
 * 8 bytes). Undefined for a key type whose binary form is not reproduced here.
 */
import type { DataType } from '../../types/data-type.js';
import { mixH1, mixK1 } from './java-hash-order.js';

const INLINE = 7;

function fmix(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The bytes of the key row, or undefined for a type not reproduced. */
function binaryRow(values: readonly unknown[], types: readonly DataType[]): Buffer | undefined {
  const n = values.length;
  const nullBytes = Math.floor((n + 63 + 8) / 64) * 8;
  const fixed = nullBytes + 8 * n;
  const varParts: Buffer[] = [];
  let cursor = fixed;
  const slots = Buffer.alloc(fixed);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const at = nullBytes + 8 * i;
    if (v === null || v === undefined) {
      const bit = i + 8;
      slots[bit >>> 3]! |= 1 << (bit & 7);
      continue;
    }
    const t = types[i]!;
    switch (t.kind) {
      case 'BOOLEAN': slots.writeInt8(v ? 1 : 0, at); break;
      case 'TINYINT': slots.writeInt8(v as number, at); break;
      case 'SMALLINT': slots.writeInt16LE(v as number, at); break;
      case 'INT': case 'DATE': slots.writeInt32LE(v as number, at); break;
      case 'BIGINT': slots.writeBigInt64LE(BigInt(v as number | bigint), at); break;
      case 'DOUBLE': slots.writeDoubleLE(v as number, at); break;
      case 'FLOAT': slots.writeFloatLE(v as number, at); break;
      case 'CHAR': case 'VARCHAR': {
        const b = Buffer.from(v as string, 'utf8');
        if (b.length <= INLINE) {
          b.copy(slots, at);
          slots[at + 7] = b.length | 0x80;
        } else {
          const rounded = Math.ceil(b.length / 8) * 8;
          const part = Buffer.alloc(rounded);
          b.copy(part);
          varParts.push(part);
          slots.writeBigInt64LE((BigInt(cursor) << 32n) | BigInt(b.length), at);
          cursor += rounded;
        }
        break;
      }
      default: return undefined;
    }
  }
  return Buffer.concat([slots, ...varParts]);
}

/** Flink's `BinaryRowData.hashCode()` of a key row, or undefined where its binary form is not reproduced. */
export function binaryRowHash(values: readonly unknown[], types: readonly DataType[]): number | undefined {
  const row = binaryRow(values, types);
  if (row === undefined) return undefined;
  let h = 42;
  for (let i = 0; i < row.length; i += 4) h = mixH1(h, mixK1(row.readInt32LE(i)));
  return fmix(h, row.length);
}

/** Whether keys of these types hash as Flink's (binaryRowHash is defined for them). */
export function binaryRowHashable(types: readonly DataType[]): boolean {
  return types.every((t) => ['BOOLEAN', 'TINYINT', 'SMALLINT', 'INT', 'DATE', 'BIGINT', 'DOUBLE', 'FLOAT', 'CHAR', 'VARCHAR'].includes(t.kind));
}
