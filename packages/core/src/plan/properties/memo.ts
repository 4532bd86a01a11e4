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

