/** Stable diagnostic codes of `@flinkts/pipelines` (FTS8xxx: pipelines, environments and job specs). */
export const CODES = {
  /** A job reads or writes a table, view or catalog the pipeline does not declare. */
  undeclared: 'FTS8001',
  /** Two different declarations share one name. */
  duplicateDeclaration: 'FTS8002',
  /** A job has no INSERT, or its statements are not INSERTs. */
  badStatements: 'FTS8003',
  /** Two jobs share a name, or a name breaks a platform's naming rule. */
  badJobName: 'FTS8004',
  /** A `job()` / `pipeline()` argument of the wrong shape (JavaScript callers, `as any`). */
  badArgument: 'FTS8005',
  /** An environment name that the pipeline does not declare. */
  unknownEnvironment: 'FTS8010',
  /** An environment override that does not apply (unknown job, undeclared variable). */
  overrideDoesNotApply: 'FTS8011',
  /** An environment leaves a declared variable without a value. */
  missingVariable: 'FTS8012',
  /** A `${NAME}` placeholder that is neither a declared variable nor a declared secret. */
  undeclaredPlaceholder: 'FTS8013',
  /** A secret given a value, or a variable used where a credential belongs. */
  plaintextCredential: 'FTS8014',
  /** A declared variable or secret no job uses. */
  unusedVariable: 'FTS8015',
  /** Credentials of a catalog table need OPTIONS hints, which the job's settings switch off. */
  catalogCredentials: 'FTS8016',
  /** Resources that do not parse or do not fit together. */
  badResources: 'FTS8020',
  /** A target that is not configured, or whose configuration is invalid. */
  badTarget: 'FTS8030',
  /** A job whose SQL breaks the VVP SQL-deployment shape. */
  vvpShape: 'FTS8031',
  /** A job name StreamPark would reject. */
  streamparkName: 'FTS8032',
  /** A StreamPark script StreamPark's SQL splitter / command parser would refuse. */
  streamparkSql: 'FTS8033',
  /** A Flink version or connector release without a build for it (or a platform on another Flink). */
  badVersion: 'FTS8040',
  /** A Kafka SASL login module that the shipped Kafka jar does not contain. */
  kafkaLoginModule: 'FTS8041',
  /** A `quality()` declaration that does not fit its table (unknown or mistyped column, bad weight or window). */
  badQuality: 'FTS8050',
  /** A monitoring target that cannot be built (no sink, unknown level, a receiver secret in the configuration). */
  badMonitoring: 'FTS8051',
} as const;
