/**
 * `(start1, end1) OVERLAPS (start2, end2)`: each period is a start and an end or a duration (an INTERVAL added
 * to the start); a period given backwards is turned around; the periods overlap when each starts no later
 * than the other ends (touching ends count, as in Flink's code generation).
 */
import type { Expression } from '../../ast/expression.js';
import { textError, notReached } from '../errors.js';
import type { Compiled } from '../compiled.js';
import { register } from './registry.js';
import type { CompilerApi } from './registry.js';
import { TYPE_TEXTS } from '../../typing/codes.js';

const isInterval = (c: Compiled): boolean => c.type.kind === 'INTERVAL_DAY_TIME' || c.type.kind === 'INTERVAL_YEAR_MONTH';

/** The period's bounds as expressions: the end is `start + duration` when the second part is an interval. */
function period(e: Expression, api: CompilerApi, side: string): readonly [Expression, Expression] {
  if (e.kind !== 'RowConstructor' || e.fields.length !== 2) throw textError(TYPE_TEXTS.badArgument({ kind: 'period' }), e.span);
  const [start, second] = e.fields as [Expression, Expression];
  const end: Expression = isInterval(api.compile(second)) ? { kind: 'Binary', op: '+', left: start, right: second } : second;
  return [start, end];
}

const le = (left: Expression, right: Expression): Expression => ({ kind: 'Binary', op: '<=', left, right });
/** The earlier (`first`) or later bound of a period, so a backwards period counts the same. */
const bound = ([a, b]: readonly [Expression, Expression], first: boolean): Expression => ({
  kind: 'Case',
  whens: [{ when: le(a, b), then: first ? a : b }],
  else: first ? b : a,
});

register('OVERLAPS', (args, call, api) => {
  if (args.length !== 2) throw notReached('OVERLAPS without two periods (the parser reads two)');
  const left = period(args[0]!, api, 'left');
  const right = period(args[1]!, api, 'right');
  return api.compile({ kind: 'Binary', op: 'AND', left: le(bound(left, true), bound(right, false)), right: le(bound(right, true), bound(left, false)) });
});
