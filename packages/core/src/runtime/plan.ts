/**
 * The planner: turns a Query AST into a graph of streaming operators, recognising Flink's patterns
 * (window TVF aggregation, ROW_NUMBER deduplication and TopN, IN/NOT IN semi/anti joins). Whatever it does
 * not implement exactly raises FTS7001 with the node's span.
 */
import { AGGREGATE_FUNCTIONS, TABLE_FUNCTIONS } from '../functions/registry.js';
import type { Expression, FunctionCall } from '../ast/expression.js';
import type { GroupingElement, Query, Relation, Select, SelectItem } from '../ast/query.js';
import type { Span } from '../ast/node.js';
import type { DataType } from '../types/data-type.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { ChangelogMode } from './changelog.js';
import type { Compiled, Evaluator, Session } from './compiled.js';
import { ExpressionCompiler } from './compile-expression.js';
import type { ColumnBinding } from './compile-expression.js';
import { invalid, unknownName, unsupported } from './errors.js';
import { AGGREGATE_NAMES, AggregateSet, aggregateResultType } from './operators/aggregates.js';
import type { CollectionAggregateName } from './operators/collection-aggregates.js';
import { COLLECTION_AGGREGATES, collectionAggregateSpec } from './plan-collection-aggregates.js';
import { aggregateMonotonicity, monotonicityThrough } from './plan-rank-strategy.js';
import type { Monotonicity } from './plan-rank-strategy.js';
import type { AggregateName, AggregateSpec } from './operators/aggregates.js';
import { CalcOperator } from './operators/calc.js';
import { ChangelogNormalizeOperator } from './operators/changelog-normalize.js';
import { GroupAggregateOperator } from './operators/group-aggregate.js';
import { JoinOperator, SemiAntiJoinOperator } from './operators/join.js';
import { IntervalJoinOperator } from './operators/interval-join.js';
import { equiJoinKeys } from './plan-join-keys.js';
import { LookupJoinOperator } from './operators/lookup-join.js';
import { TemporalJoinOperator } from './operators/temporal-join.js';
import type { Operator } from './operators/operator.js';
import { SourceOperator } from './operators/source.js';
import { UnionOperator } from './operators/union.js';
import { WindowAggregateOperator, WindowAssignOperator } from './operators/window-aggregate.js';
import { windowAggregateOverChangelog } from './plan-window-changelog.js';
import { planRankPattern } from './plan-rank.js';
import { collectOverCalls, planOver } from './plan-over.js';
import { planUnnest } from './plan-unnest.js';
import { planSetOperation } from './plan-set-ops.js';
import { planSort } from './plan-sort.js';
import { planExists } from './plan-exists.js';
import { planGroupWindow } from './plan-group-window.js';
import { planScalarSubqueries } from './plan-scalar-subquery.js';
import { reduceVarianceAggregates } from './plan-reduce-aggregates.js';
import { planWindowJoin } from './plan-window-join.js';
import { sessionAggregation, sessionRows, withPartition } from './plan-session-table.js';
import { isProctimeWindow, proctimeWindowAggregate, proctimeWindowedRel } from './plan-proctime-window.js';
import { intervalBounds, isTimeBounded } from './plan-interval.js';
import type { WindowSpec } from './operators/window-aggregate.js';
import { leastRestrictive, T, withNullable } from './types.js';
import { ValuesOperator } from './operators/values.js';
import { ExpandOperator } from './operators/expand.js';

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
    /** A SESSION window TVF whose rows do not carry the window columns yet (see plan-session-table.ts). */
    readonly sessionRows?: true;
    /** A SESSION window TVF's PARTITION BY columns. */
    readonly partition?: readonly number[];
  };
}

/**
 * The window of `rel` on a projection of it (`direct[i]`: the input column output column i passes through), when
 * window_start and window_end pass through: Flink propagates window properties, so grouping the projection by them
 * is still a window aggregation (insert-only, fired by the watermark). The windows arrive assigned (their bounds
 * are columns), so the time column is window_end; SESSION windows, assigned by the aggregation itself, do not pass.
 */
export function windowThrough(rel: Rel, direct: readonly (number | undefined)[]): Pick<Rel, 'window'> {
  const w = rel.window;
  if (!w || w.sessionRows) return {};
  const start = direct.indexOf(w.start);
  const end = direct.indexOf(w.end);
  const time = w.time === undefined ? -1 : direct.indexOf(w.time);
  const partition = w.partition?.map((i) => direct.indexOf(i));
  return start >= 0 && end >= 0 ? { window: { spec: w.spec, timeIndex: end, start, end, input: w.input, ...(time >= 0 ? { time } : {}), ...(partition && !partition.includes(-1) ? { partition } : {}) } } : {};
}

/** A table the planner can read: its schema and how rows enter it. */
export interface PlannerTable {
  readonly name: string;
  readonly columns: readonly RelColumn[];
  /** The operator producing the table's rows (the source, or ChangelogNormalize after an upsert source). */
  readonly source: Operator;
  readonly mode: ChangelogMode;
  readonly rowtime?: number;
  readonly proctime: readonly number[];
  readonly primaryKey?: readonly number[];
}

/** Tables and views by their path as written (`t`, `db.t`, `cat.db.t`), qualified as Flink qualifies it. */
export interface PlannerCatalog {
  table(path: readonly string[], span?: Span): PlannerTable;
  /** The table is read by a lookup join: its rows are loaded before any probe row arrives. */
  markLookup(path: readonly string[]): void;
  view(path: readonly string[]): Query | undefined;
  tableNames(): readonly string[];
}

/**
 * Whether an aggregation groups rows that are already unique (its plain grouping keys are direct columns that
 * cover the input's unique key) with only SUM / MIN / MAX, not DISTINCT, not FILTERed: Flink then removes it.
 */
export function groupsUniqueRows(rel: Rel, keys: readonly Compiled[], specs: readonly AggregateSpec[], groupingSets: boolean): boolean {
  if (groupingSets || rel.uniqueKey === undefined || keys.length === 0 || specs.length === 0) return false;
  const direct = new Set(keys.map((k) => k.column).filter((c): c is number => c !== undefined));
  if (!rel.uniqueKey.every((u) => direct.has(u))) return false;
  return specs.every((sp) => ['SUM', 'MIN', 'MAX'].includes(sp.name) && !sp.distinct && sp.filter === undefined && sp.arg !== undefined);
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

/** The same for a filter still read from the AST (resolved by name here). */
function astFilterNeedsUpdateBefore(rel: Rel, filter: Expression): boolean {
  if (rel.mode !== 'updating') return false;
  const refs: number[] = [];
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) { v.forEach(walk); return; }
    const e = v as Expression;
    if (e.kind === 'ColumnRef') {
      refs.push(rel.columns.findIndex((c) => c.name.toLowerCase() === e.name.toLowerCase() && (!e.table || c.table === e.table)));
      return;
    }
    for (const x of Object.values(v)) walk(x);
  };
  walk(filter);
  return filterNeedsUpdateBefore(rel, refs);
}

export const norm = (e: Expression): string => JSON.stringify(e, (k, v: unknown) => (k === 'span' ? undefined : v));

export function conjuncts(e: Expression | undefined): Expression[] {
  if (!e) return [];
  if (e.kind === 'Binary' && e.op === 'AND') return [...conjuncts(e.left), ...conjuncts(e.right)];
  return [e];
}

function and(es: readonly Expression[]): Expression | undefined {
  return es.reduce<Expression | undefined>((acc, e) => (acc ? { kind: 'Binary', op: 'AND', left: acc, right: e } : e), undefined);
}

/**
 * Calcite's order of grouping sets (ImmutableBitSet.COMPARATOR, which the aggregate's sets and Flink's Expand
 * follow): a set before the sets it contains, otherwise by the lowest key position where they differ.
 */
function compareGroupingSets(a: readonly number[], b: readonly number[]): number {
  const x = [...new Set(a)].sort((p, q) => p - q);
  const y = [...new Set(b)].sort((p, q) => p - q);
  if (x.length === y.length && x.every((v, i) => v === y[i])) return 0;
  if (y.every((v) => x.includes(v))) return -1;
  if (x.every((v) => y.includes(v))) return 1;
  for (let i = 0; ; i++) {
    const n0 = x[i] ?? -1;
    const n1 = y[i] ?? -1;
    if (n0 !== n1) return n0 < n1 ? -1 : 1;
    if (n0 < 0) return 0;
  }
}

/** GROUPING(…) / GROUPING_ID(…): which grouping set a row belongs to, computed from the set, not accumulated. */
function isGroupingCall(e: Expression): e is FunctionCall {
  return e.kind === 'FunctionCall' && !e.over && e.name.length === 1 && ['GROUPING', 'GROUPING_ID'].includes((e.name[0] as string).toUpperCase());
}

function isAggregateCall(e: Expression): e is FunctionCall {
  return e.kind === 'FunctionCall' && !e.over && e.name.length === 1 && AGGREGATE_FUNCTIONS.has((e.name[0] as string).toUpperCase());
}

/** Aggregate calls inside an expression (not inside nested queries). */
export function collectAggregates(e: Expression, out: FunctionCall[]): void {
  if (isAggregateCall(e)) {
    out.push(e);
    return;
  }
  for (const v of Object.values(e)) {
    if (Array.isArray(v)) {
      for (const x of v) if (x && typeof x === 'object' && 'kind' in x) collectAggregates(x as Expression, out);
      else if (x && typeof x === 'object') for (const y of Object.values(x as object)) if (y && typeof y === 'object' && 'kind' in (y as object)) collectAggregates(y as Expression, out);
    } else if (v && typeof v === 'object' && 'kind' in v && (v as { kind: string }).kind !== 'Select') collectAggregates(v as Expression, out);
  }
}

export function isRowNumber(e: Expression): e is FunctionCall & { over: NonNullable<FunctionCall['over']> } {
  return e.kind === 'FunctionCall' && !!e.over && e.name.length === 1 && (e.name[0] as string).toUpperCase() === 'ROW_NUMBER';
}

function intervalMillis(e: Expression | undefined, c: ExpressionCompiler, what: string, span?: Span): number {
  if (!e) throw invalid(`Missing ${what}`, span);
  const v = c.compile(e);
  if (v.type.kind !== 'INTERVAL_DAY_TIME' || !v.constant) throw invalid(`The ${what} must be an INTERVAL literal (DAY TO SECOND family)`, e.span);
  return v.constant.value as number;
}

/** Flink's planner cannot serialise a VALUES column of type CHAR(0) (only '' literals). */
const ZERO_LENGTH_CHAR = 'Zero-length character strings have no serializable string representation.';
const isEmptyString = (e: Expression): boolean => e.kind === 'StringLiteral' && e.value === '';

export class Planner {
  /** The VALUES sources of the planned queries: the job starts and ends them. */
  readonly valuesSources: ValuesOperator[] = [];

  constructor(
    private readonly catalog: PlannerCatalog,
    /** @internal */
    readonly session: Session,
  ) {}

  /** @internal The relation of a catalog table, as the planner's catalog reads it. */
  table(path: readonly string[], span?: Span): PlannerTable {
    return this.catalog.table(path, span);
  }

  /** @internal The table is read by a lookup join (its rows are loaded before any probe row arrives). */
  markLookup(path: readonly string[]): void {
    this.catalog.markLookup(path);
  }

  /** @internal A compiler whose column reads and types come from the bound plan (plan-bound.ts): it resolves no name. */
  boundCompiler(substitute: (e: Expression) => Compiled | undefined, typeOf: (e: Expression) => DataType | undefined): ExpressionCompiler {
    return new ExpressionCompiler({ columns: [], substitute, typeOf }, this.session);
  }

  /** @internal */
  compiler(rel: Rel, substitute?: (e: Expression) => Compiled | undefined): ExpressionCompiler {
    const columns: ColumnBinding[] = rel.columns.map((c, index) => ({ ...c, index }));
    return new ExpressionCompiler(substitute ? { columns, substitute } : { columns }, this.session);
  }

  planQuery(q: Query, ctes: ReadonlyMap<string, Query> = new Map()): Rel {
    switch (q.kind) {
      case 'Select':
        return this.planSelect(q, ctes);
      case 'With': {
        const m = new Map(ctes);
        for (const c of q.ctes) {
          if (c.columns) throw unsupported('column lists on WITH items', q.span);
          m.set(c.name, c.query);
        }
        return this.planQuery(q.body, m);
      }
      case 'SetOperation': {
        const { orderBy, limit, offset, ...rest } = q;
        const set = planSetOperation(this, rest, ctes);
        return orderBy || limit || offset ? planSort(this, set, orderBy, limit, offset, q.span) : set;
      }
      case 'Values':
        return this.planValues(q);
    }
  }

  /** `VALUES (…), (…)`: columns EXPR$0… of each column's least restrictive type, rows converted to it. */
  private planValues(q: Extract<Query, { kind: 'Values' }>): Rel {
    const c = this.compiler({ columns: [], op: undefined as never, mode: 'insert-only', rowtime: new Set(), proctime: new Set() });
    const width = q.rows[0]?.length ?? 0;
    const compiled = q.rows.map((r) => {
      if (r.length !== width) throw invalid('Values must have the same number of columns in every row', q.span);
      return r.map((e) => {
        if (e.kind === 'NullLiteral') throw invalid("Illegal use of 'NULL'", e.span ?? q.span, 'write CAST(NULL AS type)');
        return c.compile(e);
      });
    });
    const columns: RelColumn[] = [];
    for (let i = 0; i < width; i++) {
      const types = compiled.map((r) => (r[i] as Compiled).type);
      const t = leastRestrictive(types);
      if (!t) throw invalid(`Values column ${i + 1} has no common type: ${types.map((x) => x.kind).join(', ')}`, q.span);
      if (q.rows.every((r) => isEmptyString(r[i] as Expression))) throw invalid(ZERO_LENGTH_CHAR, q.span);
      columns.push({ name: `EXPR$${i}`, type: t.kind === 'NULL' ? t : withNullable(t, types.some((x) => x.nullable)) });
    }
    const rows = compiled.map((r) => r.map((v, i) => {
      const col = columns[i] as RelColumn;
      return (col.type.kind === 'NULL' ? v : c.coerce(v, col.type, q.span)).eval([]) ?? null;
    }));
    const op = new ValuesOperator(rows);
    this.valuesSources.push(op);
    return { columns, op, mode: 'insert-only', rowtime: new Set(), proctime: new Set() };
  }

  private planRelation(rel: Relation, ctes: ReadonlyMap<string, Query>): Rel {
    switch (rel.kind) {
      case 'TableRef': {
        if (rel.forSystemTimeAsOf) throw unsupported('FOR SYSTEM_TIME AS OF (temporal and lookup joins)', rel.span);
        const name = rel.path[rel.path.length - 1] as string;
        const alias = rel.alias ?? name;
        const cte = (rel.path.length === 1 ? ctes.get(name) : undefined) ?? this.catalog.view(rel.path);
        if (cte) return this.requalify(this.planQuery(cte, ctes), alias);
        const t = this.catalog.table(rel.path, rel.span);
        return {
          columns: t.columns.map((c) => ({ ...c, table: alias })),
          op: t.source, mode: t.mode,
          rowtime: new Set(t.rowtime === undefined ? [] : [t.rowtime]), proctime: new Set(t.proctime),
          ...(t.primaryKey?.length ? { uniqueKey: t.primaryKey } : {}),
        };
      }
      case 'SubqueryRelation': {
        if (rel.lateral) throw unsupported('LATERAL subqueries', rel.span);
        const r = this.planQuery(rel.query, ctes);
        const renamed = rel.columnAliases ? { ...r, columns: r.columns.map((c, i) => ({ ...c, name: rel.columnAliases?.[i] ?? c.name })) } : r;
        return rel.alias ? this.requalify(renamed, rel.alias) : renamed;
      }
      case 'TableFunction':
        return this.planWindowTvf(rel.call, rel.alias, ctes, rel.span);
      case 'Unnest':
        return planUnnest(this, this.planValues({ kind: 'Values', rows: [[]] }), rel, 'INNER', undefined);
      case 'Join':
        return this.planJoin(rel, ctes);
    }
  }

  private requalify(r: Rel, alias: string): Rel {
    return { ...r, columns: r.columns.map((c) => ({ name: c.name, type: c.type, table: alias })) };
  }

  private planWindowTvf(call: FunctionCall, alias: string | undefined, ctes: ReadonlyMap<string, Query>, span?: Span): Rel {
    const fn = (call.name[call.name.length - 1] as string).toUpperCase();
    if (!TABLE_FUNCTIONS.has(fn)) throw unsupported(`table function ${call.name.join('.')}`, span);
    const args = call.args.map((a) => (a.kind === 'NamedArg' ? a.value : a));
    const tableArg = args[0];
    if (!tableArg || tableArg.kind !== 'TableArg') throw invalid(`${fn} needs TABLE t as its first argument`, call.span);
    const input = this.planRelation(tableArg.relation, ctes);
    const desc = args[1];
    if (!desc || desc.kind !== 'Descriptor' || desc.columns.length !== 1) throw invalid(`${fn} needs DESCRIPTOR(time_column)`, call.span);
    const timeName = desc.columns[0] as string;
    const timeIndex = input.columns.findIndex((c) => c.name === timeName);
    if (timeIndex < 0) throw unknownName(`Column '${timeName}' not found`, desc.span, didYouMean(timeName, input.columns.map((c) => c.name)));
    const proctime = input.proctime.has(timeIndex);
    if (!input.rowtime.has(timeIndex) && !proctime) {
      throw invalid(`The window function requires the timecol to be a time attribute, but '${timeName}' is not`, desc.span);
    }
    const c = this.compiler(input);
    const ms = (i: number, what: string) => intervalMillis(args[i], c, what, call.span);
    let spec: WindowSpec;
    switch (fn) {
      case 'TUMBLE': spec = { kind: 'TUMBLE', size: ms(2, 'window size'), offset: args[3] ? ms(3, 'window offset') : 0 }; break;
      case 'HOP': spec = { kind: 'HOP', slide: ms(2, 'window slide'), size: ms(3, 'window size'), offset: args[4] ? ms(4, 'window offset') : 0 }; break;
      case 'CUMULATE': spec = { kind: 'CUMULATE', step: ms(2, 'window step'), size: ms(3, 'max window size'), offset: args[4] ? ms(4, 'window offset') : 0 }; break;
      default: spec = { kind: 'SESSION', gap: ms(2, 'session gap') };
    }
    if (proctime) return withPartition(proctimeWindowedRel(this.session, input, spec, timeIndex, alias, desc.span), tableArg.partitionBy);
    return withPartition(this.windowedRel(input, spec, timeIndex, alias, desc.span), tableArg.partitionBy);
  }

  /** @internal A relation with window_start / window_end / window_time of `spec` over the rowtime `timeIndex`. */
  windowedRel(input: Rel, spec: WindowSpec, timeIndex: number, alias: string | undefined, span?: Span): Rel {
    const timeType = (input.columns[timeIndex] as RelColumn).type;
    const p = (timeType as { precision?: number }).precision ?? 3;
    const desc = { span };
    if (timeType.kind === 'TIMESTAMP_LTZ' && this.session.zone !== 'UTC') {
      // Flink aligns such windows to the session zone's wall clock; the local runtime aligns them in UTC only.
      throw unsupported(`window TVFs on a TIMESTAMP_LTZ time attribute with session time zone '${this.session.zone}' (use UTC in the test)`, desc.span);
    }
    // window_start / window_end are wall-clock TIMESTAMP(3); window_time keeps the time attribute's kind.
    const wse: DataType = T.timestamp(3, false);
    const wt: DataType = timeType.kind === 'TIMESTAMP_LTZ' ? T.timestampLtz(3, false) : T.timestamp(3, false);
    void p;
    const n = input.columns.length;
    const columns = [
      ...input.columns.map((col) => ({ ...col, ...(alias ? { table: alias } : {}) })),
      { name: 'window_start', type: wse, ...(alias ? { table: alias } : {}) },
      { name: 'window_end', type: wse, ...(alias ? { table: alias } : {}) },
      { name: 'window_time', type: wt, ...(alias ? { table: alias } : {}) },
    ];
    const window = { spec, timeIndex, start: n, end: n + 1, input, time: n + 2 };
    if (spec.kind === 'SESSION') {
      // the aggregation over it assigns the sessions; anything else reads them through sessionRows
      return { columns, op: input.op, mode: input.mode, rowtime: new Set([n + 2]), proctime: new Set(), window: { ...window, sessionRows: true } };
    }
    const assign = new WindowAssignOperator(spec, timeIndex);
    input.op.connectTo(assign);
    return { columns, op: assign, mode: input.mode, rowtime: new Set([n + 2]), proctime: new Set(), window };
  }

  private planTemporalJoin(j: Extract<Relation, { kind: 'Join' }>, right: Extract<Relation, { kind: 'TableRef' }>, ctes: ReadonlyMap<string, Query>): Rel {
    if (j.type !== 'INNER' && j.type !== 'LEFT') throw unsupported(`${j.type} temporal / lookup joins (only INNER and LEFT)`, j.span);
    if (!j.on) throw invalid('A temporal / lookup join needs an ON condition', j.span);
    const l = this.planRelation(j.left, ctes);
    const asOf = right.forSystemTimeAsOf as Expression;
    const name = right.path[right.path.length - 1] as string;
    const { forSystemTimeAsOf: _ignored, ...plainRef } = right;
    void _ignored;
    const r = this.planRelation(plainRef, ctes);
    const timeIdx = asOf.kind === 'ColumnRef'
      ? l.columns.findIndex((c) => c.name === asOf.name && (!asOf.table || c.table === asOf.table))
      : -1;
    if (timeIdx < 0) throw unsupported('FOR SYSTEM_TIME AS OF with anything but a time attribute column of the left input', asOf.span);
    const columns = [...l.columns, ...r.columns.map((c) => ({ ...c, type: j.type === 'LEFT' ? withNullable(c.type, true) : c.type }))];
    const combined: Rel = { columns, op: l.op, mode: 'updating', rowtime: new Set(), proctime: new Set() };
    const cc = this.compiler(combined);
    const cond = cc.coerce(cc.compile(j.on), T.boolean(), j.on.span).eval;
    let op: Operator;
    if (l.proctime.has(timeIdx)) {
      this.catalog.markLookup(right.path);
      op = new LookupJoinOperator(j.type === 'LEFT', r.columns.length, cond);
    } else if (l.rowtime.has(timeIdx)) {
      // the versioned side is a table (its PRIMARY KEY and WATERMARK) or a view whose rows have a unique key and a
      // rowtime attribute (e.g. a deduplication on rowtime), as Flink's planner derives them
      const rowtime = [...r.rowtime][0];
      if (rowtime === undefined || !r.uniqueKey?.length) {
        throw invalid(`Event-time temporal join requires table '${name}' to be versioned: a PRIMARY KEY and a WATERMARK`, right.span);
      }
      op = new TemporalJoinOperator(j.type === 'LEFT', r.columns.length, timeIdx, rowtime, r.uniqueKey, cond);
    } else {
      throw invalid(`FOR SYSTEM_TIME AS OF needs a time attribute of the left input; '${asOf.kind === 'ColumnRef' ? asOf.name : 'expression'}' is not one`, asOf.span);
    }
    l.op.connectTo(op, 0);
    r.op.connectTo(op, 1);
    return { columns, op, mode: l.mode, rowtime: l.rowtime, proctime: l.proctime };
  }

  private planJoin(j: Extract<Relation, { kind: 'Join' }>, ctes: ReadonlyMap<string, Query>): Rel {
    if (j.right.kind === 'TableRef' && j.right.forSystemTimeAsOf) return this.planTemporalJoin(j, j.right, ctes);
    if (j.right.kind === 'Unnest') {
      if (j.type !== 'INNER' && j.type !== 'CROSS' && j.type !== 'LEFT') throw unsupported(`${j.type} JOIN UNNEST`, j.span);
      if (j.using) throw invalid('UNNEST joins take ON TRUE, not USING', j.span);
      return planUnnest(this, this.planRelation(j.left, ctes), j.right, j.type === 'LEFT' ? 'LEFT' : 'INNER', j.on);
    }
    if (j.right.kind === 'TableFunction' && j.right.lateral) throw unsupported('LATERAL TABLE (user-defined table functions)', j.right.span);
    const l = sessionRows(this.planRelation(j.left, ctes));
    const r = sessionRows(this.planRelation(j.right, ctes));
    const nullableRight = j.type === 'LEFT' || j.type === 'FULL';
    const nullableLeft = j.type === 'RIGHT' || j.type === 'FULL';
    const columns = [
      ...l.columns.map((c) => ({ ...c, type: nullableLeft ? withNullable(c.type, true) : c.type })),
      ...r.columns.map((c) => ({ ...c, type: nullableRight ? withNullable(c.type, true) : c.type })),
    ];
    const combined: Rel = { columns, op: l.op, mode: 'updating', rowtime: new Set(), proctime: new Set() };
    let cond = j.on;
    if (j.using) {
      cond = and(j.using.map((col): Expression => ({
        kind: 'Binary', op: '=',
        left: { kind: 'ColumnRef', table: l.columns.find((c) => c.name === col)?.table ?? '', name: col },
        right: { kind: 'ColumnRef', table: r.columns.find((c) => c.name === col)?.table ?? '', name: col },
      })));
    }
    const windowJoin = planWindowJoin(this, j.type, cond, l, r, columns, j.span);
    if (windowJoin) return windowJoin;
    const windowCol = (rel: Rel) => rel.columns.some((c) => c.name.toLowerCase() === 'window_start') && rel.columns.some((c) => c.name.toLowerCase() === 'window_end');
    if (cond && j.type !== 'INNER' && j.type !== 'CROSS' && windowCol(l) && windowCol(r) && /"name":"window_(start|end)"/i.test(JSON.stringify(cond))) {
      // Flink runs this as a window join: padded rows are emitted when the window fires, never retracted.
      throw unsupported('outer window joins (joins on window_start / window_end of two window TVFs)', j.span);
    }
    const bounds = cond && l.mode === 'insert-only' && r.mode === 'insert-only' ? intervalBounds(this, cond, l, r) : undefined;
    if (bounds && j.type !== 'CROSS') {
      const cc = this.compiler(combined);
      const ev = cc.coerce(cc.compile(cond as Expression), T.boolean()).eval;
      const op = new IntervalJoinOperator(
        [j.type === 'LEFT' || j.type === 'FULL', j.type === 'RIGHT' || j.type === 'FULL'],
        [l.columns.length, r.columns.length], [bounds.leftTime, bounds.rightTime], bounds.lower, bounds.upper, ev,
      );
      l.op.connectTo(op, 0);
      r.op.connectTo(op, 1);
      const rowtime = new Set([...l.rowtime, ...[...r.rowtime].map((i) => i + l.columns.length)]);
      return { columns, op, mode: 'insert-only', rowtime, proctime: new Set() };
    }
    if (cond && j.type !== 'INNER' && j.type !== 'CROSS' && isTimeBounded(cond, l, r)) {
      // Flink plans an interval join: outer rows are emitted when the interval closes, not retracted later.
      throw unsupported('outer interval joins on processing time or with bounds that are not INTERVAL literals', j.span);
    }
    const condEval = cond ? this.compiler(combined).coerce(this.compiler(combined).compile(cond), T.boolean()).eval : undefined;
    const op = new JoinOperator(j.type === 'CROSS' ? 'INNER' : j.type, l.columns.length, r.columns.length, condEval, equiJoinKeys(this, cond, l, r));
    l.op.connectTo(op, 0);
    r.op.connectTo(op, 1);
    const insertOnly = j.type === 'INNER' || j.type === 'CROSS' ? l.mode === 'insert-only' && r.mode === 'insert-only' : false;
    return { columns, op, mode: insertOnly ? 'insert-only' : 'updating', rowtime: new Set(), proctime: new Set() };
  }





  // -------------------------------------------------------------------------------------------------------
  // SELECT

  /** @internal */
  planSelect(s: Select, ctes: ReadonlyMap<string, Query>): Rel {
    if (s.orderBy?.length || s.limit || s.offset) {
      const { orderBy, limit, offset, ...rest } = s;
      return planSort(this, this.planSelect(rest, ctes), orderBy, limit, offset, s.span);
    }
    if (!s.from) {
      // Flink plans SELECT without FROM over a VALUES source of one empty row (Calcite validates it as VALUES)
      const bare = s.items.find((it) => it.kind === 'SelectExpr' && it.expr.kind === 'NullLiteral');
      if (bare) throw invalid("Illegal use of 'NULL'", bare.span ?? s.span, 'write CAST(NULL AS type)');
      const out = this.planSelect({ ...s, from: { kind: 'SubqueryRelation', query: { kind: 'Values', rows: [[]] } } }, ctes);
      if (s.items.some((it) => it.kind === 'SelectExpr' && isEmptyString(it.expr))) throw invalid(ZERO_LENGTH_CHAR, s.span);
      return out;
    }

    // ROW_NUMBER() patterns: FROM (SELECT …, ROW_NUMBER() OVER (…) AS rn FROM …) WHERE rn <= N
    const ranked = planRankPattern(this, s, ctes);
    let whereParts = ranked ? ranked.remainingWhere : conjuncts(s.where);
    let from = s.from;
    if (!ranked && from.kind === 'Join' && from.type === 'INNER' && from.right.kind !== 'Unnest' && !from.using && whereParts.length > 0) {
      // An inner join's WHERE conjuncts are join conditions (Flink pushes them down; an interval join needs them).
      const pushable = whereParts.filter((w) => !JSON.stringify(w).includes('"query"'));
      whereParts = whereParts.filter((w) => !pushable.includes(w));
      from = { ...from, on: and([...conjuncts(from.on), ...pushable]) as Expression };
    }
    let rel = ranked?.rel ?? this.planRelation(from, ctes);
    if (!sessionAggregation(rel, s)) rel = sessionRows(rel);

    // IN / NOT IN (subquery) conditions become semi / anti joins.
    const plain: Expression[] = [];
    for (const w of whereParts) {
      const neg = w.kind === 'Unary' && w.op === 'NOT' && w.operand.kind === 'In' && w.operand.query;
      const inExpr = neg ? (w as { operand: Expression }).operand : w;
      if (inExpr.kind === 'In' && inExpr.query) {
        rel = this.planSemiAnti(rel, inExpr.operand, inExpr.query, inExpr.negated !== !!neg, ctes, inExpr.span);
      } else if (w.kind === 'Exists' || (w.kind === 'Unary' && w.op === 'NOT' && w.operand.kind === 'Exists')) {
        const ex = (w.kind === 'Exists' ? w : (w as { operand: Expression }).operand) as Extract<Expression, { kind: 'Exists' }>;
        rel = planExists(this, rel, ex.query, w.kind !== 'Exists', ctes, w.span);
      } else plain.push(w);
    }
    const where = and(plain);
    let whereCalc: CalcOperator | undefined;
    if (where) {
      const c = this.compiler(rel);
      const f = c.coerce(c.compile(where), T.boolean(), where.span).eval;
      whereCalc = new CalcOperator(f, undefined);
      const needsBefore = astFilterNeedsUpdateBefore(rel, where);
      rel.op.connectTo(whereCalc);
      rel = { ...rel, op: whereCalc, ...(needsBefore ? { filteredUpdates: true } : {}) };
    }

    const aggCalls: FunctionCall[] = [];
    for (const it of s.items) if (it.kind === 'SelectExpr') collectAggregates(it.expr, aggCalls);
    if (s.having) collectAggregates(s.having, aggCalls);
    const overCalls: FunctionCall[] = [];
    for (const it of s.items) if (it.kind === 'SelectExpr') collectOverCalls(it.expr, overCalls);
    if (overCalls.length > 0) {
      if (s.groupBy?.length || aggCalls.length > 0) throw unsupported('OVER windows in a query that also groups or aggregates', s.span);
      const over = planOver(this, rel, s, overCalls);
      const out = this.project(over.rel, s.items, over.substitute);
      return s.distinct ? this.distinct(out) : out;
    }
    if (s.windows?.length) throw unsupported('named WINDOW clauses without OVER', s.span);
    const legacy = planGroupWindow(this, s, rel);
    if (legacy) {
      const calls: FunctionCall[] = [];
      for (const it of legacy.select.items) if (it.kind === 'SelectExpr') collectAggregates(it.expr, calls);
      if (legacy.select.having) collectAggregates(legacy.select.having, calls);
      return this.planAggregate(legacy.select, legacy.rel, calls);
    }
    if (s.groupBy?.length || aggCalls.length > 0) return this.planAggregate(s, rel, aggCalls);
    if (s.having) throw invalid('HAVING without GROUP BY or aggregates', s.having.span);
    // The WHERE filter and the projection run as one Calc, as Flink's planner merges them.
    const scalar = planScalarSubqueries(this, rel, s.items, ctes);
    if (scalar) {
      const joined = this.project(scalar.rel, s.items, scalar.substitute);
      return s.distinct ? this.distinct(joined) : joined;
    }
    const out = this.project(rel, s.items, undefined, undefined, whereCalc);
    return s.distinct ? this.distinct(out) : out;
  }

  /** @internal */
  project(rel: Rel, items: readonly SelectItem[], substitute: ((e: Expression) => Compiled | undefined) | undefined, filter?: Expression, fuseInto?: CalcOperator): Rel {
    const c = this.compiler(rel, substitute);
    const evs: Evaluator[] = [];
    const direct: (number | undefined)[] = [];
    const columns: RelColumn[] = [];
    const rowtime = new Set<number>();
    const proctime = new Set<number>();
    let k = 0;
    for (const it of items) {
      if (it.kind === 'SelectStar') {
        rel.columns.forEach((col, i) => {
          if (it.table && col.table !== it.table) return;
          if (rel.window && (i === rel.window.start || i === rel.window.end || col.name === 'window_time') && false) return;
          if (rel.rowtime.has(i)) rowtime.add(columns.length);
          if (rel.proctime.has(i)) proctime.add(columns.length);
          columns.push({ name: col.name, type: col.type });
          evs.push((r) => r[i] ?? null);
          direct.push(i);
        });
        continue;
      }
      const compiled = c.compile(it.expr);
      if (it.expr.kind === 'ColumnRef') {
        const idx = rel.columns.findIndex((col) => col.name === (it.expr as { name: string }).name && (!(it.expr as { table?: string }).table || col.table === (it.expr as { table?: string }).table));
        if (idx >= 0 && rel.rowtime.has(idx)) rowtime.add(columns.length);
        if (idx >= 0 && rel.proctime.has(idx)) proctime.add(columns.length);
      }
      const name = it.alias ?? (it.expr.kind === 'ColumnRef' ? it.expr.name : it.expr.kind === 'FieldAccess' ? it.expr.field : `EXPR$${k}`);
      k++;
      columns.push({ name, type: compiled.type });
      evs.push(compiled.eval);
      direct.push(compiled.column);
    }
    const f = filter ? c.coerce(c.compile(filter), T.boolean(), filter.span).eval : undefined;
    const identity = direct.length === rel.columns.length && direct.every((d, i) => d === i);
    const keyOut = rel.aggregateKey?.map((k) => direct.indexOf(k));
    const uniqueOut = rel.uniqueKey?.map((k) => direct.indexOf(k));
    // what the projection keeps knowing about its input: filtered updates, the aggregate and unique keys, the window
    const carried = {
      ...(rel.filteredUpdates || (filter && astFilterNeedsUpdateBefore(rel, filter)) ? { filteredUpdates: true } : {}),
      ...(keyOut && keyOut.every((k) => k >= 0) ? { aggregateKey: keyOut } : {}),
      ...(uniqueOut && uniqueOut.every((k) => k >= 0) ? { uniqueKey: uniqueOut } : {}),
      ...(rel.monotonicity ? { monotonicity: monotonicityThrough(rel.monotonicity, direct, f !== undefined) } : {}),
      ...windowThrough(rel, direct),
    };
    if (identity && !f) return { columns, op: rel.op, mode: rel.mode, rowtime, proctime, ...carried };
    if (!f && fuseInto && rel.op === fuseInto && fuseInto.canAbsorbProjection()) {
      fuseInto.absorbProjection(evs);
      return { columns, op: fuseInto, mode: rel.mode, rowtime, proctime, ...carried };
    }
    const calc = new CalcOperator(f, evs);
    rel.op.connectTo(calc);
    return { columns, op: calc, mode: rel.mode, rowtime, proctime, ...carried };
  }

  private distinct(rel: Rel): Rel {
    const keys: Evaluator[] = rel.columns.map((_, i) => (r) => r[i] ?? null);
    const op = new GroupAggregateOperator(keys, new AggregateSet([]));
    rel.op.connectTo(op);
    return { columns: rel.columns, op, mode: 'updating', rowtime: new Set(), proctime: new Set(), aggregateKey: rel.columns.map((_, i) => i) };
  }

  private aggregateSpecs(rel: Rel, calls: readonly FunctionCall[]): { specs: AggregateSpec[]; keys: string[] } {
    const c = this.compiler(rel);
    const seen = new Map<string, number>();
    const specs: AggregateSpec[] = [];
    const keys: string[] = [];
    for (const call of calls) {
      const key = norm(call);
      if (seen.has(key)) continue;
      const name = (call.name[0] as string).toUpperCase() as AggregateName;
      if (COLLECTION_AGGREGATES.has(name)) {
        const filter = call.filter ? c.coerce(c.compile(call.filter), T.boolean(), call.filter.span).eval : undefined;
        specs.push(collectionAggregateSpec(name as CollectionAggregateName, call, c, filter));
        seen.set(key, specs.length - 1);
        keys.push(key);
        continue;
      }
      if (!AGGREGATE_NAMES.has(name)) throw unsupported(`aggregate function ${name}`, call.span);
      if (call.withinGroup) throw unsupported('WITHIN GROUP', call.span);
      let arg: Compiled | undefined;
      let separator: string | undefined;
      if (name === 'LISTAGG' && call.args.length === 2) {
        const sep = c.compile(call.args[1] as Expression);
        if (!sep.constant || typeof sep.constant.value !== 'string') throw invalid('The LISTAGG separator must be a string literal', call.args[1]?.span);
        separator = sep.constant.value;
      }
      if (!call.star) {
        if (call.args.length !== 1 && !(name === 'LISTAGG' && call.args.length === 2)) throw invalid(`${name} takes one argument`, call.span);
        arg = c.compile(call.args[0] as Expression);
        if (name === 'LISTAGG') arg = c.toStringArg(arg, call.span);
        if (arg.type.kind === 'NULL') throw invalid(`Illegal use of 'NULL' in ${name}`, call.span);
      } else if (name !== 'COUNT') throw invalid(`${name}(*) is not valid`, call.span);
      const filter = call.filter ? c.coerce(c.compile(call.filter), T.boolean(), call.filter.span).eval : undefined;
      const resultType = aggregateResultType(name, arg?.type);
      specs.push({
        name, distinct: !!call.distinct, resultType, ...(separator !== undefined ? { separator } : {}),
        ...(arg ? { arg: arg.eval, argType: arg.type, ...(arg.column !== undefined ? { argColumn: arg.column } : {}) } : {}),
        ...(filter ? { filter } : {}),
      });
      seen.set(key, specs.length - 1);
      keys.push(key);
    }
    return { specs, keys };
  }

  private planAggregate(select: Select, rel: Rel, calls: readonly FunctionCall[]): Rel {
    // STDDEV / VAR are SUM / COUNT arithmetic in Flink's plan (plan-reduce-aggregates.ts)
    const s = reduceVarianceAggregates(select, this.compiler(rel));
    let aggCalls = calls;
    if (s !== select) {
      const again: FunctionCall[] = [];
      for (const it of s.items) if (it.kind === 'SelectExpr') collectAggregates(it.expr, again);
      if (s.having) collectAggregates(s.having, again);
      aggCalls = again;
    }
    // Grouping elements: plain expressions plus at most one GROUPING SETS / ROLLUP / CUBE.
    const plainKeys: Expression[] = [];
    let sets: Expression[][] | undefined;
    for (const g of s.groupBy ?? []) {
      const el = g as GroupingElement;
      if ('kind' in el && (el.kind === 'GroupingSets' || el.kind === 'Rollup' || el.kind === 'Cube')) {
        if (sets) throw unsupported('more than one GROUPING SETS / ROLLUP / CUBE', s.span);
        if (el.kind === 'GroupingSets') sets = el.sets.map((x) => [...x]);
        else if (el.kind === 'Rollup') sets = el.exprs.map((_, i) => el.exprs.slice(0, el.exprs.length - i)).concat([[]]);
        else {
          const ex = el.exprs;
          sets = [];
          for (let m = (1 << ex.length) - 1; m >= 0; m--) sets.push(ex.filter((_, i) => (m & (1 << i)) !== 0));
        }
      } else plainKeys.push(el as Expression);
    }
    const setExprs: Expression[] = [];
    for (const set of sets ?? []) for (const e of set) if (!setExprs.some((x) => norm(x) === norm(e))) setExprs.push(e);
    const c = this.compiler(rel);

    // Window aggregation: the window TVF's window_start and window_end are grouping keys.
    const w = rel.window;
    const isWindowCol = (e: Expression, idx: number | undefined): boolean => {
      if (e.kind !== 'ColumnRef' || idx === undefined) return false;
      const col = rel.columns[idx] as RelColumn;
      return col.name.toLowerCase() === e.name.toLowerCase();
    };
    const hasStart = w && plainKeys.some((e) => isWindowCol(e, w.start));
    const hasEnd = w && plainKeys.some((e) => isWindowCol(e, w.end));
    if (w && (hasStart || hasEnd) && !(hasStart && hasEnd)) throw unsupported('window aggregation grouped by only one of window_start / window_end', s.span);
    // a SESSION window TVF grouped by more than its window is a group aggregation over the TVF's rows (see sessionAggregation)
    const windowed = !!(w && hasStart && hasEnd) && !(w?.spec.kind === 'SESSION' && !w.spec.legacy && !sessionAggregation(rel, s));
    // GROUPING SETS / ROLLUP / CUBE outside windows: Flink's Expand, then a group aggregation keyed by the set's
    // keys and the set's index (appended after the keys)
    const expanded = sets !== undefined && !windowed;

    const keyExprs = [...plainKeys.filter((e) => !(windowed && (isWindowCol(e, w?.start) || isWindowCol(e, w?.end) || (e.kind === 'ColumnRef' && e.name.toLowerCase() === 'window_time')))), ...setExprs];
    const keyCompiled = keyExprs.map((e) => c.compile(e));
    const groupingCalls = aggCalls.filter(isGroupingCall);
    if (groupingCalls.length > 0 && windowed && sets) throw unsupported('GROUPING() / GROUPING_ID() in window aggregations with grouping sets', groupingCalls[0]?.span ?? s.span);
    const { specs, keys: aggKeys } = this.aggregateSpecs(rel, aggCalls.filter((call) => !isGroupingCall(call)));
    const aggSet = new AggregateSet(specs);
    const nk = keyExprs.length;
    const keySets: number[][] = sets
      ? sets.map((set) => [...plainKeys.map((_, i) => i).slice(0, nk - setExprs.length), ...set.map((e) => nk - setExprs.length + setExprs.findIndex((x) => norm(x) === norm(e)))])
      : [keyExprs.map((_, i) => i)];
    if (sets) keySets.sort(compareGroupingSets);

    let op: Operator;
    /** Set when the input connects to an operator before `op` (the window aggregation over an updating input). */
    let head: Operator | undefined;
    let passThrough = false;
    const aggColumns: RelColumn[] = [
      ...keyCompiled.map((k, i) => ({ name: keyExprs[i]?.kind === 'ColumnRef' ? (keyExprs[i] as { name: string }).name : `$k${i}`, type: sets && i >= nk - setExprs.length ? withNullable(k.type, true) : k.type })),
      ...(expanded ? [{ name: '$e', type: T.int(false) }] : []),
      ...specs.map((sp, i) => ({ name: `$agg${i}`, type: sp.resultType })),
    ];
    const aggAt = nk + (expanded ? 1 : 0);
    if (windowed && w) {
      if (w.spec.kind === 'SESSION' && w.spec.legacy && specs.some((sp) => sp.distinct)) {
        // real Flink 1.20 emits updates for such a session (differential testing found -U/+U); not reproduced
        throw unsupported('DISTINCT aggregates in SESSION window aggregations', s.span);
      }
      const wse = (rel.columns[w.start] as RelColumn).type;
      // window_time's type where it passed through next to window_start (a projection may drop it)
      const wtc = rel.columns[w.start + 2];
      const wtt = wtc !== undefined && wtc.name.toLowerCase() === 'window_time' ? wtc.type : T.timestamp(3, false);
      aggColumns.push({ name: 'window_start', type: wse }, { name: 'window_end', type: wse }, { name: 'window_time', type: wtt });
      const proc = proctimeWindowAggregate(this.session, w.spec, [w.start, w.end], keyCompiled.map((k) => k.eval), keySets, specs, rel.mode !== 'insert-only', s.span);
      if (proc) ({ head, tail: op } = proc);
      else if (rel.mode !== 'insert-only') {
        // over an updating input: retracting aggregates and a hidden row count (plan-window-changelog.ts)
        ({ head, tail: op } = windowAggregateOverChangelog(w.spec, w.timeIndex, [w.start, w.end], keyCompiled.map((k) => k.eval), keySets, specs, s.span));
      } else op = new WindowAggregateOperator(w.spec, w.timeIndex, w.sessionRows ? undefined : [w.start, w.end], keyCompiled.map((k) => k.eval), keySets, aggSet);
    } else if (groupsUniqueRows(rel, keyCompiled, specs, sets !== undefined)) {
      // Flink's FlinkAggregateRemoveRule: grouped by a unique key of the input, every group is one row, so SUM /
      // MIN / MAX are that row's values and the aggregate becomes a projection — changes pass through with their
      // kinds (-U/+U stay -U/+U instead of a retraction to an empty group). Found by tier 3 (differential) testing.
      op = new CalcOperator(undefined, [...keyCompiled.map((k) => k.eval), ...specs.map((sp) => sp.arg as Evaluator)]);
      passThrough = true;
    } else if (expanded) {
      const n = rel.columns.length;
      const expand = new ExpandOperator(keySets.length);
      rel.op.connectTo(expand);
      const member = keyCompiled.map((_, i) => keySets.map((set) => set.includes(i)));
      const masked = keyCompiled.map((k, i): Evaluator => {
        const inSet = member[i] as boolean[];
        return (r) => (inSet[r[n] as number] ? k.eval(r) : null);
      });
      op = new GroupAggregateOperator([...masked, (r) => r[n] ?? null], aggSet);
      expand.connectTo(op);
    } else {
      op = new GroupAggregateOperator(keyCompiled.map((k) => k.eval), aggSet, keyCompiled.length === 1 ? keyCompiled[0]?.column : undefined);
    }
    if (!expanded) rel.op.connectTo(head ?? op);
    const aggRel: Rel = {
      columns: aggColumns, op, mode: windowed ? 'insert-only' : passThrough ? rel.mode : 'updating',
      rowtime: windowed && w && !isProctimeWindow(w.spec) ? new Set([aggColumns.length - 1]) : new Set(),
      proctime: windowed && w && isProctimeWindow(w.spec) ? new Set([aggColumns.length - 1]) : new Set(),
      ...(windowed ? {} : { aggregateKey: [...keyExprs.map((_, i) => i), ...(expanded ? [nk] : [])] }),
      // Flink propagates the window properties: a later GROUP BY window_start, window_end is a window aggregation
      ...(windowed && w ? { window: { spec: w.spec, timeIndex: aggColumns.length - 2, start: aggColumns.length - 3, end: aggColumns.length - 2, input: rel, time: aggColumns.length - 1 } } : {}),
    };
    // Post-aggregation projection: group keys and aggregate calls map to the aggregate's output columns.
    const keyNorms = keyExprs.map(norm);
    const winStart = windowed ? nk + specs.length : -1;
    const grouping = (call: FunctionCall): Compiled => {
      const positions = call.args.map((a) => {
        const i = keyNorms.indexOf(norm(a));
        if (i < 0) throw invalid(`The arguments of ${(call.name[0] as string).toUpperCase()} must be grouping expressions`, a.span ?? call.span);
        return i;
      });
      // GROUPING(a, b, …) / GROUPING_ID: one bit per argument, the first the most significant; 1 = rolled up
      const bitsOf = keySets.map((set) => positions.reduce((acc, p) => acc * 2n + (set.includes(p) ? 0n : 1n), 0n));
      if (!expanded) return { type: T.bigint(false), eval: () => bitsOf[0] ?? 0n };
      return { type: T.bigint(false), eval: (r) => bitsOf[r[nk] as number] ?? null };
    };
    const substitute = (e: Expression): Compiled | undefined => {
      const n = norm(e);
      const ki = keyNorms.indexOf(n);
      if (ki >= 0) return { type: (aggColumns[ki] as RelColumn).type, eval: (r) => r[ki] ?? null, column: ki };
      if (isGroupingCall(e)) return grouping(e);
      if (isAggregateCall(e)) {
        const ai = aggKeys.indexOf(n);
        if (ai >= 0) return { type: (specs[ai] as AggregateSpec).resultType, eval: (r) => r[aggAt + ai] ?? null, column: aggAt + ai };
      }
      if (windowed && e.kind === 'ColumnRef') {
        const nm = e.name.toLowerCase();
        // by position: the window columns may have been renamed on the way (Flink's window properties propagate)
        const off = isWindowCol(e, w?.start) ? 0 : isWindowCol(e, w?.end) ? 1 : nm === 'window_time' ? 2 : -1;
        if (off >= 0) return { type: (aggColumns[winStart + off] as RelColumn).type, eval: (r) => r[winStart + off] ?? null, column: winStart + off };
      }
      if (e.kind === 'ColumnRef') {
        throw invalid(`Expression '${e.table ? `${e.table}.` : ''}${e.name}' is not being grouped`, e.span, 'add it to GROUP BY or wrap it in an aggregate function');
      }
      return undefined;
    };
    const out = this.project(aggRel, s.items, substitute, s.having);
    const keyOut = out.columns.length > 0 && !windowed && !expanded ? this.outputKey(s.items, keyNorms) : undefined;
    const monotonicity = keyOut ? aggregateMonotonicity(s.items, (e) => keyNorms.includes(norm(e)), rel.mode === 'insert-only', !!s.where, !!s.having) : undefined;
    return { ...out, mode: aggRel.mode, ...(keyOut ? { aggregateKey: keyOut, monotonicity } : {}), rowtime: windowed ? out.rowtime : new Set() };
  }

  /** Positions of the grouping keys among the select items (the unique key of an aggregate's output). */
  private outputKey(items: readonly SelectItem[], keyNorms: readonly string[]): number[] | undefined {
    const pos: number[] = [];
    for (const kn of keyNorms) {
      const i = items.findIndex((it) => it.kind === 'SelectExpr' && norm(it.expr) === kn);
      if (i < 0) return undefined;
      pos.push(i);
    }
    return pos;
  }

  private planSemiAnti(rel: Rel, operand: Expression, q: Query, anti: boolean, ctes: ReadonlyMap<string, Query>, span?: Span): Rel {
    const sub = this.planQuery(q, ctes);
    if (sub.columns.length !== 1) throw invalid('The subquery of IN must return exactly one column', span);
    const lc = this.compiler(rel).compile(operand);
    const rt = (sub.columns[0] as RelColumn).type;
    const target = this.compiler(rel).commonForComparison(lc, { type: rt, eval: () => null }, span)[2];
    const left = this.compiler(rel).coerce(lc, target, span).eval;
    const right = this.compiler(sub).coerce({ type: rt, eval: (r) => r[0] ?? null }, target, span).eval;
    const op = new SemiAntiJoinOperator(anti, left, right);
    rel.op.connectTo(op, 0);
    sub.op.connectTo(op, 1);
    return { ...rel, op, mode: rel.mode === 'insert-only' && sub.mode === 'insert-only' && !anti ? 'updating' : 'updating' };
  }

  // -------------------------------------------------------------------------------------------------------
  // ROW_NUMBER: deduplication and TopN


}
