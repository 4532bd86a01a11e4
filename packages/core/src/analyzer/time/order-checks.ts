/**
 * Ordering in streaming queries, on the plan: an OVER window must be ordered by a time attribute, and a plain ORDER BY
 * (without LIMIT) must sort by an ascending time attribute first. (That OVER aggregations read insert-only inputs
 * only is changelog/update-consumers.ts.)
 */
import { copiedColumn } from '../../plan/expression.js';
import { printExpression } from '../../sql/printer/expression.js';
import type { Over } from '../../plan/over.js';
import type { Sort } from '../../plan/sort.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { report, reportText } from '../changelog/stream-context.js';
import { TIME_CODES, TIME_TEXTS } from './codes.js';
import type { TimedColumn } from './window-tvf.js';
import { timedColumn } from './window-tvf.js';

export function checkOverOrder(node: Over, ctx: StreamContext): void {
  for (const call of node.calls) {
    const first = call.orderBy[0];
    const copied = first === undefined ? undefined : copiedColumn(first.expr);
    const column: TimedColumn | undefined = copied === undefined ? undefined : timedColumn(node.input, copied);
    if (column?.time !== undefined) continue;
    const lost = column?.lost;
    report(ctx, TIME_CODES.overOrderNotTimeAttribute, 'error', `OVER windows' ordering in stream mode must be defined on a time attribute${first === undefined ? ', but this OVER has no ORDER BY' : lost !== undefined ? `, but '${column!.name}' lost its ${lost.kind} attribute by ${lost.reason}` : column === undefined ? '' : `, but '${column.name.startsWith('$') ? printExpression(first!.expr.ast) : column.name}' is not one`}`, `ORDER BY a rowtime (WATERMARK) or PROCTIME() column${call.ast.name[0] === 'ROW_NUMBER' ? '; for deduplication or TopN filter the row number in an outer query (WHERE rn = 1)' : ''}`, first?.expr.ast.span ?? call.ast.span);
  }
}

/** ORDER BY without LIMIT must start with an ascending time attribute. */
export function checkSort(node: Sort, ctx: StreamContext): void {
  const first = node.keys[0];
  if (first === undefined || node.limit !== undefined) return;
  const copied = copiedColumn(first.expr);
  const column = copied === undefined ? undefined : timedColumn(node.input, copied);
  if (column?.time !== undefined && first.direction !== 'DESC') return;
  const why = column?.time !== undefined ? `'${column.name}' is sorted DESC` : column?.lost !== undefined ? `'${column.name}' lost its ${column.lost.kind} attribute by ${column.lost.reason}` : 'it is not a time attribute';
  reportText(ctx, TIME_TEXTS.sortNotTimeAttribute({ why }), 'error', first.expr.ast.span);
}
