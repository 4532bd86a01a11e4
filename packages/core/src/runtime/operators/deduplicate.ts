/**
 * Deduplication (`ROW_NUMBER() OVER (PARTITION BY k ORDER BY time) = 1`): keep the first or the last row per
 * key, on processing time (arrival order) or on a rowtime attribute. Keep-first on processing time is
 * append-only; the others replace the kept row with -U/+U.
 */
import type { Change } from '../changelog.js';
import { isAccumulate } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { rowKey } from '../values/compare.js';
import type { Timestamp } from '../values/temporal.js';
import { Operator } from './operator.js';

export class DeduplicateOperator extends Operator {
  private readonly kept = new Map<string, readonly unknown[]>();

  constructor(
    private readonly keys: readonly Evaluator[],
    private readonly keepLast: boolean,
    /** Index of the rowtime column, or undefined for processing time. */
    private readonly rowtimeIndex: number | undefined,
    /**
     * Processing time, keep-last: the values Flink's row holds (the columns its planner keeps); a new row equal to the
     * kept one on them replaces it without a change, as Flink's deduplication does.
     */
    private readonly sameOn?: (row: readonly unknown[]) => readonly unknown[],
  ) {
    super(1);
  }

  process(change: Change): void {
    if (!isAccumulate(change.kind)) return;
    const k = rowKey(this.keys.map((e) => e(change.row)));
    const prev = this.kept.get(k);
    if (!prev) {
      this.kept.set(k, change.row);
      this.emit({ kind: '+I', row: change.row });
      return;
    }
    let replace: boolean;
    if (this.rowtimeIndex === undefined) replace = this.keepLast;
    else {
      const a = prev[this.rowtimeIndex] as Timestamp | null;
      const b = change.row[this.rowtimeIndex] as Timestamp | null;
      if (a === null || b === null) replace = false;
      else replace = this.keepLast ? b.compare(a) >= 0 : b.compare(a) < 0;
    }
    if (!replace) return;
    this.kept.set(k, change.row);
    if (this.rowtimeIndex === undefined && this.sameOn !== undefined && rowKey(this.sameOn(prev)) === rowKey(this.sameOn(change.row))) return;
    this.emit({ kind: '-U', row: prev });
    this.emit({ kind: '+U', row: change.row });
  }
}
