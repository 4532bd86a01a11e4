/** WHERE / HAVING: the rows for which `condition` is TRUE. */
import type { BoundExpression } from './expression.js';
import type { PlanColumn, PlanNode } from './node.js';

export interface Filter {
  readonly kind: 'Filter';
  readonly input: PlanNode;
  readonly condition: BoundExpression;
  readonly columns: readonly PlanColumn[];
}
