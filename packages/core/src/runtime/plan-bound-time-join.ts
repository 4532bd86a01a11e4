/**
 * The joins Flink runs by time, from the bound plan: an interval join (the condition bounds one side's event time by
 * the other's with INTERVAL literals, over insert-only inputs: `l.t BETWEEN r.t - INTERVAL … AND r.t + INTERVAL …`,
 * `>=` / `<=` / `>` / `<` pairs, or `l.t = r.t`) and a window join (two window TVF results or window aggregations
 * joined on equal window_start and window_end). Column references are the binder's positions in the join's input
 * row (left columns, then right ones). SESSION windows arrive assigned (the TVF's operator emits a session's rows when it
 * closes, with its bounds), so they join like any other window.
 */
import type { Expression } from '../ast/expression.js';
import type { BoundExpression } from '../plan/expression.js';
import { conjunctsOf } from '../ast/expression-children.js';
import type { Join } from '../plan/join.js';
import { unsupported } from './errors.js';
import { WindowJoinOperator } from './operators/window-join.js';
import type { WindowJoinType } from './operators/window-join.js';
import type { Evaluator } from './compiled.js';
import type { Planner, Rel, RelColumn } from './plan.js';
import { expressionScope } from './plan.js';
import { boundCompilerOver, compileBound } from './plan-bound.js';
import { equiJoinKeysAt } from './plan-join-keys.js';
import { T } from './types.js';

export interface IntervalBounds {
  readonly leftTime: number;
  readonly rightTime: number;
  /** Bounds of `l.t - r.t` in milliseconds, inclusive. */
  readonly lower: number;
  readonly upper: number;
}

/** The event-time attribute a term reads (`t` or `t ± INTERVAL literal`): its side, its position in that side, the offset. */
type TimeTerm = { readonly side: 0 | 1; readonly index: number; readonly offset: number };

/** The interval of `condition` over the rowtime attributes of `l` and `r`, when it is an interval join's; else undefined. */
export function intervalBounds(planner: Planner, condition: BoundExpression, l: Rel, r: Rel): IntervalBounds | undefined {
  const width = l.columns.length;
  const c = boundCompilerOver(planner, expressionScope([...l.columns, ...r.columns], l.op), [condition]);
  const timeTerm = (e: Expression): TimeTerm | undefined => {
    let offset = 0;
    let base = e;
    if (e.kind === 'Binary' && (e.op === '+' || e.op === '-')) {
      const iv = c.compile(e.right);
      if (iv.type.kind !== 'INTERVAL_DAY_TIME' || !iv.constant) return undefined;
      offset = (e.op === '+' ? 1 : -1) * (iv.constant.value as number);
      base = e.left;
    }
    const ref = condition.refs.find((x) => x.node === base && x.depth === 0 && x.field === undefined);
    if (ref === undefined) return undefined;
    if (ref.index < width) return l.rowtime.has(ref.index) ? { side: 0, index: ref.index, offset } : undefined;
    return r.rowtime.has(ref.index - width) ? { side: 1, index: ref.index - width, offset } : undefined;
  };
  let leftTime: number | undefined;
  let rightTime: number | undefined;
  let lower = -Infinity;
  let upper = Infinity;
  const apply = (a: Expression, op: string, b: Expression): void => {
    const x = timeTerm(a);
    const y = timeTerm(b);
    if (!x || !y || x.side === y.side) return;
    const [lt, rt] = x.side === 0 ? [x, y] : [y, x];
    if ((leftTime !== undefined && leftTime !== lt.index) || (rightTime !== undefined && rightTime !== rt.index)) return;
    leftTime = lt.index;
    rightTime = rt.index;
    // x.t + x.off  op  y.t + y.off, rewritten as (l.t - r.t) op' v
    const flipped = x.side === 1;
    const v = flipped ? x.offset - y.offset : y.offset - x.offset;
    const o = flipped ? ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[op] : op;
    if (o === '>=') lower = Math.max(lower, v);
    else if (o === '>') lower = Math.max(lower, v + 1);
    else if (o === '<=') upper = Math.min(upper, v);
    else if (o === '<') upper = Math.min(upper, v - 1);
  };
  for (const p of conjunctsOf(condition.ast)) {
    if (p.kind === 'Between' && !p.negated && !p.symmetric) {
      apply(p.operand, '>=', p.low);
      apply(p.operand, '<=', p.high);
    } else if (p.kind === 'Binary' && ['<', '<=', '>', '>='].includes(p.op)) apply(p.left, p.op, p.right);
    // `l.t = r.t` bounds the times to [0, 0] (Flink plans it as an interval join too)
    else if (p.kind === 'Binary' && p.op === '=' && timeTerm(p.left) && timeTerm(p.right)) {
      apply(p.left, '>=', p.right);
      apply(p.left, '<=', p.right);
    }
  }
  if (leftTime === undefined || rightTime === undefined || !Number.isFinite(lower) || !Number.isFinite(upper)) return undefined;
  return { leftTime, rightTime, lower, upper };
}

/** Whether a conjunct of the condition compares an event-time attribute of each side (an interval join in Flink). */
export function timeBounded(condition: BoundExpression, l: Rel, r: Rel): boolean {
  const width = l.columns.length;
  return conjunctsOf(condition.ast).some((p) => {
    if (p.kind !== 'Between' && !(p.kind === 'Binary' && ['<', '<=', '>', '>='].includes(p.op))) return false;
    const refs = condition.refs.filter((x) => x.depth === 0 && inside(x.node, p));
    return refs.some((x) => x.index < width && l.rowtime.has(x.index)) && refs.some((x) => x.index >= width && r.rowtime.has(x.index - width));
  });
}

function inside(node: Expression, root: Expression): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const x = stack.pop();
    if (x === node) return true;
    if (x && typeof x === 'object') stack.push(...Object.values(x as object));
  }
  return false;
}

/** The window join of `node`, or undefined when its equalities do not pair both sides' window_start and window_end. */
export function windowJoin(planner: Planner, node: Join, l: Rel, r: Rel, columns: readonly RelColumn[]): Rel | undefined {
  const lw = l.window;
  const rw = r.window;
  // the plan's strategy (plan/patterns/join-strategy.ts): two different windows join as a regular join
  if (node.strategy !== 'window' || node.condition === undefined || !lw || !rw) return undefined;
  const width = l.columns.length;
  const pairs = (x: number, y: number): boolean => node.equiKeys.some(([a, b]) => a === x && b === width + y);
  if (!pairs(lw.start, rw.start) || !pairs(lw.end, rw.end)) return undefined;
  const span = node.span;
  if (l.mode !== 'insert-only' || r.mode !== 'insert-only') throw unsupported('window joins over an updating input', span);
  if (node.type === 'CROSS') throw unsupported('a window join written as CROSS JOIN … WHERE (write JOIN … ON)', span);
  const input = expressionScope([...l.columns, ...r.columns], l.op);
  const bounds = [[lw.start, width + rw.start], [lw.end, width + rw.end]] as const;
  const condition = withoutBoundEqualities(planner, input, node.condition, bounds);
  const keys = node.equiKeys.filter(([a, b]) => !bounds.some(([x, y]) => a === x && b === y));
  const op = new WindowJoinOperator({
    type: node.type as WindowJoinType, widths: [width, r.columns.length],
    bounds: [[lw.start, lw.end], [rw.start, rw.end]], keys: keys.length === 0 ? undefined : equiJoinKeysAt(planner, keys, l, r), condition,
  });
  l.op.connectTo(op, 0);
  r.op.connectTo(op, 1);
  // Flink propagates the left side's window properties (a GROUP BY of its window_start, window_end downstream is
  // a window aggregation: checked on real Flink) and keeps both sides' time attributes
  return {
    columns, op, mode: planner.modeOf(node), rowtime: new Set([...l.rowtime, ...[...r.rowtime].map((i) => i + width)]), proctime: new Set(),
    window: { spec: lw.spec, timeIndex: lw.end, start: lw.start, end: lw.end, input: l },
  };
}

/**
 * The join condition without its window_start and window_end equalities, as Flink's planner leaves it for the
 * window join (which pairs windows by their end alone); undefined when nothing else is left.
 */
function withoutBoundEqualities(planner: Planner, input: Rel, cond: BoundExpression, pairs: readonly (readonly [number, number])[]): Evaluator | undefined {
  const c = boundCompilerOver(planner, input, [cond]);
  const position = (e: Expression): number | undefined => (e.kind === 'ColumnRef' ? cond.refs.find((x) => x.node === e && x.depth === 0 && x.field === undefined)?.index : undefined);
  const isPair = (e: Expression): boolean => {
    if (e.kind !== 'Binary' || e.op !== '=') return false;
    const [a, b] = [position(e.left), position(e.right)];
    return pairs.some(([x, y]) => (a === x && b === y) || (a === y && b === x));
  };
  const rest = conjunctsOf(cond.ast).filter((e) => !isPair(e)).map((e) => c.coerce(c.compile(e), T.boolean(), e.span).eval);
  if (rest.length === 0) return undefined;
  return (row) => {
    let unknown = false;
    for (const p of rest) {
      const v = p(row);
      if (v === false) return false;
      if (v === null) unknown = true;
    }
    return unknown ? null : true;
  };
}
