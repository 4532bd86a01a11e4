/**
 * The push-based operator model: an operator receives changes (and watermarks) on numbered inputs and
 * emits changes downstream. Bounded runs end with a MAX watermark and then `finish()`.
 */
import type { Change } from '../changelog.js';

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

  /** Handle one change on input `input`. */
  abstract process(change: Change, input: number): void;

  /** Called when the combined watermark advances. */
  protected onWatermark(wm: number): void {
    this.emitWatermark(wm);
  }

  /** Called once when every input is finished (after the MAX watermark). */
  protected onFinish(): void {}

  get watermarkValue(): number {
    return this.currentWatermark;
  }

  protected emit(change: Change): void {
    const outs = this.outputs;
    for (let i = 0; i < outs.length; i++) {
      const o = outs[i] as { readonly op: Operator; readonly input: number };
      o.op.process(change, o.input);
    }
  }

  protected emitWatermark(wm: number): void {
    for (const o of this.outputs) o.op.receiveWatermark(wm, o.input);
  }

  receive(change: Change, input: number): void {
    this.process(change, input);
  }

  receiveWatermark(wm: number, input: number): void {
    if (wm <= (this.inputWatermarks[input] ?? -Infinity)) return;
    this.inputWatermarks[input] = wm;
    const combined = Math.min(...this.inputWatermarks);
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
