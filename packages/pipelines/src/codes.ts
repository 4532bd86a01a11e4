/** Stable diagnostic codes of `@flinkts/pipelines` (FTS8xxx: pipelines, environments and job specs). */
import { codeTable } from '@flinkts/core';

export const CODE_TABLE = codeTable({
  undeclared: ['FTS8001', 'A job reads or writes a table, view or catalog the pipeline does not declare.'],
  duplicateDeclaration: ['FTS8002', 'Two different declarations share one name.'],
  badStatements: ['FTS8003', 'A job has no INSERT, or its statements are not INSERTs.'],
  badJobName: ['FTS8004', "Two jobs share a name, or a name breaks a platform's naming rule."],
  badArgument: ['FTS8005', 'A job() or pipeline() argument of the wrong shape (JavaScript callers, as any): null, a missing target, an unknown StreamPark execution mode …'],
  unknownEnvironment: ['FTS8010', 'An environment name that the pipeline does not declare.'],
  overrideDoesNotApply: ['FTS8011', 'An environment override that does not apply (unknown job, undeclared variable).'],
  missingVariable: ['FTS8012', 'An environment leaves a declared variable without a value.'],
  undeclaredPlaceholder: ['FTS8013', 'A ${NAME} placeholder that is neither a declared variable nor a declared secret.'],
  plaintextCredential: ['FTS8014', 'A secret given a value, or a variable used where a credential belongs.'],
  unusedVariable: ['FTS8015', 'A declared variable or secret no job uses.'],
  catalogCredentials: ['FTS8016', 'Credentials of a catalog table need OPTIONS hints, which the job\'s settings switch off.'],
  badResources: ['FTS8020', 'Resources that do not parse or do not fit together.'],
  badTarget: ['FTS8030', 'A target that is not configured, or whose configuration is invalid.'],
  vvpShape: ['FTS8031', "A job whose SQL breaks the VVP SQL-deployment shape."],
  streamparkName: ['FTS8032', 'A job name StreamPark would reject.'],
  streamparkSql: ['FTS8033', "A StreamPark script StreamPark's SQL splitter / command parser would refuse."],
  badVersion: ['FTS8040', 'A Flink version or connector release without a build for it (or a platform on another Flink).'],
  kafkaLoginModule: ['FTS8041', 'A Kafka SASL login module that the shipped Kafka jar does not contain.'],
  badQuality: ['FTS8050', 'A quality() declaration that does not fit its table (unknown or mistyped column, bad weight, window or threshold).'],
  qualityOnChangelog: ['FTS8052', 'A quality() window on processing time over a table read as a changelog: a correction\'s retraction lands in a later window than its row, so the score would leave 0–100.'],
  badMonitoring: ['FTS8051', 'A monitoring target or monitor job that cannot be built (unknown level or channel, a receiver secret in a URL, no result table).'],
}, { usage: ['unknownEnvironment', 'badTarget'] });

export const CODES = CODE_TABLE.codes;
