/** Evaluate one scalar expression on one row (the building block of `SELECT expr FROM one-row input`). */
import type { Expression } from '../ast/expression.js';
import type { DataType } from '../types/data-type.js';
import type { Session } from './compiled.js';
import { ExpressionCompiler } from './compile-expression.js';
import type { ColumnBinding } from './compile-expression.js';
import { renderResult } from './values/render.js';

export interface EvaluationResult {
  readonly value: unknown;
  readonly type: DataType;
  /** The value as Flink shows it (`CAST(x AS STRING)`, binary as `x'…'`, NULL as `NULL`). */
  readonly text: string;
}

export function evaluateExpression(
  expr: Expression,
  input: { readonly columns: readonly { readonly name: string; readonly type: DataType }[]; readonly row: readonly unknown[] },
  session: Session,
): EvaluationResult {
  const columns: ColumnBinding[] = input.columns.map((c, index) => ({ name: c.name, type: c.type, index }));
  const compiled = new ExpressionCompiler({ columns }, session).compile(expr);
  const value = compiled.eval(input.row);
  return { value, type: compiled.type, text: renderResult(value, compiled.type, session.zone) };
}
