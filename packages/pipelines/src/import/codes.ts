/** Diagnostic codes of `flinkts import` (FTS913x: CLI, Flink SQL → TypeScript). */
export const IMPORT_CODES = {
  /** A fix applied while importing (a reserved word quoted, `USE DATABASE x` written `USE x`): a note. */
  fixed: 'FTS9130',
  /** A literal credential in the SQL: replaced by a secret placeholder, its value not written. */
  literalCredential: 'FTS9131',
  /** A connector / catalog whose options the typed factory refuses or does not know: kept in genericConnector(). */
  untypedConnector: 'FTS9132',
  /** Something the generated TypeScript keeps as SQL text (sqlQuery / sqlStatement / sql tags): a note naming it. */
  keptAsSql: 'FTS9133',
  /** A script that cannot be imported (its SQL does not parse even after the certain fixes): nothing is written. */
  notImported: 'FTS9134',
  /** A statement that does not parse even after the certain fixes: not imported, carried as written in a comment. */
  refused: 'FTS9136',
  /** A declaration the builder normalises (a PRIMARY KEY column made NOT NULL, computed columns after physical ones). */
  normalised: 'FTS9135',
} as const;
