/**
 * A fast path for JSON_VALUE on paths made of object keys (`$.a.b`): the document is validated without building
 * objects, and only the addressed value is read (numbers keep their exact text). Any other path goes through the
 * general reader. Three ways answer alike (property-tested against each other):
 *  - the quick way, paths of up to three keys: one regular expression per path, run by V8 as native code (the
 *    fastest on the backslash-free documents of up to three levels it accepts: about 120 ns of a 70-character
 *    document's 170 for one key);
 *  - the byte loop, any key path: the document copied to bytes once (`TextEncoder.encodeInto`), then one loop
 *    without recursion (about 1.7-2.8x the scanner on what the quick way does not take);
 *  - the recursive scanner over the string: what the loop does not take (not ASCII, nested deeper than 30).
 * `keyPathReader` is one JSON_VALUE call's reader: it stops trying the quick way while it keeps failing.
 */
import { checkRootEnd, JsonNumber, JsonSyntaxError, parseJson } from './json-text.js';
import { javaDoubleToString } from '../values/java-number.js';
import type { JsonValue } from './json-text.js';
import { NUMBER, STRING, WS } from './json-patterns.js';
import { shapeExpression } from './json-shape.js';

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
  const start = ws(text, 0);
  checkRootEnd(text, start, scanValue(text, start, keys, 0));
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

export type KeyPathText = string | null | typeof ABSENT | typeof NOT_SCALAR;

/**
 * JSON_VALUE's view of a lax key path without building values: the addressed scalar as text (a string's
 * decoded value, a number's exact text, `true` / `false`), `null` for JSON null, `ABSENT`, or `NOT_SCALAR`.
 * Throws `JsonSyntaxError` for invalid JSON. One key is tried the quick way first; what it leaves goes to the
 * byte loop, and what that leaves to the scanner.
 */
export function scanKeyPathText(text: string, keys: readonly string[]): KeyPathText {
  const quick = quickKeyPathText(text, keys);
  if (quick !== undefined) return quick;
  const looped = loopKeyPathText(text, keys);
  return looped !== undefined ? looped : scannedKeyPathText(text, keys);
}

/** After this many documents in a row that the quick way left to the others, a reader stops trying it … */
const QUICK_MISSES = 16;
/** … for this many documents, then tries it again. */
const QUICK_PAUSE = 4096;

/** After this many documents in a row that a reader's shape expression did not match, it drops the expression … */
const SHAPE_MISSES = 8;
/** … and makes the next one (from a document read the quick way) only after this many more documents. */
const SHAPE_PAUSE = 1024;

/**
 * `scanKeyPathText` for one JSON_VALUE call: its path's keys, read once per query. It learns from the documents
 * it reads: it makes the shape expression (json-shape.ts) of a document the quick way has read, and tries it first
 * while documents keep matching it; and when the quick way keeps leaving them to the byte loop (escapes, deeper
 * nesting, long documents, a key that is absent from invalid ones), it stops paying for the quick way's
 * expressions for a while. The answer is the same either way (each way answers exactly as the scanner or
 * defers); only the cost changes.
 */
export function keyPathReader(keys: readonly string[]): (text: string) => KeyPathText {
  const re = keyPathExpressionFor(keys);
  const single = keys.length === 1;
  let misses = 0;
  let paused = re === null ? -1 : 0;
  let shape: RegExp | undefined;
  let shapeMisses = 0;
  /** Documents to read before the next shape expression is made. */
  let shapeIn = 0;
  return (text) => {
    if (shape !== undefined) {
      shape.lastIndex = 0;
      if (shape.test(text)) {
        shapeMisses = 0;
        return valueAt(text, shape.lastIndex);
      }
      if (++shapeMisses === SHAPE_MISSES) {
        shape = undefined;
        shapeIn = SHAPE_PAUSE;
      }
    } else if (shapeIn > 0) shapeIn--;
    if (paused === 0) {
      const long = text.length > QUICK_MAX;
      const at = long ? -1 : quickAt(re as RegExp, text);
      const quick = long ? undefined : at >= 0 ? valueAt(text, at) : quickAbsent(text, single);
      if (quick !== undefined) {
        misses = 0;
        if (at >= 0 && shape === undefined && shapeIn === 0 && quick !== NOT_SCALAR) {
          shape = shapeExpression(text, at);
          shapeMisses = 0;
          if (shape === undefined) shapeIn = SHAPE_PAUSE;
        }
        return quick;
      }
      if (++misses === QUICK_MISSES) paused = QUICK_PAUSE;
    } else if (paused > 0 && --paused === 0) misses = 0;
    const looped = loopKeyPathText(text, keys);
    return looped !== undefined ? looped : scannedKeyPathText(text, keys);
  };
}

/** `scanKeyPathText` by the recursive scanner alone (the reference the faster ways are tested against). */
export function scannedKeyPathText(text: string, keys: readonly string[]): KeyPathText {
  if (keys.length === 0 || !locate(text, keys)) return NOT_SCALAR;
  if (foundStart < 0) return ABSENT;
  return scalarAt(text, foundStart, foundEnd, foundEscaped);
}

/** The scalar JSON_VALUE returns for the value at [start, end) of `text` (`escaped`: a string value held an escape). */
function scalarAt(text: string, start: number, end: number, escaped: boolean): KeyPathText {
  const c = text.charCodeAt(start);
  if (c === 34) {
    if (escaped) return JSON.parse(text.slice(start, end)) as string;
    return shortString(text, start + 1, end - 1);
  }
  if (c === 116) return 'true';
  if (c === 102) return 'false';
  if (c === 110) return null;
  if (c === 123 || c === 91) return NOT_SCALAR;
  return numberText(shortString(text, start, end));
}

/** The loop keeps its open containers' kinds as bits of one number: a document nested deeper goes to the scanner. */
const LOOP_DEPTH = 30;
/** Documents longer than this (in characters) go to the scanner. */
const LOOP_MAX = 1 << 20;

/**
 * The document's characters as bytes, for the loop: `TextEncoder.encodeInto` copies a string natively, and V8 reads
 * a typed array's elements several times faster than a string's `charCodeAt`. Only an ASCII document is read this
 * way (its UTF-8 bytes are its characters, so positions are the string's); a 0 byte after the document stands for
 * its end (it is no JSON token and no character a string may hold, so every rule fails on it as at the end).
 */
let bytes = new Uint8Array(4096);
const encoder = new TextEncoder();

/** Skips whitespace from `i`. */
function bws(b: Uint8Array, i: number): number {
  for (;;) {
    const c = b[i] as number;
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** Position after the escape sequence at `i` (a backslash), or a JsonSyntaxError. */
function escapeEnd(b: Uint8Array, i: number): number {
  const e = b[i + 1] as number;
  if (e === 117) {
    if (!(isHex(b[i + 2] as number) && isHex(b[i + 3] as number) && isHex(b[i + 4] as number) && isHex(b[i + 5] as number))) fail(i);
    return i + 6;
  }
  if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) return i + 2;
  return fail(i);
}

/** Set by `bstring` when the string held an escape sequence. */
let escapedSeen = false;

/** End of the string whose opening quote is at `i`; validates escapes and sets `escapedSeen`. */
function bstring(b: Uint8Array, i: number): number {
  escapedSeen = false;
  i++;
  for (;;) {
    const c = b[i] as number;
    if (c > 34 && c !== 92) i++;
    else if (c === 34) return i + 1;
    else if (c === 92) {
      escapedSeen = true;
      i = escapeEnd(b, i);
    } else if (c >= 32) i++;
    else fail(i);
  }
}

/** `scanNumber` on bytes. */
function bnumber(b: Uint8Array, i: number): number {
  const start = i;
  let c = b[i] as number;
  if (c === 45) c = b[++i] as number;
  if (c === 48) c = b[++i] as number;
  else if (c >= 49 && c <= 57) {
    do c = b[++i] as number;
    while (c >= 48 && c <= 57);
  } else return fail(start);
  if (c === 46) {
    const d = b[i + 1] as number;
    if (!(d >= 48 && d <= 57)) return i;
    i++;
    do c = b[++i] as number;
    while (c >= 48 && c <= 57);
  }
  if (c === 101 || c === 69) {
    let j = i + 1;
    let d = b[j] as number;
    if (d === 43 || d === 45) d = b[++j] as number;
    if (!(d >= 48 && d <= 57)) return i;
    do d = b[++j] as number;
    while (d >= 48 && d <= 57);
    i = j;
  }
  return i;
}

/** Do the bytes from `at` hold `key`'s characters? */
function bsame(b: Uint8Array, at: number, key: string): boolean {
  for (let j = 0; j < key.length; j++) if (b[at + j] !== key.charCodeAt(j)) return false;
  return true;
}

/**
 * `scanKeyPathText` as one loop over the document's bytes, without recursion or regular expressions: it validates
 * the whole document (the scanner's grammar) and remembers the span of the last scalar at the key path (a
 * repeated key's last value wins, as in Jackson). A valid document with an object or array at the path, or an
 * array on it, is `NOT_SCALAR` (the general reader decides); `undefined` hands the document to the scanner (not
 * ASCII, longer than `LOOP_MAX`, not an object, or nested deeper than `LOOP_DEPTH`).
 */
export function loopKeyPathText(s: string, keys: readonly string[]): KeyPathText | undefined {
  const m = keys.length;
  const n = s.length;
  if (m === 0 || n >= LOOP_MAX) return undefined;
  if (n >= bytes.length) bytes = new Uint8Array(Math.min(LOOP_MAX, 2 ** Math.ceil(Math.log2(n + 1))));
  const b = bytes;
  const done = encoder.encodeInto(s, b);
  if (done.read !== n || done.written !== n) return undefined;
  b[n] = 0;
  let i = bws(b, 0);
  let c = b[i] as number;
  if (c !== 123) return undefined;
  /** Open containers; bit `d - 1` of `arrays` is set when the one at depth `d` is an array. */
  let depth = 1;
  let arrays = 0;
  /** Open containers on the key path: `keys[onPath - 1]` is looked up in the object at depth `onPath`. */
  let onPath = 1;
  /** The span of the scalar found at the path (-1: none), and whether that string held an escape. */
  let start = -1;
  let end = -1;
  let esc = false;
  /** What the value about to be read is: 0 off the path, 1 the path's target, 2 the object the path goes through. */
  let target = 0;
  let atKey = true;
  /** The general reader must decide (see `NOT_SCALAR`). */
  let general = false;
  i = bws(b, i + 1);
  if (b[i] === 125) {
    i++;
    depth = 0;
  }
  for (;;) {
    if (depth > 0) {
      if (atKey) {
        // a member's key, in the object at `depth`
        if (b[i] !== 34) fail(i);
        const ks = i;
        i = bstring(b, i);
        const kesc = escapedSeen;
        target = 0;
        if (onPath === depth) {
          const key = keys[depth - 1] as string;
          if (kesc ? (JSON.parse(s.slice(ks, i)) as string) === key : i - ks - 2 === key.length && bsame(b, ks + 1, key)) target = depth === m ? 1 : 2;
        }
        if (b[i] !== 58) {
          i = bws(b, i);
          if (b[i] !== 58) fail(i);
        }
        i = bws(b, i + 1);
      }
      // a value
      c = b[i] as number;
      if (c === 123 || c === 91) {
        // an object or array at the path, or an array on it (lax mode unwraps it): the general reader decides
        // (once the document is known to be valid)
        if (target === 1 || (target === 2 && c === 91)) general = true;
        else if (target === 2) {
          start = -1; // a later value of the key replaces what an earlier one held
          onPath = depth + 1;
        }
        if (depth === LOOP_DEPTH) return undefined;
        if (c === 91) arrays |= 1 << depth;
        else arrays &= ~(1 << depth);
        depth++;
        i = bws(b, i + 1);
        if (b[i] !== c + 2) {
          // not empty (`}` is `{` + 2, `]` is `[` + 2)
          atKey = c === 123;
          target = 0;
          continue;
        }
        i++;
        depth--;
        if (onPath > depth) onPath = depth;
      } else {
        const vs = i;
        let vesc = false;
        if (c === 34) {
          i = bstring(b, i);
          vesc = escapedSeen;
        } else if (c === 116) {
          if (b[i + 1] !== 114 || b[i + 2] !== 117 || b[i + 3] !== 101) fail(i);
          i += 4;
        } else if (c === 102) {
          if (b[i + 1] !== 97 || b[i + 2] !== 108 || b[i + 3] !== 115 || b[i + 4] !== 101) fail(i);
          i += 5;
        } else if (c === 110) {
          if (b[i + 1] !== 117 || b[i + 2] !== 108 || b[i + 3] !== 108) fail(i);
          i += 4;
        } else i = bnumber(b, i);
        if (target === 1) {
          start = vs;
          end = i;
          esc = vesc;
        } else if (target === 2) start = -1;
      }
    }
    // after a value, in the container at `depth` (0: the document's end)
    for (;;) {
      if (depth === 0) {
        // what follows the document's object is ignored, as Flink's Jackson reads it (json-text.ts, checkRootEnd)
        return general ? NOT_SCALAR : start < 0 ? ABSENT : scalarAt(s, start, end, esc);
      }
      let d = b[i] as number;
      if (d !== 44 && d !== 125 && d !== 93) {
        i = bws(b, i);
        d = b[i] as number;
      }
      const inArray = ((arrays >> (depth - 1)) & 1) === 1;
      if (d === 44) {
        i = bws(b, i + 1);
        atKey = !inArray;
        target = 0;
        break;
      }
      if (d !== (inArray ? 93 : 125)) fail(i);
      i++;
      depth--;
      if (onPath > depth) onPath = depth;
    }
  }
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
  // the slice is compared with the recent string natively (and dies young when equal): measured faster than a
  // comparison here of the recent string with the text's characters (50 against 62 ns per 68-character document)
  const v = text.slice(start, end);
  const cand = recent[h];
  if (cand === v) return cand;
  recent[h] = v;
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// The quick way for paths of up to three keys (`$.k`, `$.a.b`): one regular expression per path validates the
// document and finds where the path's value starts, run by V8 as native code (faster than any loop over the
// characters here). The expressions' language is the scanner's grammar (same whitespace, strings, numbers) limited
// to documents without a backslash (so strings without escapes) and to three levels of nesting; a document it does
// not accept (deeper, or invalid) goes to the byte loop or the scanner, which decide.


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

/** Per key path (the last 256 or fewer): its expression (`keyPathPattern`). */
const keyPathExpressions = new Map<string, RegExp | null>();

/** The last key path looked up and its expression. */
let lastKeys: readonly string[] | undefined;
let lastExpression: RegExp | null = null;

function keyPathExpression(keys: readonly string[]): RegExp | null {
  if (keys === lastKeys) return lastExpression;
  lastKeys = keys;
  lastExpression = keyPathExpressionFor(keys);
  return lastExpression;
}

function keyPathExpressionFor(keys: readonly string[]): RegExp | null {
  const id = JSON.stringify(keys);
  let re = keyPathExpressions.get(id);
  if (re !== undefined) return re;
  // (a process running many queries starts again rather than keep every path's expression)
  if (keyPathExpressions.size >= 256) keyPathExpressions.clear();
  re = keyPathPattern(keys);
  keyPathExpressions.set(id, re);
  return re;
}

/**
 * For one key: `^{ (member ,)*? "key" : (?= value (, member that is not "key")* }$)`, sticky: the lazy prefix stops
 * at the key's first occurrence and moves past it only while a later one follows, so the match ends where the last
 * one's value starts (the scanner lets a repeated key's last value win), and the lookahead checks the rest of the
 * document. A path of two or three keys nests the prefix (each key's value an object) and checks each object's
 * rest, innermost first, the same way; the whole stays within three levels of nesting. Tested without building a
 * match (`lastIndex` is the value's position). `null` for more than three keys, or a key JSON would write with an
 * escape (the other ways decide those).
 */
function keyPathPattern(keys: readonly string[]): RegExp | null {
  const m = keys.length;
  if (m === 0 || m > 3 || keys.some((k) => JSON.stringify(k) !== `"${k}"`)) return null;
  /** A member of the object at `level` (0: the document), its value nested so that the whole has three levels. */
  const member = (level: number): string => `${STRING}${WS}:${WS}${valuePattern(2 - level)}${WS}`;
  let head = `^${WS}`;
  let rest = '';
  for (let level = 0; level < m; level++) {
    const k = `"${(keys[level] as string).replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}"`;
    head += `\\{${WS}(?:${member(level)},${WS})*?${k}${WS}:${WS}`;
    rest = `${WS}(?:,${WS}(?!${k}${WS}:)${member(level)})*\\}${rest}`;
  }
  return new RegExp(`${head}(?=${valuePattern(3 - m)}${rest}${WS}$)`, 'y');
}

/**
 * `scanKeyPathText` by the quick way, or `undefined` when another way must decide: the document holds a
 * backslash (a key may then be written with escapes), is longer than `QUICK_MAX`, nested deeper, or invalid; with
 * two or more keys, also when the path is not found (an array on it is lax mode's to unwrap).
 */
export function quickKeyPathText(text: string, keys: readonly string[]): KeyPathText | undefined {
  if (text.length > QUICK_MAX) return undefined;
  const re = keyPathExpression(keys);
  return re === null ? undefined : quickWith(re, text, keys.length === 1);
}

/** `quickKeyPathText` with the path's expression (`single`: a path of one key). */
function quickWith(re: RegExp, text: string, single: boolean): KeyPathText | undefined {
  const at = quickAt(re, text);
  return at >= 0 ? valueAt(text, at) : quickAbsent(text, single);
}

/**
 * Where the path's value starts in `text` by its expression, or -1 when the expression does not match. (A
 * backslash is not looked for first: no expression matches a document holding one, since their strings exclude
 * it and nothing else in JSON has one, so such a document goes to the other ways.)
 */
function quickAt(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return re.test(text) ? re.lastIndex : -1;
}

/** The value starting at `at` of a document an expression matched (so without a backslash). */
function valueAt(text: string, at: number): KeyPathText {
  const c = text.charCodeAt(at);
  if (c === 34) {
    // the string holds no escape: it ends at the next quote (found by the native search, faster than a loop here)
    return shortString(text, at + 1, text.indexOf('"', at + 1));
  }
  if (c === 116) return 'true';
  if (c === 102) return 'false';
  if (c === 110) return null;
  if (c === 123 || c === 91) return NOT_SCALAR;
  return numberText(shortString(text, at, scanNumber(text, at)));
}

/**
 * A document the path's expression did not match, for a path of one key: `ABSENT` when the key is not at the top
 * level of a valid document, `NOT_SCALAR` for an array (lax mode unwraps it: the general reader), undefined when
 * the document is not one the expressions accept (another way decides). A longer path: undefined.
 */
function quickAbsent(text: string, single: boolean): KeyPathText | undefined {
  if (!single) return undefined;
  validJson ??= new RegExp(`^${WS}${valuePattern(3)}${WS}$`);
  if (!validJson.test(text)) return undefined;
  return text.charCodeAt(skip(text, 0)) === 91 ? NOT_SCALAR : ABSENT;
}
