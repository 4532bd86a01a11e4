/**
 * What Flink 1.20.1 cannot run over a processing-time window TVF: a window TopN or window deduplication, and a window
 * join ("Processing time Window TopN / Deduplication / Join is not supported yet", checked on the real planner, also
 * for a TopN over a window aggregation). `flinkts check` (analyzer/time/proctime-window-consumers.ts) and the local
 * runtime both ask this, so they refuse the same plans with the same code.
 */
import type { CodeText } from '../diagnostics/code-table.js';
import type { PlanNode } from './node.js';
import { windowOrigin } from './properties/window-columns.js';
import type { WindowOrigin } from './properties/window-columns.js';
import { TIME_TEXTS } from './time-codes.js';

const onProctime = (o: WindowOrigin | undefined): boolean => o !== undefined && o.tvf.input.columns[o.tvf.timeColumn]?.time === 'proctime';

/** The problem with `node` when it is a window TopN / deduplication / join over a processing-time window. */
export function proctimeWindowConsumer(node: PlanNode): CodeText | undefined {
  if ((node.kind === 'Rank' || node.kind === 'Deduplicate') && node.windowed && onProctime(windowOrigin(node.input))) return TIME_TEXTS.proctimeWindowRank({});
  if (node.kind === 'Join' && node.strategy === 'window' && (onProctime(windowOrigin(node.left)) || onProctime(windowOrigin(node.right)))) return TIME_TEXTS.proctimeWindowJoin({});
  return undefined;
}
