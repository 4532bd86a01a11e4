/**
 * OVER aggregation (`agg(x) OVER (PARTITION BY k ORDER BY time [ROWS | RANGE] …)`) as Flink 1.20 streams it:
 * every input row is emitted once, with the frame's aggregate values appended; the output is insert-only.
 *
 * On a rowtime attribute rows wait for the watermark, then a key's rows are handled in time order:
 * - unbounded frames (Flink's RowTime{Rows,Range}UnboundedPrecedingFunction): a row is late, and dropped, when its
 *   time is not after the operator's watermark; each key has one timer at `watermark + 1` (0 before the first
 *   watermark), which handles every buffered row of the key up to the watermark;
 * - bounded frames (RowTime{Rows,Range}BoundedPrecedingFunction): a row is late when its time is not after the
 *   last time the key handled (0 at first); a timer per distinct time handles that time's rows; RANGE frames
 *   also set a clean-up timer (`time + 1.5 × offset + 1`) that forgets the key when no newer row arrived.
 * ROWS frames add the rows with equal time one by one (each sees the rows before it); RANGE frames add all of
 * them first and emit them with one value (peers).
 * On processing time (ProcTime{Unbounded,RowsBounded}PrecedingFunction) a row is handled when it arrives.
 * Timers fire in time order; a key's changes are in Flink's order, different keys' in an order Flink does not fix.
 */
import type { Change } from '../changelog.js';
import type { Evaluator, Row } from '../compiled.js';
import { evalError } from '../errors.js';
import { rowKey } from '../values/compare.js';
import type { Timestamp } from '../values/temporal.js';
import { Operator } from './operator.js';

/** The accumulators of one key's frame: add or retract a row, read the values. */
export interface OverAccumulators {
  accumulate(row: Row): void;
  retract(row: Row): void;
  values(): unknown[];
}

export interface OverFrame {
  readonly unit: 'ROWS' | 'RANGE';
  /** Rows (ROWS) or milliseconds (RANGE) before the current row; undefined: UNBOUNDED PRECEDING. */
  readonly preceding: number | undefined;
}

interface KeyState {
  /** Rows waiting for their timer, by time. */
  readonly pending: Map<number, Row[]>;
  accs: OverAccumulators | undefined;
  /** Bounded frames: the rows in the frame, oldest first (with their times for RANGE). */
  frame: { ts: number; row: Row }[];
  lastTriggering: number;
  cleanup: number | undefined;
  /** Timers of this key that have not fired. */
  readonly timers: Set<number>;
}

export class OverAggregateOperator extends Operator {
  private readonly states = new Map<string, KeyState>();
  /** Registered timers: time → keys, in registration order. */
  private readonly timers = new Map<number, string[]>();
  private timerTimes: number[] = [];

  constructor(
    private readonly partition: readonly Evaluator[],
    /** Index of the rowtime column; undefined on processing time. */
    private readonly rowtimeIndex: number | undefined,
    private readonly frame: OverFrame,
    private readonly create: () => OverAccumulators,
  ) {
    super(1);
  }

  private state(key: string): KeyState {
    let s = this.states.get(key);
    if (!s) {
      s = { pending: new Map(), accs: undefined, frame: [], lastTriggering: 0, cleanup: undefined, timers: new Set() };
      this.states.set(key, s);
    }
    return s;
  }

  private accs(s: KeyState): OverAccumulators {
    if (!s.accs) s.accs = this.create();
    return s.accs;
  }

  process(change: Change): void {
    if (change.kind !== '+I') throw evalError('org.apache.flink.table.api.TableException', 'OVER aggregation received an update or delete change');
    const row = change.row;
    const key = rowKey(this.partition.map((e) => e(row)));
    const s = this.state(key);
    if (this.rowtimeIndex === undefined) {
      this.handleRows(s, [row], 0, 'ROWS'); // each row on arrival: no peers on processing time
      return;
    }
    const t = row[this.rowtimeIndex] as Timestamp | null;
    if (t === null) throw evalError('java.lang.NullPointerException', 'the rowtime attribute of an OVER aggregation is NULL');
    const ts = t.millis;
    if (this.frame.preceding === undefined) {
      const wm = this.watermarkValue;
      if (ts <= wm) return; // late
      this.register(key, s, wm < 0 ? 0 : wm + 1);
      this.buffer(s, ts, row);
      return;
    }
    if (ts <= s.lastTriggering) return; // late for this key
    if (!s.pending.has(ts)) this.register(key, s, ts);
    this.buffer(s, ts, row);
    if (this.frame.unit === 'RANGE') {
      const off = this.frame.preceding;
      const min = ts + off + 1;
      const max = ts + Math.trunc(off * 1.5) + 1;
      if (s.cleanup === undefined || s.cleanup < min) {
        this.register(key, s, max);
        s.cleanup = max;
      }
    }
  }

  private buffer(s: KeyState, ts: number, row: Row): void {
    const list = s.pending.get(ts);
    if (list) list.push(row);
    else s.pending.set(ts, [row]);
  }

  private register(key: string, s: KeyState, ts: number): void {
    if (s.timers.has(ts)) return;
    s.timers.add(ts);
    const keys = this.timers.get(ts);
    if (keys) {
      keys.push(key);
      return;
    }
    this.timers.set(ts, [key]);
    // keep the times sorted (timers mostly arrive in order)
    let i = this.timerTimes.length;
    while (i > 0 && (this.timerTimes[i - 1] as number) > ts) i--;
    this.timerTimes.splice(i, 0, ts);
  }

  protected override onWatermark(wm: number): void {
    while (this.timerTimes.length > 0 && (this.timerTimes[0] as number) <= wm) {
      const ts = this.timerTimes.shift() as number;
      const keys = this.timers.get(ts) as string[];
      this.timers.delete(ts);
      for (const key of keys) {
        const s = this.state(key);
        s.timers.delete(ts);
        this.onTimer(key, s, ts, wm);
      }
    }
    this.emitWatermark(wm);
  }

  private onTimer(key: string, s: KeyState, ts: number, wm: number): void {
    if (this.frame.preceding === undefined) {
      if (s.pending.size === 0) return;
      const due = [...s.pending.keys()].filter((t) => t <= wm).sort((a, b) => a - b);
      for (const t of due) {
        this.handleRows(s, s.pending.get(t) as Row[], t, this.frame.unit);
        s.pending.delete(t);
      }
      if (s.pending.size > 0) this.register(key, s, wm + 1);
      return;
    }
    if (this.frame.unit === 'RANGE' && s.cleanup !== undefined && s.cleanup <= ts) {
      // Flink clears the key's state; its other timers stay registered
      s.pending.clear();
      s.accs = undefined;
      s.frame = [];
      s.lastTriggering = 0;
      s.cleanup = undefined;
      return;
    }
    const rows = s.pending.get(ts);
    if (rows) {
      s.pending.delete(ts);
      this.handleRows(s, rows, ts, this.frame.unit);
    }
    s.lastTriggering = ts;
  }

  /** Adds rows with one time to the key's frame and emits them. */
  private handleRows(s: KeyState, rows: readonly Row[], ts: number, unit: 'ROWS' | 'RANGE'): void {
    const accs = this.accs(s);
    const { preceding } = this.frame;
    if (unit === 'ROWS') {
      for (const row of rows) {
        if (preceding !== undefined) {
          if (s.frame.length >= preceding + 1) accs.retract((s.frame.shift() as { row: Row }).row);
          s.frame.push({ ts, row });
        }
        accs.accumulate(row);
        this.emit({ kind: '+I', row: [...row, ...accs.values()] });
      }
      return;
    }
    if (preceding !== undefined) {
      while (s.frame.length > 0 && ts - (s.frame[0] as { ts: number }).ts > preceding) accs.retract((s.frame.shift() as { row: Row }).row);
      for (const row of rows) s.frame.push({ ts, row });
    }
    for (const row of rows) accs.accumulate(row);
    const values = accs.values();
    for (const row of rows) this.emit({ kind: '+I', row: [...row, ...values] });
  }
}
