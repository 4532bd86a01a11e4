/** Evaluate one scalar expression on one row (the building block of `SELECT expr FROM one-row input`). */
import type { Expression } from '../ast/expression.js';
import type { DataType } from '../types/data-type.js';
import type { Session } from './compiled.js';
import { ExpressionCompiler } from './compile-expression.js';
import type { ColumnBinding } from './compile-expression.js';
import { renderResult } from './values/render.js';
import { expressionType } from '../typing/expression-type.js';
import type { TypeIssue } from '../typing/expression-type.js';
import { FlinktsError } from '../diagnostics/diagnostic.js';

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
  // typed by the one typer first, as the binder types a query: a type error has the code `flinkts check` gives it
  const issues: TypeIssue[] = [];
  expressionType(expr, input.columns.map((c) => ({ relation: '', name: c.name, type: c.type })), { issues });
  if (issues.length > 0) throw new FlinktsError(issues.map((i) => ({ code: i.code, severity: 'error', message: i.message, ...(i.span ? { span: i.span } : {}), ...(i.hint ? { hint: i.hint } : {}) })));
  const columns: ColumnBinding[] = input.columns.map((c, index) => ({ name: c.name, type: c.type, index }));
  const compiled = new ExpressionCompiler({ columns }, session).compile(expr);
  const value = compiled.eval(input.row);
  return { value, type: compiled.type, text: renderResult(value, compiled.type, session.zone) };
}
