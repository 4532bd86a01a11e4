/** One key of an ORDER BY (a Sort, a Rank, an OVER window). */
import type { BoundExpression } from './expression.js';

export interface SortKey {
  readonly expr: BoundExpression;
  readonly direction: 'ASC' | 'DESC';
  readonly nulls?: 'FIRST' | 'LAST';
}
