/**
 * Processing-time SESSION window aggregation (the SESSION window TVF, with or without PARTITION BY, and legacy
 * GROUP BY SESSION on a PROCTIME() attribute), as Flink 1.20's window operators run it in processing-time mode:
 * a row opens the session [now, now + gap) of its group key — `now` the clock's reading when it arrives, on the
 * session time zone's wall clock — which merges with the key's open sessions it touches (bounds included); a
 * session fires when processing time reaches its `end - 1ms`, once, with window_time the firing instant; sessions
 * still open when a bounded input ends are dropped. Checked against Flink's own operators in its test harness
 * (test/flink/proctime-window.test.ts).
 */
import type { Span } from '../../ast/node.js';
import type { Change } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { unsupported } from '../errors.js';
import type { ProcessingClock, ProcessingTimeTimers } from '../processing-time.js';
import { rowKey } from '../values/compare.js';
import { localToInstant, Timestamp, zoneOffsetMs } from '../values/temporal.js';
import type { AggregateSet } from './aggregates.js';
import { Operator } from './operator.js';

interface Session {
  readonly start: number;
  readonly end: number;
  /** When it fires: `end - 1ms` on the session zone's wall clock, as an instant. */
  readonly fireAt: number;
  readonly seq: number;
  readonly group: string;
  readonly keys: readonly unknown[];
  /** Its rows, to rebuild the accumulators when sessions merge. */
  readonly rows: readonly (readonly unknown[])[];
}

export interface ProctimeSessionOptions {
  readonly gap: number;
  readonly keys: readonly Evaluator[];
  readonly aggs: AggregateSet;
  readonly zone: string;
  readonly clock: ProcessingClock;
  readonly span: Span | undefined;
}

/** Output rows: `[...keys, ...aggregates, window_start, window_end, window_time]`. */
export class ProctimeSessionAggregateOperator extends Operator implements ProcessingTimeTimers {
  private readonly open = new Map<string, Session[]>();
  private seq = 0;

  constructor(private readonly o: ProctimeSessionOptions) {
    super(1);
    o.clock.register(this);
  }

  process(change: Change): void {
    if (change.kind !== '+I') throw unsupported('processing-time SESSION windows over an updating input', this.o.span);
    const now = this.o.clock.now();
    const local = now + zoneOffsetMs(this.o.zone, now);
    const keys = this.o.keys.map((k) => k(change.row));
    const group = rowKey(keys);
    let start = local;
    let end = local + this.o.gap;
    const merged: Session[] = [];
    const kept: Session[] = [];
    for (const s of this.open.get(group) ?? []) {
      if (s.start <= end && s.end >= start) {
        merged.push(s);
        start = Math.min(start, s.start);
        end = Math.max(end, s.end);
      } else kept.push(s);
    }
    const rows = [...merged.flatMap((s) => s.rows), change.row];
    const seq = merged.length > 0 ? Math.min(...merged.map((s) => s.seq)) : this.seq++;
    kept.push({ start, end, fireAt: localToInstant(new Timestamp(end - 1), this.o.zone).millis, seq, group, keys, rows });
    this.open.set(group, kept);
  }

  nextTimer(): number | undefined {
    let next: number | undefined;
    for (const list of this.open.values()) for (const s of list) if (next === undefined || s.fireAt < next) next = s.fireAt;
    return next;
  }

  onProcessingTime(time: number): void {
    const due: Session[] = [];
    for (const [group, list] of this.open) {
      const rest = list.filter((s) => s.fireAt > time);
      for (const s of list) if (s.fireAt <= time) due.push(s);
      if (rest.length === 0) this.open.delete(group);
      else this.open.set(group, rest);
    }
    due.sort((a, b) => a.fireAt - b.fireAt || a.seq - b.seq);
    const wt = new Timestamp(this.o.clock.now());
    for (const s of due) {
      const accs = this.o.aggs.create();
      for (const row of s.rows) this.o.aggs.accumulate(accs, row, false);
      this.emit({ kind: '+I', row: [...s.keys, ...this.o.aggs.values(accs), new Timestamp(s.start), new Timestamp(s.end), wt] });
    }
  }
}
