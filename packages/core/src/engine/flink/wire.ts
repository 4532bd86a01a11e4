/**
 * Values on the wire between the Node client and the bridge (see flink/…/WireValues.java): BIGINT and DECIMAL
 * as strings, FLOAT/DOUBLE as numbers (non-finite ones as Java prints them), DATE as epoch days, TIME as
 * `HH:mm:ss.SSS`, TIMESTAMP as an ISO local date-time, TIMESTAMP_LTZ as an ISO instant, INTERVAL YEAR TO MONTH
 * as months, INTERVAL DAY TO SECOND as milliseconds, binary as hex, ARRAY and
 * ROW as arrays, MAP and MULTISET as `[key, value]` pairs.
 */
import type { DataType } from '../../types/data-type.js';
import { Decimal } from '../../runtime/values/decimal.js';
import { formatInstant } from '../../runtime/values/render.js';
import { formatLocalDateTime, formatTime, parseTime, parseTimestamp, Timestamp } from '../../runtime/values/temporal.js';

export type WireValue = null | boolean | number | string | readonly WireValue[];

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function nonFinite(v: number): WireValue {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

/** A local-runtime value as a wire value of type `t`. */
export function toWire(v: unknown, t: DataType): WireValue {
  if (v === null || v === undefined) return null;
  switch (t.kind) {
    case 'BOOLEAN': case 'TINYINT': case 'SMALLINT': case 'INT': return v as boolean | number;
    case 'BIGINT': return String(v);
    case 'FLOAT': case 'DOUBLE': return nonFinite(v as number);
    case 'DECIMAL': return (v as Decimal).toString();
    case 'CHAR': case 'VARCHAR': return v as string;
    case 'BINARY': case 'VARBINARY': return hex(v as Uint8Array);
    case 'DATE': return v as number;
    case 'TIME': return formatTime(v as number, 3);
    case 'TIMESTAMP': return formatLocalDateTime(v as Timestamp);
    case 'TIMESTAMP_LTZ': return formatInstant(v as Timestamp);
    case 'INTERVAL_YEAR_MONTH': return v as number;
    case 'INTERVAL_DAY_TIME': return String(v);
    case 'ARRAY': return (v as unknown[]).map((x) => toWire(x, t.element));
    case 'MULTISET': return [...(v as Map<unknown, number>)].map(([k, n]) => [toWire(k, t.element), n]);
    case 'MAP': return [...(v as Map<unknown, unknown>)].map(([k, x]) => [toWire(k, t.key), toWire(x, t.value)]);
    case 'ROW': return t.fields.map((f, i) => toWire((v as unknown[])[i], f.type));
    default: throw new Error(`values of type ${t.kind} cannot be sent to the Flink bridge`);
  }
}

function number(w: WireValue): number {
  return typeof w === 'number' ? w : Number(w);
}

/** A wire value from the bridge as a local-runtime value of type `t`. */
export function fromWire(w: WireValue, t: DataType): unknown {
  if (w === null) return null;
  switch (t.kind) {
    case 'BOOLEAN': return w as boolean;
    case 'TINYINT': case 'SMALLINT': case 'INT': return number(w);
    case 'BIGINT': return BigInt(w as string);
    case 'FLOAT': return Math.fround(number(w));
    case 'DOUBLE': return number(w);
    case 'DECIMAL': return (Decimal.fromString(w as string) as Decimal).setScale(t.scale);
    case 'CHAR': case 'VARCHAR': return w as string;
    case 'BINARY': case 'VARBINARY': return new Uint8Array(Buffer.from(w as string, 'hex'));
    case 'DATE': return w as number;
    case 'TIME': return parseTime(w as string);
    case 'TIMESTAMP': return parseTimestamp((w as string).replace('T', ' ')) as Timestamp;
    case 'TIMESTAMP_LTZ': return parseTimestamp((w as string).replace('T', ' ').replace(/Z$/, '')) as Timestamp;
    case 'INTERVAL_YEAR_MONTH': return number(w);
    case 'INTERVAL_DAY_TIME': return number(w);
    case 'ARRAY': return (w as WireValue[]).map((x) => fromWire(x, t.element));
    case 'MULTISET': return new Map((w as WireValue[][]).map(([k, n]) => [fromWire(k ?? null, t.element), number(n ?? 0)]));
    case 'MAP': return new Map((w as WireValue[][]).map(([k, x]) => [fromWire(k ?? null, t.key), fromWire(x ?? null, t.value)]));
    case 'ROW': return t.fields.map((f, i) => fromWire((w as WireValue[])[i] ?? null, f.type));
    default: throw new Error(`values of type ${t.kind} cannot be read from the Flink bridge`);
  }
}
