/**
 * Diagnostic codes of names the binder, the typer and the table checks refuse (FTS40xx) that have no wording template
 * in plan/codes.ts. In diagnostics/, beside the other stage-neutral tables: typing/ reads them and must not import plan/.
 */
import { codeTable } from './code-table.js';

export const NAME_CODE_TABLE = codeTable({
  rowFieldNotFound: ['FTS4006', 'A ROW field that does not exist.'],
  cteColumnCount: ['FTS4008', 'A WITH (CTE) column list whose length differs from its query.'],
  descriptorColumn: ['FTS4009', "A DESCRIPTOR(…) column that is not a column of the window's input."],
  windowNotDeclared: ['FTS4010', 'A named window (WINDOW w AS …) that is not declared.'],
  starWithoutFrom: ['FTS4012', 'SELECT * without a FROM clause.'],
  duplicateColumn: ['FTS4013', 'A column defined twice in a table, or a PRIMARY KEY listing a column twice.'],
  unknownKeyColumn: ['FTS4014', 'A PRIMARY KEY names a column the table does not have.'],
  duplicateInsertColumn: ['FTS4015', 'A column listed twice in an INSERT column list.'],
});

export const NAME_CODES = NAME_CODE_TABLE.codes;
