/**
 * Diagnostic codes of names the binder, the typer and the table checks refuse (FTS40xx) that have no wording template
 * in plan/codes.ts. In diagnostics/, beside the other stage-neutral tables: typing/ reads them and must not import plan/.
 * `NAME_TEXTS.rowFieldNotFound({ … })` gives the code, message and hint (with its "did you mean").
 */
import { codeTable, template } from './code-table.js';
import { didYouMean } from './did-you-mean.js';

/** "did you mean …", or the names there are. */
const suggest = (name: string, names: readonly string[], what: string): string => didYouMean(name, names) ?? (names.length === 0 ? `there are no ${what}` : `${what}: ${names.join(', ')}`);

export const NAME_CODE_TABLE = codeTable({
  rowFieldNotFound: ['FTS4006', 'A ROW field that does not exist.', template(
    (p: { readonly field: string; readonly fields: readonly string[]; readonly column?: string }) =>
      p.column === undefined ? `the ROW has no field '${p.field}'` : `the ROW column '${p.column}' has no field '${p.field}'`,
    (p) => suggest(p.field, p.fields, 'fields'),
  )],
  cteColumnCount: ['FTS4008', 'A WITH (CTE) column list whose length differs from its query.', template(
    (p: { readonly name: string; readonly listed: number; readonly returned: number }) => `WITH '${p.name}' names ${p.listed} columns but its query returns ${p.returned}`,
    () => 'list one name per column of the query',
  )],
  descriptorColumn: ['FTS4009', "A DESCRIPTOR(…) column that is not a column of the window's input.", template(
    (p: { readonly name: string; readonly columns: readonly string[] }) => `Column '${p.name}' of DESCRIPTOR(…) is not a column of the window's input table`,
    (p) => suggest(p.name, p.columns, 'columns'),
  )],
  windowNotDeclared: ['FTS4010', 'A named window (WINDOW w AS …) that is not declared.', template(
    (p: { readonly name: string; readonly declared: readonly string[] }) => `Window '${p.name}' not found`,
    (p) => didYouMean(p.name, p.declared) ?? 'declare it with WINDOW name AS (…) after the HAVING clause',
  )],
  starWithoutFrom: ['FTS4012', 'SELECT * without a FROM clause.', template(
    (_: object) => 'SELECT * requires a FROM clause',
    () => 'name the selected values, or add a FROM clause',
  )],
  duplicateColumn: ['FTS4013', 'A column defined twice in a table, or a PRIMARY KEY listing a column twice.', template(
    (p: { readonly name: string; readonly table: string; readonly in: 'table' | 'primaryKey' }) =>
      p.in === 'table' ? `column '${p.name}' is defined twice in table '${p.table}'` : `the PRIMARY KEY of table '${p.table}' lists column '${p.name}' twice`,
    (p) => p.in === 'table' ? 'give every column a different name' : 'list each key column once',
  )],
  unknownKeyColumn: ['FTS4014', 'A PRIMARY KEY names a column the table does not have.', template(
    (p: { readonly key: string; readonly table: string; readonly columns: readonly string[] }) => `the PRIMARY KEY names column '${p.key}', which table '${p.table}' does not have`,
    (p) => suggest(p.key, p.columns, 'columns'),
  )],
  duplicateInsertColumn: ['FTS4015', 'A column listed twice in an INSERT column list.', template(
    (p: { readonly name: string }) => `column '${p.name}' is listed twice in the INSERT column list`,
    () => 'list each target column once',
  )],
});

export const NAME_CODES = NAME_CODE_TABLE.codes;
export const NAME_TEXTS = NAME_CODE_TABLE.texts;
