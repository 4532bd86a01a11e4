/**
 * Window TopN and window deduplication (`ROW_NUMBER() OVER (PARTITION BY window_start, window_end, … ORDER BY …)`
 * with `rn <= N` over a window TVF or a window aggregation), as Flink's WindowRankOperator and
 * RowTimeWindowDeduplicateOperator: rows are buffered per window and partition; when the watermark reaches
 * `window_end - 1ms` the window fires and its kept rows are emitted once, as +I, in rank order. Rows of a window
 * that has fired are late and dropped. Equal sort keys keep their arrival order (Flink's TopN buffer); a
 * deduplication that keeps the last row (ORDER BY rowtime DESC) keeps the latest of equal times.
 */
import type { Change } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { rowKey } from '../values/compare.js';
import type { Timestamp } from '../values/temporal.js';
import { Operator } from './operator.js';
import { WindowTimers } from './window-timers.js';

interface WindowPartition {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly seq: number;
  readonly rows: (readonly unknown[])[];
}

export interface WindowRankOptions {
  /** Positions of window_start and window_end in the input rows. */
  readonly bounds: readonly [number, number];
  /** The partition keys other than window_start / window_end. */
  readonly partition: readonly Evaluator[];
  readonly compare: (a: readonly unknown[], b: readonly unknown[]) => number;
  /** The row numbers emitted, inclusive. */
  readonly first: number;
  readonly last: number;
  /** Append the row number to each emitted row. */
  readonly withRowNumber: boolean;
  /** Equal sort keys: the later row ranks first (deduplication keeping the last row). */
  readonly latestFirstOnTies: boolean;
}

export class WindowRankOperator extends Operator {
  private readonly open = new Map<string, WindowPartition>();
  private readonly timers = new WindowTimers<WindowPartition>();
  private seq = 0;

  constructor(private readonly o: WindowRankOptions) {
    super(1);
  }

  process(change: Change): void {
    const [si, ei] = this.o.bounds;
    const start = (change.row[si] as Timestamp).millis;
    const end = (change.row[ei] as Timestamp).millis;
    if (end - 1 <= this.watermarkValue) return; // late: the window has fired
    const id = `${start}|${end}|${rowKey(this.o.partition.map((e) => e(change.row)))}`;
    let p = this.open.get(id);
    if (p === undefined) {
      p = { id, start, end, seq: this.seq++, rows: [] };
      this.open.set(id, p);
      this.timers.add(p);
    }
    if (change.kind === '+I' || change.kind === '+U') p.rows.push(change.row);
    else {
      const k = rowKey(change.row);
      const i = p.rows.findIndex((r) => rowKey(r) === k);
      if (i >= 0) p.rows.splice(i, 1);
    }
  }

  protected override onWatermark(wm: number): void {
    const fired = this.timers.fire(wm, () => true);
    for (const p of fired) {
      this.open.delete(p.id);
      const rows = this.o.latestFirstOnTies ? [...p.rows].reverse() : p.rows;
      // Array.prototype.sort is stable: equal keys keep their order
      const sorted = [...rows].sort(this.o.compare);
      for (let rank = this.o.first; rank <= Math.min(this.o.last, sorted.length); rank++) {
        const row = sorted[rank - 1] as readonly unknown[];
        this.emit({ kind: '+I', row: this.o.withRowNumber ? [...row, BigInt(rank)] : row });
      }
    }
    this.emitWatermark(wm);
  }
}
