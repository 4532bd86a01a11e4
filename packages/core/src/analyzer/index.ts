/**
 * The analyzer: checks scripts the way Flink's planner would before anything is deployed — the binder's name
 * resolution and expression types (plan/, with Flink 1.20's rules) reported as they are, INSERT compatibility,
 * sink checks over the bound plan's changelog modes, time attributes, and (for pipelines) the table graph across jobs. Option
 * validation and connector capabilities are plugged in from `@flinkts/connectors` (see `OptionValidators`).
 */
export { checkScript, checkSql } from './check-script.js';
export type { CheckOptions, OptionValidators } from './check-script.js';
export type { ScopeColumn, TypeEnv, TypeIssue, TypeScope } from '../typing/expression-type.js';
export type { GraphJob, GraphTable, GraphWrite } from './pipeline-graph.js';
export { CHANGELOG_CODES } from './changelog/codes.js';
export type { CapabilitiesResolver, StreamContext } from './changelog/stream-context.js';
export { TIME_CODES } from './time/codes.js';
