/**
 * A JSON reader that keeps number text exactly (Flink reads JSON numbers as BigDecimal, so
 * `123456789.987654321` must not become a double), a writer (compact, like Jackson), and SQL/JSON paths
 * (`lax`/`strict`, `.key`, `['key']`, `[n]`, `[*]`, `.*`).
 */
import { javaDoubleToString } from '../values/java-number.js';
export class JsonNumber {
  constructor(readonly text: string) {}
}
/** Numbers are `JsonNumber` (exact text) or, when the document has no number JavaScript could change, plain numbers. */
export type JsonValue = null | boolean | string | number | JsonNumber | JsonValue[] | { [k: string]: JsonValue };

export class JsonSyntaxError extends Error {}

/**
 * A parsed object's keys in document order, where JavaScript would reorder them: an object puts integer-like keys
 * ("2", "10") first, ascending, while Flink's JSON libraries keep the document's order.
 */
const KEY_ORDER = Symbol('json key order');
const INTEGER_LIKE = /^(?:0|[1-9]\d*)$/;

/** The keys of a JSON object in document order. */
export function jsonKeys(o: { [k: string]: JsonValue }): string[] {
  return (o as { [KEY_ORDER]?: string[] })[KEY_ORDER] ?? Object.keys(o);
}

export function parseJson(text: string): JsonValue {
  let i = 0;
  const n = text.length;
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const fail = (): never => {
    throw new JsonSyntaxError(`Invalid JSON at position ${i}`);
  };
  const str = (): string => {
    i++; // opening quote
    let out = '';
    let start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(start, i);
        i++;
        return out;
      }
      if (c === 92) {
        out += text.slice(start, i);
        const e = text[i + 1];
        i += 2;
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const h = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(h)) fail();
            out += String.fromCharCode(parseInt(h, 16));
            i += 4;
            break;
          }
          default: fail();
        }
        start = i;
      } else if (c < 32) fail();
      else i++;
    }
    return fail();
  };
  const value = (): JsonValue => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const o: { [k: string]: JsonValue } = {};
      ws();
      if (text[i] === '}') {
        i++;
        return o;
      }
      let order: string[] | undefined;
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const k = str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        if (order === undefined && INTEGER_LIKE.test(k)) {
          order = Object.keys(o);
          Object.defineProperty(o, KEY_ORDER, { value: order, enumerable: false });
        }
        if (order !== undefined && !Object.prototype.hasOwnProperty.call(o, k)) order.push(k);
        o[k] = value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return o;
        } else fail();
      }
    }
    if (c === '[') {
      i++;
      const a: JsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return a;
      }
      for (;;) {
        a.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return a;
        } else fail();
      }
    }
    if (c === '"') return str();
    if (text.startsWith('true', i)) {
      i += 4;
      return true;
    }
    if (text.startsWith('false', i)) {
      i += 5;
      return false;
    }
    if (text.startsWith('null', i)) {
      i += 4;
      return null;
    }
    const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    m.lastIndex = i;
    const r = m.exec(text);
    if (!r) return fail();
    i += r[0].length;
    return new JsonNumber(r[0]);
  };
  ws();
  const start = i;
  const v = value();
  checkRootEnd(text, start, i);
  return v;
}

/** Java's `Character.isJavaIdentifierPart` of one UTF-16 unit at or above '0'. */
const JAVA_IDENTIFIER_PART = /[\p{L}\p{Nl}\p{Nd}\p{Mn}\p{Mc}\p{Pc}\p{Sc}\p{Cf}\u007f-\u009f]/u;

/**
 * What may follow a document's first value, the one at [start, end) of `text`. Flink reads a JSON function's
 * document with Jackson's `ObjectMapper.readValue`, which stops after the first value and ignores the rest (text,
 * garbage, a second document: probed on Flink 1.20.1 for JSON_VALUE, JSON_QUERY, JSON_EXISTS and IS JSON), except
 * what Jackson's tokenizer checks while reading that value: a number at the root must be followed by a space, tab,
 * CR or LF (or the end), and `true` / `false` / `null` by no Java identifier character (`true,` and `true]` are
 * read, `truex` and `true_` are not). Throws `JsonSyntaxError` otherwise.
 */
export function checkRootEnd(text: string, start: number, end: number): void {
  if (end >= text.length) return;
  const first = text.charCodeAt(start);
  const c = text.charCodeAt(end);
  if (first === 45 || (first >= 48 && first <= 57)) {
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) throw new JsonSyntaxError(`Invalid JSON at position ${end}`);
  } else if (first === 116 || first === 102 || first === 110) {
    if (c >= 48 && c !== 93 && c !== 125 && JAVA_IDENTIFIER_PART.test(text.charAt(end))) throw new JsonSyntaxError(`Invalid JSON at position ${end}`);
  }
}

let lastText: string | undefined;
let lastValue: JsonValue | JsonSyntaxError = null;

/**
 * Numbers whose JavaScript value would not print back as written (16+ digits, exponents, trailing fraction
 * zeros, negative zero): documents containing one are read with the exact parser.
 */
const INEXACT_NUMBER = /(?:\d\.?){16}|\d[eE]|\.\d*0(?!\d)|-0(?![.\d])/;
/** An integer-like object key, which JSON.parse would move to the front (see jsonKeys). */
const INTEGER_KEY = /"(?:0|[1-9]\d*)"\s*:/;

/** Fast path: the native parser, when every number in the text survives a round trip through a double. */
export function parseJsonFast(text: string): JsonValue {
  if (INEXACT_NUMBER.test(text) || INTEGER_KEY.test(text)) return parseJson(text);
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    // (text after the first value, which JSON.parse refuses and Flink ignores: see checkRootEnd)
    return parseJson(text);
  }
}

/** Parse with a one-entry cache (several JSON functions over the same column parse it once per row). */
export function parseJsonCached(text: string): JsonValue {
  if (text !== lastText) {
    lastText = text;
    try {
      lastValue = parseJsonFast(text);
    } catch (e) {
      lastValue = e instanceof JsonSyntaxError ? e : new JsonSyntaxError(String(e));
    }
  }
  if (lastValue instanceof JsonSyntaxError) throw lastValue;
  return lastValue;
}

/**
 * A parsed document written back as Flink's Jackson writes it (JSON_QUERY): keys in document order, integers as
 * written, other numbers read as a Java double and printed by `Double.toString` (`1.50` → `1.5`, `1e2` → `100.0`).
 */
export function writeJackson(v: JsonValue): string {
  if (v instanceof JsonNumber || typeof v === 'number') {
    const text = String(v instanceof JsonNumber ? v.text : v);
    return /[.eE]/.test(text) ? javaDoubleToString(Number(text)) : text; // as json-scan's numberText
  }
  if (Array.isArray(v)) return `[${v.map(writeJackson).join(',')}]`;
  if (v !== null && typeof v === 'object') return `{${jsonKeys(v).map((k) => `${JSON.stringify(k)}:${writeJackson(v[k] as JsonValue)}`).join(',')}}`;
  return writeJson(v);
}

export function writeJson(v: JsonValue, sortKeys = false): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  if (v instanceof JsonNumber) return v.text;
  if (Array.isArray(v)) return `[${v.map((x) => writeJson(x, sortKeys)).join(',')}]`;
  const keys = sortKeys ? Object.keys(v).sort() : jsonKeys(v);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${writeJson(v[k] as JsonValue, sortKeys)}`).join(',')}}`;
}

// ------------------------------------------------------------------------------------------------------
// Paths

export type PathStep = { readonly kind: 'key'; readonly key: string } | { readonly kind: 'index'; readonly index: number } | { readonly kind: 'wildcard' };
export interface JsonPath {
  readonly mode: 'lax' | 'strict';
  readonly steps: readonly PathStep[];
  readonly text: string;
}

export function parsePath(text: string): JsonPath | null {
  let t = text.trim();
  // a path without a mode is strict, as Flink 1.20 reads it (its SqlJsonUtils): `'$.b'` on `{}` is an error,
  // handled by ON ERROR, not an empty result
  let mode: 'lax' | 'strict' = 'strict';
  const mm = /^(lax|strict)\s+/i.exec(t);
  if (mm) {
    mode = (mm[1] as string).toLowerCase() as 'lax' | 'strict';
    t = t.slice(mm[0].length);
  }
  if (!t.startsWith('$')) return null;
  let i = 1;
  const steps: PathStep[] = [];
  while (i < t.length) {
    const c = t[i];
    if (c === '.') {
      if (t[i + 1] === '*') {
        steps.push({ kind: 'wildcard' });
        i += 2;
        continue;
      }
      if (t[i + 1] === '[') {
        i++;
        continue;
      }
      const m = /^[\w$]+/.exec(t.slice(i + 1));
      if (!m) return null;
      steps.push({ kind: 'key', key: m[0] });
      i += 1 + m[0].length;
    } else if (c === '[') {
      const rest = t.slice(i);
      let m = /^\[\s*'((?:[^']|'')*)'\s*\]/.exec(rest) ?? /^\[\s*"([^"]*)"\s*\]/.exec(rest);
      if (m) {
        steps.push({ kind: 'key', key: (m[1] as string).replace(/''/g, "'") });
        i += m[0].length;
        continue;
      }
      m = /^\[\s*(\d+)\s*\]/.exec(rest);
      if (m) {
        steps.push({ kind: 'index', index: Number(m[1]) });
        i += m[0].length;
        continue;
      }
      m = /^\[\s*\*\s*\]/.exec(rest);
      if (m) {
        steps.push({ kind: 'wildcard' });
        i += m[0].length;
        continue;
      }
      return null;
    } else return null;
  }
  return { mode, steps, text };
}

export class JsonPathError extends Error {}

/**
 * What a path reads, as Flink 1.20's SqlJsonUtils reads it through Jayway JsonPath: `{ value }` (JSON null and,
 * in lax mode, a missing value are both `null`; a path with a wildcard reads the list of what it matched, possibly
 * empty) or `{ error }`. A definite step that finds nothing (a missing key, a key on a non-object, an index out
 * of range or on a non-array) is an error in strict mode and `null` in lax mode, where nothing is unwrapped; after
 * a wildcard such an element is skipped. In strict mode a null value is an error too.
 */
export type PathRead = { readonly value: JsonValue; readonly error?: undefined } | { readonly error: string };

const isObject = (v: JsonValue): v is { [k: string]: JsonValue } => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber);

export function readPath(root: JsonValue, path: JsonPath): PathRead {
  let cur: JsonValue[] = [root];
  let definite = true;
  const indefinite = path.steps.some((s) => s.kind === 'wildcard');
  const failed = (at: number): PathRead => {
    if (path.mode === 'lax') return { value: indefinite ? [] : null };
    const prefix = pathString({ ...path, steps: path.steps.slice(0, at + 1) });
    return { error: at === path.steps.length - 1 ? `No results for path: ${pathString(path)}` : `Missing property in path ${prefix}` };
  };
  for (let at = 0; at < path.steps.length; at++) {
    const s = path.steps[at] as PathStep;
    const next: JsonValue[] = [];
    for (const v of cur) {
      if (s.kind === 'key') {
        if (isObject(v) && Object.prototype.hasOwnProperty.call(v, s.key)) next.push(v[s.key] as JsonValue);
        else if (definite && path.mode !== 'lax' && v !== null && !isObject(v)) return { error: notAnObject(s.key, pathString({ ...path, steps: path.steps.slice(0, at) }), v) };
        else if (definite) return failed(at);
      } else if (s.kind === 'index') {
        if (Array.isArray(v) && s.index < v.length) next.push(v[s.index] as JsonValue);
        else if (definite) return failed(at);
      } else if (Array.isArray(v)) next.push(...v);
      else if (isObject(v)) next.push(...Object.values(v));
    }
    if (s.kind === 'wildcard') definite = false;
    cur = next;
  }
  if (!definite) return { value: cur };
  const value = cur[0] as JsonValue;
  if (value === null && path.mode === 'strict') return { error: 'Strict jsonpath mode requires a non empty returned value, but is null' };
  return { value };
}

/**
 * Jayway's error for a property read on a value that is no object (strict mode, probed on Flink 1.20.1), naming the
 * Java class Jackson read the value as.
 */
function notAnObject(key: string, at: string, v: JsonValue): string {
  return `Expected to find an object with property ['${key}'] in path ${at} but found '${javaClassOf(v)}'. This is not a json object according to the JsonProvider: 'org.apache.flink.table.shaded.com.jayway.jsonpath.spi.json.JacksonJsonProvider'.`;
}

function javaClassOf(v: JsonValue): string {
  if (typeof v === 'string') return 'java.lang.String';
  if (typeof v === 'boolean') return 'java.lang.Boolean';
  if (Array.isArray(v)) return 'java.util.ArrayList';
  const text = v instanceof JsonNumber ? v.text : String(v);
  if (!/^-?\d+$/.test(text)) return 'java.lang.Double';
  const n = BigInt(text);
  if (n >= -(2n ** 31n) && n < 2n ** 31n) return 'java.lang.Integer';
  return n >= -(2n ** 63n) && n < 2n ** 63n ? 'java.lang.Long' : 'java.math.BigInteger';
}

function pathString(p: JsonPath): string {
  return '$' + p.steps.map((s) => (s.kind === 'key' ? `['${s.key}']` : s.kind === 'index' ? `[${s.index}]` : '[*]')).join('');
}
