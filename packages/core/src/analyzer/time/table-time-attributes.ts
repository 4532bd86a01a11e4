/**
 * The WATERMARK of a CREATE TABLE: its column exists and is a TIMESTAMP(p) / TIMESTAMP_LTZ(p) with p ≤ 3, as Flink
 * checks it when the table is created. (Which columns are time attributes is the plan's: plan/scan-columns.ts.)
 */
import type { CreateTable } from '../../ast/statement.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DataType } from '../../types/data-type.js';
import { expressionType } from '../../typing/expression-type.js';
import { textFields } from '../../diagnostics/code-table.js';
import { TIME_TEXTS } from './codes.js';
import { printDataType } from '../../sql/printer/data-type.js';

function columnType(statement: CreateTable, name: string): DataType | undefined {
  const scope = statement.columns.flatMap((c) => (c.kind === 'ComputedColumn' ? [] : [{ relation: '', name: c.name, type: c.type }]));
  const column = statement.columns.find((c) => c.name === name);
  if (column === undefined) return undefined;
  return column.kind === 'ComputedColumn' ? expressionType(column.expr, scope) : column.type;
}

/** The WATERMARK's column exists and has a rowtime-capable type. */
export function checkWatermark(statement: CreateTable, path: string, file?: string): Diagnostic[] {
  const wm = statement.watermark;
  if (wm === undefined || statement.like !== undefined) return [];
  const where = { path, ...(wm.span === undefined ? {} : { span: wm.span }), ...(file === undefined ? {} : { file }) };
  const names = statement.columns.map((c) => c.name);
  if (wm.column.includes('.')) return [];
  if (!names.includes(wm.column)) {
    return [{ ...textFields(TIME_TEXTS.watermarkUnknownColumn({ column: wm.column, columns: names })), severity: 'error', ...where }];
  }
  const type = columnType(statement, wm.column);
  if (type === undefined) return [];
  const precision = 'precision' in type ? type.precision : undefined;
  if ((type.kind === 'TIMESTAMP' || type.kind === 'TIMESTAMP_LTZ') && (precision === undefined || precision <= 3)) return watermarkExpressionType(statement, where);
  return [{
    ...textFields(TIME_TEXTS.watermarkType({ kind: 'column', column: wm.column, type: `${type.kind}${precision === undefined ? '' : `(${precision})`}`, bigint: type.kind === 'BIGINT' })),
    severity: 'error',
    ...where,
  }];
}

/** The WATERMARK's expression gives a TIMESTAMP(p) / TIMESTAMP_LTZ(p) too (the local runtime raises the same code). */
function watermarkExpressionType(statement: CreateTable, where: { readonly path: string }): Diagnostic[] {
  const scope = statement.columns.map((c) => ({ relation: '', name: c.name, ...(c.kind === 'ComputedColumn' ? (() => { const t = columnType(statement, c.name); return t === undefined ? {} : { type: t }; })() : { type: c.type }) }));
  const t = statement.watermark === undefined ? undefined : expressionType(statement.watermark.expr, scope);
  if (t === undefined || t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') return [];
  return [{
    ...textFields(TIME_TEXTS.watermarkType({ kind: 'expression', type: printDataType(t) })),
    severity: 'error',
    ...where,
  }];
}
