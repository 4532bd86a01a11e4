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
import type { Select, SelectExpr, SubqueryRelation } from '../../ast/query.js';
import type { ChangelogMode, Stream } from './changelog-mode.js';
import { coversWindow, isUpdating } from './changelog-mode.js';
import { findColumn } from './projection.js';
import { conjuncts } from '../time/interval-join.js';

export interface RankPattern {
  readonly relation: SubqueryRelation;
  readonly inner: Select;
  readonly item: SelectExpr;
  readonly over: WindowSpec;
  readonly alias: string;
  /** The largest row number kept. */
  readonly limit: number;
}

const RANKING = new Set(['ROW_NUMBER', 'RANK', 'DENSE_RANK']);

function rankLimit(where: Expression | undefined, alias: string): number | undefined {
  for (const c of conjuncts(where)) {
    if (c.kind === 'Binary' && c.left.kind === 'ColumnRef' && c.left.name === alias && c.right.kind === 'NumericLiteral') {
      const n = Number(c.right.text);
      if (c.op === '=' || c.op === '<=') return n;
      if (c.op === '<') return n - 1;
    }
    if (c.kind === 'Between' && !c.negated && c.operand.kind === 'ColumnRef' && c.operand.name === alias && c.high.kind === 'NumericLiteral') return Number(c.high.text);
  }
  return undefined;
}

export function rankPattern(select: Select): RankPattern | undefined {
  const from = select.from;
  if (from?.kind !== 'SubqueryRelation' || from.query.kind !== 'Select') return undefined;
  const inner = from.query;
  for (const item of inner.items) {
    if (item.kind !== 'SelectExpr' || item.expr.kind !== 'FunctionCall') continue;
    const call: FunctionCall = item.expr;
    if (call.name.length !== 1 || !RANKING.has(call.name[0]!.toUpperCase()) || typeof call.over !== 'object') continue;
    const alias = item.alias ?? call.name[0]!;
    const limit = rankLimit(select.where, alias);
    if (limit !== undefined) return { relation: from, inner, item, over: call.over, alias, limit };
  }
  return undefined;
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
