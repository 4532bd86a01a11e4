/**
 * `Expr<R, V, N>`: a typed expression. It wraps an AST `Expression` and carries, at the type level only, the
 * Flink type root `R`, the TypeScript value `V` and nullability `N`, so the editor can reject what Flink's
 * planner would reject (comparing an INT column with a string, inserting STRING into BIGINT, …).
 * Every method returns a new expression; the wrapped node is never mutated.
 */
import { EXPRESSION_KINDS, NULLS_ORDERS, type BinaryOperator, type Expression, type NullsOrder, type OrderItem } from '../ast/expression.js';
import type { Query } from '../ast/query.js';
import { builderText } from './errors.js';
import { argumentError, checkList, checkNode, checkOneOf, checkString } from '../diagnostics/arguments.js';
import { FlinktsError } from '../diagnostics/diagnostic.js';
import { IDENTIFIER_MAX_LENGTH } from '../sql/parser/cursor.js';
import type { TypeRoot } from '../types/data-type.js';
import type { ComparableRoot, LiteralFor, NumericRoot, Or, StringRoot, WiderNumeric } from './type-level.js';
import { DEFINITION_TEXTS } from '../diagnostics/definition-codes.js';
import { textFields } from '../diagnostics/code-table.js';

export class Expr<R extends TypeRoot = TypeRoot, V = unknown, N extends boolean = boolean> {
  declare readonly __root: R;
  declare readonly __value: V;
  declare readonly __nullable: N;
  readonly node: Expression;

  constructor(node: Expression) {
    this.node = Object.freeze(checkNode<Expression>('new Expr()', 'node', node, 'an expression node (build expressions with columns, fn.* and lit(…))', EXPRESSION_KINDS));
  }

  // Comparison ------------------------------------------------------------------------------------------
  eq<O extends Comparable<R>>(other: O): Bool<Or<N, NullOf<O>>> { return compare('=', this, other); }
  neq<O extends Comparable<R>>(other: O): Bool<Or<N, NullOf<O>>> { return compare('<>', this, other); }
  lt<O extends Comparable<R>>(other: O): Bool<Or<N, NullOf<O>>> { return compare('<', this, other); }
  lte<O extends Comparable<R>>(other: O): Bool<Or<N, NullOf<O>>> { return compare('<=', this, other); }
  gt<O extends Comparable<R>>(other: O): Bool<Or<N, NullOf<O>>> { return compare('>', this, other); }
  gte<O extends Comparable<R>>(other: O): Bool<Or<N, NullOf<O>>> { return compare('>=', this, other); }

  isNull(): Bool<false> { return new Expr({ kind: 'IsNull', operand: this.node, negated: false }); }
  isNotNull(): Bool<false> { return new Expr({ kind: 'IsNull', operand: this.node, negated: true }); }
  isDistinctFrom(other: Comparable<R>): Bool<false> { return new Expr({ kind: 'IsDistinctFrom', left: this.node, right: toNode(other), negated: false }); }
  isNotDistinctFrom(other: Comparable<R>): Bool<false> { return new Expr({ kind: 'IsDistinctFrom', left: this.node, right: toNode(other), negated: true }); }
  in(values: readonly Comparable<R>[]): Bool<N> { return new Expr({ kind: 'In', operand: this.node, values: inList('.in()', values), negated: false }); }
  notIn(values: readonly Comparable<R>[]): Bool<N> { return new Expr({ kind: 'In', operand: this.node, values: inList('.notIn()', values), negated: true }); }
  /** `x IN (SELECT …)`: the sub-query must select one column. */
  inQuery(query: SingleColumnQuery): Bool<N> { checkSubquery('.inQuery()', query); return new Expr({ kind: 'In', operand: this.node, query: query.query, negated: false }); }
  notInQuery(query: SingleColumnQuery): Bool<N> { checkSubquery('.notInQuery()', query); return new Expr({ kind: 'In', operand: this.node, query: query.query, negated: true }); }
  between(low: Comparable<R>, high: Comparable<R>): Bool<N> {
    return new Expr({ kind: 'Between', operand: this.node, low: toNode(low), high: toNode(high), negated: false, symmetric: false });
  }
  notBetween(low: Comparable<R>, high: Comparable<R>): Bool<N> {
    return new Expr({ kind: 'Between', operand: this.node, low: toNode(low), high: toNode(high), negated: true, symmetric: false });
  }
  like(this: Expr<StringRoot, string, N>, pattern: string | Expr<StringRoot, string, boolean>, escape?: string): Bool<N> {
    return new Expr({ kind: 'Like', op: 'LIKE', operand: this.node, pattern: toNode(pattern, '.like()'), ...(escape === undefined ? {} : { escape: toNode(checkString('.like()', 'escape', escape)) }), negated: false });
  }
  notLike(this: Expr<StringRoot, string, N>, pattern: string | Expr<StringRoot, string, boolean>): Bool<N> {
    return new Expr({ kind: 'Like', op: 'LIKE', operand: this.node, pattern: toNode(pattern), negated: true });
  }

  // Arithmetic and strings ------------------------------------------------------------------------------
  plus<O extends Arith<R>>(other: O): Expr<WiderNumeric<R, RootOf<O>>, V, Or<N, NullOf<O>>> { return arith('+', this, other); }
  minus<O extends Arith<R>>(other: O): Expr<WiderNumeric<R, RootOf<O>>, V, Or<N, NullOf<O>>> { return arith('-', this, other); }
  times<O extends Arith<R>>(other: O): Expr<WiderNumeric<R, RootOf<O>>, V, Or<N, NullOf<O>>> { return arith('*', this, other); }
  /** `/` — integer division when both sides are integers, as in Flink. */
  div<O extends Arith<R>>(other: O): Expr<WiderNumeric<R, RootOf<O>>, V, Or<N, NullOf<O>>> { return arith('/', this, other); }
  mod<O extends Arith<R>>(other: O): Expr<WiderNumeric<R, RootOf<O>>, V, Or<N, NullOf<O>>> { return arith('%', this, other); }
  negate(): Expr<R, V, N> { return new Expr({ kind: 'Unary', op: '-', operand: this.node }); }
  /** `a || b`. */
  concat(this: Expr<StringRoot, string, N>, other: string | Expr<StringRoot, string, boolean>): Expr<'VARCHAR', string, N> {
    return new Expr({ kind: 'Binary', op: '||', left: this.node, right: toNode(other) });
  }

  // Logic -----------------------------------------------------------------------------------------------
  and<M extends boolean>(this: Expr<'BOOLEAN', boolean, N>, other: Expr<'BOOLEAN', boolean, M> | boolean): Bool<Or<N, M>> {
    return new Expr({ kind: 'Binary', op: 'AND', left: this.node, right: toNode(other) });
  }
  or<M extends boolean>(this: Expr<'BOOLEAN', boolean, N>, other: Expr<'BOOLEAN', boolean, M> | boolean): Bool<Or<N, M>> {
    return new Expr({ kind: 'Binary', op: 'OR', left: this.node, right: toNode(other) });
  }
  not(this: Expr<'BOOLEAN', boolean, N>): Bool<N> { return new Expr({ kind: 'Unary', op: 'NOT', operand: this.node }); }

  // Access ----------------------------------------------------------------------------------------------
  /** `arr[i]` / `map[key]`: always nullable. */
  at(index: number | string | Expr): Expr<TypeRoot, unknown, true> {
    if (typeof index !== 'number' && typeof index !== 'string' && !(index instanceof Expr)) throw argumentError('.at()', 'index', 'an array index (a number), a map key (a string) or an expression', index);
    return new Expr({ kind: 'Subscript', operand: this.node, index: toNode(index, '.at()') });
  }
  /** `row.field`. */
  field(name: string): Expr<TypeRoot, unknown, boolean> { return new Expr({ kind: 'FieldAccess', operand: this.node, field: checkName('.field()', 'name', name) }); }

  /** `x IS TRUE` / `IS FALSE` / `IS UNKNOWN` (never NULL). */
  isTrue(this: Expr<'BOOLEAN', boolean, N>): Bool<false> { return new Expr({ kind: 'IsTruth', operand: this.node, value: 'TRUE', negated: false }); }
  isFalse(this: Expr<'BOOLEAN', boolean, N>): Bool<false> { return new Expr({ kind: 'IsTruth', operand: this.node, value: 'FALSE', negated: false }); }
  isNotTrue(this: Expr<'BOOLEAN', boolean, N>): Bool<false> { return new Expr({ kind: 'IsTruth', operand: this.node, value: 'TRUE', negated: true }); }
  isNotFalse(this: Expr<'BOOLEAN', boolean, N>): Bool<false> { return new Expr({ kind: 'IsTruth', operand: this.node, value: 'FALSE', negated: true }); }
  /** `x SIMILAR TO pattern`. */
  similarTo(this: Expr<StringRoot, string, N>, pattern: string | Expr<StringRoot, string, boolean>): Bool<N> {
    return new Expr({ kind: 'Like', op: 'SIMILAR TO', operand: this.node, pattern: toNode(pattern), negated: false });
  }

  // Naming ----------------------------------------------------------------------------------------------
  /** This expression under an output name, for `selectList` (`o.amount.as('total')`). */
  as<A extends string>(alias: A): Named<A, R, V, N> { return named(this.node, checkName('.as()', 'alias', alias)); }

  // Ordering --------------------------------------------------------------------------------------------
  asc(nulls?: NullsOrder): Ordering { return ordering(this.node, 'ASC', nulls === undefined ? undefined : checkOneOf('.asc()', 'nulls', nulls, NULLS_ORDERS)); }
  desc(nulls?: NullsOrder): Ordering { return ordering(this.node, 'DESC', nulls === undefined ? undefined : checkOneOf('.desc()', 'nulls', nulls, NULLS_ORDERS)); }
}

/**
 * An expression with an output name: a column reference (named after its column) or `expr.as('name')`.
 * Operators on it give plain expressions again.
 */
export type Named<A extends string = string, R extends TypeRoot = TypeRoot, V = unknown, N extends boolean = boolean> = Expr<R, V, N> & { readonly alias: A };
export type AnyNamed = Named<string, TypeRoot, unknown, boolean>;

/** A non-empty name (an alias, a table name): `` `` `` is no name Flink accepts. */
export function checkName<A>(call: string, argument: string, name: A): A {
  if (typeof name !== 'string' || name.trim() === '') throw argumentError(call, argument, 'a non-empty name', name);
  if (name.length > IDENTIFIER_MAX_LENGTH) throw argumentError(call, argument, `a name of at most ${IDENTIFIER_MAX_LENGTH} characters (Flink's limit)`, name);
  return name;
}

/** Make a named expression (the run-time side of `Named`). */
export function named<A extends string, R extends TypeRoot, V, N extends boolean>(node: Expression, alias: A): Named<A, R, V, N> {
  const e = new Expr<R, V, N>(node) as Expr<R, V, N> & { alias: A };
  e.alias = alias;
  return e;
}

export type Bool<N extends boolean> = Expr<'BOOLEAN', boolean, N>;
export type AnyExpr = Expr<TypeRoot, unknown, boolean>;

/** A built query (`SelectQuery`), as far as expressions need it. */
export interface SingleColumnQuery { readonly query: Query; readonly columnNames: readonly string[] }

/** An ORDER BY item. */
export interface Ordering { readonly orderItem: OrderItem }

function ordering(expr: Expression, direction: 'ASC' | 'DESC', nulls?: NullsOrder): Ordering {
  return Object.freeze({ orderItem: Object.freeze({ expr, direction, ...(nulls === undefined ? {} : { nulls }) }) });
}

/** What a comparison with an `R` expression accepts: a comparable expression or a matching literal. */
export type Comparable<R extends TypeRoot> = Expr<ComparableRoot<R>, unknown, boolean> | LiteralFor<R>;
/** What arithmetic on an `R` expression accepts: numbers with numbers; intervals with dates and timestamps. */
export type Arith<R extends TypeRoot> = R extends NumericRoot
  ? Expr<NumericRoot, unknown, boolean> | number | bigint
  : Expr<'INTERVAL_YEAR_MONTH' | 'INTERVAL_DAY_TIME', unknown, boolean>;

export type RootOf<O> = O extends AnyExpr ? O['__root'] : O extends bigint ? 'BIGINT' : O extends number ? NumberRoot<O> : O extends string ? 'CHAR' : O extends boolean ? 'BOOLEAN' : 'NULL';
/** A JavaScript number literal types as INT when it is whole (`42`) and as DECIMAL when it has a fraction (`1.5`). */
export type NumberRoot<O extends number> = number extends O ? 'INT' : `${O}` extends `${bigint}` ? 'INT' : 'DECIMAL';
export type NullOf<O> = O extends AnyExpr ? O['__nullable'] : O extends null ? true : false;

/** Anything an expression builder accepts where an expression is expected: an `Expr` or a plain literal. */
export type ExprInput = AnyExpr | string | number | bigint | boolean | null;

/** The AST node for an expression input; plain values become literals (numbers keep their exact text). */
export function toNode(value: ExprInput | Expr<TypeRoot, unknown, boolean>, call = 'an expression argument'): Expression {
  if (value instanceof Expr) return value.node;
  if (value === null) return { kind: 'NullLiteral' };
  switch (typeof value) {
    case 'string': return { kind: 'StringLiteral', value };
    case 'boolean': return { kind: 'BooleanLiteral', value };
    case 'bigint': return value < 0n ? { kind: 'Unary', op: '-', operand: { kind: 'NumericLiteral', text: (-value).toString() } } : { kind: 'NumericLiteral', text: value.toString() };
    case 'number': return numberNode(value);
    default:
      // undefined, a Symbol, a function, a plain object: nothing Flink can read as a value.
      throw argumentError(call, 'the value', 'an expression or a string, number, bigint, boolean or null', value,
        value === undefined ? 'a missing argument or a misspelt column reads as undefined; pass the expression, or null for NULL' : undefined);
  }
}

/**
 * The node of an argument that must be an expression. A plain JavaScript value there is FTS2306 naming `call`
 * (`.where(({ o }) => o.amount > 0)` compares two objects in JavaScript and gives `false`).
 */
export function exprNode(value: unknown, call: string): Expression {
  if (value instanceof Expr) return value.node;
  throw new FlinktsError([{
    ...textFields(DEFINITION_TEXTS.plainValue({ call, got: value })),
    severity: 'error',
    path: call,
  }]);
}

/** `exprNode` for a list a callback returns (GROUP BY keys, ORDER BY items, a select list). */
export function exprList(value: unknown, call: string): readonly unknown[] {
  if (!Array.isArray(value)) throw argumentError(call, 'the callback\'s result', 'an array of expressions', value, 'return an array, e.g. ({ o }) => [o.user_id]');
  return value;
}

function numberNode(value: number): Expression {
  if (!Number.isFinite(value)) {
    // Flink has no literal for NaN/Infinity; callers must CAST a string explicitly.
    builderText(DEFINITION_TEXTS.noSqlNumber({ value }));
  }
  const text = Math.abs(value).toString();
  const literal: Expression = { kind: 'NumericLiteral', text: /e/i.test(text) ? text.toUpperCase() : text };
  return value < 0 || Object.is(value, -0) ? { kind: 'Unary', op: '-', operand: literal } : literal;
}

function compare(op: BinaryOperator, left: AnyExpr, right: ExprInput): Bool<never> {
  return new Expr({ kind: 'Binary', op, left: left.node, right: toNode(right) });
}

function arith<X>(op: BinaryOperator, left: AnyExpr, right: ExprInput): X {
  return new Expr({ kind: 'Binary', op, left: left.node, right: toNode(right) }) as X;
}

/** The values of `IN (…)`: a non-empty list (`IN ()` is no SQL) of expressions or literals. */
function inList(call: string, values: unknown): Expression[] {
  const list = checkList<ExprInput>(call, 'values', values, 'a list of values');
  if (list.length === 0) throw argumentError(call, 'values', 'a list of at least one value', values);
  return list.map((v) => toNode(v, call));
}

/** A built query (anything with a query node: from(…).select(…), sqlQuery(…)`…`). */
function checkSubquery(call: string, query: unknown): void {
  const node = query !== null && typeof query === 'object' ? (query as { query?: { kind?: unknown } }).query : undefined;
  if (node === null || typeof node !== 'object' || typeof node.kind !== 'string') throw argumentError(call, 'query', 'a query built with from(…).select(…)', query);
}

/** `EXISTS (SELECT …)`. */
export function exists(query: { readonly query: Query }): Bool<false> {
  checkSubquery('exists()', query);
  return new Expr({ kind: 'Exists', query: query.query });
}

/** A scalar sub-query `(SELECT x …)`; nullable (no row gives NULL). */
export function scalarSubquery<R extends TypeRoot = TypeRoot, V = unknown>(query: SingleColumnQuery): Expr<R, V, true> {
  checkSubquery('scalarSubquery()', query);
  return new Expr({ kind: 'ScalarSubquery', query: query.query });
}
