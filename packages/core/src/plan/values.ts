/** `VALUES (…), (…)`: literal rows. */
import type { BoundExpression } from './expression.js';
import type { PlanColumn } from './node.js';

export interface Values {
  readonly kind: 'Values';
  readonly rows: readonly (readonly BoundExpression[])[];
  readonly columns: readonly PlanColumn[];
}
