/**
 * Planning Flink's ROW_NUMBER patterns: `FROM (SELECT …, ROW_NUMBER() OVER (PARTITION BY … ORDER BY …) AS rn
 * FROM …) WHERE rn <= N` becomes deduplication (N = 1 over a time attribute) or TopN (append / update / retract
 * strategy, with rank ranges).
 */
import type { Expression, FunctionCall, OrderItem } from '../ast/expression.js';
import type { Query, Select, SelectItem } from '../ast/query.js';
import type { Span } from '../ast/node.js';
import type { ChangelogMode } from './changelog.js';
import { invalid, unsupported } from './errors.js';
import { CalcOperator } from './operators/calc.js';
import { DeduplicateOperator } from './operators/deduplicate.js';
import type { Operator } from './operators/operator.js';
import { TopNOperator } from './operators/top-n.js';
import { WindowRankOperator } from './operators/window-rank.js';
import { checkUpdateFast, rankStrategy } from './plan-rank-strategy.js';
import type { Planner, Rel, RelColumn } from './plan.js';
import { collectAggregates, conjuncts, isRowNumber } from './plan.js';
import { T } from './types.js';
import type { Compiled } from './compiled.js';
import { comparatorFor, compareNullable } from './values/compare.js';

export function planRankPattern(planner: Planner, s: Select, ctes: ReadonlyMap<string, Query>): { rel: Rel; remainingWhere: Expression[] } | undefined {
  if (s.from?.kind !== 'SubqueryRelation' || s.from.query.kind !== 'Select') return undefined;
  const inner = s.from.query;
  const rnIdx = inner.items.findIndex((it) => it.kind === 'SelectExpr' && isRowNumber(it.expr));
  if (rnIdx < 0) return undefined;
  const rnItem = inner.items[rnIdx] as Extract<SelectItem, { kind: 'SelectExpr' }>;
  const rnName = (rnItem.alias ?? 'EXPR$' + rnIdx).toLowerCase();
  const parts = conjuncts(s.where);
  let limit: number | undefined;
  let first = 1;
  const remaining: Expression[] = [];
  const isRn = (e: Expression) => e.kind === 'ColumnRef' && e.name.toLowerCase() === rnName;
  for (const p of parts) {
    if (p.kind === 'Binary' && isRn(p.left) && p.right.kind === 'NumericLiteral') {
      const n = Number(p.right.text);
      if (p.op === '=') { first = n; limit = n; }
      else if (p.op === '<=') limit = n;
      else if (p.op === '<') limit = n - 1;
      else if (p.op === '>=') first = n;
      else if (p.op === '>') first = n + 1;
      else throw unsupported(`a row-number filter '${p.op} ${n}'`, p.span);
      continue;
    }
    if (p.kind === 'Between' && isRn(p.operand) && !p.negated && p.low.kind === 'NumericLiteral' && p.high.kind === 'NumericLiteral') {
      first = Number(p.low.text);
      limit = Number(p.high.text);
      continue;
    }
    remaining.push(p);
  }
  if (first < 1) first = 1;
  // without an upper bound Flink plans no TopN: ROW_NUMBER is an OVER aggregation of the inner query
  if (limit === undefined) return undefined;
  const over = (rnItem.expr as FunctionCall).over;
  if (typeof over === 'string' || !over) throw unsupported('named windows in OVER', rnItem.span);
  if (over.frame) throw unsupported('window frames on ROW_NUMBER', rnItem.span);
  // Rank over every column of the inner FROM (ORDER BY may use columns the select list drops or renames),
  // then apply the inner select list, where the ROW_NUMBER item reads the appended row number.
  const innerAggs: FunctionCall[] = [];
  for (const it of inner.items) if (it.kind === 'SelectExpr') collectAggregates(it.expr, innerAggs);
  const rankFirst = !inner.groupBy?.length && innerAggs.length === 0 && !inner.distinct;
  const innerItems = inner.items.filter((_, i) => i !== rnIdx);
  const base = planner.planSelect({ ...inner, items: rankFirst ? [{ kind: 'SelectStar' }] : innerItems }, ctes);
  const c = planner.compiler(base);
  const partition = over.partitionBy.map((e) => c.compile(e).eval);
  const order = over.orderBy;
  if (order.length === 0) throw invalid('ROW_NUMBER() needs ORDER BY', rnItem.span);
  const firstOrder = order[0] as OrderItem;
  const timeIdx = order.length === 1 && firstOrder.expr.kind === 'ColumnRef'
    ? base.columns.findIndex((col) => col.name.toLowerCase() === (firstOrder.expr as { name: string }).name.toLowerCase())
    : -1;
  const isRowtime = timeIdx >= 0 && base.rowtime.has(timeIdx);
  // PROCTIME() called in the query orders by processing time like a declared proctime column
  const proctimeCall = order.length === 1 && firstOrder.expr.kind === 'FunctionCall' && firstOrder.expr.args.length === 0 && firstOrder.expr.name.length === 1 && (firstOrder.expr.name[0] as string).toUpperCase() === 'PROCTIME';
  const isProctime = (timeIdx >= 0 && base.proctime.has(timeIdx)) || proctimeCall;
  const rnType = T.bigint(false);
  const windowCols = new Set(['window_start', 'window_end']);
  const windowPartition = over.partitionBy.some((e) => e.kind === 'ColumnRef' && windowCols.has(e.name.toLowerCase()) && base.columns.some((c) => c.name.toLowerCase() === e.name.toLowerCase()));
  let op: Operator;
  let mode: ChangelogMode;
  let windowed = false;
  const withRn = s.items.some((it) => it.kind === 'SelectStar' || (it.kind === 'SelectExpr' && JSON.stringify(it.expr).toLowerCase().includes(`"name":"${rnName}"`))) || remaining.some((e) => JSON.stringify(e).toLowerCase().includes(`"name":"${rnName}"`));
  if (windowPartition) {
    op = planWindowRank(planner, base, over.partitionBy, order, first, limit, rnItem.span);
    mode = 'insert-only';
    windowed = true;
  } else if (limit === 1 && first === 1 && (isRowtime || isProctime)) {
    if (base.mode !== 'insert-only') throw unsupported('deduplication over an updating input', rnItem.span);
    const keepLast = firstOrder.direction === 'DESC';
    const dedup = new DeduplicateOperator(partition, keepLast, isRowtime ? timeIdx : undefined);
    base.op.connectTo(dedup);
    const addRn = new CalcOperator(undefined, [...base.columns.map((_, i) => (r: readonly unknown[]) => r[i] ?? null), () => 1n]);
    dedup.connectTo(addRn);
    op = addRn;
    mode = !keepLast && isProctime ? 'insert-only' : 'updating';
  } else {
    const compare = orderComparator(planner, base, order);
    const strategy = rankStrategy(base, order.map((o) => ({ column: columnOf(c, o.expr), desc: o.direction === 'DESC' })), rnItem.span);
    if (strategy === 'retract' && !withRn && first > 1) throw unsupported('a rank range with an offset and no row-number column over an updating input (Flink 1.20.1 emits no change for a retraction inside the range)', rnItem.span);
    if (strategy === 'update') checkUpdateFast(first, limit, rnItem.span);
    const uniqueKey = base.aggregateKey?.map((i) => (r: readonly unknown[]) => r[i] ?? null);
    const topn = new TopNOperator(partition, compare, limit, withRn, strategy, uniqueKey, first);
    base.op.connectTo(topn);
    if (withRn) op = topn;
    else {
      const addRn = new CalcOperator(undefined, [...base.columns.map((_, i) => (r: readonly unknown[]) => r[i] ?? null), () => null]);
      topn.connectTo(addRn);
      op = addRn;
    }
    mode = 'updating';
  }
  const alias = s.from.alias;
  const rnColumn = rankFirst ? '$row_number' : rnItem.alias ?? 'EXPR$' + rnIdx;
  // a deduplication on rowtime keeps the time attribute, and its partition columns identify its rows: a view over
  // it is a versioned table for event-time temporal joins, as in Flink
  const dedupOnRowtime = !windowed && limit === 1 && first === 1 && isRowtime;
  const partitionCols = over.partitionBy.map((e) => (e.kind === 'ColumnRef' ? base.columns.findIndex((col) => col.name.toLowerCase() === e.name.toLowerCase()) : -1));
  let ranked: Rel = {
    columns: [...base.columns, { name: rnColumn, type: rnType }], op, mode,
    rowtime: mode === 'insert-only' || dedupOnRowtime ? base.rowtime : new Set(), proctime: new Set(),
    // window properties propagate through a window rank: a later window aggregation or rank stays windowed
    ...(windowed && base.window ? { window: base.window } : {}),
    ...(!windowed && limit === 1 && first === 1 && partitionCols.length > 0 && partitionCols.every((i) => i >= 0) ? { uniqueKey: partitionCols } : {}),
  };
  if (rankFirst) {
    const items = inner.items.map((it, i): SelectItem => (i === rnIdx ? { kind: 'SelectExpr', expr: { kind: 'ColumnRef', name: rnColumn }, alias: rnItem.alias ?? 'EXPR$' + rnIdx } : it));
    ranked = { ...planner.project(ranked, items, undefined), mode };
  }
  const columns: RelColumn[] = ranked.columns.map((col) => ({ name: col.name, type: col.type, ...(alias ? { table: alias } : {}) }));
  return { rel: { ...ranked, columns }, remainingWhere: remaining };
}

/**
 * Window TopN / window deduplication: ROW_NUMBER partitioned by both window_start and window_end of a window TVF
 * or window aggregation (whose window properties reach `base`); fired per window by the watermark.
 */
function planWindowRank(planner: Planner, base: Rel, partitionBy: readonly Expression[], order: readonly OrderItem[], first: number, limit: number, span: Span | undefined): Operator {
  const w = base.window;
  const posOf = (e: Expression) => (e.kind === 'ColumnRef' ? base.columns.findIndex((col) => col.name.toLowerCase() === e.name.toLowerCase() && (!e.table || !col.table || col.table === e.table)) : -1);
  const parts = partitionBy.map(posOf);
  if (!w || !parts.includes(w.start) || !parts.includes(w.end)) {
    throw unsupported('ROW_NUMBER partitioned by window_start / window_end that are not both the window bounds of a window TVF or window aggregation', span);
  }
  if (base.mode !== 'insert-only') throw unsupported('window TopN over an updating input', span);
  const c = planner.compiler(base);
  const partition = partitionBy.filter((_, i) => parts[i] !== w.start && parts[i] !== w.end).map((e) => c.compile(e).eval);
  const compare = orderComparator(planner, base, order);
  // ORDER BY the window's time column alone, keeping one row: Flink's window deduplication, which keeps the
  // latest of equal times when ordered DESC (a window TopN keeps the first)
  const t = order.length === 1 ? posOf((order[0] as OrderItem).expr) : -1;
  const dedup = limit === 1 && first === 1 && t >= 0 && (t === w.timeIndex || base.rowtime.has(t));
  const op = new WindowRankOperator({
    bounds: [w.start, w.end], partition, compare, first, last: limit, withRowNumber: true,
    latestFirstOnTies: dedup && (order[0] as OrderItem).direction === 'DESC',
  });
  base.op.connectTo(op);
  return op;
}

/** The ORDER BY of a ranking as a row comparator (NULLs first ascending, last descending, unless stated). */
function orderComparator(planner: Planner, base: Rel, order: readonly OrderItem[]): (a: readonly unknown[], b: readonly unknown[]) => number {
  const c = planner.compiler(base);
  return rowComparator(order.map((o) => ({ compiled: c.compile(o.expr), direction: o.direction ?? 'ASC', ...(o.nulls ? { nulls: o.nulls } : {}) })));
}

/** Rows compared by compiled sort keys (NULLs first ascending, last descending, unless stated). */
export function rowComparator(keys: readonly { readonly compiled: Compiled; readonly direction: 'ASC' | 'DESC'; readonly nulls?: 'FIRST' | 'LAST' }[]): (a: readonly unknown[], b: readonly unknown[]) => number {
  const cmps = keys.map((o) => {
    const e = o.compiled;
    const cmp = comparatorFor(e.type);
    const desc = o.direction === 'DESC';
    const nullsFirst = o.nulls ? o.nulls === 'FIRST' : !desc;
    return (a: readonly unknown[], b: readonly unknown[]) => {
      const x = e.eval(a);
      const y = e.eval(b);
      if (x === null || y === null) {
        if (x === y) return 0;
        return (x === null) === nullsFirst ? -1 : 1;
      }
      const r = compareNullable(cmp, x, y);
      return desc ? -r : r;
    };
  });
  return (a, b) => {
    for (const f of cmps) {
      const r = f(a, b);
      if (r !== 0) return r;
    }
    return 0;
  };
}

/** The input column an ORDER BY expression reads directly, if any. */
function columnOf(c: ReturnType<Planner['compiler']>, e: Expression): number | undefined {
  try {
    return c.compile(e).column;
  } catch {
    return undefined;
  }
}
