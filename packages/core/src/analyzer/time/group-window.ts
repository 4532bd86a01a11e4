/**
 * Legacy group windows (`GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE)`, HOP, SESSION), still accepted by Flink 1.20:
 * their first argument must be a time attribute of the input.
 */
import type { FunctionCall } from '../../ast/expression.js';
import type { Select } from '../../ast/query.js';
import { sameAst } from '../../ast/same-ast.js';
import { walkAst } from '../../ast/walk.js';
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

const AUXILIARY = /^(TUMBLE|HOP|SESSION)_(START|END|ROWTIME|PROCTIME)$/;
const SUBQUERY_KINDS: ReadonlySet<string> = new Set(['Select', 'SetOperation', 'With', 'Values', 'ScalarSubquery', 'Exists', 'SubqueryRelation']);

/**
 * `TUMBLE_START(ts, INTERVAL '1' MINUTE)` and the other auxiliary functions need the same group window, with the
 * same arguments, in the GROUP BY of their SELECT (Calcite: "must have matching call to group function").
 */
export function checkGroupWindowAuxiliaries(select: Select, ctx: StreamContext): void {
  const windows = (select.groupBy ?? []).filter((g): g is FunctionCall => g.kind === 'FunctionCall' && g.name.length === 1);
  const visit = (root: unknown): void => walkAst(root, (node) => {
    if (node.kind !== undefined && SUBQUERY_KINDS.has(node.kind)) return false;
    if (node.kind !== 'FunctionCall') return undefined;
    const call = node as FunctionCall;
    const m = call.name.length === 1 ? AUXILIARY.exec(call.name[0]!.toUpperCase()) : null;
    if (m === null) return undefined;
    const group = m[1]!;
    if (windows.some((w) => w.name[0]!.toUpperCase() === group && sameAst(w.args, call.args))) return false;
    report(ctx, TIME_CODES.groupWindowAuxiliaryWithoutWindow, 'error', `Call to auxiliary group function '${call.name[0]!.toUpperCase()}' must have matching call to group function '${group}' in GROUP BY clause`,
      `add GROUP BY ${group}(…) with the same arguments, or use a window TVF (${group}(TABLE t, DESCRIPTOR(ts), …)) and window_start / window_end`, call.span);
    return false;
  });
  for (const item of select.items) visit(item);
  if (select.having !== undefined) visit(select.having);
}
