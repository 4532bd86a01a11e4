/**
 * A fast path for JSON_VALUE / JSON_QUERY / JSON_EXISTS on lax paths made of object keys (`$.a.b`): the
 * document is validated in one pass without building objects, and only the addressed value is read
 * (numbers keep their exact text). Any other path goes through the general reader.
 */
import { JsonNumber, JsonSyntaxError, parseJson } from './json-text.js';
import { javaDoubleToString } from '../values/java-number.js';
import type { JsonValue } from './json-text.js';

const fail = (i: number): never => {
  throw new JsonSyntaxError(`Invalid JSON at position ${i}`);
};

// Scan state (the scanner never re-enters itself, so one module-level state serves every call).
/** Span of the addressed value, or -1 when absent. */
let foundStart = -1;
let foundEnd = -1;
/** An array stood where a key was looked up: lax mode unwraps it, so the general reader must decide. */
let general = false;
/** Set by `scanString` when the string held an escape sequence. */
let escaped = false;
/** Whether the addressed value, when a string, held an escape sequence. */
let foundEscaped = false;

/** Skips whitespace (callers test `charCodeAt(i) <= 32` first, as JSON without whitespace is the common case). */
function ws(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** `ws` behind an inline test for the common no-whitespace case. */
const skip = (s: string, i: number): number => (s.charCodeAt(i) <= 32 ? ws(s, i) : i);

const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** End of the string starting at `i` (the opening quote); validates escapes and sets `escaped`. */
function scanString(s: string, i: number): number {
  i++;
  escaped = false;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c > 34 && c !== 92) i++;
    else if (c === 34) return i + 1;
    else if (c === 92) {
      escaped = true;
      const e = s.charCodeAt(i + 1);
      if (e === 117) {
        if (!(isHex(s.charCodeAt(i + 2)) && isHex(s.charCodeAt(i + 3)) && isHex(s.charCodeAt(i + 4)) && isHex(s.charCodeAt(i + 5)))) fail(i);
        i += 6;
      } else if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) i += 2;
      else fail(i);
    } else if (c >= 32) i++;
    else fail(i); // control character, or the end of the text (NaN)
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * End of the number at `i` (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`): an incomplete fraction or exponent
 * ends the number before its `.` or `e`, where the caller then fails, as a regular expression match would.
 */
function scanNumber(s: string, i: number): number {
  const start = i;
  let c = s.charCodeAt(i);
  if (c === 45) c = s.charCodeAt(++i);
  if (c === 48) c = s.charCodeAt(++i);
  else if (c >= 49 && c <= 57) {
    do c = s.charCodeAt(++i);
    while (isDigit(c));
  } else return fail(start);
  if (c === 46) {
    if (!isDigit(s.charCodeAt(i + 1))) return i;
    i++;
    do c = s.charCodeAt(++i);
    while (isDigit(c));
  }
  if (c === 101 || c === 69) {
    let j = i + 1;
    let d = s.charCodeAt(j);
    if (d === 43 || d === 45) d = s.charCodeAt(++j);
    if (!isDigit(d)) return i;
    do d = s.charCodeAt(++j);
    while (isDigit(d));
    i = j;
  }
  return i;
}

/** Does the key string at [start, end) (quotes included) equal `key`? */
function keyEquals(s: string, start: number, end: number, key: string): boolean {
  if (escaped) return (JSON.parse(s.slice(start, end)) as string) === key;
  return end - start - 2 === key.length && sameChars(s, start + 1, key);
}

/** `s.startsWith(part, at)` as a loop (cheaper than the builtin call for the short keys and values seen here). */
function sameChars(s: string, at: number, part: string): boolean {
  for (let j = 0; j < part.length; j++) if (s.charCodeAt(at + j) !== part.charCodeAt(j)) return false;
  return true;
}

/** Scans the value at `i` (no leading whitespace); while `keys[k]` remains and it is an object, records the span of the addressed value. */
function scanValue(s: string, i: number, keys: readonly string[], k: number): number {
  const c = s.charCodeAt(i);
  if (c === 34) return scanString(s, i);
  if (c === 123) {
    i = skip(s, i + 1);
    if (s.charCodeAt(i) === 125) return i + 1;
    const want = k < keys.length ? (keys[k] as string) : undefined;
    for (;;) {
      if (s.charCodeAt(i) !== 34) fail(i);
      const keyEnd = scanString(s, i);
      const match = want !== undefined && keyEquals(s, i, keyEnd, want);
      i = keyEnd;
      if (s.charCodeAt(i) !== 58) {
        i = ws(s, i);
        if (s.charCodeAt(i) !== 58) fail(i);
      }
      const vStart = skip(s, i + 1);
      if (match) {
        if (k + 1 === keys.length) {
          i = scanValue(s, vStart, keys, keys.length);
          foundStart = vStart;
          foundEnd = i;
          foundEscaped = escaped; // meaningful when the value is a string: scanString ran last
        } else {
          foundStart = -1;
          i = scanValue(s, vStart, keys, k + 1);
        }
      } else i = scanValue(s, vStart, keys, keys.length);
      let d = s.charCodeAt(i);
      if (d !== 44 && d !== 125) {
        i = ws(s, i);
        d = s.charCodeAt(i);
      }
      if (d === 44) i = skip(s, i + 1);
      else if (d === 125) return i + 1;
      else fail(i);
    }
  }
  if (c === 91) {
    if (k < keys.length) general = true;
    i = skip(s, i + 1);
    if (s.charCodeAt(i) === 93) return i + 1;
    for (;;) {
      i = skip(s, scanValue(s, i, keys, keys.length));
      const d = s.charCodeAt(i);
      if (d === 44) i = skip(s, i + 1);
      else if (d === 93) return i + 1;
      else fail(i);
    }
  }
  if (c === 116 && s.startsWith('true', i)) return i + 4;
  if (c === 102 && s.startsWith('false', i)) return i + 5;
  if (c === 110 && s.startsWith('null', i)) return i + 4;
  return scanNumber(s, i);
}

/** Validates `text` and locates the value `keys` address; false when lax array unwrapping is involved. */
function locate(text: string, keys: readonly string[]): boolean {
  foundStart = -1;
  foundEnd = -1;
  general = false;
  const end = ws(text, scanValue(text, ws(text, 0), keys, 0));
  if (end !== text.length) fail(end);
  return !general;
}

/**
 * The values a lax key path addresses in `text`: `[]` when absent, `[value]` when present, or `undefined`
 * when lax array unwrapping is involved (use the general reader). Throws `JsonSyntaxError` for invalid JSON.
 */
export function scanKeyPath(text: string, keys: readonly string[]): JsonValue[] | undefined {
  if (!locate(text, keys)) return undefined;
  if (keys.length === 0) return [parseJson(text)];
  if (foundStart < 0) return [];
  const c = text.charCodeAt(foundStart);
  const slice = text.slice(foundStart, foundEnd);
  if (c === 34) return [slice.includes('\\') ? (JSON.parse(slice) as string) : slice.slice(1, -1)];
  if (c === 116) return [true];
  if (c === 102) return [false];
  if (c === 110) return [null];
  if (c === 123 || c === 91) return [parseJson(slice)];
  return [new JsonNumber(slice)];
}

/** `scanKeyPathText`: the path addresses nothing. */
export const ABSENT: unique symbol = Symbol('absent');
/** `scanKeyPathText`: an object or array, or lax array unwrapping: the general reader must decide. */
export const NOT_SCALAR: unique symbol = Symbol('not scalar');

/**
 * JSON_VALUE's view of a lax key path without building values: the addressed scalar as text (a string's
 * decoded value, a number's exact text, `true` / `false`), `null` for JSON null, `ABSENT`, or `NOT_SCALAR`.
 * Throws `JsonSyntaxError` for invalid JSON.
 */
export function scanKeyPathText(text: string, keys: readonly string[]): string | null | typeof ABSENT | typeof NOT_SCALAR {
  if (keys.length === 1) {
    const quick = quickKeyText(text, keys[0] as string);
    if (quick !== undefined) return quick;
  }
  return scannedKeyPathText(text, keys);
}

/** `scanKeyPathText` by the scanner alone (exported for the tests that hold the quick way to it). */
export function scannedKeyPathText(text: string, keys: readonly string[]): string | null | typeof ABSENT | typeof NOT_SCALAR {
  if (keys.length === 0 || !locate(text, keys)) return NOT_SCALAR;
  if (foundStart < 0) return ABSENT;
  const c = text.charCodeAt(foundStart);
  if (c === 34) {
    if (foundEscaped) return JSON.parse(text.slice(foundStart, foundEnd)) as string;
    return shortString(text, foundStart + 1, foundEnd - 1);
  }
  if (c === 116) return 'true';
  if (c === 102) return 'false';
  if (c === 110) return null;
  if (c === 123 || c === 91) return NOT_SCALAR;
  return numberText(shortString(text, foundStart, foundEnd));
}

/**
 * A JSON number as JSON_VALUE returns it in Flink 1.20 (Jackson reads it): an integer as written, any other
 * number as a Java double printed by `Double.toString` (`1.50` → `1.5`, `1e2` → `100.0`).
 */
export function numberText(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 101 || c === 69) return javaDoubleToString(Number(text));
  }
  return text;
}

/**
 * `text.slice(start, end)`, sharing one string per recent short value (JSON fields are often categories, so a
 * column of results then holds a few strings instead of one copy per row). Strings are immutable values, so
 * sharing is not observable.
 */
const CACHE_BITS = 8;
const recent: (string | undefined)[] = new Array<string | undefined>(1 << CACHE_BITS).fill(undefined);
function shortString(text: string, start: number, end: number): string {
  const len = end - start;
  if (len > 24 || len === 0) return text.slice(start, end);
  const h = (len * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1) * 3 + text.charCodeAt(start + (len >> 1))) & ((1 << CACHE_BITS) - 1);
  const cand = recent[h];
  if (cand !== undefined && cand.length === len && sameChars(text, start, cand)) return cand;
  const v = text.slice(start, end);
  recent[h] = v;
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// The quick way for one key (`$.k`): one regular expression per key validates the document and finds where the
// key's value starts, run by V8 as native code (several times faster than the scanner's loop). The expressions' language is the scanner's grammar (same whitespace, strings, numbers) limited to documents
// without a backslash (so strings without escapes) and to three levels of nesting; a document it does not accept
// (deeper, or invalid) goes to the scanner, which decides.

const WS = '[ \\t\\n\\r]*';
/** A string without escapes: the quick way reads only documents without a backslash (one loop over a class, which V8 runs without backtracking state per character). */
const STRING = '"[^"\\\\\\x00-\\x1f]*"';
const NUMBER = '-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?';

/** A JSON value nested at most `depth` levels deep, as a regular expression. */
function valuePattern(depth: number): string {
  const scalar = `${STRING}|${NUMBER}|true|false|null`;
  if (depth === 0) return `(?:${scalar})`;
  const v = valuePattern(depth - 1);
  const member = `${STRING}${WS}:${WS}${v}${WS}`;
  return `(?:${scalar}|\\{${WS}(?:${member}(?:,${WS}${member})*)?\\}|\\[${WS}(?:${v}${WS}(?:,${WS}${v}${WS})*)?\\])`;
}

/** Made on first use (16 KB of pattern). Documents are matched only up to `QUICK_MAX` characters long. */
let validJson: RegExp | undefined;
const QUICK_MAX = 4096;

/** Per key (at most 256 keys): its expression (`keyExpressionFor`). */
const keyExpressions = new Map<string, RegExp | null>();

/** The last key looked up and its expression (one JSON_VALUE call reads one key, row after row). */
let lastKey: string | undefined;
let lastExpression: RegExp | null = null;

function keyExpression(key: string): RegExp | null {
  if (key === lastKey) return lastExpression;
  lastKey = key;
  lastExpression = keyExpressionFor(key);
  return lastExpression;
}

/**
 * `^{ (member ,)*? "key" : (?= value (, member that is not "key")* }$)`, sticky: the lazy prefix stops at the key's
 * first occurrence and moves past it only while a later one follows, so the match ends where the last one's value
 * starts (the scanner lets a repeated key's last value win), and the lookahead checks the rest of the document.
 * Tested without building a match (`lastIndex` is the value's position). `null` for a key JSON would write with an
 * escape (the scanner decides those).
 */
function keyExpressionFor(key: string): RegExp | null {
  let re = keyExpressions.get(key);
  if (re !== undefined) return re;
  if (keyExpressions.size >= 256) return null;
  if (JSON.stringify(key) !== `"${key}"`) re = null;
  else {
    const k = `"${key.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}"`;
    const v = valuePattern(2);
    const member = `${STRING}${WS}:${WS}${v}${WS}`;
    re = new RegExp(`^${WS}\\{${WS}(?:${member},${WS})*?${k}${WS}:${WS}(?=${v}${WS}(?:,${WS}(?!${k}${WS}:)${member})*\\}${WS}$)`, 'y');
  }
  keyExpressions.set(key, re);
  return re;
}

/**
 * `scanKeyPathText` for one key, or `undefined` when the scanner must decide: the document holds a backslash
 * (a key may then be written with escapes), is longer than `QUICK_MAX`, nested deeper, or invalid.
 */
export function quickKeyText(text: string, key: string): string | null | typeof ABSENT | typeof NOT_SCALAR | undefined {
  // (a backslash is not looked for first: neither expression matches a document holding one, since their
  // strings exclude it and nothing else in JSON has one, so such a document goes to the scanner)
  if (text.length > QUICK_MAX) return undefined;
  const re = keyExpression(key);
  if (re === null) return undefined;
  re.lastIndex = 0;
  if (re.test(text)) {
    const at = re.lastIndex;
    const c = text.charCodeAt(at);
    if (c === 34) return shortString(text, at + 1, text.indexOf('"', at + 1));
    if (c === 116) return 'true';
    if (c === 102) return 'false';
    if (c === 110) return null;
    if (c === 123 || c === 91) return NOT_SCALAR;
    return numberText(shortString(text, at, scanNumber(text, at)));
  }
  // the key is not at the top level of a valid document: absent, unless the document is an array (lax mode
  // unwraps it: the general reader) or not one the expression accepts
  validJson ??= new RegExp(`^${WS}${valuePattern(3)}${WS}$`);
  if (!validJson.test(text)) return undefined;
  return text.charCodeAt(skip(text, 0)) === 91 ? NOT_SCALAR : ABSENT;
}
