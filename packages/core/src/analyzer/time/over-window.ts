/**
 * The shape of an OVER window as Flink 1.20.1's stream planner takes it (one window per query, ordered ascending by
 * one time attribute, frames ending at CURRENT ROW, no LEAD, no frame on ranking functions); each message is Flink's.
 * The local runtime raises the same codes where it meets the same fact (runtime/plan-over.ts). That the window is
 * ordered by a time attribute at all is order-checks.ts.
 */
import type { WindowFrame } from '../../ast/expression.js';
import type { Over, OverCall } from '../../plan/over.js';
import { TIME_TEXTS } from '../../plan/time-codes.js';
import type { CodeText } from '../../diagnostics/code-table.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { report } from '../changelog/stream-context.js';

const RANKING = new Set(['ROW_NUMBER', 'RANK', 'DENSE_RANK', 'LAG', 'LEAD']);

/** An AST's structure without its source positions. */
const norm = (e: unknown): string => JSON.stringify(e, (k, v: unknown) => (k === 'span' ? undefined : v));

/** The frame a call runs on: ROW_NUMBER on ROWS, the others on the declared frame or the default RANGE. */
const frameOf = (c: OverCall): WindowFrame => (c.fn === 'ROW_NUMBER'
  ? { unit: 'ROWS', start: { kind: 'UnboundedPreceding' } }
  : c.frame ?? { unit: 'RANGE', start: { kind: 'UnboundedPreceding' } });

const windowKey = (c: OverCall): string =>
  norm([c.partitionBy.map((p) => p.ast), c.orderBy.map((o) => o.expr.ast), c.orderBy.map((o) => o.direction)]) + norm(frameOf(c));

export function checkOverWindow(node: Over, ctx: StreamContext): void {
  let first: string | undefined;
  for (const call of node.calls) {
    const problem = callProblem(call);
    const span = call.ast.span;
    if (problem !== undefined) {
      report(ctx, problem.code, 'error', problem.message, problem.hint ?? '', span);
      return;
    }
    const key = windowKey(call);
    if (first !== undefined && key !== first) {
      const t = TIME_TEXTS.overDifferentWindows({});
      report(ctx, t.code, 'error', t.message, t.hint ?? '', span);
      return;
    }
    first = key;
  }
}

function callProblem(call: OverCall): CodeText | undefined {
  const fn = call.fn.toUpperCase();
  if (RANKING.has(fn) && call.frame !== undefined) return TIME_TEXTS.overRankingFrame({});
  if (fn === 'LEAD') return TIME_TEXTS.leadOnStream({});
  if (call.orderBy.length > 1) return TIME_TEXTS.overOrderSeveralKeys({});
  const f = frameOf(call);
  if ((f.end !== undefined && f.end.kind !== 'CurrentRow') || (f.start.kind !== 'Preceding' && f.start.kind !== 'UnboundedPreceding')) return TIME_TEXTS.overFollowing({});
  if (call.orderBy[0]?.direction === 'DESC') return TIME_TEXTS.overOrderDescending({});
  if (f.unit === 'RANGE' && f.start.kind === 'Preceding') {
    // a number against a time attribute; a year-month interval plans on Flink 1.20.1 (the local runtime does not run it: FTS7001)
    if (f.start.offset.kind === 'NumericLiteral') return TIME_TEXTS.overRangeNotInterval({});
  }
  return undefined;
}
