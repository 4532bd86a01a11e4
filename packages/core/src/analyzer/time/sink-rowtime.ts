/**
 * A sink takes at most one rowtime attribute: with several (e.g. both sides' rowtimes of an interval join) Flink
 * cannot tell which one is the records' event-time timestamp. The time attributes are the plan's.
 */
import type { Insert } from '../../ast/statement.js';
import type { PlanNode } from '../../plan/node.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { report } from '../changelog/stream-context.js';
import { TIME_CODES } from './codes.js';

export function checkSinkRowtimes(insert: Insert, plan: PlanNode, ctx: StreamContext): void {
  const rowtimes = plan.columns.filter((c) => c.time === 'rowtime').map((c) => c.name);
  if (rowtimes.length <= 1) return;
  report(
    ctx,
    TIME_CODES.severalRowtimesIntoSink,
    'error',
    `The query contains more than one rowtime attribute column [${rowtimes.join(', ')}] for writing into table '${insert.target[insert.target.length - 1]}'`,
    `keep one as the event-time timestamp and CAST the others to TIMESTAMP(3) (or TIMESTAMP_LTZ(3)), e.g. CAST(${rowtimes[1]} AS TIMESTAMP(3))`,
    insert.span,
  );
}
