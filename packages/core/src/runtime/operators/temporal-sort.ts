/**
 * Temporal sort (`ORDER BY rowtime [, more keys]` without LIMIT) as Flink's RowTimeSortOperator: rows wait for the
 * watermark and are emitted in time order, rows with equal time by the other keys (stable); a row whose time is
 * not after the last time emitted is late and dropped (not the watermark: Flink keeps such rows and emits them at
 * the next watermark). Insert-only.
 */
import type { Change } from '../changelog.js';
import type { Row } from '../compiled.js';
import { evalError } from '../errors.js';
import type { Timestamp } from '../values/temporal.js';
import { Operator } from './operator.js';

export class TemporalSortOperator extends Operator {
  private readonly pending = new Map<number, Row[]>();
  private lastTriggering: number | undefined;

  constructor(
    private readonly timeIndex: number,
    /** Orders rows with equal time; undefined: arrival order. */
    private readonly compare: ((a: Row, b: Row) => number) | undefined,
  ) {
    super(1);
  }

  process(change: Change): void {
    if (change.kind !== '+I') throw evalError('org.apache.flink.table.api.TableException', 'a temporal sort received an update or delete change');
    const t = change.row[this.timeIndex] as Timestamp | null;
    if (t === null) throw evalError('java.lang.NullPointerException', 'the rowtime attribute of a temporal sort is NULL');
    if (this.lastTriggering !== undefined && t.millis <= this.lastTriggering) return; // late
    const list = this.pending.get(t.millis);
    if (list) list.push(change.row);
    else this.pending.set(t.millis, [change.row]);
  }

  protected override onWatermark(wm: number): void {
    const due = [...this.pending.keys()].filter((t) => t <= wm).sort((a, b) => a - b);
    for (const t of due) {
      const rows = this.pending.get(t) as Row[];
      this.pending.delete(t);
      if (this.compare) rows.sort(this.compare);
      for (const row of rows) this.emit({ kind: '+I', row });
      this.lastTriggering = t;
    }
    this.emitWatermark(wm);
  }
}
