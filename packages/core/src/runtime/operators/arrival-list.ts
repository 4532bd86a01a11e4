/**
 * Values in arrival order where a retraction removes the earliest equal value (FIRST_VALUE / LAST_VALUE / LISTAGG
 * with retraction, ARRAY_AGG, JSON_ARRAYAGG). Inserts only push onto an array, as a plain list would. The first
 * retraction builds an index: per distinct value (its `exactKey`: equal exactly when Java's `equals` is, so -0.0 is not 0.0) the positions of
 * its live copies, ascending; from then on inserts extend it. A removed value leaves a hole (skipped when the first
 * value is read, dropped at once from the end); the array is compacted when holes are more than half of it. So
 * adding, removing, and reading the first or last value cost O(1) amortised, with no scan and no key text per value.
 */
import { exactKey } from '../values/compare.js';

/** A hole: a removed value's place until the next compaction. */
const HOLE: unique symbol = Symbol('hole');

export class ArrivalList {
  private values: unknown[] = [];
  /** The position of the first live value (every one before it is a hole). */
  private head = 0;
  private holes = 0;
  /** Per value's key: the positions of its live copies, ascending; absent until the first removal. */
  private index: Map<unknown, number[]> | undefined;

  get size(): number {
    return this.values.length - this.head - this.holes;
  }

  add(v: unknown): void {
    const at = this.values.length;
    this.values.push(v);
    if (this.index !== undefined) this.indexAt(this.index, v, at);
  }

  /** Removes the earliest value equal to `v` (NULL equals NULL); nothing when none is held. */
  remove(v: unknown): void {
    const index = this.index ?? this.buildIndex();
    const k = exactKey(v);
    const positions = index.get(k);
    if (positions === undefined) return;
    const at = positions.shift() as number;
    if (positions.length === 0) index.delete(k);
    const values = this.values;
    if (at === values.length - 1) {
      // the last value: dropped, with the holes before it
      values.pop();
      while (values.length > this.head && values[values.length - 1] === HOLE) {
        values.pop();
        this.holes--;
      }
    } else if (at === this.head) {
      this.head++;
      while (this.head < values.length && values[this.head] === HOLE) {
        this.head++;
        this.holes--;
      }
    } else {
      values[at] = HOLE;
      this.holes++;
    }
    if (values.length === this.head) this.clear();
    else if (this.holes + this.head > 1024 && (this.holes + this.head) * 2 > values.length) this.compact();
  }

  /** The earliest value held, or undefined when empty. */
  first(): unknown {
    return this.size === 0 ? undefined : this.values[this.head];
  }

  /** The latest value held, or undefined when empty. */
  last(): unknown {
    return this.size === 0 ? undefined : this.values[this.values.length - 1];
  }

  /** The values in arrival order. */
  toArray(): unknown[] {
    if (this.head === 0 && this.holes === 0) return this.values.slice();
    const out: unknown[] = [];
    const values = this.values;
    for (let i = this.head; i < values.length; i++) if (values[i] !== HOLE) out.push(values[i]);
    return out;
  }

  clear(): void {
    this.values = [];
    this.head = 0;
    this.holes = 0;
    this.index = undefined;
  }

  private indexAt(index: Map<unknown, number[]>, v: unknown, at: number): void {
    const k = exactKey(v);
    const positions = index.get(k);
    if (positions === undefined) index.set(k, [at]);
    else positions.push(at);
  }

  private buildIndex(): Map<unknown, number[]> {
    const index = new Map<unknown, number[]>();
    const values = this.values;
    for (let i = this.head; i < values.length; i++) if (values[i] !== HOLE) this.indexAt(index, values[i], i);
    this.index = index;
    return index;
  }

  /** The live values moved to the front, and the index made again for their new positions. */
  private compact(): void {
    this.values = this.toArray();
    this.head = 0;
    this.holes = 0;
    this.buildIndex();
  }
}
