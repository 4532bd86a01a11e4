/**
 * Rendering runtime values as Flink does:
 * - `renderValue`: the result of `CAST(x AS STRING)` (what `functions.jsonl` cases expect; `NULL` upper-case);
 * - `renderRowField`: Java `Row.toString()` fields (`null` lower-case, TIMESTAMP as `LocalDateTime`).
 */
import type { DataType } from '../../types/data-type.js';
import { Decimal } from './decimal.js';
import { javaMapEntries } from './java-hash-order.js';
import { javaDoubleToString, javaFloatToString } from './java-number.js';
import { formatDate, formatLocalDateTime, formatLocalTime, formatTime, formatTimestamp, instantToLocal, Timestamp } from './temporal.js';

export function bytesToHex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

export function formatIntervalMonths(months: number): string {
  const sign = months < 0 ? '-' : '+';
  const a = Math.abs(months);
  return `${sign}${Math.floor(a / 12)}-${String(a % 12).padStart(2, '0')}`;
}

export function formatIntervalMillis(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  let a = Math.abs(ms);
  const days = Math.floor(a / 86_400_000);
  a -= days * 86_400_000;
  return `${sign}${days} ${formatTime(a, 3)}`;
}

/** `CAST(value AS STRING)` with Flink's rules. `zone` is the session time zone (for TIMESTAMP_LTZ). */
export function renderValue(v: unknown, t: DataType, zone: string): string {
  if (v === null || v === undefined) return 'NULL';
  switch (t.kind) {
    case 'BOOLEAN': return v ? 'TRUE' : 'FALSE';
    case 'TINYINT': case 'SMALLINT': case 'INT': case 'BIGINT': return String(v);
    case 'FLOAT': return javaFloatToString(v as number);
    case 'DOUBLE': return javaDoubleToString(v as number);
    case 'DECIMAL': return (v as Decimal).toString();
    case 'CHAR': case 'VARCHAR': return v as string;
    case 'BINARY': case 'VARBINARY': return new TextDecoder().decode(v as Uint8Array);
    case 'DATE': return formatDate(v as number);
    case 'TIME': return formatTime(v as number, 0);
    case 'TIMESTAMP': return formatTimestamp(v as Timestamp, t.precision);
    case 'TIMESTAMP_LTZ': return formatTimestamp(instantToLocal(v as Timestamp, zone), t.precision);
    case 'INTERVAL_YEAR_MONTH': return formatIntervalMonths(v as number);
    case 'INTERVAL_DAY_TIME': return formatIntervalMillis(v as number);
    case 'ARRAY':
      return `[${(v as unknown[]).map((e) => renderValue(e, t.element, zone)).join(', ')}]`;
    case 'MULTISET':
      return `{${[...multisetCounts(v)].map(([e, n]) => `${renderValue(e, t.element, zone)}=${n}`).join(', ')}}`;
    case 'MAP':
      return `{${[...(v as Map<unknown, unknown>).entries()].map(([k, x]) => `${renderValue(k, t.key, zone)}=${renderValue(x, t.value, zone)}`).join(', ')}}`;
    case 'ROW':
      return `(${(v as unknown[]).map((e, i) => renderValue(e, t.fields[i]?.type ?? t, zone)).join(', ')})`;
    case 'RAW': return String(v);
    case 'NULL': return 'NULL';
  }
}

/** How a result of type `t` is shown in a functions case: binary results as `x'hex'`, everything else as CAST. */
export function renderResult(v: unknown, t: DataType, zone: string): string {
  if (v !== null && v !== undefined && (t.kind === 'BINARY' || t.kind === 'VARBINARY')) return `x'${bytesToHex(v as Uint8Array)}'`;
  return renderValue(v, t, zone);
}

/** One field of Java's `Row.toString()`. */
export function renderRowField(v: unknown, t: DataType): string {
  if (v === null || v === undefined) return 'null';
  switch (t.kind) {
    case 'BOOLEAN': return v ? 'true' : 'false';
    case 'FLOAT': return javaFloatToString(v as number);
    case 'DOUBLE': return javaDoubleToString(v as number);
    case 'DECIMAL': return javaBigDecimalToString(v as Decimal);
    case 'DATE': return formatDate(v as number);
    case 'TIME': return formatLocalTime(v as number);
    case 'TIMESTAMP': return formatLocalDateTime(v as Timestamp);
    case 'TIMESTAMP_LTZ': return formatInstant(v as Timestamp);
    case 'BINARY': case 'VARBINARY': return `[${[...(v as Uint8Array)].map((b) => (b > 127 ? b - 256 : b)).join(', ')}]`;
    case 'ARRAY': return `[${(v as unknown[]).map((e) => renderRowField(e, t.element)).join(', ')}]`;
    // a java.util.HashMap (Flink's external class for both), printed in its iteration order
    case 'MULTISET': return `{${javaMapEntries(multisetCounts(v), t.element).map(([e, n]) => `${renderRowField(e, t.element)}=${n}`).join(', ')}}`;
    case 'MAP': return `{${javaMapEntries(v as Map<unknown, unknown>, t.key).map(([k, x]) => `${renderRowField(k, t.key)}=${renderRowField(x, t.value)}`).join(', ')}}`;
    case 'ROW': return `+I[${(v as unknown[]).map((e, i) => renderRowField(e, t.fields[i]?.type ?? t)).join(', ')}]`;
    case 'INTERVAL_YEAR_MONTH': return formatIntervalMonths(v as number);
    case 'INTERVAL_DAY_TIME': return formatIntervalMillis(v as number);
    default: return String(v);
  }
}

/** Java's `Instant.toString()`: seconds always shown, the fraction in groups of 3 digits when non-zero. */
export function formatInstant(ts: Timestamp): string {
  const s = formatLocalDateTime(new Timestamp(ts.millis - (ts.millis % 1000 + 1000) % 1000));
  const base = s.length === 16 ? `${s}:00` : s;
  const ms = ((ts.millis % 1000) + 1000) % 1000;
  if (ms === 0 && ts.nanos === 0) return `${base}Z`;
  let frac = String(ms).padStart(3, '0') + String(ts.nanos).padStart(6, '0');
  frac = frac.endsWith('000000') ? frac.slice(0, 3) : frac.endsWith('000') ? frac.slice(0, 6) : frac;
  return `${base}.${frac}Z`;
}

/** Java's `BigDecimal.toString()`: plain unless the exponent is below -6, then scientific (`1.2E-7`). */
export function javaBigDecimalToString(d: Decimal): string {
  const neg = d.unscaled < 0n;
  const digits = (neg ? -d.unscaled : d.unscaled).toString();
  const adjusted = -d.scale + (digits.length - 1);
  if (d.scale >= 0 && adjusted >= -6) return d.toString();
  const coeff = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${neg ? '-' : ''}${coeff}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
}

/** A MULTISET value (a map from element to count; an array of elements is counted). */
export function multisetCounts(v: unknown): ReadonlyMap<unknown, number> {
  if (v instanceof Map) return v as ReadonlyMap<unknown, number>;
  const m = new Map<unknown, number>();
  for (const e of v as unknown[]) m.set(e, (m.get(e) ?? 0) + 1);
  return m;
}
