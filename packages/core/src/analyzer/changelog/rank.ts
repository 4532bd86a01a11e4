/**
 * Deduplication and TopN (`SELECT … FROM (SELECT …, ROW_NUMBER() OVER (…) AS rn FROM t) WHERE rn <= N`) in the AST,
 * for the time-attribute walk: the binder recognises the pattern (plan/patterns/rank.ts), and its changelog mode is
 * the plan's (plan/properties/changelog.ts).
 */
import type { FunctionCall, WindowSpec } from '../../ast/expression.js';
import type { Deduplicate as PlanDeduplicate, Rank as PlanRank } from '../../plan/rank.js';
import type { Select, SelectExpr, SubqueryRelation } from '../../ast/query.js';

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
