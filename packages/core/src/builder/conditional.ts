/** CASE, CAST / TRY_CAST, COALESCE, IF, NULLIF, IFNULL. */
import type { WhenClause } from '../ast/expression.js';
import type { TypeRoot } from '../types/data-type.js';
import type { SqlType } from '../types/sql-type.js';
import { Expr, exprNode, toNode } from './expr.js';
import { checkType } from '../types/sql-type.js';
import type { AnyExpr, Bool, ExprInput, NullOf, RootOf } from './expr.js';
import type { Or } from './type-level.js';

/** `CAST(x AS type)`: keeps the input's nullability. */
export function cast<I extends ExprInput, R extends TypeRoot, V>(value: I, type: SqlType<R, V, boolean>): Expr<R, V, NullOf<I>> {
  return new Expr({ kind: 'Cast', operand: toNode(value, 'cast()'), type: checkType('cast()', 'type', type), try: false });
}

/** `TRY_CAST(x AS type)`: always nullable (NULL when the conversion fails). */
export function tryCast<R extends TypeRoot, V>(value: ExprInput, type: SqlType<R, V, boolean>): Expr<R, V, true> {
  return new Expr({ kind: 'Cast', operand: toNode(value, 'tryCast()'), type: { ...checkType('tryCast()', 'type', type), nullable: true } as SqlType['node'], try: true });
}

type ValueExpr<O> = O extends Expr<infer R, infer V, infer N> ? Expr<R, V, N> : Expr<RootOf<O>, O, NullOf<O>>;

/** A searched CASE: `caseWhen(cond, value).when(cond2, value2).else(other)` or `.end()`. */
export class CaseBuilder<R extends TypeRoot, V, N extends boolean> {
  constructor(private readonly whens: readonly WhenClause[]) {
    Object.freeze(this);
  }
  when<O extends ExprInput>(condition: Bool<boolean>, then: O): CaseBuilder<R, V, N> {
    return new CaseBuilder([...this.whens, { when: exprNode(condition, '.when() condition'), then: toNode(then, '.when()') }]);
  }
  /** `ELSE value END`. */
  else<O extends ExprInput>(value: O): Expr<R, V, N extends true ? true : NullOf<O>> {
    return new Expr({ kind: 'Case', whens: this.whens, else: toNode(value) });
  }
  /** `END` without ELSE: the result is nullable. */
  end(): Expr<R, V, true> {
    return new Expr({ kind: 'Case', whens: this.whens });
  }
}

export function caseWhen<O extends ExprInput>(condition: Bool<boolean>, then: O): CaseBuilder<ValueExpr<O>['__root'], ValueExpr<O>['__value'], ValueExpr<O>['__nullable']> {
  return new CaseBuilder([{ when: exprNode(condition, 'caseWhen() condition'), then: toNode(then, 'caseWhen()') }]);
}

/** `COALESCE(a, b, …)`: NOT NULL when any argument is NOT NULL (Flink's rule). */
export function coalesce<A extends AnyExpr, const R extends readonly ExprInput[]>(first: A, ...rest: R): Expr<A['__root'], A['__value'], A['__nullable'] extends false ? false : false extends NullOf<R[number]> ? false : true> {
  return new Expr({ kind: 'FunctionCall', name: ['COALESCE'], args: [exprNode(first, 'coalesce()'), ...rest.map((v) => toNode(v))] });
}

/** `IF(cond, a, b)`: nullable if any argument is. */
export function iff<C extends boolean, A extends AnyExpr, B extends ExprInput>(condition: Bool<C>, then: A, otherwise: B): Expr<A['__root'], A['__value'], Or<C, Or<A['__nullable'], NullOf<B>>>> {
  return new Expr({ kind: 'FunctionCall', name: ['IF'], args: [exprNode(condition, 'iff() condition'), exprNode(then, 'iff()'), toNode(otherwise, 'iff()')] });
}

/** `NULLIF(a, b)`: always nullable. */
export function nullIf<A extends AnyExpr>(value: A, other: ExprInput): Expr<A['__root'], A['__value'], true> {
  return new Expr({ kind: 'FunctionCall', name: ['NULLIF'], args: [exprNode(value, 'nullIf()'), toNode(other, 'nullIf()')] });
}

/** `IFNULL(a, replacement)`: nullable only when the replacement is. */
export function ifNull<A extends AnyExpr, B extends ExprInput>(value: A, replacement: B): Expr<A['__root'], A['__value'], NullOf<B>> {
  return new Expr({ kind: 'FunctionCall', name: ['IFNULL'], args: [exprNode(value, 'ifNull()'), toNode(replacement, 'ifNull()')] });
}
