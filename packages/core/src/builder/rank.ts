/**
 * Deduplication and TopN as Flink recognises them: a sub-query numbering rows with
 * `ROW_NUMBER() OVER (PARTITION BY … ORDER BY …)` filtered on that number.
 */
import type { Expression, OrderItem } from '../ast/expression.js';
import type { Select, SelectItem } from '../ast/query.js';
import type { AnyExpr, Expr, Ordering } from './expr.js';
import type { TimestampRoot } from './type-level.js';
import { builderText } from './errors.js';
import { orderItemOf } from './fn.js';
import { exprList, exprNode } from './expr.js';
import { SelectQuery, checkSource } from './query.js';
import { argumentError } from '../diagnostics/arguments.js';
import type { Refs, Source } from './source.js';
import { refsOf } from './source.js';
import { DEFINITION_TEXTS } from '../diagnostics/definition-codes.js';

const RN = 'rn';

function checkRankArgs(call: string, source: unknown, options: unknown): void {
  checkSource(call, source);
  const o = options as { partitionBy?: unknown; orderBy?: unknown } | null;
  if (o === null || typeof o !== 'object') throw argumentError(call, 'options', 'an object { partitionBy, orderBy, … }', options);
  if (typeof o.partitionBy !== 'function') throw argumentError(call, 'options.partitionBy', 'a function returning the key columns', o.partitionBy);
  if (typeof o.orderBy !== 'function') throw argumentError(call, 'options.orderBy', 'a function returning the order', o.orderBy);
}

function ranked<C>(source: Source<C>, partitionBy: readonly AnyExpr[], orderBy: readonly OrderItem[], keep: Expression): SelectQuery<C> {
  const inner: Select = {
    kind: 'Select',
    distinct: false,
    items: [
      ...source.columnTypes.map((c): SelectItem => ({ kind: 'SelectExpr', expr: { kind: 'ColumnRef', name: c.name } })),
      { kind: 'SelectExpr', expr: { kind: 'FunctionCall', name: ['ROW_NUMBER'], args: [], over: { partitionBy: exprList(partitionBy, 'partitionBy').map((p, i) => exprNode(p, `partitionBy item ${i + 1}`)), orderBy } }, alias: RN },
    ],
    from: source.toRelation(undefined),
  };
  const outer: Select = {
    kind: 'Select',
    distinct: false,
    items: source.columnTypes.map((c): SelectItem => ({ kind: 'SelectExpr', expr: { kind: 'ColumnRef', name: c.name } })),
    from: { kind: 'SubqueryRelation', query: inner },
    where: keep,
  };
  return new SelectQuery<C>(outer, source.columnTypes);
}

/**
 * Keep the first (or last) row per key by a time attribute: Flink's deduplication. Keep-first on a rowtime or
 * proctime attribute produces an insert-only stream; keep-last produces updates.
 */
export function deduplicate<C>(
  source: Source<C>,
  options: { readonly partitionBy: (c: Refs<C>) => readonly AnyExpr[]; readonly orderBy: (c: Refs<C>) => Expr<TimestampRoot, unknown, boolean>; readonly keep: 'first' | 'last' },
): SelectQuery<C> {
  checkRankArgs('deduplicate()', source, options);
  const refs = refsOf(source.columnTypes, undefined) as Refs<C>;
  const order: OrderItem = { expr: exprNode(options.orderBy(refs), 'deduplicate() orderBy'), direction: options.keep === 'first' ? 'ASC' : 'DESC' };
  const keep: Expression = { kind: 'Binary', op: '=', left: { kind: 'ColumnRef', name: RN }, right: { kind: 'NumericLiteral', text: '1' } };
  return ranked(source, options.partitionBy(refs), [order], keep);
}

/** The top `n` rows per key: `WHERE rn <= n`. */
export function topN<C>(
  source: Source<C>,
  options: { readonly partitionBy: (c: Refs<C>) => readonly AnyExpr[]; readonly orderBy: (c: Refs<C>) => readonly (AnyExpr | Ordering)[]; readonly n: number },
): SelectQuery<C> {
  checkRankArgs('topN()', source, options);
  if (!Number.isInteger(options.n) || options.n < 1) builderText(DEFINITION_TEXTS.badTopN({ n: options.n }));
  const refs = refsOf(source.columnTypes, undefined) as Refs<C>;
  const keep: Expression = { kind: 'Binary', op: '<=', left: { kind: 'ColumnRef', name: RN }, right: { kind: 'NumericLiteral', text: String(options.n) } };
  return ranked(source, options.partitionBy(refs), exprList(options.orderBy(refs), 'topN() orderBy').map((o, i) => orderItemOf(o as never, `topN() orderBy item ${i + 1}`)), keep);
}
