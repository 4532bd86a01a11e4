// Column specs are types here: column(…) and metadata(…) make them.
export { LAYERS, Table, column, metadata, table } from './table.js';
export type { ColumnExprs, ColumnSpec, Layer, MetadataColumnSpec, PhysicalColumnSpec, RowOf, TableSpec } from './table.js';
export * from './catalog.js';
export * from './view.js';
