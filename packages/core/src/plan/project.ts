/** A selection: one bound expression per output column. */
import type { BoundExpression } from './expression.js';
import type { PlanColumn, PlanNode } from './node.js';

export interface Project {
  readonly kind: 'Project';
  readonly input: PlanNode;
  readonly exprs: readonly BoundExpression[];
  readonly columns: readonly PlanColumn[];
}
