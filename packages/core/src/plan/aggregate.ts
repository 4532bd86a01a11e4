/**
 * GROUP BY (with grouping sets, ROLLUP and CUBE expanded to sets of key positions), SELECT DISTINCT, and legacy
 * group windows (`GROUP BY TUMBLE(ts, …)`). Output: the keys, then one column per aggregate call.
 */
import type { FunctionCall } from '../ast/expression.js';
import type { Span } from '../ast/node.js';
import type { DataType } from '../types/data-type.js';
import type { BoundExpression } from './expression.js';
import type { PlanColumn, PlanNode } from './node.js';

export interface AggregateCall {
  /** The function name as written (upper-case for built-ins). */
  readonly fn: string;
  readonly ast: FunctionCall;
  readonly args: readonly BoundExpression[];
  readonly distinct: boolean;
  readonly filter?: BoundExpression;
  readonly type?: DataType;
}

export interface Aggregate {
  readonly kind: 'Aggregate';
  readonly input: PlanNode;
  readonly keys: readonly BoundExpression[];
  /** Positions in `keys` of each grouping set; one set of every key for a plain GROUP BY. */
  readonly groupingSets: readonly (readonly number[])[];
  readonly calls: readonly AggregateCall[];
  /** The key that is a legacy group window (`TUMBLE(ts, INTERVAL …)`), if any. */
  readonly windowKey?: number;
  /** Set for SELECT DISTINCT (an Aggregate keyed by every column, without calls): where the SELECT is written. */
  readonly distinct?: { readonly span?: Span };
  readonly columns: readonly PlanColumn[];
}
