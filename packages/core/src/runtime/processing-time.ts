/**
 * The local runtime's processing-time clock: what PROCTIME(), CURRENT_TIMESTAMP and the processing-time windows
 * read, and the only thing that moves processing time. It never moves by itself (no wall clock, no sleeps): it
 * reads the job's `now()` option until a test advances it explicitly (a `{ processingTime }` input entry), and
 * from then on the instant of the last advance.
 *
 * An advance from t0 to t1 stands for time passing with no row arriving meanwhile: the timers due in (t0, t1]
 * fire in time order, each at its own instant (the clock reads the timer's time while it fires, so a row a
 * firing emits is handled downstream at that instant), then the clock stops at t1. On real Flink a timer fires
 * when the task's clock reaches it, a little later under load, and rows race it; here every row pushed before
 * the advance is in its window, every row after it is not. Rows are handled at the instant the clock reads
 * when they arrive, as Flink's processing-time operators read the task's clock, not the row's PROCTIME value.
 */
import { badInput } from './errors.js';

/** An operator with processing-time timers. */
export interface ProcessingTimeTimers {
  /** The earliest pending timer (epoch millis), or undefined. */
  nextTimer(): number | undefined;
  /** Fire every timer due at or before `time`. */
  onProcessingTime(time: number): void;
}

export class ProcessingClock {
  private advanced: number | undefined;
  /** Operators with timers, in planning order (upstream operators are planned first). */
  private readonly owners: ProcessingTimeTimers[] = [];

  /** `start`: the reading before the first advance (the `now` option; a fixed 1970-01-01T00:00:00Z by default). */
  constructor(private readonly start: () => number) {}

  /** The current processing time, epoch milliseconds. */
  now(): number {
    return this.advanced ?? this.start();
  }

  register(owner: ProcessingTimeTimers): void {
    this.owners.push(owner);
  }

  /** Moves processing time forward to `to`, firing the timers due on the way, earliest first. */
  advanceTo(to: number): void {
    const from = this.now();
    if (!Number.isFinite(to)) throw badInput({ kind: 'processingTime', to });
    if (to < from) throw badInput({ kind: 'processingTime', to, from });
    for (;;) {
      let next: number | undefined;
      let owner: ProcessingTimeTimers | undefined;
      for (const o of this.owners) {
        const t = o.nextTimer();
        if (t !== undefined && t <= to && (next === undefined || t < next)) {
          next = t;
          owner = o;
        }
      }
      if (owner === undefined || next === undefined) break;
      this.advanced = Math.max(next, from);
      owner.onProcessingTime(this.advanced);
    }
    this.advanced = to;
  }
}
