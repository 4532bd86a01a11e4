/** The tables and views a query reads: every `TableRef` in it, except references to its own CTEs. */
import type { Query } from '@flinkts/core';

function cteNames(node: unknown, into: Set<string>): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) cteNames(x, into);
    return;
  }
  const n = node as { kind?: string; ctes?: readonly { name: string }[] };
  if (n.kind === 'With' && n.ctes !== undefined) for (const c of n.ctes) into.add(c.name);
  for (const [key, value] of Object.entries(node)) if (key !== 'span') cteNames(value, into);
}

/** Referenced paths (joined with '.'), in first-use order, without duplicates. */
export function tableRefs(query: Query): string[] {
  const ctes = new Set<string>();
  cteNames(query, ctes);
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const x of node) visit(x);
      return;
    }
    const n = node as { kind?: string; path?: readonly string[] };
    if (n.kind === 'TableRef' && n.path !== undefined) {
      const name = n.path.join('.');
      if (!(n.path.length === 1 && ctes.has(name)) && !found.includes(name)) found.push(name);
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'span') visit(value);
  };
  visit(query);
  return found;
}
