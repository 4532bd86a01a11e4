/**
 * An aggregation Flink's planner removes (FlinkAggregateRemoveRule, checked on Flink 1.20.1 with EXPLAIN): one
 * grouping set of plain columns that covers a unique key of its input, and only SUM / MIN / MAX of one argument (or
 * no aggregate call at all: a GROUP BY or SELECT DISTINCT of unique rows), none DISTINCT or FILTERed. Every group is
 * then one row, so the input's rows pass through with their changelog: the plan's changelog mode says so
 * (changelog.ts) and the runtime plans a Calc in the aggregation's place (plan-bound-aggregate.ts) — both read this.
 *
 * The rule runs on the logical plan, before ranks are recognised: a deduplication or a TopN is still an OVER over
 * its input there, unique only on the input's keys (Flink keeps `GROUP BY k` over `ROW_NUMBER() OVER (PARTITION BY
 * k …) = 1`, and `GROUP BY k, rn` over a TopN), so their own keys do not count (`logicalUniqueKeys`).
 */
import { copiedColumn } from '../expression.js';
import type { Aggregate } from '../aggregate.js';
import type { PlanNode } from '../node.js';
import { logicalUniqueKeys } from './keys.js';

const REMOVABLE = new Set(['SUM', 'MIN', 'MAX']);

export function aggregateRemoved(node: Aggregate): boolean {
  if (node.windowKey !== undefined || node.groupingSets.length !== 1 || node.keys.length === 0) return false;
  if (node.groupingSets[0]!.length !== node.keys.length) return false;
  if (!node.calls.every((c) => REMOVABLE.has(c.fn) && !c.distinct && c.filter === undefined && c.args.length === 1)) return false;
  const keys = new Set(node.keys.map(copiedColumn));
  if (keys.has(undefined)) return false;
  return logicalUniqueKeys(node.input as PlanNode).some((k) => k.length > 0 && k.every((c) => keys.has(c)));
}
