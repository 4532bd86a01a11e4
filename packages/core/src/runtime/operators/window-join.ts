/**
 * Window join (Flink's WindowJoinOperator): two window TVFs (or window aggregations) joined on equal window_start
 * and window_end. Each side's rows are buffered per window end (Flink's join state is namespaced by window_end
 * alone, and its planner takes both equalities out of the join condition: two SESSION windows with the same end
 * join even when they start apart, checked on Flink 1.20.1) and join key; when the combined watermark reaches
 * `window_end - 1ms` the window fires once and is dropped: INNER / LEFT / FULL walk the left rows in arrival order,
 * each against the right rows in arrival order (FULL then pads the right rows nothing matched), RIGHT walks the
 * right rows against the left ones. Output is insert-only; rows of a window that has fired are late and dropped.
 */
import type { Change } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import type { JoinKeyOf } from '../plan-join-keys.js';
import type { Timestamp } from '../values/temporal.js';
import { Operator } from './operator.js';
import { WindowTimers } from './window-timers.js';

export type WindowJoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';

interface WindowState {
  readonly start: number;
  readonly end: number;
  readonly seq: number;
  /** The rows of each join key, in the order the keys first appeared. */
  readonly byKey: Map<unknown, { readonly left: (readonly unknown[])[]; readonly right: (readonly unknown[])[] }>;
}

export interface WindowJoinOptions {
  readonly type: WindowJoinType;
  readonly widths: readonly [number, number];
  /** Positions of window_start / window_end in each side's rows. */
  readonly bounds: readonly [readonly [number, number], readonly [number, number]];
  readonly keys: { readonly left: JoinKeyOf; readonly right: JoinKeyOf } | undefined;
  /** The ON condition over the joined row, without its window_start / window_end equalities. */
  readonly condition: Evaluator | undefined;
}

const NULL_KEY = Symbol('null key');

export class WindowJoinOperator extends Operator {
  /** The open windows by their end. */
  private readonly windows = new Map<number, WindowState>();
  private readonly timers = new WindowTimers<WindowState>();
  private seq = 0;
  private readonly leftNulls: null[];
  private readonly rightNulls: null[];

  constructor(private readonly o: WindowJoinOptions) {
    super(2);
    this.leftNulls = new Array<null>(o.widths[0]).fill(null);
    this.rightNulls = new Array<null>(o.widths[1]).fill(null);
  }

  process(change: Change, input: number): void {
    const [si, ei] = this.o.bounds[input] as readonly [number, number];
    const start = (change.row[si] as Timestamp).millis;
    const end = (change.row[ei] as Timestamp).millis;
    if (end - 1 <= this.watermarkValue) return; // late: the window has fired
    let w = this.windows.get(end);
    if (w === undefined) {
      w = { start, end, seq: this.seq++, byKey: new Map() };
      this.windows.set(end, w);
      this.timers.add(w);
    }
    const keyOf = this.o.keys ? (input === 0 ? this.o.keys.left : this.o.keys.right) : undefined;
    const key = keyOf ? keyOf(change.row) ?? NULL_KEY : NULL_KEY;
    let rows = w.byKey.get(key);
    if (rows === undefined) {
      rows = { left: [], right: [] };
      w.byKey.set(key, rows);
    }
    (input === 0 ? rows.left : rows.right).push(change.row);
  }

  private matches(l: readonly unknown[], r: readonly unknown[]): readonly unknown[] | undefined {
    const joined = [...l, ...r];
    return this.o.condition === undefined || this.o.condition(joined) === true ? joined : undefined;
  }

  protected override onWatermark(wm: number): void {
    for (const w of this.timers.fire(wm, () => true)) {
      this.windows.delete(w.end);
      for (const { left, right } of w.byKey.values()) this.joinRows(left, right);
    }
    this.emitWatermark(wm);
  }

  private joinRows(left: readonly (readonly unknown[])[], right: readonly (readonly unknown[])[]): void {
    const type = this.o.type;
    if (type === 'RIGHT') {
      for (const r of right) {
        let matched = false;
        for (const l of left) {
          const j = this.matches(l, r);
          if (j) { matched = true; this.emit({ kind: '+I', row: j }); }
        }
        if (!matched) this.emit({ kind: '+I', row: [...this.leftNulls, ...r] });
      }
      return;
    }
    const rightMatched = new Array<boolean>(right.length).fill(false);
    for (const l of left) {
      let matched = false;
      right.forEach((r, i) => {
        const j = this.matches(l, r);
        if (j) { matched = true; rightMatched[i] = true; this.emit({ kind: '+I', row: j }); }
      });
      if (!matched && type !== 'INNER') this.emit({ kind: '+I', row: [...l, ...this.rightNulls] });
    }
    if (type === 'FULL') right.forEach((r, i) => { if (!rightMatched[i]) this.emit({ kind: '+I', row: [...this.leftNulls, ...r] }); });
  }
}
