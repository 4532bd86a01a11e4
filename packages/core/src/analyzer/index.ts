/**
 * The analyzer: checks scripts the way Flink's planner would before anything is deployed. So far: name
 * resolution against the script's own declarations, expression result types, and INSERT compatibility; option
 * validation is plugged in from `@flinkts/connectors` (see `OptionValidators`).
 */
export { checkScript, checkSql } from './check-script.js';
export type { CheckOptions, OptionValidators } from './check-script.js';
export { ScriptCatalog } from './script-catalog.js';
export type { CatalogColumn, CatalogTable } from './script-catalog.js';
export { expressionType } from './expression-type.js';
export type { ScopeColumn, TypeScope } from './expression-type.js';
export { checkPipelineGraph, LAYER_INPUTS } from './pipeline-graph.js';
export type { GraphJob, GraphTable, GraphWrite } from './pipeline-graph.js';
export { inferQuery } from './changelog/infer-changelog.js';
export { checkSink } from './changelog/sink-check.js';
export { CHANGELOG_CODES } from './changelog/codes.js';
export { INSERT_ONLY, isUpdating, describeOrigin } from './changelog/changelog-mode.js';
export type { ChangelogKind, ChangelogMode as InferredChangelogMode, LostTimeAttribute, Stream, StreamColumn, TimeAttributeKind, UpdateOrigin } from './changelog/changelog-mode.js';
export type { CapabilitiesResolver, StreamContext } from './changelog/stream-context.js';
export { TIME_CODES } from './time/codes.js';
export { tableTimeAttributes, checkWatermark } from './time/table-time-attributes.js';
