/**
 * Event-time temporal join (`FOR SYSTEM_TIME AS OF o.rowtime` against a versioned table with a PRIMARY KEY and a
 * watermark): probe rows wait until the watermark passes their time, then join the version of each key valid at
 * that time. Every left change is joined and keeps its kind (INNER, or LEFT with NULL padding), in arrival order.
 */
import type { Change, RowKind } from '../changelog.js';
import { isAccumulate } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { rowKey } from '../values/compare.js';
import type { Timestamp } from '../values/temporal.js';
import { Operator } from './operator.js';

interface Version {
  readonly time: number;
  readonly row: readonly unknown[] | undefined; // undefined = deleted
}

export class TemporalJoinOperator extends Operator {
  private readonly pending: { readonly kind: RowKind; readonly row: readonly unknown[]; readonly time: number; readonly seq: number }[] = [];
  private readonly versions = new Map<string, Version[]>();
  private seq = 0;

  constructor(
    private readonly left: boolean,
    private readonly rightWidth: number,
    private readonly leftTime: number,
    private readonly rightTime: number,
    private readonly rightKey: readonly number[],
    private readonly condition: Evaluator | undefined,
  ) {
    super(2);
  }

  process(change: Change, input: number): void {
    if (input === 0) {
      const t = change.row[this.leftTime] as Timestamp | null;
      if (t === null) return;
      // every left change is joined, and keeps its kind: a retraction of the left side retracts its joined row
      this.pending.push({ kind: change.kind, row: change.row, time: t.millis, seq: this.seq++ });
      return;
    }
    if (change.kind === '-U') return; // versions are defined by upserts and deletes; before-images carry no version
    const t = change.row[this.rightTime] as Timestamp | null;
    if (t === null) return;
    const k = rowKey(this.rightKey.map((i) => change.row[i]));
    const list = this.versions.get(k) ?? [];
    const v: Version = { time: t.millis, row: isAccumulate(change.kind) ? change.row : undefined };
    let pos = list.length;
    while (pos > 0 && (list[pos - 1] as Version).time > v.time) pos--;
    list.splice(pos, 0, v);
    this.versions.set(k, list);
  }

  protected override onWatermark(wm: number): void {
    // Flink emits the left rows a watermark releases in their arrival order
    const ready = this.pending.filter((p) => p.time <= wm);
    if (ready.length > 0) {
      const done = new Set(ready);
      for (let i = this.pending.length - 1; i >= 0; i--) if (done.has(this.pending[i] as (typeof ready)[number])) this.pending.splice(i, 1);
      for (const p of ready) this.joinOne(p.kind, p.row, p.time);
    }
    this.emitWatermark(wm);
  }

  private joinOne(kind: RowKind, row: readonly unknown[], time: number): void {
    let matched = false;
    for (const list of this.versions.values()) {
      let current: Version | undefined;
      for (const v of list) {
        if (v.time <= time) current = v;
        else break;
      }
      if (!current?.row) continue;
      const j = [...row, ...current.row];
      if (this.condition && this.condition(j) !== true) continue;
      matched = true;
      this.emit({ kind, row: j });
    }
    if (!matched && this.left) this.emit({ kind, row: [...row, ...new Array<unknown>(this.rightWidth).fill(null)] });
  }
}
