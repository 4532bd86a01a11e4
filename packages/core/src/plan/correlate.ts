/**
 * A correlated table function over each input row: `CROSS JOIN UNNEST(arr)` and `[LEFT JOIN] LATERAL TABLE(fn(…))`.
 * Output: the input's columns, then the function's.
 */
import type { BoundExpression } from './expression.js';
import type { PlanColumn, PlanNode } from './node.js';

export interface Correlate {
  readonly kind: 'Correlate';
  readonly input: PlanNode;
  /** `UNNEST`, or the table function's name as written. */
  readonly fn: string;
  /** Over the input's columns. */
  readonly args: readonly BoundExpression[];
  readonly type: 'INNER' | 'LEFT';
  readonly withOrdinality: boolean;
  readonly columns: readonly PlanColumn[];
}
