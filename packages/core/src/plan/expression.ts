/**
 * A bound expression: the AST as written, its type, and every column reference in it resolved once by the binder
 * to a position in the input row of the node that holds it.
 */
import type { Expression } from '../ast/expression.js';
import type { DataType } from '../types/data-type.js';
import type { PlanNode } from './node.js';

/** A subtree of an expression that reads one input column. */
export interface ColumnBinding {
  /**
   * The AST subtree the binding stands for: a column reference; above an Aggregate also a grouped expression or an
   * aggregate call; above an Over a windowed call.
   */
  readonly node: Expression;
  /** The column's position in the input row (for a join: the left columns, then the right ones). */
  readonly index: number;
  /** 0 for the node's own input; 1 for the enclosing query's input (a correlated sub-query), and so on. */
  readonly depth: number;
  readonly type?: DataType;
  /** `r.f` read as the field `f` of the ROW column `r`. */
  readonly field?: string;
  /** Read only to decide between values: a CASE WHEN condition, IF's condition, an aggregate's FILTER. */
  readonly conditional: boolean;
}

/** A sub-query inside an expression (scalar, IN, EXISTS), bound as a plan of its own. */
export interface BoundSubquery {
  readonly node: Expression;
  readonly plan: PlanNode;
}

export interface BoundExpression {
  readonly ast: Expression;
  /** Undefined when it cannot be known (a user function's result). */
  readonly type?: DataType;
  readonly refs: readonly ColumnBinding[];
  readonly subqueries: readonly BoundSubquery[];
  /**
   * The type of every sub-expression, as typing/ typed it: recorded only when binding for a consumer that evaluates
   * expressions (the runtime, `BindOptions.expressionTypes`).
   */
  readonly types?: ReadonlyMap<Expression, DataType>;
}

/** The column `e` copies unchanged, if it is a bare reference to one input column. */
export function copiedColumn(e: BoundExpression): number | undefined {
  const only = e.refs.length === 1 ? e.refs[0]! : undefined;
  return only !== undefined && only.node === e.ast && only.depth === 0 && only.field === undefined ? only.index : undefined;
}
