/** Array and map functions (Flink 1.20): ARRAY_* / MAP_* / SPLIT. NULL elements compare equal to NULL. */
import type { Expression } from '../../ast/expression.js';
import type { DataType } from '../../types/data-type.js';
import type { Compiled } from '../compiled.js';
import { textError, evalError, notReached } from '../errors.js';
import { isCharacter, T, typeToString, withNullable } from '../types.js';
import { commonType } from '../../functions/infer.js';
import { comparatorFor, keyOf } from '../values/compare.js';
import { strict } from './helpers.js';
import type { CompilerApi } from './registry.js';
import { register } from './registry.js';
import { TYPE_TEXTS } from '../../typing/codes.js';

function arrayArg(api: CompilerApi, e: Expression | undefined, name: string, span?: Expression['span']): Compiled & { type: { kind: 'ARRAY'; element: DataType } } {
  if (!e) throw notReached(`${name} without an argument`);
  const c = api.compile(e);
  if (c.type.kind !== 'ARRAY') throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: name, types: [typeToString(c.type)], expects: 'an ARRAY' }), e.span);
  return c as Compiled & { type: { kind: 'ARRAY'; element: DataType } };
}

function mapArg(api: CompilerApi, e: Expression | undefined, name: string, span?: Expression['span']): Compiled & { type: { kind: 'MAP'; key: DataType; value: DataType } } {
  if (!e) throw notReached(`${name} without an argument`);
  const c = api.compile(e);
  if (c.type.kind !== 'MAP') throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: name, types: [typeToString(c.type)], expects: 'a MAP' }), e.span);
  return c as Compiled & { type: { kind: 'MAP'; key: DataType; value: DataType } };
}

/** The array argument and the element argument converted to the common element type. */
function arrayAndElement(api: CompilerApi, a: readonly Expression[], name: string, span?: Expression['span']) {
  const arr = arrayArg(api, a[0], name, span);
  const el = api.compile(a[1] as Expression);
  const et = commonType([arr.type.element, el.type]);
  if (!et) throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: name, types: [typeToString(arr.type), typeToString(el.type)], expects: `an element that fits the array's elements (${typeToString(arr.type.element)})` }), span);
  const arrType: DataType = { kind: 'ARRAY', element: et, nullable: arr.type.nullable };
  return { arr: api.coerce(arr, arrType), el: api.coerce(el, et), et, arrType };
}

const same = (a: unknown, b: unknown): boolean => keyOf(a) === keyOf(b);

function distinct(xs: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const x of xs) {
    const k = keyOf(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
  }
  return out;
}

function arrayOnly(name: string, f: (xs: unknown[], t: DataType & { kind: 'ARRAY' }) => unknown, result?: (t: DataType & { kind: 'ARRAY' }) => DataType): void {
  register(name, (a, call, api) => {
    const arr = arrayArg(api, a[0], name, call.span);
    return strict([arr], result ? result(arr.type) : withNullable(arr.type, false), (xs: unknown[]) => f(xs, arr.type));
  });
}

register(['ARRAY_APPEND', 'ARRAY_PREPEND'], (a, call, api) => {
  const name = (call.name[0] as string).toUpperCase();
  const { arr, el, arrType } = arrayAndElement(api, a, name, call.span);
  const ae = arr.eval;
  const ee = el.eval;
  const append = name === 'ARRAY_APPEND';
  return { type: arrType, eval: (r) => { const xs = ae(r) as unknown[] | null; if (xs === null) return null; const v = ee(r); return append ? [...xs, v] : [v, ...xs]; } };
});
register('ARRAY_CONTAINS', (a, call, api) => {
  const { arr, el } = arrayAndElement(api, a, 'ARRAY_CONTAINS', call.span);
  const ae = arr.eval;
  const ee = el.eval;
  return { type: T.boolean(arr.type.nullable), eval: (r) => { const xs = ae(r) as unknown[] | null; if (xs === null) return null; const v = ee(r); return xs.some((x) => same(x, v)); } };
});
register('ARRAY_POSITION', (a, call, api) => {
  const { arr, el } = arrayAndElement(api, a, 'ARRAY_POSITION', call.span);
  return strict([arr, el], T.int(false), (xs: unknown[], v: unknown) => xs.findIndex((x) => same(x, v)) + 1);
});
register('ARRAY_REMOVE', (a, call, api) => {
  const { arr, el, arrType } = arrayAndElement(api, a, 'ARRAY_REMOVE', call.span);
  const ae = arr.eval;
  const ee = el.eval;
  return { type: arrType, eval: (r) => { const xs = ae(r) as unknown[] | null; if (xs === null) return null; const v = ee(r); return xs.filter((x) => !same(x, v)); } };
});
arrayOnly('ARRAY_DISTINCT', (xs) => distinct(xs));
arrayOnly('ARRAY_REVERSE', (xs) => [...xs].reverse());
arrayOnly('ARRAY_MAX', (xs, t) => extreme(xs, t.element, true), (t) => withNullable(t.element, true));
arrayOnly('ARRAY_MIN', (xs, t) => extreme(xs, t.element, false), (t) => withNullable(t.element, true));

function extreme(xs: readonly unknown[], t: DataType, max: boolean): unknown {
  const cmp = comparatorFor(t);
  let best: unknown = null;
  for (const x of xs) if (x !== null && (best === null || (max ? cmp(x, best) > 0 : cmp(x, best) < 0))) best = x;
  return best;
}

register('ARRAY_SLICE', (a, call, api) => {
  const arr = arrayArg(api, a[0], 'ARRAY_SLICE', call.span);
  const idx = a.slice(1).map((e) => api.coerce(api.compile(e), T.int()));
  return strict([arr, ...idx], withNullable(arr.type, false), (xs: unknown[], s: number, e?: number) => {
    const n = xs.length;
    const norm = (i: number) => (i < 0 ? n + i + 1 : i === 0 ? 1 : i);
    const from = norm(s);
    const to = e === undefined ? n : norm(e);
    if (from > n || to < 1 || from > to) return [];
    return xs.slice(Math.max(from, 1) - 1, Math.min(to, n));
  });
});
register('ARRAY_SORT', (a, call, api) => {
  const arr = arrayArg(api, a[0], 'ARRAY_SORT', call.span);
  const flags = a.slice(1).map((e) => api.coerce(api.compile(e), T.boolean()));
  const cmp = comparatorFor(arr.type.element);
  return strict([arr, ...flags], withNullable(arr.type, false), (xs: unknown[], asc?: boolean, nullsFirst?: boolean) => {
    const up = asc ?? true;
    const nf = nullsFirst ?? up;
    return [...xs].sort((x, y) => {
      if (x === null || y === null) return x === y ? 0 : (x === null) === nf ? -1 : 1;
      return up ? cmp(x, y) : -cmp(x, y);
    });
  });
});

function twoArrays(name: string, f: (x: unknown[], y: unknown[]) => unknown[]): void {
  register(name, (a, call, api) => {
    const x = arrayArg(api, a[0], name, call.span);
    const y = arrayArg(api, a[1], name, call.span);
    const t = commonType([x.type, y.type]);
    if (!t) throw textError(TYPE_TEXTS.badArgument({ kind: 'noCommonType', fn: name, types: [typeToString(x.type), typeToString(y.type)] }), call.span);
    return strict([api.coerce(x, t), api.coerce(y, t)], withNullable(t, false), f);
  });
}
twoArrays('ARRAY_UNION', (x, y) => distinct([...x, ...y]));
twoArrays('ARRAY_EXCEPT', (x, y) => distinct(x.filter((v) => !y.some((w) => same(v, w)))));
twoArrays('ARRAY_INTERSECT', (x, y) => distinct(x.filter((v) => y.some((w) => same(v, w)))));
register('ARRAY_CONCAT', (a, call, api) => {
  const xs = a.map((e) => arrayArg(api, e, 'ARRAY_CONCAT', call.span));
  const t = commonType(xs.map((x) => x.type));
  if (!t) throw textError(TYPE_TEXTS.badArgument({ kind: 'noCommonType', fn: 'ARRAY_CONCAT', types: xs.map((x) => typeToString(x.type)) }), call.span);
  return strict(xs.map((x) => api.coerce(x, t)), withNullable(t, false), (...arrays: unknown[][]) => arrays.flat());
});
register('ARRAY_JOIN', (a, call, api) => {
  const arr = arrayArg(api, a[0], 'ARRAY_JOIN', call.span);
  if (!isCharacter(arr.type.element)) throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: 'ARRAY_JOIN', types: [typeToString(arr.type)], expects: 'an ARRAY of character strings' }), call.span);
  const rest = a.slice(1).map((e) => api.coerce(api.compile(e), T.string()));
  return strict([arr, ...rest], T.string(false), (xs: unknown[], d: string, nullRep?: string) =>
    xs.flatMap((x) => (x === null ? (nullRep === undefined ? [] : [nullRep]) : [x as string])).join(d));
});
register('MAP_KEYS', (a, call, api) => {
  const m = mapArg(api, a[0], 'MAP_KEYS', call.span);
  return strict([m], { kind: 'ARRAY', element: m.type.key, nullable: false }, (v: Map<unknown, unknown>) => [...v.keys()]);
});
register('MAP_VALUES', (a, call, api) => {
  const m = mapArg(api, a[0], 'MAP_VALUES', call.span);
  return strict([m], { kind: 'ARRAY', element: m.type.value, nullable: false }, (v: Map<unknown, unknown>) => [...v.values()]);
});
register('MAP_ENTRIES', (a, call, api) => {
  const m = mapArg(api, a[0], 'MAP_ENTRIES', call.span);
  const row: DataType = { kind: 'ROW', fields: [{ name: 'key', type: m.type.key }, { name: 'value', type: m.type.value }], nullable: false };
  return strict([m], { kind: 'ARRAY', element: row, nullable: false }, (v: Map<unknown, unknown>) => [...v.entries()].map(([k, x]) => [k, x]));
});
register('MAP_FROM_ARRAYS', (a, call, api) => {
  const k = arrayArg(api, a[0], 'MAP_FROM_ARRAYS', call.span);
  const v = arrayArg(api, a[1], 'MAP_FROM_ARRAYS', call.span);
  return strict([k, v], { kind: 'MAP', key: k.type.element, value: v.type.element, nullable: false }, (ks: unknown[], vs: unknown[]) => {
    // a run-time failure in Flink too (MapFromArraysFunction): the row's arrays differ in length
    if (ks.length !== vs.length) throw evalError('org.apache.flink.util.FlinkRuntimeException', `Invalid function MAP_FROM_ARRAYS call: the length of the keys array ${ks.length} is not equal to the length of the values array ${vs.length}`);
    return new Map(ks.map((x, i) => [x, vs[i]]));
  });
});
register('MAP_UNION', (a, call, api) => {
  const ms = a.map((e) => mapArg(api, e, 'MAP_UNION', call.span));
  const t = commonType(ms.map((m) => m.type));
  if (!t) throw textError(TYPE_TEXTS.badArgument({ kind: 'noCommonType', fn: 'MAP_UNION', types: ms.map((m) => typeToString(m.type)) }), call.span);
  return strict(ms.map((m) => api.coerce(m, t)), withNullable(t, false), (...maps: Map<unknown, unknown>[]) => {
    const out = new Map<unknown, unknown>();
    for (const m of maps) for (const [k, v] of m) {
      for (const existing of out.keys()) if (same(existing, k)) out.delete(existing);
      out.set(k, v);
    }
    return out;
  });
});
register('SPLIT', (a, call, api) => {
  const cs = a.map((e) => api.coerce(api.compile(e), T.string()));
  return strict(cs, { kind: 'ARRAY', element: T.string(false), nullable: false }, (s: string, d: string) => (d === '' ? Array.from(s) : s.split(d)));
});
