/** Calc: filter and project, row by row, keeping the change kind. */
import type { Change } from '../changelog.js';
import type { Evaluator, Row } from '../compiled.js';
import { Operator, tagSourceRow } from './operator.js';
import { projector } from './projector.js';
import { calcLoop } from './calc-loop.js';
import type { CalcInput, CalcLoop, CalcOutput } from './calc-loop.js';
import type { Projector } from './projector.js';

export class CalcOperator extends Operator {
  private project: Projector | undefined;
  /** The projections (empty without one), for the batch loops. */
  private projections: readonly Evaluator[] = [];
  /** This Calc's batch loops, by input form and width and output form (one or two per run). */
  private readonly loops = new Map<string, CalcLoop>();

  constructor(
    private readonly filter: Evaluator | undefined,
    projections: readonly Evaluator[] | undefined,
  ) {
    super(1);
    this.project = projections && projector(projections);
    this.projections = projections ?? [];
  }

  /** A filter-only Calc with no consumer yet can take the projection that follows it (one operator, as Flink's Calc). */
  canAbsorbProjection(): boolean {
    return this.project === undefined && this.outputCount() === 0;
  }

  absorbProjection(projections: readonly Evaluator[]): void {
    if (!this.canAbsorbProjection()) throw new Error('internal: the Calc already projects or has consumers');
    this.project = projector(projections);
    this.projections = projections;
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
   * own (the projection's, or a copy) — or, for a consumer that takes columns, only its projected values, in one
   * column each. Errors name the row's index from `start`, as for a batch of rows.
   */
  override processColumns(columns: readonly ArrayLike<unknown>[], start: number, end: number): void {
    this.emitKept(this.runLoop('columns', columns, start, end, undefined), start, undefined);
  }

  override processInserts(rows: readonly Row[], origin: Int32Array | undefined): void {
    this.emitKept(this.runLoop('rows', rows, 0, rows.length, origin), 0, origin);
  }

  /** Runs the batch loop over rows `start..end` of `src`. */
  private runLoop(input: CalcInput, src: readonly Row[] | readonly ArrayLike<unknown>[], start: number, end: number, origin: Int32Array | undefined): Kept {
    const n = this.projections.length;
    const output: CalcOutput = this.project === undefined ? 'same' : this.columnConsumer() !== undefined ? 'columns' : 'rows';
    // rows are read whatever their number; columns by their count
    const width = input === 'columns' ? src.length : 0;
    const shape = `${input} ${width} ${output}`;
    let loop = this.loops.get(shape);
    if (loop === undefined) {
      loop = calcLoop(input, width, output, n, this.filter !== undefined);
      this.loops.set(shape, loop);
    }
    const size = end - start;
    // the scratch arrays are used again by the next batch (a consumer reads columns only while it is called); a
    // batch that arrives while one is handed on (no plan does that) gets its own
    const reuse = !this.busy;
    let kept = this.kept;
    if (!reuse || kept.length < size) kept = new Int32Array(Math.max(size, 16));
    let out: unknown[] = [];
    if (output === 'columns') {
      out = reuse && this.columns.length === n && (n === 0 || (this.columns[0] as unknown[]).length >= size) ? this.columns : Array.from({ length: n }, () => new Array<unknown>(size));
    }
    if (reuse) {
      this.kept = kept;
      if (output === 'columns') this.columns = out as unknown[][];
    }
    const at = this.at;
    let count: number;
    try {
      count = loop(src, start, end, this.filter, this.projections, out, kept, at);
    } catch (e) {
      throw tagSourceRow(e, origin, (at[0] as number) - start);
    }
    return { output, out, kept: kept.subarray(0, count), all: count === size, reused: reuse };
  }

  /** Scratch arrays of the batch loops: the kept rows' batch indices, the output columns, a failing row's index. */
  private kept = new Int32Array(0);
  private columns: unknown[][] = [];
  private readonly at = new Int32Array(1);
  /** While a batch is handed on. */
  private busy = false;

  /**
   * Hands on the rows a loop kept: as columns to a consumer that takes them (it cannot fail on a row, so no
   * source index goes with them), as rows otherwise, each with its source row's index.
   */
  private emitKept(k: Kept, start: number, origin: Int32Array | undefined): void {
    const count = k.kept.length;
    if (count === 0) return;
    if (k.output === 'columns') {
      if (k.reused) this.busy = true;
      try {
        this.emitColumns(k.out as unknown[][], 0, count);
      } finally {
        if (k.reused) this.busy = false;
        // the columns keep no values of this batch alive (strings, objects) beyond it
        for (const col of k.out as unknown[][]) col.fill(undefined, 0, count);
      }
      return;
    }
    let from = origin;
    if (!k.all || start !== 0) {
      from = new Int32Array(count);
      for (let j = 0; j < count; j++) {
        const i = (k.kept[j] as number) - start;
        from[j] = origin ? (origin[i] as number) : i;
      }
    }
    this.emitInserts(k.out as Row[], from);
  }
}

/** What a batch loop kept: its output (rows, or one column per projection), the kept rows' batch indices. */
interface Kept {
  readonly output: CalcOutput;
  readonly out: unknown[];
  readonly kept: Int32Array;
  /** Every row of the batch was kept. */
  readonly all: boolean;
  /** The scratch arrays are this Calc's own (used again by the next batch). */
  readonly reused: boolean;
}
