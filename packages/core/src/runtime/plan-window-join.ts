/**
 * Planning a window join: a join of two window TVFs or window aggregations (both carrying window properties) whose
 * ON condition equates their window_start and their window_end, as Flink's planner recognises it — when both sides
 * have the same window (else Flink plans a regular join, and so does this planner). SESSION windows
 * arrive assigned (the TVF's rows leave when their session closes, plan-session-table.ts), so they join like any
 * other window.
 */
import type { Expression } from '../ast/expression.js';
import type { Span } from '../ast/node.js';
import { invalid, unsupported } from './errors.js';
import type { WindowSpec } from './operators/window-aggregate.js';
import { WindowJoinOperator } from './operators/window-join.js';
import type { WindowJoinType } from './operators/window-join.js';
import { equiJoinKeys, joinCompiler } from './plan-join-keys.js';
import type { Planner, Rel, RelColumn } from './plan.js';
import { conjuncts } from './plan.js';
import { T } from './types.js';

/** Whether both sides have the same window (Flink's window join needs equal window specs; checked on Flink 1.20.1). */
function sameWindow(l: Rel, r: Rel): boolean {
  const spec = (rel: Rel) => {
    const w = rel.window;
    if (w === undefined) return '';
    const { legacy: _legacy, ...s } = w.spec as WindowSpec & { legacy?: boolean };
    void _legacy;
    return JSON.stringify({ ...s, partition: (w.partition ?? []).map((i) => rel.columns[i]?.name.toLowerCase()) });
  };
  return spec(l) === spec(r);
}

/** The window join of `l` and `r`, or undefined when the condition does not equate both window bounds. */
export function planWindowJoin(planner: Planner, type: string, cond: Expression | undefined, l: Rel, r: Rel, columns: readonly RelColumn[], span: Span | undefined): Rel | undefined {
  const lw = l.window;
  const rw = r.window;
  if (!cond || !lw || !rw) return undefined;
  const width = l.columns.length;
  const { compiler: c, column } = joinCompiler(planner, l, columns);
  let starts = false;
  let ends = false;
  for (const p of conjuncts(cond)) {
    if (p.kind !== 'Binary' || p.op !== '=') continue;
    const a = column(p.left);
    const b = column(p.right);
    if (a === undefined || b === undefined) continue;
    const pair = (x: number, y: number) => (a === x && b === y) || (a === y && b === x);
    if (pair(lw.start, width + rw.start)) starts = true;
    if (pair(lw.end, width + rw.end)) ends = true;
  }
  if (!starts || !ends) return undefined;
  // different windows on the two sides (another kind, size, gap or PARTITION BY): Flink plans a regular join
  if (!sameWindow(l, r)) return undefined;
  if (l.mode !== 'insert-only' || r.mode !== 'insert-only') throw unsupported('window joins over an updating input', span);
  if (type === 'CROSS') throw invalid('A window join needs an ON condition', span);
  const condition = c.coerce(c.compile(cond), T.boolean(), cond.span).eval;
  const op = new WindowJoinOperator({
    type: type as WindowJoinType, widths: [width, r.columns.length],
    bounds: [[lw.start, lw.end], [rw.start, rw.end]], keys: equiJoinKeys(planner, cond, l, r), condition,
  });
  l.op.connectTo(op, 0);
  r.op.connectTo(op, 1);
  // Flink propagates the left side's window properties (a GROUP BY of its window_start, window_end downstream is
  // a window aggregation: checked on real Flink) and keeps both sides' time attributes
  return {
    columns, op, mode: 'insert-only', rowtime: new Set([...l.rowtime, ...[...r.rowtime].map((i) => i + width)]), proctime: new Set(),
    window: { spec: lw.spec, timeIndex: lw.end, start: lw.start, end: lw.end, input: l },
  };
}
