/** Diagnostic codes of `flinkts introspect` (FTS912x: CLI, reading a live MySQL / MariaDB schema). */
export const INTROSPECT_CODES = {
  /** The connection URL does not parse, or the password variable it names is not set. */
  badUrl: 'FTS9120',
  /** The server is unreachable (connection refused, unknown host, timeout). */
  unreachable: 'FTS9121',
  /** The server refused the user or password. */
  accessDenied: 'FTS9122',
  /** The database does not exist (or the user may not see it). */
  unknownDatabase: 'FTS9123',
  /** A table named with --tables is not in the database. */
  unknownTable: 'FTS9124',
  /** A column type that Flink CDC does not map to a Flink type. */
  unsupportedType: 'FTS9125',
  /** The declared tables differ from the live schema (drift found by --check). */
  drift: 'FTS9126',
  /** The file given to --check declares no MySQL CDC table of this database. */
  nothingDeclared: 'FTS9127',
} as const;
