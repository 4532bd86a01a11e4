/** What the binder carries while it walks a statement: the catalog, CTEs in scope, enclosing scopes, diagnostics. */
import type { Span } from '../ast/node.js';
import type { Query, Select, TableRef } from '../ast/query.js';
import type { CatalogEntry, ObjectCatalog } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { UserFunctionTypes } from '../functions/user-functions.js';
import type { ScopeColumn } from '../typing/expression-type.js';
import type { Insert } from '../ast/statement.js';
import type { PlanNode, TimeAttribute } from './node.js';
import type { Sink } from './sink.js';
import type { Deduplicate, Rank } from './rank.js';
import { BIND_TEXTS } from './codes.js';
import type { CodeText } from '../diagnostics/code-table.js';

/** A column in scope: the typer's ScopeColumn plus its position in the input row. */
export interface ScopeEntry extends ScopeColumn {
  readonly index: number;
  readonly time?: TimeAttribute;
}

export interface Scope {
  readonly columns: readonly ScopeEntry[];
  /** The relation names (aliases) of the FROM clause. */
  readonly relations: readonly string[];
}

export const EMPTY_SCOPE: Scope = Object.freeze({ columns: [], relations: [] });

/** A named query in scope (CTE or view): its plan and the names its columns are known by. */
export interface NamedPlan {
  readonly plan: PlanNode;
  readonly names: readonly string[];
}

/** What a table name in FROM was bound to: a catalog table or view, or a CTE (by name). */
export type BoundTableRef = { readonly kind: 'catalog'; readonly entry: CatalogEntry } | { readonly kind: 'cte'; readonly name: string };

/**
 * Filled while binding, for consumers that follow the AST alongside the plan (`flinkts import` writes builder code
 * from the AST and reads names and types from here): every query's plan, every table name's binding.
 */
export interface BindTrace {
  readonly queries: Map<Query, NamedPlan>;
  readonly tables: Map<TableRef, BoundTableRef>;
  /** Every INSERT's Sink, when given. */
  readonly sinks?: Map<Insert, Sink>;
}

export interface BindContext {
  readonly catalog: ObjectCatalog;
  readonly diagnostics: Diagnostic[];
  readonly ctes: ReadonlyMap<string, NamedPlan>;
  /** Enclosing scopes, innermost first (correlated sub-queries, LATERAL items). */
  readonly outer: readonly Scope[];
  /** Bound views by qualified name, shared by every statement of a script. */
  readonly views: Map<string, NamedPlan>;
  /** Views being bound (a view that reads itself is reported, not followed forever). */
  readonly viewStack: ReadonlySet<string>;
  /** Bound sub-queries, so typing and binding share one plan per sub-query (null: bound, without a plan). */
  readonly subqueries: Map<Query, PlanNode | null>;
  readonly file?: string;
  /** Filled with the ROW_NUMBER patterns recognised, by the SELECT whose WHERE filters the row number. */
  readonly ranks?: Map<Select, Rank | Deduplicate>;
  readonly trace?: BindTrace;
  /** Record the type of every sub-expression on its BoundExpression (`types`). */
  readonly expressionTypes?: boolean;
  /** The declared result types of user functions (a test's JS table functions), by upper-cased name. */
  readonly userFunctions?: UserFunctionTypes;
  /** Aliases of the SELECT list while its WHERE / GROUP BY / HAVING are bound (they cannot see them: for the hint). */
  readonly selectAliases?: readonly string[];
}

export function problem(ctx: BindContext, code: string, node: { readonly span?: Span | undefined }, message: string, hint?: string, severity: 'error' | 'warning' = 'error'): void {
  ctx.diagnostics.push({
    code,
    severity,
    message,
    ...(hint === undefined ? {} : { hint }),
    ...(node.span === undefined ? {} : { span: node.span }),
    ...(ctx.file === undefined ? {} : { file: ctx.file }),
  });
}

/** A diagnostic whose code, message and hint come from a code table's template (codes.ts). */
export function report(ctx: BindContext, text: CodeText, node: { readonly span?: Span | undefined }, severity: 'error' | 'warning' = 'error'): void {
  problem(ctx, text.code, node, text.message, text.hint, severity);
}

/**
 * A construct the binder does not build a plan for (yet): a warning, never an exception — the SQL may well be valid
 * Flink SQL; it is flinkts that cannot follow it, so the user is told what is left unchecked (and lineage is refused
 * rather than shown incomplete).
 */
export function unsupported(ctx: BindContext, node: { readonly span?: Span | undefined }, what: string): void {
  report(ctx, BIND_TEXTS.notBound({ what }), node, 'warning');
  const d = ctx.diagnostics[ctx.diagnostics.length - 1]!;
  notBoundConstructs.set(d, { what, ...(d.span === undefined ? {} : { span: d.span }) });
}

/** A construct the binder did not bind: what it is (FTS4501's `what`) and where. */
export interface NotBound {
  readonly what: string;
  readonly span?: Span;
}

const notBoundConstructs = new WeakMap<Diagnostic, NotBound>();

/** The first construct among `diagnostics` that the binder did not bind (their FTS4501 warnings), if any. */
export function firstNotBound(diagnostics: readonly Diagnostic[]): NotBound | undefined {
  for (const d of diagnostics) {
    const c = notBoundConstructs.get(d);
    if (c !== undefined) return c;
  }
  return undefined;
}
