/**
 * Window table-valued functions: `tumble(orders, { timecol: 'ts', size: interval('10', 'MINUTE') })` is a
 * source with the input's columns plus `window_start`, `window_end` (TIMESTAMP(3) NOT NULL) and `window_time`
 * (the window's rowtime: TIMESTAMP(3) or TIMESTAMP_LTZ(3), following the time column).
 */
import type { Expression, FunctionCall } from '../ast/expression.js';
import type { DataType } from '../types/data-type.js';
import type { SqlType } from '../types/sql-type.js';
import type { Expr } from './expr.js';
import { DEFINITION_TEXTS } from '../diagnostics/definition-codes.js';

/** Window sizes, slides, steps, gaps and offsets are DAY TO SECOND intervals (Flink has no month-based windows). */
export type WindowInterval = Expr<'INTERVAL_DAY_TIME', unknown, boolean>;
import type { TimeColumnKeys } from './type-level.js';
import { builderText } from './errors.js';
import { exprNode } from './expr.js';
import { checkSource } from './query.js';
import { argumentError } from '../diagnostics/arguments.js';

function checkWindowArgs(call: string, source: unknown, options: unknown): void {
  checkSource(call, source);
  if (options === null || typeof options !== 'object') throw argumentError(call, 'options', 'an object with timecol and the window sizes', options);
  const timecol = (options as { timecol?: unknown }).timecol;
  if (typeof timecol !== 'string') throw argumentError(call, 'options.timecol', 'the name of a time attribute column', timecol);
}
import type { ColumnInfo, Source } from './source.js';
import { relationAlias } from './source.js';

export type WindowColumns = {
  readonly window_start: SqlType<'TIMESTAMP', string, false>;
  readonly window_end: SqlType<'TIMESTAMP', string, false>;
  readonly window_time: SqlType<'TIMESTAMP' | 'TIMESTAMP_LTZ', string, false>;
};

/** Only TIMESTAMP(p) / TIMESTAMP_LTZ(p) columns can be a window's time column. */
type TimeColumn<C> = NoInfer<TimeColumnKeys<C>>;

function windowSource<C>(source: Source<C>, name: 'TUMBLE' | 'HOP' | 'CUMULATE' | 'SESSION', timecol: string, args: readonly Expression[]): Source<C & WindowColumns> {
  const names = source.columnTypes.map((c) => c.name);
  if (!names.includes(timecol)) {
    builderText(DEFINITION_TEXTS.timeColumnMissing({ window: name, column: timecol, columns: names }), `${name.toLowerCase()}.timecol`);
  }
  const time = source.columnTypes.find((c) => c.name === timecol)?.type;
  if (time !== undefined && time.kind !== 'TIMESTAMP' && time.kind !== 'TIMESTAMP_LTZ') {
    builderText(DEFINITION_TEXTS.notTimeAttribute({ window: name, column: timecol, type: time.kind }), `${name.toLowerCase()}.timecol`);
  }
  const rowtime: DataType = { kind: time?.kind === 'TIMESTAMP_LTZ' ? 'TIMESTAMP_LTZ' : 'TIMESTAMP', precision: 3, nullable: false };
  const columns: ColumnInfo[] = [
    ...source.columnTypes,
    { name: 'window_start', type: { kind: 'TIMESTAMP', precision: 3, nullable: false } },
    { name: 'window_end', type: { kind: 'TIMESTAMP', precision: 3, nullable: false } },
    { name: 'window_time', type: rowtime },
  ];
  const call: FunctionCall = {
    kind: 'FunctionCall',
    name: [name],
    args: [{ kind: 'TableArg', relation: source.toRelation(undefined) }, { kind: 'Descriptor', columns: [timecol] }, ...args],
  };
  return Object.freeze({
    __columns: undefined as never,
    columnTypes: columns,
    toRelation: (alias: string | undefined) => ({ kind: 'TableFunction' as const, call, lateral: false, ...(relationAlias(alias) === undefined ? {} : { alias: alias! }) }),
  });
}

/** `TUMBLE(TABLE t, DESCRIPTOR(timecol), size [, offset])`. */
export function tumble<C>(source: Source<C>, options: { readonly timecol: TimeColumn<C>; readonly size: WindowInterval; readonly offset?: WindowInterval }): Source<C & WindowColumns> {
  checkWindowArgs('tumble()', source, options);
  return windowSource(source, 'TUMBLE', options.timecol, options.offset === undefined ? [exprNode(options.size, 'tumble() size')] : [exprNode(options.size, 'tumble() size'), exprNode(options.offset, 'tumble() offset')]);
}

/** `HOP(TABLE t, DESCRIPTOR(timecol), slide, size [, offset])`. */
export function hop<C>(source: Source<C>, options: { readonly timecol: TimeColumn<C>; readonly slide: WindowInterval; readonly size: WindowInterval; readonly offset?: WindowInterval }): Source<C & WindowColumns> {
  checkWindowArgs('hop()', source, options);
  const args = [exprNode(options.slide, 'hop() slide'), exprNode(options.size, 'hop() size')];
  return windowSource(source, 'HOP', options.timecol, options.offset === undefined ? args : [...args, exprNode(options.offset, 'hop() offset')]);
}

/** `CUMULATE(TABLE t, DESCRIPTOR(timecol), step, size)`. */
export function cumulate<C>(source: Source<C>, options: { readonly timecol: TimeColumn<C>; readonly step: WindowInterval; readonly size: WindowInterval }): Source<C & WindowColumns> {
  checkWindowArgs('cumulate()', source, options);
  return windowSource(source, 'CUMULATE', options.timecol, [exprNode(options.step, 'cumulate() step'), exprNode(options.size, 'cumulate() size')]);
}

/** `SESSION(TABLE t [PARTITION BY keys], DESCRIPTOR(timecol), gap)`. */
export function session<C>(source: Source<C>, options: { readonly timecol: TimeColumn<C>; readonly gap: WindowInterval }): Source<C & WindowColumns> {
  checkWindowArgs('session()', source, options);
  return windowSource(source, 'SESSION', options.timecol, [exprNode(options.gap, 'session() gap')]);
}
