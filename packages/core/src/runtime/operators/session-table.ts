/**
 * The SESSION window TVF read other than by its window aggregation (Flink's unaligned window table function
 * operator): rows are held per partition key (PARTITION BY, or one partition) in merging sessions of `gap`; when the
 * watermark passes a session's `end - 1ms` its rows leave in the order they were added, each with the session's final
 * window_start, window_end and window_time (end - 1ms) appended. A row whose session would be late is merged into
 * the open sessions it overlaps, and dropped when none absorbs it (as the session window aggregation does).
 */
import type { Change } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { rowKey } from '../values/compare.js';
import { Timestamp } from '../values/temporal.js';
import { Operator } from './operator.js';
import { WindowTimers } from './window-timers.js';

interface Session {
  readonly start: number;
  readonly end: number;
  readonly seq: number;
  readonly partition: string;
  readonly rows: readonly Change[];
}

export class SessionTableOperator extends Operator {
  /** The open sessions of each partition. */
  private readonly open = new Map<string, Session[]>();
  /** Open sessions not merged into a later one. */
  private readonly live = new Set<Session>();
  private readonly timers = new WindowTimers<Session>();
  private seq = 0;

  constructor(
    private readonly gap: number,
    private readonly timeIndex: number,
    private readonly partitionKeys: readonly Evaluator[],
  ) {
    super(1);
  }

  process(change: Change): void {
    const t = change.row[this.timeIndex] as Timestamp | null;
    if (t === null) return;
    const partition = this.partitionKeys.length === 0 ? '' : rowKey(this.partitionKeys.map((k) => k(change.row)));
    let start = t.millis;
    let end = t.millis + this.gap;
    const late = end - 1 <= this.watermarkValue;
    const merged: Session[] = [];
    const kept: Session[] = [];
    for (const s of this.open.get(partition) ?? []) {
      if (s.start <= end && s.end >= start) {
        merged.push(s);
        start = Math.min(start, s.start);
        end = Math.max(end, s.end);
      } else kept.push(s);
    }
    if (late && merged.length === 0) return;
    for (const s of merged) this.live.delete(s);
    const rows = [...merged.flatMap((s) => s.rows), change];
    const session: Session = { start, end, seq: merged[0]?.seq ?? this.seq++, partition, rows };
    kept.push(session);
    this.open.set(partition, kept);
    this.live.add(session);
    this.timers.add(session);
  }

  protected override onWatermark(wm: number): void {
    for (const s of this.timers.fire(wm, (x) => this.live.has(x))) {
      this.live.delete(s);
      const rest = (this.open.get(s.partition) ?? []).filter((x) => x !== s);
      if (rest.length === 0) this.open.delete(s.partition);
      else this.open.set(s.partition, rest);
      const ws = new Timestamp(s.start);
      const we = new Timestamp(s.end);
      const wt = new Timestamp(s.end - 1);
      for (const c of s.rows) this.emit({ kind: c.kind, row: [...c.row, ws, we, wt] });
    }
    this.emitWatermark(wm);
  }
}
