/**
 * Event-time temporal joins against a view or sub-query (a versioned view, e.g. a deduplication keeping the last row
 * per key): Flink needs the right side to have a unique key, and that key in the join's equality condition. A table
 * without PRIMARY KEY is reported where the join is read (temporal-join.ts); here the keys are the plan's derived
 * unique keys, so views, CTEs and tables are checked alike.
 */
import type { Join as PlanJoin } from '../../plan/join.js';
import { uniqueKeys } from '../../plan/properties/keys.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { reportText } from '../changelog/stream-context.js';
import { TIME_TEXTS } from './codes.js';

export function checkVersionedSide(join: PlanJoin, ctx: StreamContext): void {
  if (join.strategy !== 'temporal') return;
  const right = join.right;
  const n = join.left.columns.length;
  const keys = uniqueKeys(right);
  if (keys.length === 0) {
    if (right.kind === 'Scan') return;
    reportText(ctx, TIME_TEXTS.versionedTableWithoutKey({ kind: 'view' }), 'error', join.span);
    return;
  }
  const joined = new Set(join.equiKeys.map(([, r]) => r - n));
  if (keys.some((k) => k.length > 0 && k.every((p) => joined.has(p)))) return;
  const shown = keys[0]!.map((p) => right.columns[p]!.name).join(', ');
  reportText(ctx, TIME_TEXTS.versionedTableWithoutKey({ kind: 'notJoined', key: shown }), 'error', join.span);
}
