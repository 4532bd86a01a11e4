/**
 * Rewrites the hints of a query's table references (views' queries not followed), sharing every node it does not
 * change: catalog-table credentials and a shadow release's consumer groups are both passed as OPTIONS hints where
 * a job reads a table.
 */
import type { Hint, Query } from '@flinkts/core';

/** A table reference: its dotted path and its hints. */
export interface TableRead {
  readonly path: string;
  readonly hints: readonly Hint[] | undefined;
}

/** The query with each table reference's hints replaced by what `rehint` returns (undefined keeps them). */
export function rehintTableRefs(query: Query, rehint: (ref: TableRead) => readonly Hint[] | undefined): Query {
  const visit = (x: unknown): unknown => {
    if (Array.isArray(x)) {
      const mapped = x.map(visit);
      return mapped.some((m, i) => m !== x[i]) ? Object.freeze(mapped) : x;
    }
    if (x === null || typeof x !== 'object') return x;
    const node = x as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    let changed = false;
    for (const [k, v] of Object.entries(node)) {
      const m = visit(v);
      copy[k] = m;
      if (m !== v) changed = true;
    }
    if (node.kind === 'TableRef') {
      const hints = rehint({ path: (node.path as readonly string[]).join('.'), hints: node.hints as readonly Hint[] | undefined });
      if (hints !== undefined) {
        copy.hints = hints;
        changed = true;
      }
    }
    return changed ? Object.freeze(copy) : x;
  };
  return visit(query) as Query;
}
