/**
 * Legacy group windows (`GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE)`, HOP, SESSION), still accepted by Flink 1.20, on
 * the plan's Aggregate: their first argument must be a time attribute of the input. (Their auxiliary functions
 * without a matching window are the binder's: plan/aggregate-rules.ts.)
 */
import type { FunctionCall } from '../../ast/expression.js';
import type { Aggregate } from '../../plan/aggregate.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { reportText } from '../changelog/stream-context.js';
import { TIME_TEXTS } from './codes.js';
import { notATimeAttribute, timedColumn } from './window-tvf.js';

export function checkGroupWindow(node: Aggregate, ctx: StreamContext): void {
  if (node.windowKey === undefined) return;
  const key = node.keys[node.windowKey]!;
  const call = key.ast as FunctionCall;
  const name = call.name[0]!.toUpperCase();
  const time = call.args[0];
  if (time === undefined) return;
  if (time.kind !== 'ColumnRef') {
    reportText(ctx, TIME_TEXTS.groupWindowNotTimeAttribute({ fn: name }), 'error', time.span ?? call.span);
    return;
  }
  const ref = key.refs.find((r) => r.node === time && r.depth === 0 && r.field === undefined);
  const column = ref === undefined ? undefined : timedColumn(node.input, ref.index);
  if (column === undefined) return;
  const problem = notATimeAttribute(column, `the group window ${name}(…)`);
  if (problem === undefined) return;
  reportText(ctx, problem.kind === 'lost' ? problem.text : TIME_TEXTS.groupWindowNotTimeAttribute({ fn: name, column: column.name }), 'error', time.span);
}
