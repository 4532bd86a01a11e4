/**
 * MATCH_RECOGNIZE (Flink's CEP): rows of each partition, in time order, matched against a pattern of variables;
 * ONE ROW PER MATCH gives the partition columns, then one column per measure.
 *
 * MEASURES and DEFINE expressions are bound over slots: every navigation (`A.price`, `FIRST(A.price, 1)`,
 * `LAST(price, 2)`), aggregate over a variable (`AVG(A.price)`) and MATCH_ROWTIME() / MATCH_PROCTIME() in them is
 * one slot (a `MatchAccess`), and the expression reads slot `i` as column `i` (`refs`), so the runtime fills the
 * slots for a (partial) match and evaluates the expression as over any row.
 */
import type { Span } from '../ast/node.js';
import type { DataType } from '../types/data-type.js';
import type { BoundExpression } from './expression.js';
import type { PlanColumn, PlanNode, TimeAttribute } from './node.js';

/** One pattern variable with its quantifier (`max` undefined: unbounded); `greedy` unless written reluctant. */
export interface MatchPatternElement {
  readonly variable: string;
  readonly min: number;
  readonly max?: number;
  readonly greedy: boolean;
}

/** Which row(s) of the match a slot reads (`variable` undefined: every row of the match). */
export type MatchAccess =
  /** `expr` over the row `offset` rows after the first / before the last row mapped to `variable`. */
  | { readonly kind: 'Navigate'; readonly from: 'FIRST' | 'LAST'; readonly offset: number; readonly variable?: string; readonly expr: BoundExpression; readonly type: DataType }
  /** An aggregate over the rows mapped to `variable` (`arg` undefined: COUNT(*)). */
  | { readonly kind: 'Aggregate'; readonly fn: string; readonly variable?: string; readonly arg?: BoundExpression; readonly type: DataType }
  | { readonly kind: 'MatchRowtime'; readonly type: DataType }
  | { readonly kind: 'MatchProctime'; readonly type: DataType };

/** A MEASURES or DEFINE expression: `expr` reads slot `i` as column `i`. */
export interface MatchExpression {
  readonly expr: BoundExpression;
  readonly slots: readonly MatchAccess[];
}

export type MatchSkip =
  | { readonly kind: 'PastLastRow' | 'ToNextRow' }
  | { readonly kind: 'ToFirst' | 'ToLast'; readonly variable: string };

export interface MatchRecognize {
  readonly kind: 'MatchRecognize';
  readonly input: PlanNode;
  /** Input columns of PARTITION BY (also the first output columns). */
  readonly partitionKeys: readonly number[];
  /** The time attribute rows are ordered by (the first ORDER BY key) … */
  readonly timeColumn: number;
  readonly time: TimeAttribute;
  /** … and the ORDER BY keys after it, for rows of equal time. */
  readonly orderKeys: readonly { readonly column: number; readonly direction: 'ASC' | 'DESC'; readonly nulls?: 'FIRST' | 'LAST' }[];
  readonly pattern: readonly MatchPatternElement[];
  readonly after: MatchSkip;
  /** WITHIN: a constant INTERVAL. */
  readonly within?: BoundExpression;
  /** By variable; a variable without DEFINE matches every row. */
  readonly define: ReadonlyMap<string, MatchExpression>;
  readonly measures: readonly MatchExpression[];
  readonly columns: readonly PlanColumn[];
  /** The clause in the user's text. */
  readonly span?: Span;
}
