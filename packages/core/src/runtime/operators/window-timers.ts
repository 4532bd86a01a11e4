/**
 * The event-time timers of a window operator: its open windows by end time, so a watermark looks only at
 * the windows it fires (Flink's timer service orders timers the same way) instead of at every open window.
 * Ends mostly arrive in increasing order (time moves forward), so the sorted list of distinct ends grows at
 * its tail; an earlier end is inserted by binary search.
 */

export interface TimedWindow {
  readonly start: number;
  readonly end: number;
  /** Creation order, the last tie-breaker of the firing order. */
  readonly seq: number;
}

const NONE: readonly never[] = [];

/**
 * The windows of one end: `items[0..n)`. A fired bucket is kept for a later end with its array's room (no array
 * grown anew per end, which lived long enough to be copied by young-generation collections).
 */
interface Bucket<W> {
  readonly items: (W | undefined)[];
  n: number;
}

const byStartThenSeq = (a: TimedWindow, b: TimedWindow): number => a.start - b.start || a.seq - b.seq;

export class WindowTimers<W extends TimedWindow> {
  private readonly byEnd = new Map<number, Bucket<W>>();
  /** Fired buckets, emptied, for later ends. */
  private readonly spare: Bucket<W>[] = [];
  /** The distinct ends with windows, ascending; entries before `head` have fired. */
  private ends: number[] = [];
  private head = 0;

  add(w: W): void {
    const bucket = this.byEnd.get(w.end);
    if (bucket) {
      bucket.items[bucket.n++] = w;
      return;
    }
    const fresh = this.spare.pop() ?? { items: [], n: 0 };
    fresh.items[fresh.n++] = w;
    this.byEnd.set(w.end, fresh);
    const ends = this.ends;
    const end = w.end;
    if (this.head === ends.length || end > (ends[ends.length - 1] as number)) {
      ends.push(end);
      return;
    }
    let lo = this.head;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ends[mid] as number) < end) lo = mid + 1;
      else hi = mid;
    }
    ends.splice(lo, 0, end);
  }

  /** The earliest end of an open window (Infinity with none). */
  nextEnd(): number {
    return this.head < this.ends.length ? (this.ends[this.head] as number) : Infinity;
  }

  /**
   * Removes and returns the windows with `end - 1 <= wm` that `live` accepts (a merged session window is no
   * longer live), ordered by end, then start, then creation.
   */
  fire(wm: number, live: (w: W) => boolean): readonly W[] {
    const ends = this.ends;
    // the common case, a watermark that fires nothing, allocates nothing
    if (this.head >= ends.length || (ends[this.head] as number) - 1 > wm) return NONE as readonly W[];
    const out: W[] = [];
    while (this.head < ends.length && (ends[this.head] as number) - 1 <= wm) {
      const end = ends[this.head++] as number;
      const bucket = this.byEnd.get(end) as Bucket<W>;
      this.byEnd.delete(end);
      const from = out.length;
      let sorted = true;
      for (let i = 0; i < bucket.n; i++) {
        const w = bucket.items[i] as W;
        bucket.items[i] = undefined;
        if (!live(w)) continue;
        if (sorted && out.length > from && byStartThenSeq(out[out.length - 1] as W, w) > 0) sorted = false;
        out.push(w);
      }
      bucket.n = 0;
      this.spare.push(bucket);
      if (!sorted) {
        const part = out.slice(from).sort(byStartThenSeq);
        for (let i = 0; i < part.length; i++) out[from + i] = part[i] as W;
      }
    }
    if (this.head > 1024 && this.head * 2 > ends.length) {
      this.ends = ends.slice(this.head);
      this.head = 0;
    }
    return out;
  }
}
