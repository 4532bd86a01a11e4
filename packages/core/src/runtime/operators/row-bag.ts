/**
 * The rows of a sink without a primary key: a bag in arrival order where a retraction removes the earliest
 * equal row. Removal is by index (built on the first retraction) instead of a scan of every row, so a retract
 * stream into such a sink stays linear; insert-only streams never pay for the index.
 */
import { rowKey } from '../values/compare.js';

type Row = readonly unknown[];

export class RowBag {
  /** Rows in arrival order; removed rows leave a hole until the next compaction. */
  private rows: (Row | undefined)[] = [];
  private holes = 0;
  /** Positions of the live rows per row key, ascending; absent until the first retraction. */
  private index: Map<string, number[]> | undefined;

  add(row: Row): void {
    this.rows.push(row);
    if (this.index) this.indexAt(this.index, row, this.rows.length - 1);
  }

  /** Removes the earliest row equal to `row` (NULL equals NULL); nothing when there is none. */
  remove(row: Row): void {
    const index = this.index ?? this.buildIndex();
    const k = rowKey(row);
    const positions = index.get(k);
    if (!positions) return;
    const pos = positions.shift() as number;
    if (positions.length === 0) index.delete(k);
    this.rows[pos] = undefined;
    this.holes++;
    if (this.holes > 1024 && this.holes * 2 > this.rows.length) this.compact();
  }

  /** The live rows in arrival order. */
  toArray(): Row[] {
    if (this.holes === 0) return this.rows.slice() as Row[];
    const out: Row[] = [];
    for (const r of this.rows) if (r !== undefined) out.push(r);
    return out;
  }

  private indexAt(index: Map<string, number[]>, row: Row, pos: number): void {
    const k = rowKey(row);
    const positions = index.get(k);
    if (positions) positions.push(pos);
    else index.set(k, [pos]);
  }

  private buildIndex(): Map<string, number[]> {
    const index = new Map<string, number[]>();
    this.rows.forEach((r, i) => {
      if (r !== undefined) this.indexAt(index, r, i);
    });
    this.index = index;
    return index;
  }

  private compact(): void {
    this.rows = this.toArray();
    this.holes = 0;
    this.buildIndex();
  }
}
