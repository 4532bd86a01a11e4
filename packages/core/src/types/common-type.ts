/**
 * The most specific type that every one of several types converts to (Flink's
 * `LogicalTypeMerging.findCommonType`): the type of CASE / COALESCE / IF branches, IN lists, UNION columns,
 * array and map constructors, and of the operands of a comparison. The analyzer and the local runtime both
 * use this one function, so a checked query and its local run agree on every result type.
 *
 * Similar types merge by family (lengths, precisions, DECIMAL digits, interval resolutions; constructed types
 * child by child); anything else falls back to the implicit cast matrix. Undefined when no common type exists.
 */
import type { DataType, DayTimeResolution, IntervalDayTimeType, IntervalYearMonthType, TimestampLtzType, TimestampType, YearMonthResolution } from './data-type.js';
import { DAY_TIME_RESOLUTIONS, DECIMAL_MAX_PRECISION, YEAR_MONTH_RESOLUTIONS } from './data-type.js';
import { asDecimal } from './decimal-merging.js';
import { supportsImplicitCast } from './implicit-cast.js';
import { isApprox, isBinary, isCharacter, isDatetime, isExactNumeric, isInterval, isTimestamp, sameType, withNullable } from './type-predicates.js';


export function findCommonType(types: readonly DataType[]): DataType | undefined {
  if (types.length === 0) return undefined;
  const hasRaw = types.some((t) => t.kind === 'RAW');
  const hasNull = types.some((t) => t.kind === 'NULL');
  const nullable = types.some((t) => t.nullable);
  const normalized = types.map((t) => withNullable(t, true));
  const found = commonNullableType(normalized, hasRaw, hasNull) ?? commonCastableType(normalized);
  if (found === undefined) return undefined;
  const result = withNullable(found, nullable);
  // NULL is the type of untyped NULL literals only
  return result.kind === 'NULL' ? undefined : result;
}

function commonCastableType(types: readonly DataType[]): DataType | undefined {
  let result = types[0] as DataType;
  for (const t of types) {
    if (t.kind === 'NULL') continue;
    if (supportsImplicitCast(result, t)) result = t;
    else if (!supportsImplicitCast(t, result)) return undefined;
  }
  return result;
}

function commonNullableType(types: readonly DataType[], hasRaw: boolean, hasNull: boolean): DataType | undefined {
  if (hasRaw) return types.every((t) => sameType(t, types[0] as DataType)) ? types[0] : undefined;
  let result: DataType | undefined;
  for (const t of types) {
    if (t.kind === 'NULL') continue;
    result ??= t;
    const pattern = datetimePattern(result, t);
    if (pattern !== undefined) {
      result = pattern;
      continue;
    }
    if (t.kind === 'ARRAY' || t.kind === 'MULTISET' || t.kind === 'MAP' || t.kind === 'ROW') return commonConstructedType(types);
    if (!similar(result, t)) return undefined;
    const merged = mergeSimilar(result, t);
    if (merged === undefined) return undefined;
    result = merged;
  }
  if (result === undefined && hasNull) return { kind: 'NULL', nullable: true };
  return result;
}

/** Two similar types (operands an equality predicate accepts) merged; undefined for roots merged by casting. */
function mergeSimilar(result: DataType, t: DataType): DataType | undefined {
  if (isCharacter(t) || isBinary(t)) {
    const length = Math.max(lengthOf(result), lengthOf(t));
    if (result.kind === 'VARCHAR' || result.kind === 'VARBINARY') return { kind: result.kind, length, nullable: true };
    if (lengthOf(result) !== lengthOf(t)) return { kind: result.kind === 'CHAR' ? 'VARCHAR' : 'VARBINARY', length, nullable: true };
    return { kind: t.kind as 'CHAR' | 'VARCHAR' | 'BINARY' | 'VARBINARY', length, nullable: true };
  }
  if (isExactNumeric(t)) {
    if (isExactNumeric(result)) return commonExactNumeric(result, t);
    // the result is already approximate; a DECIMAL makes it DOUBLE
    return t.kind === 'DECIMAL' ? { kind: 'DOUBLE', nullable: true } : result;
  }
  if (isApprox(t)) {
    if (isApprox(result)) return result.kind === 'DOUBLE' || t.kind === 'DOUBLE' ? { kind: 'DOUBLE', nullable: true } : result;
    return t.kind === 'DECIMAL' ? { kind: 'DOUBLE', nullable: true } : t;
  }
  if (t.kind === 'DATE') return result.kind === 'DATE' ? { kind: 'DATE', nullable: true } : undefined;
  if (t.kind === 'TIME') return result.kind === 'TIME' ? { kind: 'TIME', precision: Math.max(result.precision, t.precision), nullable: true } : undefined;
  if ((t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') && (result.kind === 'TIMESTAMP' || result.kind === 'TIMESTAMP_LTZ')) return commonTimestamp(result, t);
  if (isTimestamp(t)) return undefined;
  if (t.kind === 'INTERVAL_DAY_TIME' && result.kind === 'INTERVAL_DAY_TIME') return commonDayTime(result, t);
  if (t.kind === 'INTERVAL_YEAR_MONTH' && result.kind === 'INTERVAL_YEAR_MONTH') return commonYearMonth(result, t);
  return undefined;
}

/** DATETIME with INTERVAL, and TIMESTAMP or DATE with an exact number (a number of days): the datetime side. */
function datetimePattern(result: DataType, t: DataType): DataType | undefined {
  if (isDatetime(result) && isInterval(t)) return result;
  if (isInterval(result) && isDatetime(t)) return t;
  if ((isTimestamp(result) || result.kind === 'DATE') && isExactNumeric(t)) return result;
  if (isExactNumeric(result) && (isTimestamp(t) || t.kind === 'DATE')) return t;
  return undefined;
}

/** Operands of an SQL equality predicate: same family (character, binary, numeric, time, timestamp) or same root. */
function similar(a: DataType, b: DataType): boolean {
  if (isCharacter(a) && isCharacter(b)) return true;
  if (isBinary(a) && isBinary(b)) return true;
  if ((isExactNumeric(a) || isApprox(a)) && (isExactNumeric(b) || isApprox(b))) return true;
  if (isTimestamp(a) && isTimestamp(b)) return true;
  return a.kind === b.kind;
}

const lengthOf = (t: DataType): number => (t as { length: number }).length;

function commonExactNumeric(result: DataType, t: DataType): DataType {
  if (sameType(result, t)) return result;
  const a = asDecimal(result);
  const b = asDecimal(t);
  if (result.kind !== 'DECIMAL' && t.kind !== 'DECIMAL') return b.precision > a.precision ? t : result;
  // whole digits first: d = max(p1 - s1, p2 - s2), then as much scale as still fits
  const digits = Math.min(Math.max(a.precision - a.scale, b.precision - b.scale), DECIMAL_MAX_PRECISION);
  const scale = Math.min(Math.max(a.scale, b.scale), DECIMAL_MAX_PRECISION - digits);
  return { kind: 'DECIMAL', precision: digits + scale, scale, nullable: true };
}

function commonTimestamp(result: TimestampType | TimestampLtzType, t: TimestampType | TimestampLtzType): DataType {
  if (sameType(result, t)) return result;
  const precision = Math.max(result.precision, t.precision);
  const kind = result.kind === t.kind ? result.kind : result.kind === 'TIMESTAMP_LTZ' || t.kind === 'TIMESTAMP_LTZ' ? 'TIMESTAMP_LTZ' : 'TIMESTAMP';
  return { kind: kind as 'TIMESTAMP' | 'TIMESTAMP_LTZ', precision, nullable: true };
}

// the resolutions in order from the widest start (data-type.ts lists them so)
const DAY_TIME_ORDER: readonly DayTimeResolution[] = DAY_TIME_RESOLUTIONS;
const YEAR_MONTH_ORDER: readonly YearMonthResolution[] = YEAR_MONTH_RESOLUTIONS;

/** The widest resolution spanning both: `HOUR` and `DAY_TO_MINUTE` give `DAY_TO_MINUTE`. */
function combineResolutions<R extends string>(order: readonly R[], a: R, b: R): R {
  const bounds = (r: R): [number, number] => {
    const [start, end = start] = r.split('_TO_');
    return [order.indexOf(start as R), order.indexOf(end as R)];
  };
  const [as, ae] = bounds(a);
  const [bs, be] = bounds(b);
  const start = order[Math.min(as, bs)] as R;
  const end = order[Math.max(ae, be)] as R;
  return (start === end ? start : `${start}_TO_${end}`) as R;
}

function commonDayTime(a: IntervalDayTimeType, b: IntervalDayTimeType): DataType {
  return {
    kind: 'INTERVAL_DAY_TIME', resolution: combineResolutions(DAY_TIME_ORDER, a.resolution, b.resolution),
    dayPrecision: Math.max(a.dayPrecision, b.dayPrecision), fractionalPrecision: Math.max(a.fractionalPrecision, b.fractionalPrecision), nullable: true,
  };
}

function commonYearMonth(a: IntervalYearMonthType, b: IntervalYearMonthType): DataType {
  return { kind: 'INTERVAL_YEAR_MONTH', resolution: combineResolutions(YEAR_MONTH_ORDER, a.resolution, b.resolution), yearPrecision: Math.max(a.yearPrecision, b.yearPrecision), nullable: true };
}

/** ARRAY / MULTISET / MAP / ROW: one root and shape for all, children merged position by position. */
function commonConstructedType(types: readonly DataType[]): DataType | undefined {
  const first = types[0] as DataType;
  const children = (t: DataType): readonly DataType[] | undefined => {
    switch (t.kind) {
      case 'ARRAY': case 'MULTISET': return [t.element];
      case 'MAP': return [t.key, t.value];
      case 'ROW': return t.fields.map((f) => f.type);
      default: return undefined;
    }
  };
  const firstChildren = children(first);
  if (firstChildren === undefined) return undefined;
  const all: (readonly DataType[])[] = [];
  for (const t of types) {
    const c = children(t);
    if (t.kind !== first.kind || c === undefined || c.length !== firstChildren.length) return undefined;
    all.push(c);
  }
  const merged: DataType[] = [];
  for (let i = 0; i < firstChildren.length; i++) {
    const m = findCommonType(all.map((c) => c[i] as DataType));
    if (m === undefined) return undefined;
    merged.push(m);
  }
  switch (first.kind) {
    case 'ARRAY': case 'MULTISET': return { kind: first.kind, element: merged[0] as DataType, nullable: true };
    case 'MAP': return { kind: 'MAP', key: merged[0] as DataType, value: merged[1] as DataType, nullable: true };
    case 'ROW': return { kind: 'ROW', fields: first.fields.map((f, i) => ({ ...f, type: merged[i] as DataType })), nullable: true };
    default: return undefined;
  }
}
