/** Java `DateTimeFormatter`-style patterns (the letters Flink users write: y M d H h m s S a E D) for format/parse. */
import { civilFromDays, daysFromCivil, daysInMonth, floorDiv, MS_PER_DAY, Timestamp } from '../values/temporal.js';

type Token = { readonly letter: string; readonly count: number } | { readonly literal: string };

const cache = new Map<string, Token[]>();

function tokenize(p: string): Token[] {
  const hit = cache.get(p);
  if (hit) return hit;
  const out: Token[] = [];
  for (let i = 0; i < p.length; ) {
    const c = p[i] as string;
    if (c === "'") {
      const j = p.indexOf("'", i + 1);
      const lit = j < 0 ? p.slice(i + 1) : p.slice(i + 1, j);
      out.push({ literal: lit === '' ? "'" : lit });
      i = j < 0 ? p.length : j + 1;
    } else if (/[a-zA-Z]/.test(c)) {
      let j = i;
      while (p[j] === c) j++;
      out.push({ letter: c, count: j - i });
      i = j;
    } else {
      out.push({ literal: c });
      i++;
    }
  }
  cache.set(p, out);
  return out;
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Day of the week of an epoch day, Sunday = 0 (1970-01-01 was a Thursday). */
const sundayBased = (days: number): number => (((days + 4) % 7) + 7) % 7;

/** The week-based year and week of year (`Y`, `w`) in the US rules: a week belongs to the year of its Saturday's January 1st. */
function usWeek(days: number): { year: number; week: number } {
  const saturday = days + 6 - sundayBased(days);
  const { y } = civilFromDays(days);
  if (civilFromDays(saturday).y > y) return { year: y + 1, week: 1 };
  const jan1 = daysFromCivil(y, 1, 1);
  return { year: y, week: Math.floor((days - jan1 + sundayBased(jan1)) / 7) + 1 };
}

export function formatWithPattern(ts: Timestamp, pattern: string): string {
  const days = floorDiv(ts.millis, MS_PER_DAY);
  const ms = ts.millis - days * MS_PER_DAY;
  const { y, m, d } = civilFromDays(days);
  const h = Math.floor(ms / 3_600_000);
  const mi = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  const frac = pad(ms % 1000, 3) + pad(ts.nanos, 6);
  let out = '';
  for (const t of tokenize(pattern)) {
    if ('literal' in t) {
      out += t.literal;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'y': case 'u': out += n === 2 ? pad(((y % 100) + 100) % 100, 2) : pad(y, n); break;
      case 'M': out += n >= 4 ? MONTHS[m - 1] : n === 3 ? (MONTHS[m - 1] as string).slice(0, 3) : pad(m, n); break;
      case 'd': out += pad(d, n); break;
      // week fields of Java's default (US) locale: weeks start on Sunday, week 1 holds January 1st
      case 'Y': { const wy = usWeek(days).year; out += n === 2 ? pad(((wy % 100) + 100) % 100, 2) : pad(wy, n); break; }
      case 'w': out += pad(usWeek(days).week, n); break;
      case 'W': out += pad(Math.floor((d - 1 + sundayBased(days - d + 1)) / 7) + 1, n); break;
      case 'D': out += pad(days - daysFromCivil(y, 1, 1) + 1, n); break;
      case 'H': out += pad(h, n); break;
      case 'h': out += pad(h % 12 === 0 ? 12 : h % 12, n); break;
      case 'm': out += pad(mi, n); break;
      case 's': out += pad(s, n); break;
      case 'S': out += frac.slice(0, n).padEnd(n, '0'); break;
      case 'a': out += h < 12 ? 'AM' : 'PM'; break;
      case 'E': {
        const dow = ((days % 7) + 7 + 3) % 7; // 1970-01-01 was a Thursday (index 3)
        out += n >= 4 ? DAYS[dow] : (DAYS[dow] as string).slice(0, 3);
        break;
      }
      default: throw new Error(`Unsupported pattern letter '${t.letter}'`);
    }
  }
  return out;
}

/** Parse `text` with `pattern`; null when it does not match. Missing fields default to 1970-01-01 00:00:00. */
/**
 * `smart`: java.time's SMART resolver, as TO_TIMESTAMP uses it: a day of month up to 31 past the month's end is
 * its last day (`2024-02-31` is 2024-02-29).
 */
export function parseWithPattern(text: string, pattern: string, smart = false): Timestamp | null {
  let i = 0;
  let y = 1970;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  let frac = '';
  let pm: boolean | undefined;
  const tokens = tokenize(pattern);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if ('literal' in t) {
      if (!text.startsWith(t.literal, i)) return null;
      i += t.literal.length;
      continue;
    }
    const next = tokens[k + 1];
    const adjacentNumber = next !== undefined && !('literal' in next);
    const maxLen = adjacentNumber || t.letter === 'S' ? t.count : t.letter === 'y' ? 9 : Math.max(t.count, 2);
    if (t.letter === 'a') {
      const ap = text.slice(i, i + 2).toUpperCase();
      if (ap !== 'AM' && ap !== 'PM') return null;
      pm = ap === 'PM';
      i += 2;
      continue;
    }
    const m = new RegExp(`^\\d{1,${t.letter === 'S' ? 9 : maxLen}}`).exec(text.slice(i));
    if (!m) return null;
    const v = Number(m[0]);
    i += m[0].length;
    switch (t.letter) {
      case 'y': case 'u': y = t.count === 2 && m[0].length === 2 ? 2000 + v : v; break;
      case 'M': mo = v; break;
      case 'd': d = v; break;
      case 'H': h = v; break;
      case 'h': h = v % 12; break;
      case 'm': mi = v; break;
      case 's': s = v; break;
      case 'S': frac = m[0]; break;
      default: return null;
    }
  }
  if (i !== text.length) return null;
  if (pm) h += 12;
  if (smart && mo >= 1 && mo <= 12 && d <= 31) d = Math.min(d, daysInMonth(y, mo));
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const f = frac.padEnd(9, '0');
  return new Timestamp(daysFromCivil(y, mo, d) * MS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1000 + Number(f.slice(0, 3)), Number(f.slice(3, 9)));
}
