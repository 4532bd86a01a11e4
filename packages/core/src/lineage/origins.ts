/**
 * Where the values of one plan column come from: the source-table columns it reads directly (with the strongest
 * direct kind: AGGREGATION over TRANSFORMATION over IDENTITY), the ones it depends on indirectly at column level
 * (CASE / IF conditions, OVER partitions and orders), and the expression that computes it over source columns.
 */
import type { Expression } from '../ast/expression.js';
import type { LineageColumnRef, LineageEdgeSubtype } from './model.js';

export type DirectKind = 'IDENTITY' | 'TRANSFORMATION' | 'AGGREGATION';
export type IndirectKind = Exclude<LineageEdgeSubtype, DirectKind>;

export interface Origin<K extends LineageEdgeSubtype> {
  readonly from: LineageColumnRef;
  readonly kind: K;
}

export interface ColumnOrigins {
  /** By `table\0column`. */
  readonly direct: ReadonlyMap<string, Origin<DirectKind>>;
  /** By `table\0column\0kind`. */
  readonly indirect: ReadonlyMap<string, Origin<IndirectKind>>;
  /** The column's expressions over source columns (several after a UNION); empty when it copies no expression. */
  readonly exprs: readonly Expression[];
}

/** Indirect origins of a whole dataset (filters, join keys, grouping keys, windows, sort keys), by `table\0column\0kind`. */
export type DatasetOrigins = ReadonlyMap<string, Origin<IndirectKind>>;

export const NO_ORIGINS: ColumnOrigins = Object.freeze({ direct: new Map(), indirect: new Map(), exprs: [] });

const RANK: Record<DirectKind, number> = { IDENTITY: 0, TRANSFORMATION: 1, AGGREGATION: 2 };

export const columnKey = (c: LineageColumnRef): string => `${c.table}\u0000${c.column}`;

export function addDirect(into: Map<string, Origin<DirectKind>>, from: LineageColumnRef, kind: DirectKind): void {
  const key = columnKey(from);
  const known = into.get(key);
  if (known === undefined || RANK[known.kind] < RANK[kind]) into.set(key, { from, kind });
}

export function addIndirect(into: Map<string, Origin<IndirectKind>>, from: LineageColumnRef, kind: IndirectKind): void {
  const key = `${columnKey(from)}\u0000${kind}`;
  if (!into.has(key)) into.set(key, { from, kind });
}

/** Every source column a column reads, directly or not, as indirect origins of `kind` (a filter on it, a join key …). */
export function allAs(origins: ColumnOrigins, kind: IndirectKind, into: Map<string, Origin<IndirectKind>>): void {
  for (const o of origins.direct.values()) addIndirect(into, o.from, kind);
  for (const o of origins.indirect.values()) addIndirect(into, o.from, kind);
}
