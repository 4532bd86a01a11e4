/**
 * Window properties: which columns are a window TVF's `window_start` / `window_end` (under any name), so that an
 * aggregation or a ranking partitioned by both is a window aggregation / window TopN. They survive projections
 * (copied unchanged), filters, sorts, OVER, ranks, table functions and window joins; an aggregation keeps those it
 * groups by when it is itself a window aggregation; anything else (a regular join, a set operation) drops them.
 */
import { copiedColumn } from '../expression.js';
import type { PlanNode } from '../node.js';
import { memoized } from './memo.js';

export type WindowBound = 'start' | 'end';

const NONE: ReadonlyMap<number, WindowBound> = new Map();

/** Whether `positions` (of `node`'s input row) include both a window_start and a window_end. */
export function coversWindow(positions: readonly (number | undefined)[], bounds: ReadonlyMap<number, WindowBound>): boolean {
  const found = new Set(positions.flatMap((p) => (p === undefined ? [] : [bounds.get(p)])));
  return found.has('start') && found.has('end');
}

/** The window_start / window_end columns of a node's output, by position. */
export const windowColumns: (node: PlanNode) => ReadonlyMap<number, WindowBound> = memoized((node) => {
  switch (node.kind) {
    case 'WindowTableFunction': {
      const n = node.input.columns.length;
      return new Map<number, WindowBound>([[n, 'start'], [n + 1, 'end']]);
    }
    case 'Project': {
      const input = windowColumns(node.input);
      const out = new Map<number, WindowBound>();
      node.exprs.forEach((e, i) => {
        const c = copiedColumn(e);
        const b = c === undefined ? undefined : input.get(c);
        if (b !== undefined) out.set(i, b);
      });
      return out;
    }
    case 'Filter': case 'Sort': case 'Over': case 'Rank': case 'Deduplicate': case 'Correlate':
      return windowColumns(node.input);
    case 'Aggregate': {
      if (node.groupingSets.length !== 1) return NONE;
      const input = windowColumns(node.input);
      const keys = node.keys.map(copiedColumn);
      if (!coversWindow(keys, input)) return NONE;
      const out = new Map<number, WindowBound>();
      keys.forEach((k, i) => {
        const b = k === undefined ? undefined : input.get(k);
        if (b !== undefined) out.set(i, b);
      });
      return out;
    }
    case 'Join': {
      if (node.strategy !== 'window') return NONE;
      const n = node.left.columns.length;
      return new Map([...windowColumns(node.left), ...[...windowColumns(node.right)].map(([p, b]) => [p + n, b] as const)]);
    }
    default:
      return NONE;
  }
});

/** Whether an Aggregate is a window aggregation (grouped by window_start and window_end, or a legacy group window). */
export function isWindowAggregate(node: Extract<PlanNode, { kind: 'Aggregate' }>): boolean {
  if (node.windowKey !== undefined) return true;
  const keys = node.keys.map(copiedColumn);
  const bounds = windowColumns(node.input);
  // with GROUPING SETS / ROLLUP / CUBE: when every set groups by both window bounds (Flink 1.20 plans one window
  // aggregation over the expanded rows: insert-only)
  return node.groupingSets.length > 0 && node.groupingSets.every((set) => coversWindow(set.map((i) => keys[i]), bounds));
}
