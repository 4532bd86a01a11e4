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

  /**
   * Inserts read from columns: each row's values are put into one scratch row that the filter and the projections
   * read (they only read a row's values, never keep the row), and only a row that passes becomes an array of its
   * own (the projection's, or a copy). Errors name the row's index from `start`, as for a batch of rows.
   */
  override processColumns(columns: readonly ArrayLike<unknown>[], start: number, end: number): void {
    const filter = this.filter;
    const project = this.project;
    const width = columns.length;
    const scratch = new Array<unknown>(width).fill(null);
    const out: Row[] = [];
    const kept = new Int32Array(end - start);
    let i = start;
    try {
      for (; i < end; i++) {
        for (let c = 0; c < width; c++) scratch[c] = (columns[c] as ArrayLike<unknown>)[i];
        if (filter !== undefined && filter(scratch) !== true) continue;
        kept[out.length] = i - start;
        out.push(project ? project(scratch) : scratch.slice());
      }
    } catch (e) {
      throw tagSourceRow(e, undefined, i - start);
    }
    if (out.length > 0) this.emitInserts(out, kept.subarray(0, out.length));
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
