/**
 * A correlated table function over each input row: `CROSS JOIN UNNEST(arr)`, `[LEFT JOIN] LATERAL TABLE(fn(…))`,
 * and `[LEFT JOIN] LATERAL (SELECT …)` (fn `LATERAL`, whose `query` reads the input's columns as correlated
 * references). Output: the input's columns, then the function's (the sub-query's).
 */
import type { Span } from '../ast/node.js';
import type { BoundExpression } from './expression.js';
import type { PlanColumn, PlanNode } from './node.js';

export interface Correlate {
  readonly kind: 'Correlate';
  readonly input: PlanNode;
  /** `UNNEST`, `LATERAL` (a sub-query), or the table function's name as written. */
  readonly fn: string;
  /** Over the input's columns. */
  readonly args: readonly BoundExpression[];
  readonly type: 'INNER' | 'LEFT';
  readonly withOrdinality: boolean;
  /** A LATERAL sub-query's plan: its column references at depth 1 read the input row. */
  readonly query?: PlanNode;
  /**
   * `LEFT JOIN LATERAL (SELECT …) ON c` / `LEFT JOIN UNNEST(…) ON c`: the join condition over the output row (the
   * input's columns, then the function's); a left row no produced row satisfies it for is padded with NULLs.
   */
  readonly condition?: BoundExpression;
  /** Where a LATERAL sub-query is written. */
  readonly span?: Span;
  readonly columns: readonly PlanColumn[];
}
