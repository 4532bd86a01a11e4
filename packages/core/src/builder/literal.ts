/** Literal builders: `lit(42)`, `lit.date('2024-01-01')`, `interval('10', 'SECOND')`, `nullOf(t.int())`. */
import type { IntervalQualifier } from '../ast/expression.js';
import type { TypeRoot } from '../types/data-type.js';
import type { SqlType } from '../types/sql-type.js';
import { builderText } from './errors.js';
import { argumentError } from '../diagnostics/arguments.js';
import { checkType } from '../types/sql-type.js';
import { Expr, toNode } from './expr.js';
import type { NumberRoot } from './expr.js';
import { DEFINITION_TEXTS } from '../diagnostics/definition-codes.js';

type LitType<T> = T extends string ? Expr<'CHAR', string, false>
  : T extends boolean ? Expr<'BOOLEAN', boolean, false>
  : T extends bigint ? Expr<'BIGINT', bigint, false>
  : T extends number ? (NumberRoot<T> extends 'INT' ? Expr<'INT', number, false> : Expr<'DECIMAL', string, false>)
  : never;

function literal<T extends string | number | bigint | boolean>(value: T): LitType<T> {
  if (!['string', 'number', 'bigint', 'boolean'].includes(typeof value)) {
    throw argumentError('lit()', 'value', 'a string, number, bigint or boolean', value, 'for NULL use nullOf(t.…()); for other values build them with fn.* or cast(…)');
  }
  return new Expr(toNode(value)) as LitType<T>;
}

/** Literals. Numbers keep their exact text; pass a string to `lit.decimal` for exact decimals. */
export const lit = Object.assign(literal, {
  /** An exact DECIMAL literal from its text, e.g. `lit.decimal('12.340')`. */
  decimal: (text: string) => {
    textArgument('lit.decimal()', text);
    if (!/^-?\d+(\.\d+)?$/.test(text)) builderText(DEFINITION_TEXTS.notDecimal({ text }));
    const negative = text.startsWith('-');
    const node = { kind: 'NumericLiteral' as const, text: negative ? text.slice(1) : text };
    return new Expr<'DECIMAL', string, false>(negative ? { kind: 'Unary', op: '-', operand: node } : node);
  },
  date: (value: string) => new Expr<'DATE', string, false>({ kind: 'TemporalLiteral', type: 'DATE', value: textArgument('lit.date()', value) }),
  time: (value: string) => new Expr<'TIME', string, false>({ kind: 'TemporalLiteral', type: 'TIME', value: textArgument('lit.time()', value) }),
  timestamp: (value: string) => new Expr<'TIMESTAMP', string, false>({ kind: 'TemporalLiteral', type: 'TIMESTAMP', value: textArgument('lit.timestamp()', value) }),
  /** `TIMESTAMP_LTZ '…'` (the text is read in the session time zone). */
  timestampLtz: (value: string) => new Expr<'TIMESTAMP_LTZ', string, false>({ kind: 'TemporalLiteral', type: 'TIMESTAMP_LTZ', value: textArgument('lit.timestampLtz()', value) }),
  /** `X'…'` from hex digits. */
  binary: (hex: string) => {
    textArgument('lit.binary()', hex);
    if (!/^([0-9a-fA-F]{2})*$/.test(hex)) builderText(DEFINITION_TEXTS.badBinaryLiteral({ hex }));
    return new Expr<'BINARY', Uint8Array, false>({ kind: 'BinaryLiteral', hex: hex.toUpperCase() });
  },
});

function textArgument(call: string, value: unknown): string {
  if (typeof value !== 'string') throw argumentError(call, 'the literal text', 'a string', value);
  return value;
}

const INTERVAL_UNITS: readonly string[] = ['YEAR', 'MONTH', 'YEAR TO MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'DAY TO HOUR', 'DAY TO MINUTE', 'DAY TO SECOND', 'HOUR TO MINUTE', 'HOUR TO SECOND', 'MINUTE TO SECOND'];

type YearMonthUnit = 'YEAR' | 'MONTH' | 'YEAR TO MONTH';
type DayTimeUnit = 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND' | 'DAY TO HOUR' | 'DAY TO MINUTE' | 'DAY TO SECOND' | 'HOUR TO MINUTE' | 'HOUR TO SECOND' | 'MINUTE TO SECOND';

/** `INTERVAL '10' SECOND`, `interval('1-2', 'YEAR TO MONTH')`, `interval(-5, 'MINUTE')`. */
export function interval<U extends YearMonthUnit | DayTimeUnit>(
  value: string | number,
  unit: U,
): Expr<U extends YearMonthUnit ? 'INTERVAL_YEAR_MONTH' : 'INTERVAL_DAY_TIME', U extends YearMonthUnit ? number : bigint, false> {
  if (!INTERVAL_UNITS.includes(unit)) throw argumentError('interval()', 'unit', `one of ${INTERVAL_UNITS.map((u) => `'${u}'`).join(', ')}`, unit, 'Flink has no other interval units (a week is interval(7, \'DAY\'))');
  if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) throw argumentError('interval()', 'value', 'a string or a finite number', value);
  const [start, end] = unit.split(' TO ') as [IntervalQualifier['start'], IntervalQualifier['end'] | undefined];
  const text = String(value);
  if (!/^-?\d[\d :.-]*$/.test(text)) {
    builderText(DEFINITION_TEXTS.badInterval({ text, unit }));
  }
  const negative = text.startsWith('-');
  const qualifier: IntervalQualifier = end === undefined ? { start } : { start, end };
  return new Expr({ kind: 'IntervalLiteral', negative, value: negative ? text.slice(1) : text, qualifier });
}

/** A typed NULL: `CAST(NULL AS t)`. */
export function nullOf<R extends TypeRoot, V>(type: SqlType<R, V, boolean>): Expr<R, V, true> {
  return new Expr({ kind: 'Cast', operand: { kind: 'NullLiteral' }, type: { ...checkType('nullOf()', 'type', type), nullable: true } as SqlType['node'], try: false });
}
