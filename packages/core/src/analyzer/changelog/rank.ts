/**
 * Deduplication and TopN: `SELECT … FROM (SELECT …, ROW_NUMBER() OVER (PARTITION BY k ORDER BY o) AS rn FROM t)
 * WHERE rn <= N`. As Flink's planner decides:
 * - keep the first row on a processing-time attribute → insert-only;
 * - keep the first row on a rowtime, or the last row (ORDER BY … DESC) → updates keyed by the PARTITION BY columns
 *   (Flink 1.20; FLINK-37005 makes the rowtime keep-first variant insert-only from Flink 2.1 on);
 * - ranking within a window TVF (PARTITION BY window_start, window_end) → insert-only;
 * - any other TopN → updates.
 * Deduplication needs an insert-only input; over an updating input it is a TopN.
 */
import type { Expression, FunctionCall, WindowSpec } from '../../ast/expression.js';
import type { Deduplicate as PlanDeduplicate, Rank as PlanRank } from '../../plan/rank.js';
import type { Select, SelectExpr, SubqueryRelation } from '../../ast/query.js';
import type { ChangelogMode, Stream } from './changelog-mode.js';
import { coversWindow, isUpdating } from './changelog-mode.js';
import { findColumn } from './projection.js';

export interface RankPattern {
  readonly relation: SubqueryRelation;
  readonly inner: Select;
  readonly item: SelectExpr;
  readonly over: WindowSpec;
  readonly alias: string;
  /** The largest row number kept. */
  readonly limit: number;
}

/**
 * The pattern of `select`, as the binder recognised it (plan/patterns/rank.ts, the one recogniser): the ranked
 * sub-query, its ROW_NUMBER item and window, the row-number alias and the largest row number kept.
 */
export function rankPattern(select: Select, ranks: ReadonlyMap<Select, PlanRank | PlanDeduplicate> | undefined): RankPattern | undefined {
  const node = ranks?.get(select);
  const from = select.from;
  if (node === undefined || from?.kind !== 'SubqueryRelation' || from.query.kind !== 'Select') return undefined;
  const inner = from.query;
  const item = inner.items.find((i): i is SelectExpr => i.kind === 'SelectExpr' && i.expr === node.call);
  if (item === undefined) return undefined;
  const call: FunctionCall = node.call;
  const over = typeof call.over === 'string' ? inner.windows?.find((w) => w.name === call.over)?.spec : call.over;
  if (over === undefined) return undefined;
  const alias = item.alias ?? call.name[0]!;
  return { relation: from, inner, item, over, alias, limit: node.kind === 'Rank' ? node.range.end : 1 };
}

export interface RankResult {
  readonly mode: ChangelogMode;
  readonly keys?: readonly Expression[];
}

/** The mode of a rank over `input` (the inner SELECT's FROM). */
export function rankMode(p: RankPattern, input: Stream): RankResult {
  const partition = p.over.partitionBy;
  if (coversWindow(partition, input.columns)) return { mode: input.mode, keys: partition };
  const span = p.item.span;
  const order = p.over.orderBy;
  const first = order[0];
  const column = first?.expr.kind === 'ColumnRef' && input.columns !== undefined ? findColumn(input.columns, first.expr.table, first.expr.name) : undefined;
  const keys = p.limit === 1 ? partition : [...partition, { kind: 'ColumnRef', name: p.alias } as Expression];
  if (isUpdating(input.mode)) return { mode: { ...input.mode, upsertKey: undefined } as ChangelogMode, keys };
  const origin = (operator: string, fix: string) => ({ kind: 'upsert' as const, origin: { operator, ...(span === undefined ? {} : { span }), fix } });
  if (order.length === 1 && column?.time !== undefined && p.limit === 1) {
    if (first!.direction === 'DESC') {
      return { mode: origin('deduplication keeping the last row (ORDER BY … DESC)', 'keep the first row (ORDER BY a PROCTIME() column ASC), which emits only inserts'), keys: partition };
    }
    if (column.time === 'proctime') return { mode: { kind: 'insert-only' }, keys: partition };
    return { mode: origin('deduplication keeping the first row on event time (in Flink 1.20 a late row with an earlier rowtime replaces it)', 'deduplicate on a processing-time attribute (PROCTIME()) for an insert-only result'), keys: partition };
  }
  return { mode: origin(`TopN (${p.item.expr.kind === 'FunctionCall' ? p.item.expr.name[0] : 'ROW_NUMBER'} … WHERE ${p.alias} <= ${p.limit})`, 'rank within a window TVF (PARTITION BY window_start, window_end), which emits final rows only'), keys };
}
