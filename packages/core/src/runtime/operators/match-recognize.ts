/**
 * MATCH_RECOGNIZE as Flink's CepOperator runs it: per partition, rows wait for the watermark in a buffer by time
 * (a row whose time is not after the current watermark is late and dropped); when the watermark passes a time its
 * rows are fed to the partition's matcher (match-nfa.ts) in time order, rows of equal time by the secondary ORDER
 * BY keys (else in arrival order). WITHIN drops partial matches before each time is processed. On processing time
 * rows are matched as they arrive. Insert-only input.
 */
import type { Change } from '../changelog.js';
import type { Row } from '../compiled.js';
import { evalError } from '../errors.js';
import type { Timestamp } from '../values/temporal.js';
import type { MatchNfa, Taken } from './match-nfa.js';
import { Operator } from './operator.js';

export interface MatchOperatorSpec {
  /** The partition of a row, and its PARTITION BY values. */
  readonly key: (row: Row) => string;
  readonly keyValues: (row: Row) => unknown[];
  readonly timeIndex: number;
  readonly rowtime: boolean;
  /** Orders rows of equal time (the ORDER BY keys after the time attribute). */
  readonly compare?: (a: Row, b: Row) => number;
  readonly nfa: () => MatchNfa;
  /** The output row of a match emitted at `time`. */
  readonly output: (keyValues: unknown[], rows: readonly Taken[], time: number) => Row;
}

interface Partition {
  readonly nfa: MatchNfa;
  readonly keyValues: unknown[];
  readonly pending: Map<number, Row[]>;
  nextId: number;
}

export class MatchRecognizeOperator extends Operator {
  private readonly partitions = new Map<string, Partition>();

  constructor(private readonly spec: MatchOperatorSpec) {
    super(1);
  }

  process(change: Change): void {
    if (change.kind !== '+I') throw evalError('org.apache.flink.table.api.TableException', "Match Recognize doesn't support consuming update and delete changes");
    const row = change.row;
    const key = this.spec.key(row);
    let p = this.partitions.get(key);
    if (p === undefined) {
      p = { nfa: this.spec.nfa(), keyValues: this.spec.keyValues(row), pending: new Map(), nextId: 0 };
      this.partitions.set(key, p);
    }
    const t = row[this.spec.timeIndex] as Timestamp | null;
    if (!this.spec.rowtime) {
      // as CepOperator on processing time: advance to the row's time (WITHIN), then match it
      const now = t === null ? 0 : t.millis;
      this.emitAll(p, p.nfa.advance(now), now);
      this.feed(p, row, now);
      return;
    }
    if (t === null) throw evalError('java.lang.NullPointerException', 'the rowtime attribute of MATCH_RECOGNIZE is NULL');
    if (t.millis <= this.watermarkValue) return; // late
    const list = p.pending.get(t.millis);
    if (list) list.push(row);
    else p.pending.set(t.millis, [row]);
  }

  protected override onWatermark(wm: number): void {
    // on processing time, event-time watermarks pass through: they neither release rows nor time out matches
    if (!this.spec.rowtime) {
      this.emitWatermark(wm);
      return;
    }
    for (const p of this.partitions.values()) {
      const due = [...p.pending.keys()].filter((t) => t <= wm).sort((a, b) => a - b);
      for (const t of due) {
        this.emitAll(p, p.nfa.advance(t), t);
        const rows = p.pending.get(t)!;
        p.pending.delete(t);
        if (this.spec.compare) rows.sort(this.spec.compare);
        for (const row of rows) this.feed(p, row, t);
      }
      this.emitAll(p, p.nfa.advance(wm), wm);
    }
    this.emitWatermark(wm);
  }

  private feed(p: Partition, row: Row, time: number): void {
    this.emitAll(p, p.nfa.process({ element: -1, row, id: p.nextId++, time }), time);
  }

  private emitAll(p: Partition, matches: readonly (readonly Taken[])[], time: number): void {
    for (const m of matches) this.emit({ kind: '+I', row: this.spec.output(p.keyValues, m, time) });
  }
}
