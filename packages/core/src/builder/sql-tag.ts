/**
 * The typed escape hatch: ``sql<'INT', number>`MY_UDF(${o.amount}, 42)` `` embeds raw SQL text. Interpolated
 * values are expressions (or literals, which are escaped); the template text itself is printed verbatim, so
 * never interpolate user input into it as text.
 */
import { checkTemplate } from '../diagnostics/arguments.js';
import type { TypeRoot } from '../types/data-type.js';
import type { SqlType } from '../types/sql-type.js';
import { Expr, toNode } from './expr.js';
import type { ExprInput } from './expr.js';

export function sql<R extends TypeRoot = TypeRoot, V = unknown, N extends boolean = true>(parts: TemplateStringsArray, ...args: ExprInput[]): Expr<R, V, N> {
  checkTemplate('sql', parts);
  return new Expr({ kind: 'RawSql', parts: [...parts], args: args.map((v) => toNode(v)) });
}

/** `sqlAs(t.int())` gives a `sql` tag whose result carries the declared Flink type (also in the AST). */
export function sqlAs<R extends TypeRoot, V, N extends boolean>(type: SqlType<R, V, N>) {
  return (parts: TemplateStringsArray, ...args: ExprInput[]): Expr<R, V, N> =>
    new Expr({ kind: 'RawSql', parts: [...parts], args: args.map((v) => toNode(v)), type: type.node });
}
