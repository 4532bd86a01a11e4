/**
 * The analyzer's rules over the bound plan, each node checked once per script (a view's plan is shared by every
 * statement reading it), inputs before the nodes that read them (so diagnostics come in the order the query is
 * written, FROM first):
 * - sources: a sink-only connector read, a connector whose changelog mode is unknown (changelog/source-mode.ts);
 * - operators that cannot consume updates (changelog/update-consumers.ts);
 * - time attributes: window TVF descriptors (time/window-tvf.ts), temporal and lookup joins (time/temporal-join.ts,
 *   time/versioned-view.ts), interval-join bounds (time/interval-bounds.ts), OVER and ORDER BY ordering
 *   (time/order-checks.ts), legacy group windows (time/group-window.ts).
 */
import type { PlanNode } from '../plan/node.js';
import { inputsOf } from '../plan/node.js';
import type { SourceModes } from '../plan/properties/changelog.js';
import { checkSource } from './changelog/source-mode.js';
import { checkUpdateConsumer } from './changelog/update-consumers.js';
import type { StreamContext } from './changelog/stream-context.js';
import { checkGroupWindow } from './time/group-window.js';
import { checkIntervalBounds } from './time/interval-bounds.js';
import { checkOverOrder, checkSort } from './time/order-checks.js';
import { checkOverWindow } from './time/over-window.js';
import { checkProctimeWindowConsumer } from './time/proctime-window-consumers.js';
import { checkTemporalJoin } from './time/temporal-join.js';
import { checkVersionedSide } from './time/versioned-view.js';
import { checkWindowTvf } from './time/window-tvf.js';

function checkNode(node: PlanNode, sources: SourceModes, ctx: StreamContext): void {
  switch (node.kind) {
    case 'Scan': checkSource(node, ctx); break;
    case 'WindowTableFunction': checkWindowTvf(node, ctx); break;
    case 'Join':
      checkTemporalJoin(node, ctx);
      checkVersionedSide(node, ctx);
      break;
    case 'Over':
      checkOverOrder(node, ctx);
      checkOverWindow(node, ctx);
      break;
    case 'Sort': checkSort(node, ctx); break;
    case 'Aggregate': checkGroupWindow(node, ctx); break;
    default: break;
  }
  checkIntervalBounds(node, ctx);
  checkUpdateConsumer(node, sources, ctx);
  checkProctimeWindowConsumer(node, ctx);
}

/** The plans a node reads besides its inputs: the sub-queries of its expressions. */
function subqueryPlans(node: PlanNode): readonly PlanNode[] {
  switch (node.kind) {
    case 'Filter': return node.condition.subqueries.length === 0 ? NO_PLANS : node.condition.subqueries.map((s) => s.plan);
    case 'Project': {
      // A loop rather than flatMap (slow in V8): this runs for every Project of every statement, most without any.
      let plans: PlanNode[] | undefined;
      for (const e of node.exprs) for (const s of e.subqueries) (plans ??= []).push(s.plan);
      return plans ?? NO_PLANS;
    }
    default: return NO_PLANS;
  }
}

const NO_PLANS: readonly PlanNode[] = Object.freeze([]);

export function checkPlanRules(root: PlanNode, sources: SourceModes, checked: Set<PlanNode>, ctx: StreamContext): void {
  // Post-order with an explicit stack (plans of 10,000-branch UNIONs must not exhaust the call stack).
  const stack: { node: PlanNode; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.expanded) {
      checkNode(top.node, sources, ctx);
      continue;
    }
    if (checked.has(top.node)) continue;
    checked.add(top.node);
    stack.push({ node: top.node, expanded: true });
    const subqueries = subqueryPlans(top.node);
    for (let i = subqueries.length - 1; i >= 0; i--) stack.push({ node: subqueries[i]!, expanded: false });
    const inputs = inputsOf(top.node);
    for (let i = inputs.length - 1; i >= 0; i--) stack.push({ node: inputs[i]!, expanded: false });
  }
}
