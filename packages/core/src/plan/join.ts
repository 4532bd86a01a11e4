/**
 * A join, with the strategy Flink plans for it: `regular`; `interval` (bounded by time attributes of both sides);
 * `temporal` (`FOR SYSTEM_TIME AS OF` an event-time attribute: a versioned table); `lookup` (`FOR SYSTEM_TIME AS OF`
 * a processing-time attribute: the right table is queried per row); `window` (both sides window TVF results joined on
 * their window_start and window_end). Output: left columns, then right columns; a SEMI / ANTI join (`x [NOT] IN
 * (SELECT …)`, patterns/semi-join.ts) outputs the left columns only, those with a match (SEMI) or without (ANTI).
 */
import type { Span } from '../ast/node.js';
import type { JoinType } from '../ast/query.js';
import type { BoundExpression } from './expression.js';
import type { PlanColumn, PlanNode } from './node.js';

export type JoinStrategy = 'regular' | 'interval' | 'temporal' | 'lookup' | 'window';

export interface IntervalBounds {
  /** Positions (in the join's input row) of the left and right time attributes. */
  readonly leftTime: number;
  readonly rightTime: number;
}

export interface Join {
  readonly kind: 'Join';
  readonly left: PlanNode;
  readonly right: PlanNode;
  readonly type: JoinType | 'SEMI' | 'ANTI';
  readonly strategy: JoinStrategy;
  /** Over the join's input row (left columns, then right columns). */
  readonly condition?: BoundExpression;
  /** Equality conjuncts of the condition: (left position, right position in the input row). */
  readonly equiKeys: readonly (readonly [number, number])[];
  /** Temporal and lookup joins: the `FOR SYSTEM_TIME AS OF` expression, over the left columns. */
  readonly period?: BoundExpression;
  readonly interval?: IntervalBounds;
  /** The right side's name as written (its alias, or the table's name), when it has one: for diagnostics. */
  readonly rightName?: string;
  /** Written as a comma join (`FROM a, b`). */
  readonly comma?: true;
  /** Where the join is written (its right side), for diagnostics. */
  readonly span?: Span;
  readonly columns: readonly PlanColumn[];
}
