/**
 * A fast path for JSON_VALUE / JSON_QUERY / JSON_EXISTS on lax paths made of object keys (`$.a.b`): the
 * document is validated in one pass without building objects, and only the addressed value is read
 * (numbers keep their exact text). Any other path goes through the general reader.
 */
import { JsonNumber, JsonSyntaxError, parseJson } from './json-text.js';
import type { JsonValue } from './json-text.js';

const fail = (i: number): never => {
  throw new JsonSyntaxError(`Invalid JSON at position ${i}`);
};

function ws(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** End of the string starting at `i` (the opening quote); validates escapes. */
function scanString(s: string, i: number): number {
  i++;
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c === 92) {
      const e = s.charCodeAt(i + 1);
      if (e === 117) {
        if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) fail(i);
        i += 6;
      } else if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) i += 2;
      else fail(i);
    } else if (c < 32 || Number.isNaN(c)) fail(i);
    else i++;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function scanNumber(s: string, i: number): number {
  NUMBER.lastIndex = i;
  if (!NUMBER.exec(s)) fail(i);
  return NUMBER.lastIndex;
}

/** Scans the value at `i`; when `keys` remain and it is an object, records the span of the addressed value. */
interface ScanState {
  found: { start: number; end: number } | undefined;
  /** An array stood where a key was looked up: lax mode unwraps it, so the general reader must decide. */
  general: boolean;
}

function scanValue(s: string, i: number, keys: readonly string[], k: number, st: ScanState): number {
  i = ws(s, i);
  const c = s.charCodeAt(i);
  if (c === 123) {
    i = ws(s, i + 1);
    if (s.charCodeAt(i) === 125) return i + 1;
    for (;;) {
      if (s.charCodeAt(i) !== 34) fail(i);
      const keyEnd = scanString(s, i);
      let match = false;
      if (k < keys.length) {
        const raw = s.slice(i + 1, keyEnd - 1);
        const key = raw.includes('\\') ? (JSON.parse(s.slice(i, keyEnd)) as string) : raw;
        match = key === keys[k];
      }
      i = ws(s, keyEnd);
      if (s.charCodeAt(i) !== 58) fail(i);
      const vStart = ws(s, i + 1);
      if (match) {
        if (k + 1 === keys.length) {
          i = scanValue(s, vStart, keys, keys.length, st);
          st.found = { start: vStart, end: i };
        } else {
          st.found = undefined;
          i = scanValue(s, vStart, keys, k + 1, st);
        }
      } else i = scanValue(s, vStart, keys, keys.length, st);
      i = ws(s, i);
      const d = s.charCodeAt(i);
      if (d === 44) i = ws(s, i + 1);
      else if (d === 125) return i + 1;
      else fail(i);
    }
  }
  if (c === 91) {
    if (k < keys.length) st.general = true;
    i = ws(s, i + 1);
    if (s.charCodeAt(i) === 93) return i + 1;
    for (;;) {
      i = ws(s, scanValue(s, i, keys, keys.length, st));
      const d = s.charCodeAt(i);
      if (d === 44) i++;
      else if (d === 93) return i + 1;
      else fail(i);
    }
  }
  if (c === 34) return scanString(s, i);
  if (c === 116 && s.startsWith('true', i)) return i + 4;
  if (c === 102 && s.startsWith('false', i)) return i + 5;
  if (c === 110 && s.startsWith('null', i)) return i + 4;
  return scanNumber(s, i);
}

/**
 * The values a lax key path addresses in `text`: `[]` when absent, `[value]` when present, or `undefined`
 * when lax array unwrapping is involved (use the general reader). Throws `JsonSyntaxError` for invalid JSON.
 */
export function scanKeyPath(text: string, keys: readonly string[]): JsonValue[] | undefined {
  const st: ScanState = { found: undefined, general: false };
  const end = ws(text, scanValue(text, 0, keys, 0, st));
  if (end !== text.length) fail(end);
  if (st.general) return undefined;
  if (keys.length === 0) return [parseJson(text)];
  const f = st.found;
  if (!f) return [];
  const c = text.charCodeAt(f.start);
  const slice = text.slice(f.start, f.end);
  if (c === 34) return [slice.includes('\\') ? (JSON.parse(slice) as string) : slice.slice(1, -1)];
  if (c === 116) return [true];
  if (c === 102) return [false];
  if (c === 110) return [null];
  if (c === 123 || c === 91) return [parseJson(slice)];
  return [new JsonNumber(slice)];
}
