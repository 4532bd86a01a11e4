/** Calc: filter and project, row by row, keeping the change kind. */
import type { Change } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { Operator } from './operator.js';
import { projector } from './projector.js';
import type { Projector } from './projector.js';

export class CalcOperator extends Operator {
  private project: Projector | undefined;

  constructor(
    private readonly filter: Evaluator | undefined,
    projections: readonly Evaluator[] | undefined,
  ) {
    super(1);
    this.project = projections && projector(projections);
  }

  /** A filter-only Calc with no consumer yet can take the projection that follows it (one operator, as Flink's Calc). */
  canAbsorbProjection(): boolean {
    return this.project === undefined && this.outputCount() === 0;
  }

  absorbProjection(projections: readonly Evaluator[]): void {
    if (!this.canAbsorbProjection()) throw new Error('internal: the Calc already projects or has consumers');
    this.project = projector(projections);
  }

  process(change: Change): void {
    const row = change.row;
    if (this.filter && this.filter(row) !== true) return;
    if (!this.project) {
      this.emit(change);
      return;
    }
    this.emit({ kind: change.kind, row: this.project(row) });
  }
}
