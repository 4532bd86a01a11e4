/**
 * Flink's ROW_NUMBER patterns (recognised in patterns/rank.ts): TopN (`rn <= N`) and deduplication (ROW_NUMBER
 * ordered by one time attribute, `rn = 1`). `windowed` when partitioned by a window TVF's window_start and
 * window_end (window TopN / window deduplication). Output: the input's columns, then the row number.
 */
import type { FunctionCall } from '../ast/expression.js';
import type { BoundExpression } from './expression.js';
import type { PlanColumn, PlanNode, TimeAttribute } from './node.js';
import type { SortKey } from './sort-key.js';

export interface Rank {
  readonly kind: 'Rank';
  readonly input: PlanNode;
  /** The `ROW_NUMBER() OVER (…)` call the pattern was written with. */
  readonly call: FunctionCall;
  readonly fn: 'ROW_NUMBER' | 'RANK' | 'DENSE_RANK';
  readonly partitionKeys: readonly BoundExpression[];
  readonly orderKeys: readonly SortKey[];
  /** The row numbers kept, inclusive. */
  readonly range: { readonly start: number; readonly end: number };
  readonly windowed: boolean;
  readonly columns: readonly PlanColumn[];
}

export interface Deduplicate {
  readonly kind: 'Deduplicate';
  readonly input: PlanNode;
  /** The `ROW_NUMBER() OVER (…)` call the pattern was written with. */
  readonly call: FunctionCall;
  readonly partitionKeys: readonly BoundExpression[];
  readonly orderKey: SortKey;
  /** ORDER BY time ASC keeps the first row, DESC the last. */
  readonly keep: 'first' | 'last';
  readonly time: TimeAttribute;
  readonly windowed: boolean;
  readonly columns: readonly PlanColumn[];
}
