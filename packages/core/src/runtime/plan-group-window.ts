/**
 * Legacy group windows (`GROUP BY TUMBLE(ts, size)`, `HOP(ts, slide, size)` with `TUMBLE_START` / `_END` /
 * `_ROWTIME` and the HOP_ forms) become the window aggregation of the window
 * TVFs: the group window is replaced by window_start and window_end keys of the same window over the same rowtime,
 * the auxiliary functions by window_start / window_end / window_time. Both fire one insert per window and key when
 * the watermark passes the window's end, and drop rows for windows that have fired. Legacy SESSION windows merge
 * a late row into an open session it overlaps, as Flink does. Processing-time TUMBLE / HOP group windows are
 * the processing-time window aggregation (plan-proctime-window.ts), *_PROCTIME its window_time; processing-time
 * SESSION windows too (operators/proctime-session.ts).
 */
import type { Expression, FunctionCall } from '../ast/expression.js';
import type { GroupingElement, Select } from '../ast/query.js';
import type { Compiled } from './compiled.js';
import { invalid, unsupported } from './errors.js';
import type { WindowSpec } from './operators/window-aggregate.js';
import type { Planner, Rel } from './plan.js';
import { proctimeWindowedRel } from './plan-proctime-window.js';

const GROUP_WINDOWS = new Set(['TUMBLE', 'HOP', 'SESSION']);
const AUXILIARY: Readonly<Record<string, string>> = { START: 'window_start', END: 'window_end', ROWTIME: 'window_time', PROCTIME: 'window_time' };

const fnName = (e: Expression): string | undefined => (e.kind === 'FunctionCall' && e.name.length === 1 && !e.over ? (e.name[0] as string).toUpperCase() : undefined);

/** Replaces TUMBLE_START(…) etc. by window columns, deeply (not inside nested queries). */
function rewrite<T>(node: T, kind: string, proctime: boolean): T {
  if (!node || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((x) => rewrite(x, kind, proctime)) as T;
  const e = node as unknown as Expression;
  const name = 'kind' in (e as object) ? fnName(e) : undefined;
  if (name) {
    const m = /^(TUMBLE|HOP|SESSION)_(START|END|ROWTIME|PROCTIME)$/.exec(name);
    if (m) {
      if (m[1] !== kind) throw invalid(`${name} does not match the ${kind} group window`, e.span);
      if ((m[2] === 'PROCTIME' && !proctime) || (m[2] === 'ROWTIME' && proctime)) throw unsupported(`${name} on ${proctime ? 'a processing-time' : 'an event-time'} group window`, e.span);
      return { kind: 'ColumnRef', name: AUXILIARY[m[2] as string] as string, ...(e.span ? { span: e.span } : {}) } as unknown as T;
    }
  }
  if ((e as { kind?: string }).kind === 'Select') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as object)) out[k] = rewrite(v, kind, proctime);
  return out as T;
}

export function planGroupWindow(planner: Planner, s: Select, rel: Rel): { select: Select; rel: Rel } | undefined {
  const groups = s.groupBy ?? [];
  const idx = groups.findIndex((g) => 'kind' in g && GROUP_WINDOWS.has(fnName(g as Expression) ?? ''));
  if (idx < 0) return undefined;
  if (groups.some((g, i) => i !== idx && 'kind' in g && GROUP_WINDOWS.has(fnName(g as Expression) ?? ''))) throw invalid('Multiple group windows are not supported', s.span);
  const call = groups[idx] as FunctionCall;
  const kind = (call.name[0] as string).toUpperCase();
  const c = planner.compiler(rel);
  const time = call.args[0];
  const timeIdx = time?.kind === 'ColumnRef' ? rel.columns.findIndex((col) => col.name.toLowerCase() === time.name.toLowerCase() && (!time.table || col.table === time.table)) : -1;
  if (timeIdx < 0 || !(rel.rowtime.has(timeIdx) || rel.proctime.has(timeIdx))) throw invalid(`The first argument of ${kind} must be a time attribute`, time?.span ?? call.span);
  const proctime = rel.proctime.has(timeIdx);
  if (rel.mode !== 'insert-only') throw unsupported('group windows over an updating input', call.span);
  const ms = (i: number, what: string): number => {
    const a = call.args[i];
    const v: Compiled | undefined = a ? c.compile(a) : undefined;
    if (!v || v.type.kind !== 'INTERVAL_DAY_TIME' || !v.constant) throw invalid(`The ${what} of ${kind} must be an INTERVAL literal (DAY TO SECOND family)`, a?.span ?? call.span);
    return v.constant.value as number;
  };
  let spec: WindowSpec;
  if (kind === 'TUMBLE') spec = { kind: 'TUMBLE', size: ms(1, 'size'), offset: call.args[2] ? ms(2, 'offset') : 0 };
  else if (kind === 'HOP') spec = { kind: 'HOP', slide: ms(1, 'slide'), size: ms(2, 'size'), offset: call.args[3] ? ms(3, 'offset') : 0 };
  // a late row's session merges into the open sessions it overlaps before its lateness check (window-aggregate.ts)
  else spec = { kind: 'SESSION', gap: ms(1, 'gap'), legacy: true };
  const windowed = proctime ? proctimeWindowedRel(planner.session, rel, spec, timeIdx, undefined, call.span) : planner.windowedRel(rel, spec, timeIdx, undefined, call.span);
  const keys: GroupingElement[] = [
    ...groups.slice(0, idx),
    { kind: 'ColumnRef', name: 'window_start' },
    { kind: 'ColumnRef', name: 'window_end' },
    ...groups.slice(idx + 1),
  ];
  const select: Select = { ...s, groupBy: keys, items: rewrite(s.items, kind, proctime), ...(s.having ? { having: rewrite(s.having, kind, proctime) } : {}) };
  return { select, rel: windowed };
}
