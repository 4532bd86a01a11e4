/**
 * `table.optimizer.distinct-agg.split.enabled`: Flink rewrites a group aggregation with a DISTINCT aggregate into
 * two (a partial aggregation per hash bucket of the distinct argument, with the other aggregates split off by an
 * Expand, then a final one), so one input row gives several -U / +U pairs. The final table is the same; the
 * changelog is not reproduced, so a job that keeps its changelog is refused there (checked on Flink 1.20.1: one
 * row of `COUNT(DISTINCT v), COUNT(*), SUM(x), MAX(x)` gave three updates of its group).
 */
import type { Span } from '../ast/node.js';
import type { PlanNode } from '../plan/node.js';
import { inputsOf } from '../plan/node.js';
import { unsupported } from './errors.js';

export const SPLIT_DISTINCT = 'table.optimizer.distinct-agg.split.enabled';

/** Whether `node` reads a window TVF through projections and filters only (then it is a window aggregation's input). */
function windowed(node: PlanNode): boolean {
  if (node.kind === 'WindowTableFunction') return true;
  return (node.kind === 'Project' || node.kind === 'Filter') && windowed(node.input);
}

/** The span of the first DISTINCT aggregate of a group aggregation (not a window aggregation) in `node`. */
function splitDistinct(node: PlanNode): { span?: Span } | undefined {
  if (node.kind === 'Aggregate' && node.windowKey === undefined && !windowed(node.input)) {
    const call = node.calls.find((c) => c.distinct);
    if (call) return { ...(call.ast.span ? { span: call.ast.span } : {}) };
  }
  for (const i of inputsOf(node)) {
    const found = splitDistinct(i);
    if (found) return found;
  }
  return undefined;
}

/** Refuses a query whose changelog the split would change, when the changelog is kept. */
export function checkSplitDistinct(options: ReadonlyMap<string, string>, keepChangelog: boolean, plan: PlanNode): void {
  if (!keepChangelog || !/^true$/i.test(options.get(SPLIT_DISTINCT) ?? '')) return;
  const at = splitDistinct(plan);
  if (at === undefined) return;
  throw unsupported(`'${SPLIT_DISTINCT}' = 'true' on a group aggregation with a DISTINCT aggregate: Flink splits it into a partial aggregation per hash bucket and a final one, and its changelog (several -U / +U per input row) is not reproduced; the final table is (run with keepChangelog: false and assert on the table)`, at.span);
}
