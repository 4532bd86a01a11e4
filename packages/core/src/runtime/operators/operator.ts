/**
 * The push-based operator model: an operator receives changes (and watermarks) on numbered inputs and
 * emits changes downstream. Bounded runs end with a MAX watermark and then `finish()`.
 *
 * Runs of inserts may also travel as batches (`processInserts`): a source without computed columns or
 * watermarks hands consecutive insert rows to a chain of single-consumer operators, each of which handles the
 * whole batch before the next. That is the per-row order exactly, because nothing else happens in between: no
 * watermark, no other input, no second consumer (a fan-out emits row by row). An evaluation error is tagged
 * with the index of its source row in the batch, so the job can name the row as it does row by row.
 *
 * A source fed a columnar fixture hands such runs on as columns (`processColumns`: one array per column, rows
 * `start..end`); an operator that can read columns directly overrides it, any other gets the rows made from them.
 */
import type { Change, RowKind } from '../changelog.js';
import type { Row } from '../compiled.js';
import { EvaluationError } from '../errors.js';

export const MAX_WATERMARK = Number.MAX_SAFE_INTEGER;

export interface Downstream {
  push(change: Change): void;
  watermark(wm: number): void;
  finish(): void;
}

export abstract class Operator implements Downstream {
  private readonly outputs: { readonly op: Operator; readonly input: number }[] = [];
  private currentWatermark = -Infinity;
  private readonly inputWatermarks: number[] = [];
  private finishedInputs = 0;

  constructor(readonly inputCount: number) {
    for (let i = 0; i < inputCount; i++) this.inputWatermarks.push(-Infinity);
  }

  connectTo(op: Operator, input = 0): void {
    this.outputs.push({ op, input });
  }

  /** How many consumers this operator feeds. */
  outputCount(): number {
    return this.outputs.length;
  }

  /** The one operator this one feeds, on its first input; undefined with none or several consumers. */
  protected soleConsumer(): Operator | undefined {
    const o = this.outputs.length === 1 ? this.outputs[0] : undefined;
    return o !== undefined && o.input === 0 ? o.op : undefined;
  }

  /** Handle one change on input `input`. */
  abstract process(change: Change, input: number): void;

  /**
   * Handle one change given as its kind and row (`emitRow`): the default makes the `Change` and calls `process`;
   * an operator that reads only the two and keeps no `Change` (the sink) overrides it, and no object is made.
   */
  receiveRow(kind: RowKind, row: Row, input: number): void {
    this.process({ kind, row }, input);
  }

  /**
   * Handle a batch of inserts on input `input`, in order; `origin[i]` is the source batch index of `rows[i]`
   * (absent: `i`). Operators with a cheaper loop override this; the default handles them one by one.
   */
  processInserts(rows: readonly Row[], origin: Int32Array | undefined, input: number): void {
    for (let i = 0; i < rows.length; i++) {
      try {
        this.process({ kind: '+I', row: rows[i] as Row }, input);
      } catch (e) {
        throw tagSourceRow(e, origin, i);
      }
    }
  }

  /**
   * Handle a batch of inserts from a source with a WATERMARK on input `input`, each row followed by the watermark it
   * advanced to (`marks[i]`, NaN where row `i` did not advance it): exactly the per-row order of a row, then its
   * watermark, without a Change per row. `marks` may be longer than `rows` and is the source's buffer, valid during
   * the call only. The default handles them one by one; an error (also one raised by a timer the watermark fires) is
   * tagged with the row's index.
   */
  processInsertsWatermarked(rows: readonly Row[], marks: Float64Array, input: number): void {
    for (let i = 0; i < rows.length; i++) {
      try {
        this.process({ kind: '+I', row: rows[i] as Row }, input);
        const m = marks[i] as number;
        if (m === m) this.receiveWatermark(m, input);
      } catch (e) {
        throw tagSourceRow(e, undefined, i);
      }
    }
  }

  /**
   * Emit a batch of inserts, each followed by its watermark (`marks[i]`, NaN for none): as one batch to a single
   * consumer, row by row otherwise, and as a plain batch when no consumer reads watermarks.
   */
  protected emitInsertsWatermarked(rows: readonly Row[], marks: Float64Array): void {
    if (!this.consumersReadWatermarks()) {
      this.emitInserts(rows, undefined);
      return;
    }
    const outs = this.outputs;
    if (outs.length === 1) {
      const o = outs[0] as { readonly op: Operator; readonly input: number };
      o.op.processInsertsWatermarked(rows, marks, o.input);
      return;
    }
    for (let i = 0; i < rows.length; i++) {
      try {
        this.emit({ kind: '+I', row: rows[i] as Row });
        const m = marks[i] as number;
        if (m === m) this.emitWatermark(m);
      } catch (e) {
        throw tagSourceRow(e, undefined, i);
      }
    }
  }

  /**
   * Handle the inserts `start..end` of `columns` (one array per input column, values as the runtime holds them)
   * on input `input`, in order; an error is tagged with the row's index from `start`. The default makes the rows
   * and handles them as `processInserts` does.
   */
  processColumns(columns: readonly ArrayLike<unknown>[], start: number, end: number, input: number): void {
    this.processInserts(rowsOfColumns(columns, start, end), undefined, input);
  }

  /**
   * Whether this operator takes a batch of inserts as columns (`processColumns`) at least as cheaply as rows: a
   * producer that makes its rows (a projecting Calc) then makes columns instead, one array per column rather than
   * one per row. False by default: the default `processColumns` makes the rows again.
   */
  takesColumns(): boolean {
    return false;
  }

  /** The one consumer this operator feeds when it takes columns (see `takesColumns`). */
  protected columnConsumer(): Operator | undefined {
    const o = this.soleConsumer();
    return o !== undefined && o.takesColumns() ? o : undefined;
  }

  /** Emit inserts given as columns: as columns to a single consumer, as rows otherwise. */
  protected emitColumns(columns: readonly ArrayLike<unknown>[], start: number, end: number): void {
    const outs = this.outputs;
    if (outs.length === 1) {
      const o = outs[0] as { readonly op: Operator; readonly input: number };
      o.op.processColumns(columns, start, end, o.input);
      return;
    }
    this.emitInserts(rowsOfColumns(columns, start, end), undefined);
  }

  /** Emit a batch of inserts: as a batch to a single consumer, row by row (each to every consumer) otherwise. */
  protected emitInserts(rows: readonly Row[], origin: Int32Array | undefined): void {
    const outs = this.outputs;
    if (outs.length === 1) {
      const o = outs[0] as { readonly op: Operator; readonly input: number };
      o.op.processInserts(rows, origin, o.input);
      return;
    }
    for (let i = 0; i < rows.length; i++) {
      try {
        this.emit({ kind: '+I', row: rows[i] as Row });
      } catch (e) {
        throw tagSourceRow(e, origin, i);
      }
    }
  }

  /** Called when the combined watermark advances. */
  protected onWatermark(wm: number): void {
    this.emitWatermark(wm);
  }

  /** Called once when every input is finished (after the MAX watermark). */
  protected onFinish(): void {}

  get watermarkValue(): number {
    return this.currentWatermark;
  }

  /** `emit` of a change made of `kind` and `row` (see `receiveRow`): for a producer of one result row per input row. */
  protected emitRow(kind: RowKind, row: Row): void {
    const outs = this.outputs;
    for (let i = 0; i < outs.length; i++) {
      const o = outs[i] as { readonly op: Operator; readonly input: number };
      o.op.receiveRow(kind, row, o.input);
    }
  }

  protected emit(change: Change): void {
    const outs = this.outputs;
    for (let i = 0; i < outs.length; i++) {
      const o = outs[i] as { readonly op: Operator; readonly input: number };
      o.op.process(change, o.input);
    }
  }

  /**
   * Whether this operator acts on watermarks (fires timers, drops late rows, forwards them to one that does).
   * A sink does not; an operator that only forwards them (a Calc) reads them when one of its consumers does.
   */
  readsWatermarks(): boolean {
    return true;
  }

  /** Whether any consumer reads watermarks (decided once the plan is connected, at the first watermark). */
  private watermarksRead: boolean | undefined;

  /** Whether some consumer reads watermarks. */
  protected consumersReadWatermarks(): boolean {
    this.watermarksRead ??= this.outputs.some((o) => o.op.readsWatermarks());
    return this.watermarksRead;
  }

  protected emitWatermark(wm: number): void {
    // a watermark nobody after this operator acts on is not passed on, row after row
    if (!this.consumersReadWatermarks()) return;
    const outs = this.outputs;
    for (let i = 0; i < outs.length; i++) {
      const o = outs[i] as { readonly op: Operator; readonly input: number };
      o.op.receiveWatermark(wm, o.input);
    }
  }

  receive(change: Change, input: number): void {
    this.process(change, input);
  }

  receiveWatermark(wm: number, input: number): void {
    const marks = this.inputWatermarks;
    if (wm <= (marks[input] ?? -Infinity)) return;
    marks[input] = wm;
    let combined = marks[0] as number;
    for (let i = 1; i < marks.length; i++) if ((marks[i] as number) < combined) combined = marks[i] as number;
    if (combined > this.currentWatermark) {
      this.currentWatermark = combined;
      this.onWatermark(combined);
    }
  }

  receiveFinish(): void {
    this.finishedInputs++;
    if (this.finishedInputs < this.inputCount) return;
    this.onFinish();
    for (const o of this.outputs) o.op.receiveFinish();
  }

  push(change: Change): void {
    this.receive(change, 0);
  }
  watermark(wm: number): void {
    this.receiveWatermark(wm, 0);
  }
  finish(): void {
    this.receiveFinish();
  }
}

/** The rows `start..end` of `columns`, each a new array. */
export function rowsOfColumns(columns: readonly ArrayLike<unknown>[], start: number, end: number): Row[] {
  const width = columns.length;
  const rows = new Array<Row>(end - start);
  for (let i = start; i < end; i++) {
    const row = new Array<unknown>(width);
    for (let c = 0; c < width; c++) row[c] = (columns[c] as ArrayLike<unknown>)[i];
    rows[i - start] = row;
  }
  return rows;
}

/** Marks an evaluation error with the source batch index of the row being handled (the innermost mark wins). */
export function tagSourceRow(e: unknown, origin: Int32Array | undefined, i: number): unknown {
  if (e instanceof EvaluationError && e.sourceRow === undefined) e.sourceRow = origin ? origin[i] : i;
  return e;
}
