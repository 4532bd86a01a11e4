/**
 * Event-time interval join (Flink's TimeIntervalJoin): `l.t BETWEEN r.t + lower AND r.t + upper`.
 * Rows wait in state until the watermark proves no future row of the other side can match them; then they are
 * dropped, and for an outer side an unmatched row is emitted padded with NULLs. Output is append-only (+I).
 */
import type { Change } from '../changelog.js';
import { isAccumulate } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import type { Timestamp } from '../values/temporal.js';
import { MAX_WATERMARK, Operator } from './operator.js';

interface Cached {
  readonly row: readonly unknown[];
  readonly time: number;
  emitted: boolean;
}

export class IntervalJoinOperator extends Operator {
  private readonly cache: [Cached[], Cached[]] = [[], []];
  /** How far a right row may be before / after a left row: r.t ∈ [l.t - rightRelativeSize, l.t + leftRelativeSize]. */
  private readonly leftRelativeSize: number;
  private readonly rightRelativeSize: number;
  private operatorTime = -Infinity;
  private expiration: [number, number] = [-Infinity, -Infinity];

  constructor(
    private readonly outer: readonly [boolean, boolean],
    private readonly widths: readonly [number, number],
    private readonly timeIndex: readonly [number, number],
    /** Bounds of `l.t - r.t`, in milliseconds, inclusive. */
    lower: number,
    upper: number,
    private readonly condition: Evaluator,
  ) {
    super(2);
    this.leftRelativeSize = -lower;
    this.rightRelativeSize = upper;
  }

  private expirationTime(relativeSize: number): number {
    return this.operatorTime >= MAX_WATERMARK ? MAX_WATERMARK : this.operatorTime - relativeSize - 1;
  }

  private joined(side: number, row: readonly unknown[], other: readonly unknown[]): unknown[] {
    return side === 0 ? [...row, ...other] : [...other, ...row];
  }

  private padded(side: number, row: readonly unknown[]): unknown[] {
    const nulls = new Array<unknown>(this.widths[side === 0 ? 1 : 0]).fill(null);
    return side === 0 ? [...row, ...nulls] : [...nulls, ...row];
  }

  process(change: Change, side: number): void {
    if (!isAccumulate(change.kind)) return;
    const t = change.row[this.timeIndex[side] as number] as Timestamp | null;
    if (t === null) return;
    const time = t.millis;
    const other = 1 - side;
    // The other side's rows this row can match: [time - before, time + after].
    const before = side === 0 ? this.rightRelativeSize : this.leftRelativeSize;
    const after = side === 0 ? this.leftRelativeSize : this.rightRelativeSize;
    const lo = time - before;
    const hi = time + after;
    const otherRelative = side === 0 ? this.rightRelativeSize : this.leftRelativeSize;
    let emitted = false;
    if ((this.expiration[other] as number) < hi) {
      this.expiration[other] = this.expirationTime(otherRelative);
      const cached = this.cache[other] as Cached[];
      for (const c of cached) {
        if (c.time < lo || c.time > hi) continue;
        const j = this.joined(side, change.row, c.row);
        if (this.condition(j) !== true) continue;
        emitted = true;
        c.emitted = true;
        this.emit({ kind: '+I', row: j });
      }
    }
    if (this.operatorTime < hi) (this.cache[side] as Cached[]).push({ row: change.row, time, emitted });
    else if (!emitted && this.outer[side]) this.emit({ kind: '+I', row: this.padded(side, change.row) });
  }

  protected override onWatermark(wm: number): void {
    this.operatorTime = wm;
    this.expire(0, this.expirationTime(this.leftRelativeSize));
    this.expire(1, this.expirationTime(this.rightRelativeSize));
    this.emitWatermark(wm);
  }

  private expire(side: number, upTo: number): void {
    const kept: Cached[] = [];
    for (const c of this.cache[side] as Cached[]) {
      if (c.time <= upTo) {
        if (!c.emitted && this.outer[side]) this.emit({ kind: '+I', row: this.padded(side, c.row) });
      } else kept.push(c);
    }
    this.cache[side] = kept;
  }
}
