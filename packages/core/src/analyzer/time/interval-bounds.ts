/**
 * Interval-join bounds on the plan, for a join condition (or the WHERE of an inner or comma join):
 * - bounds that compare a rowtime of one side with a proctime of the other are rejected by Flink (FTS4309);
 * - a bound on a column that lost its time attribute (CAST, arithmetic, a non-window GROUP BY, a regular join) makes
 *   the join a regular join keeping every row in state (FTS4302), named with the operation that lost it.
 * The time attributes and their losses are the plan's (plan/properties/time-attributes.ts, lost-time.ts).
 */
import type { Expression } from '../../ast/expression.js';
import type { BoundExpression } from '../../plan/expression.js';
import { conjunctsOf, subtreeNodes } from '../../ast/expression-children.js';
import type { Join } from '../../plan/join.js';
import type { PlanNode } from '../../plan/node.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { reportText } from '../changelog/stream-context.js';
import { TIME_TEXTS } from './codes.js';
import type { TimedColumn } from './window-tvf.js';
import { timedColumn } from './window-tvf.js';

const COMPARISONS = new Set(['<', '<=', '>', '>=']);

/** The input positions (depth 0) an expression of `condition` reads. */
function read(condition: BoundExpression, e: Expression): number[] {
  const nodes = subtreeNodes(e);
  return condition.refs.filter((r) => r.depth === 0 && nodes.has(r.node)).map((r) => r.index);
}

function hasInterval(e: Expression): boolean {
  return JSON.stringify(e).includes('"IntervalLiteral"');
}

const timeLike = (c: TimedColumn): boolean => c.time !== undefined || c.lost !== undefined;

function checkBounds(condition: BoundExpression, join: Join, ctx: StreamContext): void {
  const leftCount = join.left.columns.length;
  const column = (p: number): TimedColumn | undefined => (p < leftCount ? timedColumn(join.left, p) : timedColumn(join.right, p - leftCount));
  /** A bound between a left and a right column (each side of `a` / `b` reading one column): the two columns. */
  const bound = (a: Expression, b: Expression, whole: Expression): [TimedColumn, TimedColumn] | undefined => {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const l = read(condition, x);
      const r = read(condition, y);
      if (l.length !== 1 || r.length !== 1 || l[0]! >= leftCount || r[0]! < leftCount) continue;
      const lc = column(l[0]!);
      const rc = column(r[0]!);
      if (lc === undefined || rc === undefined) continue;
      if (timeLike(lc) || timeLike(rc) || hasInterval(whole)) return [lc, rc];
    }
    return undefined;
  };
  for (const c of conjunctsOf(condition.ast)) {
    let pair: [TimedColumn, TimedColumn] | undefined;
    if (c.kind === 'Binary' && COMPARISONS.has(c.op)) pair = bound(c.left, c.right, c);
    else if (c.kind === 'Between' && !c.negated) pair = bound(c.operand, c.low, c) ?? bound(c.operand, c.high, c);
    if (pair === undefined) continue;
    const [l, r] = pair;
    if (l.time !== undefined && r.time !== undefined) {
      if (l.time !== r.time) {
        reportText(ctx, TIME_TEXTS.intervalJoinMixedTime({ left: l.name, leftTime: l.time, right: r.name, rightTime: r.time }), 'error', c.span);
      }
      continue;
    }
    const lost = [l, r].find((x) => x.lost !== undefined);
    if (lost !== undefined && timeLike(l) && timeLike(r)) {
      reportText(ctx, TIME_TEXTS.timeAttributeLost({ column: lost.name, usage: 'the bounds of an interval join', kind: lost.lost!.kind, reason: lost.lost!.reason, intervalJoin: true }), 'error', c.span);
    }
  }
}

export function checkIntervalBounds(node: PlanNode, ctx: StreamContext): void {
  if (node.kind === 'Join' && node.strategy === 'regular' && node.condition !== undefined && node.type !== 'SEMI' && node.type !== 'ANTI') {
    checkBounds(node.condition, node, ctx);
  }
  const join = node.kind === 'Filter' ? node.input : undefined;
  if (node.kind === 'Filter' && join?.kind === 'Join' && join.strategy === 'regular' && (join.type === 'INNER' || join.type === 'CROSS')) {
    checkBounds(node.condition, join, ctx);
  }
}
