/**
 * The lineage data model: what every lineage producer writes and every lineage format (text, JSON, Mermaid,
 * OpenLineage, HTML) reads. Edge kinds are OpenLineage's column-lineage transformation types (facet 1-2-0), so
 * the OpenLineage writer maps them one to one.
 */

/** How a sink column (or the whole sink) depends on a source column. */
export type LineageEdgeType = 'DIRECT' | 'INDIRECT';

/**
 * DIRECT: IDENTITY (copied), TRANSFORMATION (an expression of it), AGGREGATION (an aggregate of it).
 * INDIRECT: JOIN (join key), FILTER (WHERE / HAVING / ON filter), GROUP_BY (grouping key), WINDOW (window or time
 * attribute), SORT (ORDER BY / rank or dedup order key), CONDITIONAL (CASE / IF condition).
 */
export type LineageEdgeSubtype =
  | 'IDENTITY'
  | 'TRANSFORMATION'
  | 'AGGREGATION'
  | 'JOIN'
  | 'FILTER'
  | 'GROUP_BY'
  | 'WINDOW'
  | 'SORT'
  | 'CONDITIONAL';

/** A column of a table, the table named by its catalog-qualified path joined with dots (`cat.db.t`). */
export interface LineageColumnRef {
  readonly table: string;
  readonly column: string;
}

/** The target of an edge: a column, or the whole table (no `column`) for indirect edges such as a filter. */
export interface LineageTarget {
  readonly table: string;
  readonly column?: string;
}

export interface LineageEdge {
  readonly from: LineageColumnRef;
  readonly to: LineageTarget;
  readonly type: LineageEdgeType;
  readonly subtype: LineageEdgeSubtype;
  /** The expression or function as Flink SQL, e.g. `TO_TIMESTAMP_LTZ(CAST(JSON_VALUE(payload, '$.ts') AS BIGINT), 3)`. */
  readonly description?: string;
  /** The job (statement set) whose INSERT creates the edge. */
  readonly job: string;
}

/** Where a table's data lives, for OpenLineage dataset naming: namespace `scheme://authority`, dataset `name`. */
export interface LineageDatasetAddress {
  readonly scheme: string;
  readonly authority: string;
  readonly name: string;
}

export interface LineageTable {
  /** Catalog-qualified path joined with dots. */
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly connector?: string;
  readonly address?: LineageDatasetAddress;
  /** The pipeline layer (ods, dwd, dws, ads ...) when the pipeline declares layers. */
  readonly layer?: string;
}

export interface LineageJob {
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

/** Lineage of one pipeline in one environment: tables, jobs and column edges, in a deterministic order. */
export interface PipelineLineage {
  readonly pipeline: string;
  readonly environment: string;
  readonly tables: readonly LineageTable[];
  readonly jobs: readonly LineageJob[];
  readonly edges: readonly LineageEdge[];
}
