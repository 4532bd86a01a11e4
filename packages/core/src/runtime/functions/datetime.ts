/** Date and time functions: EXTRACT, FLOOR/CEIL TO, TIMESTAMPADD/DIFF, TO_TIMESTAMP, DATE_FORMAT, clocks … */
import type { Expression, Extract, FloorCeil, TimeUnit } from '../../ast/expression.js';
import type { Span } from '../../ast/node.js';
import type { DataType } from '../../types/data-type.js';
import type { Compiled } from '../compiled.js';
import { textError, evalError, notReached } from '../errors.js';
import { isCharacter, isIntegral, isNumeric, T, typeToString, withNullable } from '../types.js';
import {
  addMonthsToDays, civilFromDays, daysFromCivil, floorDiv, floorMod, instantToLocal, isKnownZone, localToInstant, MS_PER_DAY,
  daysInMonth, parseTimestamp, Timestamp,
} from '../values/temporal.js';
import { toDouble } from './cast.js';
import { parseDateLenient } from './cast.js';
import { formatWithPattern, parseWithPattern } from './date-format.js';
import { flinkParseDateDays, parseSimpleDateFormat } from './simple-date-format.js';
import { strict, strictNullable } from './helpers.js';
import type { CompilerApi } from './registry.js';
import { register } from './registry.js';
import { TYPE_TEXTS } from '../../typing/codes.js';
import { argumentProblem } from '../../typing/argument-rules.js';

const UNIT_MS: Partial<Record<TimeUnit, number>> = {
  WEEK: 7 * MS_PER_DAY, DAY: MS_PER_DAY, HOUR: 3_600_000, MINUTE: 60_000, SECOND: 1000, MILLISECOND: 1,
};

/** Local wall-clock milliseconds (and nanos) of a datetime value, for field extraction. */
function localParts(t: DataType, zone: string): (v: unknown) => Timestamp {
  switch (t.kind) {
    case 'DATE': return (v) => new Timestamp((v as number) * MS_PER_DAY);
    case 'TIME': return (v) => new Timestamp(v as number);
    case 'TIMESTAMP': return (v) => v as Timestamp;
    case 'TIMESTAMP_LTZ': return (v) => instantToLocal(v as Timestamp, zone);
    default: throw new Error('not a datetime');
  }
}

function isoWeek(days: number): { week: number; year: number } {
  const dow = floorMod(days + 3, 7) + 1; // Monday = 1
  const thursday = days - dow + 4;
  const { y } = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(y, 1, 1)) / 7) + 1;
  return { week, year: y };
}

export function extractField(unit: TimeUnit, ts: Timestamp): bigint {
  const days = floorDiv(ts.millis, MS_PER_DAY);
  const ms = ts.millis - days * MS_PER_DAY;
  const { y, m, d } = civilFromDays(days);
  switch (unit) {
    case 'MILLENNIUM': return BigInt(y > 0 ? Math.floor((y + 999) / 1000) : Math.ceil((y - 999) / 1000));
    case 'CENTURY': return BigInt(y > 0 ? Math.floor((y + 99) / 100) : Math.ceil((y - 99) / 100));
    case 'DECADE': return BigInt(Math.floor(y / 10));
    case 'YEAR': return BigInt(y);
    case 'QUARTER': return BigInt(Math.floor((m - 1) / 3) + 1);
    case 'MONTH': return BigInt(m);
    case 'WEEK': return BigInt(isoWeek(days).week);
    case 'DAY': return BigInt(d);
    case 'DOY': return BigInt(days - daysFromCivil(y, 1, 1) + 1);
    case 'DOW': return BigInt(floorMod(days + 4, 7) + 1);
    case 'ISODOW': return BigInt(floorMod(days + 3, 7) + 1);
    case 'ISOYEAR': return BigInt(isoWeek(days).year);
    case 'HOUR': return BigInt(Math.floor(ms / 3_600_000));
    case 'MINUTE': return BigInt(Math.floor(ms / 60_000) % 60);
    case 'SECOND': return BigInt(Math.floor(ms / 1000) % 60);
    case 'MILLISECOND': return BigInt(ms % 1000);
    case 'MICROSECOND': return BigInt((ms % 1000) * 1000 + Math.floor(ts.nanos / 1000));
    case 'NANOSECOND': return BigInt((ms % 1000) * 1_000_000 + ts.nanos);
    case 'EPOCH': return BigInt(Math.floor(ts.millis / 1000));
  }
}

export function compileExtract(unit: TimeUnit, op: Compiled, api: CompilerApi, span?: Span): Compiled {
  const t = op.type;
  if (t.kind === 'INTERVAL_YEAR_MONTH') {
    if (unit !== 'YEAR' && unit !== 'MONTH' && unit !== 'QUARTER') throw textError(TYPE_TEXTS.badArgument({ kind: 'extractUnit', unit, type: typeToString(t), interval: 'year-month' }), span);
    return strict([op], T.bigint(false), (v: number) => BigInt(unit === 'YEAR' ? Math.trunc(v / 12) : unit === 'MONTH' ? v % 12 : Math.trunc((v % 12) / 3) + 1));
  }
  if (t.kind === 'INTERVAL_DAY_TIME') {
    return strict([op], T.bigint(false), (v: number) => {
      switch (unit) {
        case 'DAY': return BigInt(Math.trunc(v / MS_PER_DAY));
        case 'HOUR': return BigInt(Math.trunc(v / 3_600_000) % 24);
        case 'MINUTE': return BigInt(Math.trunc(v / 60_000) % 60);
        case 'SECOND': return BigInt(Math.trunc(v / 1000) % 60);
        case 'MILLISECOND': return BigInt(v % 60_000);
        case 'EPOCH': return BigInt(Math.trunc(v / 1000));
        default: throw evalError('IllegalArgumentException', `Cannot extract ${unit} from an interval`);
      }
    });
  }
  if (t.kind === 'NULL') return { type: T.bigint(), eval: () => null };
  if (t.kind !== 'DATE' && t.kind !== 'TIME' && t.kind !== 'TIMESTAMP' && t.kind !== 'TIMESTAMP_LTZ') {
    throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: 'EXTRACT', types: [typeToString(t)] }), span);
  }
  if (t.kind === 'TIME' && !['HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND', 'NANOSECOND', 'EPOCH'].includes(unit)) {
    throw textError(TYPE_TEXTS.badArgument({ kind: 'extractUnit', unit, type: 'TIME' }), span);
  }
  // Flink 1.20.1 reads a DATE's day number as milliseconds for a time-of-day unit (probed: EXTRACT(SECOND FROM DATE
  // '2024-03-15'), day 19797, is 19 and its MILLISECOND 797), as TIMESTAMPDIFF reads a TIME's milliseconds as days
  if (t.kind === 'DATE' && (unit === 'HOUR' || unit === 'MINUTE' || unit === 'SECOND' || unit === 'MILLISECOND')) {
    return strict([op], T.bigint(false), (v: number) => extractField(unit, new Timestamp(v)));
  }
  const parts = localParts(t, api.session.zone);
  return strict([op], T.bigint(false), (v: unknown) => extractField(unit, parts(v)));
}

function floorTs(ts: Timestamp, unit: TimeUnit, ceil: boolean): Timestamp {
  const days = floorDiv(ts.millis, MS_PER_DAY);
  // Calcite's CEIL to YEAR / QUARTER / MONTH looks at the date only: a timestamp on the first day of the
  // unit ceils to that day, whatever its time of day (Flink asserts this).
  if (ceil && (unit === 'YEAR' || unit === 'QUARTER' || unit === 'MONTH')) {
    const f = floorTs(new Timestamp(days * MS_PER_DAY), unit, false);
    if (f.millis === days * MS_PER_DAY) return f;
  }
  const { y, m } = civilFromDays(days);
  let start: number;
  let next: number;
  switch (unit) {
    case 'YEAR': start = daysFromCivil(y, 1, 1) * MS_PER_DAY; next = daysFromCivil(y + 1, 1, 1) * MS_PER_DAY; break;
    case 'QUARTER': {
      const qm = Math.floor((m - 1) / 3) * 3 + 1;
      start = daysFromCivil(y, qm, 1) * MS_PER_DAY;
      next = addMonthsToDays(daysFromCivil(y, qm, 1), 3) * MS_PER_DAY;
      break;
    }
    case 'MONTH': start = daysFromCivil(y, m, 1) * MS_PER_DAY; next = addMonthsToDays(daysFromCivil(y, m, 1), 1) * MS_PER_DAY; break;
    case 'WEEK': {
      const sunday = days - floorMod(days + 4, 7);
      start = sunday * MS_PER_DAY;
      next = start + 7 * MS_PER_DAY;
      break;
    }
    case 'DECADE': start = daysFromCivil(Math.floor(y / 10) * 10, 1, 1) * MS_PER_DAY; next = daysFromCivil(Math.floor(y / 10) * 10 + 10, 1, 1) * MS_PER_DAY; break;
    case 'CENTURY': { const c = Math.floor((y - 1) / 100) * 100 + 1; start = daysFromCivil(c, 1, 1) * MS_PER_DAY; next = daysFromCivil(c + 100, 1, 1) * MS_PER_DAY; break; }
    case 'MILLENNIUM': { const c = Math.floor((y - 1) / 1000) * 1000 + 1; start = daysFromCivil(c, 1, 1) * MS_PER_DAY; next = daysFromCivil(c + 1000, 1, 1) * MS_PER_DAY; break; }
    default: {
      const u = UNIT_MS[unit];
      if (!u) throw evalError('IllegalArgumentException', `Cannot floor to ${unit}`);
      start = floorDiv(ts.millis, u) * u;
      next = start + u;
    }
  }
  if (!ceil || (start === ts.millis && ts.nanos === 0)) return new Timestamp(start);
  return new Timestamp(next);
}

export function compileFloorCeil(e: FloorCeil, api: CompilerApi): Compiled {
  const op = api.compile(e.operand);
  const t = op.type;
  const ceil = e.op === 'CEIL';
  const unit = e.unit;
  switch (t.kind) {
    case 'TIMESTAMP': return strict([op], t, (v: Timestamp) => floorTs(v, unit, ceil));
    case 'TIMESTAMP_LTZ': {
      const zone = api.session.zone;
      return strict([op], t, (v: Timestamp) => localToInstant(floorTs(instantToLocal(v, zone), unit, ceil), zone));
    }
    case 'DATE':
      // CEIL(DATE TO DAY) is the next day (a legacy behaviour Flink asserts).
      if (ceil && unit === 'DAY') return strict([op], t, (v: number) => v + 1);
      return strict([op], t, (v: number) => floorDiv(floorTs(new Timestamp(v * MS_PER_DAY), unit, ceil).millis, MS_PER_DAY));
    case 'TIME': return strict([op], t, (v: number) => floorMod(floorTs(new Timestamp(v), unit, ceil).millis, MS_PER_DAY));
    default: throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: e.op, types: [typeToString(t)], expects: `a date, time or timestamp to round TO ${unit}` }), e.span);
  }
}

function unitArg(e: Expression | undefined, name: string, span?: Span): TimeUnit {
  if (e?.kind === 'TimeUnitArg') return e.unit;
  if (e?.kind === 'ColumnRef' && !e.table) {
    const u = e.name.toUpperCase().replace(/^SQL_TSI_/, '').replace(/^FRAC_SECOND$/, 'MICROSECOND');
    return u as TimeUnit;
  }
  throw notReached(`${name} without a time unit (the parser reads one)`);
}

// Calcite's month difference (DateTimeUtils.subtractMonths)
function subtractMonthsDays(d0: number, d1: number): number {
  if (d0 < d1) return -subtractMonthsDays(d1, d0);
  let m = Math.floor((d0 - d1) / 31);
  for (;;) {
    const d2 = addMonthsToDays(d1, m);
    if (d2 >= d0) return m;
    const d3 = addMonthsToDays(d1, m + 1);
    if (d3 > d0) return m;
    ++m;
  }
}

function subtractMonths(t0: number, t1: number): number {
  const m0 = floorMod(t0, MS_PER_DAY);
  const d0 = floorDiv(t0, MS_PER_DAY);
  const m1 = floorMod(t1, MS_PER_DAY);
  const d1 = floorDiv(t1, MS_PER_DAY);
  let x = subtractMonthsDays(d0, d1);
  const d2 = addMonthsToDays(d1, x);
  if (d2 === d0 && m0 < m1) --x;
  return x;
}

function toMillis(t: DataType): (v: unknown) => number {
  switch (t.kind) {
    case 'DATE': return (v) => (v as number) * MS_PER_DAY;
    case 'TIME': return (v) => v as number;
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': return (v) => (v as Timestamp).millis;
    default: throw new Error('not a datetime');
  }
}

const DATETIME_KINDS = ['DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ'];
const MONTH_UNITS: ReadonlySet<string> = new Set(['YEAR', 'QUARTER', 'MONTH']);
const isTimestamp = (t: DataType): boolean => t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ';

register('TIMESTAMPDIFF', (a, call, api) => {
  const unit = unitArg(a[0], 'TIMESTAMPDIFF', call.span);
  const x = api.compile(a[1] as Expression);
  const y = api.compile(a[2] as Expression);
  for (const c of [x, y]) if (!DATETIME_KINDS.includes(c.type.kind) && c.type.kind !== 'NULL') throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: 'TIMESTAMPDIFF', types: [typeToString(c.type)] }), call.span);
  if (x.type.kind === 'NULL' || y.type.kind === 'NULL') return { type: unit === 'NANOSECOND' ? T.bigint() : T.int(), eval: () => null };
  const problem = argumentProblem('TIMESTAMPDIFF', [T.int(), x.type, y.type], unit);
  if (problem !== undefined) throw textError(TYPE_TEXTS.badArgument(problem), call.span);
  const fx = toMillis(x.type);
  const fy = toMillis(y.type);
  // Flink 1.20.1 diffs months of two non-timestamps (DATE, TIME) as the int values they hold, read as days since
  // the epoch: a TIME's milliseconds of the day count as days there (TIMESTAMPDIFF(MONTH, TIME '00:00:00',
  // TIME '23:59:59') is 2838629 on Flink). Beside a TIMESTAMP, a TIME is milliseconds.
  if (MONTH_UNITS.has(unit) && !isTimestamp(x.type) && !isTimestamp(y.type)) {
    const months = (p: unknown, q: unknown): number => subtractMonthsDays(q as number, p as number);
    return strict([x, y], T.int(false), (p: unknown, q: unknown) => (unit === 'MONTH' ? months(p, q) : Math.trunc(months(p, q) / (unit === 'YEAR' ? 12 : 3))));
  }
  const nanos = unit === 'NANOSECOND';
  // Beside a DATE, Flink 1.20.1 counts a TIMESTAMP in whole seconds (probed: TIMESTAMPDIFF(NANOSECOND, DATE '2024-03-15',
  // TIMESTAMP '2024-03-15 10:20:30.123') is 37230000000000)
  const whole = x.type.kind === 'DATE' || y.type.kind === 'DATE';
  const second = (ms: number): number => (whole ? Math.floor(ms / 1000) * 1000 : ms);
  return strict([x, y], nanos ? T.bigint(false) : T.int(false), (p: unknown, q: unknown) => {
    const a0 = second(fx(p));
    const b0 = second(fy(q));
    if (nanos) return BigInt(b0 - a0) * 1_000_000n;
    switch (unit) {
      case 'YEAR': return Math.trunc(subtractMonths(b0, a0) / 12);
      case 'QUARTER': return Math.trunc(subtractMonths(b0, a0) / 3);
      case 'MONTH': return subtractMonths(b0, a0);
      default: {
        const u = UNIT_MS[unit];
        // the count is a long narrowed to the INT result as Java's (int) cast does (probed: 37230000000 µs is -1424705664)
        if (unit === 'MICROSECOND') return Number(BigInt.asIntN(32, BigInt(b0 - a0) * 1000n));
        if (!u) throw evalError('IllegalArgumentException', `Unsupported unit ${unit}`);
        return Math.trunc((b0 - a0) / u);
      }
    }
  });
});

/**
 * TIMESTAMPADD's count in Java int arithmetic, as Flink 1.20.1 computes it (probed): for YEAR / QUARTER / MONTH /
 * WEEK / DAY the count is narrowed to an int (`(int) count`: 2^32 + 1 days is one day) and a TIMESTAMP's day number
 * moves in wrapping int arithmetic (3,000,000,000 days from 2024 land in year -3543476); a DATE moved by DAY / WEEK
 * fails with `integer overflow` when the count (times 7) is not an int (Math.toIntExact / multiplyExact). HOUR and
 * smaller units move milliseconds in long arithmetic.
 */
const javaInt = (k: bigint): number => Number(BigInt.asIntN(32, k));
function exactInt(k: bigint): number {
  if (k !== BigInt.asIntN(32, k)) throw evalError('ArithmeticException', 'integer overflow');
  return Number(k);
}

register('TIMESTAMPADD', (a, call, api) => {
  const unit = unitArg(a[0], 'TIMESTAMPADD', call.span);
  const n = api.compile(a[1] as Expression);
  const x = api.compile(a[2] as Expression);
  if (!isIntegral(n.type) && n.type.kind !== 'NULL') throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: 'TIMESTAMPADD', types: [typeToString(n.type)], position: 2, expects: 'an integer count' }), call.span);
  const nn = n.type.kind === 'NULL' ? n : api.coerce(n, T.bigint(n.type.nullable));
  const monthly = unit === 'YEAR' || unit === 'QUARTER' || unit === 'MONTH';
  const months = unit === 'YEAR' ? 12 : unit === 'QUARTER' ? 3 : 1;
  const msUnit = UNIT_MS[unit] ?? (unit === 'MICROSECOND' ? 0.001 : 0);
  const t = x.type;
  const perDay = unit === 'WEEK' ? 7 : 1;
  switch (t.kind) {
    case 'DATE':
      if (monthly) return strict([nn, x], T.date(false), (k: bigint, d: number) => addMonthsToDays(d, javaInt(k) * months | 0));
      if (unit === 'DAY' || unit === 'WEEK') return strict([nn, x], T.date(false), (k: bigint, d: number) => d + exactInt(k * BigInt(perDay)));
      return strict([nn, x], T.timestamp(6, false), (k: bigint, d: number) => new Timestamp(d * MS_PER_DAY + Number(k) * msUnit));
    case 'TIME':
      if (monthly) return strict([nn, x], t, (_k: bigint, d: number) => d);
      return strict([nn, x], t, (k: bigint, d: number) => floorMod(d + Number(k) * msUnit, MS_PER_DAY));
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ':
      if (monthly || unit === 'DAY' || unit === 'WEEK') {
        return strict([nn, x], t, (k: bigint, ts: Timestamp) => {
          const days = floorDiv(ts.millis, MS_PER_DAY);
          const moved = monthly ? addMonthsToDays(days, javaInt(k) * months | 0) : (days + (javaInt(k) * perDay | 0)) | 0;
          return new Timestamp(moved * MS_PER_DAY + (ts.millis - days * MS_PER_DAY), ts.nanos);
        });
      }
      return strict([nn, x], t, (k: bigint, ts: Timestamp) => new Timestamp(ts.millis + Number(k) * msUnit, ts.nanos));
    case 'NULL':
      return { type: T.timestamp(), eval: () => null };
    default:
      throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: 'TIMESTAMPADD', types: [typeToString(t)] }), call.span);
  }
});

function extractShortcut(unit: TimeUnit): void {
  register(unit === 'DOY' ? 'DAYOFYEAR' : unit === 'DOW' ? 'DAYOFWEEK' : unit === 'DAY' ? 'DAYOFMONTH' : unit, (a, call, api) => {
    if (a.length !== 1) throw notReached(`${unit} with ${a.length} arguments`);
    return compileExtract(unit, api.compile(a[0] as Expression), api, call.span);
  });
}
for (const u of ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DOY', 'DOW', 'DAY', 'HOUR', 'MINUTE', 'SECOND'] as const) extractShortcut(u);

function textArg(api: CompilerApi, e: Expression | undefined, name: string, span?: Span): Compiled {
  if (!e) throw notReached(`${name} without an argument`);
  const c = api.compile(e);
  if (!isCharacter(c.type) && c.type.kind !== 'NULL') throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: name, types: [typeToString(c.type)] }), e.span);
  return c;
}

/** TO_TIMESTAMP's parse: java.time's SMART resolver clamps a day up to 31 to the month's end (Flink 1.20.1). */
function parseTsText(s: string, fmt?: string): Timestamp | null {
  if (fmt !== undefined) return parseWithPattern(s, fmt, true);
  const ts = parseTimestamp(s);
  if (ts) return ts;
  const m = /^(\s*-?\d{1,9})-(\d{1,2})-(\d{1,2})(?=$|[ T\s])/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d > 31 || d <= daysInMonth(y, mo)) return null;
  return parseTimestamp(`${m[1] as string}-${m[2] as string}-${daysInMonth(y, mo)}${s.slice(m[0].length)}`);
}

/**
 * TO_TIMESTAMP(s, format) as Flink's DateTimeUtils.parseTimestampData(s, format): a text the format does not read
 * falls back to java.sql.Timestamp.valueOf (with a space) or java.sql.Date.valueOf (without) of the trimmed text
 * (TO_TIMESTAMP('2024-03-15 10:20:30', '2') is that timestamp, probed); a format DateTimeFormatter refuses (an
 * unknown letter such as `b`) gives NULL, as Flink answered for TO_TIMESTAMP(…, 'Ab1').
 */
register('TO_TIMESTAMP', (a, call, api) => {
  const cs = a.map((x, i) => textArg(api, x, 'TO_TIMESTAMP', call.span ?? (a[i] as Expression).span));
  return strictNullable(cs, T.timestamp(3), (s: string, f?: string) => {
    const ts = parseTsText(s, f) ?? (f !== undefined && isDateTimeFormatterPattern(f) ? javaSqlValueOf(s) : null);
    return ts?.truncate(3) ?? null;
  });
});

/** java.time's pattern letters (Java 17 DateTimeFormatterBuilder); any other unquoted letter, `{`, `}` or `#` is refused. */
const DATE_TIME_FORMATTER_LETTERS = 'GuyDMLdQqYwWEeFaBhKkHmsSAnNgVvzOXxZp';
function isDateTimeFormatterPattern(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === "'") {
      const j = p.indexOf("'", i + 1);
      if (j < 0) return false;
      i = j;
    } else if (c === '{' || c === '}' || c === '#') return false;
    else if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && !DATE_TIME_FORMATTER_LETTERS.includes(c)) return false;
  }
  return true;
}

/**
 * java.sql.Timestamp.valueOf (`yyyy-[m]m-[d]d hh:mm:ss[.f…]`) or, without a space, java.sql.Date.valueOf
 * (`yyyy-[m]m-[d]d`) of the trimmed text: a four-digit year, month 1–12 and day 1–31 (a day past the month's end
 * rolls over, as their deprecated Date constructors do); null where they throw IllegalArgumentException.
 */
function javaSqlValueOf(text: string): Timestamp | null {
  const s = text.trim();
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d+):(\d+):(\d+)(?:\.(\d{1,9}))?)?$/.exec(s);
  if (m === null || (s.includes(' ') && m[4] === undefined)) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, sec, 0);
  const f = (m[7] ?? '').padEnd(9, '0');
  return new Timestamp(date.getTime() + Number(f.slice(0, 3)), Number(f.slice(3)));
}
/**
 * TO_DATE(s, format) as Flink's DateTimeUtils.parseDate(s, format): a lenient SimpleDateFormat (simple-date-format.ts)
 * in UTC; a text it cannot read is Long.MIN_VALUE milliseconds, the DATE 1705471-09-27. With both arguments
 * literals Flink's planner folds the call into a DATE literal, which Calcite's DateString writes with four year
 * digits: the year keeps its last four (TO_DATE('2', 'yyyy-MM-dd') is 5471-09-27, probed).
 */
register('TO_DATE', (a, call, api) => {
  const cs = a.map((x) => textArg(api, x, 'TO_DATE', call.span));
  const folded = cs.length === 2 && cs.every((c) => c.constant !== undefined);
  return strictNullable(cs, T.date(), (s: string, f?: string) => {
    if (f === undefined) return parseDateLenient(s);
    const days = flinkParseDateDays(parseSimpleDateFormat(s, f));
    if (!folded) return days;
    const { y, m, d } = civilFromDays(days);
    return y > 9999 ? daysFromCivil(y % 10000, m, d) : days;
  });
});
register('TO_TIMESTAMP_LTZ', (a, call, api) => {
  const first = api.compile(a[0] as Expression);
  if (isNumeric(first.type)) {
    const p = a[1] ? api.compile(a[1]) : undefined;
    // a precision read from a column is checked per row (a NULL one gives NULL, probed)
    const fixed = p === undefined ? 3 : p.constant ? Number(p.constant.value) : undefined;
    const ft = first.type;
    const MIN = -62167219200000; // 0000-01-01T00:00:00Z
    const MAX = 253402300799999; // 9999-12-31T23:59:59.999Z
    return strictNullable(p !== undefined && fixed === undefined ? [first, p] : [first], T.timestampLtz(3), (v: unknown, pv?: unknown) => {
      const precision = fixed ?? Number(pv);
      if (precision !== 0 && precision !== 3) {
        throw evalError('TableException', `The precision value '${precision}' for function TO_TIMESTAMP_LTZ(numeric, precision) is unsupported, the supported value is '0' for second or '3' for millisecond.`);
      }
      const n = ft.kind === 'DECIMAL' || ft.kind === 'FLOAT' || ft.kind === 'DOUBLE' ? toDouble(v, ft) : Number(v as number | bigint);
      const ms = precision === 0 ? n * 1000 : n;
      if (!Number.isFinite(ms) || ms < MIN || ms > MAX) return null;
      const whole = Math.floor(Math.round(ms * 1000) / 1000);
      return new Timestamp(whole, 0);
    });
  }
  const cs = a.map((x) => textArg(api, x, 'TO_TIMESTAMP_LTZ', call.span));
  const zone = api.session.zone;
  return strictNullable(cs, T.timestampLtz(3), (s: string, f?: string, z?: string) => {
    const ts = parseTsText(s, f);
    return ts ? localToInstant(ts.truncate(3), z ?? zone) : null;
  });
});
register('UNIX_TIMESTAMP', (a, call, api) => {
  const zone = api.session.zone;
  if (a.length === 0) return { type: T.bigint(false), eval: () => BigInt(Math.floor(api.session.now().millis / 1000)) };
  const cs = a.map((x) => textArg(api, x, 'UNIX_TIMESTAMP', call.span));
  // Flink's SqlDateTimeUtils.unixTimestamp: a lenient SimpleDateFormat in the session zone, Long.MIN_VALUE when the
  // text does not parse, else the milliseconds / 1000 (Java division: toward zero)
  return strict(cs, T.bigint(false), (s: string, f?: string) => {
    const wall = parseSimpleDateFormat(s, f ?? 'yyyy-MM-dd HH:mm:ss');
    if (wall === null) return -9223372036854775808n;
    return BigInt(Math.trunc(localToInstant(new Timestamp(wall), zone).millis / 1000));
  });
});
register('FROM_UNIXTIME', (a, call, api) => {
  const n = api.compile(a[0] as Expression);
  if (!isIntegral(n.type) && n.type.kind !== 'NULL') throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: 'FROM_UNIXTIME', types: [typeToString(n.type)] }), call.span);
  const cs = [api.coerce(n, T.bigint(n.type.nullable)), ...a.slice(1).map((x) => textArg(api, x, 'FROM_UNIXTIME', call.span))];
  const zone = api.session.zone;
  return strict(cs, T.string(), (s: bigint, f?: string) => formatWithPattern(instantToLocal(new Timestamp(Number(s) * 1000), zone), f ?? 'yyyy-MM-dd HH:mm:ss'));
});
/**
 * DATE_FORMAT's string input as Flink 1.20.1 reads it (a lenient SimpleDateFormat `yyyy-MM-dd HH:mm:ss`): the
 * seconds are required, anything after them (a fraction) is ignored, and out-of-range fields roll over
 * (`2024-02-30` is March 1st).
 */
function parseDateFormatInput(s: string): Timestamp | null {
  const m = /^\s*(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+)/.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, sec, 0);
  return new Timestamp(date.getTime());
}

register('DATE_FORMAT', (a, call, api) => {
  const x = api.compile(a[0] as Expression);
  const f = textArg(api, a[1], 'DATE_FORMAT', call.span);
  const zone = api.session.zone;
  let toTs: (v: unknown) => Timestamp | null;
  switch (x.type.kind) {
    case 'TIMESTAMP': toTs = (v) => v as Timestamp; break;
    case 'TIMESTAMP_LTZ': toTs = (v) => instantToLocal(v as Timestamp, zone); break;
    case 'DATE': toTs = (v) => new Timestamp((v as number) * MS_PER_DAY); break;
    case 'CHAR': case 'VARCHAR': toTs = (v) => parseDateFormatInput(v as string); break;
    case 'NULL': return { type: T.string(), eval: () => null };
    default: throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: 'DATE_FORMAT', types: [typeToString(x.type)] }), call.span);
  }
  return strictNullable([x, f], T.string(), (v: unknown, p: string) => {
    const ts = toTs(v);
    return ts ? formatWithPattern(ts, p) : null;
  });
});
register('CONVERT_TZ', (a, call, api) => {
  const cs = a.map((x) => textArg(api, x, 'CONVERT_TZ', call.span));
  return strictNullable(cs, T.string(), (s: string, from: string, to: string) => {
    const ts = parseTimestamp(s);
    if (!ts) return null;
    // java.util.TimeZone.getTimeZone reads an unknown zone ID as GMT (probed: CONVERT_TZ(…, 'Ab1', 'Asia/Shanghai'))
    const zone = (z: string): string => (isKnownZone(z) ? z : 'UTC');
    return formatWithPattern(instantToLocal(localToInstant(ts, zone(from)), zone(to)), 'yyyy-MM-dd HH:mm:ss');
  });
});

function clock(names: readonly string[], type: DataType, f: (api: CompilerApi) => unknown): void {
  register(names, (a, call, api) => {
    if (a.length > 0) throw notReached(`${names[0]} with arguments`);
    return { type, eval: () => f(api) };
  });
}
const localNow = (api: CompilerApi): Timestamp => instantToLocal(api.session.now(), api.session.zone);
clock(['CURRENT_TIMESTAMP', 'NOW', 'CURRENT_ROW_TIMESTAMP'], T.timestampLtz(3, false), (api) => api.session.now());
clock(['PROCTIME'], T.timestampLtz(3, false), (api) => api.session.now());
clock(['LOCALTIMESTAMP'], T.timestamp(3, false), localNow);
clock(['CURRENT_DATE'], T.date(false), (api) => floorDiv(localNow(api).millis, MS_PER_DAY));
clock(['CURRENT_TIME', 'LOCALTIME'], T.time(0, false), (api) => {
  const ms = localNow(api).millis;
  return floorMod(ms, MS_PER_DAY) - (floorMod(ms, MS_PER_DAY) % 1000);
});

export { withNullable };
