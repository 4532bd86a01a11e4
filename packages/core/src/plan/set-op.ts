/** UNION [ALL], INTERSECT, EXCEPT: columns by position, typed with the sides' common type. */
import type { PlanColumn, PlanNode } from './node.js';

export interface SetOp {
  readonly kind: 'SetOp';
  readonly op: 'UNION' | 'INTERSECT' | 'EXCEPT';
  readonly all: boolean;
  readonly inputs: readonly PlanNode[];
  readonly columns: readonly PlanColumn[];
}
