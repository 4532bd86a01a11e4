/**
 * Ordering in streaming queries: an OVER window must be ordered by a time attribute, and a plain ORDER BY (without
 * LIMIT) must sort by an ascending time attribute first. (That OVER aggregations read insert-only inputs only is a
 * rule over the plan: changelog/update-consumers.ts.)
 */
import type { FunctionCall, OrderItem } from '../../ast/expression.js';
import type { Select } from '../../ast/query.js';
import { walkAst } from '../../ast/walk.js';
import type { Stream, StreamColumn } from '../changelog/changelog-mode.js';
import { findColumn } from '../changelog/projection.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { report } from '../changelog/stream-context.js';
import { TIME_CODES } from './codes.js';

function overCalls(select: Select): FunctionCall[] {
  const out: FunctionCall[] = [];
  walkAst(select.items, (node) => {
    if (node.kind === 'ScalarSubquery' || node.kind === 'Exists' || node.kind === 'Select') return false;
    if (node.kind === 'FunctionCall' && (node as FunctionCall).over !== undefined) {
      out.push(node as FunctionCall);
      return false;
    }
    return true;
  });
  return out;
}

function orderColumn(item: OrderItem | undefined, columns: readonly StreamColumn[]): StreamColumn | undefined {
  return item?.expr.kind === 'ColumnRef' ? findColumn(columns, item.expr.table, item.expr.name) : undefined;
}

/** OVER aggregations of a SELECT (other than the rank of a dedup/TopN pattern, which is checked as such). */
export function checkOverAggregates(select: Select, input: Stream, ctx: StreamContext): boolean {
  const calls = overCalls(select);
  for (const call of calls) {
    const spec = typeof call.over === 'object' ? call.over : select.windows?.find((w) => w.name === call.over)?.spec;
    if (spec === undefined) continue;
    const first = spec.orderBy[0];
    const column = input.columns === undefined ? undefined : orderColumn(first, input.columns);
    const unresolved = first?.expr.kind === 'ColumnRef' && column === undefined;
    if (input.columns !== undefined && !unresolved && (first === undefined || column?.time === undefined)) {
      const lost = column?.lost;
      report(ctx, TIME_CODES.overOrderNotTimeAttribute, 'error', `OVER windows' ordering in stream mode must be defined on a time attribute${first === undefined ? ', but this OVER has no ORDER BY' : lost !== undefined ? `, but '${column!.name}' lost its ${lost.kind} attribute by ${lost.reason}` : column === undefined ? '' : `, but '${column.name}' is not one`}`, `ORDER BY a rowtime (WATERMARK) or PROCTIME() column${call.name[0] === 'ROW_NUMBER' ? '; for deduplication or TopN filter the row number in an outer query (WHERE rn = 1)' : ''}`, first?.span ?? call.span);
    }
  }
  return calls.length > 0;
}

/** ORDER BY without LIMIT must start with an ascending time attribute. */
export function checkSort(select: Select, input: Stream, outputColumns: readonly StreamColumn[] | undefined, ctx: StreamContext): void {
  const first = select.orderBy?.[0];
  if (first === undefined || select.limit !== undefined || input.columns === undefined) return;
  const column = orderColumn(first, input.columns) ?? (outputColumns === undefined ? undefined : orderColumn(first, outputColumns));
  // A name that does not resolve is reported by name resolution.
  if (first.expr.kind === 'ColumnRef' && column === undefined) return;
  if (column?.time !== undefined && first.direction !== 'DESC') return;
  const why = column?.time !== undefined ? `'${column.name}' is sorted DESC` : column?.lost !== undefined ? `'${column.name}' lost its ${column.lost.kind} attribute by ${column.lost.reason}` : 'it is not a time attribute';
  report(ctx, TIME_CODES.sortNotTimeAttribute, 'error', `Sort on a non-time-attribute field is not supported in streaming mode: ORDER BY must start with an ascending time attribute (${why})`, 'order by the rowtime or PROCTIME() column ascending, or add LIMIT for a TopN', first.span ?? first.expr.span);
}
