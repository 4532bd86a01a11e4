/**
 * `checkScript`: parse-level problems plus the checks the script's own declarations allow — unknown tables and
 * columns and expression types (the binder's diagnostics: the analyzer does not resolve names or type expressions
 * itself), INSERT compatibility, changelog modes against each sink, time attributes, and (through the
 * `OptionValidators` plug-ins) connector, catalog and SET options and the connectors' changelog capabilities.
 * Nothing throws on user error; everything is a diagnostic.
 */
import { checkOptionsHints } from './options-hints.js';
import type { CreateTable, Insert, Script, Statement } from '../ast/statement.js';
import type { ChangelogCapabilities } from '../connector/connector.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { UserFunctionTypes } from '../functions/user-functions.js';
import { parseScript } from '../sql/parser/script.js';
import { checkInsertTypes } from './insert-check.js';
import { checkInsertColumnList, checkTableDefinition } from './names/table-definition.js';
import { ObjectCatalog } from '../catalog/catalog.js';
import { checkSink } from './changelog/sink-check.js';
import type { StreamContext } from './changelog/stream-context.js';
import { checkSinkRowtimes } from './time/sink-rowtime.js';
import type { Query } from '../ast/query.js';
import type { BindTrace, NamedPlan } from '../plan/bind-context.js';
import type { BoundScript } from '../plan/bind.js';
import { bindScript } from '../plan/bind.js';
import type { PlanNode } from '../plan/node.js';
import type { SourceModes } from '../plan/properties/changelog.js';
import type { Sink } from '../plan/sink.js';
import { checkPlanRules } from './plan-rules.js';
import { checkWatermark } from './time/table-time-attributes.js';

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
  /** Receives the script's bound plan (declarations first), so a caller can reuse it instead of binding again. */
  readonly onBound?: (bound: BoundScript) => void;
}

function withLocation(d: Diagnostic, statement: Statement, file: string | undefined): Diagnostic {
  return { ...d, ...(d.span === undefined && statement.span !== undefined ? { span: statement.span } : {}), ...(file === undefined || d.file !== undefined ? {} : { file }) };
}

/**
 * The bound plan of a script (declarations first). The binder resolves every name and types every expression, once:
 * its diagnostics are the analyzer's name, type and INSERT-target diagnostics (FTS40xx, FTS41xx, FTS44xx). It also
 * gives every query's plan (whose derived properties — changelog modes, keys, time attributes — the sink and time
 * rules read) and every INSERT's Sink.
 */
interface BoundPlans {
  readonly queryOf: (query: Query) => NamedPlan | undefined;
  readonly sinkOf: (insert: Insert) => Sink | undefined;
  /** The binder's diagnostics of a statement (of one INSERT of a statement set), FTS4501 warnings (what it cannot follow) included. */
  readonly diagnosticsOf: (statement: Statement) => readonly Diagnostic[];
}

function boundPlans(statements: readonly Statement[], file: string | undefined, functions: UserFunctionTypes | undefined, onBound: CheckOptions['onBound']): BoundPlans {
  const trace: BindTrace = { queries: new Map(), tables: new Map(), sinks: new Map() };
  const bound = bindScript(statements, { trace, ...(file === undefined ? {} : { file }), ...(functions === undefined ? {} : { functions }) });
  onBound?.(bound);
  return {
    queryOf: (query) => trace.queries.get(query),
    sinkOf: (insert) => trace.sinks!.get(insert),
    diagnosticsOf: (statement) => bound.diagnosticsOf.get(statement) ?? [],
  };
}

/** Check a parsed script. Diagnostics are in statement order. */
export function checkScript(script: Script, options: CheckOptions = {}): Diagnostic[] {
  const catalog = new ObjectCatalog();
  const diagnostics: Diagnostic[] = [];
  const v = options.validators ?? {};
  const reportedUnknown = new Set<string>();
  const bound = boundPlans([...(options.declarations ?? []), ...script.statements], options.file, options.functions, options.onBound);
  const planOf = (query: Query): PlanNode | undefined => bound.queryOf(query)?.plan;
  // What each table's connector emits, from the capabilities plug-in (one resolver per script: the plan's derived
  // modes are cached per resolver).
  const sources: SourceModes = (entry) => {
    const catalogType = entry.catalog?.options.find((o) => o.key === 'type')?.value;
    return v.capabilities?.(entry.statement, catalogType === undefined ? {} : { catalogType })?.source;
  };
  const planChecked = new Set<PlanNode>();
  const checkPlan = (query: Query, path: string): void => {
    const plan = planOf(query);
    if (plan !== undefined) checkPlanRules(plan, sources, planChecked, streamContext(path));
  };
  let streaming = true;
  const streamContext = (path: string): StreamContext => ({
    catalog,
    ...(v.capabilities === undefined ? {} : { capabilities: v.capabilities }),
    diagnostics,
    path,
    ...(options.file === undefined ? {} : { file: options.file }),
    reportedUnknown,
  });
  const checkHints = (root: unknown, path: string, statement: Statement) => {
    if (v.table === undefined) return;
    diagnostics.push(...checkOptionsHints(root, catalog, v.table, path).map((d) => withLocation(d, statement, options.file)));
  };
  /** The binder's diagnostics of `statement` at `path`, then the INSERT type rule over its Sink. */
  const checkBound = (statement: Statement, path: string): void => {
    diagnostics.push(...bound.diagnosticsOf(statement).map((d) => ({ ...d, path: d.path ?? path })));
    if (statement.kind !== 'Insert') return;
    const sink = bound.sinkOf(statement);
    const query = bound.queryOf(statement.query);
    if (sink === undefined || query === undefined) return;
    const at = (d: Omit<Diagnostic, 'path' | 'file'>): Diagnostic => ({ ...d, path, ...(options.file === undefined ? {} : { file: options.file }) });
    diagnostics.push(...checkInsertTypes(statement, sink, query, at));
  };
  const checkChangelog = (insert: Insert, path: string) => {
    const plan = planOf(insert.query);
    checkPlan(insert.query, path);
    checkSink(insert, plan, sources, streamContext(path), streaming);
    if (streaming && plan !== undefined) checkSinkRowtimes(insert, plan, streamContext(path));
  };
  const checkStatement = (statement: Statement, index: number): void => {
    const path = `statements[${index}]`;
    const add = (ds: readonly Diagnostic[]) => diagnostics.push(...ds.map((d) => withLocation({ ...d, path: d.path ?? path }, statement, options.file)));
    switch (statement.kind) {
      case 'CreateTable':
        if (v.table !== undefined) {
          const catalogType = catalog.catalogTypeOf(statement.path);
          add(v.table(statement, { path, ...(catalogType === undefined ? {} : { catalogType }) }));
        }
        diagnostics.push(...checkTableDefinition(statement, path, options.file));
        diagnostics.push(...checkWatermark(statement, path, options.file));
        catalog.apply(statement);
        // its LIKE clause's problems; CREATE TABLE … AS SELECT writes the query into the new table: the same sink checks as INSERT INTO.
        checkBound(statement, path);
        if (statement.asQuery !== undefined) {
          const ctas: Insert = { kind: 'Insert', target: statement.path, overwrite: false, query: statement.asQuery, ...(statement.span === undefined ? {} : { span: statement.span }) };
          checkChangelog(ctas, path);
        }
        break;
      case 'CreateCatalog':
        if (v.catalog !== undefined) add(v.catalog(statement, path));
        catalog.apply(statement);
        break;
      case 'Set':
        if (v.settings !== undefined && statement.key !== undefined) add(v.settings(statement, path));
        if (statement.key === 'execution.runtime-mode' && statement.value !== undefined) streaming = statement.value.trim().toLowerCase() !== 'batch';
        break;
      case 'CreateView': {
        checkHints(statement.query, path, statement);
        checkBound(statement, path);
        checkPlan(statement.query, path);
        catalog.apply(statement);
        break;
      }
      case 'Insert':
        checkHints(statement.query, path, statement);
        diagnostics.push(...checkInsertColumnList(statement, path, options.file));
        checkBound(statement, path);
        checkChangelog(statement, path);
        break;
      case 'StatementSet':
        statement.inserts.forEach((insert, i) => {
          checkHints(insert.query, `${path}.inserts[${i}]`, statement);
          diagnostics.push(...checkInsertColumnList(insert, `${path}.inserts[${i}]`, options.file));
          checkBound(insert, `${path}.inserts[${i}]`);
          checkChangelog(insert, `${path}.inserts[${i}]`);
        });
        break;
      case 'QueryStatement':
        checkHints(statement.query, path, statement);
        checkBound(statement, path);
        checkPlan(statement.query, path);
        break;
      case 'Explain': {
        // EXPLAIN plans the statement, so the planner's changelog and time-attribute errors apply to it.
        const inner = statement.statement;
        if (inner.kind === 'Insert') checkChangelog(inner, `${path}.statement`);
        else if (inner.kind === 'StatementSet') inner.inserts.forEach((insert, i) => checkChangelog(insert, `${path}.statement.inserts[${i}]`));
        else checkPlan(inner.query, `${path}.statement`);
        break;
      }
      case 'Drop':
        catalog.apply(statement);
        break;
      default:
        catalog.apply(statement);
    }
  };
  (options.declarations ?? []).forEach((statement, index) => {
    try {
      checkStatement(statement, index);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
    }
  });
  diagnostics.length = 0;
  script.statements.forEach((statement, index) => {
    try {
      checkStatement(statement, index);
    } catch (e) {
      // A statement nested so deeply that a check runs out of stack is reported, never thrown.
      if (!(e instanceof RangeError)) throw e;
      diagnostics.push({
        code: 'FTS4499',
        severity: 'error',
        message: 'this statement is nested too deeply to be checked',
        hint: 'split the expression or query into views or CTEs',
        path: `statements[${index}]`,
        ...(statement.span === undefined ? {} : { span: statement.span }),
        ...(options.file === undefined ? {} : { file: options.file }),
      });
    }
  });
  return diagnostics;
}

/** Parse and check SQL text: parse errors first (each statement's first), then the checks. */
export function checkSql(text: string, options: CheckOptions = {}): Diagnostic[] {
  const { script, diagnostics } = parseScript(text, options.file === undefined ? {} : { file: options.file });
  const checked = checkScript(script, options);
  // A statement that did not parse may have declared the table a later statement uses: no follow-up errors.
  const followUps = diagnostics.length > 0 ? checked.filter((d) => d.code !== 'FTS4002') : checked;
  return [...diagnostics, ...followUps];
}
