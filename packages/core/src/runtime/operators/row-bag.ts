/**
 * The rows of a sink without a primary key: a bag in arrival order where a retraction removes the earliest
 * equal row. Removal is by index (built on the first retraction) instead of a scan of every row, so a retract
 * stream into such a sink stays linear; insert-only streams never pay for the index.
 *
 * A sink may hold millions of rows for the whole run, so they are kept compactly: each row's values sit in one
 * compact column per sink column (no array object per row; see `ValueColumn`), and rows are made again when the
 * table is read.
 */
import { rowKey } from '../values/compare.js';
import { CHUNK, ValueColumn } from './columns.js';

type Row = readonly unknown[];

export class RowBag {
  /** `columns[c]`: column `c` of the rows kept (removed rows stay until the next compaction). */
  private columns: ValueColumn[];
  /** Rows kept, live or removed. */
  private count = 0;
  /** Per row kept: 1 once removed; absent until the first removal. */
  private removed: Uint8Array<ArrayBuffer> | undefined;
  private holes = 0;
  /** Positions of the live rows per row key, ascending; absent until the first retraction. */
  private index: Map<string, number[]> | undefined;

  /** `width`: the sink's column count; every row has it. */
  constructor(readonly width: number) {
    this.columns = Array.from({ length: width }, () => new ValueColumn());
  }

  /** Live rows. */
  get size(): number {
    return this.count - this.holes;
  }

  add(row: Row): void {
    const at = this.count++;
    const cols = this.columns;
    for (let c = 0; c < this.width; c++) (cols[c] as ValueColumn).set(at, row[c]);
    if (this.index) this.indexAt(this.index, row, at);
  }

  /** Adds rows `start..end` of `columns` (one array per column of the bag), as `add` of each row in turn. */
  addColumns(columns: readonly ArrayLike<unknown>[], start: number, end: number): void {
    const at = this.count;
    for (let c = 0; c < this.width; c++) (this.columns[c] as ValueColumn).setRun(at, columns[c] as ArrayLike<unknown>, start, end);
    this.count += end - start;
    const index = this.index;
    if (index) for (let i = start; i < end; i++) this.indexAt(index, columns.map((col) => col[i]), at + i - start);
  }

  /** Removes the earliest row equal to `row` (NULL equals NULL); nothing when there is none. */
  remove(row: Row): void {
    const index = this.index ?? this.buildIndex();
    const k = rowKey(row);
    const positions = index.get(k);
    if (!positions) return;
    const pos = positions.shift() as number;
    if (positions.length === 0) index.delete(k);
    let removed = this.removed;
    if (removed === undefined || removed.length < this.count) {
      const grown = new Uint8Array(Math.max(this.count * 2, 16));
      if (removed) grown.set(removed);
      removed = this.removed = grown;
    }
    removed[pos] = 1;
    // a removed row's values are released (its strings and objects are not kept alive)
    for (let c = 0; c < this.width; c++) (this.columns[c] as ValueColumn).release(pos);
    this.holes++;
    if (this.holes > 1024 && this.holes * 2 > this.count) this.compact();
  }

  /** Calls `f` with each live row in arrival order (a new array each time). */
  forEach(f: (row: unknown[]) => void): void {
    const removed = this.holes === 0 ? undefined : this.removed;
    for (let i = 0; i < this.count; i++) if (removed === undefined || removed[i] !== 1) f(this.rowAt(i));
  }

  /**
   * Calls `f` with the rows in arrival order a run at a time, as one array-like per column (row `i` of the run is
   * `columns[c][i]`, `i < count`), without an array per row: a large table read once. False, and nothing called,
   * once rows were removed (`forEach` reads those).
   */
  forEachRun(f: (columns: readonly ArrayLike<unknown>[], count: number) => void): boolean {
    if (this.holes !== 0) return false;
    const scratch = this.columns.map(() => [] as unknown[]);
    const columns = new Array<ArrayLike<unknown>>(this.width);
    for (let start = 0, n = 0; start < this.count; start += CHUNK, n++) {
      for (let c = 0; c < this.width; c++) columns[c] = (this.columns[c] as ValueColumn).chunkValues(n, scratch[c] as unknown[]);
      f(columns, Math.min(CHUNK, this.count - start));
    }
    return true;
  }

  /** The live rows in arrival order. */
  toArray(): Row[] {
    const out: Row[] = [];
    this.forEach((r) => out.push(r));
    return out;
  }

  private rowAt(i: number): unknown[] {
    const row = new Array<unknown>(this.width);
    for (let c = 0; c < this.width; c++) row[c] = (this.columns[c] as ValueColumn).get(i);
    return row;
  }

  private indexAt(index: Map<string, number[]>, row: Row, pos: number): void {
    const k = rowKey(row);
    const positions = index.get(k);
    if (positions) positions.push(pos);
    else index.set(k, [pos]);
  }

  private buildIndex(): Map<string, number[]> {
    const index = new Map<string, number[]>();
    this.forEachPosition((i) => this.indexAt(index, this.rowAt(i), i));
    this.index = index;
    return index;
  }

  private forEachPosition(f: (i: number) => void): void {
    const removed = this.holes === 0 ? undefined : this.removed;
    for (let i = 0; i < this.count; i++) if (removed === undefined || removed[i] !== 1) f(i);
  }

  private compact(): void {
    const columns = Array.from({ length: this.width }, () => new ValueColumn());
    let n = 0;
    this.forEachPosition((i) => {
      for (let c = 0; c < this.width; c++) (columns[c] as ValueColumn).set(n, (this.columns[c] as ValueColumn).get(i));
      n++;
    });
    this.columns = columns;
    this.count = n;
    this.holes = 0;
    this.removed = undefined;
    this.buildIndex();
  }
}
