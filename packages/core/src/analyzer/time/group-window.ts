/**
 * Legacy group windows (`GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE)`, HOP, SESSION), still accepted by Flink 1.20:
 * their first argument must be a time attribute of the input.
 */
import type { FunctionCall } from '../../ast/expression.js';
import type { Stream } from '../changelog/changelog-mode.js';
import { findColumn } from '../changelog/projection.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { report } from '../changelog/stream-context.js';
import { TIME_CODES } from './codes.js';
import { notATimeAttribute } from './window-tvf.js';

export function checkGroupWindow(call: FunctionCall, input: Stream, ctx: StreamContext): void {
  const name = call.name[0]!.toUpperCase();
  const time = call.args[0];
  if (time === undefined || input.columns === undefined) return;
  if (time.kind !== 'ColumnRef') {
    report(ctx, TIME_CODES.groupWindowNotTimeAttribute, 'error', `Window can only be defined on a time attribute column, but the first argument of ${name} is an expression`, 'pass the rowtime (WATERMARK) or PROCTIME() column itself', time.span ?? call.span);
    return;
  }
  const column = findColumn(input.columns, time.table, time.name);
  if (column === undefined) return;
  const problem = notATimeAttribute(column, `the group window ${name}(…)`);
  if (problem === undefined) return;
  const code = problem.code === TIME_CODES.timeAttributeLost ? problem.code : TIME_CODES.groupWindowNotTimeAttribute;
  report(ctx, code, 'error', code === TIME_CODES.timeAttributeLost ? problem.message : `Window can only be defined on a time attribute column, but '${column.name}' of ${name}(…) is not one`, problem.hint, time.span);
}
