/**
 * The query builder: `from(orders, 'o').join(users, 'u', ({ o, u }) => o.user_id.eq(u.id)).where(…).select(…)`.
 * Immutable: every method returns a new builder. Callbacks receive the column expressions of every relation in
 * scope, keyed by alias, so a misspelt column or a column of a table not in scope is a TypeScript error.
 */
import type { Expression, OrderItem } from '../ast/expression.js';
import { QUERY_KINDS, type GroupingElement, type Join, type JoinType, type Query, type Relation, type Select, type SelectItem } from '../ast/query.js';
import type { DataType, TypeRoot } from '../types/data-type.js';
import type { AnySqlType, SqlType } from '../types/sql-type.js';
import type { AnyExpr, AnyNamed, Bool, Ordering } from './expr.js';
import type { TimestampRoot } from './type-level.js';
import { FlinktsError } from '../diagnostics/diagnostic.js';
import { orderItemOf } from './fn.js';
import { Expr, checkName, exprList, exprNode } from './expr.js';
import { argumentError, checkList, checkNode, checkObject } from '../diagnostics/arguments.js';
import type { ColumnInfo, NullableColumns, Refs, Source } from './source.js';
import { refsOf, relationAlias, subqueryRelation } from './source.js';
import { DEFINITION_TEXTS } from '../diagnostics/definition-codes.js';
import { textFields } from '../diagnostics/code-table.js';

/** Column expressions of every relation in scope, keyed by alias. */
export type Scope<S> = { readonly [A in keyof S]: Refs<S[A]> };

type Selection = Record<string, AnyExpr>;
/** The columns a selection produces. */
export type SelectedColumns<Sel extends Selection> = { readonly [K in keyof Sel]: SqlType<Sel[K]['__root'], Sel[K]['__value'], Sel[K]['__nullable']> };

/** The columns of an ordered selection (`selectList`), keyed by output name. */
export type ListColumns<L extends readonly AnyNamed[]> = { readonly [E in L[number] as E['alias']]: SqlType<E['__root'], E['__value'], E['__nullable']> };
/** The column types of an ordered selection, in order. */
export type ListTypes<L extends readonly AnyNamed[]> = { readonly [I in keyof L]: SqlType<L[I]['__root'], L[I]['__value'], L[I]['__nullable']> };

/** The columns of `CROSS JOIN UNNEST`: element-typed for one column, untyped for ROW/MAP fields, INT ordinality. */
export type UnnestColumns<Col extends string, E extends AnyExpr, O extends string> = {
  readonly [P in Col]: SqlType<TypeRoot, [Col] extends [P] ? (E['__value'] extends readonly (infer V)[] ? V : unknown) : unknown, true>;
} & { readonly [P in O]: SqlType<'INT', number, false> };

interface ScopeEntry {
  readonly alias: string;
  readonly columns: readonly ColumnInfo[];
}

interface State {
  readonly from: Relation;
  readonly scope: readonly ScopeEntry[];
  readonly where?: Expression;
  readonly groupBy?: readonly GroupingElement[];
  readonly having?: Expression;
  readonly distinct: boolean;
}

function nullable(columns: readonly ColumnInfo[]): readonly ColumnInfo[] {
  return columns.map((c) => (c.type === undefined ? c : { name: c.name, type: { ...c.type, nullable: true } as DataType }));
}

/** A source argument: a table, view, sub-query or window TVF (anything with columns and a FROM item). */
export function checkSource(call: string, source: unknown): void {
  const s = source as Partial<Source<unknown>> | null | undefined;
  if (s === null || typeof s !== 'object' || typeof s.toRelation !== 'function' || !Array.isArray(s.columnTypes)) {
    throw argumentError(call, 'source', 'a table, view, query or window TVF', source, 'pass a declaration made with table(…) / view(…), a built query, or tumble(…) / hop(…) …');
  }
}

/** A callback argument. */
function checkCallback(call: string, callback: unknown): void {
  if (typeof callback !== 'function') throw argumentError(call, 'the callback', 'a function of the columns in scope', callback, 'pass a function, e.g. ({ o }) => o.amount.gt(0)');
}

function and(a: Expression | undefined, b: Expression): Expression {
  return a === undefined ? b : { kind: 'Binary', op: 'AND', left: a, right: b };
}

export class QueryBuilder<S> {
  constructor(private readonly state: State) {
    Object.freeze(this);
  }

  private refs(): Scope<S> {
    const scope: Record<string, unknown> = {};
    for (const entry of this.state.scope) scope[entry.alias] = refsOf(entry.columns, entry.alias);
    return scope as Scope<S>;
  }

  private joined<T>(type: JoinType, source: Source<unknown>, alias: string, columns: readonly ColumnInfo[], on?: (scope: never) => Bool<boolean>, leftColumns?: (c: readonly ColumnInfo[]) => readonly ColumnInfo[]): QueryBuilder<T> {
    const call = `.${type === 'INNER' ? 'join' : `${type.toLowerCase()}Join`}()`;
    checkName(call, 'alias', alias);
    if (this.state.scope.some((e) => e.alias === alias)) {
      throw new FlinktsError([{
        ...textFields(DEFINITION_TEXTS.duplicateJoinAlias({ alias, inScope: this.state.scope.map((e) => e.alias) })), severity: 'error', path: `join.${alias}`,
      }]);
    }
    const scope = [...this.state.scope.map((e) => (leftColumns ? { alias: e.alias, columns: leftColumns(e.columns) } : e)), { alias, columns }];
    const next = new QueryBuilder<T>({ ...this.state, scope });
    const join: Join = {
      kind: 'Join',
      type,
      left: this.state.from,
      right: source.toRelation(alias),
      ...(on === undefined ? {} : { on: exprNode((checkCallback(call, on), on(next.refs() as never)), `${call} ON condition of '${alias}'`) }),
    };
    return new QueryBuilder<T>({ ...this.state, scope, from: join });
  }

  /** `JOIN source AS alias ON …`. */
  join<C, A extends string>(source: Source<C>, alias: A, on: (scope: Scope<S & { [K in A]: C }>) => Bool<boolean>): QueryBuilder<S & { [K in A]: C }> {
    checkSource('.join()', source);
    checkCallback('.join()', on);
    return this.joined('INNER', source, alias, source.columnTypes, on as never);
  }
  /** `LEFT JOIN`: the right side's columns become nullable. */
  leftJoin<C, A extends string>(source: Source<C>, alias: A, on: (scope: Scope<S & { [K in A]: NullableColumns<C> }>) => Bool<boolean>): QueryBuilder<S & { [K in A]: NullableColumns<C> }> {
    checkSource('.leftJoin()', source);
    checkCallback('.leftJoin()', on);
    return this.joined('LEFT', source, alias, nullable(source.columnTypes), on as never);
  }
  /** `RIGHT JOIN`: the left side's columns become nullable. */
  rightJoin<C, A extends string>(source: Source<C>, alias: A, on: (scope: Scope<{ [K in keyof S]: NullableColumns<S[K]> } & { [K in A]: C }>) => Bool<boolean>): QueryBuilder<{ [K in keyof S]: NullableColumns<S[K]> } & { [K in A]: C }> {
    checkSource('.rightJoin()', source);
    checkCallback('.rightJoin()', on);
    return this.joined('RIGHT', source, alias, source.columnTypes, on as never, nullable);
  }
  /** `FULL JOIN`: both sides become nullable. */
  fullJoin<C, A extends string>(source: Source<C>, alias: A, on: (scope: Scope<{ [K in keyof S]: NullableColumns<S[K]> } & { [K in A]: NullableColumns<C> }>) => Bool<boolean>): QueryBuilder<{ [K in keyof S]: NullableColumns<S[K]> } & { [K in A]: NullableColumns<C> }> {
    checkSource('.fullJoin()', source);
    checkCallback('.fullJoin()', on);
    return this.joined('FULL', source, alias, nullable(source.columnTypes), on as never, nullable);
  }
  /** `CROSS JOIN source`. */
  crossJoin<C, A extends string>(source: Source<C>, alias: A): QueryBuilder<S & { [K in A]: C }> {
    checkSource('.crossJoin()', source);
    return this.joined('CROSS', source, alias, source.columnTypes);
  }

  /**
   * A temporal join `JOIN versioned FOR SYSTEM_TIME AS OF <time> AS alias ON …`. With a processing-time
   * attribute and a lookup-capable connector this is a lookup join. `type: 'LEFT'` keeps unmatched rows.
   */
  temporalJoin<C, A extends string>(
    source: Source<C>,
    alias: A,
    options: { readonly asOf: (scope: Scope<S>) => Expr<TimestampRoot, unknown, boolean>; readonly on: (scope: Scope<S & { [K in A]: C }>) => Bool<boolean>; readonly type?: 'INNER' | 'LEFT' },
  ): QueryBuilder<S & { [K in A]: C }> {
    checkSource('.temporalJoin()', source);
    checkObject('.temporalJoin()', 'options', options, 'an object { asOf, on }');
    checkCallback('.temporalJoin() asOf', options.asOf);
    const asOf = exprNode(options.asOf(this.refs()), '.temporalJoin() asOf');
    const type = options.type ?? 'INNER';
    if (type !== 'INNER' && type !== 'LEFT') throw argumentError('.temporalJoin()', 'options.type', "'INNER' or 'LEFT'", type);
    const columns = type === 'LEFT' ? nullable(source.columnTypes) : source.columnTypes;
    const versioned: Source<C> = { ...source, toRelation: (a) => ({ ...(source.toRelation(a) as Extract<Relation, { kind: 'TableRef' }>), forSystemTimeAsOf: asOf }) };
    return this.joined(type, versioned, alias, columns, options.on as never);
  }

  /**
   * An interval join: an inner join whose condition bounds the right side's time by the left side's,
   * `l.time BETWEEN r.time - lower AND r.time + upper` plus the equality keys from `on`.
   */
  intervalJoin<C, A extends string>(
    source: Source<C>,
    alias: A,
    options: {
      readonly on: (scope: Scope<S & { [K in A]: C }>) => Bool<boolean>;
      readonly time: (scope: Scope<S & { [K in A]: C }>) => { readonly left: AnyExpr; readonly right: AnyExpr; readonly lower: AnyExpr; readonly upper: AnyExpr };
    },
  ): QueryBuilder<S & { [K in A]: C }> {
    checkSource('.intervalJoin()', source);
    checkObject('.intervalJoin()', 'options', options, 'an object { on, time }');
    return this.joined('INNER', source, alias, source.columnTypes, ((scope: Scope<S & { [K in A]: C }>) => {
      checkCallback('.intervalJoin() time', options.time);
      const t = options.time(scope);
      const part = (name: 'left' | 'right' | 'lower' | 'upper'): Expression => exprNode((t as Partial<typeof t> | null)?.[name], `.intervalJoin() time.${name}`);
      const bound: Expression = {
        kind: 'Between',
        operand: part('left'),
        low: { kind: 'Binary', op: '-', left: part('right'), right: part('lower') },
        high: { kind: 'Binary', op: '+', left: part('right'), right: part('upper') },
        negated: false,
        symmetric: false,
      };
      checkCallback('.intervalJoin() on', options.on);
      return new Expr({ kind: 'Binary', op: 'AND', left: exprNode(options.on(scope), '.intervalJoin() on'), right: bound }) as Bool<boolean>;
    }) as never);
  }

  /**
   * `CROSS JOIN UNNEST(collection) [WITH ORDINALITY] AS alias (columns)`: one column for an ARRAY or MULTISET
   * (typed by the element's TypeScript value), several for an ARRAY of ROWs or a MAP (`['k', 'v']`); with
   * `ordinality` a last column (INT NOT NULL) numbers the elements from 1.
   */
  crossJoinUnnest<A extends string, Col extends string, E extends AnyExpr, O extends string = never>(
    alias: A,
    columns: Col | readonly [Col, ...Col[]],
    collection: (scope: Scope<S>) => E,
    options: { readonly ordinality?: O } = {},
  ): QueryBuilder<S & { [K in A]: UnnestColumns<Col, E, O> }> {
    const call = '.crossJoinUnnest()';
    checkName(call, 'alias', alias);
    const listed = typeof columns === 'string' ? [columns] : checkList<string>(call, 'columns', columns, 'a column name or a list of them');
    if (listed.length === 0) throw argumentError(call, 'columns', 'at least one column name', columns);
    listed.forEach((c, i) => checkName(call, `columns[${i}]`, c));
    checkCallback(call, collection);
    const ordinality = checkObject<{ ordinality?: unknown }>(call, 'options', options, 'an options object { ordinality }').ordinality;
    if (ordinality !== undefined) checkName(call, 'options.ordinality', ordinality);
    const expr = exprNode(collection(this.refs()), `${call} collection`);
    const names = [...listed, ...(options.ordinality === undefined ? [] : [options.ordinality])];
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate !== undefined) {
      throw new FlinktsError([{ ...textFields(DEFINITION_TEXTS.duplicateUnnestName({ column: duplicate })), severity: 'error', path: `unnest.${alias}` }]);
    }
    const infos: ColumnInfo[] = names.map((name, i) => (options.ordinality !== undefined && i === names.length - 1 ? { name, type: { kind: 'INT', nullable: false } } : { name }));
    const unnest: Source<unknown> = {
      __columns: undefined as never,
      columnTypes: infos,
      toRelation: (a) => ({ kind: 'Unnest', args: [expr], withOrdinality: options.ordinality !== undefined, ...(relationAlias(a) === undefined ? {} : { alias: a! }), columnAliases: names }),
    };
    return this.joined('CROSS', unnest, alias, infos);
  }

  /** `WHERE …` (several calls are ANDed). */
  where(condition: (scope: Scope<S>) => Bool<boolean>): QueryBuilder<S> {
    checkCallback('.where()', condition);
    return new QueryBuilder<S>({ ...this.state, where: and(this.state.where, exprNode(condition(this.refs()), '.where()')) });
  }

  /** `GROUP BY …`. */
  groupBy(keys: (scope: Scope<S>) => readonly AnyExpr[]): QueryBuilder<S> {
    checkCallback('.groupBy()', keys);
    return new QueryBuilder<S>({ ...this.state, groupBy: exprList(keys(this.refs()), '.groupBy()').map((k, i) => exprNode(k, `.groupBy() key ${i + 1}`)) });
  }

  /** `HAVING …`. */
  having(condition: (scope: Scope<S>) => Bool<boolean>): QueryBuilder<S> {
    checkCallback('.having()', condition);
    return new QueryBuilder<S>({ ...this.state, having: and(this.state.having, exprNode(condition(this.refs()), '.having()')) });
  }

  /** `SELECT DISTINCT`. */
  distinct(): QueryBuilder<S> {
    return new QueryBuilder<S>({ ...this.state, distinct: true });
  }

  /** `SELECT expr AS key, …` — the result's columns are the selection's keys, in order. */
  select<Sel extends Selection>(selection: (scope: Scope<S>) => Sel): SelectQuery<SelectedColumns<Sel>> {
    checkCallback('.select()', selection);
    const sel: unknown = selection(this.refs());
    if (sel === null || typeof sel !== 'object' || Array.isArray(sel)) throw argumentError('.select()', "the callback's result", 'an object of output columns', sel, 'return { name: expression, … }, or use selectList(…) for a list');
    const entries = Object.entries(sel).map(([alias, e]) => [checkName('.select()', 'an output column name', alias), exprNode(e, `.select() column '${alias}'`)] as const);
    if (entries.length === 0) throw argumentError('.select()', "the callback's result", 'at least one output column', sel);
    const items: SelectItem[] = entries.map(([alias, node]) => ({ kind: 'SelectExpr', expr: node, alias }));
    const columns: ColumnInfo[] = entries.map(([name, node]) => this.columnInfo(name, node));
    return new SelectQuery(this.selectNode(items), columns);
  }

  /**
   * `SELECT a, b AS x, …` from a list: column references keep their names, other expressions need
   * `.as('name')`. The query remembers the column order, so `insertInto(sink, { columns: [...] }, query)`
   * can check each listed sink column against the value in the same position.
   */
  selectList<const L extends readonly AnyNamed[]>(selection: (scope: Scope<S>) => L): SelectQuery<ListColumns<L>, ListTypes<L>> {
    checkCallback('.selectList()', selection);
    const list = exprList(selection(this.refs()), '.selectList()') as unknown as L;
    if (list.length === 0) throw argumentError('.selectList()', "the callback's result", 'at least one expression', list);
    const seen = new Set<string>();
    for (const [i, e] of list.entries()) {
      exprNode(e, `.selectList() item ${i + 1}`);
      checkName(`.selectList() item ${i + 1}`, "the expression's name (.as('…'))", e.alias);
      if (seen.has(e.alias)) {
        throw new FlinktsError([{ ...textFields(DEFINITION_TEXTS.duplicateOutputColumn({ column: e.alias })), severity: 'error', path: `select[${i}]` }]);
      }
      seen.add(e.alias);
    }
    const items: SelectItem[] = list.map((e) => ({ kind: 'SelectExpr', expr: e.node, ...(e.node.kind === 'ColumnRef' && e.node.name === e.alias ? {} : { alias: e.alias }) }));
    return new SelectQuery(this.selectNode(items), list.map((e) => this.columnInfo(e.alias, e.node)));
  }

  /** `SELECT *` (all columns of every relation in scope, in order). */
  selectAll(): SelectQuery<UnionOfColumns<S>> {
    const columns = this.state.scope.flatMap((e) => e.columns);
    return new SelectQuery(this.selectNode([{ kind: 'SelectStar' }]), columns);
  }

  /** A selected column; a plain column reference keeps the type of the column it reads (the analyzer infers the rest). */
  private columnInfo(name: string, expr: Expression): ColumnInfo {
    if (expr.kind !== 'ColumnRef') return { name };
    const entry = this.state.scope.find((e) => e.alias === expr.table);
    const type = entry?.columns.find((c) => c.name === expr.name)?.type;
    return type === undefined ? { name } : { name, type };
  }

  private selectNode(items: readonly SelectItem[]): Select {
    const s = this.state;
    return {
      kind: 'Select',
      distinct: s.distinct,
      items,
      from: s.from,
      ...(s.where === undefined ? {} : { where: s.where }),
      ...(s.groupBy === undefined ? {} : { groupBy: s.groupBy }),
      ...(s.having === undefined ? {} : { having: s.having }),
    };
  }
}

type UnionOfColumns<S> = UnionToIntersection<{ [A in keyof S]: S[A] }[keyof S]>;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** A finished query: readable as a source (sub-query), orderable, limitable, combinable with UNION ALL. */
export class SelectQuery<Cols = Record<string, AnySqlType>, Ordered = unknown> implements Source<Cols> {
  declare readonly __columns: Cols;
  /** The column types in select order (only for `selectList` queries; `unknown` otherwise). Type level only. */
  declare readonly __ordered: Ordered;
  readonly kind = 'query' as const;

  constructor(readonly query: Query, readonly columnTypes: readonly ColumnInfo[]) {
    checkNode('new SelectQuery()', 'query', query, 'a query node (build queries with from(…).select(…))', QUERY_KINDS);
    checkList('new SelectQuery()', 'columnTypes', columnTypes, 'a list of columns { name, type }');
    Object.freeze(this);
  }

  /** The selected column names, in order. */
  get columnNames(): readonly string[] {
    return this.columnTypes.map((c) => c.name);
  }

  toRelation(alias: string | undefined): Relation {
    relationAlias(alias);
    return subqueryRelation(this.query, alias);
  }

  /** `ORDER BY …` over the result columns. */
  orderBy(order: (columns: Refs<Cols>) => readonly (AnyExpr | Ordering)[]): SelectQuery<Cols, Ordered> {
    checkCallback('.orderBy()', order);
    const items: OrderItem[] = exprList(order(refsOf(this.columnTypes, undefined) as Refs<Cols>), '.orderBy()').map((o, i) => orderItemOf(o as AnyExpr | Ordering, `.orderBy() item ${i + 1}`));
    return new SelectQuery({ ...this.query, orderBy: items } as Query, this.columnTypes);
  }

  /** `LIMIT n`. */
  limit(n: number): SelectQuery<Cols, Ordered> {
    if (!Number.isInteger(n) || n < 0) {
      throw new FlinktsError([{ ...textFields(DEFINITION_TEXTS.badLimit({ got: n })), severity: 'error' }]);
    }
    return new SelectQuery({ ...this.query, limit: { kind: 'NumericLiteral', text: String(n) } } as Query, this.columnTypes);
  }

  /** `this UNION ALL other` (same columns). */
  unionAll(other: SelectQuery<Cols, unknown>): SelectQuery<Cols, Ordered> {
    if (!(other instanceof SelectQuery)) throw argumentError('.unionAll()', 'other', 'a built query', other);
    if (other.columnTypes.length !== this.columnTypes.length) {
      throw new FlinktsError([{
        ...textFields(DEFINITION_TEXTS.unionColumnCount({ left: this.columnTypes.length, right: other.columnTypes.length })), severity: 'error',
      }]);
    }
    return new SelectQuery({ kind: 'SetOperation', op: 'UNION', all: true, left: this.query, right: other.query }, this.columnTypes);
  }
}

/** Start a query: `from(table, 'alias')`. */
export function from<C, A extends string>(source: Source<C>, alias: A): QueryBuilder<{ [K in A]: C }> {
  checkSource('from()', source);
  checkName('from()', 'alias', alias);
  return new QueryBuilder({ from: source.toRelation(alias), scope: [{ alias, columns: source.columnTypes }], distinct: false });
}

/** `WITH name AS (query) …`: wrap a finished query with common table expressions. */
export function withCtes<Cols>(ctes: Readonly<Record<string, SelectQuery<unknown>>>, body: SelectQuery<Cols>): SelectQuery<Cols> {
  if (ctes === null || typeof ctes !== 'object' || Array.isArray(ctes) || Object.keys(ctes).length === 0) throw argumentError('withCtes()', 'ctes', 'an object of named queries { name: query, … }', ctes);
  for (const [name, q] of Object.entries(ctes)) {
    checkName('withCtes()', 'ctes', name);
    if (!(q instanceof SelectQuery)) throw argumentError('withCtes()', `ctes.${name}`, 'a query built with from(…).select(…)', q);
  }
  if (!(body instanceof SelectQuery)) throw argumentError('withCtes()', 'body', 'a query built with from(…).select(…)', body);
  return new SelectQuery(
    { kind: 'With', ctes: Object.entries(ctes).map(([name, q]) => ({ name, query: q.query })), body: body.query },
    body.columnTypes,
  );
}

/** A named CTE usable as a source inside `withCtes`'s body. */
export function cte<Cols>(name: string, query: SelectQuery<Cols>): Source<Cols> {
  checkName('cte()', 'name', name);
  if (!(query instanceof SelectQuery)) throw argumentError('cte()', 'query', 'a query built with from(…).select(…)', query);
  return {
    __columns: undefined as never,
    columnTypes: query.columnTypes,
    toRelation: (alias) => (relationAlias(alias) === undefined ? { kind: 'TableRef', path: [name] } : { kind: 'TableRef', path: [name], alias }),
  };
}
