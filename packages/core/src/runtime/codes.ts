/**
 * Diagnostic codes of the local runtime (FTS7001–FTS7008), with the message and hint of each code whose text the
 * runtime writes the same way every time. What the binder also rejects is raised with the binder's codes (an INSERT
 * that does not fit its sink: FTS4101 / 4102 / 4106 / 4108; a construct it does not bind names itself in FTS7001).
 * FTS7002 ("the query is invalid", the runtime's own planning errors) is retired: every planning error is raised
 * with the code `flinkts check` gives it (issue 13 item 5), and input that does not fit the declared tables is
 * FTS7004 / FTS7005. Do not reuse the number.
 */
import { codeTable, template } from '../diagnostics/code-table.js';
import type { BadInput } from './bad-input.js';
import { badInputHint, badInputMessage } from './bad-input.js';

const GUARD = 'guard the expression or use TRY_CAST';

export const RUNTIME_CODE_TABLE = codeTable({
  notSupported: ['FTS7001', 'Not supported by the local runtime (raised instead of a possibly different answer).', template(
    (p: { readonly what: string }) => `not supported by the local runtime: ${p.what}`,
    () => 'run this part on a Flink cluster, or rewrite it with supported constructs',
  )],
  evaluationFailed: ['FTS7003', 'Evaluation failed on a row: Flink would fail the job (division by zero, bad number text, …).', template(
    (p: { readonly failure: string; readonly while: string }) => `${p.failure} (while ${p.while})`,
    (p) => `Flink would fail the job ${p.while.startsWith('processing a ') ? 'on this row' : 'here'}; ${GUARD}`,
  )],
  unknownName: ['FTS7004', 'An unknown column, table or function in a query run by the local runtime.', template(
    (p: { readonly table: string; readonly suggestion: string | undefined }) => `Table '${p.table}' not found`,
    (p) => p.suggestion,
  )],
  badInput: ['FTS7005', "Bad test input: a fixture row that does not match the source's row type (a wrong type, an overflow, NULL in a NOT NULL or key column, an unknown column), or a test option that is not one.", template(
    (p: BadInput) => badInputMessage(p),
    (p) => badInputHint(p),
  )],
  notNullViolated: ['FTS7006', 'A NOT NULL sink column received NULL (the sink NOT NULL enforcer).', template(
    (p: { readonly column: string; readonly sink: string }) => `Column '${p.column}' is NOT NULL, however, a null value is being written into it (sink ${p.sink})`,
    () => "set 'table.exec.sink.not-null-enforcer' = 'DROP' to drop such rows, or make the column nullable",
  )],
  notSimulated: ['FTS7007', 'A setting the local runtime does not simulate, e.g. state TTL (warning).', template(
    (p: { readonly key: string; readonly value: string; readonly instead: string }) => `'${p.key}' = '${p.value}' is not simulated by the local runtime: ${p.instead}`,
  )],
  sourceModeUnknown: ['FTS7008', "A source read by @flinkts/core/testing's runJob without `capabilities` whose connector core cannot tell the changelog of (upsert-kafka, a CDC format or connector, a catalog's table, any connector but values / datagen / plain-format filesystem): refused rather than read as insert-only.", template(
    (p: { readonly table: string; readonly connector: string | undefined }) =>
      `table '${p.table}' (${p.connector === undefined ? 'no connector option' : `connector '${p.connector}'`}) is read as a source, but core does not know what it emits (inserts, upserts or a CDC changelog) without the connectors' capabilities`,
    () => "pass `capabilities: resolveCapabilities` from @flinkts/connectors to runJob, or use runJob from 'flinkts/testing', which does",
  )],
});

export const RUNTIME_CODES = RUNTIME_CODE_TABLE.codes;
export const RUNTIME_TEXTS = RUNTIME_CODE_TABLE.texts;
