/**
 * Planning processing-time windows (see operators/proctime-window.ts for what they do): a TUMBLE / HOP /
 * CUMULATE window TVF or a legacy TUMBLE / HOP group window on a PROCTIME() attribute becomes an assignment by
 * the processing-time clock, and the window aggregation over it fires by that clock instead of the watermark.
 *
 * plan-bound-window.ts and plan-bound-group-window.ts call `proctimeWindowedRel` where they would build the event-time
 * window, and the window aggregation asks `proctimeWindowAggregate` first: the window spec of a processing-time window is remembered
 * here (the spec object travels with the relation's window properties through projections).
 */
import type { Span } from '../ast/node.js';
import type { DataType } from '../types/data-type.js';
import type { Evaluator, Session } from './compiled.js';
import { unsupported } from './errors.js';
import { AggregateSet } from './operators/aggregates.js';
import type { AggregateSpec } from './operators/aggregates.js';
import type { Operator } from './operators/operator.js';
import { ProctimeWindowAggregateOperator, ProctimeWindowAssignOperator } from './operators/proctime-window.js';
import type { WindowSpec } from './operators/window-aggregate.js';
import type { Rel, RelColumn } from './plan.js';
import { T } from './types.js';

/** The assignment of each processing-time window spec (by identity). */
const assignments = new WeakMap<WindowSpec, ProctimeWindowAssignOperator>();

/** Whether `spec` is a processing-time window. */
export function isProctimeWindow(spec: WindowSpec): boolean {
  return assignments.has(spec);
}

function clockOf(session: Session, span: Span | undefined) {
  if (session.processingTime === undefined) throw unsupported('processing-time windows without a processing-time clock in the session', span);
  return session.processingTime;
}

/**
 * The window TVF's relation on the processing-time attribute `timeIndex`: the input's columns then window_start,
 * window_end (TIMESTAMP(3), the session zone's wall clock) and window_time (a processing-time attribute).
 */
export function proctimeWindowedRel(session: Session, input: Rel, spec: WindowSpec, timeIndex: number, alias: string | undefined, span: Span | undefined): Rel {
  if (spec.kind === 'SESSION') throw unsupported('SESSION windows on processing time', span);
  const own = { ...spec } as WindowSpec;
  const assign = new ProctimeWindowAssignOperator(own, clockOf(session, span), session.zone, span);
  assignments.set(own, assign);
  input.op.connectTo(assign);
  const n = input.columns.length;
  const wse: DataType = T.timestamp(3, false);
  const at = alias ? { table: alias } : {};
  const columns: RelColumn[] = [
    ...input.columns.map((col) => ({ ...col, ...at })),
    { name: 'window_start', type: wse, ...at },
    { name: 'window_end', type: wse, ...at },
    { name: 'window_time', type: T.timestampLtz(3, false), ...at },
  ];
  return { columns, op: assign, mode: input.mode, rowtime: new Set(), proctime: new Set([n + 2]), window: { spec: own, timeIndex, start: n, end: n + 1, input } };
}

/**
 * The window aggregation of a processing-time window, or undefined for an event-time one. `head` is where the
 * input connects, `tail` produces `[...keys, ...aggregates, window_start, window_end, window_time]`.
 */
export function proctimeWindowAggregate(
  session: Session,
  spec: WindowSpec,
  bounds: readonly [number, number],
  keys: readonly Evaluator[],
  keySets: readonly (readonly number[])[],
  specs: readonly AggregateSpec[],
  updating: boolean,
  span: Span | undefined,
): { head: Operator; tail: Operator } | undefined {
  const assign = assignments.get(spec);
  if (assign === undefined) return undefined;
  if (assign.claimed) throw unsupported('a window aggregation over a processing-time window aggregation (cascaded processing-time windows)', span);
  assign.claimed = true;
  // over an updating input: Flink's hidden COUNT(*) of the window's rows, as for event time (plan-window-changelog.ts)
  const count: AggregateSpec = { name: 'COUNT', distinct: false, resultType: T.bigint(false) };
  const op = new ProctimeWindowAggregateOperator({
    bounds, keys, keySets, aggs: new AggregateSet(updating ? [...specs, count] : specs),
    ...(updating ? { rowCount: specs.length } : {}),
    zone: session.zone, clock: clockOf(session, span), span,
  });
  return { head: op, tail: op };
}
