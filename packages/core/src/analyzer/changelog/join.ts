/**
 * Joins. Temporal/lookup joins keep the left input's mode (see `time/temporal-join.ts`); interval joins emit
 * inserts from insert-only inputs and refuse updating ones; regular joins emit updates when an input updates, and
 * outer joins emit retractions even from insert-only inputs. A regular join's result has no time attributes.
 */
import type { Expression } from '../../ast/expression.js';
import type { Join, Relation } from '../../ast/query.js';
import { checkIntervalJoin, conjuncts, timeBounds } from '../time/interval-join.js';
import { temporalJoinStream } from '../time/temporal-join.js';
import type { ChangelogMode, Stream, StreamColumn } from './changelog-mode.js';
import { at, describeOrigin, firstUpdating, INSERT_ONLY } from './changelog-mode.js';
import { CHANGELOG_CODES } from './codes.js';
import type { StreamContext } from './stream-context.js';
import { report } from './stream-context.js';

export type RelationInference = (r: Relation, ctx: StreamContext, where?: Expression) => Stream;

function regularJoinMode(join: Join, left: Stream, right: Stream): ChangelogMode {
  const updating = firstUpdating([left.mode, right.mode]);
  if (updating !== undefined) return { kind: 'retract', ...(updating.origin === undefined ? {} : { origin: updating.origin }) };
  if (join.type === 'LEFT' || join.type === 'RIGHT' || join.type === 'FULL') {
    const span = join.right.span ?? join.span;
    return {
      kind: 'retract',
      origin: {
        operator: `${join.type} JOIN`,
        ...(span === undefined ? {} : { span }),
        fix: 'use an interval join (bound both time attributes in ON) or a lookup/temporal join (FOR SYSTEM_TIME AS OF), whose results are final',
      },
    };
  }
  return INSERT_ONLY;
}

export function joinStream(join: Join, ctx: StreamContext, infer: RelationInference, where?: Expression): Stream {
  const left = infer(join.left, ctx);
  const right = join.right;
  if (right.kind === 'TableRef' && right.forSystemTimeAsOf !== undefined) return temporalJoinStream(join, left, right, ctx);
  const rightStream = infer(right, ctx);
  const both = left.columns !== undefined && rightStream.columns !== undefined ? [...left.columns, ...rightStream.columns] : undefined;
  // CROSS JOIN UNNEST / LATERAL TABLE: the left input's rows, extended.
  if (right.kind === 'Unnest' || (right.kind === 'TableFunction' && right.lateral) || (right.kind === 'SubqueryRelation' && right.lateral === true)) {
    return { mode: left.mode, ...(both === undefined ? {} : { columns: both }) };
  }
  if (left.columns !== undefined && rightStream.columns !== undefined) {
    const condition = [...conjuncts(join.on), ...(join.type === 'INNER' || join.type === 'CROSS' ? conjuncts(where) : [])];
    const bounds = timeBounds(condition, left.columns, rightStream.columns);
    if (bounds.length > 0 && checkIntervalJoin(bounds, ctx)) {
      const updating = firstUpdating([left.mode, rightStream.mode]);
      if (updating !== undefined) {
        report(ctx, CHANGELOG_CODES.intervalJoinUpdates, 'error', `an interval join doesn't support consuming update and delete changes, which ${describeOrigin(updating.origin)} produces`, 'interval-join insert-only streams; for an updating input use a regular join or a temporal join', bounds[0]!.span ?? join.span);
      }
      return { mode: INSERT_ONLY, columns: both! };
    }
  }
  const reason = `the regular ${join.type === 'CROSS' && join.comma === true ? 'comma' : join.type} JOIN${at(join.right.span ?? join.span)}`;
  const columns = both?.map((c): StreamColumn => (c.time === undefined ? c : { relation: c.relation, name: c.name, lost: { kind: c.time, reason } }));
  return { mode: regularJoinMode(join, left, rightStream), ...(columns === undefined ? {} : { columns }) };
}
