/**
 * The binder's entry points: a query, an INSERT (a Sink), or a whole script (its DDL builds the catalog; each INSERT,
 * statement set and query is bound). Name and type problems are diagnostics with registered codes, never exceptions.
 */
import type { Query, Select, SelectStar } from '../ast/query.js';
import type { Span } from '../ast/node.js';
import type { ColumnDefinition, CreateTable, Insert, Statement } from '../ast/statement.js';
import type { CatalogTableEntry } from '../catalog/catalog.js';
import { ObjectCatalog } from '../catalog/catalog.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { UserFunctionTypes } from '../functions/user-functions.js';
import type { BindContext, BindTrace, NamedPlan, NotBound, Scope } from './bind-context.js';
import { firstNotBound, report, unsupported } from './bind-context.js';
import { BIND_TEXTS } from './codes.js';
import { bindNamed, zeroLengthOutput } from './bind-query.js';
import type { PlanNode } from './node.js';
import type { Deduplicate, Rank } from './rank.js';
import { viewPlan } from './bind-relation.js';
import { isWritable, scanColumns } from './scan-columns.js';
import type { Sink } from './sink.js';
import type { Building } from './building.js';
import { TYPE_TEXTS } from '../typing/codes.js';
import { INSERT_TEXTS } from './insert-codes.js';
import { isStackOverflow } from '../diagnostics/stack-overflow.js';

export interface BindOptions {
  /** The file diagnostics point into. */
  readonly file?: string;
  /** Filled with the ROW_NUMBER patterns recognised (Rank / Deduplicate), by the SELECT that filters the row number. */
  readonly ranks?: Map<Select, Rank | Deduplicate>;
  /** Filled with every query's plan and every table name's binding (see BindTrace). */
  readonly trace?: BindTrace;
  /** Record every sub-expression's type on the bound expressions (for the runtime, which evaluates them). */
  readonly expressionTypes?: boolean;
  /** The declared result types of user functions (CREATE FUNCTION names only a class), by upper-cased name. */
  readonly functions?: UserFunctionTypes;
}

// A statement starts with no CTE, enclosing scope or view being bound. These are read-only in BindContext (a WITH,
// a view or a sub-query binds with a new one), so every statement shares the same empty ones.
const NO_CTES: ReadonlyMap<string, NamedPlan> = new Map();
const NO_SCOPES: readonly Scope[] = Object.freeze([]);
const NO_VIEWS: ReadonlySet<string> = new Set();

/**
 * A statement's binding context. Built with plain assignments, not conditional spreads: it is made once per statement,
 * and on a 10 MB script (166,000 statements) the spreads cost ~0.2 s of `check`'s CPU. `trace` overrides the
 * options' (ScriptBinder.next passes its own per statement). Keys keep the order they had.
 */
function context(catalog: ObjectCatalog, options: BindOptions, views = new Map<string, NamedPlan>(), trace: BindTrace | undefined = options.trace): BindContext {
  const ctx: Building<BindContext> = {
    catalog, diagnostics: [], ctes: NO_CTES, outer: NO_SCOPES, views, viewStack: NO_VIEWS, subqueries: new Map(),
  };
  if (options.file !== undefined) ctx.file = options.file;
  if (options.ranks !== undefined) ctx.ranks = options.ranks;
  if (trace !== undefined) ctx.trace = trace;
  if (options.expressionTypes === true) ctx.expressionTypes = true;
  if (options.functions !== undefined) ctx.userFunctions = options.functions;
  return ctx;
}

export interface BoundQuery {
  readonly plan?: PlanNode;
  /** The output column names. */
  readonly names: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** The construct the binder did not bind, when it built no plan for it (FTS4501 says which). */
  readonly notBound?: NotBound;
}

/** Binds a query against `catalog`. */
export function bind(query: Query, catalog: ObjectCatalog, options: BindOptions = {}): BoundQuery {
  const ctx = context(catalog, options);
  const b = bindNamed(query, ctx);
  const notBound = b === undefined ? firstNotBound(ctx.diagnostics) : undefined;
  return { ...(b === undefined ? {} : { plan: b.plan }), names: b?.names ?? [], diagnostics: ctx.diagnostics, ...(notBound === undefined ? {} : { notBound }) };
}

function sinkOf(insert: Insert, ctx: BindContext): Sink | undefined {
  try {
    const sink = bindSink(insert, ctx);
    if (sink !== undefined) ctx.trace?.sinks?.set(insert, sink);
    return sink;
  } catch (e) {
    // Absurdly deep expressions exhaust the stack: a diagnostic, never an exception.
    if (!isStackOverflow(e)) throw e;
    report(ctx, TYPE_TEXTS.tooDeepToCheck({ what: 'statement' }), insert);
    return undefined;
  }
}

/**
 * The first `*` / `t.*` of the query's top-level SELECT list (through WITH) when that list, a star counting as
 * one item, does not have one item per listed column.
 */
function selectStar(q: Query, listed: number): SelectStar | undefined {
  const body = q.kind === 'With' ? q.body : q;
  if (body.kind !== 'Select' || body.items.length === listed) return undefined;
  return body.items.find((i): i is SelectStar => i.kind === 'SelectStar');
}

function bindSink(insert: Insert, ctx: BindContext): Sink | undefined {
  // The query first: its problems are reported even when the target is wrong.
  const bound = bindNamed(insert.query, ctx);
  const entry = ctx.catalog.lookup(insert.target);
  const last = insert.target[insert.target.length - 1]!;
  if (entry === undefined) {
    const same = ctx.catalog.all().filter((e) => e.path[2] === last);
    report(ctx, BIND_TEXTS.tableNotDeclared({ path: insert.target.join('.'), insert: true, declaredAs: same.map((e) => e.path.join('.')), known: ctx.catalog.all().map((e) => e.path[2]) }), insert);
    return undefined;
  }
  if (entry.kind === 'view') {
    report(ctx, INSERT_TEXTS.intoView({ view: entry.path[2] }), insert);
    return undefined;
  }
  const star = insert.columns === undefined ? undefined : selectStar(insert.query, insert.columns.length);
  if (star !== undefined) {
    // Flink 1.20.1 matches the column list against the SELECT items before it expands the star, a star counting as
    // one item ("Number of columns must match number of query columns"; `INSERT INTO t (a) SELECT * FROM
    // one_column_table` passes).
    report(ctx, INSERT_TEXTS.starColumnList({ star: star.table === undefined ? '*' : `${star.table}.*` }), star.span !== undefined ? star : insert.query);
    return undefined;
  }
  const tableColumns = scanColumns(entry, ctx);
  const staticPartition = (insert.partition ?? []).map((p) => tableColumns.findIndex((c) => c.name === p.key));
  let targets: number[];
  if (insert.columns !== undefined) {
    targets = insert.columns.map((name) => tableColumns.findIndex((c) => c.name === name && isWritable(c)));
    const unknown = insert.columns.find((_, i) => targets[i]! < 0);
    if (unknown !== undefined) {
      report(ctx, INSERT_TEXTS.notWritable({ column: unknown, table: entry.path[2], writable: tableColumns.filter(isWritable).map((c) => c.name) }), insert);
      return undefined;
    }
    const omitted = tableColumns.find((c, i) => isWritable(c) && c.type?.nullable === false && !targets.includes(i) && !staticPartition.includes(i));
    if (omitted !== undefined) {
      report(ctx, BIND_TEXTS.notNullColumnOmitted({ column: omitted.name, table: entry.path[2] }), insert);
      return undefined;
    }
  } else {
    targets = [];
    for (let i = 0; i < tableColumns.length; i++) if (isWritable(tableColumns[i]!) && !staticPartition.includes(i)) targets.push(i);
  }
  if (bound === undefined) return undefined;
  const n = bound.plan.columns.length;
  if (targets.length !== n) {
    report(ctx, INSERT_TEXTS.columnCount({ sink: entry.path[2], query: n, expected: targets.length, columnList: insert.columns !== undefined }), insert.query.span === undefined ? {} : insert.query);
    return undefined;
  }
  const sink: Building<Sink> = { kind: 'Sink', table: entry, name: entry.path.join('.'), tableColumns, input: bound.plan, targets, staticPartition };
  if (insert.span !== undefined) sink.span = insert.span;
  return Object.freeze(sink);
}

/**
 * CREATE TABLE: what Flink rejects in its LIKE clause; for CREATE TABLE … AS SELECT, the query bound and the table's
 * columns taken from it (its declared columns first, then the query's others), with a Sink writing them.
 */
function createTable(s: CreateTable, ctx: BindContext): Sink | undefined {
  const entry = ctx.catalog.lookup(s.path);
  if (entry?.kind !== 'table') return undefined;
  for (const p of entry.likeProblems ?? []) {
    report(ctx, p.kind === 'unknown' ? BIND_TEXTS.tableNotDeclared({ path: p.path, insert: false, like: true, declaredAs: p.declaredAs, known: p.known }) : BIND_TEXTS.likeRejected(p.conflict), s.like ?? s);
  }
  if (s.asQuery === undefined) return undefined;
  const bound = bindNamed(s.asQuery, ctx);
  if (bound === undefined) return undefined;
  const declared = new Set(s.columns.map((c) => c.name));
  const derived: ColumnDefinition[] = [...s.columns];
  bound.plan.columns.forEach((c, i) => {
    const name = bound.names[i]!;
    if (declared.has(name)) return;
    if (c.type === undefined) {
      // a column whose expression has an error is reported there
      if (ctx.diagnostics.some((d) => d.severity === 'error')) return;
      unsupported(ctx, outputAst(bound.plan, i) ?? s.asQuery!, `column '${name}' of CREATE TABLE … AS SELECT, whose type flinkts cannot know (a user function's result),`);
      return;
    }
    derived.push(Object.freeze({ kind: 'PhysicalColumn', name, type: c.type }));
  });
  ctx.catalog.defineTable(s.path, Object.freeze({ ...entry.statement, columns: derived }));
  const table = ctx.catalog.lookup(s.path) as CatalogTableEntry;
  const tableColumns = scanColumns(table, ctx);
  const targets = bound.names.map((n) => tableColumns.findIndex((c) => c.name === n && isWritable(c)));
  if (targets.some((t) => t < 0)) return undefined;
  return Object.freeze({ kind: 'Sink', table, name: table.path.join('.'), tableColumns, input: bound.plan, targets, staticPartition: [], ...(s.span === undefined ? {} : { span: s.span }) });
}

/** The expression written for output column `i` of a projection, for diagnostics' positions. */
function outputAst(plan: PlanNode, i: number): { readonly span?: Span } | undefined {
  const project = plan.kind === 'Sort' ? plan.input : plan;
  const e = project.kind === 'Project' ? project.exprs[i]?.ast : undefined;
  return e?.span === undefined ? undefined : e;
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
  /** The diagnostics of each statement, and of each INSERT of a statement set (those with none are absent). */
  readonly diagnosticsOf: ReadonlyMap<Statement, readonly Diagnostic[]>;
}

/** One statement bound by a ScriptBinder: what it binds to, its diagnostics, and each INSERT's of a statement set. */
export interface BoundStep {
  /** The bound INSERT, statement set or query statement (other statements only change the catalog). */
  readonly bound?: BoundStatement;
  readonly diagnostics: readonly Diagnostic[];
  /** The diagnostics of each INSERT of a statement set (those with none are absent). */
  readonly insertDiagnostics: ReadonlyMap<Insert, readonly Diagnostic[]>;
}

const NO_INSERTS: ReadonlyMap<Insert, readonly Diagnostic[]> = new Map();

/**
 * Binds a script one statement at a time, in order, keeping only what later statements read: the catalog (DDL and
 * USE applied) and the views' plans. A caller that checks each statement as it goes (`checkScript`) holds one
 * statement's plans at a time, however long the script.
 */
export class ScriptBinder {
  readonly catalog = new ObjectCatalog();
  private readonly views = new Map<string, NamedPlan>();

  constructor(private readonly options: BindOptions = {}) {}

  /** Applies `s`'s DDL and binds it; `trace` (default: the options') is filled with its plans. */
  next(s: Statement, trace: BindTrace | undefined = this.options.trace): BoundStep {
    this.catalog.apply(s);
    const ctx = context(this.catalog, this.options, this.views, trace);
    let insertDiagnostics = NO_INSERTS;
    let bound: BoundStatement | undefined;
    if (s.kind === 'Insert') {
      const sink = sinkOf(s, ctx);
      bound = { statement: s, sinks: sink === undefined ? [] : [sink] };
    } else if (s.kind === 'StatementSet') {
      // Each INSERT's diagnostics are also recorded under the INSERT itself.
      const own = new Map<Insert, readonly Diagnostic[]>();
      insertDiagnostics = own;
      const sinks = s.inserts.flatMap((i) => {
        const insertCtx = { ...ctx, diagnostics: [] as Diagnostic[] };
        const sink = sinkOf(i, insertCtx);
        ctx.diagnostics.push(...insertCtx.diagnostics);
        if (insertCtx.diagnostics.length > 0) own.set(i, insertCtx.diagnostics);
        return sink ?? [];
      });
      bound = { statement: s, sinks };
    } else if (s.kind === 'QueryStatement') {
      const empty = zeroLengthOutput(s.query);
      if (empty !== undefined) report(ctx, BIND_TEXTS.zeroLengthChar({}), empty);
      const b = bindNamed(s.query, ctx);
      bound = { statement: s, sinks: [], ...(b === undefined ? {} : { query: b.plan }) };
    } else if (s.kind === 'CreateView') {
      // Bound where it is created, so its problems and patterns are known even when no INSERT reads it.
      const entry = this.catalog.lookup(s.path);
      if (entry?.kind === 'view') viewPlan(entry, ctx, s);
    } else if (s.kind === 'CreateTable') {
      const sink = createTable(s, ctx);
      if (sink !== undefined) bound = { statement: s, sinks: [sink] };
    } else if (s.kind === 'Explain') {
      const inner = s.statement;
      const queries = inner.kind === 'Insert' ? [inner.query] : inner.kind === 'StatementSet' ? inner.inserts.map((i) => i.query) : [inner.query];
      for (const q of queries) bindNamed(q, { ...ctx, diagnostics: [] });
    }
    return bound === undefined ? { diagnostics: ctx.diagnostics, insertDiagnostics } : { bound, diagnostics: ctx.diagnostics, insertDiagnostics };
  }
}

/** The steps of a ScriptBinder gathered into a BoundScript, statement by statement. */
export class BoundSteps {
  private readonly statements: BoundStatement[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly diagnosticsOf = new Map<Statement, readonly Diagnostic[]>();

  add(statement: Statement, step: BoundStep): void {
    if (step.bound !== undefined) this.statements.push(step.bound);
    for (const [insert, ds] of step.insertDiagnostics) this.diagnosticsOf.set(insert, ds);
    for (const d of step.diagnostics) this.diagnostics.push(d);
    if (step.diagnostics.length > 0) this.diagnosticsOf.set(statement, step.diagnostics);
  }

  script(catalog: ObjectCatalog): BoundScript {
    return { catalog, statements: this.statements, diagnostics: this.diagnostics, diagnosticsOf: this.diagnosticsOf };
  }
}

/** Binds every INSERT, statement set and query of a script, its DDL and USE statements applied in order. */
export function bindScript(statements: readonly Statement[], options: BindOptions = {}): BoundScript {
  const binder = new ScriptBinder(options);
  const steps = new BoundSteps();
  for (const s of statements) steps.add(s, binder.next(s));
  return steps.script(binder.catalog);
}
