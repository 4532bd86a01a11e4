/**
 * Per-key state for a key of two or more columns, found without building a string per row: one Map level per key
 * column, each level keyed as a one-column key is (`singleKey`: a number, string or boolean is its own Map key),
 * NULL as a sentinel of its own. Two key lists find the same entry exactly when `rowKey` gives them the same text
 * (the levels' keys are equal exactly when the columns' `keyOf` texts are), so it groups as `rowKey` does, with no
 * key text made, joined and hashed per row. A level emptied by a deletion is removed with it.
 */
import { singleKey } from '../values/compare.js';

const NULL_KEY = Symbol('NULL group key');
const levelKey = (v: unknown): unknown => (v === null || v === undefined ? NULL_KEY : singleKey(v));

type Level = Map<unknown, unknown>;

export class KeyTrie<V> {
  private readonly root: Level = new Map();

  /** `depth`: the number of key columns (at least 1). */
  constructor(private readonly depth: number) {}

  get(values: readonly unknown[]): V | undefined {
    let level = this.root;
    const last = this.depth - 1;
    for (let i = 0; i < last; i++) {
      const next = level.get(levelKey(values[i]));
      if (next === undefined) return undefined;
      level = next as Level;
    }
    return level.get(levelKey(values[last])) as V | undefined;
  }

  set(values: readonly unknown[], value: V): void {
    let level = this.root;
    const last = this.depth - 1;
    for (let i = 0; i < last; i++) {
      const k = levelKey(values[i]);
      let next = level.get(k) as Level | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(k, next);
      }
      level = next;
    }
    level.set(levelKey(values[last]), value);
  }

  delete(values: readonly unknown[]): void {
    const path: Level[] = [];
    let level = this.root;
    const last = this.depth - 1;
    for (let i = 0; i < last; i++) {
      const next = level.get(levelKey(values[i])) as Level | undefined;
      if (next === undefined) return;
      path.push(level);
      level = next;
    }
    level.delete(levelKey(values[last]));
    // remove the levels left empty, from the innermost out
    for (let i = last - 1; i >= 0 && level.size === 0; i--) {
      const parent = path[i] as Level;
      parent.delete(levelKey(values[i]));
      level = parent;
    }
  }
}
