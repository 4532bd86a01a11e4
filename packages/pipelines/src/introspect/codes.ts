/** Diagnostic codes of `flinkts introspect` (FTS912x: CLI, reading a live MySQL / MariaDB schema). */
import { codeTable } from '@flinkts/core';

export const INTROSPECT_CODE_TABLE = codeTable({
  badUrl: ['FTS9120', 'flinkts introspect: a connection URL that does not parse, names no user / database, or carries a password (passwords come from an environment variable only).'],
  unreachable: ['FTS9121', 'flinkts introspect: the MySQL server is unreachable (connection refused, unknown host, timeout).'],
  accessDenied: ['FTS9122', 'flinkts introspect: the MySQL server refused the user or password.'],
  unknownDatabase: ['FTS9123', 'flinkts introspect: the database does not exist, or the user may not read it.'],
  unknownTable: ['FTS9124', 'flinkts introspect: a table named with --tables is not in the database.'],
  unsupportedType: ['FTS9125', 'flinkts introspect: a MySQL column type that Flink CDC does not map to a Flink type.'],
  drift: ['FTS9126', 'flinkts introspect --check: the declared tables differ from the live MySQL schema (a column added, dropped or changed, a changed primary key, a dropped table; an undeclared table is a warning).'],
  nothingDeclared: ['FTS9127', 'flinkts introspect --check: the file declares no mysql-cdc table of the database.'],
});

export const INTROSPECT_CODES = INTROSPECT_CODE_TABLE.codes;
