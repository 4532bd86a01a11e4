/** Derived properties are computed once per node: a cache per property, keyed by the (frozen) node. */
import type { PlanNode } from '../node.js';

export function memoized<T>(derive: (node: PlanNode) => T): (node: PlanNode) => T {
  const cache = new WeakMap<PlanNode, T>();
  return (node) => {
    if (cache.has(node)) return cache.get(node)!;
    const value = derive(node);
    cache.set(node, value);
    return value;
  };
}

/** The output position of each input position a projection copies unchanged (the first copy). */
export function copiedPositions(copies: readonly (number | undefined)[]): Map<number, number> {
  const out = new Map<number, number>();
  copies.forEach((from, to) => {
    if (from !== undefined && !out.has(from)) out.set(from, to);
  });
  return out;
}
