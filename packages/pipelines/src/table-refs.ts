/** The tables and views a query reads: every `TableRef` in it, except references to its own CTEs. */
import type { Query } from '@flinkts/core';
import { walkAst } from '@flinkts/core/internal';

/** Referenced paths (joined with '.'), in first-use order, without duplicates. */
export function tableRefs(query: Query): string[] {
  const ctes = new Set<string>();
  const refs: (readonly string[])[] = [];
  walkAst(query, (node) => {
    const n = node as { kind?: string; ctes?: readonly { name: string }[]; path?: readonly string[] };
    if (n.kind === 'With' && n.ctes !== undefined) for (const c of n.ctes) ctes.add(c.name);
    if (n.kind === 'TableRef' && n.path !== undefined) refs.push(n.path);
  });
  const found: string[] = [];
  for (const path of refs) {
    const name = path.join('.');
    if (!(path.length === 1 && ctes.has(name)) && !found.includes(name)) found.push(name);
  }
  return found;
}
