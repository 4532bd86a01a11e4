/**
 * @flinkts/pipelines/internal — plumbing for flinkts's CLI and tests: the deploy machinery (targets, plans,
 * savepoints, state compatibility), lineage queries and renderers, MySQL introspection and script import, secrets
 * scanning, emitter helpers. Not public: no argument checks and no promise of stability; users call the package
 * root (job, pipeline, buildPipeline, checkPipeline, printJob, pipelineLineage, lineageArtifacts, quality,
 * monitorJobs, streamparkSqlProblems and the types and constants beside them).
 */
export { resolveEnvironment } from './resolve-environment.js';
export { checkEnvironment } from './check-pipeline.js';
export { jobStatements, selectTargets } from './build.js';
export { decodeForm, encodeForm } from './emit/form-body.js';
export { streamparkCommand, streamparkSplit } from './emit/streampark-sql.js';
export { vvpShapeProblems } from './emit/ververica.js';
export { placeholders } from './variables.js';
export { monitorInserts, monitorSql, monitorSqls } from './quality/monitor-query.js';
export { prometheusReporterSettings } from './alerting/flink-reporter.js';
export { secretsInText, urlSecretProblem } from './alerting/secrets.js';
export { flinkTypeOf } from './introspect/mysql-types.js';
export { parseMysqlUrl } from './introspect/mysql-url.js';
export { readMysqlSchema } from './introspect/read-schema.js';
export { generateTablesModule, typedTables } from './introspect/generate-tables.js';
export { declaredMysqlTables, schemaDrift } from './introspect/drift.js';
export { introspectedDeclarations } from './introspect/declarations.js';
export { applyCertainFixes } from './import/fixes.js';
export { importScripts, strip } from './import/import-scripts.js';
export { findLineageColumn, findLineageJob, findLineageTable } from './lineage-formats/names.js';
export { downstreamOf, impactOf, jobGraph, jobLineage, tableLineage, upstreamOf, wholeLineage } from './lineage-formats/query.js';
export { jobGraphText, lineageText } from './lineage-formats/text.js';
export { lineageJson, readLineageJson } from './lineage-formats/json.js';
export { jobGraphMermaid, lineageMermaid } from './lineage-formats/mermaid.js';
export { datasetId, openLineageEvents, openLineageJsonLines } from './lineage-formats/openlineage.js';
export { lineageHtml } from './lineage-formats/html.js';
export { apiKeyProblem, endpointProblem, postOpenLineage } from './lineage-formats/post.js';
export { retrying } from './deploy/retry.js';
export { runName, parseRunName, shadowJobName } from './deploy/target.js';
export { readCompiledPlan, rowFieldNames } from './deploy/compiled-plan.js';
export { compareCompiledPlans, coordinatedSources } from './deploy/state-compat.js';
export { nodeRoles, pinOperatorIds } from './deploy/operator-ids.js';
export { diffStatements, settingChanges } from './deploy/statement-diff.js';
export { awaitHealthy } from './deploy/health.js';
export { bridgeCompiler } from './deploy/plan-compiler.js';
export { loadSecrets, placeholdersIn } from './deploy/credentials.js';
export { abandonShadow, artifactOf, deployJob, planJob, promoteJob, rollbackJob } from './deploy/deploy.js';
export { jobsInDependencyOrder } from './deploy/job-order.js';
export { pipelineArtifacts } from './deploy/pipeline-artifacts.js';
export { connectTarget } from './deploy/connect.js';
export { listSavepoints, pruneSavepoints, triggerSavepoint } from './deploy/savepoints.js';
export { pipelineLineageWithDiagnostics } from './lineage/pipeline-lineage.js';
export { datasetAddress, parseJdbcUrl, pathAddress } from './lineage/dataset-address.js';
export { tableGraph } from './lineage/table-graph.js';
// The deploy targets' classes (the root exports the target *types* of the same names, from targets.ts).
export { StreamparkTarget } from './deploy/streampark-target.js';
export { VvpTarget } from './deploy/vvp-target.js';
export { AlibabaTarget } from './deploy/alibaba-target.js';
// The code tables' texts: the templates that word each code's message from its payload.
export { INTROSPECT_TEXTS } from './introspect/codes.js';
export { IMPORT_TEXTS } from './import/codes.js';
export { LINEAGE_TEXTS } from './lineage-formats/codes.js';
export { DEPLOY_TEXTS } from './deploy/codes.js';
