/**
 * Rewrites the hints of a query's table references (views' queries not followed), sharing every node it does not
 * change: catalog-table credentials and a shadow release's consumer groups are both passed as OPTIONS hints where
 * a job reads a table.
 */
import type { Hint, OptionEntry, Query } from '@flinkts/core';

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

const isOptionsHint = (h: Hint): boolean => h.name.toUpperCase() === 'OPTIONS' && h.options !== undefined;

/** The entries of the hints' OPTIONS hint (none without one). */
export function hintedOptions(hints: readonly Hint[] | undefined): readonly OptionEntry[] {
  return hints?.find(isOptionsHint)?.options ?? [];
}

/**
 * The hints with `entries` in their OPTIONS hint (one is added when there is none). For a key the hint already
 * sets, `replace` decides: the entry replaces the hint's value, or the hint's own value is kept.
 */
export function withOptions(hints: readonly Hint[] | undefined, entries: readonly OptionEntry[], replace: boolean): readonly Hint[] {
  const existing = hints ?? [];
  const i = existing.findIndex(isOptionsHint);
  const given = i < 0 ? [] : existing[i]!.options!;
  const entry = (key: string): OptionEntry | undefined => entries.find((e) => e.key === key);
  const kept = replace ? given.map((g) => entry(g.key) ?? g) : given;
  const added = entries.filter((e) => !given.some((g) => g.key === e.key));
  const merged = [...kept, ...added].map((e) => Object.freeze({ key: e.key, value: e.value }));
  const hint: Hint = Object.freeze({ name: 'OPTIONS', options: Object.freeze(merged) });
  return Object.freeze(i < 0 ? [...existing, hint] : existing.map((h, j) => (j === i ? hint : h)));
}
