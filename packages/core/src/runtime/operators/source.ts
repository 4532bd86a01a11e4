/**
 * A table source: completes each physical row with its computed columns (PROCTIME(), `ts AS TO_TIMESTAMP(…)`)
 * and derives watermarks from the table's WATERMARK declaration after every row (rows may also carry explicit
 * watermarks): a watermark is passed on when it advances, right after its row (runs of rows travel as one batch
 * with their watermarks, `pushInserts`). Bounded input ends with a MAX watermark.
 */
import type { Change } from '../changelog.js';
import type { Evaluator, Row } from '../compiled.js';
import { MAX_WATERMARK, Operator, tagSourceRow } from './operator.js';

export class SourceOperator extends Operator {
  private wm = -Infinity;
  /** `pushInserts`' watermark per row, reused from batch to batch (not an ArrayBuffer made per batch). */
  private marks = new Float64Array(0);

  constructor(
    readonly tableName: string,
    /** Evaluators for the computed columns, over the row built so far. */
    private readonly computed: readonly { readonly index: number; readonly eval: Evaluator }[],
    private readonly width: number,
    /** The watermark a row gives (epoch millis of the WATERMARK expression), or null. */
    private readonly watermarkExpr: ((row: Row) => number | null) | undefined,
  ) {
    super(1);
  }

  process(change: Change): void {
    let row = change.row;
    if (this.computed.length > 0 || row.length !== this.width) {
      const full = new Array<unknown>(this.width).fill(null);
      for (let i = 0; i < change.row.length; i++) full[i] = change.row[i];
      for (const c of this.computed) full[c.index] = c.eval(full);
      row = full;
      this.emit({ kind: change.kind, row });
    } else this.emit(change);
    if (this.watermarkExpr) {
      const w = this.watermarkExpr(row);
      if (w !== null && w > this.wm) {
        this.wm = w;
        this.emitWatermark(this.wm);
      }
    }
  }

  /** Whether `pushInserts` may take rows of the input width as they are (the source computes no column). */
  get batchable(): boolean {
    return this.computed.length === 0;
  }

  /**
   * A run of insert rows of the input width, for a `batchable` source. With a WATERMARK, each row's watermark is
   * computed here and handed on with the batch (`emitInsertsWatermarked`): each row is still followed by the
   * watermark it advances to, as `process` does, without a Change per row.
   */
  pushInserts(rows: readonly Row[]): void {
    const wmOf = this.watermarkExpr;
    if (wmOf === undefined) {
      this.emitInserts(rows, undefined);
      return;
    }
    // one buffer for every batch (its consumers read `marks[0..rows.length)` during the call and keep nothing)
    let marks = this.marks;
    if (marks.length < rows.length) marks = this.marks = new Float64Array(rows.length);
    let wm = this.wm;
    let i = 0;
    try {
      for (; i < rows.length; i++) {
        const w = wmOf(rows[i] as Row);
        if (w !== null && w > wm) marks[i] = wm = w;
        else marks[i] = NaN;
      }
    } catch (e) {
      // the job fails with this row named (row by row, the rows before it were handed on first: no output is kept)
      throw tagSourceRow(e, undefined, i);
    }
    this.wm = wm;
    this.emitInsertsWatermarked(rows, marks);
  }

  /** Whether `pushColumns` may take a columnar input (no computed column, no WATERMARK: nothing is made per row). */
  get readsColumns(): boolean {
    return this.computed.length === 0 && this.watermarkExpr === undefined;
  }

  /** Rows `start..end` of `columns` (one array per input column) as inserts, for a source that `readsColumns`. */
  pushColumns(columns: readonly ArrayLike<unknown>[], start: number, end: number): void {
    this.emitColumns(columns, start, end);
  }

  /** An explicit watermark (epoch millis of the rowtime's wall clock). */
  advanceWatermark(ms: number): void {
    if (ms > this.wm) {
      this.wm = ms;
      this.emitWatermark(ms);
    }
  }

  endOfInput(): void {
    this.advanceWatermark(MAX_WATERMARK);
    this.finish();
  }
}
