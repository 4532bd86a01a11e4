/**
 * Flink's Expand for GROUPING SETS / ROLLUP / CUBE outside windows: every change is emitted once per grouping set,
 * in the sets' order, with the set's index appended (the aggregation groups by the set's keys and that index).
 */
import type { Change } from '../changelog.js';
import { Operator } from './operator.js';

export class ExpandOperator extends Operator {
  constructor(private readonly sets: number) {
    super(1);
  }

  process(change: Change): void {
    for (let e = 0; e < this.sets; e++) this.emit({ kind: change.kind, row: [...change.row, e] });
  }
}
