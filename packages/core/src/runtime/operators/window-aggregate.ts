/**
 * Window TVF aggregation (TUMBLE, HOP, CUMULATE, SESSION) driven by watermarks: a window fires once, with +I,
 * when the watermark reaches `window_end - 1ms`; rows for windows that already fired are late and dropped.
 * Output rows are `[...keys, ...aggregates, window_start, window_end, window_time]`.
 */
import type { Change } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { rowKey } from '../values/compare.js';
import { floorDiv, Timestamp } from '../values/temporal.js';
import type { Accumulator, AggregateSet } from './aggregates.js';
import { Operator } from './operator.js';

export type WindowSpec =
  | { readonly kind: 'TUMBLE'; readonly size: number; readonly offset: number }
  | { readonly kind: 'HOP'; readonly slide: number; readonly size: number; readonly offset: number }
  | { readonly kind: 'CUMULATE'; readonly step: number; readonly size: number; readonly offset: number }
  | { readonly kind: 'SESSION'; readonly gap: number };

/** The [start, end) windows a row at `ts` belongs to (not SESSION). */
export function assignWindows(w: WindowSpec, ts: number): [number, number][] {
  switch (w.kind) {
    case 'TUMBLE': {
      const start = floorDiv(ts - w.offset, w.size) * w.size + w.offset;
      return [[start, start + w.size]];
    }
    case 'HOP': {
      const out: [number, number][] = [];
      const last = floorDiv(ts - w.offset, w.slide) * w.slide + w.offset;
      for (let s = last; s > ts - w.size; s -= w.slide) out.push([s, s + w.size]);
      return out.reverse();
    }
    case 'CUMULATE': {
      const start = floorDiv(ts - w.offset, w.size) * w.size + w.offset;
      const out: [number, number][] = [];
      for (let e = start + w.step; e <= start + w.size; e += w.step) if (e > ts) out.push([start, e]);
      return out;
    }
    case 'SESSION':
      return [[ts, ts + w.gap]];
  }
}

interface Pane {
  readonly start: number;
  end: number;
  readonly keys: unknown[];
  readonly accs: Accumulator[];
  readonly seq: number;
}

export class WindowAggregateOperator extends Operator {
  private readonly panes = new Map<string, Pane>();
  private seq = 0;

  constructor(
    /** SESSION windows are assigned here; other windows arrive assigned (`bounds` = window_start/end columns). */
    private readonly window: WindowSpec,
    private readonly timeIndex: number,
    private readonly bounds: readonly [number, number] | undefined,
    private readonly keys: readonly Evaluator[],
    /** Grouping sets as lists of active key positions (one set with every key for a plain GROUP BY). */
    private readonly keySets: readonly (readonly number[])[],
    private readonly aggs: AggregateSet,
  ) {
    super(1);
  }

  process(change: Change): void {
    const t = change.row[this.timeIndex] as Timestamp | null;
    if (t === null) return;
    const ts = t.millis;
    const all = this.keys.map((k) => k(change.row));
    const retract = change.kind === '-U' || change.kind === '-D';
    for (const set of this.keySets) {
      const keyVals = all.map((v, i) => (set.includes(i) ? v : null));
      const gk = rowKey(keyVals) + '#' + set.join(',');
      if (this.window.kind === 'SESSION') {
        this.addToSession(gk, keyVals, ts, change.row, retract);
        continue;
      }
      const assigned: [number, number][] = this.bounds
        ? [[(change.row[this.bounds[0]] as Timestamp).millis, (change.row[this.bounds[1]] as Timestamp).millis]]
        : assignWindows(this.window, ts);
      for (const [start, end] of assigned) {
        if (end - 1 <= this.watermarkValue) continue; // late
        const k = `${start}|${end}|${gk}`;
        let p = this.panes.get(k);
        if (!p) {
          p = { start, end, keys: keyVals, accs: this.aggs.create(), seq: this.seq++ };
          this.panes.set(k, p);
        }
        this.aggs.accumulate(p.accs, change.row, retract);
      }
    }
  }

  private addToSession(gk: string, keyVals: unknown[], ts: number, row: readonly unknown[], retract: boolean): void {
    const gap = (this.window as { gap: number }).gap;
    if (ts + gap - 1 <= this.watermarkValue) return; // late
    let start = ts;
    let end = ts + gap;
    const merged: Pane[] = [];
    for (const [k, p] of this.panes) {
      if (!k.endsWith('|' + gk)) continue;
      if (p.start <= end && p.end >= start) {
        merged.push(p);
        this.panes.delete(k);
        start = Math.min(start, p.start);
        end = Math.max(end, p.end);
      }
    }
    // Rebuild the merged session's accumulators from its rows.
    const rows: { row: readonly unknown[]; retract: boolean }[] = [];
    for (const p of merged) rows.push(...((p as Pane & { rows?: { row: readonly unknown[]; retract: boolean }[] }).rows ?? []));
    rows.push({ row, retract });
    const accs = this.aggs.create();
    for (const r of rows) this.aggs.accumulate(accs, r.row, r.retract);
    const pane: Pane & { rows: typeof rows } = { start, end, keys: keyVals, accs, seq: merged[0]?.seq ?? this.seq++, rows };
    this.panes.set(`${start}|${end}|${gk}`, pane);
  }

  protected override onWatermark(wm: number): void {
    const ready = [...this.panes.entries()].filter(([, p]) => p.end - 1 <= wm);
    ready.sort(([, a], [, b]) => a.end - b.end || a.start - b.start || a.seq - b.seq);
    for (const [k, p] of ready) {
      this.panes.delete(k);
      this.emit({
        kind: '+I',
        row: [...p.keys, ...this.aggs.values(p.accs), new Timestamp(p.start), new Timestamp(p.end), new Timestamp(p.end - 1)],
      });
    }
    this.emitWatermark(wm);
  }
}

/** Window TVF without aggregation: one output row per window, with window_start, window_end, window_time. */
export class WindowAssignOperator extends Operator {
  constructor(
    private readonly window: WindowSpec,
    private readonly timeIndex: number,
  ) {
    super(1);
  }

  process(change: Change): void {
    const t = change.row[this.timeIndex] as Timestamp | null;
    if (t === null) return;
    for (const [start, end] of assignWindows(this.window, t.millis)) {
      this.emit({ kind: change.kind, row: [...change.row, new Timestamp(start), new Timestamp(end), new Timestamp(end - 1)] });
    }
  }
}
