/** Diagnostic codes of `flinkts import` (FTS913x: CLI, Flink SQL → TypeScript). */
import { codeTable } from '@flinkts/core';

export const IMPORT_CODE_TABLE = codeTable({
  fixed: ['FTS9130', 'flinkts import: a certain fix applied to the SQL (a reserved word quoted, USE DATABASE x written USE x) — a note.'],
  literalCredential: ['FTS9131', 'flinkts import: a literal credential in the SQL, replaced by a secret placeholder (its value is not written).'],
  untypedConnector: ['FTS9132', 'flinkts import: options the typed connector / catalog factory refuses or does not know; kept, every option as written, in genericConnector() / a plain catalog connector.'],
  keptAsSql: ['FTS9133', 'flinkts import: a query or statement kept as SQL text in a typed escape hatch (sqlQuery, sqlInsert, sqlStatement), with the reason.'],
  notImported: ['FTS9134', 'flinkts import: a script in which no statement parses, even after the certain fixes; nothing is written.'],
  refused: ['FTS9136', 'flinkts import: a statement that does not parse even after the certain fixes; the rest of the script is imported and this statement is carried, as written, in a comment (its literal credentials redacted).'],
  normalised: ['FTS9135', 'flinkts import: a declaration the builder normalises (primary key columns NOT NULL, computed columns after the others).'],
});

export const IMPORT_CODES = IMPORT_CODE_TABLE.codes;
