/**
 * Group aggregation over a changelog (Flink's GroupAggFunction): per key, +I for the first result, -U/+U
 * when the result changes (nothing when it does not), -D when the last row of the key is retracted.
 * Output rows are `[...keys, ...aggregates]`.
 */
import type { Change } from '../changelog.js';
import { isAccumulate } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { groupKey, rowsEqual } from '../values/compare.js';
import type { Accumulator, AggregateSet } from './aggregates.js';
import { Operator } from './operator.js';

interface GroupState {
  readonly keys: unknown[];
  readonly accs: Accumulator[];
  count: number;
  prev?: unknown[];
}

export class GroupAggregateOperator extends Operator {
  private readonly groups = new Map<unknown, GroupState>();
  /** Off when the only consumer is an upsert sink (Flink then does not generate UPDATE_BEFORE either). */
  generateUpdateBefore = true;

  constructor(
    private readonly keys: readonly Evaluator[],
    private readonly aggs: AggregateSet,
  ) {
    super(1);
  }

  process(change: Change): void {
    const keys = this.keys;
    const keyVals = new Array<unknown>(keys.length);
    for (let i = 0; i < keys.length; i++) keyVals[i] = (keys[i] as Evaluator)(change.row);
    const k = groupKey(keyVals);
    let g = this.groups.get(k);
    const acc = isAccumulate(change.kind);
    if (!g) {
      if (!acc) return; // retraction for a key without state: ignored, as Flink does
      g = { keys: keyVals, accs: this.aggs.create(), count: 0 };
      this.groups.set(k, g);
    }
    this.aggs.accumulate(g.accs, change.row, !acc);
    g.count += acc ? 1 : -1;
    if (g.count <= 0) {
      if (g.prev) this.emit({ kind: '-D', row: g.prev });
      this.groups.delete(k);
      return;
    }
    const vals = this.aggs.values(g.accs);
    const nk = g.keys.length;
    const out = new Array<unknown>(nk + vals.length);
    for (let i = 0; i < nk; i++) out[i] = g.keys[i];
    for (let i = 0; i < vals.length; i++) out[nk + i] = vals[i];
    if (!g.prev) {
      this.emit({ kind: '+I', row: out });
    } else if (!rowsEqual(g.prev, out)) {
      if (this.generateUpdateBefore) this.emit({ kind: '-U', row: g.prev });
      this.emit({ kind: '+U', row: out });
    }
    g.prev = out;
  }
}
