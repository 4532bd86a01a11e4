/**
 * Connector facts core raises itself (FTS3xxx; the rest of FTS3xxx is @flinkts/connectors' table, which re-uses these
 * codes by name): the local runtime reads an upsert source's PRIMARY KEY, as `check` does from the connector's
 * options, so both raise the same code — and the same text — from this one declaration.
 */
import { codeTable, template } from '../diagnostics/code-table.js';

/** Why a PRIMARY KEY does not fit: `required` (the connector keys its messages by it), `rejected` (an insert-only value format), `paimonBucket` (Paimon's fixed buckets). */
export type PrimaryKeyProblem =
  | { readonly kind: 'required'; readonly what: string; readonly connector: string }
  | { readonly kind: 'rejected'; readonly what: string }
  | { readonly kind: 'paimonBucket'; readonly key: readonly string[]; readonly missing: readonly string[]; readonly bucket: string };

export const CONNECTOR_CODE_TABLE = codeTable({
  primaryKey: ['FTS3007', 'The PRIMARY KEY does not fit the connector (required, or rejected).', template(
    (p: PrimaryKeyProblem) => {
      switch (p.kind) {
        case 'required': return `${p.what} needs a PRIMARY KEY (… ) NOT ENFORCED on the table`;
        case 'rejected': return `${p.what} does not support a PRIMARY KEY with an insert-only value format`;
        case 'paimonBucket': return `Paimon rejects this table: its PRIMARY KEY (${p.key.join(', ')}) does not contain the partition column${p.missing.length === 1 ? '' : 's'} ${p.missing.join(', ')}, which needs the dynamic bucket mode, but 'bucket' = '${p.bucket}'`;
      }
    },
    (p) => {
      switch (p.kind) {
        case 'required': return p.connector === 'mysql-cdc' ? "declare the MySQL table's primary key, or set 'scan.incremental.snapshot.chunk.key-column'" : 'declare PRIMARY KEY (…) NOT ENFORCED; its columns form the message key';
        case 'rejected': return "remove the PRIMARY KEY, use a changelog format (debezium-json, canal-json, …), or use 'upsert-kafka'";
        case 'paimonBucket': return `add ${p.missing.join(', ')} to the PRIMARY KEY, or set 'bucket' = '-1' (dynamic bucket, a cross-partition upsert)`;
      }
    },
  )],
});

export const CONNECTOR_CODES = CONNECTOR_CODE_TABLE.codes;
export const CONNECTOR_TEXTS = CONNECTOR_CODE_TABLE.texts;
