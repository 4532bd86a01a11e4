/**
 * The analyzer's rules over the bound plan, each node checked once per script (a view's plan is shared by every
 * statement reading it): operators that cannot consume updates (changelog/update-consumers.ts), the versioned side
 * of event-time temporal joins (time/versioned-view.ts), and interval-join bounds mixing rowtime and proctime
 * (time/interval-bounds.ts).
 */
import type { PlanNode } from '../plan/node.js';
import { inputsOf } from '../plan/node.js';
import type { SourceModes } from '../plan/properties/changelog.js';
import { checkUpdateConsumer } from './changelog/update-consumers.js';
import type { StreamContext } from './changelog/stream-context.js';
import { checkIntervalBounds } from './time/interval-bounds.js';
import { checkVersionedSide } from './time/versioned-view.js';

export function checkPlanRules(root: PlanNode, sources: SourceModes, checked: Set<PlanNode>, ctx: StreamContext): void {
  const stack: PlanNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (checked.has(node)) continue;
    checked.add(node);
    stack.push(...inputsOf(node));
    if (node.kind === 'Filter') for (const s of node.condition.subqueries) stack.push(s.plan);
    if (node.kind === 'Project') for (const e of node.exprs) for (const s of e.subqueries) stack.push(s.plan);
    checkUpdateConsumer(node, sources, ctx);
    if (node.kind === 'Join') checkVersionedSide(node, ctx);
    checkIntervalBounds(node, ctx);
  }
}
