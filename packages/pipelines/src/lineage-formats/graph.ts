/**
 * Index of a `PipelineLineage` for walking it: edges by the column they come from and by the target they reach,
 * tables by name. A column is keyed `table#column`; a whole-table target (an indirect edge such as a filter, with no
 * column) is keyed `table#*`, and it stands for every column of that table.
 */
import type { LineageColumnRef, LineageEdge, LineageTable, LineageTarget, PipelineLineage } from '@flinkts/core';

export const WHOLE_TABLE = '*';

export const columnKey = (ref: LineageTarget): string => `${ref.table}#${ref.column ?? WHOLE_TABLE}`;

export interface LineageGraph {
  readonly lineage: PipelineLineage;
  readonly tables: ReadonlyMap<string, LineageTable>;
  /** Edges leaving a column, by `table#column`. */
  readonly outgoing: ReadonlyMap<string, readonly LineageEdge[]>;
  /** Edges reaching a column or a whole table, by `table#column` / `table#*`. */
  readonly incoming: ReadonlyMap<string, readonly LineageEdge[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export function lineageGraph(lineage: PipelineLineage): LineageGraph {
  const outgoing = new Map<string, LineageEdge[]>();
  const incoming = new Map<string, LineageEdge[]>();
  for (const e of lineage.edges) {
    push(outgoing, columnKey(e.from), e);
    push(incoming, columnKey(e.to), e);
  }
  return { lineage, tables: new Map(lineage.tables.map((t) => [t.name, t])), outgoing, incoming };
}

/** Edges that reach a column: those into the column itself and those into its whole table. */
export function edgesInto(g: LineageGraph, ref: LineageColumnRef): readonly LineageEdge[] {
  return [...(g.incoming.get(columnKey(ref)) ?? []), ...(g.incoming.get(`${ref.table}#${WHOLE_TABLE}`) ?? [])];
}

/** The columns a target stands for: the column, or every column of a whole-table target. */
export function targetColumns(g: LineageGraph, target: LineageTarget): readonly LineageColumnRef[] {
  if (target.column !== undefined) return [{ table: target.table, column: target.column }];
  return (g.tables.get(target.table)?.columns ?? []).map((c) => ({ table: target.table, column: c.name }));
}
