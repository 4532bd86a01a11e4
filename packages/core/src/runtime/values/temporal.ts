/**
 * Date, time and timestamp values.
 *
 * - DATE: days since 1970-01-01 (a number).
 * - TIME(p): milliseconds of the day (a number), as Flink stores it.
 * - TIMESTAMP(p) / TIMESTAMP_LTZ(p): a `Timestamp` = epoch milliseconds + nanoseconds within the millisecond
 *   (Flink's TimestampData). For TIMESTAMP the millis are the wall clock read as UTC; for TIMESTAMP_LTZ they
 *   are the instant.
 * - INTERVAL YEAR TO MONTH: months (a number); INTERVAL DAY TO SECOND: milliseconds (a number).
 */
export const MS_PER_DAY = 86_400_000;

export class Timestamp {
  constructor(
    readonly millis: number,
    /** 0..999999: nanoseconds after `millis`. */
    readonly nanos: number = 0,
  ) {}

  static ofEpochNanos(n: bigint): Timestamp {
    const ms = n / 1_000_000n - (n % 1_000_000n < 0n ? 1n : 0n);
    return new Timestamp(Number(ms), Number(n - ms * 1_000_000n));
  }

  epochNanos(): bigint {
    return BigInt(this.millis) * 1_000_000n + BigInt(this.nanos);
  }

  compare(o: Timestamp): number {
    return this.millis !== o.millis ? (this.millis < o.millis ? -1 : 1) : this.nanos - o.nanos;
  }

  /** Truncate the fraction to `precision` digits (Flink truncates when casting to a lower precision). */
  truncate(precision: number): Timestamp {
    if (precision >= 9) return this;
    if (precision >= 3) {
      const unit = 10 ** (9 - precision);
      return this.nanos % unit === 0 ? this : new Timestamp(this.millis, this.nanos - (this.nanos % unit));
    }
    const unit = 10 ** (3 - precision);
    return new Timestamp(Math.floor(this.millis / unit) * unit, 0);
  }
}

// --------------------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, as java.time)

export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: m <= 2 ? y + 1 : y, m, d };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 30;
}

/** Add months, clamping the day to the month's length (java.time `plusMonths`). */
export function addMonthsToDays(days: number, months: number): number {
  const { y, m, d } = civilFromDays(days);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}
export function floorMod(a: number, b: number): number {
  return a - Math.floor(a / b) * b;
}

// --------------------------------------------------------------------------------------------------------
// Parsing

const DATE_RE = /^\s*(-?\d{1,9})-(\d{1,2})-(\d{1,2})\s*$/;
const TIME_RE = /^\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?\s*$/;
const TS_RE = /^\s*(-?\d{1,9})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?)?\s*$/;

export function parseDate(text: string): number | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

/** TIME text to milliseconds of the day (fraction beyond millis is dropped, like Flink). */
export function parseTime(text: string): number | null {
  const m = TIME_RE.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  const frac = (m[4] ?? '').padEnd(3, '0').slice(0, 3);
  return ((h * 60 + mi) * 60 + s) * 1000 + Number(frac);
}

export function parseTimestamp(text: string): Timestamp | null {
  const m = TS_RE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  const h = Number(m[4] ?? 0);
  const mi = Number(m[5] ?? 0);
  const s = Number(m[6] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return null;
  const frac = (m[7] ?? '').padEnd(9, '0');
  const ms = Number(frac.slice(0, 3));
  const nanos = Number(frac.slice(3, 9));
  return new Timestamp(daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms, nanos);
}

// --------------------------------------------------------------------------------------------------------
// Formatting

const pad = (n: number, w: number): string => {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= w ? s : '0'.repeat(w - s.length) + s);
};

export function formatDate(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function fraction(msOfSecond: number, nanos: number, precision: number): string {
  if (precision <= 0) return '';
  const all = pad(msOfSecond, 3) + pad(nanos, 6);
  return '.' + all.slice(0, precision);
}

/** TIME(p) as Flink's CAST(... AS STRING): `HH:mm:ss` plus p fraction digits (at most 3 are stored). */
export function formatTime(msOfDay: number, precision: number): string {
  const s = Math.floor(msOfDay / 1000);
  const base = `${pad(Math.floor(s / 3600), 2)}:${pad(Math.floor(s / 60) % 60, 2)}:${pad(s % 60, 2)}`;
  return base + fraction(msOfDay % 1000, 0, precision);
}

/** TIMESTAMP(p) as `yyyy-MM-dd HH:mm:ss` plus exactly p fraction digits. */
export function formatTimestamp(ts: Timestamp, precision: number): string {
  const days = floorDiv(ts.millis, MS_PER_DAY);
  const msOfDay = ts.millis - days * MS_PER_DAY;
  return `${formatDate(days)} ${formatTime(msOfDay - (msOfDay % 1000), 0)}${fraction(msOfDay % 1000, ts.nanos, precision)}`;
}

/** Java's `LocalDateTime.toString()`: `2020-10-10T00:00`, seconds and fraction only when non-zero. */
export function formatLocalDateTime(ts: Timestamp): string {
  const days = floorDiv(ts.millis, MS_PER_DAY);
  const msOfDay = ts.millis - days * MS_PER_DAY;
  return `${formatDate(days)}T${formatLocalTime(msOfDay, ts.nanos)}`;
}

/** Java's `LocalTime.toString()`. */
export function formatLocalTime(msOfDay: number, nanos = 0): string {
  const s = Math.floor(msOfDay / 1000);
  const ms = msOfDay % 1000;
  let out = `${pad(Math.floor(s / 3600), 2)}:${pad(Math.floor(s / 60) % 60, 2)}`;
  if (s % 60 !== 0 || ms !== 0 || nanos !== 0) {
    out += `:${pad(s % 60, 2)}`;
    if (nanos !== 0) {
      const n = pad(ms, 3) + pad(nanos, 6);
      out += '.' + (n.endsWith('000') ? (n.endsWith('000000') ? n.slice(0, 3) : n.slice(0, 6)) : n);
    } else if (ms !== 0) out += '.' + pad(ms, 3);
  }
  return out;
}

// --------------------------------------------------------------------------------------------------------
// Time zones

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Is `zone` a time zone id this platform knows? */
export function isKnownZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset in milliseconds at the instant `epochMs`. */
export function zoneOffsetMs(zone: string, epochMs: number): number {
  if (zone === 'UTC' || zone === 'GMT' || zone === 'Z') return 0;
  const fixed = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) * 60_000;
  const whole = Math.floor(epochMs / 1000) * 1000;
  const parts = formatterFor(zone).formatToParts(new Date(whole));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  let y = get('year');
  if (parts.find((p) => p.type === 'era')?.value === 'BC') y = 1 - y;
  const local = daysFromCivil(y, get('month'), get('day')) * MS_PER_DAY + ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000;
  return local - whole;
}

/** Instant → wall clock in `zone` (TIMESTAMP_LTZ → TIMESTAMP). */
export function instantToLocal(ts: Timestamp, zone: string): Timestamp {
  return new Timestamp(ts.millis + zoneOffsetMs(zone, ts.millis), ts.nanos);
}

/** Wall clock in `zone` → instant (earlier offset on overlaps, shifted forward in gaps, like java.time). */
export function localToInstant(ts: Timestamp, zone: string): Timestamp {
  const local = ts.millis;
  const candidates = new Set([zoneOffsetMs(zone, local - 86_400_000), zoneOffsetMs(zone, local + 86_400_000), zoneOffsetMs(zone, local - zoneOffsetMs(zone, local))]);
  const valid = [...candidates].filter((o) => zoneOffsetMs(zone, local - o) === o);
  // overlap: the earlier instant (larger offset); gap: the offset before the transition (the smaller one)
  const off = valid.length > 0 ? Math.max(...valid) : Math.min(...candidates);
  return new Timestamp(local - off, ts.nanos);
}
