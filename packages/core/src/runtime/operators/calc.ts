/** Calc: filter and project, row by row, keeping the change kind. */
import type { Change } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { Operator } from './operator.js';

export class CalcOperator extends Operator {
  constructor(
    private readonly filter: Evaluator | undefined,
    private readonly projections: readonly Evaluator[] | undefined,
  ) {
    super(1);
  }

  process(change: Change): void {
    const row = change.row;
    if (this.filter && this.filter(row) !== true) return;
    if (!this.projections) {
      this.emit(change);
      return;
    }
    const ps = this.projections;
    const out = new Array<unknown>(ps.length);
    for (let i = 0; i < ps.length; i++) out[i] = (ps[i] as Evaluator)(row);
    this.emit({ kind: change.kind, row: out });
  }
}
