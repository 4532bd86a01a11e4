/**
 * OVER aggregations as Flink 1.20's stream planner runs them (the bound Over node: plan-bound-over.ts): one window per query (same PARTITION BY,
 * ORDER BY and frame for every call), ordered ascending by one time attribute, frames that end at CURRENT ROW,
 * an insert-only input. ROW_NUMBER runs on a ROWS frame; RANK, DENSE_RANK and LAG on the default RANGE frame
 * (peers with equal time share their values), and none of them takes an explicit frame. What Flink rejects is
 * raised with the code `flinkts check` gives it (FTS4310, FTS4319–FTS4325, FTS4406), with Flink's message; what Flink accepts
 * but the local runtime cannot reproduce is FTS7001.
 */
import type { Expression, FunctionCall, WindowFrame, WindowSpec } from '../ast/expression.js';
import type { Span } from '../ast/node.js';
import type { Compiled } from './compiled.js';
import { notReached, textError, unsupported } from './errors.js';
import { TIME_TEXTS } from '../plan/time-codes.js';
import { CHANGELOG_TEXTS } from '../plan/changelog-codes.js';
import { AGGREGATE_NAMES, AggregateSet, aggregateResultType } from './operators/aggregates.js';
import type { AggregateName, AggregateSpec } from './operators/aggregates.js';
import { OverAggregateOperator } from './operators/over-aggregate.js';
import type { OverAccumulators, OverFrame } from './operators/over-aggregate.js';
import { lagAccumulator, RANKING, rankingAccumulator } from './operators/over-functions.js';
import type { OverFunction } from './operators/over-functions.js';
import type { Planner, Rel, RelColumn } from './plan.js';
import { T, withNullable } from './types.js';
import type { DataType } from '../types/data-type.js';
import { TYPE_TEXTS } from '../typing/codes.js';

/** An AST's structure without its source positions: calls and windows written alike are one. */
const norm = (e: unknown): string => JSON.stringify(e, (k, v: unknown) => (k === 'span' ? undefined : v));

const upper = (c: FunctionCall): string => (c.name[c.name.length - 1] as string).toUpperCase();

/** A windowed call with its window (named windows resolved). */
export interface WindowedCall {
  readonly call: FunctionCall;
  readonly window: WindowSpec;
}

/** How the calls' arguments, PARTITION BY keys and frame offsets compile, and which input column an ORDER BY key is. */
export interface OverExpressions {
  compile(e: Expression): Compiled;
  orderColumn(e: Expression): number | undefined;
}

/**
 * The OVER aggregation of `calls` over `input`: the input's columns, then one column per call (per distinct call
 * when `dedupe`); `keys` are the calls' structural keys, in the order of their columns.
 */
export function overAggregate(planner: Planner, input: Rel, calls: readonly WindowedCall[], exprs: OverExpressions, dedupe: boolean, span: Span | undefined): { rel: Rel; keys: string[] } {
  if (input.mode !== 'insert-only') {
    // the fact `flinkts check` reports as FTS4207: the same code
    throw textError(CHANGELOG_TEXTS.overAggregateUpdates({}), span);
  }
  const c = exprs;
  let windowKey: string | undefined;
  let window: WindowSpec | undefined;
  let frame: OverFrame | undefined;
  for (const { call, window: w } of calls) {
    const fn = upper(call);
    const ranking = RANKING.has(fn) || fn === 'LAG' || fn === 'LEAD';
    if (ranking && w.frame) throw textError(TIME_TEXTS.overRankingFrame({}), call.span);
    if (fn === 'LEAD') throw textError(TIME_TEXTS.leadOnStream({}), call.span);
    if (w.orderBy.length === 0) throw textError(TIME_TEXTS.overOrderNotTimeAttribute({ kind: 'noOrderBy', rowNumber: fn === 'ROW_NUMBER' }), call.span);
    if (w.orderBy.length > 1) throw textError(TIME_TEXTS.overOrderSeveralKeys({}), call.span);
    const f: WindowFrame = fn === 'ROW_NUMBER'
      ? { unit: 'ROWS', start: { kind: 'UnboundedPreceding' } }
      : w.frame ?? { unit: 'RANGE', start: { kind: 'UnboundedPreceding' } };
    if (f.end && f.end.kind !== 'CurrentRow') throw textError(TIME_TEXTS.overFollowing({}), call.span);
    const key = norm({ kind: 'Values', rows: [[...w.partitionBy], w.orderBy.map((o) => o.expr)] } as never) + JSON.stringify(w.orderBy.map((o) => o.direction ?? 'ASC')) + norm(f as never);
    if (windowKey !== undefined && key !== windowKey) throw textError(TIME_TEXTS.overDifferentWindows({}), call.span);
    windowKey = key;
    window = w;
    const order = w.orderBy[0] as NonNullable<WindowSpec['orderBy'][0]>;
    if (order.direction === 'DESC') throw textError(TIME_TEXTS.overOrderDescending({}), order.span);
    let preceding: number | undefined;
    if (f.start.kind === 'Preceding') {
      const off = c.compile(f.start.offset);
      if (f.unit === 'ROWS') {
        if (!off.constant || typeof off.constant.value !== 'number' || !Number.isInteger(off.constant.value) || off.constant.value < 0) throw notReached('a ROWS offset that is not a non-negative integer literal (the parser reads one)');
        preceding = off.constant.value;
      } else {
        // a year-month interval plans on Flink 1.20.1 (checked), but its frame is not run here
        if (off.type.kind === 'INTERVAL_YEAR_MONTH') throw unsupported('a RANGE frame of a year-month interval', f.start.offset.span);
        if (off.type.kind !== 'INTERVAL_DAY_TIME' || !off.constant) throw textError(TIME_TEXTS.overRangeNotInterval({}), f.start.offset.span);
        preceding = off.constant.value as number;
      }
    } else if (f.start.kind !== 'UnboundedPreceding') {
      throw textError(TIME_TEXTS.overFollowing({}), call.span);
    }
    frame = { unit: f.unit, preceding };
  }
  const w = window as WindowSpec;
  const order = (w.orderBy[0] as NonNullable<WindowSpec['orderBy'][0]>).expr;
  const timeIdx = exprs.orderColumn(order) ?? -1;
  const rowtime = timeIdx >= 0 && input.rowtime.has(timeIdx);
  const proctime = timeIdx >= 0 && input.proctime.has(timeIdx);
  // the fact `flinkts check` reports as FTS4310: the same code
  if (!rowtime && !proctime) throw textError(TIME_TEXTS.overOrderNotTimeAttribute({ kind: 'notTime' }), order.span);
  const fr = frame as OverFrame;
  if (proctime && fr.unit === 'RANGE' && fr.preceding !== undefined) {
    // Flink emits these rows from processing-time timers, which depend on the wall clock
    throw unsupported('OVER windows with a bounded RANGE frame on processing time', w.span);
  }

  // the functions: aggregates through AggregateSet, ranking functions and LAG on their own accumulators
  const fns: OverFunction[] = [];
  const types: DataType[] = [];
  const keys: string[] = [];
  for (const { call } of calls) {
    const k = norm(call);
    if (dedupe && keys.includes(k)) continue;
    const fn = upper(call);
    if (RANKING.has(fn)) {
      if (call.args.length > 0) throw notReached(`${fn} with arguments`);
      fns.push(rankingAccumulator(fn));
      types.push(T.bigint(false));
    } else if (fn === 'LAG') {
      if (call.args.length < 1 || call.args.length > 3) throw notReached(`LAG with ${call.args.length} arguments`);
      const value = c.compile(call.args[0] as Expression);
      const offset = call.args[1] ? c.compile(call.args[1]) : undefined;
      if (offset && (!offset.constant || typeof offset.constant.value !== 'number' || !Number.isInteger(offset.constant.value))) throw unsupported('LAG with an offset that is not an integer literal', call.args[1]?.span);
      const n = offset ? (offset.constant?.value as number) : 1;
      const type = withNullable(value.type, true);
      const dflt = call.args[2] ? planner.values().coerce(c.compile(call.args[2]), type, call.args[2].span) : undefined;
      fns.push(lagAccumulator(value.eval, n, dflt?.eval));
      types.push(type);
    } else if (AGGREGATE_NAMES.has(fn)) {
      const spec = aggregateSpec(planner, exprs, { ...call, over: undefined } as FunctionCall, fn as AggregateName);
      const set = new AggregateSet([spec]);
      fns.push(() => {
        const accs = set.create();
        return { accumulate: (r) => set.accumulate(accs, r, false), retract: (r) => set.accumulate(accs, r, true), value: () => set.values(accs)[0] };
      });
      types.push(spec.resultType);
    } else {
      throw unsupported(`${fn} in an OVER window`, call.span);
    }
    keys.push(k);
  }
  const create = (): OverAccumulators => {
    const accs = fns.map((f) => f());
    return {
      accumulate: (r) => { for (const a of accs) a.accumulate(r); },
      retract: (r) => { for (const a of accs) a.retract(r); },
      values: () => accs.map((a) => a.value()),
    };
  };
  const partition = w.partitionBy.map((e) => c.compile(e).eval);
  const op = new OverAggregateOperator(partition, rowtime ? timeIdx : undefined, fr, create);
  input.op.connectTo(op);
  const columns: RelColumn[] = [...input.columns, ...types.map((type, i) => ({ name: `$over${i}`, type }))];
  return { rel: { columns, op, mode: input.mode, rowtime: input.rowtime, proctime: input.proctime }, keys };
}

function aggregateSpec(planner: Planner, exprs: OverExpressions, call: FunctionCall, name: AggregateName): AggregateSpec {
  const c = exprs;
  const strings = planner.boundCompiler(() => undefined, () => undefined);
  if (call.filter) throw unsupported('FILTER on an OVER aggregate', call.span);
  if (call.star) {
    if (name !== 'COUNT') throw notReached(`${name}(*)`);
    return { name, distinct: false, resultType: aggregateResultType(name, undefined) };
  }
  let separator: string | undefined;
  if (name === 'LISTAGG' && call.args.length === 2) {
    const sep = c.compile(call.args[1] as Expression);
    if (!sep.constant || typeof sep.constant.value !== 'string') throw textError(TYPE_TEXTS.badArgument({ kind: 'listaggSeparator' }), call.args[1]?.span);
    separator = sep.constant.value;
  } else if (call.args.length !== 1) throw notReached(`${name} with ${call.args.length} arguments`);
  let arg = c.compile(call.args[0] as Expression);
  if (name === 'LISTAGG') arg = strings.toStringArg(arg, call.span);
  if (arg.type.kind === 'NULL') throw textError(TYPE_TEXTS.badArgument({ kind: 'untypedNull', fn: name }), call.span);
  return {
    name, distinct: !!call.distinct, resultType: aggregateResultType(name, arg.type), arg: arg.eval, argType: arg.type,
    ...(arg.column !== undefined ? { argColumn: arg.column } : {}), ...(separator !== undefined ? { separator } : {}),
  };
}
