/** Calc: filter and project, row by row, keeping the change kind. */
import type { Change } from '../changelog.js';
import type { Evaluator, Row } from '../compiled.js';
import { Operator, tagSourceRow } from './operator.js';
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

  /** A Calc only forwards watermarks. */
  override readsWatermarks(): boolean {
    return this.consumersReadWatermarks();
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

  override processInserts(rows: readonly Row[], origin: Int32Array | undefined): void {
    const filter = this.filter;
    const project = this.project;
    const out: Row[] = [];
    // the source index of each kept row, needed once a row is filtered out
    let kept: Int32Array | undefined;
    let i = 0;
    try {
      for (; i < rows.length; i++) {
        const row = rows[i] as Row;
        if (filter !== undefined && filter(row) !== true) {
          if (kept === undefined) {
            kept = new Int32Array(rows.length);
            for (let j = 0; j < out.length; j++) kept[j] = origin ? (origin[j] as number) : j;
          }
          continue;
        }
        if (kept !== undefined) kept[out.length] = origin ? (origin[i] as number) : i;
        out.push(project ? project(row) : row);
      }
    } catch (e) {
      throw tagSourceRow(e, origin, i);
    }
    if (out.length > 0) this.emitInserts(out, kept ? kept.subarray(0, out.length) : origin);
  }
}
