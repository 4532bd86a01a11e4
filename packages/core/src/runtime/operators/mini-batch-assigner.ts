/**
 * Flink's MiniBatchAssigner after a source's watermark assigner, when `table.exec.mini-batch.enabled` is true:
 * - `rowtime` mode (the plan has a window TVF aggregation or a deduplication on event time; Flink's
 *   RowTimeMiniBatchAssginerOperator): a watermark passes only when it reaches the end of the current interval of
 *   `allow-latency` (intervals aligned on the epoch, starting at 0), so the operators after it (windows, bundles)
 *   see time advance at those boundaries;
 * - `proctime` mode (group aggregations and deduplications on processing time only): the source's watermarks are
 *   dropped (Flink's ProcTimeMiniBatchAssignerOperator makes its own marks on the allow-latency timer, which the
 *   local runtime assumes never fires during a test).
 * Both pass the MAX watermark that ends the input.
 */
import type { Change } from '../changelog.js';
import type { Row } from '../compiled.js';
import { MAX_WATERMARK, Operator } from './operator.js';

/** The start of the interval a watermark is in (Java's `%`, which JS's matches). */
const intervalStart = (wm: number, interval: number): number => wm - ((wm + interval) % interval);

export class MiniBatchAssignerOperator extends Operator {
  private current = 0;
  private next: number;
  private ended = false;

  constructor(private readonly mode: 'rowtime' | 'proctime', private readonly interval: number) {
    super(1);
    this.next = intervalStart(0, interval) + interval - 1;
  }

  process(change: Change): void {
    this.emit(change);
  }

  override processInserts(rows: readonly Row[], origin: Int32Array | undefined): void {
    this.emitInserts(rows, origin);
  }

  protected override onWatermark(wm: number): void {
    if (wm >= MAX_WATERMARK) {
      if (!this.ended) this.emitWatermark(wm);
      this.ended = true;
      return;
    }
    if (this.mode === 'proctime') return;
    this.current = Math.max(this.current, wm);
    if (this.current >= this.next) {
      this.emitWatermark(this.current);
      const end = intervalStart(this.current, this.interval) + this.interval - 1;
      this.next = end > this.current ? end : end + this.interval;
    }
  }
}
