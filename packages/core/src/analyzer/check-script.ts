/**
 * `checkScript`: parse-level problems plus the checks the script's own declarations allow — unknown tables and
 * columns and expression types (the binder's diagnostics: the analyzer does not resolve names or type expressions
 * itself), INSERT compatibility, changelog modes against each sink, time attributes, and (through the
 * `OptionValidators` plug-ins) connector, catalog and SET options and the connectors' changelog capabilities.
 * Nothing throws on user error; everything is a diagnostic.
 */
import { z } from 'zod';
import { checkArgument, checkList, checkNode, checkOptions, checkTextEntry } from '../diagnostics/arguments.js';
import { checkOptionsHints } from './options-hints.js';
import type { CreateTable, Insert, Script, Statement } from '../ast/statement.js';
import type { ChangelogCapabilities } from '../connector/connector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { UserFunctionTypes } from '../functions/user-functions.js';
import { ScriptReader } from '../sql/parser/script.js';
import { checkInsertTypes } from './insert-check.js';
import { checkInsertColumnList, checkTableDefinition } from './names/table-definition.js';
import { ObjectCatalog } from '../catalog/catalog.js';
import { checkSink } from './changelog/sink-check.js';
import type { CapabilitiesResolver, StreamContext } from './changelog/stream-context.js';
import { checkSinkRowtimes } from './time/sink-rowtime.js';
import type { Query } from '../ast/query.js';
import type { BindTrace } from '../plan/bind-context.js';
import type { BoundScript, BoundStep } from '../plan/bind.js';
import { BoundSteps, ScriptBinder } from '../plan/bind.js';
import type { PlanNode } from '../plan/node.js';
import type { SourceModes } from '../plan/properties/changelog.js';
import { sourceModes } from '../plan/properties/source-modes.js';
import { changelogOf, statementSources } from '../plan/properties/changelog.js';
import type { Sink } from '../plan/sink.js';
import { checkPlanRules } from './plan-rules.js';
import { miniBatchSettingsProblem } from '../plan/mini-batch-settings.js';
import { checkWatermark } from './time/table-time-attributes.js';
import { TYPE_TEXTS } from '../typing/codes.js';
import { textFields } from '../diagnostics/code-table.js';
import { BIND_CODES } from '../plan/codes.js';
import { isStackOverflow } from '../diagnostics/stack-overflow.js';
import type { Building } from '../plan/building.js';

/** Option validation supplied by `@flinkts/connectors` (core does not depend on it). */
export interface OptionValidators {
  readonly table?: (statement: CreateTable, context: { readonly catalogType?: string; readonly path: string }) => readonly Diagnostic[];
  readonly catalog?: (statement: Extract<Statement, { kind: 'CreateCatalog' }>, path: string) => readonly Diagnostic[];
  readonly settings?: (statement: Extract<Statement, { kind: 'Set' }>, path: string) => readonly Diagnostic[];
  /**
   * The changelog capabilities of a table's connector (what it emits as a source, accepts as a sink, whether it
   * can be looked up); `undefined` for a connector the resolver does not know — then the table is read as
   * insert-only (an info diagnostic says so) and updates written into it get a warning, never a guessed error.
   * Without this plug-in the sink checks (changelog modes against sinks, lookup support) are skipped entirely;
   * the time-attribute checks, which need no connector knowledge, always run.
   */
  readonly capabilities?: (statement: CreateTable, context: { readonly catalogType?: string }) => ChangelogCapabilities | undefined;
}

export interface CheckOptions {
  readonly file?: string;
  readonly validators?: OptionValidators;
  /**
   * CREATE CATALOG / TABLE / VIEW statements declared elsewhere (a pipeline's typed tables, an imported schema, a
   * live introspection) that the script reads as if its catalog already held them. They are applied before the
   * script; their own problems are reported where they are declared, not here.
   */
  readonly declarations?: readonly Statement[];
  /** The result types of user functions (CREATE FUNCTION names only a class), by upper-cased name: `LATERAL TABLE(fn(…))` is typed with them. */
  readonly functions?: UserFunctionTypes;
  /**
   * Receives the script's bound statements (declarations first) when `checkScript` ends, so a caller can reuse them
   * instead of binding again. Asking for them keeps every statement's binding until the end.
   */
  readonly onBound?: (bound: BoundScript) => void;
}

const SCRIPT: ReadonlySet<string> = new Set(['Script']);
const CHECK_OPTIONS = z.object({
  file: z.string().optional(),
  validators: z.record(z.string(), z.function().optional()).optional(),
  declarations: z.array(z.object({ kind: z.string() }).loose()).optional(),
  functions: z.instanceof(Map).optional(),
  onBound: z.function().optional(),
});

/** checkSql's and checkScript's options, before anything reads them. */
function checkCheckOptions(call: string, options: unknown): void {
  checkArgument(call, 'options', CHECK_OPTIONS, checkOptions(call, 'options', options) ?? {});
}

function withLocation(d: Diagnostic, statement: Statement, file: string | undefined): Diagnostic {
  return { ...d, ...(d.span === undefined && statement.span !== undefined ? { span: statement.span } : {}), ...(file === undefined || d.file !== undefined ? {} : { file }) };
}

/**
 * The plan nodes checked so far: a view's plan is shared by every statement reading it, so its nodes (checked where
 * the view is created) are remembered for the whole script; every other statement's nodes only while it is checked.
 */
class CheckedNodes extends Set<PlanNode> {
  constructor(private readonly views: ReadonlySet<PlanNode>) {
    super();
  }

  override has(node: PlanNode): boolean {
    return super.has(node) || this.views.has(node);
  }
}

/** The capabilities plug-in asked once per table (and catalog type): every statement reading the table asks again. */
function onePerTable(resolve: CapabilitiesResolver): CapabilitiesResolver {
  const known = new WeakMap<CreateTable, Map<string | undefined, ChangelogCapabilities | undefined>>();
  return (statement, context) => {
    let byType = known.get(statement);
    if (byType === undefined) known.set(statement, (byType = new Map()));
    if (!byType.has(context.catalogType)) byType.set(context.catalogType, resolve(statement, context));
    return byType.get(context.catalogType);
  };
}

const NESTED_TOO_DEEPLY = (index: number, statement: Statement, file: string | undefined): Diagnostic => ({
  ...textFields(TYPE_TEXTS.tooDeepToCheck({ what: 'statement' })),
  severity: 'error',
  path: `statements[${index}]`,
  ...(statement.span === undefined ? {} : { span: statement.span }),
  ...(file === undefined ? {} : { file }),
});

/**
 * Checks a script one statement at a time, in order (`check`), keeping only what later statements read: the
 * catalog, the views' plans, the settings — and the diagnostics. Each statement is bound (the binder resolves every
 * name and types every expression, once: its diagnostics are the analyzer's name, type and INSERT-target
 * diagnostics, FTS40xx, FTS41xx, FTS44xx), checked over its plans (changelog modes, keys, time attributes, each
 * INSERT's Sink) and then let go, so time is linear and memory flat however long the script.
 */
export class ScriptChecker {
  /** The diagnostics so far, in statement order. */
  readonly diagnostics: Diagnostic[] = [];
  private readonly catalog = new ObjectCatalog();
  private readonly binder: ScriptBinder;
  private readonly v: OptionValidators;
  private readonly file: string | undefined;
  private readonly reportedUnknown = new Set<string>();
  /** What each table's connector emits, from the capabilities plug-in: one resolver per script (the plan's derived modes are cached per resolver), one answer per table. */
  private readonly capabilities: CapabilitiesResolver | undefined;
  private readonly scriptSources: SourceModes;
  /** The resolver the plans are checked with: their modes are cached for as long as their statement is checked. */
  private readonly sources: SourceModes;
  private readonly statementModes: { readonly sources: SourceModes; readonly next: () => void };
  /** The nodes of every view's plan, checked where the view is created. */
  private readonly viewNodes = new Set<PlanNode>();
  private streaming = true;
  /** The script's SET statements so far (RESET removes them): the planner settings the plan rules read. */
  private readonly settings = new Map<string, string>();
  /** The statement whose mini-batch settings were reported (one report per statement, as Flink plans it once). */
  private miniBatchReported: Statement | undefined;
  /** The current statement's binding. */
  private trace: BindTrace = { queries: new Map(), tables: new Map(), sinks: new Map() };
  private bound: BoundStep | undefined;
  private current: Statement | undefined;
  private hinted = true;
  private planChecked: Set<PlanNode> = new Set();
  /** Every statement's binding, when the caller asked for them (`onBound`). */
  private readonly kept: BoundSteps | undefined;

  constructor(private readonly options: CheckOptions = {}) {
    this.v = options.validators ?? {};
    this.kept = options.onBound === undefined ? undefined : new BoundSteps();
    this.file = options.file;
    this.binder = new ScriptBinder({ ...(options.file === undefined ? {} : { file: options.file }), ...(options.functions === undefined ? {} : { functions: options.functions }) });
    const capabilities = this.v.capabilities === undefined ? undefined : onePerTable(this.v.capabilities);
    this.capabilities = capabilities;
    this.scriptSources = sourceModes(capabilities);
    this.statementModes = statementSources(this.scriptSources, this.viewNodes);
    this.sources = this.statementModes.sources;
    // Declarations first: they fill the catalog; their own problems are reported where they are declared.
    (options.declarations ?? []).forEach((statement, index) => this.check(statement, index));
    this.diagnostics.length = 0;
  }

  /**
   * Binds and checks the script's statement number `index`. `hinted: false` says the statement has no `/*+ … *\/`
   * hint (its text was lexed without one), so its tree is not searched for OPTIONS hints.
   */
  check(statement: Statement, index: number, hinted = true): void {
    this.hinted = hinted;
    this.trace = { queries: new Map(), tables: new Map(), sinks: new Map() };
    this.planChecked = statement.kind === 'CreateView' ? this.viewNodes : new CheckedNodes(this.viewNodes);
    this.statementModes.next();
    this.current = statement;
    try {
      this.bound = this.binder.next(statement, this.trace);
      this.kept?.add(statement, this.bound);
      this.checkStatement(statement, index);
    } catch (e) {
      // A statement nested so deeply that a check runs out of stack is reported, never thrown.
      if (!isStackOverflow(e)) throw e;
      this.diagnostics.push(NESTED_TOO_DEEPLY(index, statement, this.file));
    } finally {
      this.bound = undefined;
      this.current = undefined;
    }
  }

  private planOf(query: Query): PlanNode | undefined {
    return this.trace.queries.get(query)?.plan;
  }

  /** The binder's diagnostics of a statement (of one INSERT of a statement set), FTS4501 warnings (what it cannot follow) included. */
  private boundDiagnostics(statement: Statement): readonly Diagnostic[] {
    const step = this.bound;
    if (step === undefined) return [];
    return statement === this.current ? step.diagnostics : (step.insertDiagnostics.get(statement as Insert) ?? []);
  }

  /** The bindings kept for `onBound` (none unless asked for). */
  bindings(): BoundScript | undefined {
    return this.kept?.script(this.binder.catalog);
  }

  private push(ds: readonly Diagnostic[]): void {
    for (const d of ds) this.diagnostics.push(d);
  }

  /** A plug-in's diagnostics of `statement`, at `path` (unless they name their own) and with its location. */
  private pushAt(ds: readonly Diagnostic[], path: string, statement: Statement): void {
    for (const d of ds) this.diagnostics.push(withLocation({ ...d, path: d.path ?? path }, statement, this.file));
  }

  private streamContext(path: string): StreamContext {
    // An assignment, not conditional spreads: one is made per INSERT (see plan/building.ts).
    const { catalog, diagnostics, reportedUnknown } = this;
    const context: Building<StreamContext> = this.capabilities === undefined
      ? { catalog, diagnostics, path, reportedUnknown }
      : { catalog, capabilities: this.capabilities, diagnostics, path, reportedUnknown };
    if (this.file !== undefined) context.file = this.file;
    return context;
  }

  private checkPlan(query: Query, path: string, context?: StreamContext): void {
    const plan = this.planOf(query);
    if (plan !== undefined) checkPlanRules(plan, this.sources, this.planChecked, context ?? this.streamContext(path));
  }

  /** The planner settings a streaming query needs (mini-batch's latency and size), where Flink plans the query. */
  private checkSettings(query: Query, path: string, statement: Statement): void {
    const plan = this.planOf(query);
    if (!this.streaming || plan === undefined || this.miniBatchReported === statement) return;
    const t = miniBatchSettingsProblem(this.settings, plan, this.sources);
    if (t === undefined) return;
    this.miniBatchReported = statement;
    this.diagnostics.push(withLocation({ code: t.code, severity: 'error', message: t.message, ...(t.hint === undefined ? {} : { hint: t.hint }), path }, statement, this.file));
  }

  private checkHints(root: unknown, path: string, statement: Statement): void {
    if (this.v.table === undefined || !this.hinted) return;
    this.push(checkOptionsHints(root, this.catalog, this.v.table, path).map((d) => withLocation(d, statement, this.file)));
  }

  /**
   * The binder's diagnostics of `statement` at `path`, then the INSERT type rule over its Sink — only for a statement
   * that bound without errors: a column the binder could not resolve has no type or name to judge.
   */
  private checkBound(statement: Statement, path: string): void {
    const bound = this.boundDiagnostics(statement);
    this.push(bound.map((d) => ({ ...d, path: d.path ?? path })));
    if (statement.kind !== 'Insert' || bound.some((d) => d.severity === 'error')) return;
    const sink = this.trace.sinks!.get(statement);
    const query = this.trace.queries.get(statement.query);
    if (sink === undefined || query === undefined) return;
    const file = this.file;
    this.push(checkInsertTypes(statement, sink, query, (d) => ({ ...d, path, ...(file === undefined ? {} : { file }) })));
  }

  private checkChangelog(insert: Insert, path: string): void {
    const plan = this.planOf(insert.query);
    // One context for the three checks (they only read it and push diagnostics into the checker's list).
    const context = this.streamContext(path);
    this.checkPlan(insert.query, path, context);
    checkSink(insert, plan, this.sources, context, this.streaming);
    this.checkSettings(insert.query, path, this.current ?? insert);
    if (this.streaming && plan !== undefined) checkSinkRowtimes(insert, plan, context);
  }

  private checkStatement(statement: Statement, index: number): void {
    const path = `statements[${index}]`;
    const { v, catalog, file } = this;
    switch (statement.kind) {
      case 'CreateTable':
        if (v.table !== undefined) {
          const catalogType = catalog.catalogTypeOf(statement.path);
          this.pushAt(v.table(statement, { path, ...(catalogType === undefined ? {} : { catalogType }) }), path, statement);
        }
        this.push(checkTableDefinition(statement, path, file));
        this.push(checkWatermark(statement, path, file));
        catalog.apply(statement);
        // its LIKE clause's problems; CREATE TABLE … AS SELECT writes the query into the new table: the same sink checks as INSERT INTO.
        this.checkBound(statement, path);
        if (statement.asQuery !== undefined) {
          const ctas: Insert = { kind: 'Insert', target: statement.path, overwrite: false, query: statement.asQuery, ...(statement.span === undefined ? {} : { span: statement.span }) };
          this.checkChangelog(ctas, path);
        }
        break;
      case 'CreateCatalog':
        if (v.catalog !== undefined) this.pushAt(v.catalog(statement, path), path, statement);
        catalog.apply(statement);
        break;
      case 'Set':
        if (v.settings !== undefined && statement.key !== undefined) this.pushAt(v.settings(statement, path), path, statement);
        if (statement.key === 'execution.runtime-mode' && statement.value !== undefined) this.streaming = statement.value.trim().toLowerCase() !== 'batch';
        if (statement.key !== undefined && statement.value !== undefined) this.settings.set(statement.key, statement.value);
        break;
      case 'Reset':
        if (statement.key === undefined) this.settings.clear();
        else this.settings.delete(statement.key);
        catalog.apply(statement);
        break;
      case 'CreateView': {
        this.checkHints(statement.query, path, statement);
        this.checkBound(statement, path);
        this.checkPlan(statement.query, path);
        // The view's changelog mode now, while the views it reads have theirs: a chain of views is then derived
        // one view at a time (cached for the script), never the whole chain at once when a statement reads its end.
        const plan = this.planOf(statement.query);
        if (plan !== undefined) changelogOf(plan, this.sources);
        catalog.apply(statement);
        break;
      }
      case 'Insert':
        this.checkHints(statement.query, path, statement);
        this.push(checkInsertColumnList(statement, path, file));
        this.checkBound(statement, path);
        this.checkChangelog(statement, path);
        break;
      case 'StatementSet':
        statement.inserts.forEach((insert, i) => {
          this.checkHints(insert.query, `${path}.inserts[${i}]`, statement);
          this.push(checkInsertColumnList(insert, `${path}.inserts[${i}]`, file));
          this.checkBound(insert, `${path}.inserts[${i}]`);
          this.checkChangelog(insert, `${path}.inserts[${i}]`);
        });
        break;
      case 'QueryStatement':
        this.checkHints(statement.query, path, statement);
        this.checkBound(statement, path);
        this.checkPlan(statement.query, path);
        this.checkSettings(statement.query, path, statement);
        break;
      case 'Explain': {
        // EXPLAIN plans the statement, so the planner's changelog and time-attribute errors apply to it.
        const inner = statement.statement;
        if (inner.kind === 'Insert') this.checkChangelog(inner, `${path}.statement`);
        else if (inner.kind === 'StatementSet') inner.inserts.forEach((insert, i) => this.checkChangelog(insert, `${path}.statement.inserts[${i}]`));
        else {
          this.checkPlan(inner.query, `${path}.statement`);
          this.checkSettings(inner.query, `${path}.statement`, statement);
        }
        break;
      }
      default:
        catalog.apply(statement);
    }
  }
}

/** Check a parsed script. Diagnostics are in statement order. */
export function checkScript(script: Script, options: CheckOptions = {}): Diagnostic[] {
  checkNode('checkScript()', 'script', script, 'a script (parseScript(…).script)', SCRIPT);
  checkList('checkScript()', 'script.statements', script.statements, 'a list of statements');
  checkCheckOptions('checkScript()', options);
  const checker = new ScriptChecker(options);
  script.statements.forEach((statement, index) => checker.check(statement, index));
  const bound = checker.bindings();
  if (bound !== undefined) options.onBound?.(bound);
  return checker.diagnostics;
}

/**
 * Parse and check SQL text: parse errors first (each statement's first), then the checks. Each statement is checked
 * as soon as it is parsed and then let go: the script's tree is never held whole.
 */
export function checkSql(text: string, options: CheckOptions = {}): Diagnostic[] {
  checkTextEntry('checkSql()', text, options);
  checkCheckOptions('checkSql()', options);
  // Where the hints are (few): a statement without one is not searched for OPTIONS hints.
  const hints: number[] = [];
  const reader = new ScriptReader(text, options.file === undefined ? {} : { file: options.file }, (tokens) => {
    for (const t of tokens) if (t.kind === 'hint') hints.push(t.start.offset);
    return tokens;
  });
  const checker = new ScriptChecker(options);
  let index = 0;
  let hint = 0;
  for (let s = reader.next(); s !== undefined; s = reader.next()) {
    const span = s.span!;
    while (hint < hints.length && hints[hint]! < span.start.offset) hint++;
    checker.check(s, index++, hint < hints.length && hints[hint]! < span.end.offset);
  }
  // A text that does not lex is one diagnostic (as if lexed before parsing).
  const lexed = reader.lexError();
  if (lexed !== undefined) return [lexed];
  // A statement that did not parse may have declared the table a later statement uses: no follow-up errors.
  const checked = checker.diagnostics;
  const out: Diagnostic[] = [...reader.diagnostics];
  for (const d of checked) if (reader.diagnostics.length === 0 || d.code !== BIND_CODES.tableNotDeclared) out.push(d);
  return out;
}
