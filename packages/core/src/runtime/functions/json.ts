/** JSON functions: JSON_VALUE / JSON_QUERY / JSON_EXISTS / IS JSON / JSON_OBJECT / JSON_ARRAY / JSON_STRING … */
import type { Expression, IsJson, JsonArray, JsonBehavior, JsonExists, JsonObject, JsonQuery, JsonValue as JsonValueNode } from '../../ast/expression.js';
import type { DataType } from '../../types/data-type.js';
import type { Compiled, Evaluator } from '../compiled.js';
import { jsonTypeProblem } from '../../typing/argument-rules.js';
import { evalError, EvaluationError, notReached, textError, unsupported } from '../errors.js';
import { isCharacter, T, typeToString, withNullable } from '../types.js';
import { Decimal } from '../values/decimal.js';
import { javaDoubleToString, javaFloatToString } from '../values/java-number.js';
import { formatLocalDateTime, Timestamp } from '../values/temporal.js';
import { renderValue } from '../values/render.js';
import { castConverter } from './cast.js';
import type { CompilerApi } from './registry.js';
import { register } from './registry.js';
import { jacksonMessage } from './json-jackson-error.js';
import { JsonNumber, JsonPathError, JsonSyntaxError, jsonKeys, parseJson, parseJsonCached, parsePath, readPath, writeJackson, writeJson } from './json-text.js';
import { ABSENT, keyPathReader, NOT_SCALAR, numberText } from './json-scan.js';
import type { KeyPathText } from './json-scan.js';
import type { JsonPath, JsonValue, PathRead } from './json-text.js';
import { strict } from './helpers.js';
import { jsonValueReturningSupported } from '../../functions/json-value-returning.js';
import { TYPE_TEXTS } from '../../typing/codes.js';

function stringOperand(api: CompilerApi, e: Expression, what: string): Compiled {
  const c = api.compile(e);
  // JSON_VALUE / JSON_QUERY of a non-text value plan on Flink 1.20.1 (JSON_EXISTS's is rejected by the binder)
  if (!isCharacter(c.type) && c.type.kind !== 'NULL') throw unsupported(`${what} of a ${typeToString(c.type)} value (CAST it to STRING)`, e.span);
  return c;
}

function constPath(api: CompilerApi, e: Expression): JsonPath {
  const c = api.compile(e);
  // a path that is no literal, or an illegal one, plans on Flink 1.20.1 and fails (or not) on the rows: not simulated
  if (!c.constant || typeof c.constant.value !== 'string') throw unsupported('a JSON path that is not a string literal', e.span);
  const p = parsePath(c.constant.value);
  if (!p) throw unsupported(`the JSON path '${c.constant.value}' (not a valid path)`, e.span);
  return p;
}

/** An empty result under ERROR ON EMPTY: raised as it is, not handed to the ON ERROR behaviour (as in Flink). */
class EmptyResult extends JsonPathError {}

function behavior(api: CompilerApi, b: JsonBehavior | undefined, dflt: 'Null' | 'Error' | 'EmptyArray' | 'EmptyObject', type: DataType): (row: readonly unknown[], err: Error) => unknown {
  const k = b?.kind ?? dflt;
  switch (k) {
    case 'Null': return () => null;
    case 'Error': return (_r, err) => { throw err instanceof JsonPathError ? evalError('TableRuntimeException', err.message) : err; };
    case 'EmptyArray': return () => (type.kind === 'ARRAY' ? [] : '[]');
    case 'EmptyObject': return () => '{}';
    case 'Default': {
      const value = api.compile((b as { value: Expression }).value);
      // Flink 1.20.1 fails planning a DEFAULT that is not a constant (with 'None.get')
      if (!value.constant) throw textError(TYPE_TEXTS.badArgument({ kind: 'jsonDefault' }), (b as { value: Expression }).value.span);
      const ev = api.coerce(value, type).eval;
      return (r) => ev(r);
    }
  }
}

/**
 * An element of JSON_QUERY's RETURNING ARRAY<STRING> as Flink 1.20.1 gives it: the Java object Jayway read,
 * printed by its `toString()` (`{itemId=1234, count=10}`, `[1, 2]`), not as JSON.
 */
function javaText(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number' || v instanceof JsonNumber) return numberText(String(v instanceof JsonNumber ? v.text : v));
  if (Array.isArray(v)) return `[${v.map(javaText).join(', ')}]`;
  return `{${jsonKeys(v).map((k) => `${k}=${javaText(v[k] as JsonValue)}`).join(', ')}}`;
}

const isScalar = (v: JsonValue): boolean => v === null || typeof v !== 'object' || v instanceof JsonNumber;

function scalarText(v: JsonValue): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return numberText(String(v));
  return numberText((v as JsonNumber).text);
}

/** The keys of a path made only of object keys (`$.a.b`), which the scanner can follow. */
function keyPath(path: JsonPath): string[] | undefined {
  if (!path.steps.every((s) => s.kind === 'key')) return undefined;
  return path.steps.map((s) => (s as { key: string }).key);
}

/**
 * Reads a path in a document as Flink 1.20.1's SqlJsonUtils does (probed): a document that is not JSON is an error
 * (ON ERROR), except under an explicit `lax`, which reads it as nothing (ON EMPTY; JSON_EXISTS is FALSE); a
 * document that is JSON null is an error under `lax` too (Jayway refuses a null document).
 */
function read(text: string, path: JsonPath): PathRead {
  let doc: JsonValue;
  try {
    doc = parseJsonCached(text);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) return { error: (err as Error).message };
    // the message Jackson gives for the document (json-jackson-error.ts), as ERROR ON ERROR raises it
    return path.mode === 'lax' ? { value: null } : { error: jacksonMessage(text) ?? err.message };
  }
  if (doc === null) return { error: NULL_DOCUMENT };
  try {
    return readPath(doc, path);
  } catch (err) {
    return { error: (err as Error).message };
  }
}

const NULL_DOCUMENT = 'json object can not be null';
/** A valid document that is JSON null (the key-path scanner finds no key in it). */
const NULL_TEXT = /^\s*n/;

const STRICT_NULL = 'Strict jsonpath mode requires a non empty returned value, but is null';

/** The Java class Jackson reads a JSON scalar as (what Flink's JSON_VALUE then casts to its RETURNING type). */
function javaClassOf(text: string, quoted: boolean): string {
  if (quoted) return 'String';
  if (text === 'true' || text === 'false') return 'Boolean';
  if (/[.eE]/.test(text)) return 'Double';
  const n = BigInt(text);
  return n >= -2147483648n && n <= 2147483647n ? 'Integer' : n >= -9223372036854775808n && n <= 9223372036854775807n ? 'Long' : 'BigInteger';
}

const RETURNING_CLASS: Readonly<Record<string, string>> = { INT: 'Integer', DOUBLE: 'Double', BOOLEAN: 'Boolean' };

export function compileJsonValue(e: JsonValueNode, api: CompilerApi): Compiled {
  const op = stringOperand(api, e.operand, 'JSON_VALUE');
  const path = constPath(api, e.path);
  if (e.returning !== undefined && !jsonValueReturningSupported(e.returning)) throw textError(TYPE_TEXTS.badArgument({ kind: 'jsonReturning', fn: 'JSON_VALUE', type: typeToString(e.returning) }), e.span);
  const type = withNullable(e.returning ?? T.string(), true);
  // Flink 1.20.1 returns STRING, BOOLEAN, INT or DOUBLE, and casts the Java object Jackson read to it: a value of
  // another class is a ClassCastException that no ON ERROR catches (checked on Flink 1.20.1)
  const want = RETURNING_CLASS[type.kind];
  if (!isCharacter(type) && want === undefined) throw textError(TYPE_TEXTS.badArgument({ kind: 'jsonReturning', fn: 'JSON_VALUE', type: typeToString(withNullable(type, true)) }), e.returning ? e.span : undefined);
  const castTo = (text: string, quoted: boolean): unknown => {
    if (want === undefined) return text;
    const cls = javaClassOf(text, quoted);
    if (cls !== want) throw new EvaluationError('ClassCastException', `class java.lang.${cls} cannot be cast to class java.lang.${want} (java.lang.${cls} and java.lang.${want} are in module java.base of loader 'bootstrap')`, true);
    return type.kind === 'BOOLEAN' ? text === 'true' : type.kind === 'INT' ? Number(text) : Number(text);
  };
  const onEmpty = behavior(api, e.onEmpty, 'Null', type);
  const onError = behavior(api, e.onError, 'Null', type);
  const empty = (r: readonly unknown[]) => onEmpty(r, new EmptyResult('Empty result of JSON_VALUE function is not allowed'));
  const oe = op.eval;
  // the scanner gives a string's text and a number's text alike: a typed RETURNING reads the general way
  const keys = want === undefined ? keyPath(path) : undefined;
  // the path is read once, here: each row runs this call's reader of its keys
  const readKeys = keys && keys.length > 0 ? keyPathReader(keys) : undefined;
  const lax = path.mode === 'lax';
  // Flink's generated call is strict in its operands: a DEFAULT that is NULL makes every result NULL
  const defaults = [e.onEmpty, e.onError].flatMap((b) => (b?.kind === 'Default' ? [api.compile(b.value).eval] : []));
  // Flink's order (SqlJsonUtils.jsonValue): a failed read goes to ON ERROR; a null (lax mode) or, in lax mode, a
  // non-scalar value to ON EMPTY; a non-scalar value in strict mode to ON ERROR
  return {
    type,
    eval: (r) => {
      const s = oe(r) as string | null;
      if (s === null) return null;
      for (let i = 0; i < defaults.length; i++) if ((defaults[i] as Evaluator)(r) === null) return null;
      if (readKeys) {
        // a key path: the scanner reads the scalar's text directly; objects, arrays, and what strict mode does
        // not find go the general way
        let text: KeyPathText;
        try {
          text = readKeys(s);
        } catch (err) {
          if (!(err instanceof JsonSyntaxError)) return onError(r, err as Error);
          return lax ? empty(r) : onError(r, new JsonPathError(jacksonMessage(s) ?? err.message)); // (as `read`)
        }
        if (typeof text === 'string') return text;
        if (text === null) return lax ? empty(r) : onError(r, new JsonPathError(STRICT_NULL));
        if (text === ABSENT && lax && !NULL_TEXT.test(s)) return empty(r);
      }
      const got = read(s, path);
      if (got.error !== undefined) return onError(r, new JsonPathError(got.error));
      const v = got.value;
      if (v === null) return empty(r);
      if (!isScalar(v)) {
        if (lax) return empty(r);
        // Flink fills Calcite's MessageFormat pattern with String.format: its '' stay doubled (probed)
        return onError(r, new JsonPathError(`Strict jsonpath mode requires scalar value, and the actual value is: ''${javaText(v)}''`));
      }
      return castTo(scalarText(v) as string, typeof v === 'string');
    },
  };
}

export function compileJsonQuery(e: JsonQuery, api: CompilerApi): Compiled {
  const op = stringOperand(api, e.operand, 'JSON_QUERY');
  const path = constPath(api, e.path);
  const type = withNullable(e.returning ?? T.string(), true);
  const toResult = type.kind === 'ARRAY'
    ? (v: JsonValue): unknown => {
      if (!Array.isArray(v)) throw new JsonPathError('Strict jsonpath mode requires array value, and the actual value is: ' + writeJson(v));
      return v.map((x) => (x === null ? null : javaText(x)));
    }
    : (v: JsonValue): unknown => writeJackson(v);
  const onEmpty = behavior(api, e.onEmpty, 'Null', type);
  const onError = behavior(api, e.onError, 'Null', type);
  const oe = op.eval;
  const wrapper = e.wrapper;
  const lax = path.mode === 'lax';
  // Flink's order (SqlJsonUtils.jsonQuery): a failed read goes to ON ERROR; the value is wrapped; a null or, in
  // lax mode, a scalar goes to ON EMPTY; a scalar in strict mode to ON ERROR
  return {
    type,
    eval: (r) => {
      const s = oe(r) as string | null;
      if (s === null) return null;
      const got = read(s, path);
      if (got.error !== undefined) return onError(r, new JsonPathError(got.error));
      let v = got.value;
      if (v !== null && (wrapper === 'UNCONDITIONAL' || (wrapper === 'CONDITIONAL' && !Array.isArray(v)))) v = [v];
      if (v === null || (lax && isScalar(v))) return onEmpty(r, new EmptyResult('Empty result of JSON_QUERY function is not allowed'));
      if (isScalar(v)) return onError(r, new JsonPathError(`Strict jsonpath mode requires array or object value, and the actual value is: ''${javaText(v)}''`));
      try {
        return toResult(v);
      } catch (err) {
        return onError(r, err as Error);
      }
    },
  };
}

export function compileJsonExists(e: JsonExists, api: CompilerApi): Compiled {
  const op = stringOperand(api, e.operand, 'JSON_EXISTS');
  const path = constPath(api, e.path);
  const oe = op.eval;
  const onError = e.onError ?? 'FALSE';
  return {
    type: T.boolean(),
    eval: (r) => {
      const s = oe(r) as string | null;
      if (s === null) return null;
      const got = read(s, path);
      if (got.error === undefined) return got.value !== null;
      switch (onError) {
        case 'TRUE': return true;
        case 'FALSE': return false;
        case 'UNKNOWN': return null;
        case 'ERROR': throw evalError('TableRuntimeException', got.error);
      }
    },
  };
}

export function compileIsJson(e: IsJson, api: CompilerApi): Compiled {
  const op = api.compile(e.operand);
  if (!isCharacter(op.type)) throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: `IS JSON ${e.type ?? 'VALUE'}`, types: [typeToString(op.type)], expects: 'a character string' }), e.span);
  const oe = op.eval;
  const want = e.type ?? 'VALUE';
  const neg = e.negated;
  return {
    // declared nullable with its operand, as Flink does, although a NULL operand gives FALSE
    type: T.boolean(op.type.nullable),
    eval: (r) => {
      const s = oe(r) as string | null;
      if (s === null) return false;
      let ok: boolean;
      try {
        const v = parseJson(s);
        const isObj = v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber);
        ok = want === 'VALUE' || (want === 'ARRAY' ? Array.isArray(v) : want === 'OBJECT' ? isObj : !Array.isArray(v) && !isObj);
      } catch {
        ok = false;
      }
      return neg ? !ok : ok;
    },
  };
}

/** Java's `BigDecimal.stripTrailingZeros().toString()`, as Flink's JSON functions print a DECIMAL (`1.50` → `1.5`, `120` → `1.2E+2`). */
export function strippedDecimalText(d: Decimal): string {
  let unscaled = d.unscaled;
  let scale = d.scale;
  if (unscaled === 0n) return '0';
  while (unscaled % 10n === 0n) {
    unscaled /= 10n;
    scale--;
  }
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString();
  const adjusted = digits.length - 1 - scale;
  let body: string;
  if (scale >= 0 && adjusted >= -6) {
    if (scale === 0) body = digits;
    else if (digits.length > scale) body = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
    else body = `0.${'0'.repeat(scale - digits.length)}${digits}`;
  } else {
    body = `${digits[0] as string}${digits.length > 1 ? `.${digits.slice(1)}` : ''}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
  }
  return neg ? `-${body}` : body;
}

/** `2024-01-01T10:00:00.5`: seconds always, the fraction without trailing zeros (Flink's JSON text of a timestamp). */
function isoTimestamp(ts: Timestamp): string {
  const text = formatLocalDateTime(ts);
  const [date, time] = text.split('T') as [string, string];
  const [hms, frac] = time.split('.') as [string, string | undefined];
  const full = hms.length === 5 ? `${hms}:00` : hms;
  const f = (frac ?? '').replace(/0+$/, '');
  return `${date}T${full}${f === '' ? '' : `.${f}`}`;
}

/** A runtime value of type `t` as a JSON value (JSON_OBJECT / JSON_ARRAY / JSON_STRING); MAP keys sorted as Flink writes them. */
export function toJson(v: unknown, t: DataType, zone: string): JsonValue {
  if (v === null || v === undefined) return null;
  switch (t.kind) {
    case 'BOOLEAN': return v as boolean;
    case 'TINYINT': case 'SMALLINT': case 'INT': case 'BIGINT': return new JsonNumber(String(v));
    case 'FLOAT': return new JsonNumber(javaFloatToString(v as number));
    case 'DOUBLE': return new JsonNumber(javaDoubleToString(v as number));
    case 'DECIMAL': return new JsonNumber(strippedDecimalText(v as Decimal));
    case 'CHAR': case 'VARCHAR': return v as string;
    case 'BINARY': case 'VARBINARY': return Buffer.from(v as Uint8Array).toString('base64');
    // a TIMESTAMP_LTZ is an instant, written in UTC
    case 'TIMESTAMP': return isoTimestamp(v as Timestamp);
    case 'TIMESTAMP_LTZ': return `${isoTimestamp(v as Timestamp)}Z`;
    case 'ARRAY': case 'MULTISET': return (v as unknown[]).map((x) => toJson(x, t.element, zone));
    case 'MAP': {
      const o: { [k: string]: JsonValue } = {};
      const entries = [...(v as Map<unknown, unknown>)].map(([k, x]): [string, unknown] => [String(k), x]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [k, x] of entries) o[k] = toJson(x, t.value, zone);
      return o;
    }
    case 'ROW': {
      const o: { [k: string]: JsonValue } = {};
      t.fields.forEach((f, i) => { o[f.name] = toJson((v as unknown[])[i], f.type, zone); });
      return o;
    }
    default: return renderValue(v, t, zone);
  }
}

/** Flink's validation of a JSON_OBJECT / JSON_ARRAY value's type (recursively): DATE, TIME, INTERVAL … have no JSON form. */
function checkJsonType(t: DataType, e: Expression): void {
  // a NULL literal has no JSON type either; the rest is the typer's rule (one rule for check and the runtime)
  const bad = t.kind === 'NULL' ? { kind: 'json' as const } : jsonTypeProblem(t);
  if (bad !== undefined) throw textError(TYPE_TEXTS.badArgument(bad), e.span);
}

/** JSON_OBJECT and JSON_ARRAY inside these build raw JSON; every other value (JSON_QUERY's and JSON_STRING's text too) is a value. */
const RAW_JSON = new Set(['JsonObject', 'JsonArray']);

export function jsonArg(api: CompilerApi, e: Expression): (r: readonly unknown[]) => JsonValue {
  const c = api.compile(e);
  const ev = c.eval;
  if (RAW_JSON.has(e.kind)) {
    return (r) => {
      const s = ev(r) as string | null;
      return s === null ? null : parseJson(s);
    };
  }
  checkJsonType(c.type, e);
  const t = c.type;
  const zone = api.session.zone;
  return (r) => toJson(ev(r), t, zone);
}

const byKey = ([a]: [string, JsonValue], [b]: [string, JsonValue]): number => (a < b ? -1 : a > b ? 1 : 0);

export function compileJsonObject(e: JsonObject, api: CompilerApi): Compiled {
  const keys = e.entries.map((x) => api.coerce(api.compile(x.key), T.string(), x.key.span).eval);
  const vals = e.entries.map((x) => jsonArg(api, x.value));
  const absent = e.onNull === 'ABSENT';
  return {
    type: T.string(false),
    eval: (r) => {
      const entries: [string, JsonValue][] = [];
      for (let i = 0; i < keys.length; i++) {
        const k = (keys[i] as Evaluator)(r) as string | null;
        if (k === null) throw evalError('TableRuntimeException', 'JSON_OBJECT key must not be NULL');
        const v = (vals[i] as (r: readonly unknown[]) => JsonValue)(r);
        if (v === null && absent) continue;
        const at = entries.findIndex(([x]) => x === k);
        if (at >= 0) entries[at] = [k, v];
        else entries.push([k, v]);
      }
      // Flink writes the keys sorted (by UTF-16 code units, as Java compares strings)
      entries.sort(byKey);
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${writeJson(v)}`).join(',')}}`;
    },
  };
}

export function compileJsonArray(e: JsonArray, api: CompilerApi): Compiled {
  const vals = e.values.map((x) => jsonArg(api, x));
  const absent = e.onNull === 'ABSENT';
  return {
    type: T.string(false),
    eval: (r) => {
      const a: JsonValue[] = [];
      for (const f of vals) {
        const v = f(r);
        if (v === null && absent) continue;
        a.push(v);
      }
      return writeJson(a);
    },
  };
}

register('JSON_STRING', (a, call, api) => {
  const [arg] = a;
  if (!arg || a.length !== 1) throw notReached('JSON_STRING without one argument');
  const c = api.compile(arg);
  // JSON_STRING(NULL) plans on Flink 1.20.1 and is NULL
  if (c.type.kind === 'NULL') return { type: T.string(), eval: () => null };
  const f = jsonArg(api, arg);
  return { type: T.string(c.type.nullable), eval: (r) => { const v = c.eval(r); return v === null ? null : writeJson(f(r)); } };
});
