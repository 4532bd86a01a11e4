/**
 * A window table-valued function (TUMBLE, HOP, CUMULATE, SESSION): the input's columns, then `window_start`,
 * `window_end` and `window_time`.
 */
import type { FunctionCall } from '../ast/expression.js';
import type { BoundExpression } from './expression.js';
import type { PlanColumn, PlanNode } from './node.js';

export type WindowFunction = 'TUMBLE' | 'HOP' | 'CUMULATE' | 'SESSION';

export interface WindowTableFunction {
  readonly kind: 'WindowTableFunction';
  readonly input: PlanNode;
  readonly fn: WindowFunction;
  /** The call as written (its DESCRIPTOR and named arguments), for diagnostics. */
  readonly call: FunctionCall;
  /** The DESCRIPTOR column's position in the input. */
  readonly timeColumn: number;
  /** The size / slide / step / gap arguments (constants). */
  readonly args: readonly BoundExpression[];
  /** SESSION windows per key: `TABLE t PARTITION BY k` (columns of the input; none when absent). */
  readonly partitionKeys?: readonly BoundExpression[];
  readonly columns: readonly PlanColumn[];
}
