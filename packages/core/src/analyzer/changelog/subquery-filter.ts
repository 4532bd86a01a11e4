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
  const visit = (x: unknown, negated: boolean): void => {
    if (x === null || typeof x !== 'object') return;
    if (Array.isArray(x)) {
      x.forEach((v) => visit(v, negated));
      return;
    }
    const node = x as Expression;
    if ((node.kind === 'In' && node.query !== undefined) || node.kind === 'Exists') {
      const sub = infer(node.query!, ctx);
      const anti = node.kind === 'In' ? node.negated !== negated : negated;
      const operator = `${node.kind === 'In' ? 'NOT IN' : 'NOT EXISTS'} sub-query (anti join)`;
      if (anti) found ??= { kind: 'retract', origin: { operator, ...(node.span === undefined ? {} : { span: node.span }), fix: ANTI_FIX } };
      else if (isUpdating(sub.mode)) found ??= sub.mode;
      return;
    }
    if (node.kind === 'ScalarSubquery') {
      infer(node.query, ctx);
      return;
    }
    if (node.kind === 'Unary' && node.op === 'NOT') {
      visit(node.operand, !negated);
      return;
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'span') visit(value, negated);
  };
  visit(where, false);
  return found;
}
