/**
 * One side's state of a regular join: its live rows by join key, each key's rows in arrival order (Flink keys
 * its join state by the equi-join keys). A join keeps every row of both inputs for the whole run, so the state is
 * compact: a row is not kept as its own array but as a numbered slot whose values sit in one array per column,
 * and a key's rows are a linked list of slots (two integers per slot). A million two-column rows cost about
 * 30 bytes each instead of an array object per row (about 70 bytes plus its values).
 *
 * Outer joins also count, per row, the other side's rows it matches (`matches`), to know when a NULL-padded row
 * is emitted or retracted. A retraction removes the earliest live row of its key equal to the retracted one.
 */
import type { Row } from '../compiled.js';
import { keyOf } from '../values/compare.js';

/** Distinct strings a column's intern table holds at most; a column with more stops interning (mostly distinct values). */
const INTERN_LIMIT = 1 << 16;

/** The largest key kept in the dense table (a small non-negative integer key is its own index). */
const DENSE_LIMIT = 1 << 22;
const NONE = -1;

const grown = (a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> => {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2, 16));
  b.set(a);
  return b;
};

export class JoinSideState {
  /** `columns[c][slot]`: the value of column `c` of the row in `slot`. */
  private readonly columns: unknown[][];
  /** The next slot in the slot's key list (`NONE` at the end); for a free slot, the next free slot. */
  private next = new Int32Array(0);
  /** For the first slot of a key's list: the list's last slot (where the next row of the key goes). */
  private last = new Int32Array(0);
  /** Per slot: how many rows of the other side it matches (outer joins only). */
  private matchCounts: Int32Array<ArrayBuffer> | undefined;
  /** Slots in use or freed so far (the high-water mark); freed slots are reused first. */
  private slots = 0;
  private free = NONE;
  /** First slot + 1 of each small non-negative integer key (0: no rows): an array read, no Map lookup. */
  private dense = new Int32Array(0);
  /** First slot of every other key. */
  private readonly heads = new Map<unknown, number>();

  /**
   * Per column, the strings seen so far: equal strings of many rows are kept as one string (rows read from JSON or
   * made by a generator each bring their own copy of a repeated value). A column whose table fills up holds mostly
   * distinct strings and stops interning (null).
   */
  private readonly interned: (Map<string, string> | null)[];

  constructor(readonly width: number, countMatches: boolean) {
    this.columns = Array.from({ length: width }, () => []);
    this.interned = Array.from({ length: width }, () => new Map<string, string>());
    if (countMatches) this.matchCounts = new Int32Array(0);
  }

  /** The first slot of `key`'s rows (in arrival order, followed by `nextOf`), or `NONE`. */
  first(key: unknown): number {
    if (typeof key === 'number' && key >>> 0 === key && key < DENSE_LIMIT) return key < this.dense.length ? (this.dense[key] as number) - 1 : NONE;
    return this.heads.get(key) ?? NONE;
  }

  /** The slot after `slot` among its key's rows, or `NONE`. */
  nextOf(slot: number): number {
    return this.next[slot] as number;
  }

  /** The value of column `c` in `slot`. */
  value(slot: number, c: number): unknown {
    return (this.columns[c] as unknown[])[slot];
  }

  /** The row in `slot` as an array. */
  row(slot: number): unknown[] {
    const out = new Array<unknown>(this.width);
    for (let c = 0; c < this.width; c++) out[c] = (this.columns[c] as unknown[])[slot];
    return out;
  }

  matches(slot: number): number {
    return (this.matchCounts as Int32Array)[slot] as number;
  }

  /** Adds `delta` to the slot's match count and returns the new count. */
  addMatches(slot: number, delta: number): number {
    const m = this.matchCounts as Int32Array;
    return (m[slot] = (m[slot] as number) + delta);
  }

  private setFirst(key: unknown, slot: number): void {
    if (typeof key === 'number' && key >>> 0 === key && key < DENSE_LIMIT) {
      if (key >= this.dense.length) {
        // grown to cover the key (doubling), so keys arriving in any order cost amortised constant time
        const d = new Int32Array(Math.min(DENSE_LIMIT, Math.max(key + 1, this.dense.length * 2, 16)));
        d.set(this.dense);
        this.dense = d;
      }
      this.dense[key] = slot + 1;
    } else if (slot === NONE) this.heads.delete(key);
    else this.heads.set(key, slot);
  }

  /** Adds `row` at the end of its key's rows, with a match count of `matches`; returns its slot. */
  add(key: unknown, row: Row, matches: number): number {
    let slot = this.free;
    if (slot !== NONE) this.free = this.next[slot] as number;
    else {
      slot = this.slots++;
      this.next = grown(this.next, this.slots);
      this.last = grown(this.last, this.slots);
      if (this.matchCounts) this.matchCounts = grown(this.matchCounts, this.slots);
    }
    const cols = this.columns;
    for (let c = 0; c < this.width; c++) {
      const v = row[c];
      (cols[c] as unknown[])[slot] = typeof v === 'string' ? this.intern(c, v) : v;
    }
    if (this.matchCounts) this.matchCounts[slot] = matches;
    this.next[slot] = NONE;
    const head = this.first(key);
    if (head === NONE) {
      this.setFirst(key, slot);
      this.last[slot] = slot;
    } else {
      this.next[this.last[head] as number] = slot;
      this.last[head] = slot;
    }
    return slot;
  }

  private intern(c: number, s: string): string {
    const table = this.interned[c];
    if (table === null || table === undefined) return s;
    const seen = table.get(s);
    if (seen !== undefined) return seen;
    if (table.size >= INTERN_LIMIT) this.interned[c] = null;
    else table.set(s, s);
    return s;
  }

  /** Whether `slot` holds a row equal to `row`, each value compared as `rowKey` compares them (NULL equals NULL). */
  private holds(slot: number, row: Row): boolean {
    for (let c = 0; c < this.width; c++) {
      const v = (this.columns[c] as unknown[])[slot];
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
      slot = this.next[slot] as number;
    }
    if (slot === NONE) return undefined;
    const after = this.next[slot] as number;
    if (prev === NONE) {
      this.setFirst(key, after);
      if (after !== NONE) this.last[after] = this.last[head] as number;
    } else {
      this.next[prev] = after;
      if (after === NONE) this.last[head] = prev;
    }
    const removed = { row: this.row(slot), matches: this.matchCounts ? (this.matchCounts[slot] as number) : 0 };
    // the slot's values are released (a removed row's strings and objects are not kept alive) and the slot reused
    for (let c = 0; c < this.width; c++) (this.columns[c] as unknown[])[slot] = undefined;
    this.next[slot] = this.free;
    this.free = slot;
    return removed;
  }
}
