/**
 * @flinkts/core — Flink SQL types, the AST, builders, the printer, the parser front end, the analyzer and the
 * local runtime.
 */
export * from './ast/index.js';
export * from './types/index.js';
export * from './diagnostics/index.js';
export * from './connector/index.js';
