/**
 * Processing-time window aggregation (TUMBLE / HOP / CUMULATE window TVFs and legacy TUMBLE / HOP group windows
 * on a PROCTIME() attribute), as Flink 1.20's WindowAggOperator runs it in processing-time mode:
 *
 * - a row goes to the windows of the instant the processing-time clock reads when it arrives (not its PROCTIME
 *   column's value), aligned to the session time zone's wall clock (`shiftTimeZone`): window_start and
 *   window_end are that zone's local TIMESTAMP(3);
 * - a window fires when processing time reaches `window_end - 1ms` (as an instant in the session zone), once,
 *   with +I per group key in the order the groups were created; a -U / -D takes its row back out of the window
 *   of the instant it arrives; a group whose rows were all taken back (its hidden row count is 0) emits nothing;
 * - no row is ever late, watermarks pass through, and windows still open when a bounded input ends are dropped
 *   (WindowAggOperator has no end-of-input flush): a test advances processing time past a window's end to see it.
 *
 * The window assignment is an operator of its own (ProctimeWindowAssignOperator, the window TVF's columns) so
 * that filters and projections between the TVF and the GROUP BY see window_start / window_end; Flink runs
 * processing-time window TVFs only inside window aggregations, so rows reaching an assignment no aggregation
 * claimed are FTS7001.
 */
import type { Span } from '../../ast/node.js';
import type { Change } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { textError, unsupported } from '../errors.js';
import { TIME_TEXTS } from '../../plan/time-codes.js';
import type { ProcessingClock, ProcessingTimeTimers } from '../processing-time.js';
import { rowKey } from '../values/compare.js';
import { localToInstant, Timestamp, zoneOffsetMs } from '../values/temporal.js';
import type { Accumulator, AggregateSet } from './aggregates.js';
import { Operator } from './operator.js';
import { assignWindows } from './window-aggregate.js';
import type { WindowSpec } from './window-aggregate.js';
import { WindowJoinOperator } from './window-join.js';
import { WindowRankOperator } from './window-rank.js';

/** Local wall-clock millis of `instant` in `zone`. */
const toLocal = (instant: number, zone: string): number => instant + zoneOffsetMs(zone, instant);

/** Appends window_start, window_end (local wall clock) and window_time (the arrival instant) by processing time. */
export class ProctimeWindowAssignOperator extends Operator {
  /** Set by the window aggregation that reads this assignment. */
  claimed = false;

  constructor(
    private readonly window: WindowSpec,
    private readonly clock: ProcessingClock,
    private readonly zone: string,
    private readonly span: Span | undefined,
  ) {
    super(1);
  }

  override connectTo(op: Operator, input = 0): void {
    refuseWindowConsumers(op, this.span);
    super.connectTo(op, input);
  }

  process(change: Change): void {
    if (!this.claimed) throw unsupported('a processing-time window TVF outside a window aggregation (Flink 1.20 runs processing-time window TVFs only as window aggregations)', this.span);
    const now = this.clock.now();
    const wt = new Timestamp(now);
    for (const [start, end] of assignWindows(this.window, toLocal(now, this.zone))) {
      this.emit({ kind: change.kind, row: [...change.row, new Timestamp(start), new Timestamp(end), wt] });
    }
  }
}

interface Pane {
  readonly keys: readonly unknown[];
  readonly accs: Accumulator[];
}

interface OpenWindow {
  readonly start: number;
  readonly end: number;
  /** When it fires: `window_end - 1ms` in the session zone, as an instant. */
  readonly fireAt: number;
  /** Panes by group key, in creation order (Map order). */
  readonly panes: Map<string, Pane>;
}

export interface ProctimeWindowAggregateOptions {
  /** Positions of window_start / window_end (local wall clock) in the input rows. */
  readonly bounds: readonly [number, number];
  readonly keys: readonly Evaluator[];
  /** Grouping sets as lists of active key positions (one set with every key for a plain GROUP BY). */
  readonly keySets: readonly (readonly number[])[];
  readonly aggs: AggregateSet;
  /**
   * Over an updating input: the position of the hidden COUNT(*) among the aggregates (Flink's count1), dropped
   * from the output; a group whose count is 0 emits nothing.
   */
  readonly rowCount?: number;
  readonly zone: string;
  readonly clock: ProcessingClock;
  readonly span: Span | undefined;
}

/** Output rows: `[...keys, ...aggregates, window_start, window_end, window_time]`; window_time is the firing instant. */
export class ProctimeWindowAggregateOperator extends Operator implements ProcessingTimeTimers {
  private readonly open = new Map<string, OpenWindow>();

  constructor(private readonly o: ProctimeWindowAggregateOptions) {
    super(1);
    o.clock.register(this);
  }

  override connectTo(op: Operator, input = 0): void {
    refuseWindowConsumers(op, this.o.span);
    super.connectTo(op, input);
  }

  process(change: Change): void {
    const [si, ei] = this.o.bounds;
    const start = (change.row[si] as Timestamp).millis;
    const end = (change.row[ei] as Timestamp).millis;
    const id = `${start}|${end}`;
    let w = this.open.get(id);
    if (w === undefined) {
      w = { start, end, fireAt: localToInstant(new Timestamp(end - 1), this.o.zone).millis, panes: new Map() };
      this.open.set(id, w);
    }
    const retract = change.kind === '-U' || change.kind === '-D';
    const all = this.o.keys.map((k) => k(change.row));
    for (const set of this.o.keySets) {
      const keyVals = set.length === all.length ? all : all.map((v, i) => (set.includes(i) ? v : null));
      const gk = rowKey(keyVals) + '#' + set.join(',');
      let p = w.panes.get(gk);
      if (p === undefined) {
        p = { keys: keyVals, accs: this.o.aggs.create() };
        w.panes.set(gk, p);
      }
      this.o.aggs.accumulate(p.accs, change.row, retract);
    }
  }

  nextTimer(): number | undefined {
    let next: number | undefined;
    for (const w of this.open.values()) if (next === undefined || w.fireAt < next) next = w.fireAt;
    return next;
  }

  onProcessingTime(time: number): void {
    const due = [...this.open.entries()].filter(([, w]) => w.fireAt <= time).sort(([, a], [, b]) => a.fireAt - b.fireAt || a.start - b.start);
    const count = this.o.rowCount;
    for (const [id, w] of due) {
      this.open.delete(id);
      const wt = new Timestamp(this.o.clock.now());
      for (const p of w.panes.values()) {
        let values = this.o.aggs.values(p.accs);
        if (count !== undefined) {
          if (values[count] === 0 || values[count] === 0n) continue; // a COUNT is a number (values/bigint.ts)
          values = values.filter((_, i) => i !== count);
        }
        this.emit({ kind: '+I', row: [...p.keys, ...values, new Timestamp(w.start), new Timestamp(w.end), wt] });
      }
    }
  }
}

/**
 * Flink 1.20 has no processing-time window TopN, deduplication or join: its planner rejects them ("Processing time
 * Window TopN / Deduplication / Join is not supported yet", checked on Flink 1.20.1).
 */
function refuseWindowConsumers(op: Operator, span: Span | undefined): void {
  // the facts `flinkts check` reports as FTS4326 / FTS4327: the same codes
  const t = op instanceof WindowRankOperator ? TIME_TEXTS.proctimeWindowRank({}) : op instanceof WindowJoinOperator ? TIME_TEXTS.proctimeWindowJoin({}) : undefined;
  if (t !== undefined) throw textError(t, span);
}
