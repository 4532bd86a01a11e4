/**
 * An upsert sink's rows by primary key, in the order their keys were (last) inserted, as a `Map` keeps them. A key
 * that is a small non-negative integer also has its current row in an array indexed by the key: replacing that row
 * (an update, the common change of a keyed aggregation's output) writes the array, with no hash lookup; the map
 * keeps such a key's place in the order (its row there is read from the array).
 */
type Row = readonly unknown[];

/** The largest such key + 1 (the array never grows past this many entries). */
const DENSE_LIMIT = 1 << 16;
const denseSlot = (k: unknown): number => (typeof k === 'number' && k >>> 0 === k && k < DENSE_LIMIT ? k : -1);

export class KeyedRows {
  private readonly map = new Map<unknown, Row>();
  /** The current row of a small integer key present in `map`, else undefined. */
  private dense: (Row | undefined)[] = [];

  get size(): number {
    return this.map.size;
  }

  set(k: unknown, row: Row): void {
    const slot = denseSlot(k);
    if (slot >= 0) {
      if (slot >= this.dense.length) this.grow(slot);
      const dense = this.dense;
      const present = dense[slot] !== undefined;
      dense[slot] = row;
      if (present) return;
    }
    this.map.set(k, row);
  }

  delete(k: unknown): void {
    const slot = denseSlot(k);
    if (slot >= 0 && slot < this.dense.length) this.dense[slot] = undefined;
    this.map.delete(k);
  }

  /** The rows in order, one at a time. */
  forEach(f: (row: Row) => void): void {
    const dense = this.dense;
    for (const [k, row] of this.map) {
      const slot = denseSlot(k);
      f(slot >= 0 ? (dense[slot] as Row) : row);
    }
  }

  toArray(): Row[] {
    const out: Row[] = [];
    this.forEach((r) => out.push(r));
    return out;
  }

  private grow(slot: number): void {
    const old = this.dense;
    const next = new Array<Row | undefined>(Math.min(DENSE_LIMIT, Math.max(slot + 1, old.length * 2, 16)));
    for (let i = 0; i < old.length; i++) next[i] = old[i];
    this.dense = next;
  }
}
