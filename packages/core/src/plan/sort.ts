/** ORDER BY and / or LIMIT / OFFSET. */
import type { PlanColumn, PlanNode } from './node.js';
import type { SortKey } from './sort-key.js';

export interface Sort {
  readonly kind: 'Sort';
  readonly input: PlanNode;
  readonly keys: readonly SortKey[];
  readonly limit?: number;
  readonly offset?: number;
  readonly columns: readonly PlanColumn[];
}
