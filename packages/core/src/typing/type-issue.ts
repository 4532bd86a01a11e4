/** A type or name problem found while typing an expression; the query walk turns it into a Diagnostic. */
import type { CodeText } from '../diagnostics/code-table.js';
import type { Span } from '../ast/node.js';
import type { Expression } from '../ast/expression.js';
import type { Query } from '../ast/query.js';
import type { DataType } from '../types/data-type.js';

export interface TypeIssue {
  /** FTS4003–FTS4099 (names) or FTS4401–FTS4499 (expressions and types). */
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly span?: Span;
}

/** What typing needs besides the columns in scope; every field is optional. */
export interface TypeEnv {
  /** Problems are pushed here; without it typing is silent (undefined where it cannot type). */
  readonly issues?: TypeIssue[];
  /** The column types of a sub-query (scalar sub-queries, IN (SELECT …)). */
  readonly subquery?: (q: Query) => readonly (DataType | undefined)[] | undefined;
  /**
   * Upper-cased names that call a function the script declares (CREATE FUNCTION) rather than a built-in, in Flink's
   * lookup order (plan/function-lookup.ts); such calls are not type-checked.
   */
  readonly functions?: ReadonlySet<string>;
  /** Filled with the type of every sub-expression typed (for consumers that evaluate the expression: the runtime). */
  readonly types?: Map<Expression, DataType>;
}

/** An issue from a code's template (its code, message and hint); undefined, as `report`. */
export function reportText(env: TypeEnv, text: CodeText, node: { readonly span?: Span }): undefined {
  return report(env, text.code, node, text.message, text.hint);
}

export function report(env: TypeEnv, code: string, node: { readonly span?: Span }, message: string, hint?: string): undefined {
  env.issues?.push({ code, message, ...(hint === undefined ? {} : { hint }), ...(node.span === undefined ? {} : { span: node.span }) });
  return undefined;
}
