/**
 * Temporal and lookup joins on the plan (`JOIN t FOR SYSTEM_TIME AS OF l.time_attr`): only INNER and LEFT joins are
 * temporal joins; the period must be a time attribute of the left input. On a processing-time attribute it is a
 * lookup join (the right table's connector must support lookups); on a rowtime it is an event-time temporal join
 * against a versioned table (PRIMARY KEY and WATERMARK; a view's unique key is checked in versioned-view.ts).
 */
import { copiedColumn } from '../../plan/expression.js';
import type { Join } from '../../plan/join.js';
import { resolveCapabilities, scannedTable } from '../changelog/source-mode.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { reportText } from '../changelog/stream-context.js';
import { TIME_TEXTS } from './codes.js';
import { notATimeAttribute, timedColumn } from './window-tvf.js';

export function checkTemporalJoin(join: Join, ctx: StreamContext): void {
  const period = join.period;
  if (period === undefined) return;
  if (join.type !== 'INNER' && join.type !== 'LEFT') {
    reportText(ctx, TIME_TEXTS.temporalJoinType({ type: join.type }), 'error', join.span);
  }
  const right = join.right;
  const asOf = period.ast;
  let kind: 'rowtime' | 'proctime' | undefined;
  if (asOf.kind !== 'ColumnRef') {
    reportText(ctx, TIME_TEXTS.temporalJoinNotTimeAttribute({}), 'error', asOf.span);
  } else {
    const copied = copiedColumn(period);
    const c = copied === undefined ? undefined : timedColumn(join.left, copied);
    if (c !== undefined) {
      const problem = notATimeAttribute(c, `FOR SYSTEM_TIME AS OF of the join with '${join.rightName ?? ''}'`);
      if (problem === undefined) kind = c.time;
      else reportText(ctx, problem.kind === 'lost' ? problem.text : TIME_TEXTS.temporalJoinNotTimeAttribute({ column: c.name, right: join.rightName ?? '' }), 'error', asOf.span);
    }
  }
  // A view or sub-query on the right is checked by its unique key (versioned-view.ts).
  if (kind === undefined || right.kind !== 'Scan') return;
  const statement = right.table.statement;
  const name = right.table.path[2];
  if (kind === 'proctime') {
    const caps = resolveCapabilities(scannedTable(right), ctx);
    if (caps.known && !caps.capabilities.lookup) {
      reportText(ctx, TIME_TEXTS.lookupNotSupported({ connector: caps.connector, table: name }), 'error', right.span);
    }
    return;
  }
  if (statement.primaryKey === undefined) {
    reportText(ctx, TIME_TEXTS.versionedTableWithoutKey({ kind: 'table', table: name }), 'error', right.span);
  }
  if (statement.watermark === undefined) {
    reportText(ctx, TIME_TEXTS.versionedTableWithoutWatermark({ table: name }), 'error', right.span);
  }
}
