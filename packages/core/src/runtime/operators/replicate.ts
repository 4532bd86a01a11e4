/**
 * Flink's ReplicateRows table function as INTERSECT ALL / EXCEPT ALL use it: each change of a row and its count
 * becomes `count` changes of the row (its first `width` columns), all of the change's kind.
 */
import type { Change } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { Operator } from './operator.js';

export class ReplicateOperator extends Operator {
  constructor(
    private readonly count: Evaluator,
    private readonly width: number,
  ) {
    super(1);
  }

  process(change: Change): void {
    const n = Number(this.count(change.row) ?? 0);
    const row = change.row.slice(0, this.width);
    for (let i = 0; i < n; i++) this.emit({ kind: change.kind, row });
  }
}
