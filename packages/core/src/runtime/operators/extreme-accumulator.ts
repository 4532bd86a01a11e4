/**
 * MIN / MAX with retraction: the extreme of the remaining multiset of values, NULL when it is empty (as Flink's
 * MinWithRetractAggFunction / MaxWithRetractAggFunction answer; the order is the column type's, `comparatorFor`).
 *
 * Each distinct value is held once with its count, by its `exactKey` (a number or string is its own Map key; -0.0
 * is not 0.0, as Java's `Double.equals` has it; otherwise two values share a key exactly when `keyOf` gives them one
 * text). FLOAT / DOUBLE are ordered as Java's `compareTo` orders them (`javaFloatCompare`: NaN largest). The current extreme is kept beside the counts, so
 * an insert costs one comparison and reading the result nothing. Only when the extreme's last copy is retracted
 * must the next one be found: the first time, a binary heap of the held values is built (O(n)), and from then on
 * every new distinct value is also pushed onto it (O(log n)), so each later loss of the extreme costs O(log n)
 * amortised. Retracted values stay in the heap, marked by a count of 0, until they reach its top (then dropped) or
 * until they outnumber the live ones (then the heap is rebuilt from the live values), so the heap stays within a
 * constant factor of the values held.
 */
import type { Comparator } from '../values/compare.js';
import { exactKey } from '../values/compare.js';
import type { Accumulator } from './aggregates.js';

/** One distinct value and how many times it is held; `n` is 0 once it is no longer held (a dead heap entry). */
interface Held {
  readonly v: unknown;
  n: number;
}

/** Dead entries allowed in the heap beyond the live ones before it is rebuilt. */
const SLACK = 64;

export class ExtremeAcc implements Accumulator {
  private readonly values = new Map<unknown, Held>();
  /** The extreme's entry when `known` (undefined: no value held). */
  private best: Held | undefined;
  /** False once the extreme's last copy was retracted and the next extreme was not yet looked for. */
  private known = true;
  /** Extreme first; absent until the extreme is first lost (see the module comment). */
  private heap: Held[] | undefined;
  /** `before(a, b)`: is `a` strictly more extreme than `b`? */
  private readonly before: (a: unknown, b: unknown) => boolean;

  constructor(cmp: Comparator, max: boolean) {
    this.before = max ? (a, b) => cmp(a, b) > 0 : (a, b) => cmp(a, b) < 0;
  }

  add(v: unknown): void {
    const k = exactKey(v);
    const held = this.values.get(k);
    if (held !== undefined) {
      held.n++;
      return;
    }
    const e: Held = { v, n: 1 };
    this.values.set(k, e);
    if (this.heap !== undefined) this.push(e);
    if (this.known && (this.best === undefined || this.before(v, this.best.v))) this.best = e;
  }

  retract(v: unknown): void {
    const k = exactKey(v);
    const e = this.values.get(k);
    if (e === undefined) return;
    if (--e.n > 0) return;
    e.n = 0;
    this.values.delete(k);
    if (this.values.size === 0) {
      this.reset();
      return;
    }
    if (e === this.best) {
      this.best = undefined;
      this.known = false;
    }
    const heap = this.heap;
    if (heap !== undefined && heap.length > 2 * this.values.size + SLACK) this.heap = this.heapOf([...this.values.values()]);
  }

  value(): unknown {
    if (!this.known) this.findBest();
    return this.best === undefined ? null : this.best.v;
  }

  reset(): void {
    this.values.clear();
    this.best = undefined;
    this.known = true;
    this.heap = undefined;
  }

  /** The extreme after it was lost: the heap's live top (the heap made from the held values on first use). */
  private findBest(): void {
    const heap = this.heap ?? (this.heap = this.heapOf([...this.values.values()]));
    while (heap.length > 0 && (heap[0] as Held).n === 0) this.pop(heap);
    this.best = heap[0];
    this.known = true;
  }

  /** `entries` arranged as a heap, in place (Floyd's bottom-up construction, O(n)). */
  private heapOf(entries: Held[]): Held[] {
    for (let i = (entries.length >>> 1) - 1; i >= 0; i--) this.down(entries, i);
    return entries;
  }

  private push(e: Held): void {
    const heap = this.heap as Held[];
    let i = heap.length;
    heap.push(e);
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      const p = heap[parent] as Held;
      if (!this.before(e.v, p.v)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = e;
  }

  private pop(heap: Held[]): void {
    const last = heap.pop() as Held;
    if (heap.length === 0) return;
    heap[0] = last;
    this.down(heap, 0);
  }

  /** Sifts the entry at `i` down to its place. */
  private down(heap: Held[], i: number): void {
    const n = heap.length;
    const e = heap[i] as Held;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && this.before((heap[r] as Held).v, (heap[c] as Held).v)) c = r;
      const child = heap[c] as Held;
      if (!this.before(child.v, e.v)) break;
      heap[i] = child;
      i = c;
    }
    heap[i] = e;
  }
}
