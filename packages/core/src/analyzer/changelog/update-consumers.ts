/**
 * Rules over the bound plan for operators that cannot consume updates (Flink's planner rejects them): an OVER
 * aggregation (FTS4207), an interval join (FTS4208), MATCH_RECOGNIZE (FTS4211) and a temporal sort (FTS4212) reading an updating input. The input's mode is the plan's
 * changelog property.
 */
import type { Span } from '../../ast/node.js';
import { conjunctsOf, subtreeNodes } from '../../ast/expression-children.js';
import type { Join as PlanJoin } from '../../plan/join.js';
import type { PlanNode } from '../../plan/node.js';
import type { SourceModes } from '../../plan/properties/changelog.js';
import { changelogOf, isUpdating } from '../../plan/properties/changelog.js';
import { describeOrigin } from './changelog-mode.js';
import { CHANGELOG_TEXTS } from './codes.js';
import type { StreamContext } from './stream-context.js';
import { reportText } from './stream-context.js';

/** Where an interval join bounds its time attributes: the first conjunct reading both. */
function boundSpan(join: PlanJoin): Span | undefined {
  const { condition, interval } = join;
  if (condition === undefined || interval === undefined) return undefined;
  for (const c of conjunctsOf(condition.ast)) {
    const nodes = subtreeNodes(c);
    const read = new Set(condition.refs.filter((r) => r.depth === 0 && nodes.has(r.node)).map((r) => r.index));
    if (read.has(interval.leftTime) && read.has(interval.rightTime)) return c.span;
  }
  return undefined;
}

/** Reports `node` when it is an OVER aggregation, an interval join or MATCH_RECOGNIZE over an updating input. */
export function checkUpdateConsumer(node: PlanNode, sources: SourceModes, ctx: StreamContext): void {
  if (node.kind === 'Over') {
    const input = changelogOf(node.input, sources);
    if (!isUpdating(input)) return;
    for (const call of node.calls) {
      reportText(ctx, CHANGELOG_TEXTS.overAggregateUpdates({ producer: describeOrigin(input.origin) }), 'error', call.ast.span);
    }
  }
  if (node.kind === 'Join' && node.strategy === 'interval') {
    const updating = [node.left, node.right].map((n) => changelogOf(n, sources)).find(isUpdating);
    if (updating === undefined) return;
    reportText(ctx, CHANGELOG_TEXTS.intervalJoinUpdates({ producer: describeOrigin(updating.origin) }), 'error', boundSpan(node) ?? node.span);
  }
  // ORDER BY a time attribute without LIMIT is Flink's temporal sort (whether the key is one is order-checks.ts)
  if (node.kind === 'Sort' && node.limit === undefined && node.keys.length > 0) {
    const input = changelogOf(node.input, sources);
    if (!isUpdating(input)) return;
    reportText(ctx, CHANGELOG_TEXTS.temporalSortUpdates({ producer: describeOrigin(input.origin) }), 'error', node.keys[0]!.expr.ast.span);
  }
  if (node.kind === 'MatchRecognize') {
    const input = changelogOf(node.input, sources);
    if (!isUpdating(input)) return;
    reportText(ctx, CHANGELOG_TEXTS.matchRecognizeUpdates({ producer: describeOrigin(input.origin) }), 'error', node.span);
  }
}
