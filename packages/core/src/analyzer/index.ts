/**
 * The analyzer: checks scripts the way Flink's planner would before anything is deployed — the binder's name
 * resolution and expression types (plan/, with Flink 1.20's rules) reported as they are, INSERT compatibility,
 * sink checks over the bound plan's changelog modes, time attributes, and (for pipelines) the table graph across jobs. Option
 * validation and connector capabilities are plugged in from `@flinkts/connectors` (see `OptionValidators`).
 */
export { checkScript, checkSql } from './check-script.js';
export type { CheckOptions, OptionValidators } from './check-script.js';
export { ScriptCatalog } from './script-catalog.js';
export type { CatalogColumn, CatalogTable } from './script-catalog.js';
export { expressionType, resolveColumn } from '../typing/expression-type.js';
export type { ScopeColumn, TypeEnv, TypeIssue, TypeScope } from '../typing/expression-type.js';
export { arithmeticType } from '../typing/arithmetic-type.js';
export { adjustDecimal, decimalArithmetic } from '../types/decimal-merging.js';
export { comparisonProblem } from '../typing/comparable.js';
export { explicitCastProblem } from '../typing/explicit-cast.js';
export { checkPipelineGraph, LAYER_INPUTS } from './pipeline-graph.js';
export type { GraphJob, GraphTable, GraphWrite } from './pipeline-graph.js';
export { checkSink } from './changelog/sink-check.js';
export { CHANGELOG_CODES } from './changelog/codes.js';
export { describeOrigin } from './changelog/changelog-mode.js';
export type { CapabilitiesResolver, StreamContext } from './changelog/stream-context.js';
export { TIME_CODES } from './time/codes.js';
export { checkWatermark } from './time/table-time-attributes.js';
