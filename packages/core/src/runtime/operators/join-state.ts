/**
 * One side's state of a regular join: its live rows by join key, each key's rows in arrival order (Flink keys
 * its join state by the equi-join keys). A join keeps every row of both inputs for the whole run, so the state is
 * compact: a row is not kept as its own array but as a numbered slot whose values sit in one compact column each
 * (`ValueColumn`: 4 bytes an integer, 2 bytes a repeated string), and a key's rows are a linked list of slots (two
 * integers per slot). A row of an integer key and a repeated string costs about 14 bytes, plus 4 for a small
 * integer join key's head, instead of an array object per row (about 70 bytes plus its values).
 *
 * Outer joins also count, per row, the other side's rows it matches (`matches`), to know when a NULL-padded row
 * is emitted or retracted. A retraction removes the earliest live row of its key equal to the retracted one.
 */
import type { Row } from '../compiled.js';
import { keyOf } from '../values/compare.js';
import { IntColumn, ValueColumn } from './columns.js';

/** The largest key kept in the dense table (a small non-negative integer key is its own index). */
const DENSE_LIMIT = 1 << 22;
const NONE = -1;

export class JoinSideState {
  /** `columns[c]`: column `c` of the row in each slot (compact forms: see `ValueColumn`). */
  private readonly columns: ValueColumn[];
  /**
   * The next slot + 1 in the slot's key list (0 at the end); for a free slot, the next free slot + 1. Kept so that a
   * key with one row writes nothing (`IntColumn` makes no chunk for zeros).
   */
  private readonly next = new IntColumn();
  /** For the first slot of a key's list: the list's last slot minus the first (where the next row of the key goes). */
  private readonly last = new IntColumn();
  /** Per slot: how many rows of the other side it matches (outer joins only). */
  private readonly matchCounts: IntColumn | undefined;
  /** Slots in use or freed so far (the high-water mark); freed slots are reused first. */
  private slots = 0;
  private free = NONE;
  /** First slot + 1 of each small non-negative integer key (0: no rows): an array read, no Map lookup. */
  private readonly dense = new IntColumn();
  /** First slot of every other key. */
  private readonly heads = new Map<unknown, number>();

  constructor(readonly width: number, countMatches: boolean) {
    this.columns = Array.from({ length: width }, () => new ValueColumn());
    if (countMatches) this.matchCounts = new IntColumn();
  }

  /**
   * Ends the state (the join's inputs have all finished: nothing is read or added again): its columns' chunks go
   * to their pools for state made later (see columns.ts).
   */
  recycle(): void {
    for (const c of this.columns) c.recycle();
    this.next.recycle();
    this.last.recycle();
    this.matchCounts?.recycle();
    this.dense.recycle();
    this.heads.clear();
    this.slots = 0;
    this.free = NONE;
  }

  /** The first slot of `key`'s rows (in arrival order, followed by `nextOf`), or `NONE`. */
  first(key: unknown): number {
    if (typeof key === 'number' && key >>> 0 === key && key < DENSE_LIMIT) return this.dense.get(key) - 1;
    return this.heads.get(key) ?? NONE;
  }

  /** The slot after `slot` among its key's rows, or `NONE`. */
  nextOf(slot: number): number {
    return this.next.get(slot) - 1;
  }

  /** The value of column `c` in `slot`. */
  value(slot: number, c: number): unknown {
    return (this.columns[c] as ValueColumn).get(slot);
  }

  /** The row in `slot` as an array. */
  row(slot: number): unknown[] {
    const out = new Array<unknown>(this.width);
    for (let c = 0; c < this.width; c++) out[c] = (this.columns[c] as ValueColumn).get(slot);
    return out;
  }

  matches(slot: number): number {
    return (this.matchCounts as IntColumn).get(slot);
  }

  /** Adds `delta` to the slot's match count and returns the new count. */
  addMatches(slot: number, delta: number): number {
    const m = this.matchCounts as IntColumn;
    const now = m.get(slot) + delta;
    m.set(slot, now);
    return now;
  }

  private setFirst(key: unknown, slot: number): void {
    if (typeof key === 'number' && key >>> 0 === key && key < DENSE_LIMIT) this.dense.set(key, slot + 1);
    else if (slot === NONE) this.heads.delete(key);
    else this.heads.set(key, slot);
  }

  /** Adds `row` at the end of its key's rows, with a match count of `matches`; returns its slot. */
  add(key: unknown, row: Row, matches: number): number {
    let slot = this.free;
    // a slot used before (freed) has its link and length written again; a new one reads 0 in both already
    if (slot !== NONE) {
      this.free = this.nextOf(slot);
      this.next.set(slot, NONE + 1);
      this.last.set(slot, 0);
    } else slot = this.slots++;
    const cols = this.columns;
    for (let c = 0; c < this.width; c++) (cols[c] as ValueColumn).set(slot, row[c]);
    if (this.matchCounts) this.matchCounts.set(slot, matches);
    const head = this.first(key);
    if (head === NONE) this.setFirst(key, slot);
    else {
      this.next.set(head + this.last.get(head), slot + 1);
      this.last.set(head, slot - head);
    }
    return slot;
  }

  /** Whether `slot` holds a row equal to `row`, each value compared as `rowKey` compares them (NULL equals NULL). */
  private holds(slot: number, row: Row): boolean {
    for (let c = 0; c < this.width; c++) {
      const v = (this.columns[c] as ValueColumn).get(slot);
      const w = row[c];
      if (v !== w && keyOf(v) !== keyOf(w)) return false;
    }
    return true;
  }

  /**
   * Removes the earliest row of `key` equal to `row` (NULL equals NULL) and returns it with its match count, or
   * undefined when the key has no such row.
   */
  remove(key: unknown, row: Row): { readonly row: unknown[]; readonly matches: number } | undefined {
    const head = this.first(key);
    if (head === NONE) return undefined;
    let prev = NONE;
    let slot = head;
    while (slot !== NONE && !this.holds(slot, row)) {
      prev = slot;
      slot = this.nextOf(slot);
    }
    if (slot === NONE) return undefined;
    const after = this.nextOf(slot);
    if (prev === NONE) {
      this.setFirst(key, after);
      if (after !== NONE) this.last.set(after, head + this.last.get(head) - after);
    } else {
      this.next.set(prev, after + 1);
      if (after === NONE) this.last.set(head, prev - head);
    }
    const removed = { row: this.row(slot), matches: this.matchCounts ? this.matchCounts.get(slot) : 0 };
    // the slot's values are released (a removed row's strings and objects are not kept alive) and the slot reused
    for (let c = 0; c < this.width; c++) (this.columns[c] as ValueColumn).release(slot);
    this.next.set(slot, this.free + 1);
    this.free = slot;
    return removed;
  }
}
