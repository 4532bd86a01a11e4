/**
 * Time attributes of plan columns (each `PlanColumn.time`), as Flink keeps or loses them. The binder sets them where
 * it builds each node, with these rules (Scan: scan-columns.ts marks PROCTIME() columns and the WATERMARK column):
 *
 * - a projection keeps a column it copies unchanged, and `PROCTIME()` is a proctime attribute, a legacy group
 *   window's `*_ROWTIME(…)` / `*_PROCTIME(…)` a rowtime / proctime; any other expression over a time attribute (CAST,
 *   arithmetic, a function) is a plain timestamp;
 * - filters, sorts, OVER, ranks and table functions keep their input's;
 * - an aggregation loses them, except a window aggregation's grouped window_time;
 * - a window TVF keeps its input's, and `window_time` is one (of the DESCRIPTOR column's kind);
 * - interval joins keep both sides', temporal and lookup joins the left side's; regular and window joins lose them;
 * - UNION ALL keeps a column's when every input has the same one; UNION, INTERSECT and EXCEPT (aggregations) lose them.
 */
import type { BoundExpression } from '../expression.js';
import { copiedColumn } from '../expression.js';
import type { JoinStrategy } from '../join.js';
import type { PlanColumn, PlanNode, TimeAttribute } from '../node.js';
import { groupsWindow } from './window-columns.js';

export function untimed(c: PlanColumn): PlanColumn {
  if (c.time === undefined) return c;
  const { time: _time, ...rest } = c;
  return rest;
}

function isProctimeCall(e: BoundExpression): boolean {
  return e.ast.kind === 'FunctionCall' && e.ast.name.length === 1 && e.ast.name[0]!.toUpperCase() === 'PROCTIME' && e.ast.args.length === 0;
}

/** The time attribute of a projected expression over `input`. */
export function projectedTime(e: BoundExpression, input: PlanNode): TimeAttribute | undefined {
  // A legacy group window's TUMBLE_ROWTIME / HOP_PROCTIME / … (bound to the window key) is a time attribute again.
  const legacy = e.ast.kind === 'FunctionCall' && e.ast.name.length === 1 ? /^(?:TUMBLE|HOP|SESSION)_(ROWTIME|PROCTIME)$/.exec(e.ast.name[0]!.toUpperCase()) : null;
  if (legacy !== null) return legacy[1] === 'ROWTIME' ? 'rowtime' : 'proctime';
  const copied = copiedColumn(e);
  if (copied !== undefined) return input.columns[copied]?.time;
  return isProctimeCall(e) ? 'proctime' : undefined;
}

/** The time attributes of an aggregation's grouping keys: kept only by a window aggregation (computed once per node). */
export function groupedTimes(keys: readonly BoundExpression[], groupingSets: number, input: PlanNode): (TimeAttribute | undefined)[] {
  const copied = keys.map(copiedColumn);
  const window = groupingSets === 1 && groupsWindow(copied, input);
  return copied.map((c) => (window && c !== undefined ? input.columns[c]?.time : undefined));
}

/** A window TVF's columns: its input's, then window_start, window_end, window_time. */
export function windowTvfColumns(input: readonly PlanColumn[], start: PlanColumn, end: PlanColumn, time: PlanColumn, descriptorTime: TimeAttribute | undefined): PlanColumn[] {
  return [...input, start, end, { ...untimed(time), ...(descriptorTime === undefined ? {} : { time: descriptorTime }) }];
}

/** A join's columns (left, then right) with the time attributes its strategy keeps. */
export function joinColumns(strategy: JoinStrategy, leftCount: number, all: readonly PlanColumn[]): PlanColumn[] {
  switch (strategy) {
    case 'interval': return [...all];
    case 'temporal': case 'lookup': return all.map((c, i) => (i < leftCount ? c : untimed(c)));
    default: return all.map(untimed);
  }
}

/** A set operation's time attribute at `position`: the inputs' when they all have the same one. */
export function setOpTime(inputs: readonly PlanNode[], position: number): TimeAttribute | undefined {
  const first = inputs[0]?.columns[position]?.time;
  return first !== undefined && inputs.every((n) => n.columns[position]?.time === first) ? first : undefined;
}
