/**
 * Legacy group windows (`GROUP BY TUMBLE(ts, size)`, `HOP(ts, slide, size)`, `SESSION(ts, gap)`, with `TUMBLE_START`
 * / `_END` / `_ROWTIME` / `_PROCTIME` and the HOP_ / SESSION_ forms), from the bound plan: the window aggregation of
 * the same window TVF over the same time attribute. Both fire one insert per window and key when the watermark (or
 * the processing-time clock) passes the window's end, and drop rows for windows that have fired; a legacy SESSION
 * window merges a late row into an open session it overlaps, as Flink does.
 *
 * The binder reads every auxiliary function as the window key's column (`Aggregate.windowKey`); the relation here
 * holds window_start there, and window_end and window_time after the plan's columns, where `auxiliary` reads them.
 */
import { typeToString } from './types.js';
import type { Expression, FunctionCall } from '../ast/expression.js';
import type { Aggregate } from '../plan/aggregate.js';
import type { BoundExpression, ColumnBinding } from '../plan/expression.js';
import type { DataType } from '../types/data-type.js';
import type { Compiled } from './compiled.js';
import { textError, unsupported } from './errors.js';
import { TIME_TEXTS } from '../plan/time-codes.js';
import { CalcOperator } from './operators/calc.js';
import type { WindowSpec } from './operators/window-aggregate.js';
import type { PlannedRel, Planner, Rel, RelColumn } from './plan.js';
import { boundCompilerOver, planBound } from './plan-bound.js';
import { proctimeWindowedRel } from './plan-proctime-window.js';
import { TYPE_TEXTS } from '../typing/codes.js';

const AUXILIARY = /^(TUMBLE|HOP|SESSION)_(START|END|ROWTIME|PROCTIME)$/;

/** Where a legacy group window aggregation's relation holds its window's columns. */
export interface LegacyWindowColumns {
  /** The window key's position (window_start). */
  readonly key: number;
  readonly end: number;
  readonly time: number;
  readonly kind: string;
  readonly proctime: boolean;
}

const legacyWindows = new WeakMap<PlannedRel, LegacyWindowColumns>();

/**
 * The read of a window auxiliary function (`TUMBLE_END(ts, …)`) the binder bound to the window key's column of
 * `rel`, or undefined when `ref` is not one.
 */
export function auxiliary(rel: PlannedRel, ref: ColumnBinding): Compiled | undefined {
  const w = legacyWindows.get(rel);
  const e = ref.node;
  if (w === undefined || ref.index !== w.key || e.kind !== 'FunctionCall') return undefined;
  const name = e.name.length === 1 ? e.name[0]!.toUpperCase() : '';
  const m = AUXILIARY.exec(name);
  if (m === null) return undefined;
  if (m[1] !== w.kind) throw textError(TIME_TEXTS.groupWindowAuxiliaryWithoutWindow({ fn: name, group: w.kind }), e.span);
  if ((m[2] === 'PROCTIME' && !w.proctime) || (m[2] === 'ROWTIME' && w.proctime)) throw unsupported(`${name} on ${w.proctime ? 'a processing-time' : 'an event-time'} group window`, e.span);
  const at = m[2] === 'START' ? w.key : m[2] === 'END' ? w.end : w.time;
  return { type: (rel.columns[at] as RelColumn).type, eval: (r) => r[at] ?? null, column: at };
}

/** A bare reference to column `index` of a relation. */
function columnRef(name: string, index: number, type: DataType): BoundExpression {
  const ast: Expression = { kind: 'ColumnRef', name };
  return { ast, type, refs: [{ node: ast, index, depth: 0, type, conditional: false }], subqueries: [] };
}

/**
 * `node` (its `windowKey` set) as the window aggregation of the window TVF it stands for; `aggregate` plans an
 * Aggregate node grouped by a window TVF's window_start and window_end.
 */
export function groupWindowAggregate(planner: Planner, node: Aggregate, aggregateOver: (node: Aggregate, input: Rel) => PlannedRel): Rel {
  const wk = node.windowKey!;
  const key = node.keys[wk]!;
  const call = key.ast as FunctionCall;
  const kind = call.name[0]!.toUpperCase();
  const rel = planBound(planner, node.input);
  const time = key.refs.find((r) => r.node === call.args[0] && r.depth === 0 && r.field === undefined)?.index;
  if (time === undefined || !(rel.rowtime.has(time) || rel.proctime.has(time))) throw textError(TIME_TEXTS.groupWindowNotTimeAttribute({ fn: kind, ...(call.args[0]?.kind === 'ColumnRef' ? { column: call.args[0].name } : {}) }), call.args[0]?.span ?? call.span);
  const proctime = rel.proctime.has(time);
  if (rel.mode !== 'insert-only') throw unsupported('group windows over an updating input', call.span);
  const c = boundCompilerOver(planner, rel, [key]);
  const ms = (i: number, what: string): number => {
    const a = call.args[i];
    const v = a === undefined ? undefined : c.compile(a);
    // the binder rejects a missing size (FTS4405) and one that is no day-time INTERVAL (FTS4406), as Flink does
    if (!v) throw textError(TYPE_TEXTS.wrongArity({ fn: kind, expected: `a ${what}` }), call.span);
    if (v.type.kind !== 'INTERVAL_DAY_TIME') throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: kind, types: [typeToString(v.type)], expects: `a day-time INTERVAL ${what}` }), a?.span ?? call.span);
    if (!v.constant) throw unsupported(`a ${kind} ${what} that is not a constant`, a?.span ?? call.span);
    return v.constant.value as number;
  };
  let spec: WindowSpec;
  if (kind === 'TUMBLE') spec = { kind: 'TUMBLE', size: ms(1, 'size'), offset: call.args[2] ? ms(2, 'offset') : 0 };
  else if (kind === 'HOP') spec = { kind: 'HOP', slide: ms(1, 'slide'), size: ms(2, 'size'), offset: call.args[3] ? ms(3, 'offset') : 0 };
  // a late row's session merges into the open sessions it overlaps before its lateness check (window-aggregate.ts)
  else spec = { kind: 'SESSION', gap: ms(1, 'gap'), legacy: true };
  const n = rel.columns.length;
  const assigned = proctime ? proctimeWindowedRel(planner.session, rel, spec, time, undefined, call.span) : planner.windowedRel(rel, spec, time, undefined, call.span);
  // window_time is a grouping key too: the window operator emits it
  const windowed: Rel = assigned.window === undefined ? assigned : { ...assigned, window: { ...assigned.window, time: n + 2 } };
  // grouped by window_start in the window key's place, then window_end and window_time
  const col = (i: number): BoundExpression => columnRef(windowed.columns[i]!.name, i, windowed.columns[i]!.type);
  const keys = [...node.keys.map((k, i) => (i === wk ? col(n) : k)), col(n + 1), col(n + 2)];
  const nk = node.keys.length;
  const calls = node.calls.length;
  const windowAgg = aggregateOver(Object.freeze({
    ...node, keys, groupingSets: node.groupingSets.map((set) => [...set, nk, nk + 1]), windowKey: undefined,
    columns: [...node.columns.slice(0, nk), { name: 'window_end' }, { name: 'window_time' }, ...node.columns.slice(nk)],
  }) as Aggregate, windowed);
  // the plan's columns (keys, calls), then window_end and window_time
  const at = [...Array.from({ length: nk }, (_, i) => i), ...Array.from({ length: calls }, (_, j) => nk + 2 + j), nk, nk + 1];
  const calc = new CalcOperator(undefined, at.map((i) => (r: readonly unknown[]) => r[i] ?? null));
  windowAgg.op.connectTo(calc);
  const columns: RelColumn[] = at.map((i, j) => ({ name: j < node.columns.length ? node.columns[j]!.name : windowAgg.columns[i]!.name, type: windowAgg.columns[i]!.type }));
  const end = nk + calls;
  const out: Rel = {
    columns, op: calc, mode: planner.modeOf(node),
    rowtime: proctime ? new Set() : new Set([end + 1]), proctime: proctime ? new Set([end + 1]) : new Set(),
    // Flink propagates the window properties: a later GROUP BY of the window's start and end is a window aggregation
    ...(windowAgg.window ? { window: { ...windowAgg.window, timeIndex: end, start: wk, end, time: end + 1 } } : {}),
  };
  legacyWindows.set(out, { key: wk, end, time: end + 1, kind, proctime });
  return out;
}
