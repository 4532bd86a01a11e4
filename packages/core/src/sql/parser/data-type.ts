/** Data type grammar: `INT`, `DECIMAL(10, 2)`, `TIMESTAMP(3) WITH LOCAL TIME ZONE`, `ARRAY<INT NOT NULL>`, … */
import type { IntervalQualifier } from '../../ast/expression.js';
import type { DataType, DayTimeResolution, RowField } from '../../types/data-type.js';
import { MAX_LENGTH } from '../../types/data-type.js';
import type { Cursor } from './cursor.js';
import { ParseError } from './cursor.js';
import { typeProblem } from '../../types/type-limits.js';

const TYPE_NAMES = [
  'CHAR', 'CHARACTER', 'VARCHAR', 'STRING', 'BOOLEAN', 'BINARY', 'VARBINARY', 'BYTES', 'DECIMAL', 'DEC', 'NUMERIC',
  'TINYINT', 'SMALLINT', 'INT', 'INTEGER', 'BIGINT', 'FLOAT', 'DOUBLE', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ',
  'INTERVAL', 'ARRAY', 'MULTISET', 'MAP', 'ROW', 'RAW', 'NULL',
] as const;

function optionalLength(p: Cursor, fallback: number): number {
  if (!p.acceptOp('(')) return fallback;
  const n = p.integer('a length');
  p.expectOp(')');
  return n;
}

/** A data type including its trailing `[NOT] NULL` and postfix `ARRAY` / `MULTISET`. */
export interface TypeContext {
  /** Whether a trailing bare `NULL` belongs to the type (not inside `RETURNING t NULL ON EMPTY`). */
  readonly nullSuffix?: boolean;
  /** In CAST, a VARCHAR without a length has no length limit (in DDL it means VARCHAR(1)). */
  readonly cast?: boolean;
}

export function parseType(p: Cursor, options: TypeContext = {}): DataType {
  const start = p.peek().start;
  let type = parseTypeBody(p, options);
  // Flink's limits (DECIMAL(39, 2), TIMESTAMP(10), VARCHAR(0), ROW<x INT, x INT>), checked where the type is written.
  const problem = typeProblem(type);
  if (problem !== undefined) throw new ParseError(problem.message, p.spanFrom(start), problem.hint, problem.code);
  for (;;) {
    if (p.acceptWords('NOT', 'NULL')) type = { ...type, nullable: false } as DataType;
    else if (options.nullSuffix !== false && p.isWord('NULL') && !p.isOp('(', 1) && !p.isWord('ON', 1)) {
      p.next();
      type = { ...type, nullable: true } as DataType;
    } else if (p.acceptWord('ARRAY')) type = { kind: 'ARRAY', element: type, nullable: true };
    else if (p.acceptWord('MULTISET')) type = { kind: 'MULTISET', element: type, nullable: true };
    else return type;
  }
}

function generic(p: Cursor, count: 1): [DataType];
function generic(p: Cursor, count: 2): [DataType, DataType];
function generic(p: Cursor, count: number): DataType[] {
  p.expectOp('<');
  const out = [parseType(p)];
  for (let i = 1; i < count; i++) {
    p.expectOp(',');
    out.push(parseType(p));
  }
  if (p.isOp('>>')) throw p.unexpected("'>'");
  p.expectOp('>');
  return out;
}

function parseTypeBody(p: Cursor, options: TypeContext): DataType {
  const name = p.oneOf(TYPE_NAMES, 'a data type');
  switch (name) {
    case 'CHAR':
    case 'CHARACTER':
      if (p.acceptWord('VARYING')) return { kind: 'VARCHAR', length: optionalLength(p, 1), nullable: true };
      return { kind: 'CHAR', length: optionalLength(p, 1), nullable: true };
    case 'VARCHAR': return { kind: 'VARCHAR', length: optionalLength(p, options.cast === true ? MAX_LENGTH : 1), nullable: true };
    case 'STRING': return { kind: 'VARCHAR', length: MAX_LENGTH, nullable: true };
    case 'BOOLEAN': return { kind: 'BOOLEAN', nullable: true };
    case 'BINARY': return { kind: 'BINARY', length: optionalLength(p, 1), nullable: true };
    case 'VARBINARY': return { kind: 'VARBINARY', length: optionalLength(p, 1), nullable: true };
    case 'BYTES': return { kind: 'VARBINARY', length: MAX_LENGTH, nullable: true };
    case 'DECIMAL':
    case 'DEC':
    case 'NUMERIC': {
      let precision = 10;
      let scale = 0;
      if (p.acceptOp('(')) {
        precision = p.integer('a precision');
        if (p.acceptOp(',')) scale = p.integer('a scale');
        p.expectOp(')');
      }
      return { kind: 'DECIMAL', precision, scale, nullable: true };
    }
    case 'TINYINT': return { kind: 'TINYINT', nullable: true };
    case 'SMALLINT': return { kind: 'SMALLINT', nullable: true };
    case 'INT':
    case 'INTEGER': return { kind: 'INT', nullable: true };
    case 'BIGINT': return { kind: 'BIGINT', nullable: true };
    case 'FLOAT': return { kind: 'FLOAT', nullable: true };
    case 'DOUBLE':
      p.acceptWord('PRECISION');
      return { kind: 'DOUBLE', nullable: true };
    case 'DATE': return { kind: 'DATE', nullable: true };
    case 'TIME': {
      const precision = optionalLength(p, 0);
      p.acceptWords('WITHOUT', 'TIME', 'ZONE');
      return { kind: 'TIME', precision, nullable: true };
    }
    case 'TIMESTAMP': {
      const precision = optionalLength(p, 6);
      if (p.acceptWords('WITH', 'LOCAL', 'TIME', 'ZONE')) return { kind: 'TIMESTAMP_LTZ', precision, nullable: true };
      if (p.isWord('WITH') && p.isWord('TIME', 1)) throw p.unexpected("'WITHOUT TIME ZONE' or 'WITH LOCAL TIME ZONE'", 'TIMESTAMP WITH TIME ZONE is not supported by Flink; use TIMESTAMP_LTZ');
      p.acceptWords('WITHOUT', 'TIME', 'ZONE');
      return { kind: 'TIMESTAMP', precision, nullable: true };
    }
    case 'TIMESTAMP_LTZ': return { kind: 'TIMESTAMP_LTZ', precision: optionalLength(p, 6), nullable: true };
    case 'INTERVAL': return intervalType(parseIntervalQualifier(p));
    case 'ARRAY': {
      const [element] = generic(p, 1);
      return { kind: 'ARRAY', element, nullable: true };
    }
    case 'MULTISET': {
      const [element] = generic(p, 1);
      return { kind: 'MULTISET', element, nullable: true };
    }
    case 'MAP': {
      const [key, value] = generic(p, 2);
      return { kind: 'MAP', key, value, nullable: true };
    }
    case 'ROW': return { kind: 'ROW', fields: rowFields(p), nullable: true };
    case 'RAW': {
      p.expectOp('(');
      const className = p.stringLiteral('the class name');
      p.expectOp(',');
      const snapshot = p.stringLiteral('the serializer snapshot');
      p.expectOp(')');
      return { kind: 'RAW', className, snapshot, nullable: true };
    }
    case 'NULL': return { kind: 'NULL', nullable: true };
  }
}

function rowFields(p: Cursor): RowField[] {
  const close = p.acceptOp('<') ? '>' : (p.expectOp('(', "'<' or '('"), ')');
  const fields: RowField[] = [];
  if (p.acceptOp(close)) return fields;
  do {
    // Unnamed fields (`ROW<BIGINT, STRING>`) are named f0, f1, … as Flink names them.
    const unnamed = p.peek().kind === 'word' && (p.isOp(',', 1) || p.isOp(close, 1) || p.isOp('(', 1) || p.isOp('<', 1) || p.isWord('NOT', 1));
    const name = unnamed ? `f${fields.length}` : p.identifier('a field name');
    const type = parseType(p);
    const description = p.peek().kind === 'string' ? p.next().value : undefined;
    fields.push(description === undefined ? { name, type } : { name, type, description });
  } while (p.acceptOp(','));
  p.expectOp(close, close === '>' ? "',' or '>'" : "',' or ')'");
  return fields;
}

const UNITS = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND'] as const;
const PLURALS: Record<string, (typeof UNITS)[number]> = { YEARS: 'YEAR', MONTHS: 'MONTH', DAYS: 'DAY', HOURS: 'HOUR', MINUTES: 'MINUTE', SECONDS: 'SECOND' };

function unit(p: Cursor): (typeof UNITS)[number] {
  const t = p.peek();
  if (t.kind === 'word') {
    const upper = t.value.toUpperCase();
    const plural = PLURALS[upper];
    if (plural !== undefined) {
      p.next();
      return plural;
    }
  }
  return p.oneOf(UNITS, 'an interval unit (YEAR, MONTH, DAY, HOUR, MINUTE or SECOND)');
}

/** `SECOND`, `DAY(3) TO SECOND(3)`, `YEAR TO MONTH`, `MINUTES` (plurals are accepted and normalised). */
export function parseIntervalQualifier(p: Cursor): IntervalQualifier {
  const start = unit(p);
  let startPrecision: number | undefined;
  let fractionalPrecision: number | undefined;
  if (p.acceptOp('(')) {
    startPrecision = p.integer('a precision');
    if (start === 'SECOND' && p.acceptOp(',')) fractionalPrecision = p.integer('a fractional precision');
    p.expectOp(')');
  }
  let end: IntervalQualifier['end'];
  // `TO unit` belongs to the qualifier only when the unit comes later (`DAY TO SECOND`); otherwise the TO
  // belongs to an enclosing form such as FLOOR(x TO HOUR).
  const next = p.peek(1).kind === 'word' ? p.peek(1).value.toUpperCase() : '';
  const nextUnit = PLURALS[next] ?? next;
  if (p.isWord('TO') && UNITS.indexOf(nextUnit as (typeof UNITS)[number]) > UNITS.indexOf(start)) {
    p.next();
    const e = unit(p);
    if (e === 'YEAR' || e === 'DAY') throw p.unexpected('MONTH, HOUR, MINUTE or SECOND after TO');
    end = e;
    if (e === 'SECOND' && p.acceptOp('(')) {
      fractionalPrecision = p.integer('a fractional precision');
      p.expectOp(')');
    }
  }
  return {
    start,
    ...(end === undefined ? {} : { end }),
    ...(startPrecision === undefined ? {} : { startPrecision }),
    ...(fractionalPrecision === undefined ? {} : { fractionalPrecision }),
  };
}

function intervalType(q: IntervalQualifier): DataType {
  if (q.start === 'YEAR' || q.start === 'MONTH') {
    const resolution = q.start === 'MONTH' ? 'MONTH' : q.end === 'MONTH' ? 'YEAR_TO_MONTH' : 'YEAR';
    return { kind: 'INTERVAL_YEAR_MONTH', resolution, yearPrecision: q.start === 'YEAR' ? (q.startPrecision ?? 2) : 2, nullable: true };
  }
  const resolution = (q.end === undefined ? q.start : `${q.start}_TO_${q.end}`) as DayTimeResolution;
  const dayPrecision = q.start === 'DAY' ? (q.startPrecision ?? 2) : 2;
  const fractional = q.start === 'SECOND' && q.end === undefined ? (q.fractionalPrecision ?? q.startPrecision ?? 6) : (q.fractionalPrecision ?? 6);
  return { kind: 'INTERVAL_DAY_TIME', resolution, dayPrecision, fractionalPrecision: fractional, nullable: true };
}
