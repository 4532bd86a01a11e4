/**
 * @flinkts/core — Flink SQL types, the AST, builders, the printer, the parser front end, the analyzer and the
 * local runtime. The testing API is a separate entry point: `@flinkts/core/testing`.
 */
export * from './ast/index.js';
export * from './types/index.js';
export * from './diagnostics/index.js';
export * from './connector/index.js';
export * from './table/index.js';
export * from './functions/index.js';
export * from './builder/index.js';
export * from './sql/index.js';
export * from './analyzer/index.js';
export * from './runtime/index.js';
export type {
  LineageColumnRef,
  LineageDatasetAddress,
  LineageEdge,
  LineageEdgeSubtype,
  LineageEdgeType,
  LineageJob,
  LineageTable,
  LineageTarget,
  PipelineLineage,
} from './lineage/model.js';
