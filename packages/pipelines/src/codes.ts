/**
 * Stable diagnostic codes of `@flinkts/pipelines` (FTS8xxx: pipelines, environments and job specs), with the texts of
 * the templated ones (`suggestion`: a did-you-mean from didYouMean, which replaces the default hint).
 */
import { codeTable, template } from '@flinkts/core';

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
  badArgument: ['FTS8005', 'A job() or pipeline() argument of the wrong shape (JavaScript callers, as any): null, a missing target, an unknown StreamPark execution mode …'],
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
  badResources: ['FTS8020', 'Resources that do not parse or do not fit together.'],
  badTarget: ['FTS8030', 'A target that is not configured, or whose configuration is invalid.'],
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
  badVersion: ['FTS8040', 'A Flink version or connector release without a build for it (or a platform on another Flink).'],
  kafkaLoginModule: ['FTS8041', 'A Kafka SASL login module that the shipped Kafka jar does not contain.', template(
    (p: { readonly table: string; readonly module: string; readonly job: string; readonly flinkVersion: string; readonly jar: string; readonly right: string; readonly loginModule: 'relocated' | 'kafka-clients' }) =>
      `table '${p.table}' names the login module ${p.module}, which is not in the Kafka jar job '${p.job}' ships on Flink ${p.flinkVersion}: ${p.jar}`,
    (p) => `name ${p.right} (kafkaSasl({ …, loginModule: '${p.loginModule}' }))`,
  )],
  badQuality: ['FTS8050', 'A quality() declaration that does not fit its table (unknown or mistyped column, bad weight, window or threshold).'],
  qualityOnChangelog: ['FTS8052', 'A quality() window on processing time over a table read as a changelog: a correction\'s retraction lands in a later window than its row, so the score would leave 0–100.', template(
    (p: { readonly table: string; readonly watermark: string | undefined }) =>
      `table '${p.table}' is read as a changelog (updates and deletes), and a processing-time window counts a correction's -U in the window it arrives in, not the one that counted its row: a window's passed rows could exceed its rows and the score leave 0–100`,
    (p) =>
      p.watermark !== undefined
        ? `window on the table's event time: window: { time: '${p.watermark}', … } (a -U carries its row's time and is taken out of the window that counted it)`
        : "declare a watermark on a time column of the table (a computed one will do, e.g. TO_TIMESTAMP of a date) and window on it: a -U carries its row's time and is taken out of the window that counted it",
  )],
  badMonitoring: ['FTS8051', 'A monitoring target or monitor job that cannot be built (unknown level or channel, a receiver secret in a URL, no result table).'],
}, { usage: ['unknownEnvironment', 'badTarget'] });

export const CODES = CODE_TABLE.codes;
export const TEXTS = CODE_TABLE.texts;
