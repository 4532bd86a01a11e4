/** Diagnostic codes of INSERT compatibility (FTS41xx): check, the binder and the local runtime raise the same code for the same fact. */
import { codeTable } from '../diagnostics/code-table.js';

export const INSERT_CODE_TABLE = codeTable({
  columnCount: ['FTS4101', 'An INSERT writes a different number of columns than the sink (or its column list) expects.'],
  notCastable: ['FTS4102', 'An INSERT value type that Flink does not cast implicitly into the sink column.'],
  nameMismatch: ['FTS4103', 'A positional INSERT puts a value into a sink column of another name (warning).'],
  nullableIntoNotNull: ['FTS4104', 'A nullable value goes into a NOT NULL sink column; Flink fails the job when it is NULL (warning).'],
  intoView: ['FTS4105', 'An INSERT into a view.'],
  notWritable: ['FTS4106', 'An INSERT column list names a column that is not writable (computed or virtual metadata).'],
  starColumnList: ['FTS4107', "An INSERT column list with a SELECT * whose items (a star counting as one) do not match it: Flink 1.20 rejects it."],
});

export const INSERT_CODES = INSERT_CODE_TABLE.codes;
