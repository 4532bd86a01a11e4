/**
 * Interval joins: a join whose condition bounds one side's time attribute by the other's
 * (`l.ts BETWEEN r.ts - INTERVAL '5' MINUTE AND r.ts`). Both bounded columns must be time attributes of the
 * same kind; a column that lost its time attribute (CAST, arithmetic, a non-window GROUP BY) turns the join into
 * a regular join with unbounded state, which is reported.
 */
import type { Expression } from '../../ast/expression.js';
import type { Span } from '../../ast/node.js';
import type { StreamColumn } from '../changelog/changelog-mode.js';
import { columnRefs, findColumn } from '../changelog/projection.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { report } from '../changelog/stream-context.js';
import { TIME_CODES } from './codes.js';

export function conjuncts(e: Expression | undefined): Expression[] {
  if (e === undefined) return [];
  if (e.kind === 'Binary' && e.op === 'AND') return [...conjuncts(e.left), ...conjuncts(e.right)];
  return [e];
}

interface Bound {
  readonly left: StreamColumn;
  readonly right: StreamColumn;
  readonly span?: Span;
}

const COMPARISONS = new Set(['<', '<=', '>', '>=']);

function hasInterval(e: Expression): boolean {
  return JSON.stringify(e).includes('"IntervalLiteral"');
}

/** The one column of `side` an expression reads, if it reads exactly one column and only from that side. */
function sideColumn(e: Expression, side: readonly StreamColumn[], other: readonly StreamColumn[]): StreamColumn | undefined {
  const refs = columnRefs(e);
  if (refs.length !== 1) return undefined;
  const ref = refs[0]!;
  const mine = findColumn(side, ref.table, ref.name);
  return mine !== undefined && findColumn(other, ref.table, ref.name) === undefined ? mine : undefined;
}

function bound(a: Expression, b: Expression, whole: Expression, left: readonly StreamColumn[], right: readonly StreamColumn[]): Bound | undefined {
  const pairs: [Expression, Expression][] = [[a, b], [b, a]];
  for (const [x, y] of pairs) {
    const l = sideColumn(x, left, right);
    const r = sideColumn(y, right, left);
    if (l === undefined || r === undefined) continue;
    const timeLike = (c: StreamColumn) => c.time !== undefined || c.lost !== undefined;
    if (timeLike(l) || timeLike(r) || hasInterval(whole)) return { left: l, right: r, ...(whole.span === undefined ? {} : { span: whole.span }) };
  }
  return undefined;
}

/** The time bounds between the two sides in a join condition. */
export function timeBounds(condition: readonly Expression[], left: readonly StreamColumn[], right: readonly StreamColumn[]): Bound[] {
  const out: Bound[] = [];
  for (const c of condition) {
    if (c.kind === 'Binary' && COMPARISONS.has(c.op)) {
      const b = bound(c.left, c.right, c, left, right);
      if (b !== undefined) out.push(b);
    } else if (c.kind === 'Between' && !c.negated) {
      const lo = bound(c.operand, c.low, c, left, right);
      const hi = bound(c.operand, c.high, c, left, right);
      if (lo !== undefined) out.push(lo);
      else if (hi !== undefined) out.push(hi);
    }
  }
  return out;
}

/**
 * Whether the bounds make an interval join, for the time-attribute walk; reports bounds on columns that lost their
 * time attribute (the walk knows why they lost it; the join strategy itself is the plan's, patterns/join-strategy.ts).
 */
export function checkIntervalJoin(bounds: readonly Bound[], ctx: StreamContext): boolean {
  let interval = false;
  for (const b of bounds) {
    const { left, right } = b;
    if (left.time !== undefined && right.time !== undefined) {
      // Bounds mixing rowtime and proctime are reported on the plan (interval-bounds.ts).
      if (left.time === right.time) interval = true;
      continue;
    }
    const lost = [left, right].find((c) => c.lost !== undefined);
    if (lost !== undefined && [left, right].every((c) => c.time !== undefined || c.lost !== undefined)) {
      report(ctx, TIME_CODES.timeAttributeLost, 'error', `column '${lost.name}' bounds an interval join, but it lost its ${lost.lost!.kind} attribute by ${lost.lost!.reason}; the join would be a regular join keeping all rows in state`, `pass the ${lost.lost!.kind} column through unchanged (no CAST, arithmetic or non-window GROUP BY) up to the join`, b.span);
    }
  }
  return interval;
}
