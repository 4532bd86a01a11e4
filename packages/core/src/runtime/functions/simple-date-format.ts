/**
 * Parsing as Java's lenient `SimpleDateFormat.parse(String)` does, for the functions Flink 1.20.1 implements with
 * it (DateTimeUtils.internalParseTimestampMillis: TO_DATE(s, format), UNIX_TIMESTAMP(s, format)):
 * - the pattern is compiled first: an unquoted ASCII letter that is no pattern letter fails the call with
 *   `Illegal pattern character 'A'` (IllegalArgumentException, which Flink does not catch), an open quote with
 *   `Unterminated quote`;
 * - the text is read from its start; what follows the last field is ignored (`TO_DATE('2024-03-15', '2')` reads
 *   the literal `2` and is 1970-01-01); a literal must match exactly; a number field skips leading spaces and tabs,
 *   reads an optional `-` and digits (exactly `count` characters when another field follows at once); a month,
 *   day or hour out of range rolls over (lenient); a one- or two-letter year of two digits lands in the century
 *   that starts 80 years before now;
 * - the fields are set on a GregorianCalendar: Julian before 1582-10-15, unset fields 1970-01-01 00:00:00.000.
 * A text that does not fit gives null (Flink's ParseException, which its callers turn into Long.MIN_VALUE).
 */
import { evalError, unsupported } from '../errors.js';
import { daysFromCivil, MS_PER_DAY } from '../values/temporal.js';

type Token = { readonly letter: string; readonly count: number } | { readonly literal: string };

/** SimpleDateFormat's pattern letters (DateFormatSymbols.patternChars). */
const PATTERN_LETTERS = 'GyMdkHmsSEDFwWahKzZYuXL';
/** The letters read here; the others (week fields, zones, day of year) are refused as not supported. */
const READ = 'GyMdkHmsSEahKL';

const compiled = new Map<string, Token[]>();

function compile(pattern: string): Token[] {
  const hit = compiled.get(pattern);
  if (hit !== undefined) return hit;
  const out: Token[] = [];
  for (let i = 0; i < pattern.length; ) {
    const c = pattern[i] as string;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out.push({ literal: "'" });
        i += 2;
        continue;
      }
      let lit = '';
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw evalError('IllegalArgumentException', 'Unterminated quote');
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") { lit += "'"; j += 2; continue; }
          break;
        }
        lit += pattern[j];
        j++;
      }
      if (lit !== '') out.push({ literal: lit });
      i = j + 1;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      if (!PATTERN_LETTERS.includes(c)) throw evalError('IllegalArgumentException', `Illegal pattern character '${c}'`);
      let j = i;
      while (pattern[j] === c) j++;
      out.push({ letter: c, count: j - i });
      i = j;
    } else {
      out.push({ literal: c });
      i++;
    }
  }
  compiled.set(pattern, out);
  return out;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** The index of the longest of `names` (or their 3-letter forms) that `text` has at `at`, case-insensitively. */
function matchName(text: string, at: number, names: readonly string[]): { index: number; end: number } | undefined {
  let best: { index: number; end: number } | undefined;
  const lower = text.slice(at).toLowerCase();
  names.forEach((name, index) => {
    for (const form of [name, name.slice(0, 3)]) {
      if (lower.startsWith(form) && (best === undefined || at + form.length > best.end)) best = { index, end: at + form.length };
    }
  });
  return best;
}

/** The wall-clock milliseconds (UTC reckoning) `text` gives with `pattern`, or null when it does not parse. */
export function parseSimpleDateFormat(text: string, pattern: string, now: () => number = Date.now): number | null {
  const tokens = compile(pattern);
  for (const t of tokens) if ('letter' in t && !READ.includes(t.letter)) throw unsupported(`the SimpleDateFormat pattern letter '${t.letter}' (TO_DATE / UNIX_TIMESTAMP)`);
  let year = 1970;
  let month = 0;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let milli = 0;
  let pm: boolean | undefined;
  let hour12: number | undefined;
  let bc = false;
  let ambiguousYear = false;
  let at = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if ('literal' in t) {
      if (!text.startsWith(t.literal, at)) return null;
      at += t.literal.length;
      continue;
    }
    const next = tokens[k + 1];
    const obeyCount = next !== undefined && 'letter' in next;
    const letter = t.letter;
    if ((letter === 'M' || letter === 'L') && t.count >= 3) {
      const m = matchName(text, at, MONTHS);
      if (m === undefined) return null;
      month = m.index;
      at = m.end;
      continue;
    }
    if (letter === 'E' || letter === 'a' || letter === 'G') {
      const m = letter === 'E' ? matchName(text, at, DAYS) : matchName(text, at, letter === 'a' ? ['am', 'pm'] : ['bc', 'ad']);
      if (m === undefined) return null;
      if (letter === 'a') pm = m.index === 1;
      if (letter === 'G') bc = m.index === 0;
      at = m.end;
      continue;
    }
    // a number: leading spaces / tabs skipped, then DecimalFormat's integer (an optional '-', digits)
    while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
    if (at >= text.length) return null;
    const end = obeyCount ? at + t.count : text.length;
    if (end > text.length) return null;
    const m = /^-?\d+/.exec(text.slice(at, end));
    if (m === null) return null;
    const start = at;
    const v = Number(m[0]);
    at += m[0].length;
    switch (letter) {
      case 'y': {
        let y = v;
        if (t.count <= 2 && at - start === 2 && /^\d\d$/.test(m[0])) {
          // the 80-years-back century of SimpleDateFormat's defaultCenturyStart
          const startYear = new Date(now()).getUTCFullYear() - 80;
          const two = startYear % 100;
          ambiguousYear = v === two;
          y = v + Math.floor(startYear / 100) * 100 + (v < two ? 100 : 0);
        }
        year = y;
        break;
      }
      case 'M': case 'L': month = v - 1; break;
      case 'd': day = v; break;
      case 'H': hour = v; hour12 = undefined; break;
      case 'k': hour = v === 24 ? 0 : v; hour12 = undefined; break;
      case 'K': hour12 = v; break;
      case 'h': hour12 = v === 12 ? 0 : v; break;
      case 'm': minute = v; break;
      case 's': second = v; break;
      case 'S': milli = v; break;
      default: return null;
    }
  }
  if (at === 0) return null;
  if (hour12 !== undefined || pm !== undefined) hour = (hour12 ?? (hour % 12)) + (pm ? 12 : 0);
  const wall = (y: number): number => calendarDays(bc ? 1 - y : y, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + milli;
  let ms = wall(year);
  if (ambiguousYear) {
    const startYear = new Date(now()).getUTCFullYear() - 80;
    const centuryStart = Date.UTC(startYear, new Date(now()).getUTCMonth(), new Date(now()).getUTCDate(), new Date(now()).getUTCHours(), new Date(now()).getUTCMinutes(), new Date(now()).getUTCSeconds());
    if (ms < centuryStart) ms = wall(year + 100);
  }
  return ms;
}

/** First day of the Gregorian calendar (1582-10-15) as an epoch day. */
const CUTOVER = daysFromCivil(1582, 10, 15);

/**
 * The epoch day of `year` / `month` (0-based, any int: it rolls into the year) / `day` (any int: it rolls into the
 * month) as GregorianCalendar reckons it: the Gregorian calendar from 1582-10-15, the Julian one before.
 */
function calendarDays(year: number, month: number, day: number): number {
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  const gregorian = daysFromCivil(y, m + 1, 1) + day - 1;
  if (y > 1582 || (y === 1582 && gregorian >= CUTOVER)) return gregorian;
  return julianDays(y, m + 1, 1) + day - 1;
}

/** The epoch day of a Julian calendar date (proleptic, astronomical years). */
function julianDays(y: number, m: number, d: number): number {
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return d + Math.floor((153 * mm + 2) / 5) + 365 * yy + Math.floor(yy / 4) - 32083 - 2440588;
}

/**
 * The DATE Flink's DateTimeUtils.parseDate(s, format) makes of epoch milliseconds: the UTC calendar date of the
 * instant, turned into an epoch day by `ymdToUnixDate` in Java int arithmetic (truncating division, wrapping
 * products). On a parse failure Flink goes on with Long.MIN_VALUE milliseconds, whose date is -292275055-05-16:
 * the DATE 1705471-09-27.
 */
export function flinkParseDateDays(ms: number | null): number {
  if (ms === null) return ymdToUnixDate(-292275055, 5, 16);
  const days = Math.floor(ms / MS_PER_DAY);
  const { y, m, d } = civil(days);
  return ymdToUnixDate(y, m, d);
}

function civil(days: number): { y: number; m: number; d: number } {
  const dt = new Date(days * MS_PER_DAY);
  if (Number.isNaN(dt.getTime())) return { y: 1970, m: 1, d: 1 };
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function ymdToUnixDate(year: number, month: number, day: number): number {
  const a = Math.trunc((14 - month) / 12);
  const y = (year + 4800 - a) | 0;
  const m = month + 12 * a - 3;
  return (day + Math.trunc((153 * m + 2) / 5) + Math.imul(365, y) + Math.trunc(y / 4) - Math.trunc(y / 100) + Math.trunc(y / 400) - 32045 - 2440588) | 0;
}
