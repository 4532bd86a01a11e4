/**
 * Event-time temporal joins against a view or sub-query (a versioned view, e.g. a deduplication keeping the last row
 * per key): Flink needs the right side to have a unique key, and that key in the join's equality condition. A table
 * without PRIMARY KEY is reported where the join is read (temporal-join.ts); here the keys are the plan's derived
 * unique keys, so views, CTEs and tables are checked alike.
 */
import type { Join as PlanJoin } from '../../plan/join.js';
import { uniqueKeys } from '../../plan/properties/keys.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { report } from '../changelog/stream-context.js';
import { TIME_CODES } from './codes.js';

export function checkVersionedSide(join: PlanJoin, ctx: StreamContext): void {
  if (join.strategy !== 'temporal') return;
  const right = join.right;
  const n = join.left.columns.length;
  const keys = uniqueKeys(right);
  if (keys.length === 0) {
    if (right.kind === 'Scan') return;
    report(ctx, TIME_CODES.versionedTableWithoutKey, 'error', 'an event-time temporal join needs a versioned table, but the view or sub-query it joins has no unique key (Flink: "Temporal Table Join requires primary key in versioned table")', 'join a table with a PRIMARY KEY, or a view that keeps the last row per key (ROW_NUMBER() OVER (PARTITION BY key ORDER BY time DESC) = 1)', join.span);
    return;
  }
  const joined = new Set(join.equiKeys.map(([, r]) => r - n));
  if (keys.some((k) => k.length > 0 && k.every((p) => joined.has(p)))) return;
  const shown = keys[0]!.map((p) => right.columns[p]!.name).join(', ');
  report(ctx, TIME_CODES.versionedTableWithoutKey, 'error', `the versioned table's key (${shown}) must be in the equality condition of the event-time temporal join`, `join on the versioned side's key (${shown}) with an equality, or key the versioned view by the column it is joined on`, join.span);
}
