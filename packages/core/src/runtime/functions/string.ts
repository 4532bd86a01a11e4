/** String functions with Flink 1.20 semantics (NULL in → NULL out unless noted). */
import type { Expression } from '../../ast/expression.js';
import type { Compiled } from '../compiled.js';
import { constant } from '../compiled.js';
import { textError, evalError, notReached, unsupported } from '../errors.js';
import { isCharacter, isIntegral, isNumeric, T, typeToString } from '../types.js';
import { castConverter } from './cast.js';
import { strict, strictNullable } from './helpers.js';
import type { CompilerApi } from './registry.js';
import { register } from './registry.js';
import { javaMapEntries } from '../values/java-hash-order.js';
import { TYPE_TEXTS } from '../../typing/codes.js';
import { DEFAULT_DATABASE } from '../../catalog/namespace.js';

/** STRING, NOT NULL unless an argument is nullable (`strict` adds nullability from the arguments). */
const S = (nullable = false) => T.string(nullable);

/** Compile args and coerce each to STRING / INT per `kinds` ('s' | 'i' | 'b' bytes | '?' as is). */
export function args(api: CompilerApi, exprs: readonly Expression[], kinds: string, name: string, span?: Expression['span']): Compiled[] {
  if (exprs.length !== kinds.replace(/\?$/, '').length && !(kinds.endsWith('?'))) {
    throw notReached(`${name} with ${exprs.length} arguments`);
  }
  return exprs.map((e, i) => {
    const c = api.compile(e);
    const k = kinds[i] === '?' ? kinds[i - 1] : kinds[i];
    if (c.type.kind === 'NULL') return c;
    if (k === 's') {
      if (!isCharacter(c.type)) {
        throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: name, types: [typeToString(c.type)], expects: 'a string' }), e.span);
      }
      return c;
    }
    if (k === 'i') {
      if (!isIntegral(c.type)) throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: name, types: [typeToString(c.type)], expects: 'an integer' }), e.span);
      return api.coerce(c, T.int(c.type.nullable), e.span);
    }
    return c;
  });
}

/** Whether a string holds a character outside the BMP (a surrogate pair): then positions count code points. */
const ASTRAL = /[\uD800-\uDFFF]/;

/** Flink's SUBSTRING, counting characters as code points (its strings are UTF-8: `😀` is one character). */
export function substringSql(s: string, pos: number, len?: number): string | null {
  if (len !== undefined && len < 0) return null;
  if (ASTRAL.test(s)) {
    const cps = Array.from(s);
    const n = cps.length;
    let start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
    const end = len === undefined ? n : start + len;
    if (start < 0) start = 0;
    if (start >= end || start >= n) return '';
    return cps.slice(start, Math.min(end, n)).join('');
  }
  const n = s.length;
  let start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
  const end = len === undefined ? n : start + len;
  if (start < 0) start = 0;
  if (start >= end || start >= n) return '';
  return s.slice(start, Math.min(end, n));
}

export function overlay(s: string, r: string, start: number, length: number): string {
  if (start <= 0 || start > s.length) return s;
  let out = s.slice(0, start - 1) + r;
  if (start + length <= s.length && length > 0) out += s.slice(start - 1 + length);
  return out;
}

export function trimChars(s: string, chars: string, leading: boolean, trailing: boolean): string {
  let a = 0;
  let b = s.length;
  if (leading) while (a < b && chars.includes(s[a] as string)) a++;
  if (trailing) while (b > a && chars.includes(s[b - 1] as string)) b--;
  return s.slice(a, b);
}

/**
 * LPAD / RPAD as Flink's SqlFunctionUtils: over Java chars (UTF-16 code units), so a supplementary character
 * counts two and can be cut in half; the half is then written as '?' when Flink stores the string as UTF-8.
 */
function pad(s: string, len: number, p: string, left: boolean): string | null {
  if (len < 0 || p.length === 0) return null;
  let out: string;
  if (len <= s.length) out = s.slice(0, len);
  else {
    const need = len - s.length;
    let fill = '';
    for (let i = 0; i < need; i++) fill += p[i % p.length];
    out = left ? fill + s : s + fill;
  }
  return out.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?');
}

/** Calcite's INITCAP: ASCII letters only; inside a word, any character but a letter (digits too) ends it. */
function initcap(s: string): string {
  let out = '';
  let start = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let ch = s[i] as string;
    const digit = c > 47 && c < 58;
    const upper = c > 64 && c < 91;
    const lower = c > 96 && c < 123;
    if (start) {
      if (digit || upper) start = false;
      else if (lower) {
        start = false;
        ch = String.fromCharCode(c - 32);
      }
    } else if (upper) ch = String.fromCharCode(c + 32);
    else if (!lower) start = true;
    out += ch;
  }
  return out;
}

/** Java regex → JS RegExp (the common subset); invalid patterns return null like Flink's functions. */
/** Java's POSIX character classes as JavaScript classes (US-ASCII, as Java defines them). */
const POSIX_CLASSES: Record<string, string> = {
  Alpha: '[A-Za-z]', Digit: '[0-9]', Lower: '[a-z]', Upper: '[A-Z]', Alnum: '[A-Za-z0-9]', Space: '[ \\t\\n\\x0B\\f\\r]', Punct: '[!-\\/:-@\\[-`{-~]', XDigit: '[0-9a-fA-F]',
};

export function javaRegex(p: string, flags = ''): RegExp | null {
  try {
    let src = p.replace(/\(\?<([a-zA-Z][a-zA-Z0-9]*)>/g, '(?<$1>')
      .replace(/\\p\{(Alpha|Digit|Lower|Upper|Alnum|Space|Punct|XDigit)\}/g, (_m, c: string) => POSIX_CLASSES[c] as string)
      .replace(/\\Q([\s\S]*?)\\E/g, (_m, lit: string) => lit.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    src = src.replace(/\\z/g, '$').replace(/\\A/g, '^');
    // Java's leading inline flags (`(?i)abc`) are JavaScript flags; Unicode classes (`\p{L}`) need the `u` flag
    const inline = /^\(\?([ims]+)\)/.exec(src);
    if (inline) {
      src = src.slice(inline[0].length);
      for (const f of inline[1] as string) if (!flags.includes(f)) flags += f;
    }
    if (/\\[pP]\{/.test(src) && !flags.includes('u')) flags += 'u';
    return new RegExp(src, flags);
  } catch {
    return null;
  }
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

register('UPPER', (a, call, api) => strict(args(api, a, 's', 'UPPER', call.span), S(), (s: string) => s.toUpperCase()));
register('LOWER', (a, call, api) => strict(args(api, a, 's', 'LOWER', call.span), S(), (s: string) => s.toLowerCase()));
register('CHAR_LENGTH', (a, call, api) => strict(args(api, a, 's', 'CHAR_LENGTH', call.span), T.int(false), (s: string) => Array.from(s).length));
register('INITCAP', (a, call, api) => strict(args(api, a, 's', 'INITCAP', call.span), S(), initcap));
register('REVERSE', (a, call, api) => strictNullable(args(api, a, 's', 'REVERSE', call.span), S(), (s: string) => Array.from(s).reverse().join('')));
// the first UTF-8 byte as a signed Java byte ('数' is -26)
register('ASCII', (a, call, api) => strict(args(api, a, 's', 'ASCII', call.span), T.int(false), (s: string) => (s.length === 0 ? 0 : (Buffer.from(s.slice(0, 2), 'utf8')[0] as number) << 24 >> 24)));
register('CHR', (a, call, api) => {
  // the code is read as a Java long (CHR(3000000000) is CHR(0), not CHR of an INT overflow)
  const c = api.compile(a[0] as Expression);
  if (c.type.kind !== 'NULL' && !isIntegral(c.type)) args(api, a, 'i', 'CHR', call.span);
  return strict([api.coerce(c, T.bigint(c.type.nullable))], S(), (n: bigint) => (n < 0n ? '' : String.fromCharCode(Number(n % 256n))));
});
register('REPEAT', (a, call, api) => strict(args(api, a, 'si', 'REPEAT', call.span), S(), (s: string, n: number) => (n <= 0 ? '' : s.repeat(n))));
register('REPLACE', (a, call, api) => strict(args(api, a, 'sss', 'REPLACE', call.span), S(), (s: string, f: string, t: string) => (f === '' ? s : s.split(f).join(t))));
register(['SUBSTRING', 'SUBSTR'], (a, call, api) => strictNullable(args(api, a, 'sii?', 'SUBSTRING', call.span), S(), (s: string, p: number, l?: number) => substringSql(s, p, l)));
register('LEFT', (a, call, api) => strictNullable(args(api, a, 'si', 'LEFT', call.span), S(), (s: string, n: number) => (n <= 0 ? '' : s.slice(0, n))));
register('RIGHT', (a, call, api) => strictNullable(args(api, a, 'si', 'RIGHT', call.span), S(), (s: string, n: number) => {
  if (n <= 0) return '';
  if (ASTRAL.test(s)) {
    const cps = Array.from(s);
    return n >= cps.length ? s : cps.slice(cps.length - n).join('');
  }
  return n >= s.length ? s : s.slice(s.length - n);
}));
register('LPAD', (a, call, api) => strict(args(api, a, 'sis', 'LPAD', call.span), S(), (s: string, n: number, p: string) => pad(s, n, p, true)));
register('RPAD', (a, call, api) => strict(args(api, a, 'sis', 'RPAD', call.span), S(), (s: string, n: number, p: string) => pad(s, n, p, false)));
register('LTRIM', (a, call, api) => strict(args(api, a, 'ss?', 'LTRIM', call.span), S(), (s: string, c?: string) => trimChars(s, c ?? ' ', true, false)));
register('RTRIM', (a, call, api) => strict(args(api, a, 'ss?', 'RTRIM', call.span), S(), (s: string, c?: string) => trimChars(s, c ?? ' ', false, true)));
register('LOCATE', (a, call, api) => strict(args(api, a, 'ssi?', 'LOCATE', call.span), T.int(false), (n: string, s: string, p?: number) => {
  const from = (p ?? 1) - 1;
  if (from < 0) return 0;
  return s.indexOf(n, from) + 1;
}));
register('INSTR', (a, call, api) => strict(args(api, a, 'ssii?', 'INSTR', call.span), T.int(false), (s: string, sub: string, pos?: number, nth?: number) => {
  const p = pos ?? 1;
  const k = nth ?? 1;
  if (p === 0 || k <= 0) return 0;
  if (p > 0) {
    let idx = p - 2;
    for (let i = 0; i < k; i++) {
      idx = s.indexOf(sub, idx + 1);
      if (idx < 0) return 0;
    }
    return idx + 1;
  }
  let idx = s.length + p + 1;
  for (let i = 0; i < k; i++) {
    idx = s.lastIndexOf(sub, idx - 1);
    if (idx < 0) return 0;
  }
  return idx + 1;
}));
register('CONCAT', (a, call, api) => strict(a.map((e) => api.coerce(api.compile(e), S(), e.span)), S(), (...xs: string[]) => xs.join('')));
register('CONCAT_WS', (a, call, api) => {
  const cs = a.map((e) => api.coerce(api.compile(e), S(), e.span));
  const [sep, ...rest] = cs;
  if (!sep) throw notReached('CONCAT_WS without arguments');
  const se = sep.eval;
  const evs = rest.map((c) => c.eval);
  return {
    type: S(sep.type.nullable),
    eval: (r) => {
      const s = se(r) as string | null;
      if (s === null) return null;
      const parts: string[] = [];
      for (const e of evs) {
        const v = e(r);
        if (v !== null) parts.push(v as string);
      }
      return parts.join(s);
    },
  };
});
register('REGEXP_REPLACE', (a, call, api) => strict(args(api, a, 'sss', 'REGEXP_REPLACE', call.span), S(), (s: string, p: string, r: string) => {
  const re = javaRegex(p, 'g');
  if (!re) return null;
  // the replacement is literal text in Flink 1.20.1: '$1' and '\\' are not group references or escapes
  return s.replace(re, () => r);
}));
register('REGEXP_EXTRACT', (a, call, api) => strictNullable(args(api, a, 'ssi?', 'REGEXP_EXTRACT', call.span), S(), (s: string, p: string, i?: number) => {
  const re = javaRegex(p);
  if (!re) return null;
  const m = re.exec(s);
  if (!m) return null;
  const g = i ?? 0; // without an index, the whole match (Flink 1.20.1)
  if (g < 0 || g >= m.length) return null;
  return m[g] ?? null;
}));
register('REGEXP', (a, call, api) => strictNullable(args(api, a, 'ss', 'REGEXP', call.span), T.boolean(), (s: string, p: string) => {
  const re = javaRegex(p);
  return re ? re.test(s) : null;
}));
register('SPLIT_INDEX', (a, call, api) => strictNullable([api.compile(a[0] as Expression), api.compile(a[1] as Expression), api.coerce(api.compile(a[2] as Expression), T.int())], S(), (s: string, sep: unknown, i: number) => {
  // an INT delimiter is a character code (Flink's splitIndex(String, int, int): SPLIT_INDEX(s, 42, 0) splits at '*')
  const d = typeof sep === 'number' ? String.fromCharCode(sep & 0xffff) : sep;
  if (typeof s !== 'string' || typeof d !== 'string') return null;
  if (i < 0 || s.length === 0) return null;
  const parts = d.length === 0 ? [s] : s.split(d);
  return parts[i] ?? null;
}));
register('STR_TO_MAP', (a, call, api) => {
  const cs = args(api, a, 'ss?', 'STR_TO_MAP', call.span);
  return strict(cs, { kind: 'MAP', key: S(), value: S(), nullable: false }, (s: string, pd?: string, kd?: string) => {
    const m = new Map<string, string | null>();
    if (s.length === 0) return m;
    const pre = javaRegex(pd ?? ',') ?? /,/;
    const kre = javaRegex(kd ?? '=') ?? /=/;
    // Java's String.split drops trailing empty strings (STR_TO_MAP('a=1,b=2', '2', '=') has no empty entry)
    const pairs = s.split(pre);
    while (pairs.length > 1 && pairs[pairs.length - 1] === '') pairs.pop();
    for (const pair of pairs) {
      const km = kre.exec(pair);
      if (!km) m.set(pair, null);
      else m.set(pair.slice(0, km.index), pair.slice(km.index + km[0].length));
    }
    // Flink builds a java.util.HashMap<String, String>: its entries (and a CAST to STRING) follow that map's order
    return new Map(javaMapEntries(m, S()));
  });
});
/**
 * A URL split as java.net.URL splits it (Flink's PARSE_URL): nothing is normalised or percent-encoded, the
 * parts are the text as written (`/a b` stays `/a b`, a trailing `?` is an empty query). Unknown protocols are
 * a MalformedURLException (NULL).
 */
function javaUrl(u: string): { protocol: string; authority: string | null; userInfo: string | null; host: string; path: string; query: string | null; ref: string | null } | null {
  const pm = /^\s*([A-Za-z][A-Za-z0-9+.-]*):/.exec(u);
  if (!pm) return null;
  const protocol = (pm[1] as string).toLowerCase();
  if (!['http', 'https', 'ftp', 'file', 'jar', 'mailto', 'netdoc'].includes(protocol)) return null;
  let rest = u.slice(pm[0].length).trimEnd();
  let ref: string | null = null;
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    ref = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let query: string | null = null;
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  let authority: string | null = null;
  let path = rest;
  if (rest.startsWith('//')) {
    const end = rest.indexOf('/', 2);
    authority = end < 0 ? rest.slice(2) : rest.slice(2, end);
    path = end < 0 ? '' : rest.slice(end);
  }
  let userInfo: string | null = null;
  let host = '';
  if (authority !== null) {
    const at = authority.indexOf('@');
    // two '@': not server-based, so neither user info nor host (java.net.URL)
    if (at >= 0 && at !== authority.lastIndexOf('@')) return { protocol, authority, userInfo: null, host: '', path, query, ref };
    userInfo = at >= 0 ? authority.slice(0, at) : null;
    const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
    const end = hostPort.startsWith('[') ? hostPort.indexOf(']') + 1 : hostPort.lastIndexOf(':') < 0 ? hostPort.length : hostPort.lastIndexOf(':');
    host = hostPort.slice(0, end);
    const port = hostPort.slice(end);
    if (port !== '' && !/^:\d*$/.test(port)) return null; // a port that is not a number: MalformedURLException
  }
  return { protocol, authority, userInfo, host, path, query, ref };
}

register('PARSE_URL', (a, call, api) => strictNullable(args(api, a, 'sss?', 'PARSE_URL', call.span), S(), (u: string, part: string, key?: string) => {
  const url = javaUrl(u);
  if (!url) return null;
  switch (part) {
    case 'HOST': return url.host;
    case 'PATH': return url.path;
    case 'QUERY':
      if (key === undefined) return url.query;
      for (const kv of (url.query ?? '').split('&')) {
        const i = kv.indexOf('=');
        if (i >= 0 && kv.slice(0, i) === key) return kv.slice(i + 1);
      }
      return null;
    case 'REF': return url.ref;
    case 'PROTOCOL': return url.protocol;
    case 'FILE': return url.path + (url.query === null ? '' : `?${url.query}`);
    case 'AUTHORITY': return url.authority;
    case 'USERINFO': return url.userInfo;
    default: return null;
  }
}));
register('TO_BASE64', (a, call, api) => {
  const [c] = a.map((e) => api.compile(e));
  if (!c) throw notReached('TO_BASE64 without an argument');
  const bytes = isCharacter(c.type) ? (s: unknown) => new TextEncoder().encode(s as string) : (b: unknown) => b as Uint8Array;
  return strict([c], S(), (v: unknown) => b64(bytes(v)));
});
/** Java's `Base64.getDecoder()` checks (Flink's FROM_BASE64): the basic alphabet only, padding only at the end. */
function checkedBase64(s: string): string {
  if (s.length === 1) throw evalError('IllegalArgumentException', 'Input byte[] should at least have 2 bytes for base64 bytes');
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61) {
      const unit = i % 4;
      const rest = s.slice(i);
      if (!((unit === 2 && rest === '==') || (unit === 3 && rest === '='))) throw evalError('IllegalArgumentException', 'Input byte array has wrong 4-byte ending unit');
      return s;
    }
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!ok) throw evalError('IllegalArgumentException', `Illegal base64 character ${c.toString(16)}`);
  }
  if (s.length % 4 === 1) throw evalError('IllegalArgumentException', 'Last unit does not have enough valid bits');
  return s;
}

register('FROM_BASE64', (a, call, api) => {
  const c = api.compile(a[0] as Expression);
  const text = isCharacter(c.type) ? (v: unknown) => v as string : (v: unknown) => new TextDecoder().decode(v as Uint8Array);
  if (!isCharacter(c.type) && c.type.kind !== 'BINARY' && c.type.kind !== 'VARBINARY' && c.type.kind !== 'NULL') throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: 'FROM_BASE64', types: [typeToString(c.type)], expects: 'a STRING' }), call.span);
  return strict([c], S(), (v: unknown) => Buffer.from(checkedBase64(text(v)), 'base64').toString('utf8'));
});
register('ENCODE', (a, call, api) => strict(args(api, a, 'ss', 'ENCODE', call.span), T.bytes(), (s: string, cs: string) => new Uint8Array(Buffer.from(s, nodeCharset(cs)))));
register('DECODE', (a, call, api) => {
  const cs = a.map((e) => api.compile(e));
  return strictNullable(cs, S(), (b: Uint8Array, c: string) => Buffer.from(b).toString(nodeCharset(c)));
});
register('HEX', (a, call, api) => {
  const [c] = a.map((e) => api.compile(e));
  if (!c) throw notReached('HEX without an argument');
  if (isCharacter(c.type)) return strict([c], S(), (s: string) => Buffer.from(s, 'utf8').toString('hex').toUpperCase());
  const big = api.coerce(c, T.bigint(c.type.nullable), call.span);
  return strict([big], S(), (n: bigint) => BigInt.asUintN(64, n).toString(16).toUpperCase());
});
register('BIN', (a, call, api) => {
  const [c] = a.map((e) => api.compile(e));
  if (!c) throw notReached('BIN without an argument');
  return strict([api.coerce(c, T.bigint(c.type.nullable), call.span)], S(), (n: bigint) => BigInt.asUintN(64, n).toString(2));
});
/**
 * CURRENT_DATABASE(): the database the script's USE statements have made current where the query is planned
 * (`default_database` without one), as Flink's planner reduces the call to its session's current database.
 */
register('CURRENT_DATABASE', (_a, _call, api) => constant(T.string(false), api.session.database?.() ?? DEFAULT_DATABASE));
register('UUID', (_a, _call, api) => {
  void api;
  return { type: T.char(36, false), eval: () => crypto.randomUUID() };
});
/**
 * IS_ALPHA / IS_DECIMAL / IS_DIGIT as Flink 1.20.1's SqlFunctionUtils.isAlpha / isDecimal / isDigit(Object) answer:
 * the generated code hands them the argument as a Java object, a NULL number as its primitive default 0 (the call
 * is never NULL), so a number answers by its class, not its text — IS_DECIMAL is TRUE for a boxed Long / Integer /
 * Short / Byte / Float / Double (NaN too) and FALSE for a DECIMAL (a DecimalData, which `isDecimal` does not list:
 * IS_DECIMAL(CAST(12.34 AS DECIMAL(10, 2))) is FALSE, probed); IS_DIGIT is TRUE for the integer classes only;
 * IS_ALPHA is FALSE for every number. A string: IS_DECIMAL when Integer.parseInt, Long.parseLong or
 * Double.parseDouble reads it; IS_DIGIT / IS_ALPHA when it is not empty and every char is a digit / letter
 * (commons-lang3 isNumeric / isAlpha: Character.isDigit / isLetter per UTF-16 unit). A NULL string is FALSE.
 */
type NumberClass = 'integer' | 'floating' | 'decimal';
function isTest(name: string, onNumber: (c: NumberClass) => boolean, onText: (s: string) => boolean): void {
  register(name, (a, call, api) => {
    const c = api.compile(a[0] as Expression);
    const t = c.type;
    if (isNumeric(t)) {
      const answer = onNumber(t.kind === 'DECIMAL' ? 'decimal' : isIntegral(t) ? 'integer' : 'floating');
      return { type: T.boolean(false), eval: () => answer };
    }
    const ev = (c.type.kind === 'NULL' || isCharacter(t) ? c : (args(api, a, 's', name, call.span)[0] as Compiled)).eval;
    return { type: T.boolean(false), eval: (r) => { const s = ev(r) as string | null; return s !== null && onText(s); } };
  });
}
/** Integer.parseInt / Long.parseLong: a sign, then digits of any script (Character.digit), within 64 bits. */
function javaParsesLong(s: string): boolean {
  const m = /[\uD800-\uDFFF]/.test(s) ? null : /^[+-]?(\p{Nd}+)$/u.exec(s);
  if (m === null) return false;
  const digits = [...(m[1] as string)].map((ch) => (ch >= '0' && ch <= '9' ? ch : String(digitValue(ch)))).join('');
  const v = BigInt((s[0] === '-' ? '-' : '') + digits);
  return v >= -(2n ** 63n) && v < 2n ** 63n;
}
/**
 * A decimal digit's value (Character.digit): Unicode's decimal digits come in runs of whole blocks of ten, each
 * block from 0 to 9 (the mathematical digits are five blocks in one run), so it is the offset from the run's start.
 */
function digitValue(ch: string): number {
  const cp = ch.codePointAt(0) as number;
  let start = cp;
  while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}
/** Double.parseDouble: trimmed of chars <= U+0020; NaN, Infinity, decimal or hexadecimal floats, an f/F/d/D suffix. */
const JAVA_DOUBLE = /^[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+)[fFdD]?)$/;
function javaParsesDouble(s: string): boolean {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return JAVA_DOUBLE.test(s.slice(a, b));
}
/** Every UTF-16 unit of a non-empty string passes (a surrogate half is neither a digit nor a letter in Java). */
const everyUnit = (s: string, re: RegExp): boolean => {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) if (!re.test(s[i] as string)) return false;
  return true;
};
isTest('IS_DECIMAL', (c) => c !== 'decimal', (s) => s !== '' && (javaParsesLong(s) || javaParsesDouble(s)));
isTest('IS_DIGIT', (c) => c === 'integer', (s) => everyUnit(s, /^\p{Nd}$/u));
isTest('IS_ALPHA', () => false, (s) => everyUnit(s, /^\p{L}$/u));

function nodeCharset(cs: string): BufferEncoding {
  switch (cs.toUpperCase().replace(/_/g, '-')) {
    case 'UTF-8': case 'UTF8': return 'utf8';
    case 'UTF-16LE': return 'utf16le';
    case 'US-ASCII': case 'ASCII': return 'ascii';
    case 'ISO-8859-1': case 'LATIN1': return 'latin1';
    default: throw evalError('UnsupportedCharsetException', cs);
  }
}

export { constant, castConverter };
