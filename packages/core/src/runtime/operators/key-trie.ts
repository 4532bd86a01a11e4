/**
 * Per-key state for a key of two or more columns, found without building a string per row: one level per key
 * column, a Map (or, while the level holds one entry, a small node instead of a Map), each level keyed as a
 * one-column key is (`singleKey`: a number, string or boolean is its own key), NULL as a sentinel of its own. Two
 * key lists find the same entry exactly when `rowKey` gives them the same text (the levels' keys are equal exactly
 * when the columns' `keyOf` texts are), so it groups as `rowKey` does, with no key text made, joined and hashed per
 * row. A level emptied by a deletion is removed with it.
 */
import { singleKey } from '../values/compare.js';

const NULL_KEY = Symbol('NULL group key');
const levelKey = (v: unknown): unknown => (v === null || v === undefined ? NULL_KEY : singleKey(v));

type Level = Map<unknown, unknown>;
/** A level holding one entry (most prefixes of a high-cardinality leading column): no Map made for it. */
class One {
  constructor(readonly key: unknown, public next: unknown) {}
}
type Inner = Level | One;

/** Map's key equality (SameValueZero) for the level keys (primitives, a symbol, a bigint, a key text). */
const same = (a: unknown, b: unknown): boolean => a === b || (a !== a && b !== b);
const find = (node: Inner, k: unknown): unknown => (node instanceof One ? (same(node.key, k) ? node.next : undefined) : node.get(k));

export class KeyTrie<V> {
  private readonly root: Level = new Map();

  /** `depth`: the number of key columns (at least 1). */
  constructor(private readonly depth: number) {}

  get(values: readonly unknown[]): V | undefined {
    let node: Inner = this.root;
    const last = this.depth - 1;
    for (let i = 0; i < last; i++) {
      const next = find(node, levelKey(values[i]));
      if (next === undefined) return undefined;
      node = next as Inner;
    }
    return find(node, levelKey(values[last])) as V | undefined;
  }

  set(values: readonly unknown[], value: V): void {
    // the path down, each inner node with the key that led to it from its parent
    const last = this.depth - 1;
    let parent: Inner | undefined;
    let parentKey: unknown;
    let node: Inner = this.root;
    for (let i = 0; ; i++) {
      const k = levelKey(values[i]);
      if (node instanceof One && !same(node.key, k)) {
        // a second entry at this level: the level becomes a Map
        const level: Level = new Map([[node.key, node.next]]);
        this.replace(parent as Inner, parentKey, level);
        node = level;
      }
      if (i === last) {
        if (node instanceof One) node.next = value;
        else node.set(k, value);
        return;
      }
      const next = find(node, k) as Inner | undefined;
      if (next !== undefined) {
        parent = node;
        parentKey = k;
        node = next;
        continue;
      }
      // the rest of the path is new: one-entry levels down to the value
      let chain: unknown = value;
      for (let j = last; j > i; j--) chain = new One(levelKey(values[j]), chain);
      if (node instanceof One) node.next = chain;
      else node.set(k, chain);
      return;
    }
  }

  delete(values: readonly unknown[]): void {
    const path: Inner[] = [];
    let node: Inner = this.root;
    const last = this.depth - 1;
    for (let i = 0; i < last; i++) {
      const next = find(node, levelKey(values[i])) as Inner | undefined;
      if (next === undefined) return;
      path.push(node);
      node = next;
    }
    const k = levelKey(values[last]);
    let empty: boolean;
    if (node instanceof One) empty = same(node.key, k);
    else {
      node.delete(k);
      empty = node.size === 0;
    }
    // remove the levels left empty, from the innermost out
    for (let i = last - 1; i >= 0 && empty; i--) {
      const parent = path[i] as Inner;
      const pk = levelKey(values[i]);
      if (parent instanceof One) empty = true; // its only entry led to the emptied level
      else {
        parent.delete(pk);
        empty = parent.size === 0 && parent !== this.root;
      }
    }
  }

  /** Puts `child` where `parent` held its entry `key`. */
  private replace(parent: Inner, key: unknown, child: Inner): void {
    if (parent instanceof One) parent.next = child;
    else parent.set(key, child);
  }
}
