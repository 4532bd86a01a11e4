/**
 * The planner's shared parts: the relation each plan node compiles to (`Rel`: its columns, the operator producing it
 * and what the planner knows about it), the tables it reads, and the rules the node compilers share. The queries
 * themselves are compiled from the bound plan (plan-bound.ts and one plan-bound-<node>.ts per node family): the
 * runtime resolves no name and recognises no pattern of its own.
 */
import type { RuntimeTableFunctions } from './table-functions.js';
import type { Expression } from '../ast/expression.js';
import type { Span } from '../ast/node.js';
import type { DataType } from '../types/data-type.js';
import type { ChangelogMode } from './changelog.js';
import type { PlanNode } from '../plan/node.js';
import { changelogOf } from '../plan/properties/changelog.js';
import type { SourceModes } from '../plan/properties/changelog.js';
import type { Compiled, Session } from './compiled.js';
import { ExpressionCompiler } from './compile-expression.js';
import { unsupported } from './errors.js';
import type { AggregateSpec } from './operators/aggregates.js';
import { ChangelogNormalizeOperator } from './operators/changelog-normalize.js';
import type { Operator } from './operators/operator.js';
import { WindowAssignOperator } from './operators/window-aggregate.js';
import type { WindowSpec } from './operators/window-aggregate.js';
import type { Monotonicity } from './plan-rank-strategy.js';
import { ValuesOperator } from './operators/values.js';
import { T } from './types.js';

/** A column of a planned relation. */
export interface RelColumn {
  readonly name: string;
  readonly table?: string;
  readonly type: DataType;
}

/** A planned relation: its columns, the operator producing it and what the planner knows about it. */
export interface Rel {
  readonly columns: readonly RelColumn[];
  readonly op: Operator;
  readonly mode: ChangelogMode;
  /** Column positions that are event-time attributes. */
  readonly rowtime: ReadonlySet<number>;
  /** Column positions that are processing-time attributes. */
  readonly proctime: ReadonlySet<number>;
  /** Set when the rows come from a group aggregation keyed by these positions. */
  readonly aggregateKey?: readonly number[];
  /** With `aggregateKey`: how each column's value moves under updates (plan-rank-strategy.ts). */
  readonly monotonicity?: readonly Monotonicity[];
  /** Positions that identify a row (a source's PRIMARY KEY), as the planner's column-uniqueness metadata knows. */
  readonly uniqueKey?: readonly number[];
  /**
   * A filter on columns other than the upsert key sits on this updating stream: Flink's changelog inference then
   * makes the producer emit UPDATE_BEFORE (FLINK-19579), and an upsert sink receives the -U of a row whose update
   * the filter drops, deleting the key instead of keeping a stale row.
   */
  readonly filteredUpdates?: boolean;
  /** Set for a window TVF: the window and its time column (positions of window_start / window_end). */
  readonly window?: {
    readonly spec: WindowSpec; readonly timeIndex: number; readonly start: number; readonly end: number; readonly input: Rel; readonly time?: number;
    /** A SESSION window whose rows do not carry the window columns yet (its aggregation assigns the sessions). */
    readonly sessionRows?: true;
  };
}

/**
 * The window of `rel` on a projection of it (`direct[i]`: the input column output column i passes through), when
 * window_start and window_end pass through: Flink propagates window properties, so grouping the projection by them
 * is still a window aggregation (insert-only, fired by the watermark). The windows arrive assigned (their bounds
 * are columns), so the time column is window_end; SESSION rows its aggregation assigns (`sessionRows`) keep their
 * time column, which must pass too.
 */
export function windowThrough(rel: PlannedRel, direct: readonly (number | undefined)[]): Pick<Rel, 'window'> {
  const w = rel.window;
  if (!w) return {};
  const start = direct.indexOf(w.start);
  const end = direct.indexOf(w.end);
  const time = w.time === undefined ? -1 : direct.indexOf(w.time);
  if (start < 0 || end < 0) return {};
  const at = { start, end, input: w.input, ...(time >= 0 ? { time } : {}) };
  if (w.sessionRows) {
    const timeIndex = direct.indexOf(w.timeIndex);
    return timeIndex < 0 ? {} : { window: { spec: w.spec, timeIndex, ...at, sessionRows: true } };
  }
  return { window: { spec: w.spec, timeIndex: end, ...at } };
}

/** A table the planner can read: its schema and how rows enter it. */
export interface PlannerTable {
  readonly name: string;
  readonly columns: readonly RelColumn[];
  /** The operator producing the table's rows (the source, or ChangelogNormalize after an upsert source). */
  readonly source: Operator;
  readonly rowtime?: number;
  readonly proctime: readonly number[];
  readonly primaryKey?: readonly number[];
}

/**
 * What a node compiler returns: the relation without its changelog mode, which `planBound` sets from the plan
 * (plan/properties/changelog.ts), the one place modes are decided — no compiler or operator decides one.
 */
export type PlannedRel = Omit<Rel, 'mode'>;

/**
 * Columns to compile expressions over (a join condition over both inputs, a VALUES row, MATCH_RECOGNIZE slots): a
 * scope, not a relation of the plan — nothing reads its mode or time attributes.
 */
export function expressionScope(columns: readonly RelColumn[], op: Operator = undefined as never): Rel {
  return { columns, op, mode: 'insert-only', rowtime: new Set(), proctime: new Set() };
}

/** Tables by their catalog path, as the binder resolved them. */
export interface PlannerCatalog {
  table(path: readonly string[], span?: Span): PlannerTable;
  /** The table is read by a lookup join: its rows are loaded before any probe row arrives. */
  markLookup(path: readonly string[]): void;
  /** What each table's source emits (from its connector's capabilities), for the plan's changelog modes. */
  readonly sourceModes: SourceModes;
}

/**
 * Whether a filter reading the columns `refs` of this relation makes Flink require UPDATE_BEFORE from its input
 * (see Rel.filteredUpdates).
 */
export function filterNeedsUpdateBefore(rel: Rel, refs: readonly number[]): boolean {
  if (rel.mode !== 'updating') return false;
  // an upsert source's filter runs inside its ChangelogNormalize, which emits no -U for it
  if (rel.op instanceof ChangelogNormalizeOperator) return false;
  const key = new Set([...(rel.uniqueKey ?? []), ...(rel.aggregateKey ?? [])]);
  return refs.length === 0 || refs.some((i) => !key.has(i));
}

export class Planner {
  /** The VALUES sources of the planned queries: the job starts and ends them. */
  readonly valuesSources: ValuesOperator[] = [];

  constructor(
    private readonly catalog: PlannerCatalog,
    /** @internal */
    readonly session: Session,
    /** @internal User table functions with JS implementations (table-functions.ts), by upper-cased name. */
    readonly tableFunctions: RuntimeTableFunctions = new Map(),
  ) {}

  /** @internal The relation of a catalog table, as the planner's catalog reads it. */
  table(path: readonly string[], span?: Span): PlannerTable {
    return this.catalog.table(path, span);
  }

  /** The sources' changelogs as the plan's changelog inference reads them. */
  private get sourceModes(): SourceModes {
    return this.catalog.sourceModes;
  }

  /**
   * @internal The changelog mode of a plan node's output: the plan's derived property (plan/properties/changelog.ts),
   * the one place modes are decided; the runtime derives none of its own.
   */
  modeOf(node: PlanNode): ChangelogMode {
    return changelogOf(node, this.sourceModes).kind === 'insert-only' ? 'insert-only' : 'updating';
  }

  /** @internal The table is read by a lookup join (its rows are loaded before any probe row arrives). */
  markLookup(path: readonly string[]): void {
    this.catalog.markLookup(path);
  }

  /** @internal A compiler whose column reads and types come from the bound plan (plan-bound.ts): it resolves no name. */
  boundCompiler(substitute: (e: Expression) => Compiled | undefined, typeOf: (e: Expression) => DataType | undefined): ExpressionCompiler {
    return new ExpressionCompiler({ columns: [], substitute, typeOf }, this.session);
  }

  /** @internal A compiler of literals and of conversions between values of known types (no column, no name). */
  values(): ExpressionCompiler {
    return this.boundCompiler(() => undefined, () => undefined);
  }

  /** @internal A relation with window_start / window_end / window_time of `spec` over the rowtime `timeIndex`. */
  windowedRel(input: Rel, spec: WindowSpec, timeIndex: number, alias: string | undefined, span?: Span): Rel {
    const timeType = (input.columns[timeIndex] as RelColumn).type;
    const desc = { span };
    if (timeType.kind === 'TIMESTAMP_LTZ' && this.session.zone !== 'UTC') {
      // Flink aligns such windows to the session zone's wall clock; the local runtime aligns them in UTC only.
      throw unsupported(`window TVFs on a TIMESTAMP_LTZ time attribute with session time zone '${this.session.zone}' (use UTC in the test)`, desc.span);
    }
    // window_start / window_end are wall-clock TIMESTAMP(3); window_time keeps the time attribute's kind.
    const wse: DataType = T.timestamp(3, false);
    const wt: DataType = timeType.kind === 'TIMESTAMP_LTZ' ? T.timestampLtz(3, false) : T.timestamp(3, false);
    const n = input.columns.length;
    const columns = [
      ...input.columns.map((col) => ({ ...col, ...(alias ? { table: alias } : {}) })),
      { name: 'window_start', type: wse, ...(alias ? { table: alias } : {}) },
      { name: 'window_end', type: wse, ...(alias ? { table: alias } : {}) },
      { name: 'window_time', type: wt, ...(alias ? { table: alias } : {}) },
    ];
    const window = { spec, timeIndex, start: n, end: n + 1, input, time: n + 2 };
    if (spec.kind === 'SESSION') {
      // the aggregation over it assigns the sessions: its rows carry no window columns
      return { columns, op: input.op, mode: input.mode, rowtime: new Set([n + 2]), proctime: new Set(), window: { ...window, sessionRows: true } };
    }
    const assign = new WindowAssignOperator(spec, timeIndex);
    input.op.connectTo(assign);
    return { columns, op: assign, mode: input.mode, rowtime: new Set([n + 2]), proctime: new Set(), window };
  }

}
