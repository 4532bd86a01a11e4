/** OVER windows: the input's columns, then one column per windowed call (`SUM(x) OVER (…)`, `ROW_NUMBER() OVER (…)`). */
import type { FunctionCall, WindowFrame } from '../ast/expression.js';
import type { DataType } from '../types/data-type.js';
import type { BoundExpression } from './expression.js';
import type { PlanColumn, PlanNode } from './node.js';
import type { SortKey } from './sort-key.js';

export interface OverCall {
  readonly fn: string;
  readonly ast: FunctionCall;
  readonly args: readonly BoundExpression[];
  readonly partitionBy: readonly BoundExpression[];
  readonly orderBy: readonly SortKey[];
  readonly frame?: WindowFrame;
  readonly type?: DataType;
}

export interface Over {
  readonly kind: 'Over';
  readonly input: PlanNode;
  readonly calls: readonly OverCall[];
  readonly columns: readonly PlanColumn[];
}
