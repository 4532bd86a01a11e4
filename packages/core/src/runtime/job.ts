/**
 * Running a whole job locally: CREATE TABLE / CREATE VIEW / SET statements define the catalog and session,
 * INSERT INTO (or a statement set, or a bare SELECT) define sinks; test rows are pushed into the sources,
 * bounded input ends with a MAX watermark, and every sink's changelog and final table are returned.
 */
import { Namespace } from '../catalog/namespace.js';
import type { Query } from '../ast/query.js';
import type { Expression } from '../ast/expression.js';
import type { Evaluator, Row } from './compiled.js';
import type { CreateTable, Insert, Script } from '../ast/statement.js';
import type { ConnectorResolver, SourceChangelog } from '../connector/connector.js';
import type { DataType } from '../types/data-type.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Change, ChangelogMode, RowKind } from './changelog.js';
import type { Session } from './compiled.js';
import type { ExpressionCompiler } from './compile-expression.js';
import { badInput, EvaluationError, textError, unknownName, unsupported } from './errors.js';
import { RUNTIME_TEXTS } from './codes.js';
import { FlinktsError } from '../diagnostics/diagnostic.js';
import { castConverter } from './functions/cast.js';
import { SinkOperator } from './operators/sink.js';
import { CalcOperator } from './operators/calc.js';
import { GroupAggregateOperator } from './operators/group-aggregate.js';
import { ChangelogNormalizeOperator } from './operators/changelog-normalize.js';
import type { Operator } from './operators/operator.js';
import { SourceOperator } from './operators/source.js';
import { expressionScope, Planner } from './plan.js';
import type { PlannerTable, Rel, RelColumn } from './plan.js';
import { boundCompilerOver, compileBound, planRoot } from './plan-bound.js';
import { tableColumns, watermarkExpression } from '../plan/scan-columns.js';
import type { ScanColumn } from '../plan/scan.js';
import type { CatalogTableEntry } from '../catalog/catalog.js';
import { checkSplitDistinct } from './split-distinct.js';
import { CONNECTOR_TEXTS } from '../connector/codes.js';
import { coreSourceChangelog } from '../connector/core-sources.js';
import { checkMiniBatch, checkMiniBatchPlan, checkMiniBatchSource, miniBatchWatermarks } from './mini-batch.js';
import { MiniBatchAssignerOperator } from './operators/mini-batch-assigner.js';
import type { SourceModes } from '../plan/properties/changelog.js';
import { sourceChangelogOf, sourceModes, tableCapabilities } from '../plan/properties/source-modes.js';
import { MiniBatchAggregateOperator } from './operators/mini-batch-aggregate.js';
import { ObjectCatalog } from '../catalog/catalog.js';
import { bind } from '../plan/bind.js';
import type { BoundQuery } from '../plan/bind.js';
import { BIND_TEXTS } from '../plan/codes.js';
import { zeroLengthOutput } from '../plan/bind-query.js';
import { TIME_TEXTS } from '../plan/time-codes.js';
import type { UserFunctionTypes } from '../functions/user-functions.js';
import type { RuntimeTableFunction, RuntimeTableFunctions } from './table-functions.js';
import { createSession } from './session.js';
import type { SessionOptions } from './session.js';
import { sameType } from '../types/type-predicates.js';
import { isBinary, isCharacter, T, typeToString, withNullable } from './types.js';
import { supportsImplicitCast } from '../types/implicit-cast.js';
import { renderRowField } from './values/render.js';
import type { Timestamp } from './values/temporal.js';
import { INSERT_TEXTS } from '../plan/insert-codes.js';

/** The most insert rows handed through the operators as one batch, when the rows are the input's own arrays. */
const BATCH_ROWS = 4096;
/**
 * The most insert rows handed on as one batch when the batch's rows are made as it is read (converted fixture rows,
 * rows an iterable makes), and of any source with a WATERMARK (each row with its watermark): fewer, so that a
 * batch's rows are mostly dead by the next young-generation collection instead of being copied and promoted, which
 * also grows V8's young generation (the 1M-row window aggregation peaked at 112 MB RSS with 4,096, 98 MB with 256,
 * its CPU time unchanged; the 1M-row join fed as a stream: 133 -> 116 MB RSS before rows(), job CPU ~510 -> ~390 ms).
 */
const MADE_BATCH_ROWS = 256;
/**
 * The most rows of a columnar input handed on as one run: longer than a batch of rows, since an operator that
 * reads columns makes nothing per row (one that makes rows from them makes at most this many at a time).
 */
const COLUMN_RUN_ROWS = 1 << 16;

/**
 * One entry of a source's input: a row (an insert), a changelog row, an explicit watermark, or an advance of the
 * processing-time clock to an instant (epoch millis), which fires the processing-time timers due by then
 * (processing-time.ts).
 */
export type InputEntry =
  | readonly unknown[]
  | { readonly kind: RowKind; readonly row: readonly unknown[] }
  | { readonly watermark: Timestamp | number }
  | { readonly processingTime: number };

/**
 * A source's entries in order, read once each by position: an array, or a list that makes each entry when it is
 * read (the test helpers convert fixture rows as the job reads them, so a large fixture is not held twice).
 */
export interface EntryList {
  readonly length: number;
  at(index: number): InputEntry | undefined;
  /**
   * Optionally, the entries from `start` on (at most `max`) that are insert rows needing no conversion, as one
   * array of rows (empty when the entry at `start` is not one): a large fixture is then checked and handed on a
   * run at a time instead of an entry at a time.
   */
  insertRun?(start: number, max: number): readonly Row[];
  /**
   * Optionally, like `insertRun`, the entries from `start` on (at most `max`) that are insert rows converted by a
   * quick check of each value (a test's Date made the runtime's timestamp), empty when the entry at `start` is
   * not one: a run converted in one loop instead of entry by entry.
   */
  convertedRun?(start: number, max: number): readonly Row[];
  /**
   * Optionally, every entry as columns: one array per input column (values as the runtime holds them, checked
   * and converted), when every entry is an insert row; the job then hands them on a run of rows at a time without
   * making a row per entry where the operators read columns (a columnar fixture).
   */
  insertColumns?(): readonly ArrayLike<unknown>[] | undefined;
}

/**
 * A source's entries: a list read by position, or any iterable (a generator, a stream of rows read from a
 * file) read once, so a large input need not be held in memory while the job runs.
 */
export type Entries = EntryList | Iterable<InputEntry>;

const NO_ROWS: readonly Row[] = [];

/** Reads `entries` one after another: each call gives the next entry, `undefined` once they are all read. */
export function entryReader(entries: Entries): () => InputEntry | undefined {
  if (!isList(entries)) {
    const it = entries[Symbol.iterator]();
    return () => {
      const r = it.next();
      return r.done === true ? undefined : r.value;
    };
  }
  const n = entries.length;
  let i = 0;
  return () => {
    if (i >= n) return undefined;
    const e = entries.at(i++);
    if (e === undefined) throw badInput({ kind: 'hole', index: i - 1 });
    return e;
  };
}

/** A list read by position (an array is both: it is read by position). */
function isList(entries: Entries): entries is EntryList {
  return typeof (entries as { at?: unknown }).at === 'function' && typeof (entries as { length?: unknown }).length === 'number';
}

export interface TableInput {
  readonly entries: readonly InputEntry[];
}

export interface SinkResult {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: DataType }[];
  /** What the sink received, in order (an upsert sink never receives -U). */
  readonly changelog: readonly Change[];
  /** The sink table after applying the changelog (made on first read). */
  readonly table: readonly (readonly unknown[])[];
  /** The rows of `table` one at a time, without making the array of them all (a large table read once). */
  readonly forEachRow?: (f: (row: readonly unknown[]) => void) => void;
  /** `forEachRow` a run of rows at a time as columns; false (nothing called) where the sink cannot. */
  readonly forEachRun?: (f: (columns: readonly ArrayLike<unknown>[], count: number) => void) => boolean;
  /** The number of rows of `table`. */
  readonly rowCount?: number;
  readonly primaryKey?: readonly string[];
}

export interface LocalJobOptions extends SessionOptions {
  /** Keep each sink's full changelog (default true); large runs may keep only final tables. */
  readonly keepChangelog?: boolean;
  /**
   * What each source emits, from the connectors' capabilities (`resolveCapabilities` of @flinkts/connectors):
   * e.g. a Paimon primary-key table with a changelog producer is a changelog source although its WITH clause
   * names no connector. The same rule as `check` (plan/properties/source-modes.ts). Without it, a source whose
   * changelog core cannot tell (connector/core-sources.ts) is refused (FTS7008), never read as insert-only.
   */
  readonly capabilities?: ConnectorResolver;
  /** User table functions with JS implementations, by upper-cased name: `CREATE FUNCTION` of these names is accepted. */
  readonly tableFunctions?: RuntimeTableFunctions;
}

export interface JobResult {
  readonly sinks: ReadonlyMap<string, SinkResult>;
  /** Settings the local runtime does not simulate (FTS7007 warnings). */
  readonly warnings: readonly Diagnostic[];
}

interface CatalogTable {
  readonly def: CreateTable;
  /** The table in the binder's catalog, and its columns as the binder reads them. */
  readonly entry: CatalogTableEntry;
  readonly scan: readonly ScanColumn[];
  /** What the planner reads: the source, or the ChangelogNormalize after an upsert source. */
  output?: Operator;
  readonly columns: readonly RelColumn[];
  /** Positions of the columns the input provides (physical and metadata), in declaration order. */
  readonly inputPositions: readonly number[];
  /** What the source emits (plan/properties/source-modes.ts); `upsert`: keyed by the primary key, read through ChangelogNormalize. */
  readonly emits: SourceChangelog;
  source?: SourceOperator;
  readonly rowtime?: number;
  readonly proctime: readonly number[];
}

const lastName = (path: readonly string[]): string => path[path.length - 1] as string;

export class LocalJob {
  readonly session: Session;
  /** Tables by qualified name (`catalog.database.name`), as Flink keeps them: `a.t` and `b.t` are two tables. */
  private readonly tables = new Map<string, CatalogTable>();
  private readonly namespace = new Namespace();
  /** The script's catalog as the binder reads it, statement by statement (queries are planned from the bound plan). */
  private readonly boundCatalog = new ObjectCatalog();
  private readonly sinks: SinkOperator[] = [];
  /** The sink of each INSERT target (by qualified name): the first INSERT's; later ones write into it. */
  private readonly sinkOfTable = new Map<string, SinkOperator>();
  private readonly sinkInfo = new Map<SinkOperator, { columns: { name: string; type: DataType }[]; primaryKey?: string[] }>();
  private readonly planner: Planner;
  private readonly keepChangelog: boolean;
  private readonly lookupTables = new Set<string>();
  private readonly dropNulls: boolean;
  /** Warnings about settings the local runtime does not simulate. */
  readonly warnings: Diagnostic[] = [];
  /** The declared row types of the test's JS table functions, for the binder. */
  private readonly functionTypes: UserFunctionTypes;
  /** What each source emits, from the connectors' capabilities: the same rule `check` reads (plan/properties/source-modes.ts). */
  private readonly sourceModes: SourceModes;
  /** Under mini-batch, the MiniBatchAssigner Flink puts after each source's watermarks for the (one) query. */
  private miniBatchWatermarks: ReturnType<typeof miniBatchWatermarks>;

  constructor(script: Script, opts: LocalJobOptions = {}) {
    this.keepChangelog = opts.keepChangelog ?? true;
    const config: Record<string, string> = { ...(opts.config ?? {}) };
    for (const st of script.statements) {
      if (st.kind === 'Set' && st.key !== undefined && st.value !== undefined) config[st.key] = st.value;
      // RESET 'key' drops the script's value of a setting; RESET alone goes back to the session's first settings
      else if (st.kind === 'Reset' && st.key !== undefined) delete config[st.key];
      else if (st.kind === 'Reset') for (const key of Object.keys(config)) if (opts.config?.[key] === undefined) delete config[key]; else config[key] = opts.config[key]!;
    }
    this.session = { ...createSession({ ...opts, config }), database: () => this.namespace.current()[1] };
    checkMiniBatch(script, this.session.options, this.keepChangelog);
    const ttl = config['table.exec.state.ttl'];
    if (ttl && !/^0\s*(ms|s|min|h|d)?$/.test(ttl.trim())) {
      const t = RUNTIME_TEXTS.notSimulated({ key: 'table.exec.state.ttl', value: ttl, instead: 'state never expires in tests' });
      this.warnings.push({ code: t.code, severity: 'warning', message: t.message });
    }
    this.sourceModes = sourceModes(opts.capabilities === undefined ? undefined : tableCapabilities(opts.capabilities));
    this.dropNulls = (config['table.exec.sink.not-null-enforcer'] ?? 'ERROR').toUpperCase() === 'DROP';
    this.planner = new Planner({
      table: (path, span) => this.sourceFor(path, span),
      markLookup: (path) => this.lookupTables.add(this.namespace.key(path)),
      sourceModes: this.sourceModes,
    }, this.session, opts.tableFunctions);
    this.functionTypes = new Map([...(opts.tableFunctions ?? new Map<string, RuntimeTableFunction>())].map(([n, f]) => [n, f.type]));
    for (const st of script.statements) {
      this.boundCatalog.apply(st);
      switch (st.kind) {
        case 'CreateTable': {
          this.defineTable(st);
          break;
        }
        case 'CreateView': break; // views are the binder's (boundCatalog)
        case 'Insert': this.planInsert(st); break;
        case 'StatementSet': for (const i of st.inserts) this.planInsert(i); break;
        case 'QueryStatement': this.planSelect(st.query); break;
        case 'CreateCatalog': break; // the binder's (boundCatalog): a table's catalog type is read from its entry
        case 'UseCatalog': case 'UseDatabase': this.namespace.apply(st); break;
        case 'Set': case 'Reset': case 'UseModules': case 'CreateDatabase': case 'CreateFunction':
          if (st.kind === 'CreateFunction' && !this.functionTypes.has(st.path[st.path.length - 1]!.toUpperCase())) {
            throw unsupported(`user-defined function ${st.path.join('.')} (${st.className}); a table function runs when the test gives its JS implementation (runJob's options.functions)`, st.span);
          }
          break;
        case 'Drop': case 'AlterTable': case 'AlterOther': case 'Show': case 'Describe': case 'Explain':
          throw unsupported(`${st.kind} statements`, st.span);
      }
    }
    if (opts.capabilities === undefined) this.refuseUnknownSources(script);
  }

  /**
   * Without the connectors' capabilities, a table read as a source (not as a lookup table) whose connector core
   * cannot tell the changelog of is refused (FTS7008), never read as insert-only (connector/core-sources.ts).
   */
  private refuseUnknownSources(script: Script): void {
    for (const [key, t] of this.tables) {
      if (t.source === undefined || this.lookupTables.has(key) || coreSourceChangelog(t.def, t.entry.catalog !== undefined) !== undefined) continue;
      const text = RUNTIME_TEXTS.sourceModeUnknown({ table: t.def.path.join('.'), connector: t.def.options.find((o) => o.key === 'connector')?.value });
      const index = script.statements.indexOf(t.def);
      throw new FlinktsError([{ code: text.code, severity: 'error', message: text.message, ...(text.hint === undefined ? {} : { hint: text.hint }), ...(index < 0 ? {} : { path: `statements[${index}]` }), ...(t.def.span === undefined ? {} : { span: t.def.span }) }]);
    }
  }

  private defineTable(t: CreateTable): void {
    if (t.like) throw unsupported('CREATE TABLE … LIKE', t.span);
    if (t.asQuery) throw unsupported('CREATE TABLE … AS SELECT', t.span);
    // the table's columns as the binder reads them: computed columns bound over the others, time attributes marked,
    // PRIMARY KEY columns NOT NULL (names matched as Flink matches them, case-sensitively)
    const entry = this.boundCatalog.lookup(t.path);
    if (entry?.kind !== 'table') throw new Error(`internal: table ${t.path.join('.')} is not in the bound catalog`);
    const scan = tableColumns(entry, this.boundCatalog);
    // what the source emits, read as the plan reads it (the plan's Scan mode): one rule for check and run
    const emits = sourceChangelogOf(this.sourceModes, entry);
    checkMiniBatchSource(this.session.options, this.keepChangelog, t, emits);
    const columns: RelColumn[] = [];
    for (const c of scan) {
      const over = expressionScope(columns);
      columns.push({ name: c.name, type: c.type ?? compileBound(this.planner, over, c.expr!).type });
    }
    const inputPositions = scan.flatMap((c, i) => (c.origin === 'computed' ? [] : [i]));
    const proctime = scan.flatMap((c, i) => (c.time === 'proctime' ? [i] : []));
    let rowtime: number | undefined;
    if (t.watermark) {
      rowtime = scan.findIndex((c) => c.name === (t.watermark as { column: string }).column);
      if (rowtime < 0) throw textError(TIME_TEXTS.watermarkUnknownColumn({ column: t.watermark.column, columns: columns.map((c) => c.name) }), t.watermark.span);
    }
    this.tables.set(this.namespace.key(t.path), {
      def: t, entry, scan, columns, inputPositions, emits, proctime, ...(rowtime !== undefined ? { rowtime } : {}),
    });
  }

  /** Names of the declared tables as their CREATE TABLE wrote them (for hints). */
  private tableNames(): string[] {
    return [...this.tables.values()].map((t) => t.def.path.join('.'));
  }

  /** A table the script does not declare, with check's text (BIND_TEXTS.tableNotDeclared): the same code and wording. */
  private notDeclared(path: readonly string[], insert: boolean, span: import('../ast/node.js').Span | undefined): FlinktsError {
    const last = path.at(-1);
    const declared = [...this.tables.values()].map((t) => t.def.path);
    return textError(BIND_TEXTS.tableNotDeclared({
      path: path.join('.'), insert,
      declaredAs: declared.filter((p) => p.at(-1) === last && p.join('.') !== path.join('.')).map((p) => p.join('.')),
      known: declared.map((p) => p.at(-1) as string),
    }), span);
  }

  private sourceFor(path: readonly string[], span?: import('../ast/node.js').Span): PlannerTable {
    const name = path.join('.');
    const t = this.tables.get(this.namespace.key(path));
    if (!t) throw this.notDeclared(path, false, span);
    if (!t.source) {
      const row = expressionScope(t.columns);
      const computed = t.scan.flatMap((c, i) => (c.origin === 'computed' ? [{ index: i, eval: compileBound(this.planner, row, c.expr!).eval }] : []));
      const watermark = watermarkExpression(t.entry, this.boundCatalog);
      const wrong = watermark?.diagnostics.filter((d) => d.severity === 'error') ?? [];
      if (wrong.length > 0) throw new FlinktsError(wrong);
      const compiler = watermark === undefined ? undefined : boundCompilerOver(this.planner, row, [watermark.expr]);
      const wm = watermark === undefined ? undefined : compiler!.compile(watermark.expr.ast);
      if (wm && wm.type.kind !== 'TIMESTAMP' && wm.type.kind !== 'TIMESTAMP_LTZ') throw textError(TIME_TEXTS.watermarkType({ kind: 'expression', type: typeToString(wm.type) }), t.def.watermark?.span);
      t.source = new SourceOperator(t.def.path.join('.'), computed, t.columns.length, wm && watermark ? watermarkMillis(watermark.expr.ast, wm.eval, compiler!) : undefined);
      t.output = t.source;
      if (wm && this.miniBatchWatermarks) {
        // Flink's MiniBatchAssigner after the watermark assigner (mini-batch.ts)
        const assigner = new MiniBatchAssignerOperator(this.miniBatchWatermarks.mode, this.miniBatchWatermarks.interval);
        t.source.connectTo(assigner);
        t.output = assigner;
      }
      if (t.emits === 'upsert') {
        const pk = (t.def.primaryKey?.columns ?? []).map((c) => t.columns.findIndex((col) => col.name === c));
        // what `flinkts check` reports from the connector's options (@flinkts/connectors re-uses core's code): the same code
        if (pk.length === 0) {
          const text = CONNECTOR_TEXTS.primaryKey({ kind: 'required', what: `Upsert source '${name}'`, connector: t.def.options.find((o) => o.key === 'connector')?.value ?? '' });
          throw textError(text, t.def.span);
        }
        const normalize = new ChangelogNormalizeOperator(pk);
        t.source.connectTo(normalize);
        t.output = normalize;
      }
    }
    const pk = t.def.primaryKey?.columns.map((c) => t.columns.findIndex((col) => col.name === c));
    return {
      name, columns: t.columns, source: t.output as SourceOperator, proctime: t.proctime,
      ...(t.rowtime !== undefined ? { rowtime: t.rowtime } : {}), ...(pk ? { primaryKey: pk } : {}),
    };
  }

  private planInsert(ins: Insert): void {
    if (ins.partition) throw unsupported('INSERT … PARTITION', ins.span);
    const name = lastName(ins.target);
    const t = this.tables.get(this.namespace.key(ins.target));
    if (!t) throw this.notDeclared(ins.target, true, ins.span);
    // the query is bound alone: whether it fits the sink is checked here, against the fixture's declared columns
    let rel = this.planQuery(bind(ins.query, this.boundCatalog, { expressionTypes: true, functions: this.functionTypes }));
    oneRowtimeAttribute(rel, name, ins.span);
    const physical = t.columns.filter((_, i) => t.inputPositions.includes(i));
    let targetCols = physical;
    if (ins.columns) {
      targetCols = ins.columns.map((c) => {
        const col = physical.find((p) => p.name === c);
        if (!col) throw textError(INSERT_TEXTS.notWritable({ column: c, table: name, writable: physical.map((p) => p.name) }), ins.span);
        return col;
      });
      if (targetCols.length !== physical.length) {
        // a partial column list: the query fills the listed columns, the others are NULL (Flink's
        // PreValidateReWriter); a NOT NULL column left out has no value
        const missing = physical.find((p) => !targetCols.includes(p) && !p.type.nullable);
        if (missing) throw textError(BIND_TEXTS.notNullColumnOmitted({ column: missing.name, table: name }), ins.span);
        if (rel.columns.length === targetCols.length) {
          const at = physical.map((p) => targetCols.indexOf(p));
          const fill = new CalcOperator(undefined, at.map((i) => (i < 0 ? () => null : (r) => r[i] ?? null)));
          rel.op.connectTo(fill);
          rel = { ...rel, op: fill, columns: physical.map((p, j) => (at[j] as number) < 0 ? { name: p.name, type: { kind: 'NULL', nullable: true } } : rel.columns[at[j] as number] as RelColumn) };
          targetCols = physical;
        }
      }
    }
    if (rel.columns.length !== targetCols.length) {
      throw textError(INSERT_TEXTS.columnCount({ sink: name, query: rel.columns.length, expected: targetCols.length, columnList: ins.columns !== undefined }), ins.span);
    }
    const sinkColumns = targetCols.map((col, i) => {
      const from = (rel.columns[i] as RelColumn).type;
      const to = col.type;
      if (!supportsImplicitCast(from, to)) {
        throw textError(INSERT_TEXTS.notCastable({ column: col.name, position: i, from: typeToString(from), to: typeToString(to) }), ins.span);
      }
      // 'table.exec.sink.type-length-enforcer' defaults to IGNORE: CHAR/VARCHAR/BINARY lengths are not enforced.
      const lengthOnly = (isCharacter(from) && isCharacter(to)) || (isBinary(from) && isBinary(to));
      const same = lengthOnly || sameType(withNullable(from, true), withNullable(to, true));
      return { name: col.name, nullable: to.nullable, convert: same ? undefined : castConverter(from, to, this.session.zone, ins.span) };
    });
    const pk = t.def.primaryKey?.columns;
    const pkIdx = pk?.map((c) => targetCols.findIndex((col) => col.name === c));
    // a second INSERT into the same table writes into the first one's sink (one table, one result)
    const tableKey = this.namespace.key(ins.target);
    const first = this.sinkOfTable.get(tableKey);
    const sink = new SinkOperator(name, sinkColumns, pkIdx, this.keepChangelog, this.dropNulls, rel.filteredUpdates === true, first);
    if (rel.op instanceof MiniBatchAggregateOperator && rel.op.outputCount() === 0 && pkIdx) rel.op.generateUpdateBefore = false;
    if (rel.op instanceof GroupAggregateOperator && rel.op.outputCount() === 0) {
      if (pkIdx) rel.op.generateUpdateBefore = false;
      // Nobody reads the changelog: fold a key's intermediate updates when the final table cannot tell, i.e. the
      // sink upserts by exactly the grouping keys (one sink row per group, kept at the position of its first
      // insertion) and no aggregate column is converted or could fail the NOT NULL enforcer with an intermediate
      // NULL (key columns are checked when the key's first row arrives, as in Flink, and never change).
      const agg = rel.op;
      const byGroupKey = pkIdx !== undefined && pkIdx.length === agg.keyCount && new Set(pkIdx).size === agg.keyCount && pkIdx.every((i) => i >= 0 && i < agg.keyCount);
      const enforcerSafe = sinkColumns.every((c, i) => i < agg.keyCount || (!c.convert && (c.nullable || !(rel.columns[i] as RelColumn).type.nullable)));
      if (!this.keepChangelog && byGroupKey && enforcerSafe) agg.foldUpdates = true;
    }
    rel.op.connectTo(sink);
    if (first !== undefined) return;
    this.sinkOfTable.set(tableKey, sink);
    this.sinks.push(sink);
    this.sinkInfo.set(sink, { columns: targetCols.map((c) => ({ name: c.name, type: c.type })), ...(pk ? { primaryKey: [...pk] } : {}) });
  }

  /**
   * A query's relation, compiled from its bound plan: names and types as the binder resolved them. What the binder
   * rejects is raised as the binder reported it (the codes `flinkts check` reports).
   */
  private planQuery(bound: BoundQuery): Rel {
    const errors = bound.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new FlinktsError(errors);
    if (bound.plan === undefined) {
      // a construct the binder does not bind (the bound query names it): not supported here, never an empty error
      throw unsupported(bound.notBound?.what ?? 'a query flinkts does not bind into a plan', bound.notBound?.span);
    }
    checkMiniBatchPlan(this.session.options, this.keepChangelog, bound.plan, this.sourceModes);
    checkSplitDistinct(this.session.options, this.keepChangelog, bound.plan);
    this.miniBatchWatermarks = miniBatchWatermarks(this.session.options, bound.plan);
    return planRoot(this.planner, bound.plan);
  }

  private planSelect(q: Query): void {
    // a result column of '' only is CHAR(0), which Flink cannot serialise when it runs the job (FTS4536, as check)
    const empty = zeroLengthOutput(q);
    if (empty !== undefined) {
      const t = BIND_TEXTS.zeroLengthChar({});
      throw textError(t, empty.span);
    }
    const rel = this.planQuery(bind(q, this.boundCatalog, { expressionTypes: true, functions: this.functionTypes }));
    const name = this.sinks.some((s) => s.sinkName === 'result') ? `result${this.sinks.length}` : 'result';
    oneRowtimeAttribute(rel, name, q.span);
    const sink = new SinkOperator(name, rel.columns.map((c) => ({ name: c.name, nullable: true, convert: undefined })), undefined, this.keepChangelog);
    rel.op.connectTo(sink);
    this.sinks.push(sink);
    this.sinkInfo.set(sink, { columns: rel.columns.map((c) => ({ name: c.name, type: c.type })) });
  }

  /** Column names and types of a source table's input rows (physical and metadata columns). */
  inputColumns(table: string): { name: string; type: DataType }[] {
    const t = this.tables.get(this.inputKey(table));
    if (!t) throw unknownName({ table, suggestion: didYouMean(table, this.tableNames()) });
    return t.inputPositions.map((i) => t.columns[i] as RelColumn);
  }

  /** The PRIMARY KEY columns of a table (empty without one). */
  primaryKeyColumns(table: string): readonly string[] {
    return this.tables.get(this.inputKey(table))?.def.primaryKey?.columns ?? [];
  }

  tableMode(table: string): ChangelogMode {
    const emits = this.tables.get(this.inputKey(table))?.emits;
    return emits === undefined || emits === 'insert-only' ? 'insert-only' : 'updating';
  }

  /**
   * The table a test input names: its qualified name as the script's namespace qualifies it at the end, or else
   * the one table whose name ends with those parts (`t` for `db.t`). Two tables that both end so make the input
   * ambiguous: it must name one of them whole.
   */
  private inputKey(name: string): string {
    const parts = name.split('.');
    const exact = this.namespace.key(parts);
    if (this.tables.has(exact)) return exact;
    const suffix = '.' + name;
    const matches = [...this.tables.keys()].filter((k) => k.endsWith(suffix));
    if (matches.length > 1) {
      throw badInput({ kind: 'ambiguousInput', input: name, tables: matches.map((k) => this.tables.get(k)!.def.path.join('.')) });
    }
    return matches[0] ?? exact;
  }

  /** Whether a source table delivers an upsert changelog (updates without -U, keyed by its primary key). */
  tableUpsert(table: string): boolean {
    return this.tables.get(this.inputKey(table))?.emits === 'upsert';
  }

  /** Pushes one table's entries (rows, changelog rows, watermarks) into its source, in order; each entry is read once. */
  private pushEntries(name: string, t: CatalogTable, src: SourceOperator, entries: Entries): void {
    const identity = t.inputPositions.every((p, i) => p === i);
    const width = t.inputPositions.length;
    const insertOnly = t.emits === 'insert-only';
    // runs of plain rows of the input width travel as batches when the source adds nothing to them
    const batchable = identity && width === t.columns.length && src.batchable;
    // rows handed on as they are (a source with a WATERMARK makes each row's watermark), and rows made per batch
    const batchRows = src.readsColumns ? BATCH_ROWS : MADE_BATCH_ROWS;
    const plain = (e: InputEntry | undefined): boolean => Array.isArray(e) && (e as readonly unknown[]).length === width;
    let current: Change | undefined;
    let batch: readonly (readonly unknown[])[] | undefined;
    /** The columns being pushed and the index of the first row of the run (for a failing row's message). */
    let columnRun: { readonly columns: readonly ArrayLike<unknown>[]; start: number } | undefined;
    /** One entry that is not part of a batch. */
    const one = (e: InputEntry): void => {
      let change: Change;
      if (Array.isArray(e)) change = { kind: '+I', row: e };
      else if ('processingTime' in e) {
        this.advanceProcessingTime(e.processingTime);
        return;
      } else if ('watermark' in e) {
        const w = e.watermark;
        src.advanceWatermark(typeof w === 'number' ? w : w.millis);
        return;
      } else {
        change = e as Change;
        if (change.kind !== '+I' && insertOnly) {
          throw badInput({ kind: 'changeInInsertOnly', table: name, change: change.kind });
        }
      }
      current = change;
      if (!identity || change.row.length !== width) {
        const row = new Array<unknown>(t.columns.length).fill(null);
        const from = change.row;
        t.inputPositions.forEach((pos, j) => { row[pos] = from[j] ?? null; });
        change = { kind: change.kind, row };
      }
      src.push(change);
    };
    const pushBatch = (rows: readonly (readonly unknown[])[]): void => {
      batch = rows;
      src.pushInserts(rows);
      batch = undefined;
    };
    try {
      const columns = batchable && src.readsColumns && isList(entries) ? entries.insertColumns?.() : undefined;
      if (columns !== undefined) {
        // a columnar fixture of inserts: runs of rows handed on as columns
        const n = (entries as EntryList).length;
        const run = { columns, start: 0 };
        columnRun = run;
        for (let i = 0; i < n; i += COLUMN_RUN_ROWS) {
          run.start = i;
          src.pushColumns(columns, i, Math.min(n, i + COLUMN_RUN_ROWS));
        }
        columnRun = undefined;
        return;
      }
      const list = batchable && isList(entries) && entries.insertRun !== undefined ? entries : undefined;
      if (list !== undefined) {
        // runs of rows the list hands over as they are, and the other entries read one by one in between
        const n = list.length;
        let i = 0;
        while (i < n) {
          const run = (list.insertRun as (start: number, max: number) => readonly Row[])(i, batchRows);
          if (run.length > 0) {
            pushBatch(run);
            i += run.length;
            continue;
          }
          const converted = list.convertedRun?.(i, MADE_BATCH_ROWS) ?? NO_ROWS;
          if (converted.length > 0) {
            pushBatch(converted);
            i += converted.length;
            continue;
          }
          const rows: (readonly unknown[])[] = [];
          let other: InputEntry | undefined;
          while (i < n && rows.length < batchRows) {
            const e = list.at(i++);
            if (e === undefined) throw badInput({ kind: 'hole', index: i - 1 });
            if (plain(e)) rows.push(e as readonly unknown[]);
            else {
              other = e;
              break;
            }
          }
          if (rows.length > 0) pushBatch(rows);
          if (other !== undefined) one(other);
        }
      } else {
        const read = entryReader(entries);
        // `next` is read ahead one entry, so a batch knows where it ends
        let next = read();
        while (next !== undefined) {
          const e = next;
          next = read();
          if (batchable && plain(e)) {
            const rows = [e as readonly unknown[]];
            while (rows.length < MADE_BATCH_ROWS && plain(next)) {
              rows.push(next as readonly unknown[]);
              next = read();
            }
            pushBatch(rows);
            continue;
          }
          one(e);
        }
      }
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      if (batch !== undefined) current = { kind: '+I', row: batch[e.sourceRow ?? 0] as readonly unknown[] };
      if (columnRun !== undefined) {
        const at = columnRun.start + (e.sourceRow ?? 0);
        current = { kind: '+I', row: columnRun.columns.map((c) => c[at]) };
      }
      if (current === undefined) throw e;
      const c = current;
      const t = RUNTIME_TEXTS.evaluationFailed({ failure: e.message, while: `processing a ${c.kind} row of '${name}': ${JSON.stringify(c.row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}` });
      throw new FlinktsError([{ ...t, severity: 'error' }]);
    }
  }

  /** Moves the processing-time clock; a row failing while a timer fires fails the job (FTS7003). */
  private advanceProcessingTime(to: number): void {
    try {
      this.session.processingTime?.advanceTo(to);
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      throw new FlinktsError([{ ...RUNTIME_TEXTS.evaluationFailed({ failure: e.message, while: `firing processing-time timers up to ${new Date(to).toISOString()}` }), severity: 'error' }]);
    }
  }

  /**
   * Push inputs. `phases` splits every table's entries (e.g. before/after a savepoint): all tables' first
   * phase is pushed, then the next phase, and so on. Ends every source with a MAX watermark.
   */
  run(inputs: ReadonlyMap<string, readonly Entries[]>): JobResult {
    // an input for a table the script does not declare: FTS7004, as the fixture reader reports it (one code per fact)
    for (const name of inputs.keys()) this.inputColumns(name);
    for (const v of this.planner.valuesSources) v.start();
    const phases = Math.max(0, ...[...inputs.values()].map((p) => p.length));
    // Lookup tables are loaded completely before any probe row arrives.
    const lookupFirst = [...inputs.entries()].filter(([n]) => this.lookupTables.has(this.inputKey(n)));
    const others = [...inputs.entries()].filter(([n]) => !this.lookupTables.has(this.inputKey(n)));
    const schedule: [string, readonly Entries[]][] = [...lookupFirst.map(([n, ps]): [string, Entries[]] => [n, [concatEntries(ps)]])];
    for (let ph = 0; ph < phases + 1; ph++) {
      const batch = ph === 0 ? schedule : others.map(([n, ps]): [string, Entries[]] => [n, [ps[ph - 1] ?? []]]);
      for (const [name, ps0] of batch) {
        const ps = [ps0[0] ?? []];
        const t = this.tables.get(this.inputKey(name)) as CatalogTable;
        const src = t.source;
        if (!src) continue; // table not read by any query
        this.pushEntries(name, t, src, ps[0] ?? []);
      }
    }
    try {
      for (const t of this.tables.values()) t.source?.endOfInput();
      for (const v of this.planner.valuesSources) v.end();
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      throw new FlinktsError([{ ...RUNTIME_TEXTS.evaluationFailed({ failure: e.message, while: 'firing timers at the end of input' }), severity: 'error' }]);
    }
    const out = new Map<string, SinkResult>();
    for (const s of this.sinks) out.set(s.sinkName, sinkResult(s, this.sinkInfo.get(s) as SinkInfo));
    return { sinks: out, warnings: this.warnings };
  }
}

type SinkInfo = { readonly columns: { name: string; type: DataType }[]; readonly primaryKey?: string[] };

/**
 * A sink's result. Made outside `run` so that its closures hold the sink alone: a closure made in `run` would keep
 * the whole job (every operator's state, e.g. a join's rows) alive for as long as the result is read.
 */
function sinkResult(s: SinkOperator, info: SinkInfo): SinkResult {
  let table: (readonly unknown[])[] | undefined;
  return {
    name: s.sinkName, columns: info.columns,
    get changelog() { return s.changelog; },
    get table() { return (table ??= s.table()); },
    forEachRow: (f) => s.forEachRow(f),
    forEachRun: (f) => s.forEachRun(f),
    rowCount: s.rowCount,
    ...(info.primaryKey ? { primaryKey: info.primaryKey } : {}),
  };
}

/**
 * The watermark a row gives, as epoch millis. `ts` and `ts - INTERVAL '…' …` (the usual declarations) read the
 * rowtime's millis directly (subtracting a day-time interval subtracts its millis and keeps the nanos, which a
 * watermark does not hold); any other expression is evaluated.
 */
function watermarkMillis(expr: Expression, ev: Evaluator, compiler: ExpressionCompiler): (row: Row) => number | null {
  const column = (e: Expression): number | undefined => {
    if (e.kind !== 'ColumnRef') return undefined;
    const c = compiler.compile(e);
    return c.type.kind === 'TIMESTAMP' || c.type.kind === 'TIMESTAMP_LTZ' ? c.column : undefined;
  };
  const direct = column(expr);
  if (direct !== undefined) return (row) => (row[direct] as Timestamp | null)?.millis ?? null;
  if (expr.kind === 'Binary' && expr.op === '-') {
    const at = column(expr.left);
    const right = compiler.compile(expr.right);
    const ms = right.constant?.value;
    if (at !== undefined && right.type.kind === 'INTERVAL_DAY_TIME' && typeof ms === 'number') {
      return (row) => {
        const t = row[at] as Timestamp | null;
        return t === null || t === undefined ? null : t.millis - ms;
      };
    }
  }
  return (row) => (ev(row) as Timestamp | null)?.millis ?? null;
}

/** The phases of one table's input as one list (each entry read once). */
function concatEntries(lists: readonly Entries[]): Entries {
  if (lists.length === 1) return lists[0] as Entries;
  const all: InputEntry[] = [];
  for (const l of lists) {
    const read = entryReader(l);
    for (let e = read(); e !== undefined; e = read()) all.push(e);
  }
  return all;
}

/** `+I[1, Hi, null]`, as Flink's `Row.toString()` prints a changelog row. */
export function formatChange(c: Change, columns: readonly { readonly type: DataType }[]): string {
  return `${c.kind}[${formatRowFields(c.row, columns)}]`;
}

export function formatRowFields(row: readonly unknown[], columns: readonly { readonly type: DataType }[]): string {
  return row.map((v, i) => renderRowField(v, columns[i]?.type ?? T.string())).join(', ');
}

/**
 * Flink writes at most one rowtime attribute into a sink (an interval join keeps both sides' times as rowtime
 * attributes): with two or more its planner refuses the INSERT, as here. CAST all but one to TIMESTAMP(3).
 */
function oneRowtimeAttribute(rel: Rel, sink: string, span: Query['span']): void {
  if (rel.rowtime.size <= 1) return;
  const names = [...rel.rowtime].sort((a, b) => a - b).map((i) => rel.columns[i]?.name ?? `#${i}`);
  // the fact `flinkts check` reports for an INSERT as FTS4315: the same code
  throw textError(TIME_TEXTS.severalRowtimesIntoSink({ rowtimes: names, sink }), span);
}
