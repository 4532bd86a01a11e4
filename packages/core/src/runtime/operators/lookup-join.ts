/**
 * Lookup join (`FOR SYSTEM_TIME AS OF o.proc_time`): each probe row is joined with the lookup table's content at
 * the moment it arrives (in tests: the fixture rows of the dimension table, loaded first); later changes of the
 * table do not update earlier results. Emits the probe row's kind (INNER, or LEFT with NULL padding).
 */
import type { Change } from '../changelog.js';
import { isAccumulate } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { rowKey } from '../values/compare.js';
import { Operator } from './operator.js';

export class LookupJoinOperator extends Operator {
  private readonly table: (readonly unknown[])[] = [];

  constructor(
    private readonly left: boolean,
    private readonly rightWidth: number,
    private readonly condition: Evaluator | undefined,
  ) {
    super(2);
  }

  process(change: Change, input: number): void {
    if (input === 1) {
      if (isAccumulate(change.kind)) this.table.push(change.row);
      else {
        const k = rowKey(change.row);
        const i = this.table.findIndex((r) => rowKey(r) === k);
        if (i >= 0) this.table.splice(i, 1);
      }
      return;
    }
    let matched = false;
    for (const r of this.table) {
      const j = [...change.row, ...r];
      if (this.condition && this.condition(j) !== true) continue;
      matched = true;
      this.emit({ kind: change.kind, row: j });
    }
    if (!matched && this.left) this.emit({ kind: change.kind, row: [...change.row, ...new Array<unknown>(this.rightWidth).fill(null)] });
  }
}
