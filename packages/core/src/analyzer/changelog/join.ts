/**
 * Joins and time attributes: temporal / lookup joins keep the left input's (see `time/temporal-join.ts`); interval
 * joins keep both sides' (their bounds are checked in `time/interval-join.ts`); a regular join's result has none.
 * What a join emits is the plan's changelog property (plan/properties/changelog.ts).
 */
import type { Expression } from '../../ast/expression.js';
import type { Join, Relation } from '../../ast/query.js';
import { checkIntervalJoin, conjuncts, timeBounds } from '../time/interval-join.js';
import { temporalJoinStream } from '../time/temporal-join.js';
import type { Stream, StreamColumn } from './changelog-mode.js';
import { at } from './changelog-mode.js';
import type { StreamContext } from './stream-context.js';

export type RelationInference = (r: Relation, ctx: StreamContext, where?: Expression) => Stream;

export function joinStream(join: Join, ctx: StreamContext, infer: RelationInference, where?: Expression): Stream {
  const left = infer(join.left, ctx);
  const right = join.right;
  if (right.kind === 'TableRef' && right.forSystemTimeAsOf !== undefined) return temporalJoinStream(join, left, right, ctx);
  const rightStream = infer(right, ctx);
  const both = left.columns !== undefined && rightStream.columns !== undefined ? [...left.columns, ...rightStream.columns] : undefined;
  // CROSS JOIN UNNEST / LATERAL TABLE: the left input's rows, extended.
  if (right.kind === 'Unnest' || (right.kind === 'TableFunction' && right.lateral) || (right.kind === 'SubqueryRelation' && right.lateral === true)) {
    return both === undefined ? {} : { columns: both };
  }
  if (left.columns !== undefined && rightStream.columns !== undefined) {
    const condition = [...conjuncts(join.on), ...(join.type === 'INNER' || join.type === 'CROSS' ? conjuncts(where) : [])];
    const bounds = timeBounds(condition, left.columns, rightStream.columns);
    if (bounds.length > 0 && checkIntervalJoin(bounds, ctx)) return { columns: both! };
  }
  const reason = `the regular ${join.type === 'CROSS' && join.comma === true ? 'comma' : join.type} JOIN${at(join.right.span ?? join.span)}`;
  const columns = both?.map((c): StreamColumn => (c.time === undefined ? c : { relation: c.relation, name: c.name, lost: { kind: c.time, reason } }));
  return columns === undefined ? {} : { columns };
}
