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
import { reportText } from '../changelog/stream-context.js';
import { TIME_TEXTS } from './codes.js';
import type { TimedColumn } from './window-tvf.js';
import { timedColumn } from './window-tvf.js';

export function checkOverOrder(node: Over, ctx: StreamContext): void {
  for (const call of node.calls) {
    const first = call.orderBy[0];
    const copied = first === undefined ? undefined : copiedColumn(first.expr);
    const column: TimedColumn | undefined = copied === undefined ? undefined : timedColumn(node.input, copied);
    if (column?.time !== undefined) continue;
    const lost = column?.lost;
    const rowNumber = call.ast.name[0] === 'ROW_NUMBER';
    const text = first === undefined ? TIME_TEXTS.overOrderNotTimeAttribute({ kind: 'noOrderBy', rowNumber })
      : lost !== undefined ? TIME_TEXTS.overOrderNotTimeAttribute({ kind: 'lost', column: column!.name, time: lost.kind, reason: lost.reason, rowNumber })
        : TIME_TEXTS.overOrderNotTimeAttribute({ kind: 'notTime', ...(column === undefined ? {} : { column: column.name.startsWith('$') ? printExpression(first.expr.ast) : column.name }), rowNumber });
    reportText(ctx, text, 'error', first?.expr.ast.span ?? call.ast.span);
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
