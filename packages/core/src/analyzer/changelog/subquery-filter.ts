/**
 * Sub-queries in WHERE: `NOT IN (SELECT …)` / `NOT EXISTS (…)` are anti joins, which retract a row when a match
 * arrives later; `IN` / `EXISTS` are semi joins, which forward the sub-query's updates.
 */
import type { Expression } from '../../ast/expression.js';
import type { Query } from '../../ast/query.js';
import type { ChangelogMode, Stream } from './changelog-mode.js';
import { isUpdating } from './changelog-mode.js';
import type { StreamContext } from './stream-context.js';

const ANTI_FIX = 'anti joins retract a row when a match arrives later; write only into a sink that accepts updates';

/** The mode the sub-query filters of `where` impose, or undefined when they add no updates. */
export function subqueryFilterMode(where: Expression | undefined, ctx: StreamContext, infer: (q: Query, ctx: StreamContext) => Stream): ChangelogMode | undefined {
  let found: ChangelogMode | undefined;
  // Its own stack, not recursion: a WHERE of 10,000 AND-ed terms is as deep as it is long.
  const stack: { x: unknown; negated: boolean }[] = [{ x: where, negated: false }];
  const pending: { x: unknown; negated: boolean }[] = [];
  while (stack.length > 0) {
    const { x, negated } = stack.pop()!;
    if (x === null || typeof x !== 'object') continue;
    if (Array.isArray(x)) {
      for (let i = x.length - 1; i >= 0; i--) stack.push({ x: x[i], negated });
      continue;
    }
    const node = x as Expression;
    if ((node.kind === 'In' && node.query !== undefined) || node.kind === 'Exists') {
      const sub = infer(node.query!, ctx);
      const anti = node.kind === 'In' ? node.negated !== negated : negated;
      const operator = `${node.kind === 'In' ? 'NOT IN' : 'NOT EXISTS'} sub-query (anti join)`;
      if (anti) found ??= { kind: 'retract', origin: { operator, ...(node.span === undefined ? {} : { span: node.span }), fix: ANTI_FIX } };
      else if (isUpdating(sub.mode)) found ??= sub.mode;
      continue;
    }
    if (node.kind === 'ScalarSubquery') {
      infer(node.query, ctx);
      continue;
    }
    if (node.kind === 'Unary' && node.op === 'NOT') {
      stack.push({ x: node.operand, negated: !negated });
      continue;
    }
    for (const key in node) if (key !== 'span') pending.push({ x: (node as unknown as Record<string, unknown>)[key], negated });
    for (let i = pending.length - 1; i >= 0; i--) stack.push(pending[i]!);
    pending.length = 0;
  }
  return found;
}
