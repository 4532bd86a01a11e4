/** Diagnostic codes of INSERT compatibility (FTS41xx): check, the binder and the local runtime raise the same code for the same fact. */
import { codeTable, template } from '../diagnostics/code-table.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';

export const INSERT_CODE_TABLE = codeTable({
  columnCount: ['FTS4101', 'An INSERT writes a different number of columns than the sink (or its column list) expects.', template(
    (p: { readonly sink: string; readonly query: number; readonly expected: number; readonly columnList: boolean; readonly columns?: readonly string[] }) =>
      `the query produces ${p.query} column${p.query === 1 ? '' : 's'} but '${p.sink}' expects ${p.expected}${p.columnList ? ' (its column list)' : p.columns === undefined ? '' : ` (${p.columns.join(', ')})`}`,
    (p) => p.columnList ? 'select one value per listed column' : 'select the sink\'s writable columns in order, or name the target columns: INSERT INTO sink (col, …) SELECT …',
  )],
  notCastable: ['FTS4102', 'An INSERT value type that Flink does not cast implicitly into the sink column.', template(
    (p: { readonly column: string; readonly position: number; readonly from: string; readonly to: string; readonly builderCast?: string }) =>
      `Incompatible types for sink column '${p.column}' at position ${p.position}: ${p.from} cannot be written into ${p.to} without an explicit CAST`,
    (p) => p.builderCast !== undefined ? `cast it: cast(value, t.${p.builderCast}(…))` : `write CAST(… AS ${p.to.replace(/ NOT NULL$/, '')})`,
  )],
  nameMismatch: ['FTS4103', 'A positional INSERT puts a value into a sink column of another name: an error when the value is a plain column of that other name (almost surely a misalignment), a warning when it is a computed or renamed value (`check --strict` fails on it).', template(
    (p: { readonly name: string; readonly column: string; readonly position: number; readonly table: string }) =>
      `positional INSERT puts '${p.name}' into sink column '${p.column}' (position ${p.position})`,
    (p) => `name the target columns (INSERT INTO ${p.table} (…) SELECT …) or alias the value AS ${p.column} if this is intended`,
  )],
  nullableIntoNotNull: ['FTS4104', 'A nullable value goes into a NOT NULL sink column; Flink fails the job when it is NULL (warning).', template(
    (p: { readonly column: string }) => `a nullable value goes into NOT NULL column '${p.column}'; Flink fails the job at run time when it is NULL (table.exec.sink.not-null-enforcer)`,
    () => 'COALESCE(…, <default>) or filter NULLs before the INSERT',
  )],
  intoView: ['FTS4105', 'An INSERT into a view.', template(
    (p: { readonly view: string }) => `'${p.view}' is a view; INSERT needs a table`,
    () => 'insert into a table with a connector',
  )],
  notWritable: ['FTS4106', 'An INSERT column list names a column that is not writable (computed or virtual metadata).', template(
    (p: { readonly column: string; readonly table: string; readonly writable: readonly string[] }) => `'${p.column}' is not a writable column of '${p.table}'`,
    (p) => didYouMean(p.column, p.writable) ?? (p.writable.length === 0 ? 'list only physical (or non-virtual metadata) columns' : `writable columns: ${p.writable.join(', ')}`),
  )],
  starColumnList: ['FTS4107', "An INSERT column list with a SELECT * whose items (a star counting as one) do not match it: Flink 1.20 rejects it.", template(
    (p: { readonly star: string }) => `Flink rejects an INSERT with a column list whose SELECT uses ${p.star} ("Number of columns must match number of query columns")`,
    () => 'select the columns by name, or drop the column list to insert by position',
  )],
});

export const INSERT_CODES = INSERT_CODE_TABLE.codes;
export const INSERT_TEXTS = INSERT_CODE_TABLE.texts;
