/**
 * OVER window frames as Flink supports them: the frame always ends at the current row and starts a number of
 * rows back (`ROWS`) or a time interval back on the ORDER BY time attribute (`RANGE`), or unbounded.
 *
 * ```ts
 * fn.sum(o.amount).over({ partitionBy: [o.user_id], orderBy: [o.ts], frame: rangePreceding(interval('1', 'HOUR')) })
 * // SUM(`o`.`amount`) OVER (PARTITION BY `o`.`user_id` ORDER BY `o`.`ts` RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW)
 * ```
 */
import type { FrameBound, WindowFrame } from '../ast/expression.js';
import { builderText } from './errors.js';
import { Expr } from './expr.js';
import { argumentError } from '../diagnostics/arguments.js';
import type { IntervalRoot } from './type-level.js';
import { DEFINITION_TEXTS } from '../diagnostics/definition-codes.js';

const CURRENT_ROW: FrameBound = { kind: 'CurrentRow' };

/** `ROWS BETWEEN n PRECEDING AND CURRENT ROW` (or `UNBOUNDED PRECEDING`). */
export function rowsPreceding(n: number | 'unbounded'): WindowFrame {
  if (n === 'unbounded') return { unit: 'ROWS', start: { kind: 'UnboundedPreceding' }, end: CURRENT_ROW };
  if (!Number.isInteger(n) || n < 0) builderText(DEFINITION_TEXTS.badPreceding({ n }));
  return { unit: 'ROWS', start: { kind: 'Preceding', offset: { kind: 'NumericLiteral', text: String(n) } }, end: CURRENT_ROW };
}

/** `RANGE BETWEEN INTERVAL … PRECEDING AND CURRENT ROW` (or `UNBOUNDED PRECEDING`) over the ORDER BY time attribute. */
export function rangePreceding(range: Expr<IntervalRoot, unknown, boolean> | 'unbounded'): WindowFrame {
  if (range === 'unbounded') return { unit: 'RANGE', start: { kind: 'UnboundedPreceding' }, end: CURRENT_ROW };
  if (!(range instanceof Expr)) throw argumentError('rangePreceding()', 'range', "an INTERVAL expression (interval(…)) or 'unbounded'", range);
  return { unit: 'RANGE', start: { kind: 'Preceding', offset: range.node }, end: CURRENT_ROW };
}
