/** Calc: filter and project, row by row, keeping the change kind. */
import type { Change } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { Operator } from './operator.js';

export class CalcOperator extends Operator {
  constructor(
    private readonly filter: Evaluator | undefined,
    private projections: readonly Evaluator[] | undefined,
  ) {
    super(1);
  }

  /** A filter-only Calc with no consumer yet can take the projection that follows it (one operator, as Flink's Calc). */
  canAbsorbProjection(): boolean {
    return this.projections === undefined && this.outputCount() === 0;
  }

  absorbProjection(projections: readonly Evaluator[]): void {
    if (!this.canAbsorbProjection()) throw new Error('internal: the Calc already projects or has consumers');
    this.projections = projections;
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
