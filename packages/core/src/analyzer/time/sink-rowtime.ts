/**
 * A sink takes at most one rowtime attribute: with several (e.g. both sides' rowtimes of an interval join) Flink
 * cannot tell which one is the records' event-time timestamp. The time attributes are the plan's.
 */
import type { Insert } from '../../ast/statement.js';
import type { PlanNode } from '../../plan/node.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { reportText } from '../changelog/stream-context.js';
import { TIME_TEXTS } from '../../plan/time-codes.js';

export function checkSinkRowtimes(insert: Insert, plan: PlanNode, ctx: StreamContext): void {
  const rowtimes = plan.columns.filter((c) => c.time === 'rowtime').map((c) => c.name);
  if (rowtimes.length <= 1) return;
  reportText(ctx, TIME_TEXTS.severalRowtimesIntoSink({ rowtimes, sink: insert.target[insert.target.length - 1]! }), 'error', insert.span);
}
