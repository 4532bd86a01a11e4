/**
 * @flinkts/pipelines — jobs, pipelines and environments, the cross-job analyzer run, and the emitters: plain
 * Flink SQL, StreamPark 2.1.x create forms, VVP 2.x Deployments and Alibaba Realtime Compute deployments.
 */
export { job, Job } from './job.js';
export type { JobSpec } from './job.js';
export { pipeline, Pipeline } from './pipeline.js';
export type { AnyPipeline, EnvironmentSpec, JobOverride, PipelineSpec } from './pipeline.js';
export type { ProcessResources, Resources, TaskManagerResources } from './resources.js';
export { LINEAGE_FORMATS, STREAMPARK_EXECUTION_MODES } from './targets.js';
export { TARGET_NAMES } from './emit/emitters.js';
export type { LineageFormat, LineageOutputTarget, AlibabaTarget, StreamparkExecutionMode, StreamparkTarget, TargetName, Targets, VvpTarget } from './targets.js';
export { resolveEnvironment } from './resolve-environment.js';
export type { ResolvedEnvironment, ResolvedJob } from './resolve-environment.js';
export { checkEnvironment } from './check-pipeline.js';
export { buildPipeline, checkPipeline, jobStatements, printJob, selectTargets } from './build.js';
export type { BuildOptions, BuildResult } from './build.js';
export type { ArtifactFile } from './emit/artifact-file.js';
export { decodeForm, encodeForm } from './emit/form-body.js';
export { STREAMPARK_JOB_NAME, STREAMPARK_VARIABLE_CODE } from './emit/streampark.js';
export { STREAMPARK_COMMANDS, streamparkCommand, streamparkSplit, streamparkSqlProblems } from './emit/streampark-sql.js';
export type { StreamparkSegment } from './emit/streampark-sql.js';
export { VVP_NAME, vvpShapeProblems } from './emit/ververica.js';
export { CODES as PIPELINE_CODES } from './codes.js';
export { PIPELINE_DIAGNOSTIC_CODES } from './diagnostic-codes.js';
export { placeholders } from './variables.js';
export * from './quality/index.js';
export * from './alerting/index.js';
export * from './introspect/index.js';
export * from './import/index.js';
export * from './lineage-formats/index.js';
export * from './deploy/index.js';
export * from './lineage/index.js';
