/**
 * Temporal and lookup joins: `JOIN t FOR SYSTEM_TIME AS OF l.time_attr`. On a processing-time attribute it is a
 * lookup join (the right table's connector must support lookups); on a rowtime it is an event-time temporal join
 * against a versioned table (PRIMARY KEY and WATERMARK). Only INNER and LEFT joins are temporal joins. The result
 * keeps the left input's time attributes (and changelog mode: plan/properties/changelog.ts).
 */
import type { Join, TableRef } from '../../ast/query.js';
import type { Stream, StreamColumn } from '../changelog/changelog-mode.js';
import { findColumn } from '../changelog/projection.js';
import { resolveCapabilities, tableRefStream } from '../changelog/source-mode.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { report } from '../changelog/stream-context.js';
import { TIME_CODES } from './codes.js';
import { notATimeAttribute } from './window-tvf.js';

export function temporalJoinStream(join: Join, left: Stream, right: TableRef, ctx: StreamContext): Stream {
  const asOf = right.forSystemTimeAsOf!;
  const rightName = right.alias ?? right.path[right.path.length - 1]!;
  if (join.type !== 'INNER' && join.type !== 'LEFT') {
    report(ctx, TIME_CODES.temporalJoinType, 'error', `a temporal join (FOR SYSTEM_TIME AS OF) must be an INNER or LEFT join, not ${join.type}`, 'write JOIN or LEFT JOIN', join.right.span ?? join.span);
  }
  let kind: StreamColumn['time'];
  if (asOf.kind !== 'ColumnRef') {
    report(ctx, TIME_CODES.temporalJoinNotTimeAttribute, 'error', 'FOR SYSTEM_TIME AS OF must name a time attribute column of the left input, not an expression', 'use the left table\'s rowtime (event-time temporal join) or PROCTIME() column (lookup join)', asOf.span);
  } else if (left.columns !== undefined) {
    const c = findColumn(left.columns, asOf.table, asOf.name);
    if (c !== undefined) {
      const problem = notATimeAttribute(c, `FOR SYSTEM_TIME AS OF of the join with '${rightName}'`);
      if (problem === undefined) kind = c.time;
      else report(ctx, problem.code === TIME_CODES.descriptorNotTimeAttribute ? TIME_CODES.temporalJoinNotTimeAttribute : problem.code, 'error', problem.message, problem.code === TIME_CODES.descriptorNotTimeAttribute ? `declare '${c.name}' AS PROCTIME() for a lookup join, or a WATERMARK on it for an event-time temporal join` : problem.hint, asOf.span);
    }
  }
  const table = ctx.catalog.lookup(right.path);
  const isView = ref(ctx, right);
  if (kind !== undefined && table?.statement !== undefined && !isView) {
    const statement = table.statement;
    if (kind === 'proctime') {
      const caps = resolveCapabilities(table, ctx);
      if (caps.known && !caps.capabilities.lookup) {
        report(ctx, TIME_CODES.lookupNotSupported, 'error', `a lookup join (FOR SYSTEM_TIME AS OF a processing-time attribute) needs a table that can be looked up, but connector '${caps.connector}' of '${table.path[2]}' does not support lookups (processing-time temporal joins against other tables are not supported)`, "join a lookup-capable table (jdbc, hbase, paimon, hive, …), or use an event-time temporal join on a versioned table", right.span);
      }
    } else {
      if (statement.primaryKey === undefined) {
        report(ctx, TIME_CODES.versionedTableWithoutKey, 'error', `an event-time temporal join needs a versioned table, but '${table.path[2]}' has no PRIMARY KEY`, `declare PRIMARY KEY (…) NOT ENFORCED on '${table.path[2]}' (the key the versions are tracked by)`, right.span);
      }
      if (statement.watermark === undefined) {
        report(ctx, TIME_CODES.versionedTableWithoutWatermark, 'error', `an event-time temporal join needs a versioned table, but '${table.path[2]}' has no WATERMARK (no rowtime attribute)`, `declare WATERMARK FOR <time column> AS … on '${table.path[2]}'`, right.span);
      }
    }
  }
  const { forSystemTimeAsOf: _asOf, ...plain } = right;
  const rightStream = tableRefStream(plain, ctx);
  const rightColumns = rightStream?.columns?.map((c) => ({ relation: c.relation, name: c.name }));
  return left.columns === undefined || rightColumns === undefined ? {} : { columns: [...left.columns, ...rightColumns] };
}

/** Whether the right side names a view or CTE (versioned views are not checked here). */
function ref(ctx: StreamContext, right: TableRef): boolean {
  const last = right.path[right.path.length - 1]!;
  return (right.path.length === 1 && ctx.ctes.has(last)) || ctx.views.has(ctx.catalog.qualify(right.path).join('.'));
}
