/**
 * Window properties: which columns are a window TVF's `window_start` / `window_end` (under any name), so that an
 * aggregation or a ranking partitioned by both is a window aggregation / window TopN. They survive projections
 * (copied unchanged), filters, sorts, OVER, ranks, table functions and window joins; an aggregation keeps those it
 * groups by when it is itself a window aggregation; anything else (a regular join, a set operation) drops them.
 * `windowOrigin` says which window TVF they come from (two sides join as a window join only on the same window).
 *
 * A SESSION window TVF is folded into its aggregation only when grouped by its window and exactly its PARTITION BY
 * columns; read any other way (grouped by other keys too, projected, ranked, joined) it is Flink's own TVF operator,
 * whose rows leave when their session closes, and a GROUP BY of other keys over it is a group aggregation with
 * updates (checked on Flink 1.20.1). The same rule holds over a window join of two SESSION windows: grouped by the
 * left side's window and exactly the left side's PARTITION BY columns it is a window aggregation, grouped any other
 * way a group aggregation with updates (checked on Flink 1.20.1, differential seed 1208101).
 */
import { copiedColumn } from '../expression.js';
import type { PlanNode } from '../node.js';
import type { WindowTableFunction } from '../window-table-function.js';
import { parseIntervalText } from '../../runtime/values/interval.js';
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
      if (!groupsWindow(keys, node.input)) return NONE;
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
  // with GROUPING SETS / ROLLUP / CUBE: when every set groups by both window bounds (Flink 1.20 plans one window
  // aggregation over the expanded rows: insert-only); over a SESSION TVF, by exactly its PARTITION BY columns too
  return node.groupingSets.length > 0 && node.groupingSets.every((set) => groupsWindow(set.map((i) => keys[i]), node.input));
}

/**
 * Whether grouping `input` by its columns at `positions` is a window aggregation: they hold a window_start and a
 * window_end, and over a SESSION window TVF read directly (through projections and filters) nothing but its
 * window's columns and exactly its PARTITION BY columns.
 */
export function groupsWindow(positions: readonly (number | undefined)[], input: PlanNode): boolean {
  if (!coversWindow(positions, windowColumns(input))) return false;
  const origin = windowOrigin(input);
  if (origin === undefined || origin.tvf.fn !== 'SESSION' || !origin.direct) return true;
  const bounds = windowColumns(input);
  const others = new Set(positions.filter((p) => p === undefined || (!bounds.has(p) && p !== origin.time)));
  const partition = new Set(origin.partition);
  return !partition.has(undefined) && others.size === partition.size && [...others].every((p) => partition.has(p));
}

/** Where a node's window columns come from. */
export interface WindowOrigin {
  readonly tvf: WindowTableFunction;
  /** Positions, in the node's output, of the TVF's PARTITION BY columns (undefined: not passed through). */
  readonly partition: readonly (number | undefined)[];
  /** The position of its window_time, when passed through. */
  readonly time?: number;
  /**
   * Read through projections, filters and the left side of window joins only (no window aggregation or ranking
   * in between): where a SESSION window's PARTITION BY rule applies.
   */
  readonly direct: boolean;
}

/** The window TVF a node's window_start / window_end come from (see `windowColumns`). */
export const windowOrigin: (node: PlanNode) => WindowOrigin | undefined = memoized((node): WindowOrigin | undefined => {
  if (windowColumns(node).size === 0) return undefined;
  switch (node.kind) {
    case 'WindowTableFunction':
      return { tvf: node, partition: (node.partitionKeys ?? []).map(copiedColumn), time: node.input.columns.length + 2, direct: true };
    case 'Project': case 'Aggregate': {
      const o = windowOrigin(node.input);
      if (o === undefined) return undefined;
      const copies = (node.kind === 'Project' ? node.exprs : node.keys).map(copiedColumn);
      const at = (p: number | undefined): number | undefined => {
        const i = p === undefined ? -1 : copies.indexOf(p);
        return i < 0 ? undefined : i;
      };
      const time = at(o.time);
      return { tvf: o.tvf, partition: o.partition.map(at), ...(time === undefined ? {} : { time }), direct: o.direct && node.kind === 'Project' };
    }
    case 'Filter':
      return windowOrigin(node.input);
    case 'Sort': case 'Over': case 'Rank': case 'Deduplicate': case 'Correlate': {
      const o = windowOrigin(node.input);
      return o === undefined ? undefined : { ...o, direct: false };
    }
    case 'Join':
      // the left side's columns keep their positions in a join's output
      return node.strategy === 'window' ? windowOrigin(node.left) : undefined;
    default:
      return undefined;
  }
});

/**
 * Whether two window origins are the same window, as Flink's window join requires (else it plans a regular join,
 * checked on Flink 1.20.1): the same function with the same size / slide / step / gap / offset arguments, on the
 * same kind of time attribute, with the same PARTITION BY columns (by name).
 */
export function sameWindow(a: WindowOrigin | undefined, b: WindowOrigin | undefined): boolean {
  return a !== undefined && b !== undefined && windowKey(a) === windowKey(b);
}

function windowKey(o: WindowOrigin): string {
  const { tvf } = o;
  const args = tvf.args.map((a) => {
    const e = a.ast;
    // an INTERVAL literal by its value (months or milliseconds), anything else as written
    const v = e.kind === 'IntervalLiteral' ? parseIntervalText(e.value, e.qualifier) : null;
    if (v === null || e.kind !== 'IntervalLiteral') return JSON.stringify(e, (k, x: unknown) => (k === 'span' ? undefined : x));
    return `${e.qualifier.start === 'YEAR' || e.qualifier.start === 'MONTH' ? 'months' : 'ms'} ${e.negative ? -v : v}`;
  });
  const partition = (tvf.partitionKeys ?? []).map((k) => {
    const c = copiedColumn(k);
    return c === undefined ? '?' : tvf.input.columns[c]?.name.toLowerCase();
  });
  return JSON.stringify([tvf.fn, tvf.input.columns[tvf.timeColumn]?.time, args, partition]);
}
