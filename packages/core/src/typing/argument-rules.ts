/**
 * Argument checks of built-ins that an operand family alone cannot say (Flink 1.20's input type strategies: an
 * element type that must match the array's, arrays or maps with a common type, a TIMESTAMP_LTZ on both sides …).
 * Each was checked against Flink 1.20.1's planner, which rejects the call when planning; the message names what
 * Flink names. The typer reports a problem found here as FTS4406, so `flinkts check` and the local runtime (which
 * reads the bound plan) give the same code.
 */
import type { DataType } from '../types/data-type.js';
import { commonType } from '../functions/infer.js';
import { isCharacter, isIntegral } from '../types/type-predicates.js';
import { printDataType as show } from '../sql/printer/data-type.js';
import type { Expression } from '../ast/expression.js';
import { expressionChildren } from '../ast/expression-children.js';
import { supportsImplicitCast } from '../types/implicit-cast.js';
import type { CodeText } from '../diagnostics/code-table.js';
import type { BadArgument } from './codes.js';
import { TYPE_TEXTS } from './codes.js';

const DATETIME = new Set(['DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ']);
const INT_SIZED = new Set(['TINYINT', 'SMALLINT', 'INT']);
const isNull = (t: DataType): boolean => t.kind === 'NULL';
const nullable = (t: DataType): DataType => ({ ...t, nullable: true }) as DataType;

/** An ARRAY argument and an element argument that must share a type (ARRAY_CONTAINS …). */
const ELEMENT_OF_ARRAY = new Set(['ARRAY_CONTAINS', 'ARRAY_POSITION', 'ARRAY_REMOVE', 'ARRAY_APPEND', 'ARRAY_PREPEND']);
/** Arrays that must have a common type (ARRAY_CONCAT …). */
const ARRAYS = new Set(['ARRAY_CONCAT', 'ARRAY_UNION', 'ARRAY_EXCEPT', 'ARRAY_INTERSECT']);
/** An ARRAY first argument. */
const ARRAY_FIRST = new Set(['ARRAY_DISTINCT', 'ARRAY_REVERSE', 'ARRAY_SLICE', 'ARRAY_SORT', 'ARRAY_MAX', 'ARRAY_MIN', 'ARRAY_JOIN']);

/**
 * The problem with a call's (typed) arguments, as Flink's planner reports it, or undefined when it plans. `unit` is
 * a time unit argument's (TIMESTAMPDIFF's first).
 */
export function argumentProblem(name: string, args: readonly DataType[], unit?: string): BadArgument | undefined {
  const a0 = args[0];
  if (a0 === undefined) return undefined;
  const cannot = (expects: string): BadArgument => ({ kind: 'type', fn: name, types: args.map(show), expects });
  const illegalNull: BadArgument = { kind: 'untypedNull' };
  if (name === 'CARDINALITY') return ['ARRAY', 'MAP', 'MULTISET'].includes(a0.kind) ? undefined : isNull(a0) ? illegalNull : cannot('an ARRAY, MAP or MULTISET');
  if (ELEMENT_OF_ARRAY.has(name) || ARRAY_FIRST.has(name) || ARRAYS.has(name) || name === 'MAP_FROM_ARRAYS') {
    const arrays = ARRAYS.has(name) || name === 'MAP_FROM_ARRAYS' ? args : [a0];
    if (arrays.some(isNull)) return illegalNull;
    if (arrays.some((a) => a.kind !== 'ARRAY')) return cannot(arrays.length > 1 ? 'an ARRAY for every argument' : 'an ARRAY as the first argument');
    if (a0.kind !== 'ARRAY') return undefined;
    // the element must cast implicitly to the array's element type (ARRAY_CONTAINS(ARRAY<INT>, BIGINT) is rejected)
    if (ELEMENT_OF_ARRAY.has(name) && args[1] !== undefined && !isNull(args[1]) && !supportsImplicitCast(nullable(args[1]), nullable(a0.element))) {
      return cannot(`an element that fits the array's elements (${show(a0.element)})`);
    }
    if (ARRAYS.has(name) && commonType(args.filter((a) => !isNull(a))) === undefined) return { kind: 'noCommonType', fn: name, types: args.map(show) };
    if (name === 'ARRAY_JOIN' && !isCharacter(a0.element) && !isNull(a0.element)) return cannot('an ARRAY of character strings');
    // an untyped NULL bound or separator is taken (probed): ARRAY_SLICE's bounds are INTs, ARRAY_JOIN's separators character strings
    if (name === 'ARRAY_SLICE' && args.slice(1).some((t) => !isNull(t) && !INT_SIZED.has(t.kind))) return cannot('an ARRAY and INT bounds');
    if (name === 'ARRAY_JOIN' && args.slice(1).some((t) => !isNull(t) && !isCharacter(t))) return cannot('an ARRAY and character string separators');
    return undefined;
  }
  if (name === 'MAP_UNION') {
    if (args.some(isNull)) return illegalNull;
    if (args.some((a) => a.kind !== 'MAP')) return cannot('a MAP for every argument');
    return commonType(args.filter((a) => !isNull(a))) === undefined ? { kind: 'noCommonType', fn: name, types: args.map(show) } : undefined;
  }
  if (name === 'TIMESTAMPDIFF') {
    const [x, y] = [args[1], args[2]];
    if (x === undefined || y === undefined) return undefined;
    if (isNull(x) || isNull(y)) return illegalNull;
    // MILLISECOND is no TIMESTAMPDIFF unit in Flink 1.20.1's parser ("Encountered MILLISECOND")
    if (unit === 'MILLISECOND') return { kind: 'type', fn: name, types: [unit], expects: 'a unit YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MICROSECOND or NANOSECOND' };
    if ([x, y].some((t) => !DATETIME.has(t.kind) && !isNull(t))) return cannot('a time unit and two DATE, TIME or TIMESTAMP values');
    if (!isNull(x) && !isNull(y) && (x.kind === 'TIMESTAMP_LTZ') !== (y.kind === 'TIMESTAMP_LTZ')) return { kind: 'ltzDiff' };
    // Flink 1.20.1's code generation has no case for a TIME below MONTH (a scala.MatchError when the job is planned)
    if (unit !== undefined && !['YEAR', 'QUARTER', 'MONTH'].includes(unit) && (x.kind === 'TIME' || y.kind === 'TIME')) return { kind: 'timeDiff', unit, types: [show(x), show(y)] };
    return undefined;
  }
  if (name === 'TIMESTAMPADD') {
    const [n, x] = [args[1], args[2]];
    if (n === undefined || x === undefined) return undefined;
    if (isNull(n) || isNull(x)) return illegalNull;
    // MILLISECOND does not parse; MICROSECOND / NANOSECOND plan to an unsupported division ("Unsupported call: /INT(INTERVAL SECOND(3), INT)")
    if (unit !== undefined && SUBSECOND_UNITS.has(unit)) return { kind: 'type', fn: name, types: [unit], expects: 'a unit YEAR, QUARTER, MONTH, WEEK, DAY, HOUR, MINUTE or SECOND' };
    if (!isIntegral(n) && !isNull(n)) return cannot('an integer count');
    if (!DATETIME.has(x.kind) && !isNull(x)) return cannot('a DATE, TIME or TIMESTAMP to add to');
    return undefined;
  }
  if (name === 'ELEMENT' || name === 'MAP_KEYS' || name === 'MAP_VALUES' || name === 'MAP_ENTRIES') return isNull(a0) ? illegalNull : undefined;
  if (name === 'JSON_STRING') return isNull(a0) ? undefined : jsonTypeProblem(a0);
  if (name === 'OVERLAPS') return overlapsProblem(args);
  // New-stack functions take an untyped NULL anywhere (probed): SPLIT's arguments are character strings
  if (name === 'SPLIT' && args.some((t) => !isNull(t) && !isCharacter(t))) return cannot('a character string and a character string delimiter');
  // Flink 1.20.1's generated code for SIGN and TRUNCATE of a TINYINT does not compile ("Assignment conversion not possible from type int to type byte")
  if ((name === 'SIGN' || name === 'TRUNCATE') && a0.kind === 'TINYINT') return cannot('a numeric other than TINYINT (CAST it to INT)');
  // STR_TO_MAP takes the text alone or with both delimiters ("Invalid number of arguments … Was expecting 1 arguments")
  if (name === 'STR_TO_MAP' && args.length === 2) return cannot('the text alone, or the text, a pair delimiter and a key-value delimiter');
  // MOD takes exact numerics (as '%': "Supported form(s): '<EXACT_NUMERIC> % <EXACT_NUMERIC>'")
  if (name === 'MOD' && args.some((t) => t.kind === 'FLOAT' || t.kind === 'DOUBLE')) return cannot("exact numerics, MOD(<EXACT_NUMERIC>, <EXACT_NUMERIC>),");
  return undefined;
}

/**
 * A value with no JSON form (checked on Flink 1.20.1): a DATE, TIME or INTERVAL, a MAP whose key is not a character
 * string ("… is not supported for JSON conversion"), at any depth.
 */
export function jsonTypeProblem(t: DataType): BadArgument | undefined {
  switch (t.kind) {
    case 'DATE': case 'TIME': case 'INTERVAL_YEAR_MONTH': case 'INTERVAL_DAY_TIME':
      return { kind: 'json', type: show(t) };
    case 'MAP':
      if (!isCharacter(t.key)) return { kind: 'json', type: show(t.key), key: true };
      return jsonTypeProblem(t.value);
    case 'ARRAY': case 'MULTISET': return jsonTypeProblem(t.element);
    case 'ROW': {
      for (const f of t.fields) {
        const p = jsonTypeProblem(f.type);
        if (p !== undefined) return p;
      }
      return undefined;
    }
    default: return undefined;
  }
}

const TIME_UNITS = new Set(['HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND', 'NANOSECOND']);
const SUBSECOND_UNITS = new Set(['MILLISECOND', 'MICROSECOND', 'NANOSECOND']);
const YEAR_MONTH_UNITS = new Set(['YEAR', 'QUARTER', 'MONTH']);

/** EXTRACT of a unit the operand does not have (Flink: "unit DAY can not be applied to time variable"). */
export function extractUnitProblem(unit: string, t: DataType): BadArgument | undefined {
  if (t.kind === 'TIME' && !TIME_UNITS.has(unit)) return { kind: 'extractUnit', unit, type: 'TIME' };
  // MICROSECOND / NANOSECOND of a DATE or TIME: "unit MICROSECOND can not be applied to DATE NOT NULL variable" (probed)
  if ((t.kind === 'TIME' || t.kind === 'DATE') && (unit === 'MICROSECOND' || unit === 'NANOSECOND')) return { kind: 'extractUnit', unit, type: t.kind };
  const ym = t.kind === 'INTERVAL_YEAR_MONTH';
  if ((ym && !YEAR_MONTH_UNITS.has(unit)) || (t.kind === 'INTERVAL_DAY_TIME' && YEAR_MONTH_UNITS.has(unit))) return { kind: 'extractUnit', unit, type: show(t), interval: ym ? 'year-month' : 'day-time' };
  return undefined;
}

/** Whether an expression reads a column (or a sub-query): it is not a constant. */
export function readsColumn(e: Expression): boolean {
  if (e.kind === 'ColumnRef' || e.kind === 'FieldAccess' || e.kind === 'ScalarSubquery' || e.kind === 'Exists') return true;
  return expressionChildren(e).some(readsColumn);
}

/**
 * An untyped NULL literal where Flink 1.20.1's validator takes none (checked on the real engine): an argument of
 * CONCAT, CONCAT_WS, IF or `||` ("Illegal use of 'NULL'"); GREATEST / LEAST fail on the cast to the others' type.
 */
const ILLEGAL_NULL = new Set(['CONCAT', 'CONCAT_WS', 'IF', '||']);

export function untypedNullProblem(name: string, args: readonly Expression[], types: readonly DataType[]): BadArgument | undefined {
  if (!args.some((a) => a.kind === 'NullLiteral')) return undefined;
  if (ILLEGAL_NULL.has(name)) return { kind: 'untypedNull' };
  // NULLIF(NULL, x) is CASE WHEN NULL = x THEN NULL ELSE NULL END: "ELSE clause or at least one THEN clause must be non-NULL"
  if (name === 'NULLIF' && args[0]?.kind === 'NullLiteral') return { kind: 'untypedNull' };
  if (name === 'GREATEST' || name === 'LEAST') {
    const other = types.find((t, i) => args[i]?.kind !== 'NullLiteral');
    return other === undefined ? { kind: 'nullCast' } : { kind: 'nullCast', to: show(nullable(other)) };
  }
  return undefined;
}

/** OVERLAPS of two periods: (start, end) or (start, interval), every bound of one datetime type (checked on Flink 1.20.1). */
function overlapsProblem(args: readonly DataType[]): BadArgument | undefined {
  const kinds = new Set<string>();
  for (const p of args) {
    if (p.kind !== 'ROW' || p.fields.length !== 2) return { kind: 'period' };
    const [start, end] = [p.fields[0]!.type, p.fields[1]!.type];
    const interval = end.kind === 'INTERVAL_DAY_TIME' || end.kind === 'INTERVAL_YEAR_MONTH';
    if (!DATETIME.has(start.kind) || (!interval && !DATETIME.has(end.kind))) kinds.add('?');
    kinds.add(start.kind);
    if (!interval) kinds.add(end.kind);
  }
  return kinds.size === 1 ? undefined : { kind: 'type', fn: 'OVERLAPS', types: args.map(show), expects: 'two periods whose bounds are of one DATE, TIME or TIMESTAMP type' };
}

/** A numeric literal zero (`0`, `0.0`). */
export function isZeroLiteral(e: Expression): boolean {
  return e.kind === 'NumericLiteral' && Number(e.text) === 0;
}

/** A JSON_OBJECT / JSON_ARRAY value with no JSON form; an untyped NULL is one too ("Type is not supported: ANY"). */
export function jsonValueProblem(e: Expression, t: DataType | undefined): BadArgument | undefined {
  if (e.kind === 'NullLiteral') return { kind: 'json' };
  if (t === undefined || e.kind === 'JsonObject' || e.kind === 'JsonArray') return undefined;
  return jsonTypeProblem(t);
}

/** The interval arguments a window function needs after its time argument(s): size; HOP slide and size; CUMULATE step and size. */
const WINDOW_INTERVALS: Readonly<Record<string, number>> = { TUMBLE: 1, HOP: 2, CUMULATE: 2, SESSION: 1 };

/**
 * A window TVF's (`TUMBLE(TABLE t, DESCRIPTOR(ts), size)`) or a legacy group window's (`GROUP BY TUMBLE(ts, size)`)
 * interval arguments, as Flink 1.20.1's planner checks them (each checked on it): enough of them, each a day-time
 * INTERVAL ("Window aggregate only support SECOND, MINUTE, HOUR, DAY as the time unit").
 */
export function windowArgumentProblem(name: string, intervals: readonly (DataType | undefined)[], timeArgs: number): CodeText | undefined {
  const needed = WINDOW_INTERVALS[name];
  if (needed === undefined) return undefined;
  if (intervals.length < needed) return TYPE_TEXTS.wrongArity({ fn: name, expected: `${needed + timeArgs} arguments` });
  for (const t of intervals) {
    if (t === undefined) continue;
    if (t.kind === 'INTERVAL_YEAR_MONTH') return TYPE_TEXTS.badArgument({ kind: 'windowUnit' });
    if (t.kind !== 'INTERVAL_DAY_TIME') return TYPE_TEXTS.badArgument({ kind: 'type', fn: name, types: [show(t)], expects: 'a day-time INTERVAL size, slide, step or offset' });
  }
  return undefined;
}
