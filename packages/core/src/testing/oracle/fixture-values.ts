/**
 * Converts fixture values (JSON values, sometimes annotated text such as `'84 months'`, `"x'0001'"`,
 * `'instant 2021-09-24T23:54:56.1Z'`) into runtime values of a given type.
 */
import type { DataType } from '../../types/data-type.js';
import { badInput } from '../../runtime/errors.js';
import { Decimal } from '../../runtime/values/decimal.js';
import { localToInstant, parseDate, parseTime, parseTimestamp, Timestamp } from '../../runtime/values/temporal.js';

const NUM = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/;

function firstNumber(v: unknown): string {
  if (typeof v === 'number') return String(v);
  const m = NUM.exec(String(v).replace(/MAX_VALUE|MIN_VALUE/g, ''));
  if (!m) throw badInput({ kind: 'caseValue', type: 'numeric', value: v });
  return m[0];
}

/** Split the inside of `[a, b]` / `(a, b)` / `{k: v}` at top-level commas. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let q = false;
  for (const c of s) {
    if (c === "'") q = !q;
    if (!q && (c === '[' || c === '(' || c === '{')) depth++;
    if (!q && (c === ']' || c === ')' || c === '}')) depth--;
    if (!q && depth === 0 && c === ',') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}

function unquote(s: string): string | null {
  if (s === 'NULL' || s === 'null') return null;
  return s.startsWith("'") && s.endsWith("'") ? s.slice(1, -1) : s;
}

export function fixtureValue(v: unknown, t: DataType, zone: string): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' && (v === 'NULL') && t.kind !== 'VARCHAR' && t.kind !== 'CHAR') return null;
  switch (t.kind) {
    case 'CHAR': case 'VARCHAR': return String(v);
    case 'BOOLEAN': return typeof v === 'boolean' ? v : String(v).toUpperCase() === 'TRUE';
    case 'TINYINT': case 'SMALLINT': case 'INT': return Number(firstNumber(v));
    case 'BIGINT': return BigInt(firstNumber(v).replace(/\.\d*$/, ''));
    case 'FLOAT': {
      const s = String(v);
      const m = /as FLOAT = ([^)]+)\)/.exec(s);
      return Math.fround(Number(m ? m[1] : firstNumber(v)));
    }
    case 'DOUBLE': return Number(firstNumber(v));
    case 'DECIMAL': {
      const d = Decimal.fromString(firstNumber(v));
      if (!d) throw badInput({ kind: 'caseValue', type: 'DECIMAL', value: v });
      return d.setScale(t.scale);
    }
    case 'DATE': {
      const d = parseDate(String(v));
      if (d === null) throw badInput({ kind: 'caseValue', type: 'DATE', value: v });
      return d;
    }
    case 'TIME': {
      const x = parseTime(String(v).split(' ')[0] as string);
      if (x === null) throw badInput({ kind: 'caseValue', type: 'TIME', value: v });
      return t.precision >= 3 ? x : x - (x % 1000);
    }
    case 'TIMESTAMP': {
      const m = /\d{4}-\d{2}-\d{2}[ T][\d:.]+/.exec(String(v));
      const ts = m ? parseTimestamp(m[0].replace('T', ' ')) : null;
      if (!ts) throw badInput({ kind: 'caseValue', type: 'TIMESTAMP', value: v });
      return ts.truncate(t.precision);
    }
    case 'TIMESTAMP_LTZ': {
      const s = String(v);
      const m = /\d{4}-\d{2}-\d{2}[ T][\d:.]+/.exec(s);
      const ts = m ? parseTimestamp(m[0].replace('T', ' ')) : null;
      if (!ts) throw badInput({ kind: 'caseValue', type: 'TIMESTAMP_LTZ', value: v });
      const instant = s.startsWith('instant') || /Z\b/.test(s) ? ts : localToInstant(ts, zone);
      return instant.truncate(t.precision);
    }
    case 'INTERVAL_YEAR_MONTH': {
      const s = String(v);
      const m = /(-?\d+)\s*months?/.exec(s) ?? /(-?\d+)\s*years?/.exec(s);
      if (!m) return Number(firstNumber(v));
      return /years?/.test(m[0]) ? Number(m[1]) * 12 : Number(m[1]);
    }
    case 'INTERVAL_DAY_TIME': {
      const s = String(v);
      const m = /(-?\d+)\s*(ms|milliseconds?|seconds?|minutes?|hours?|days?)/.exec(s);
      if (!m) return Number(firstNumber(v));
      const unit = m[2] as string;
      const f = unit === 'ms' || unit.startsWith('milli') ? 1 : unit.startsWith('second') ? 1000 : unit.startsWith('minute') ? 60_000 : unit.startsWith('hour') ? 3_600_000 : 86_400_000;
      return Number(m[1]) * f;
    }
    case 'BINARY': case 'VARBINARY': {
      const s = String(v);
      let bytes: Uint8Array;
      const hex = /x'([0-9a-fA-F]*)'/.exec(s);
      const utf = /utf8\('([^']*)'\)/.exec(s);
      if (hex) bytes = new Uint8Array(((hex[1] as string).match(/../g) ?? []).map((h) => parseInt(h, 16)));
      else if (utf) bytes = new TextEncoder().encode(utf[1]);
      else bytes = new TextEncoder().encode(s);
      if (t.kind === 'BINARY' && bytes.length < t.length) {
        const out = new Uint8Array(t.length);
        out.set(bytes);
        return out;
      }
      return bytes;
    }
    case 'ARRAY': case 'MULTISET': {
      const items = Array.isArray(v) ? v : splitTop(String(v).trim().slice(1, -1)).map(unquote);
      return items.map((x) => fixtureValue(x, t.element, zone));
    }
    case 'MAP': {
      const m = new Map<unknown, unknown>();
      if (typeof v === 'object' && !Array.isArray(v)) {
        for (const [k, x] of Object.entries(v as object)) m.set(fixtureValue(k, t.key, zone), fixtureValue(x, t.value, zone));
      } else {
        for (const part of splitTop(String(v).trim().slice(1, -1))) {
          const i = part.indexOf(':') >= 0 ? part.indexOf(':') : part.indexOf('=');
          m.set(fixtureValue(unquote(part.slice(0, i).trim()), t.key, zone), fixtureValue(unquote(part.slice(i + 1).trim()), t.value, zone));
        }
      }
      return m;
    }
    case 'ROW': {
      const items = Array.isArray(v) ? v : splitTop(String(v).trim().slice(1, -1)).map(unquote);
      return t.fields.map((f, i) => fixtureValue(items[i] ?? null, f.type, zone));
    }
    case 'RAW': return v;
    case 'NULL': return null;
  }
}

export { Timestamp };
