/**
 * `fn`: typed builders for every built-in in the function catalog (`fn.upper(x)`, `fn.hashCode(x)`,
 * `fn.toTimestampLtz(ts, 3)`, `fn.count()`, `fn.sum(x).filter(cond)`, `fn.rowNumber().over({...})`) plus the
 * special forms with their own syntax (`fn.jsonValue`, `fn.extract`, `fn.trim`, `fn.substring`, …).
 * Result types come from the function registry (`functions/registry.ts`), never written twice.
 */
import type { Expression, IsJsonType, JsonBehavior, JsonExistsOnError, JsonOnNull, JsonWrapper, OrderItem, TimeUnit, TrimSide, WindowFrame } from '../ast/expression.js';
import { IS_JSON_TYPES, JSON_EXISTS_ON_ERROR, JSON_ON_NULL, JSON_WRAPPERS, TIME_UNITS, TRIM_SIDES } from '../ast/expression.js';
import { argumentError, checkList, checkObject, checkOneOf, checkString } from '../diagnostics/arguments.js';
import type { TypeRoot } from '../types/data-type.js';
import type { SqlType } from '../types/sql-type.js';
import { FUNCTIONS } from '../functions/registry.js';
import type { BuiltinFunctionName, FunctionSignature, NullRule, ReturnRule } from '../functions/registry.js';
import { Expr, checkName, exprNode, toNode } from './expr.js';
import { checkType } from '../types/sql-type.js';
import type { AnyExpr, Bool, ExprInput, NullOf, Ordering, RootOf } from './expr.js';
import type { Or, RootValue } from './type-level.js';

/** A function call: aggregates take `.filter()` / `.distinct()`, any call can take `.over()`. */
export class CallExpr<R extends TypeRoot = TypeRoot, V = unknown, N extends boolean = boolean> extends Expr<R, V, N> {
  declare readonly node: Extract<Expression, { kind: 'FunctionCall' }>;

  /** `FILTER (WHERE cond)` on an aggregate. */
  filter(condition: Bool<boolean>): CallExpr<R, V, N> {
    return new CallExpr({ ...this.node, filter: exprNode(condition, '.filter()') });
  }
  /** `f(DISTINCT x)`. */
  distinct(): CallExpr<R, V, N> {
    return new CallExpr({ ...this.node, distinct: true });
  }
  /** `OVER (PARTITION BY … ORDER BY … [frame])`, or `OVER w` for a named window. */
  over(window: OverWindow | string = {}): CallExpr<R, V, N> {
    if (typeof window === 'string') return new CallExpr({ ...this.node, over: checkName('.over()', 'window', window) });
    checkObject('.over()', 'window', window, 'a window { partitionBy, orderBy, frame } or a named window');
    return new CallExpr({
      ...this.node,
      over: {
        partitionBy: checkList<unknown>('.over()', 'window.partitionBy', window.partitionBy ?? [], 'a list of expressions').map((e, i) => exprNode(e, `.over() partitionBy item ${i + 1}`)),
        orderBy: checkList<AnyExpr | Ordering>('.over()', 'window.orderBy', window.orderBy ?? [], 'a list of expressions or orderings').map((o, i) => orderItemOf(o, `.over() orderBy item ${i + 1}`)),
        ...(window.frame === undefined ? {} : { frame: checkObject('.over()', 'window.frame', window.frame, 'a window frame') }),
      },
    });
  }
}

export interface OverWindow {
  readonly partitionBy?: readonly AnyExpr[];
  readonly orderBy?: readonly (AnyExpr | Ordering)[];
  readonly frame?: WindowFrame;
}

export function orderItemOf(o: AnyExpr | Ordering, call = 'an ORDER BY item'): OrderItem {
  if (o instanceof Expr) return { expr: o.node };
  const item = (o as Partial<Ordering> | null | undefined)?.orderItem;
  return item !== undefined ? item : { expr: exprNode(o, call) };
}

// Type-level result of a catalog entry ------------------------------------------------------------------

interface FixedRoot {
  STRING: 'VARCHAR'; BOOLEAN: 'BOOLEAN'; INT: 'INT'; BIGINT: 'BIGINT'; DOUBLE: 'DOUBLE'; DATE: 'DATE'; 'TIME(0)': 'TIME';
  'TIMESTAMP(3)': 'TIMESTAMP'; 'TIMESTAMP_LTZ(3)': 'TIMESTAMP_LTZ'; 'CHAR(32)': 'CHAR'; 'CHAR(36)': 'CHAR';
  'CHAR(40)': 'CHAR'; 'CHAR(56)': 'CHAR'; 'CHAR(64)': 'CHAR'; 'CHAR(96)': 'CHAR'; 'CHAR(128)': 'CHAR';
  'VARCHAR(128)': 'VARCHAR'; 'VARCHAR(2000)': 'VARCHAR'; 'BINARY(1)': 'BINARY'; BYTES: 'VARBINARY';
  mapKeys: 'ARRAY'; mapValues: 'ARRAY'; mapEntries: 'ARRAY'; mapFromArrays: 'MAP'; strToMap: 'MAP'; splitArray: 'ARRAY';
  arrayOfArg0: 'ARRAY'; multisetOfArg0: 'MULTISET'; element: TypeRoot; rowtime: 'TIMESTAMP' | 'TIMESTAMP_LTZ';
}
type ArgRoot<A> = RootOf<A>;
type Varying<R> = R extends 'CHAR' ? 'VARCHAR' : R extends 'BINARY' ? 'VARBINARY' : R;
type ResultRoot<Ret extends ReturnRule, A extends readonly unknown[]> = Ret extends keyof FixedRoot
  ? FixedRoot[Ret]
  : Ret extends 'varyingArg0' ? Varying<ArgRoot<A[0]>>
  : Ret extends 'arg1' ? ArgRoot<A[1]> : Ret extends 'last' ? (A extends readonly [...unknown[], infer L] ? ArgRoot<L> : TypeRoot) : ArgRoot<A[0]>;
type AnyNull<A extends readonly unknown[]> = true extends NullOf<A[number]> ? true : false;
type AllNull<A extends readonly unknown[]> = false extends NullOf<A[number]> ? false : true;
type LastNull<A extends readonly unknown[]> = A extends readonly [...unknown[], infer L] ? NullOf<L> : true;
type ResultNull<Rule extends NullRule, A extends readonly unknown[]> = Rule extends 'always' ? true : Rule extends 'never' ? false
  : Rule extends 'arg0' ? NullOf<A[0]> : Rule extends 'all' ? AllNull<A> : Rule extends 'last' ? LastNull<A> : AnyNull<A>;
type Call<E extends { returns: ReturnRule; nullable: NullRule }> = <const A extends readonly ExprInput[]>(
  ...args: A
) => CallExpr<ResultRoot<E['returns'], A>, RootValue[ResultRoot<E['returns'], A>], ResultNull<E['nullable'], A>>;

type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${Lowercase<H>}${Capitalize<Camel<T>>}` : Lowercase<S>;
type Capitalize<S extends string> = S extends `${infer H}${infer T}` ? `${Uppercase<H>}${T}` : S;
type Catalog = typeof FUNCTIONS;
type AliasOf<E> = E extends { readonly aliases: readonly (infer A extends string)[] } ? A : never;
/** Registry entries called as `NAME(args)` (special syntax has its own builders below; window TVFs are FROM items). */
type CallableName = { [K in BuiltinFunctionName]: Catalog[K] extends { readonly syntax: 'special' } | { readonly kind: 'table' } ? never : K }[BuiltinFunctionName];
/** `fn.<camelCaseName>(…)` for every registry entry called by name, and for each of its aliases. */
export type CatalogFunctions = { readonly [K in CallableName as Camel<K> | Camel<AliasOf<Catalog[K]>>]: Call<Catalog[K]> };

function camel(name: string): string {
  return name.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function callOf(name: string): (...args: ExprInput[]) => CallExpr {
  const call = `fn.${camel(name)}()`;
  return (...args) => new CallExpr({ kind: 'FunctionCall', name: [name], args: args.map((v) => toNode(v, call)) });
}

const catalogFunctions = Object.freeze(
  Object.fromEntries(
    Object.entries(FUNCTIONS as Record<string, FunctionSignature>)
      .filter(([, f]) => f.syntax !== 'special' && f.kind !== 'table')
      .flatMap(([name, f]) => [name, ...(f.aliases ?? [])].map((n) => [camel(n), callOf(n)])),
  ),
) as unknown as CatalogFunctions;

// Special forms -----------------------------------------------------------------------------------------

type JsonBehaviorInput = 'NULL' | 'ERROR' | { readonly default: ExprInput };
function behavior(b: JsonBehaviorInput, argument: string): JsonBehavior {
  if (b === 'NULL') return { kind: 'Null' };
  if (b === 'ERROR') return { kind: 'Error' };
  const given = b as { default?: unknown } | null;
  if (given === null || typeof given !== 'object' || !('default' in given)) throw argumentError('fn.jsonValue()', argument, "'NULL', 'ERROR' or { default: value }", b);
  return { kind: 'Default', value: toNode(given.default as ExprInput, 'fn.jsonValue()') };
}

interface JsonValueOptions<R extends TypeRoot, V> {
  readonly returning?: SqlType<R, V, boolean>;
  readonly onEmpty?: JsonBehaviorInput;
  readonly onError?: JsonBehaviorInput;
}

const special = {
  /**
   * `COUNT(*)`, or `COUNT(x)` with an argument. An argument given as undefined (a misspelt column: `fn.count(o.amout)`)
   * is FTS2305, not COUNT(*): only a call without arguments counts rows.
   */
  count: (...args: [arg?: ExprInput]): CallExpr<'BIGINT', bigint, false> =>
    args.length === 0 ? new CallExpr({ kind: 'FunctionCall', name: ['COUNT'], args: [], star: true }) : new CallExpr({ kind: 'FunctionCall', name: ['COUNT'], args: [toNode(args[0]!, 'fn.count()')] }),
  /** `COUNT(DISTINCT x)`. */
  countDistinct: (arg: ExprInput): CallExpr<'BIGINT', bigint, false> =>
    new CallExpr({ kind: 'FunctionCall', name: ['COUNT'], args: [toNode(arg)], distinct: true }),
  /** `JSON_VALUE(json, path [RETURNING t] [… ON EMPTY] [… ON ERROR])`: STRING unless RETURNING, always nullable. */
  jsonValue: <R extends TypeRoot = 'VARCHAR', V = string>(json: ExprInput, path: string | AnyExpr, options: JsonValueOptions<R, V> = {}): Expr<R, V, true> =>
    checkObject('fn.jsonValue()', 'options', options, 'an options object { returning, onEmpty, onError }') && new Expr({
      kind: 'JsonValue',
      operand: toNode(json),
      path: toNode(path),
      ...(options.returning === undefined ? {} : { returning: checkType('fn.jsonValue()', 'options.returning', options.returning) }),
      ...(options.onEmpty === undefined ? {} : { onEmpty: behavior(options.onEmpty, 'options.onEmpty') }),
      ...(options.onError === undefined ? {} : { onError: behavior(options.onError, 'options.onError') }),
    }),
  /** `JSON_QUERY(json, path [WITH … ARRAY WRAPPER])`. */
  jsonQuery: (json: ExprInput, path: string | AnyExpr, wrapper: JsonWrapper = 'WITHOUT'): Expr<'VARCHAR', string, true> =>
    new Expr({ kind: 'JsonQuery', operand: toNode(json), path: toNode(path), wrapper: checkOneOf('fn.jsonQuery()', 'wrapper', wrapper, JSON_WRAPPERS) }),
  /** `JSON_EXISTS(json, path [… ON ERROR])`. */
  jsonExists: (json: ExprInput, path: string | AnyExpr, onError?: JsonExistsOnError): Bool<true> =>
    new Expr({ kind: 'JsonExists', operand: toNode(json), path: toNode(path), ...(onError === undefined ? {} : { onError: checkOneOf('fn.jsonExists()', 'onError', onError, JSON_EXISTS_ON_ERROR) }) }),
  /** `x IS JSON [type]`. */
  isJson: (value: ExprInput, type?: IsJsonType): Bool<false> =>
    new Expr({ kind: 'IsJson', operand: toNode(value), ...(type === undefined ? {} : { type: checkOneOf('fn.isJson()', 'type', type, IS_JSON_TYPES) }), negated: false }),
  /** `JSON_OBJECT(KEY k VALUE v, … [NULL|ABSENT ON NULL])`. */
  jsonObject: (entries: Readonly<Record<string, ExprInput>>, onNull: JsonOnNull = 'NULL'): Expr<'VARCHAR', string, false> =>
    new Expr({
      kind: 'JsonObject',
      entries: Object.entries(checkObject('fn.jsonObject()', 'entries', entries, 'an object { key: value, … }')).map(([k, v]) => ({ key: toNode(k), value: toNode(v, 'fn.jsonObject()') })),
      onNull: checkOneOf('fn.jsonObject()', 'onNull', onNull, JSON_ON_NULL),
    }),
  /** `JSON_ARRAY(v, … [NULL|ABSENT ON NULL])`. */
  jsonArray: (values: readonly ExprInput[], onNull: JsonOnNull = 'ABSENT'): Expr<'VARCHAR', string, false> =>
    new Expr({
      kind: 'JsonArray',
      values: checkList<ExprInput>('fn.jsonArray()', 'values', values, 'a list of values').map((v) => toNode(v, 'fn.jsonArray()')),
      onNull: checkOneOf('fn.jsonArray()', 'onNull', onNull, JSON_ON_NULL),
    }),
  /** `EXTRACT(unit FROM x)`: BIGINT. */
  extract: <A extends AnyExpr>(unit: TimeUnit, value: A): Expr<'BIGINT', bigint, A['__nullable']> => new Expr({ kind: 'Extract', unit: checkOneOf('fn.extract()', 'unit', unit, TIME_UNITS), operand: exprNode(value, 'fn.extract()') }),
  /** `FLOOR(x TO unit)`. */
  floorTo: <A extends AnyExpr>(value: A, unit: TimeUnit): Expr<A['__root'], A['__value'], A['__nullable']> => new Expr({ kind: 'FloorCeil', op: 'FLOOR', operand: exprNode(value, 'fn.floorTo()'), unit: checkOneOf('fn.floorTo()', 'unit', unit, TIME_UNITS) }),
  /** `CEIL(x TO unit)`. */
  ceilTo: <A extends AnyExpr>(value: A, unit: TimeUnit): Expr<A['__root'], A['__value'], A['__nullable']> => new Expr({ kind: 'FloorCeil', op: 'CEIL', operand: exprNode(value, 'fn.ceilTo()'), unit: checkOneOf('fn.ceilTo()', 'unit', unit, TIME_UNITS) }),
  /** `TRIM([side] [chars] FROM x)`. */
  trim: <A extends AnyExpr>(value: A, options: { readonly side?: TrimSide; readonly chars?: string } = {}): Expr<'VARCHAR', string, A['__nullable']> =>
    checkObject('fn.trim()', 'options', options, 'an options object { side, chars }') && new Expr({
      kind: 'Trim',
      side: checkOneOf('fn.trim()', 'options.side', options.side ?? 'BOTH', TRIM_SIDES),
      ...(options.chars === undefined ? {} : { chars: toNode(checkString('fn.trim()', 'options.chars', options.chars)) }),
      operand: exprNode(value, 'fn.trim()'),
    }),
  /** `SUBSTRING(x FROM start [FOR length])`: always nullable. */
  substring: (value: ExprInput, start: ExprInput, ...rest: [length?: ExprInput]): Expr<'VARCHAR', string, true> =>
    new Expr({ kind: 'Substring', operand: toNode(value, 'fn.substring()'), start: toNode(start, 'fn.substring()'), ...(rest.length === 0 ? {} : { length: toNode(rest[0]!, 'fn.substring()') }) }),
  /** `OVERLAY(x PLACING y FROM start [FOR length])`. */
  overlay: <A extends AnyExpr>(value: A, placing: ExprInput, start: ExprInput, ...rest: [length?: ExprInput]): Expr<'VARCHAR', string, A['__nullable']> =>
    new Expr({ kind: 'Overlay', operand: exprNode(value, 'fn.overlay()'), placing: toNode(placing, 'fn.overlay()'), start: toNode(start, 'fn.overlay()'), ...(rest.length === 0 ? {} : { length: toNode(rest[0]!, 'fn.overlay()') }) }),
  /** `POSITION(needle IN haystack)`: INT. */
  position: <A extends ExprInput, B extends ExprInput>(needle: A, haystack: B): Expr<'INT', number, Or<NullOf<A>, NullOf<B>>> =>
    new Expr({ kind: 'Position', needle: toNode(needle), haystack: toNode(haystack) }),
  /** `TIMESTAMPADD(unit, n, ts)`. */
  timestampAdd: <T extends AnyExpr>(unit: TimeUnit, amount: ExprInput, value: T): Expr<T['__root'], T['__value'], T['__nullable']> =>
    new Expr({ kind: 'FunctionCall', name: ['TIMESTAMPADD'], args: [{ kind: 'TimeUnitArg', unit: checkOneOf('fn.timestampAdd()', 'unit', unit, TIME_UNITS) }, toNode(amount, 'fn.timestampAdd()'), exprNode(value, 'fn.timestampAdd()')] }),
  /** `TIMESTAMPDIFF(unit, a, b)`: INT, or BIGINT for NANOSECOND. */
  timestampDiff: <U extends TimeUnit, A extends AnyExpr, B extends AnyExpr>(unit: U, start: A, end: B): Expr<U extends 'NANOSECOND' ? 'BIGINT' : 'INT', U extends 'NANOSECOND' ? bigint : number, Or<A['__nullable'], B['__nullable']>> =>
    new Expr({ kind: 'FunctionCall', name: ['TIMESTAMPDIFF'], args: [{ kind: 'TimeUnitArg', unit: checkOneOf('fn.timestampDiff()', 'unit', unit, TIME_UNITS) }, exprNode(start, 'fn.timestampDiff()'), exprNode(end, 'fn.timestampDiff()')] }),
  /** `ARRAY[a, b]`. */
  array: <A extends AnyExpr>(...elements: readonly A[]): Expr<'ARRAY', readonly A['__value'][], false> => new Expr({ kind: 'ArrayConstructor', elements: elements.map((e) => exprNode(e, 'fn.array()')) }),
  /** `MAP[k1, v1, …]`. */
  map: (entries: readonly (readonly [ExprInput, ExprInput])[]): Expr<'MAP', ReadonlyMap<unknown, unknown>, false> =>
    new Expr({
      kind: 'MapConstructor',
      entries: checkList<unknown>('fn.map()', 'entries', entries, 'a list of [key, value] pairs').map((entry, i) => {
        const pair = checkList<ExprInput>('fn.map()', `entries[${i}]`, entry, 'a [key, value] pair');
        if (pair.length !== 2) throw argumentError('fn.map()', `entries[${i}]`, 'a [key, value] pair', entry);
        return { key: toNode(pair[0]!, 'fn.map()'), value: toNode(pair[1]!, 'fn.map()') };
      }),
    }),
  /** `ROW(a, b)`. */
  row: (...fields: readonly ExprInput[]): Expr<'ROW', Readonly<Record<string, unknown>>, false> => new Expr({ kind: 'RowConstructor', fields: fields.map((v) => toNode(v)), explicit: true }),
  /** `LISTAGG(x [, separator])`. */
  listagg: (value: ExprInput, ...rest: [separator?: string]): CallExpr<'VARCHAR', string, true> =>
    new CallExpr({ kind: 'FunctionCall', name: ['LISTAGG'], args: rest.length === 0 ? [toNode(value, 'fn.listagg()')] : [toNode(value, 'fn.listagg()'), toNode(checkString('fn.listagg()', 'separator', rest[0]))] }),
  /** A call to a user-defined function: `fn.call<'VARCHAR', string>(['my_udf'], x)`. */
  call: <R extends TypeRoot = TypeRoot, V = unknown>(path: string | readonly string[], ...args: ExprInput[]): CallExpr<R, V, boolean> =>
    new CallExpr({
      kind: 'FunctionCall',
      name: typeof path === 'string' ? [checkName('fn.call()', 'path', path)] : checkList<unknown>('fn.call()', 'path', path, 'a function name or a list of its path parts').map((p, i) => checkName('fn.call()', `path[${i}]`, p as string)),
      args: args.map((v) => toNode(v, 'fn.call()')),
    }),
};

/** Catalog entries whose first argument is a time unit keyword: only their special builders are offered. */
type UnitFunctions = 'timestampadd' | 'timestampdiff';
export type Fn = Omit<CatalogFunctions, keyof typeof special | UnitFunctions> & typeof special;

/** Typed builders for Flink's built-in functions. */
const { timestampadd: _add, timestampdiff: _diff, ...callable } = catalogFunctions as CatalogFunctions;
export const fn: Fn = Object.freeze({ ...callable, ...special });
