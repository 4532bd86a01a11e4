/**
 * The binder's entry points: a query, an INSERT (a Sink), or a whole script (its DDL builds the catalog; each INSERT,
 * statement set and query is bound). Name and type problems are diagnostics with registered codes, never exceptions.
 */
import type { Query, Select } from '../ast/query.js';
import type { Insert, Statement } from '../ast/statement.js';
import { ObjectCatalog } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { BindContext, BindTrace, NamedPlan } from './bind-context.js';
import { problem, unsupported } from './bind-context.js';
import { bindNamed } from './bind-query.js';
import type { PlanNode } from './node.js';
import type { Deduplicate, Rank } from './rank.js';
import { viewPlan } from './bind-relation.js';
import { scanColumns } from './scan-columns.js';
import type { Sink } from './sink.js';

export interface BindOptions {
  /** The file diagnostics point into. */
  readonly file?: string;
  /** Filled with the ROW_NUMBER patterns recognised (Rank / Deduplicate), by the SELECT that filters the row number. */
  readonly ranks?: Map<Select, Rank | Deduplicate>;
  /** Filled with every query's plan and every table name's binding (see BindTrace). */
  readonly trace?: BindTrace;
  /** Record every sub-expression's type on the bound expressions (for the runtime, which evaluates them). */
  readonly expressionTypes?: boolean;
}

function context(catalog: ObjectCatalog, options: BindOptions, views = new Map<string, NamedPlan>()): BindContext {
  return {
    catalog, diagnostics: [], ctes: new Map(), outer: [], views, viewStack: new Set(), subqueries: new Map(),
    ...(options.file === undefined ? {} : { file: options.file }),
    ...(options.ranks === undefined ? {} : { ranks: options.ranks }),
    ...(options.trace === undefined ? {} : { trace: options.trace }),
    ...(options.expressionTypes === true ? { expressionTypes: true } : {}),
  };
}

export interface BoundQuery {
  readonly plan?: PlanNode;
  /** The output column names. */
  readonly names: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Binds a query against `catalog`. */
export function bind(query: Query, catalog: ObjectCatalog, options: BindOptions = {}): BoundQuery {
  const ctx = context(catalog, options);
  const b = bindNamed(query, ctx);
  return { ...(b === undefined ? {} : { plan: b.plan }), names: b?.names ?? [], diagnostics: ctx.diagnostics };
}

function sinkOf(insert: Insert, ctx: BindContext): Sink | undefined {
  try {
    return bindSink(insert, ctx);
  } catch (e) {
    // Absurdly deep expressions exhaust the stack: a diagnostic, never an exception.
    if (!(e instanceof RangeError)) throw e;
    problem(ctx, 'FTS4499', insert, 'the statement is nested too deeply to be bound', 'split deeply nested expressions into views or CTEs');
    return undefined;
  }
}

function bindSink(insert: Insert, ctx: BindContext): Sink | undefined {
  const entry = ctx.catalog.lookup(insert.target);
  if (entry === undefined) {
    const last = insert.target[insert.target.length - 1]!;
    problem(ctx, 'FTS4002', insert, `table '${insert.target.join('.')}' is not declared in this script`, didYouMean(last, ctx.catalog.all().map((e) => e.path[2])) ?? 'declare it with CREATE TABLE before the INSERT');
    return undefined;
  }
  if (entry.kind === 'view') {
    problem(ctx, 'FTS4105', insert, `'${entry.path.join('.')}' is a view; INSERT writes into tables only`);
    return undefined;
  }
  const bound = bindNamed(insert.query, ctx);
  if (bound === undefined) return undefined;
  const tableColumns = scanColumns(entry, ctx);
  const position = (name: string): number => tableColumns.findIndex((c) => c.name === name);
  const staticPartition = (insert.partition ?? []).map((p) => position(p.key));
  let targets: number[];
  if (insert.columns !== undefined) {
    targets = insert.columns.map(position);
    const unknown = insert.columns.find((_, i) => targets[i]! < 0);
    if (unknown !== undefined) {
      problem(ctx, 'FTS4106', insert, `the INSERT column list names '${unknown}', which is not a column of '${entry.path.join('.')}'`, didYouMean(unknown, tableColumns.map((c) => c.name)));
      return undefined;
    }
  } else {
    targets = tableColumns.flatMap((c, i) => (c.origin === 'computed' || staticPartition.includes(i) ? [] : [i]));
  }
  if (targets.length !== bound.plan.columns.length) {
    problem(ctx, 'FTS4101', insert, `the query writes ${bound.plan.columns.length} columns into '${entry.path.join('.')}', which expects ${targets.length}`, 'select one value per sink column, or list the columns written');
    return undefined;
  }
  return Object.freeze({ kind: 'Sink', table: entry, name: entry.path.join('.'), tableColumns, input: bound.plan, targets, staticPartition });
}

/** Binds an INSERT into a Sink. */
export function bindInsert(insert: Insert, catalog: ObjectCatalog, options: BindOptions = {}): { readonly sink?: Sink; readonly diagnostics: readonly Diagnostic[] } {
  const ctx = context(catalog, options);
  const sink = sinkOf(insert, ctx);
  return { ...(sink === undefined ? {} : { sink }), diagnostics: ctx.diagnostics };
}

export interface BoundStatement {
  readonly statement: Statement;
  /** The sinks of an INSERT or statement set. */
  readonly sinks: readonly Sink[];
  /** The plan of a query statement. */
  readonly query?: PlanNode;
}

export interface BoundScript {
  readonly catalog: ObjectCatalog;
  readonly statements: readonly BoundStatement[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Binds every INSERT, statement set and query of a script, its DDL and USE statements applied in order. */
export function bindScript(statements: readonly Statement[], options: BindOptions = {}): BoundScript {
  const catalog = new ObjectCatalog();
  const views = new Map<string, NamedPlan>();
  const diagnostics: Diagnostic[] = [];
  const out: BoundStatement[] = [];
  for (const s of statements) {
    catalog.apply(s);
    const ctx = context(catalog, options, views);
    if (s.kind === 'Insert' || s.kind === 'StatementSet') {
      const inserts = s.kind === 'Insert' ? [s] : s.inserts;
      const sinks = inserts.flatMap((i) => sinkOf(i, ctx) ?? []);
      out.push({ statement: s, sinks });
    } else if (s.kind === 'QueryStatement') {
      const b = bindNamed(s.query, ctx);
      out.push({ statement: s, sinks: [], ...(b === undefined ? {} : { query: b.plan }) });
    } else if (s.kind === 'CreateView') {
      // Bound where it is created, so its problems and patterns are known even when no INSERT reads it.
      const entry = catalog.lookup(s.path);
      if (entry?.kind === 'view') viewPlan(entry, ctx, s);
    } else if (s.kind === 'CreateTable' && s.asQuery !== undefined) {
      unsupported(ctx, s, 'CREATE TABLE … AS SELECT');
      bindNamed(s.asQuery, { ...ctx, diagnostics: [] });
    } else if (s.kind === 'Explain') {
      const inner = s.statement;
      const queries = inner.kind === 'Insert' ? [inner.query] : inner.kind === 'StatementSet' ? inner.inserts.map((i) => i.query) : [inner.query];
      for (const q of queries) bindNamed(q, { ...ctx, diagnostics: [] });
    }
    diagnostics.push(...ctx.diagnostics);
  }
  return { catalog, statements: out, diagnostics };
}
