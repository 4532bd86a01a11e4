/**
 * Queries and relations (FROM items) of the AST.
 *
 * Streaming patterns are expressed with plain SQL nodes, exactly as Flink recognises them:
 * - window TVFs: a `TableFunction` relation whose call is `TUMBLE` / `HOP` / `CUMULATE` / `SESSION`;
 * - temporal and lookup joins: a `TableRef` with `forSystemTimeAsOf`;
 * - deduplication and TopN: a subquery with `ROW_NUMBER() OVER (…)` filtered on the row number.
 */
import type { Expression, FunctionCall, OrderItem, WindowSpec } from './expression.js';
import type { Commented, NodeBase, ObjectPath, Span } from './node.js';

/** A table hint `/*+ OPTIONS('k'='v') *\/` or a query hint `/*+ BROADCAST(t) *\/`. */
export interface Hint extends NodeBase {
  readonly name: string;
  /** Key-value options (OPTIONS) … */
  readonly options?: readonly { readonly key: string; readonly value: string }[];
  /** … or a plain list of identifiers (join hints). */
  readonly args?: readonly string[];
}

// ---------------------------------------------------------------------------------------------------------
// Relations

/** `[catalog.][db.]table [/*+ hints *\/] [FOR SYSTEM_TIME AS OF expr] [[AS] alias]`. */
export interface TableRef extends NodeBase {
  readonly kind: 'TableRef';
  readonly path: ObjectPath;
  readonly alias?: string;
  readonly hints?: readonly Hint[];
  /** Temporal / lookup join: `FOR SYSTEM_TIME AS OF o.proc_time`. */
  readonly forSystemTimeAsOf?: Expression;
}

/** `(SELECT …) [AS] alias [(c1, c2)]`. */
export interface SubqueryRelation extends NodeBase {
  readonly kind: 'SubqueryRelation';
  readonly query: Query;
  readonly alias?: string;
  readonly columnAliases?: readonly string[];
  readonly lateral?: boolean;
}

/**
 * `TABLE(fn(...)) [AS] alias [(c1, …)]` — window TVFs and table functions;
 * with `lateral: true` it is `LATERAL TABLE(fn(...))`.
 */
export interface TableFunction extends NodeBase {
  readonly kind: 'TableFunction';
  readonly call: FunctionCall;
  readonly lateral: boolean;
  readonly alias?: string;
  readonly columnAliases?: readonly string[];
}

/** `UNNEST(arr) [WITH ORDINALITY] [AS] alias (c1, …)`, used as `CROSS JOIN UNNEST(…)`. */
export interface Unnest extends NodeBase {
  readonly kind: 'Unnest';
  readonly args: readonly Expression[];
  readonly withOrdinality: boolean;
  readonly alias?: string;
  readonly columnAliases?: readonly string[];
}

export type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS';

/** `left [type] JOIN right [ON cond | USING (cols)]`; a comma join is CROSS without a condition. */
export interface Join extends NodeBase {
  readonly kind: 'Join';
  readonly type: JoinType;
  readonly left: Relation;
  readonly right: Relation;
  readonly on?: Expression;
  readonly using?: readonly string[];
  /** `true` for the comma form `FROM a, b`. */
  readonly comma?: boolean;
}

/**
 * A pattern quantifier: `*` `+` `?` (`symbol`), or `{n}` `{n,}` `{n,m}` `{,m}` (braces); `reluctant` for the
 * trailing `?` (`A+?`). `max` undefined: unbounded.
 */
export interface PatternQuantifier {
  readonly min: number;
  readonly max?: number;
  readonly reluctant: boolean;
  readonly symbol?: '*' | '+' | '?';
}

/** A term of a MATCH_RECOGNIZE pattern: a variable, a sequence, alternatives (`A | B`) or a parenthesised group. */
export type PatternTerm =
  | { readonly kind: 'PatternVariable'; readonly name: string; readonly quantifier?: PatternQuantifier; readonly span?: Span }
  | { readonly kind: 'PatternSequence'; readonly terms: readonly PatternTerm[] }
  | { readonly kind: 'PatternAlternation'; readonly terms: readonly PatternTerm[]; readonly span?: Span }
  | { readonly kind: 'PatternGroup'; readonly term: PatternTerm; readonly quantifier?: PatternQuantifier; readonly span?: Span };

/** `AFTER MATCH SKIP …`. */
export type AfterMatchSkip =
  | { readonly kind: 'PastLastRow' }
  | { readonly kind: 'ToNextRow' }
  | { readonly kind: 'ToFirst' | 'ToLast'; readonly variable: string; readonly span?: Span };

/**
 * `input MATCH_RECOGNIZE (PARTITION BY … ORDER BY … MEASURES … ONE ROW PER MATCH AFTER MATCH SKIP … PATTERN (…)
 * WITHIN interval DEFINE …) [AS] alias`: row pattern recognition (Flink's CEP).
 */
export interface MatchRecognize extends NodeBase {
  readonly kind: 'MatchRecognize';
  readonly input: Relation;
  readonly partitionBy: readonly Expression[];
  readonly orderBy: readonly OrderItem[];
  readonly measures: readonly { readonly expr: Expression; readonly alias: string; readonly span?: Span }[];
  /** `ONE ROW PER MATCH` / `ALL ROWS PER MATCH`, when written. */
  readonly rowsPerMatch?: 'ONE' | 'ALL';
  readonly after?: AfterMatchSkip;
  readonly pattern: PatternTerm;
  readonly within?: Expression;
  readonly define: readonly { readonly variable: string; readonly condition: Expression; readonly span?: Span }[];
  readonly alias?: string;
  readonly columnAliases?: readonly string[];
}

export type Relation = TableRef | SubqueryRelation | TableFunction | Unnest | Join | MatchRecognize;

// ---------------------------------------------------------------------------------------------------------
// Queries

export interface SelectExpr extends NodeBase, Commented {
  readonly kind: 'SelectExpr';
  readonly expr: Expression;
  readonly alias?: string;
}
/** `*` or `t.*`. */
export interface SelectStar extends NodeBase, Commented {
  readonly kind: 'SelectStar';
  readonly table?: string;
}
export type SelectItem = SelectExpr | SelectStar;

/** Grouping elements: plain expressions, or `GROUPING SETS (…)`, `ROLLUP (…)`, `CUBE (…)`. */
export type GroupingElement =
  | Expression
  | { readonly kind: 'GroupingSets'; readonly sets: readonly (readonly Expression[])[] }
  | { readonly kind: 'Rollup'; readonly exprs: readonly Expression[] }
  | { readonly kind: 'Cube'; readonly exprs: readonly Expression[] };

export interface NamedWindow { readonly name: string; readonly spec: WindowSpec }

export interface Select extends NodeBase {
  readonly kind: 'Select';
  readonly hints?: readonly Hint[];
  readonly distinct: boolean;
  readonly items: readonly SelectItem[];
  readonly from?: Relation;
  readonly where?: Expression;
  readonly groupBy?: readonly GroupingElement[];
  readonly having?: Expression;
  readonly windows?: readonly NamedWindow[];
  readonly orderBy?: readonly OrderItem[];
  readonly limit?: Expression;
  readonly offset?: Expression;
}

/** `left UNION [ALL] right`, `INTERSECT`, `EXCEPT`, with optional ORDER BY / LIMIT over the whole. */
export interface SetOperation extends NodeBase {
  readonly kind: 'SetOperation';
  readonly op: 'UNION' | 'INTERSECT' | 'EXCEPT';
  readonly all: boolean;
  readonly left: Query;
  readonly right: Query;
  readonly orderBy?: readonly OrderItem[];
  readonly limit?: Expression;
  readonly offset?: Expression;
}

/** `VALUES (…), (…)`. */
export interface Values extends NodeBase {
  readonly kind: 'Values';
  readonly rows: readonly (readonly Expression[])[];
}

export interface CommonTableExpression {
  readonly name: string;
  readonly columns?: readonly string[];
  readonly query: Query;
}

/** `WITH a AS (…), b AS (…) body`. */
export interface With extends NodeBase {
  readonly kind: 'With';
  readonly ctes: readonly CommonTableExpression[];
  readonly body: Query;
}

export type Query = Select | SetOperation | Values | With;

/** Every query node's `kind`, for a check at the public API's boundary (tsc keeps the list complete). */
export const QUERY_KINDS: ReadonlySet<string> = new Set(Object.keys({ Select: true, SetOperation: true, Values: true, With: true } satisfies Record<Query['kind'], true>));
