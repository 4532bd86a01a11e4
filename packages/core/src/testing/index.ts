/**
 * `@flinkts/core/testing`: unit-test Flink SQL transformations in plain Node, with Flink's semantics.
 *
 * ```ts
 * const run = runJob(script, { inputs: { orders: [{ id: 1, amount: '12.50' }] } });
 * expect(run.changelog('dwd_orders')).toEqual(['+I[1, 12.50]']);
 * expect(run.rows('dwd_orders')).toEqual([{ id: 1, amount: '12.50' }]);
 * ```
 * A job is a `Script` AST (built with the TypeScript builders or parsed from SQL) or SQL text.
 */
import { EXPRESSION_KINDS, type Expression } from '../ast/expression.js';
import type { Script, Statement } from '../ast/statement.js';
import type { RowOf } from '../table/table.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ConnectorResolver } from '../connector/connector.js';
import type { DataType } from '../types/data-type.js';
import type { Change, RowKind } from '../runtime/changelog.js';
import { badInput } from '../runtime/errors.js';
import { evaluateExpression } from '../runtime/evaluate.js';
import type { EvaluationResult } from '../runtime/evaluate.js';
import { entryReader, formatChange, formatRowFields, LocalJob } from '../runtime/job.js';
import type { Entries, InputEntry, SinkResult } from '../runtime/job.js';
import { createSession } from '../runtime/session.js';
import { bigintForm } from '../runtime/values/bigint.js';
import { parseTimestamp } from '../runtime/values/temporal.js';
import type { Timestamp } from '../runtime/values/temporal.js';
import { T } from '../runtime/types.js';
import { sqlExpression, sqlScript } from './oracle/sql-front-end.js';
import { flinkRequest, runOnFlink, runOnFlinkSync } from './flink-engine.js';
import type { FlinkSinkResult } from './flink-engine.js';
import { asIsRun, convertedRun, fastConverter, plainRowBuilder, plainRunBuilder, toPlainValue, toRuntimeValue, usableAsIs } from './values.js';
import type { FastConverter } from './values.js';
import { parseTypeText } from './oracle/type-text.js';
import { z } from 'zod';
import type { TableFunction } from './table-function.js';
import { runtimeTableFunctions } from './table-function.js';
export { tableFunction } from './table-function.js';
import { isColumnarInput } from './columnar.js';
import type { ColumnarInput } from './columnar.js';
export { columnar, ColumnarInput } from './columnar.js';
export type { ColumnValues } from './columnar.js';
export type { TableFunction, TableFunctionRow, TableFunctionSpec } from './table-function.js';
import { argumentError, checkArgument, checkObject, describeValue } from '../diagnostics/arguments.js';

/** A test row: an object keyed by column name, or the values in column order. */
export type TestRow = Readonly<Record<string, unknown>> | readonly unknown[];
/**
 * A test input entry: a row (an insert), a changelog row, an explicit watermark, or an advance of processing
 * time (`{ processingTime: '2024-05-01 10:05:00' }`, a time in the session zone, a Date or epoch millis): the
 * clock moves forward to that instant and the processing-time windows that end by then fire.
 */
export type TestEntry = TestRow | { readonly kind: RowKind; readonly row: TestRow } | { readonly watermark: string | Date | number } | ProcessingTimeEntry;

/** Moves the local runtime's processing-time clock forward (it never moves by itself); see `RunOptions.now`. */
export interface ProcessingTimeEntry {
  readonly processingTime: string | Date | number;
}

export interface RunOptions {
  /**
   * Entries per source table: an array, or any iterable (a generator, rows read from an NDJSON file as the job
   * reads them), which the local engine reads once, entry by entry, without holding the input in memory.
   */
  readonly inputs: Readonly<Record<string, readonly TestEntry[] | Iterable<TestEntry>>>;
  /** Session configuration, e.g. `{ 'table.local-time-zone': 'Asia/Shanghai' }` (default zone: UTC). */
  readonly config?: Readonly<Record<string, string>>;
  /**
   * The processing-time clock (epoch millis) until a `{ processingTime }` entry advances it; fixed at 0 unless
   * given. PROCTIME(), CURRENT_TIMESTAMP and the processing-time windows read it: a row is in the window of the
   * instant the clock reads when the row is pushed, and a window fires only when an entry advances the clock
   * past its end (windows still open at the end of the input are dropped, as a bounded Flink job drops them).
   */
  readonly now?: () => number;
  /** Source changelog modes from the connectors' capabilities (pass `resolveCapabilities` of @flinkts/connectors). */
  readonly capabilities?: ConnectorResolver;
  /**
   * Keep every sink's changelog (default true). `false` keeps only the final tables, for large fixtures: a group
   * aggregation into a sink keyed by its grouping keys then folds each key's intermediate updates into its final
   * result, as mini-batch does, which the final table cannot tell apart. Reading a changelog is then an error.
   */
  readonly keepChangelog?: boolean;
  /**
   * Where the job runs: `'local'` (the default: the in-process runtime, milliseconds) or `'flink'` (real Flink
   * 1.20.1 in the bridge JVM, started on demand — see README "Real Flink in the loop"). The environment variable
   * `FLINKTS_ENGINE=flink` changes the default, so one test suite runs on both engines. On Flink the
   * processing-time clock is fixed at `now()` as well; explicit watermark entries are rejected (Flink's sources
   * emit watermarks from the WATERMARK clause after every row).
   */
  readonly engine?: Engine;
  /**
   * User table functions by name, with JS implementations (`tableFunction(…)`): on the local engine,
   * `LATERAL TABLE(name(…))` runs them in place of the Java class the script's CREATE FUNCTION names (on Flink the
   * class itself runs, so it must be on the bridge's class path).
   */
  readonly functions?: Readonly<Record<string, TableFunction>>;
}

/** The engine a job runs on. */
export type Engine = 'local' | 'flink';

/** The engine `runJob` uses when none is given: `FLINKTS_ENGINE` (`local` or `flink`), else `local`. */
export function defaultEngine(): Engine {
  const e = process.env.FLINKTS_ENGINE;
  if (e === undefined || e === '' || e === 'local') return 'local';
  if (e === 'flink') return 'flink';
  throw badInput({ kind: 'option', option: 'FLINKTS_ENGINE', problem: `is '${e}', not an engine`, hint: "use 'local' or 'flink'" });
}

export interface SinkOutput {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: DataType }[];
  /** Flink's `Row.toString()` of each change: `+I[1, Hi]`, `-U[…]`, `+U[…]`, `-D[…]`. */
  readonly changelog: readonly string[];
  /** The final table, each row printed as `1, Hi` (no kind). */
  readonly table: readonly string[];
  /** The final table as objects with plain values (numbers, strings, booleans; DECIMAL/temporal as Flink prints them). */
  readonly rows: readonly Readonly<Record<string, unknown>>[];
  /** The raw changes. */
  readonly changes: readonly Change[];
}

export interface JobRun {
  readonly sinks: ReadonlyMap<string, SinkOutput>;
  /** Settings the local runtime does not simulate (e.g. state TTL), as FTS7007 warnings. */
  readonly warnings: readonly Diagnostic[];
  sink(name: string): SinkOutput;
  changelog(name?: string): readonly string[];
  table(name?: string): readonly string[];
  rows(name?: string): readonly Readonly<Record<string, unknown>>[];
}

/**
 * A job to run: SQL text, a `Script`, or a list of statements and declarations (tables and views built with
 * the TypeScript builders, which expose `toStatement()`).
 */
export type JobSource = Script | string | readonly (Statement | { toStatement(): Statement })[];

const isFunction = (v: unknown): boolean => typeof v === 'function';
/** An iterable that is not a string (a generator, a Set, a stream adapter). */
const isIterableObject = (v: unknown): boolean => typeof v === 'object' && v !== null && typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
const STATEMENT = z.custom<unknown>((s) => typeof s === 'object' && s !== null && (typeof (s as { kind?: unknown }).kind === 'string' || isFunction((s as { toStatement?: unknown }).toStatement)),
  { message: 'a statement or a declaration (table(…), view(…), insertInto(…))' });
/** What `runJob` takes: SQL text, a Script, or a list of statements and declarations. */
const JOB_SOURCE = z.union([z.string(), z.looseObject({ kind: z.literal('Script'), statements: z.array(STATEMENT) }), z.array(STATEMENT)],
  { error: 'SQL text, a parsed Script, or a list of statements and declarations' });
/** `runJob`'s options; unknown keys are kept for options other packages add. */
const RUN_OPTIONS = z.looseObject({
  // an array, not checked element by element here (a fixture may have a million rows): each row is checked when converted
  inputs: z.record(z.string(), z.custom<unknown[]>((v) => Array.isArray(v) || isIterableObject(v), { message: 'an array or an iterable of entries' })),
  config: z.record(z.string(), z.string()).optional(),
  now: z.custom<unknown>(isFunction, { message: 'a function returning epoch milliseconds' }).optional(),
  capabilities: z.custom<unknown>(isFunction, { message: 'a connector resolver such as resolveCapabilities' }).optional(),
  keepChangelog: z.boolean().optional(),
  engine: z.enum(['local', 'flink']).optional(),
  functions: z.record(z.string(), z.custom<unknown>((f) => typeof f === 'object' && f !== null && (f as { kind?: unknown }).kind === 'TableFunction', { message: 'a tableFunction({ returns, eval })' })).optional(),
});

/** The processing-time clock, checked on every read: a clock that is not a finite number would print NaN-NaN-NaN. */
function checkedClock(now: () => number): () => number {
  return () => {
    const ms: unknown = now();
    if (typeof ms !== 'number' || !Number.isFinite(ms)) throw badInput({ kind: 'option', option: 'options.now()', problem: `returned ${describeValue(ms)}, not epoch milliseconds`, hint: 'return a finite number, e.g. () => Date.parse(\'2024-01-01T00:00:00Z\')' });
    return ms;
  };
}

function toScript(job: JobSource): Script {
  if (typeof job === 'string') return sqlScript(job);
  if (!Array.isArray(job)) return job as Script;
  const statements = (job as readonly (Statement | { toStatement(): Statement })[]).map((s) => ('toStatement' in s && typeof s.toStatement === 'function' ? s.toStatement() : (s as Statement)));
  return { kind: 'Script', statements };
}

/** A typed test row for a declared table: its input columns by name (computed columns are derived). */
export type FixtureRow<T extends { readonly __columns: unknown }> = Partial<RowOf<T>>;

/**
 * Typed input rows for a table declared with the builders:
 * `runJob(job, { inputs: { ...rowsOf(orders, [{ id: 1, amount: '12.50' }]) } })`.
 * Entries may also be changelog rows (`{ kind: '-D', row: {…} }`), watermarks (`{ watermark: '2024-01-01 10:00:00' }`)
 * or advances of processing time (`{ processingTime: '2024-01-01 10:05:00' }`).
 */
export function rowsOf<T extends { readonly __columns: unknown; readonly name: string }>(
  table: T,
  rows: readonly (FixtureRow<T> | { readonly kind: RowKind; readonly row: FixtureRow<T> } | { readonly watermark: string | Date | number } | ProcessingTimeEntry)[],
): { readonly [K in T['name']]: readonly TestEntry[] } {
  if (typeof (table as Partial<T> | null)?.name !== 'string') throw argumentError('rowsOf()', 'table', 'a table declared with table(…)', table);
  if (!Array.isArray(rows)) throw argumentError('rowsOf()', 'rows', 'a list of fixture rows', rows);
  return { [table.name]: rows as readonly TestEntry[] } as { readonly [K in T['name']]: readonly TestEntry[] };
}

function isChangeEntry(e: TestEntry): e is { readonly kind: RowKind; readonly row: TestRow } {
  return typeof e === 'object' && e !== null && !Array.isArray(e) && 'kind' in e && 'row' in e && typeof (e as { kind: unknown }).kind === 'string' && ['+I', '-U', '+U', '-D'].includes((e as { kind: string }).kind);
}

/**
 * A job with its fixture rows ready for either engine: each table's entries are converted to runtime values as
 * they are read (a bad value is reported, naming its entry and column, when the job reaches it), so a large
 * fixture is not held a second time as runtime rows.
 */
interface PreparedJob {
  readonly script: Script;
  readonly local: LocalJob;
  readonly inputs: Map<string, Entries>;
}

/** Every entry converted (for the Flink engine, which sends the whole input at once). */
function materialize(inputs: ReadonlyMap<string, Entries>): Map<string, InputEntry[]> {
  return new Map([...inputs].map(([t, l]) => {
    const read = entryReader(l);
    const all: InputEntry[] = [];
    for (let e = read(); e !== undefined; e = read()) all.push(e);
    return [t, all];
  }));
}

function prepare(job: JobSource, options: RunOptions): PreparedJob {
  checkArgument('runJob()', 'job', JOB_SOURCE, job);
  checkArgument('runJob()', 'options', RUN_OPTIONS, options);
  const script = toScript(job);
  let zone = 'UTC';
  const tableFunctions = options.functions === undefined ? undefined : runtimeTableFunctions(options.functions, () => zone);
  const local = new LocalJob(script, { ...(tableFunctions === undefined ? {} : { tableFunctions }), ...(options.config ? { config: options.config } : {}), ...(options.now ? { now: checkedClock(options.now) } : {}), ...(options.capabilities ? { capabilities: options.capabilities } : {}), keepChangelog: options.keepChangelog ?? true });
  zone = local.session.zone;
  const inputs = new Map<string, Entries>();
  for (const [table, entries] of Object.entries(options.inputs)) {
    const cols = local.inputColumns(table);
    const keyPositions = local.primaryKeyColumns(table).map((k) => cols.findIndex((c) => c.name.toLowerCase() === k.toLowerCase())).filter((i) => i >= 0);
    const fast = cols.map((c) => fastConverter(c.type));
    const names = cols.map((c) => c.name);
    const convert = (v: unknown, i: number, at: number): unknown => {
      const x = (fast[i] as FastConverter)(v);
      return x === undefined ? toRuntimeValue(v, (cols[i] as { type: DataType }).type, zone, { table, row: at, column: names[i] as string }) : x;
    };
    const convertRow = (r: TestRow, at: number): unknown[] => {
      const row = convertValues(r, at);
      for (const i of keyPositions) {
        if (row[i] === null) {
          const name = names[i] as string;
          throw badInput({ kind: 'nullKey', at: { table, row: at, column: name }, missing: !Array.isArray(r) && !Object.hasOwn(r, name) });
        }
      }
      return row;
    };
    const convertValues = (r: TestRow, at: number): unknown[] => {
      if (r === null || typeof r !== 'object') throw badInput({ kind: 'notARow', at: { table, row: at }, value: r });
      if (Array.isArray(r)) {
        const n = cols.length;
        if (r.length !== n) throw badInput({ kind: 'arity', at: { table, row: at }, columns: names, got: r.length });
        // values the runtime holds as they are: the test's own array is the row (rows are never changed); a copy
        // is made only once a value converts to something else
        let copy: unknown[] | undefined;
        for (let i = 0; i < n; i++) {
          const v: unknown = r[i];
          let x = (fast[i] as FastConverter)(v);
          if (x === undefined) x = convert(v, i, at);
          // (a -0 converts to 0, which === does not tell apart)
          if (copy === undefined && (x !== v || (x === 0 && Object.is(v, -0)))) copy = (r as unknown[]).slice();
          if (copy !== undefined) copy[i] = x;
        }
        return copy ?? (r as unknown[]);
      }
      const row = new Array<unknown>(cols.length);
      const o = r as Record<string, unknown>;
      let known = 0;
      for (let i = 0; i < row.length; i++) {
        const name = names[i] as string;
        const v = o[name];
        if (v !== undefined || Object.hasOwn(o, name)) known++;
        row[i] = convert(v, i, at);
      }
      let keys = 0;
      for (const _ in o) keys++;
      // a key that is not a column: named in the error, never silently dropped
      if (keys !== known) {
        for (const k of Object.keys(o)) {
          if (!cols.some((c) => c.name === k)) throw badInput({ kind: 'unknownColumn', at: { table, row: at }, column: k, columns: names });
        }
      }
      return row;
    };
    const convertEntry = (e: TestEntry, i: number): InputEntry => {
      if (Array.isArray(e)) return convertRow(e as TestRow, i);
      if (isChangeEntry(e)) return { kind: e.kind, row: convertRow(e.row, i) };
      if (typeof e === 'object' && e !== null && 'watermark' in e && Object.keys(e).length === 1) {
        const w = (e as { watermark: string | Date | number }).watermark;
        const ms = typeof w === 'number' ? w : w instanceof Date ? w.getTime() : parseTimestamp(w)?.millis;
        if (ms === undefined) throw badInput({ kind: 'badTime', at: { table, row: i }, entry: 'watermark', value: w });
        return { watermark: ms };
      }
      if (typeof e === 'object' && e !== null && 'processingTime' in e && Object.keys(e).length === 1) {
        const t = (e as ProcessingTimeEntry).processingTime;
        const at = typeof t === 'number' ? t : t instanceof Date ? t.getTime() : (toRuntimeValue(t, T.timestampLtz(3, false), zone, { table, row: i, column: 'processingTime' }) as Timestamp).millis;
        if (!Number.isFinite(at)) throw badInput({ kind: 'badTime', at: { table, row: i }, entry: 'processing time', value: t });
        return { processingTime: at };
      }
      return convertRow(e as TestRow, i);
    };
    // the common entry, an array row of plain values with its keys set, is the runtime's row as it is
    const asIs = usableAsIs(cols.map((c) => c.type));
    const keysSet = (r: readonly unknown[]): boolean => {
      for (let k = 0; k < keyPositions.length; k++) if (r[keyPositions[k] as number] === null) return false;
      return true;
    };
    const entry = (e: TestEntry, i: number): InputEntry => (Array.isArray(e) && asIs(e) && keysSet(e) ? e : convertEntry(e, i));
    if (isColumnarInput(entries)) {
      inputs.set(table, columnarEntries(entries, table, cols, keyPositions, zone, fast, convert));
      continue;
    }
    if (Array.isArray(entries)) {
      const list = entries as readonly TestEntry[];
      const run = asIsRun(cols.map((c) => c.type), keyPositions);
      const convertRun = convertedRun(fast, keyPositions);
      inputs.set(table, {
        length: list.length,
        at: (i) => entry(list[i] as TestEntry, i),
        insertRun: (start, max) => {
          const end = run(list, start, Math.min(list.length, start + max));
          return end === start ? NO_ROWS : (list.slice(start, end) as unknown as readonly unknown[][]);
        },
        convertedRun: (start, max) => {
          const out: unknown[][] = [];
          convertRun(list, start, Math.min(list.length, start + max), out);
          return out;
        },
      });
    } else inputs.set(table, converted(entries, entry));
  }
  return { script, local, inputs };
}

const NO_ROWS: readonly unknown[][] = [];

/**
 * A columnar fixture's entries: its columns in the table's input order, each checked and converted once (kept by
 * the fixture for the next job), read by position as rows or handed on whole as columns.
 */
function columnarEntries(
  input: ColumnarInput, table: string, cols: readonly { readonly name: string; readonly type: DataType }[], keyPositions: readonly number[], zone: string,
  fast: readonly FastConverter[], convert: (v: unknown, i: number, at: number) => unknown,
): Entries {
  const names = cols.map((c) => c.name);
  for (const name of input.names) {
    if (!names.includes(name)) throw badInput({ kind: 'unknownColumn', at: { table }, column: name, columns: names });
  }
  const columns = cols.map((c, i) => {
    const notNull = keyPositions.includes(i)
      ? (at: number): never => {
        throw badInput({ kind: 'nullKey', at: { table, row: at, column: c.name }, missing: false });
      }
      : undefined;
    return input.runtimeColumn(c.name, c.type, zone, notNull, { fast: fast[i] as FastConverter, convert: (v, at) => convert(v, i, at) });
  });
  const width = columns.length;
  return {
    length: input.length,
    at: (i) => {
      if (i < 0 || i >= input.length) return undefined;
      const row = new Array<unknown>(width);
      for (let c = 0; c < width; c++) row[c] = (columns[c] as ArrayLike<unknown>)[i];
      return row;
    },
    insertColumns: () => columns,
  };
}

/** An iterable input's entries, each converted as the job reads it (`at`: its position, for messages). */
function converted(entries: Iterable<TestEntry>, convert: (e: TestEntry, at: number) => InputEntry): Iterable<InputEntry> {
  return {
    [Symbol.iterator]: () => {
      const it = entries[Symbol.iterator]();
      let at = 0;
      return {
        next: (): IteratorResult<InputEntry> => {
          const r = it.next();
          return r.done === true ? { done: true, value: undefined } : { done: false, value: convert(r.value, at++) };
        },
      };
    },
  };
}

function jobRun(sinks: Map<string, SinkOutput>, warnings: readonly Diagnostic[]): JobRun {
  const pick = (name?: string): SinkOutput => {
    if (name === undefined) {
      if (sinks.size !== 1) throw badInput({ kind: 'sink', problem: 'name one', sinks: [...sinks.keys()] });
      return [...sinks.values()][0] as SinkOutput;
    }
    const s = sinks.get(name);
    if (!s) throw badInput({ kind: 'sink', problem: 'no such sink', sink: name, sinks: [...sinks.keys()] });
    return s;
  };
  return {
    sinks,
    warnings,
    sink: pick,
    changelog: (n) => pick(n).changelog,
    table: (n) => pick(n).table,
    rows: (n) => pick(n).rows,
  };
}

function runLocal(p: PreparedJob, options: RunOptions): JobRun {
  const zone = p.local.session.zone;
  const result = p.local.run(new Map([...p.inputs].map(([t, e]) => [t, [e]])));
  const sinks = new Map<string, SinkOutput>();
  for (const [name, s] of result.sinks) sinks.set(name, toOutput(s, zone, options.keepChangelog ?? true));
  return jobRun(sinks, result.warnings);
}

function flinkOutputs(results: Map<string, FlinkSinkResult>, zone: string): Map<string, SinkOutput> {
  const sinks = new Map<string, SinkOutput>();
  for (const [name, s] of results) sinks.set(name, new FlinkSinkOutput(s, zone));
  return sinks;
}

/**
 * Run a job (a script with CREATE TABLE + INSERT INTO / statement set / SELECT) on named inputs, on the local
 * runtime or (`engine: 'flink'`, or `FLINKTS_ENGINE=flink`) on real Flink 1.20.1. Synchronous on both engines;
 * `runJobAsync` is the non-blocking form.
 */
export function runJob(job: JobSource, options: RunOptions): JobRun {
  const p = prepare(job, options);
  if ((options.engine ?? defaultEngine()) === 'local') return runLocal(p, options);
  const zone = p.local.session.zone;
  return jobRun(flinkOutputs(runOnFlinkSync(flinkRequest(p.script, p.local, materialize(p.inputs), options.config ?? {}, options.now ?? (() => 0))), zone), []);
}

/** `runJob` that does not block the event loop while Flink runs the job (the local engine runs inline). */
export async function runJobAsync(job: JobSource, options: RunOptions): Promise<JobRun> {
  const p = prepare(job, options);
  if ((options.engine ?? defaultEngine()) === 'local') return runLocal(p, options);
  const zone = p.local.session.zone;
  return jobRun(flinkOutputs(await runOnFlink(flinkRequest(p.script, p.local, materialize(p.inputs), options.config ?? {}, options.now ?? (() => 0))), zone), []);
}

/** A sink's output from real Flink: its printed changelog and final table are Flink's own. */
class FlinkSinkOutput implements SinkOutput {
  private plainRows?: readonly Readonly<Record<string, unknown>>[];
  constructor(private readonly result: FlinkSinkResult, private readonly zone: string) {}
  get name(): string { return this.result.name; }
  get columns(): SinkOutput['columns'] { return this.result.columns; }
  get changes(): readonly Change[] { return this.result.changes; }
  get changelog(): readonly string[] { return this.result.changelog; }
  get table(): readonly string[] { return this.result.tableText; }
  get rows(): readonly Readonly<Record<string, unknown>>[] {
    const cols = this.result.columns;
    this.plainRows ??= this.result.table.map((r) => Object.fromEntries(cols.map((c, i) => [c.name, toPlainValue(r[i], c.type, this.zone)])));
    return this.plainRows;
  }
}

/** A sink's output; the printed forms are computed on first use. */
class LazySinkOutput implements SinkOutput {
  private bigintChanges?: readonly Change[];
  private printedChangelog?: readonly string[];
  private printedTable?: readonly string[];
  private plainRows?: readonly Readonly<Record<string, unknown>>[];
  constructor(
    private readonly result: SinkResult,
    private readonly zone: string,
    private readonly changelogKept: boolean,
  ) {}
  get name(): string { return this.result.name; }
  get columns(): SinkResult['columns'] { return this.result.columns; }
  get changes(): readonly Change[] {
    this.requireChangelog();
    if (this.bigintChanges === undefined) {
      // the runtime may hold a BIGINT as a number; the raw changes give every BIGINT as a bigint
      const at = this.result.columns.flatMap((c, i) => (c.type.kind === 'BIGINT' ? [i] : []));
      this.bigintChanges = at.length === 0 ? this.result.changelog : this.result.changelog.map((c) => {
        const row = bigintForm(c.row, at);
        return row === c.row ? c : { kind: c.kind, row };
      });
    }
    return this.bigintChanges;
  }
  get changelog(): readonly string[] {
    this.requireChangelog();
    this.printedChangelog ??= this.result.changelog.map((c) => formatChange(c, this.result.columns));
    return this.printedChangelog;
  }
  get table(): readonly string[] {
    this.printedTable ??= this.result.table.map((r) => formatRowFields(r, this.result.columns));
    return this.printedTable;
  }
  get rows(): readonly Readonly<Record<string, unknown>>[] {
    this.plainRows ??= plainRowsOf(this.result, this.zone);
    return this.plainRows;
  }
  private requireChangelog(): void {
    if (!this.changelogKept) throw badInput({ kind: 'sink', problem: 'changelog not kept', sink: this.result.name, sinks: [this.result.name] });
  }
}

/**
 * A sink's table as plain row objects, never first made whole as arrays: a run of rows at a time as columns where
 * the sink keeps them so, else a row at a time; each through one builder compiled per sink.
 */
function plainRowsOf(result: SinkResult, zone: string): Readonly<Record<string, unknown>>[] {
  const cols = result.columns;
  // made at its final length (no copies of a growing array)
  const out = new Array<Record<string, unknown>>(result.rowCount ?? 0);
  let n = 0;
  const runs = result.forEachRun;
  if (runs !== undefined) {
    const toPlainRun = plainRunBuilder(cols, zone);
    const read = runs((columns, count) => {
      toPlainRun(columns, count, out, n);
      n += count;
    });
    if (read) {
      out.length = n;
      return out;
    }
  }
  // (a column repeating one value object shares its printed form)
  const toPlain = plainRowBuilder(cols, zone);
  const each = result.forEachRow;
  if (each === undefined) return result.table.map((r) => toPlain(r));
  each((r) => {
    out[n++] = toPlain(r);
  });
  out.length = n;
  return out;
}

function toOutput(s: SinkResult, zone: string, changelogKept: boolean): SinkOutput {
  return new LazySinkOutput(s, zone, changelogKept);
}

/** Run one query (SQL text or a Query-statement script) over inputs; the result sink is named `result`. */
export function runQuery(ddlAndQuery: JobSource, options: RunOptions): SinkOutput {
  return runJob(ddlAndQuery, options).sink('result');
}

const EVALUATE_INPUT = z.record(z.string(), z.object({ type: z.union([z.string(), z.object({ kind: z.string() }).loose()]), value: z.unknown() }));

/** Evaluate one scalar expression (SQL text or AST) against named input values. */
export function evaluate(
  expr: Expression | string,
  input: Readonly<Record<string, { readonly type: DataType | string; readonly value: unknown }>> = {},
  config: Readonly<Record<string, string>> = {},
): EvaluationResult {
  if (typeof expr !== 'string' && !EXPRESSION_KINDS.has((expr as { kind?: unknown } | null)?.kind as string)) throw argumentError('evaluate()', 'expr', 'SQL expression text or an expression node', expr);
  checkArgument('evaluate()', 'input', EVALUATE_INPUT, input);
  checkArgument('evaluate()', 'config', z.record(z.string(), z.string()), config);
  const session = createSession({ config });
  const e = typeof expr === 'string' ? sqlExpression(expr) : expr;
  const entries = Object.entries(input).map(([name, v]) => [name, typeof v.type === 'string' ? parseTypeText(v.type) : v.type, v.value] as const);
  return evaluateExpression(e, {
    columns: entries.map(([name, type]) => ({ name, type })),
    row: entries.map(([name, type, value]) => toRuntimeValue(value, type, session.zone, { column: name })),
  }, session);
}

/** Printed rows, and the options of a comparison of them. */
const LINES = z.array(z.string());
const MATCH_OPTIONS = z.strictObject({ ordered: z.boolean().optional() });

/**
 * Compare changelogs (or tables) with a readable message; `ordered: false` compares as a multiset.
 * Throws an Error whose message lists missing and unexpected rows.
 */
export function assertChangelog(actual: readonly string[], expected: readonly string[], opts: { readonly ordered?: boolean } = {}): void {
  checkArgument('assertChangelog()', 'actual', LINES, actual);
  checkArgument('assertChangelog()', 'expected', LINES, expected);
  checkArgument('assertChangelog()', 'options', MATCH_OPTIONS, opts);
  const ordered = opts.ordered ?? true;
  const a = ordered ? [...actual] : [...actual].sort();
  const e = ordered ? [...expected] : [...expected].sort();
  if (a.length === e.length && a.every((x, i) => x === e[i])) return;
  const missing = e.filter((x) => !a.includes(x));
  const unexpected = a.filter((x) => !e.includes(x));
  const lines = [
    `changelog differs${ordered ? ' (ordered)' : ''}:`,
    ...missing.map((x) => `  - missing:    ${x}`),
    ...unexpected.map((x) => `  + unexpected: ${x}`),
    ...(missing.length === 0 && unexpected.length === 0 ? ['  same rows, different order or multiplicity', `  expected: ${e.join(' ; ')}`, `  actual:   ${a.join(' ; ')}`] : []),
  ];
  throw new Error(lines.join('\n'));
}

/** A sink output or its printed changelog. */
export type ChangelogLike = SinkOutput | readonly string[];

/** A matcher's `expected` and options, checked like `assertChangelog`'s. */
function matchArguments(call: string, expected: unknown, opts: unknown): { readonly expected: readonly string[]; readonly ordered: boolean | undefined } {
  return { expected: checkArgument(call, 'expected', LINES, expected), ordered: checkArgument(call, 'options', MATCH_OPTIONS, opts).ordered };
}

/** The printed lines of a sink output's `part` (`changelog` / `table`), or of a list given as is. */
function linesOf(call: string, received: unknown, part: 'changelog' | 'table', listToo: boolean): readonly string[] {
  if (listToo && Array.isArray(received)) return checkArgument(call, 'received', LINES, received);
  const lines = checkObject<Record<string, unknown>>(call, 'received', received, listToo ? 'a sink output (run.sink(…)) or a list of printed rows' : 'a sink output (run.sink(…))')[part];
  return checkArgument(call, `received.${part}`, LINES, lines);
}

function matchResult(actual: readonly string[], expected: readonly string[], ordered: boolean, what: string) {
  const a = ordered ? [...actual] : [...actual].sort();
  const e = ordered ? [...expected] : [...expected].sort();
  const pass = a.length === e.length && a.every((x, i) => x === e[i]);
  return {
    pass,
    message: () => (pass ? `expected ${what} not to be ${JSON.stringify(e)}` : `${what} differs${ordered ? '' : ' (compared as a multiset)'}`),
    actual: a,
    expected: e,
  };
}

/**
 * Matchers for `expect.extend(flinktsMatchers)` (vitest or jest): the failure shows a line-by-line diff of the
 * changelog as Flink prints it.
 *
 * ```ts
 * expect.extend(flinktsMatchers);
 * expect(run.sink('out')).toHaveChangelog(['+I[1, a]', '-U[1, a]', '+U[1, b]']);
 * expect(run.sink('out')).toHaveFinalTable(['1, b'], { ordered: false });
 * ```
 */
export const flinktsMatchers = {
  toHaveChangelog(received: ChangelogLike, expected: readonly string[], opts: { readonly ordered?: boolean } = {}) {
    const call = 'expect(…).toHaveChangelog()';
    const { expected: lines, ordered } = matchArguments(call, expected, opts);
    return matchResult(linesOf(call, received, 'changelog', true), lines, ordered ?? true, 'changelog');
  },
  toHaveFinalTable(received: SinkOutput, expected: readonly string[], opts: { readonly ordered?: boolean } = {}) {
    const call = 'expect(…).toHaveFinalTable()';
    const { expected: lines, ordered } = matchArguments(call, expected, opts);
    return matchResult(linesOf(call, received, 'table', false), lines, ordered ?? false, 'final table');
  },
};

export type { Change, RowKind };
