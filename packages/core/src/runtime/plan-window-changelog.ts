/**
 * Window TVF aggregation over an updating input (a primary-key changelog: CDC, Paimon with a changelog producer,
 * or an upsert source after its ChangelogNormalize), as Flink 1.20 plans it: the same window aggregation with
 * retracting aggregates (COUNT_RETRACT, SUM_RETRACT, MAX_RETRACT …) and a hidden `COUNT(*)` of the window's rows
 * (Flink's `count1`). A -U / -D takes its row back out of the window its time falls in while that window is open;
 * one for a window that already fired is late and dropped, like any late row; when the window fires, a group whose
 * rows were all taken back (its row count is 0) emits nothing, while one that saw only a -D (a count of -1) emits
 * its negative count, as Flink does. The output is insert-only, fired by the watermark.
 * Checked against real Flink 1.20.1 in test/flink/window-over-changelog.test.ts.
 *
 * Kept apart from plan.ts (which only calls `windowAggregateOverChangelog`): the window operator is the
 * insert-only one, given the extra count, and a Calc after it drops empty groups and the count.
 */
import type { Span } from '../ast/node.js';
import type { Evaluator } from './compiled.js';
import { unsupported } from './errors.js';
import { AggregateSet } from './operators/aggregates.js';
import type { AggregateSpec } from './operators/aggregates.js';
import { CalcOperator } from './operators/calc.js';
import type { Operator } from './operators/operator.js';
import { WindowAggregateOperator } from './operators/window-aggregate.js';
import type { WindowSpec } from './operators/window-aggregate.js';
import { T } from './types.js';

export interface ChangelogWindowAggregate {
  /** Where the input connects. */
  readonly head: Operator;
  /** What produces the rows `[...keys, ...aggregates, window_start, window_end, window_time]`. */
  readonly tail: Operator;
}

/** The window aggregation of `specs` over an updating input (see the file comment). */
export function windowAggregateOverChangelog(
  window: WindowSpec,
  timeIndex: number,
  bounds: readonly [number, number],
  keys: readonly Evaluator[],
  keySets: readonly (readonly number[])[],
  specs: readonly AggregateSpec[],
  span: Span | undefined,
): ChangelogWindowAggregate {
  if (window.kind === 'SESSION') throw unsupported('SESSION window aggregation over an updating input', span);
  const count: AggregateSpec = { name: 'COUNT', distinct: false, resultType: T.bigint(false) };
  const head = new WindowAggregateOperator(window, timeIndex, bounds, keys, keySets, new AggregateSet([...specs, count]));
  const at = keys.length + specs.length;
  const width = at + 4;
  const kept = Array.from({ length: width }, (_, i) => i).filter((i) => i !== at);
  const tail = new CalcOperator((row) => row[at] !== 0 && row[at] !== 0n, kept.map((i) => (row) => row[i]));
  head.connectTo(tail);
  return { head, tail };
}
