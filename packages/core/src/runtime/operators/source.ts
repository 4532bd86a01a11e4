/**
 * A table source: completes each physical row with its computed columns (PROCTIME(), `ts AS TO_TIMESTAMP(…)`)
 * and derives watermarks from the table's WATERMARK declaration after every row (rows may also carry explicit
 * watermarks). Bounded input ends with a MAX watermark.
 */
import type { Change } from '../changelog.js';
import type { Evaluator, Row } from '../compiled.js';
import { MAX_WATERMARK, Operator } from './operator.js';

export class SourceOperator extends Operator {
  private wm = -Infinity;

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

  /** Whether `pushInserts` may pass rows of the input width through as they are. */
  get batchable(): boolean {
    return this.computed.length === 0 && this.watermarkExpr === undefined;
  }

  /** A run of insert rows of the input width, for a `batchable` source. */
  pushInserts(rows: readonly Row[]): void {
    this.emitInserts(rows, undefined);
  }

  /** Rows `start..end` of `columns` (one array per input column) as inserts, for a `batchable` source. */
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
