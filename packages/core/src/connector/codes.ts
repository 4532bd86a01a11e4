/**
 * Connector facts core raises itself (FTS3xxx; the rest of FTS3xxx is @flinkts/connectors' table, which re-uses these
 * codes by name): the local runtime reads an upsert source's PRIMARY KEY, as `check` does from the connector's
 * options, so both raise the same code from this one declaration.
 */
import { codeTable } from '../diagnostics/code-table.js';

export const CONNECTOR_CODE_TABLE = codeTable({
  primaryKey: ['FTS3007', 'The PRIMARY KEY does not fit the connector (required, or rejected).'],
});

export const CONNECTOR_CODES = CONNECTOR_CODE_TABLE.codes;
