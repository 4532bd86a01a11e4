/**
 * Stable diagnostic codes of `@flinkts/pipelines` (FTS8xxx: pipelines, environments and job specs), with the texts of
 * the templated ones (`suggestion`: a did-you-mean from didYouMean, which replaces the default hint).
 */
import type { ArgumentPayload } from '@flinkts/core';
import { DEFINITION_TEXTS } from '@flinkts/core/internal';
import { codeTable, template } from '@flinkts/core/internal';
import type { ArtifactProblem } from '@flinkts/connectors';

/** FTS8040's message and hint of a jar that does not fit the Flink version (resolved from the connectors, or a job's own). */
function artifactText(p: ArtifactProblem): readonly [message: string, hint: string] {
  switch (p.kind) {
    case 'noTable':
    case 'noRelease': return [
      p.kind === 'noTable' ? `flinkts has no connector compatibility table for Flink '${p.flinkVersion}'` : `Flink version '${p.flinkVersion}' names no release: the jars released with Flink need the full version`,
      `give a Flink release x.y.z of ${p.minors.join(', ')}; default ${p.defaultVersion}`,
    ];
    case 'unknownRelease':
    case 'noBuild': return [
      p.kind === 'unknownRelease' ? `${p.piece} ${p.version} is not a release flinkts knows a build of (Flink ${p.flinkVersion})`
        : `${p.piece} ${p.version} has no build for Flink ${p.minor} (it is built for Flink ${p.builtFor.join(', ')}); a job shipping it on Flink ${p.flinkVersion} fails to start or at run time`,
      p.nearest.length > 0 ? `releases built for Flink ${p.minor}: ${p.nearest.join(', ')}` : `no release of ${p.piece} is built for Flink ${p.minor}`,
    ];
    case 'flinkJar': return [`${p.id} is released with Flink ${p.jarVersion}, not ${p.flinkVersion}`, `use ${p.use}`];
    case 'connectorJar': return [
      `${p.id} is ${p.built === undefined ? `${p.piece} ${p.release}, which has no build for` : `built for Flink ${p.built}, not`} Flink ${p.minor}`,
      `use ${p.use.join(' + ')}, or leave it out: the connectors ask for their jars themselves`,
    ];
  }
}

/** The payload of FTS8050: what does not fit a quality() declaration or a monitor. */
export type BadQuality =
  | { readonly kind: 'notTimeAttribute'; readonly time: string; readonly table: string; readonly watermark: string | undefined }
  | { readonly kind: 'notDimension'; readonly key: string; readonly dimensions: readonly string[] }
  | { readonly kind: 'otherDimension'; readonly key: string }
  | { readonly kind: 'weightWithoutChecks'; readonly dimension: string }
  | { readonly kind: 'badWeight'; readonly dimension: string; readonly weight: number }
  | { readonly kind: 'unknownColumn'; readonly column: string; readonly table: string; readonly columns: readonly string[] }
  | { readonly kind: 'notText'; readonly check: string; readonly column: string }
  | { readonly kind: 'badRegex'; readonly regex: string }
  | { readonly kind: 'emptyInSet' | 'badLength'; readonly column: string }
  | { readonly kind: 'notTimestamp'; readonly column: string; readonly type: string }
  | { readonly kind: 'noChecks' | 'noLayer'; readonly table: string }
  | { readonly kind: 'badLevel'; readonly level: string }
  | { readonly kind: 'delayWithoutFreshness' }
  | { readonly kind: 'badScore' | 'badRatio'; readonly value: number }
  | { readonly kind: 'declaredTwice'; readonly tables: readonly string[] }
  | { readonly kind: 'badDuration'; readonly text: string }
  | { readonly kind: 'notInsert'; readonly label: string };

function badQuality(p: BadQuality): readonly [message: string, hint: string] {
  switch (p.kind) {
    case 'notTimeAttribute': return [`'${p.time}' is not a time attribute of table '${p.table}'`, p.watermark !== undefined ? `the table's watermark is on '${p.watermark}'` : 'declare a watermark on it, or use a PROCTIME() computed column for processing-time windows'];
    case 'notDimension': return [`'${p.key}' is not a quality dimension`, `dimensions: ${p.dimensions.join(', ')}`];
    case 'otherDimension': return [`a check of another dimension is listed under '${p.key}'`, 'list notNull under completeness, rule under accuracy, unique under consistency, freshness under timeliness, matches / inSet / length under conformity'];
    case 'weightWithoutChecks': return [`dimension '${p.dimension}' has a weight but no checks`, `add checks for ${p.dimension} or remove its weight`];
    case 'badWeight': return [`the weight of '${p.dimension}' must be a positive number, received ${p.weight}`, 'weights are relative: e.g. 30 / 25 / 15 / 15 / 15'];
    case 'unknownColumn': return [`column '${p.column}' is not a column of table '${p.table}'`, `columns: ${p.columns.join(', ')}`];
    case 'notText': return [`${p.check} needs a text column; '${p.column}' is not one`, 'use inSet or a rule for other types'];
    case 'badRegex': return [`'${p.regex}' is not a regular expression`, 'REGEXP takes a Java regular expression'];
    case 'emptyInSet': return [`inSet('${p.column}') has no values`, 'list the allowed values'];
    case 'badLength': return [`length('${p.column}') needs 0 ≤ min ≤ max`, 'give min, max or both'];
    case 'notTimestamp': return [`freshness needs a TIMESTAMP column; '${p.column}' is ${p.type}`, 'use the column that holds the event time'];
    case 'noChecks': return [`quality('${p.table}') declares no checks`, 'declare at least one dimension'];
    case 'noLayer': return [`table '${p.table}' has no layer`, "give the table a layer ('ods', 'dwd', 'dws' …): results and alerts are reported per layer"];
    case 'badLevel': return [`'${p.level}' is not a level name`, "levels are lower-case names the monitoring target routes: 'critical', 'high' …"];
    case 'delayWithoutFreshness': return ['a delay alert needs a freshness check', 'add a timeliness check: q.freshness(column, maxDelay)'];
    case 'badScore': return [`a score threshold lies in (0, 100], received ${p.value}`, 'scores are 0–100'];
    case 'badRatio': return [`a failed ratio lies in [0, 1), received ${p.value}`, 'write 2 % as 0.02'];
    case 'declaredTwice': return [`quality is declared twice for ${p.tables.join(', ')}`, 'declare quality once per table'];
    case 'badDuration': return [`'${p.text}' is not a duration`, "write a positive whole number and a unit: '30 s', '5 min', '1 h', '1 d'"];
    case 'notInsert': return [`the monitor of '${p.label}' is not an INSERT`, 'the monitor query is generated from the quality() declaration; check its checks and rules, which are written into it'];
  }
}

/** The payload of FTS8051: a monitoring target or monitor job that cannot be built. */
export type BadMonitoring =
  | { readonly kind: 'resultColumns'; readonly table: string; readonly missing: readonly string[] }
  | { readonly kind: 'noQualities'; readonly monitor: string }
  | { readonly kind: 'unknownLevel'; readonly level: string; readonly levels: readonly string[] }
  | { readonly kind: 'noLevels' }
  | { readonly kind: 'undeclaredTable'; readonly label: string; readonly table: string }
  | { readonly kind: 'noResults' }
  | { readonly kind: 'secretInUrl'; readonly channel: string; readonly problem: string }
  | { readonly kind: 'noChannel'; readonly level: string; readonly channel: string }
  | { readonly kind: 'unknownEscalation'; readonly level: string; readonly to: string; readonly levels: readonly string[] };

function badMonitoring(p: BadMonitoring): readonly [message: string, hint: string] {
  switch (p.kind) {
    case 'resultColumns': return [`the result table '${p.table}' lacks ${p.missing.join(', ')}`, 'declare it with columns: QUALITY_RESULT_COLUMNS'];
    case 'noQualities': return [`monitor '${p.monitor}' has no quality declarations`, 'pass the quality() declarations to monitor'];
    case 'unknownLevel': return [`level '${p.level}' is not one of the monitoring target's levels`, `levels: ${p.levels.join(', ') || 'none'}`];
    case 'noLevels': return ['the monitoring target declares no levels', "declare levels: { critical: { notify: ['dingtalk'], … } }"];
    case 'undeclaredTable': return [`quality of '${p.label}' reads '${p.table}', which is not among the pipeline's tables`, "add the table to the pipeline's tables and the monitor job to its jobs"];
    case 'noResults': return ["the quality metrics need the monitor's result table", "give results: { table: 'database.table' } as the exporter's database user sees it"];
    case 'secretInUrl': return [`the ${p.channel} channel's URL would write a secret into the Alertmanager configuration: ${p.problem}`, 'point it at a bridge or gateway that keeps the token (DingTalk / WeCom robots: prometheus-webhook-dingtalk or your own), and put a bearer token in credentialsFile'];
    case 'noChannel': return [`level '${p.level}' notifies '${p.channel}', which has no channel`, `declare channels.${p.channel}`];
    case 'unknownEscalation': return [`level '${p.level}' escalates to '${p.to}', which is not a level`, `levels: ${p.levels.join(', ')}`];
  }
}

/** The payload of FTS8040. */
export type BadVersion =
  | { readonly kind: 'resolved'; readonly problem: ArtifactProblem }
  | { readonly kind: 'jobJar'; readonly job: string; readonly problem: ArtifactProblem }
  | { readonly kind: 'alibabaEngine'; readonly engine: string; readonly minor: string }
  | { readonly kind: 'vvpFlink'; readonly vvpVersion: string; readonly flinkVersion: string; readonly minor: string }
  | { readonly kind: 'jarUri'; readonly key: string; readonly named: string; readonly job: string; readonly flinkVersion: string; readonly version: string; readonly file: string; readonly target: string };

export const CODE_TABLE = codeTable({
  undeclared: ['FTS8001', 'A job reads or writes a table, view or catalog the pipeline does not declare.', template(
    (p: { readonly kind: 'table'; readonly name: string; readonly declaredAs: readonly string[]; readonly suggestion: string | undefined } | { readonly kind: 'catalog'; readonly name: string; readonly suggestion: string | undefined }) =>
      p.kind === 'table' ? `'${p.name}' is not among the pipeline's tables and views` : `catalog '${p.name}' is not among the pipeline's catalogs`,
    (p) =>
      p.kind === 'catalog' ? p.suggestion ?? "add it to the pipeline's catalogs"
        : p.declaredAs.length > 0 ? `it is declared as ${p.declaredAs.join(', ')}; use that declaration` : p.suggestion ?? "add its declaration to the pipeline's tables",
  )],
  duplicateDeclaration: ['FTS8002', 'Two different declarations share one name.', template(
    (p: { readonly kind: 'table' | 'catalog'; readonly name: string; readonly pipeline: string }) => `${p.kind === 'catalog' ? 'catalog ' : ''}'${p.name}' is declared twice in pipeline '${p.pipeline}'`,
    (p) => (p.kind === 'table' ? 'declare each table or view once and import it where it is used' : undefined),
  )],
  badStatements: ['FTS8003', 'A job has no INSERT, or its statements are not INSERTs.', template(
    (p: { readonly job: string }) => `job '${p.job}' has no INSERT`,
    () => 'a job writes at least one table',
  )],
  badJobName: ['FTS8004', "Two jobs share a name, or a name breaks a platform's naming rule.", template(
    (p: { readonly job: string }) => `two jobs are named '${p.job}'`,
    () => 'job names identify deployments; make them unique',
  )],
  badArgument: ['FTS8005', 'A job() or pipeline() argument of the wrong shape (JavaScript callers, as any): null, a missing target, an unknown StreamPark execution mode …', template(
    (p: ArgumentPayload) => DEFINITION_TEXTS.badArgument(p).message,
    (p) => DEFINITION_TEXTS.badArgument(p).hint,
  )],
  unknownEnvironment: ['FTS8010', 'An environment name that the pipeline does not declare.', template(
    (p: { readonly pipeline: string; readonly env: string; readonly suggestion: string | undefined; readonly environments: readonly string[] }) => `pipeline '${p.pipeline}' has no environment '${p.env}'`,
    (p) => p.suggestion ?? `environments: ${p.environments.join(', ')}`,
  )],
  overrideDoesNotApply: ['FTS8011', 'An environment override that does not apply (unknown job, undeclared variable).', template(
    (p: { readonly kind: 'job'; readonly env: string; readonly pipeline: string; readonly job: string; readonly suggestion: string | undefined; readonly jobs: readonly string[] }
      | { readonly kind: 'noJob'; readonly pipeline: string; readonly job: string; readonly suggestion: string | undefined; readonly jobs: readonly string[] }
      | { readonly kind: 'variable'; readonly env: string; readonly pipeline: string; readonly name: string; readonly suggestion: string | undefined }
      | { readonly kind: 'target'; readonly env: string; readonly pipeline: string; readonly target: string }) =>
      p.kind === 'job' ? `environment '${p.env}' overrides job '${p.job}', which pipeline '${p.pipeline}' does not have`
        : p.kind === 'noJob' ? `pipeline '${p.pipeline}' has no job '${p.job}'`
          : p.kind === 'variable' ? `environment '${p.env}' sets variable '${p.name}', which pipeline '${p.pipeline}' does not declare`
            : `environment '${p.env}' overrides target '${p.target}', which pipeline '${p.pipeline}' does not ship to`,
    (p) =>
      p.kind === 'target' ? `add ${p.target} to the pipeline's targets`
        : p.kind === 'variable' ? p.suggestion ?? "declare it in the pipeline's variables" : p.suggestion ?? `jobs: ${p.jobs.join(', ')}`,
  )],
  missingVariable: ['FTS8012', 'An environment leaves a declared variable without a value.', template(
    (p: { readonly env: string; readonly name: string }) => `environment '${p.env}' has no value for variable '${p.name}'`,
    (p) => `add ${p.name}: '…' to environments.${p.env}.variables`,
  )],
  undeclaredPlaceholder: ['FTS8013', 'A ${NAME} placeholder that is neither a declared variable nor a declared secret.', template(
    (p: { readonly kind: 'job'; readonly job: string; readonly name: string; readonly suggestion: string | undefined } | { readonly kind: 'hiveSite'; readonly catalog: string; readonly key: string; readonly name: string }) =>
      p.kind === 'job' ? `job '${p.job}' uses \${${p.name}}, which is neither a declared variable nor a declared secret`
        : `hive-site '${p.key}' of catalog '${p.catalog}' uses secret '${p.name}', which the pipeline does not declare`,
    (p) => (p.kind === 'hiveSite' ? `add ${p.name} to the pipeline's secrets` : p.suggestion ?? "declare it in the pipeline's variables (a value per environment) or secrets (resolved by the platform)"),
  )],
  plaintextCredential: ['FTS8014', 'A secret given a value, or a variable used where a credential belongs.', template(
    (p: { readonly kind: 'secretValue'; readonly env: string; readonly name: string }
      | { readonly kind: 'variableCredential'; readonly env: string; readonly name: string; readonly credential: string }
      | { readonly kind: 'literal'; readonly key: string; readonly value: string; readonly unused: readonly string[] }
      | { readonly kind: 'credentialVariable'; readonly key: string; readonly name: string }
      | { readonly kind: 'monitoringFile'; readonly file: string; readonly secret: string }) => {
      switch (p.kind) {
        case 'secretValue': return `environment '${p.env}' gives secret '${p.name}' a value; credentials never appear in artifacts`;
        case 'variableCredential': return `environment '${p.env}' gives variable '${p.name}' a value with ${p.credential}; it would be written into the artifacts`;
        case 'literal': return `option '${p.key}' is the literal '${p.value}' while secret${p.unused.length > 1 ? 's' : ''} ${p.unused.map((n) => `'${n}'`).join(', ')} ${p.unused.length > 1 ? 'are' : 'is'} declared and never used; the literal would be written into the artifacts`;
        case 'credentialVariable': return `credential option '${p.key}' uses variable \${${p.name}}, whose value would be written into the artifacts`;
        case 'monitoringFile': return `${p.file} would contain a secret: ${p.secret}`;
      }
    },
    (p) => {
      switch (p.kind) {
        case 'secretValue': return `store '${p.name}' in the platform (StreamPark variable with desensitization, VVP / Alibaba secret value)`;
        case 'variableCredential': return 'keep the credential out of the value: declare a secret for it and write ${SECRET} in its place (or in the credential option)';
        case 'literal': return `write secret('${p.unused[0]}') (printed as \${${p.unused[0]}}) in '${p.key}'`;
        case 'credentialVariable': return `declare '${p.name}' as a secret instead`;
        case 'monitoringFile': return 'keep tokens in the bridge / gateway or in files Alertmanager reads';
      }
    },
  )],
  unusedVariable: ['FTS8015', 'A declared variable or secret no job uses.', template(
    (p: { readonly name: string }) => `'${p.name}' is declared but no job of this pipeline uses \${${p.name}}`,
    () => 'remove it, or reference it in an option',
  )],
  catalogCredentials: ['FTS8016', 'Credentials of a catalog table need OPTIONS hints, which the job\'s settings switch off.', template(
    (p: { readonly job: string; readonly tables: readonly string[] }) =>
      `job '${p.job}' passes the credentials of ${p.tables.map((t) => `'${t}'`).join(', ')} as OPTIONS hints (catalog tables never store them), but its settings set 'table.dynamic-table-options.enabled' = false`,
    () => "remove that setting (hints are on by default), or declare the table temporary in the job's script",
  )],
  badResources: ['FTS8020', 'Resources that do not parse or do not fit together.', template(
    (p: { readonly kind: 'memorySize'; readonly text: string }
      | { readonly kind: 'notPositive'; readonly field: string; readonly integer: boolean; readonly value: unknown }
      | { readonly kind: 'jobManager' | 'taskManager'; readonly problem: string }
      | { readonly kind: 'partsWithoutTotal' }
      | { readonly kind: 'slots'; readonly job: string; readonly widest: number; readonly taskManagers: number; readonly slots: number }) => {
      switch (p.kind) {
        case 'memorySize': return `memory '${p.text}' is not a Flink memory size`;
        case 'notPositive': return `${p.field} must be a positive ${p.integer ? 'integer' : 'number'}, received ${String(p.value)}`;
        case 'jobManager': return `Flink would refuse this JobManager: ${p.problem}`;
        case 'taskManager': return `Flink would refuse this TaskManager: ${p.problem}`;
        case 'partsWithoutTotal': return 'TaskManager memory parts need the total process memory they divide';
        case 'slots': return `job '${p.job}' needs ${p.widest} task slots (its widest operator), but ${p.taskManagers} TaskManagers × ${p.slots} slots give ${p.taskManagers * p.slots}; the job would wait for slots and fail`;
      }
    },
    (p) => {
      switch (p.kind) {
        case 'memorySize': return "write a number and a unit, e.g. '2g' or '1536m'";
        case 'notPositive': return p.integer ? `write a whole number of at least 1 as ${p.field}` : `write a number above 0 as ${p.field} (e.g. 0.5)`;
        case 'jobManager': return 'raise jobManager.memory';
        case 'taskManager': return 'process = Flink memory + JVM metaspace + JVM overhead; Flink memory = framework and task heap + framework and task off-heap + managed + network. Raise taskManager.memory or lower the parts';
        case 'partsWithoutTotal': return "set taskManager.memory (e.g. '4g'), the size the container gets";
        case 'slots': return `raise taskManagers or taskManager.slots to hold ${p.widest} slots`;
      }
    },
  )],
  badTarget: ['FTS8030', 'A target that is not configured, or whose configuration is invalid.', template(
    (p: { readonly kind: 'unknown'; readonly target: string; readonly suggestion: string | undefined; readonly targets: readonly string[] }
      | { readonly kind: 'notConfigured'; readonly pipeline: string; readonly target: string; readonly configured: readonly string[] }
      | { readonly kind: 'notPositive'; readonly field: string; readonly integer: boolean; readonly value: unknown }
      | { readonly kind: 'memoryQuantity'; readonly field: string; readonly text: string }
      | { readonly kind: 'autopilotBounds'; readonly min: number; readonly max: number }
      | { readonly kind: 'outsideAutopilot'; readonly parallelism: number; readonly min: number; readonly max: number }
      | { readonly kind: 'vvpMode' }
      | { readonly kind: 'cpuNoEffect'; readonly job: string; readonly mode: string }
      | { readonly kind: 'taskManagers'; readonly job: string }
      | { readonly kind: 'alertWithoutId' }
      | { readonly kind: 'descriptionTooLong'; readonly name: string; readonly length: number; readonly max: number }
      | { readonly kind: 'variableCode'; readonly name: string }
      | { readonly kind: 'noJarUri'; readonly job: string; readonly artifact: string; readonly key: string; readonly target: string }) => {
      switch (p.kind) {
        case 'unknown': return `unknown target '${p.target}'`;
        case 'notConfigured': return `pipeline '${p.pipeline}' does not configure target '${p.target}'`;
        case 'notPositive': return `${p.field} must be a positive ${p.integer ? 'integer' : 'number'}, received ${String(p.value)}`;
        case 'memoryQuantity': return `${p.field} '${p.text}' is not a memory quantity`;
        case 'autopilotBounds': return `autopilot.minParallelism ${p.min} exceeds maxParallelism ${p.max}`;
        case 'outsideAutopilot': return `the job starts at parallelism ${p.parallelism}, outside the Autopilot bounds ${p.min}–${p.max}`;
        case 'vvpMode': return 'a VVP deployment needs exactly one of deploymentTargetName (application mode) and sessionClusterName (session mode)';
        case 'cpuNoEffect': return `CPU resources of job '${p.job}' have no effect in StreamPark execution mode '${p.mode}'`;
        case 'taskManagers': return `taskManagers of job '${p.job}' has no StreamPark field: Flink starts parallelism / slots TaskManagers itself`;
        case 'alertWithoutId': return "checkpointFailure.action 'alert' needs an alertId: without one StreamPark sends the alert nowhere";
        case 'descriptionTooLong': return `the description of '${p.name}' has ${p.length} characters; StreamPark stores at most ${p.max}`;
        case 'variableCode': return `'${p.name}' is not a valid StreamPark variable code`;
        case 'noJarUri': return `job '${p.job}' needs ${p.artifact}, which has no jar URI for ${p.target}`;
      }
    },
    (p) => {
      switch (p.kind) {
        case 'unknown': return p.suggestion ?? `targets: ${p.targets.join(', ')}`;
        case 'notConfigured': return `configured: ${p.configured.join(', ') || 'none'}`;
        case 'notPositive': return p.integer ? `write a whole number of at least 1 as ${p.field}` : `write a number above 0 as ${p.field}`;
        case 'memoryQuantity': return "write e.g. '64Gi' or '4096Mi'";
        case 'autopilotBounds': return 'make minParallelism at most maxParallelism';
        case 'outsideAutopilot': return 'start the job within the bounds, or widen them';
        case 'vvpMode': return 'set deploymentTargetName to run each job in its own cluster, or sessionClusterName to run it in a session cluster, not both';
        case 'cpuNoEffect': return 'CPU is set for YARN and Kubernetes modes only; remove it for this environment';
        case 'taskManagers': return 'set parallelism and taskManager.slots instead';
        case 'alertWithoutId': return "set targets.streampark.alertId (an id from /flink/alert/list, or a ${NAME} placeholder the deploy step fills in), or use action 'restart'";
        case 'descriptionTooLong': return 'shorten it';
        case 'variableCode': return 'a letter first, then letters, digits, . _ -; at least two characters';
        case 'noJarUri': return `add '${p.key}' to targets.${p.target}.jarUris, or make sure the platform ships it`;
      }
    },
  )],
  vvpShape: ['FTS8031', "A job whose SQL breaks the VVP SQL-deployment shape.", template(
    (p: { readonly kind: 'name'; readonly platform: 'vvp' | 'alibaba'; readonly job: string } | { readonly kind: 'shape'; readonly platform: 'vvp' | 'alibaba'; readonly job: string; readonly problem: string }) =>
      p.kind === 'name' ? `${p.platform === 'vvp' ? 'VVP' : 'Realtime Compute'} rejects the deployment name '${p.job}'`
        : `job '${p.job}' breaks ${p.platform === 'vvp' ? "VVP's" : 'the'} SQL-deployment shape: ${p.problem}`,
    (p) =>
      p.kind === 'name' ? `use at most 63 characters of a-z, 0-9 and '-'${p.platform === 'vvp' ? ", not starting or ending with '-'" : ''}`
        : `${p.platform === 'vvp' ? 'a VVP SQL deployment is ' : ''}CREATE TEMPORARY TABLE/VIEW statements followed by one INSERT or one statement set`,
  )],
  streamparkName: ['FTS8032', 'A job name StreamPark would reject.', template(
    (p: { readonly job: string }) => `StreamPark rejects the job name '${p.job}'`,
    () => 'use letters, digits, Chinese characters, . _ - and single spaces',
  )],
  streamparkSql: ['FTS8033', "A StreamPark script StreamPark's SQL splitter / command parser would refuse.", template(
    (p: { readonly job: string; readonly problem: string }) => `StreamPark would refuse the SQL of job '${p.job}': ${p.problem}`,
    () => 'StreamPark accepts DDL, SET / RESET, USE and plain INSERT statements (no EXECUTE STATEMENT SET)',
  )],
  badVersion: ['FTS8040', 'A Flink version or connector release without a build for it (or a platform on another Flink).', template(
    (p: BadVersion) => {
      switch (p.kind) {
        case 'resolved': return artifactText(p.problem)[0];
        case 'jobJar': return `job '${p.job}' ships a jar that does not fit its Flink: ${artifactText(p.problem)[0]}`;
        case 'alibabaEngine': return `Realtime Compute engine '${p.engine}' does not run Flink ${p.minor}`;
        case 'vvpFlink': return `VVP flinkVersion '${p.vvpVersion}' is not the pipeline's Flink ${p.flinkVersion}`;
        case 'jarUri': return `the jar URI for ${p.key} is version ${p.named}, but job '${p.job}' on Flink ${p.flinkVersion} needs ${p.version}`;
      }
    },
    (p) => {
      switch (p.kind) {
        case 'resolved':
        case 'jobJar': return artifactText(p.problem)[1];
        case 'alibabaEngine': return `choose a VVR engine ending in -flink-${p.minor} (e.g. vvr-11.1-jdk11-flink-1.20 for Flink 1.20)`;
        case 'vvpFlink': return `set targets.vvp.flinkVersion to '${p.minor}', or the pipeline's flinkVersion to the VVP one`;
        case 'jarUri': return `upload ${p.file} and point targets.${p.target}.jarUris at it`;
      }
    },
  )],
  kafkaLoginModule: ['FTS8041', 'A Kafka SASL login module that the shipped Kafka jar does not contain.', template(
    (p: { readonly table: string; readonly module: string; readonly job: string; readonly flinkVersion: string; readonly jar: string; readonly right: string; readonly loginModule: 'relocated' | 'kafka-clients' }) =>
      `table '${p.table}' names the login module ${p.module}, which is not in the Kafka jar job '${p.job}' ships on Flink ${p.flinkVersion}: ${p.jar}`,
    (p) => `name ${p.right} (kafkaSasl({ …, loginModule: '${p.loginModule}' }))`,
  )],
  badQuality: ['FTS8050', 'A quality() declaration that does not fit its table (unknown or mistyped column, bad weight, window or threshold).', template((p: BadQuality) => badQuality(p)[0], (p) => badQuality(p)[1])],
  qualityOnChangelog: ['FTS8052', 'A quality() window on processing time over a table read as a changelog: a correction\'s retraction lands in a later window than its row, so the score would leave 0–100.', template(
    (p: { readonly table: string; readonly watermark: string | undefined }) =>
      `table '${p.table}' is read as a changelog (updates and deletes), and a processing-time window counts a correction's -U in the window it arrives in, not the one that counted its row: a window's passed rows could exceed its rows and the score leave 0–100`,
    (p) =>
      p.watermark !== undefined
        ? `window on the table's event time: window: { time: '${p.watermark}', … } (a -U carries its row's time and is taken out of the window that counted it)`
        : "declare a watermark on a time column of the table (a computed one will do, e.g. TO_TIMESTAMP of a date) and window on it: a -U carries its row's time and is taken out of the window that counted it",
  )],
  badMonitoring: ['FTS8051', 'A monitoring target or monitor job that cannot be built (unknown level or channel, a receiver secret in a URL, no result table).', template((p: BadMonitoring) => badMonitoring(p)[0], (p) => badMonitoring(p)[1])],
}, { usage: ['unknownEnvironment', 'badTarget'] });

export const CODES = CODE_TABLE.codes;
export const TEXTS = CODE_TABLE.texts;
