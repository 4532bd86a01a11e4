/**
 * @flinkts/core — Flink SQL types, the AST, builders, the printer, the parser front end and the analyzer. The
 * testing API is a separate entry point (`@flinkts/core/testing`), and so is the local runtime under it
 * (`@flinkts/core/runtime`): a pipeline's config and the CLI do not load the runtime's ~400 kB.
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
// The analyzer's catalog and namespace are types here (checkScript / bind make them; @flinkts/core/internal has the classes).
export type { ObjectCatalog } from './catalog/catalog.js';
export { DEFAULT_CATALOG, DEFAULT_DATABASE } from './catalog/namespace.js';
export type { Namespace, QualifiedName } from './catalog/namespace.js';
export type { CatalogEntry, CatalogTableEntry, CatalogViewEntry } from './catalog/catalog.js';
export * from './plan/index.js';
// The code tables of each stage (code by name: SQL_CODES.reservedWord); the rest are exported with their stage. Their
// texts (the templates that word a code's message) are plumbing: @flinkts/core/internal.
export { SQL_CODE_TABLE, SQL_CODES } from './sql/codes.js';
export { DEFINITION_CODE_TABLE, DEFINITION_CODES } from './diagnostics/definition-codes.js';
export { NAME_CODE_TABLE, NAME_CODES } from './diagnostics/name-codes.js';
export { INSERT_CODE_TABLE, INSERT_CODES } from './plan/insert-codes.js';
export { TYPE_CODE_TABLE, TYPE_CODES } from './typing/codes.js';
export { LAYER_CODE_TABLE, LAYER_CODES } from './analyzer/layer-codes.js';
export { CONNECTOR_CODE_TABLE, CONNECTOR_CODES } from './connector/codes.js';
export type { PrimaryKeyProblem } from './connector/codes.js';
export * from './lineage/index.js';
