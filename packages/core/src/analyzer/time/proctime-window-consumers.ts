/** Window TopN / deduplication / join over a processing-time window TVF: Flink 1.20.1 has none (plan/proctime-windows.ts). */
import type { PlanNode } from '../../plan/node.js';
import { proctimeWindowConsumer } from '../../plan/proctime-windows.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { report } from '../changelog/stream-context.js';

export function checkProctimeWindowConsumer(node: PlanNode, ctx: StreamContext): void {
  const t = proctimeWindowConsumer(node);
  if (t === undefined) return;
  report(ctx, t.code, 'error', t.message, t.hint ?? '', node.kind === 'Rank' || node.kind === 'Deduplicate' ? node.call.span : node.kind === 'Join' ? node.span : undefined);
}
