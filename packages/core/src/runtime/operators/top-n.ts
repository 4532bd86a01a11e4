/**
 * TopN (`ROW_NUMBER() OVER (PARTITION BY … ORDER BY …) <= N`) with the change patterns Flink's strategies emit:
 * - `append` (insert-only input) and `update` (upserts keyed by a unique key): a changed position is -U/+U,
 *   a new position +I, a dropped one -D; an insert-only top 1 without a row number replaces its row with -U/+U;
 * - `retract` (general updating input): a changed position is -U/+U too, except for the top 1 (`rn = 1`): Flink's
 *   planner drops its constant row number and the algorithm without row numbers emits -D/+I (with an offset,
 *   `rn BETWEEN 2 AND 2`, Flink keeps the row-number algorithm).
 * Without a row-number column, only rows entering (+I) or leaving (-D) the top N are emitted — unless the range
 * has an offset (`rn BETWEEN 2 AND 3`): Flink then keeps the row-number algorithm and emits by position as above.
 */
import type { Change } from '../changelog.js';
import { isAccumulate } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { rowKey } from '../values/compare.js';
import { Operator } from './operator.js';

export type RankStrategy = 'append' | 'update' | 'retract';

/** An upserted row's old and new position in its partition (0-based). */
interface Moved {
  readonly from: number;
  readonly to: number;
}

export class TopNOperator extends Operator {
  private readonly partitions = new Map<string, (readonly unknown[])[]>();

  constructor(
    private readonly partition: readonly Evaluator[],
    private readonly compare: (a: readonly unknown[], b: readonly unknown[]) => number,
    private readonly limit: number,
    private readonly withRowNumber: boolean,
    private readonly strategy: RankStrategy,
    private readonly uniqueKey: readonly Evaluator[] | undefined,
    /** The first emitted rank (`rn >= first`); ranks before it are kept but not emitted. */
    private readonly first = 1,
  ) {
    super(1);
  }

  process(change: Change): void {
    const pk = rowKey(this.partition.map((e) => e(change.row)));
    const rows = this.partitions.get(pk) ?? [];
    const before = rows.slice(0, this.limit);
    if (this.strategy === 'update' && !isAccumulate(change.kind)) return;
    let updated = false;
    let moved: Moved | undefined;
    if (isAccumulate(change.kind)) {
      let from = -1;
      if (this.strategy === 'update' && this.uniqueKey) {
        const uk = rowKey(this.uniqueKey.map((e) => e(change.row)));
        from = rows.findIndex((r) => rowKey((this.uniqueKey as Evaluator[]).map((e) => e(r))) === uk);
        if (from >= 0) rows.splice(from, 1);
        updated = from >= 0 && from < this.limit;
      }
      let pos = rows.length;
      while (pos > 0 && this.compare(rows[pos - 1] as readonly unknown[], change.row) > 0) pos--;
      rows.splice(pos, 0, change.row);
      // Flink's buffer keeps only the top N: an updated row it still holds that moved up (or stayed)
      if (from >= 0 && from < this.limit && pos <= from) moved = { from, to: pos };
    } else {
      const k = rowKey(change.row);
      const i = rows.findIndex((r) => rowKey(r) === k);
      if (i < 0) return;
      rows.splice(i, 1);
    }
    this.partitions.set(pk, rows);
    if (moved !== undefined && (this.withRowNumber || this.first > 1)) this.moveUp(before, rows.slice(0, this.limit), moved);
    else this.diff(before, rows.slice(0, this.limit), updated);
  }

  /**
   * An upsert that moved a row up from position `from` to `to` (0-based), as Flink's UpdatableTopNFunction emits it
   * with row numbers: -U of the row at `to`, -U of the moved row at its old rank, +U of it at `to`; then each
   * shifted position's -U/+U in turn; the old rank's +U last (differential rankupdating seed 1208303).
   */
  private moveUp(before: readonly (readonly unknown[])[], after: readonly (readonly unknown[])[], { from, to }: Moved): void {
    const out = (kind: '-U' | '+U', r: readonly unknown[], at: number) => {
      if (at + 1 < this.first) return;
      this.emit({ kind, row: this.withRowNumber ? [...r, BigInt(at + 1)] : r });
    };
    if (from === to) {
      out('-U', before[from]!, from);
      out('+U', after[to]!, to);
      return;
    }
    out('-U', before[to]!, to);
    out('-U', before[from]!, from);
    out('+U', after[to]!, to);
    for (let p = to + 1; p < from; p++) {
      out('-U', before[p]!, p);
      out('+U', after[p]!, p);
    }
    out('+U', after[from]!, from);
  }

  /** `updated`: the update-fast algorithm moved a row it holds down (a sort key that broke its monotonicity): every -U before the +Us. */
  private diff(before0: readonly (readonly unknown[])[], after0: readonly (readonly unknown[])[], updated = false): void {
    const skip = this.first - 1;
    const before = before0.slice(skip);
    const after = after0.slice(skip);
    if (!this.withRowNumber && this.first === 1) {
      const a = new Map<string, number>();
      for (const r of after) a.set(rowKey(r), (a.get(rowKey(r)) ?? 0) + 1);
      const b = new Map<string, number>();
      for (const r of before) b.set(rowKey(r), (b.get(rowKey(r)) ?? 0) + 1);
      const removed: (readonly unknown[])[] = [];
      for (const r of before) {
        const k = rowKey(r);
        if ((a.get(k) ?? 0) < (b.get(k) ?? 0)) {
          removed.push(r);
          b.set(k, (b.get(k) ?? 0) - 1);
        }
      }
      const added: (readonly unknown[])[] = [];
      const seen = new Map<string, number>();
      for (const r of before) seen.set(rowKey(r), (seen.get(rowKey(r)) ?? 0) + 1);
      for (const r of after) {
        const k = rowKey(r);
        const n = seen.get(k) ?? 0;
        if (n > 0) seen.set(k, n - 1);
        else added.push(r);
      }
      // the update-fast algorithm (upserts by a unique key) updates a row that stays in the top N in place
      if (this.strategy === 'update' && this.uniqueKey && removed.length === 1 && added.length === 1) {
        const uk = (r: readonly unknown[]) => rowKey((this.uniqueKey as Evaluator[]).map((e) => e(r)));
        if (uk(removed[0] as readonly unknown[]) === uk(added[0] as readonly unknown[])) {
          this.emit({ kind: '-U', row: removed[0] as readonly unknown[] });
          this.emit({ kind: '+U', row: added[0] as readonly unknown[] });
          return;
        }
      }
      // an insert-only top 1 (Flink's FastTop1Function) replaces its row with -U/+U too (differential topn seed 1208505)
      if (this.strategy === 'append' && this.limit === 1 && removed.length === 1 && added.length === 1) {
        this.emit({ kind: '-U', row: removed[0] as readonly unknown[] });
        this.emit({ kind: '+U', row: added[0] as readonly unknown[] });
        return;
      }
      for (const r of removed) this.emit({ kind: '-D', row: r });
      for (const r of added) this.emit({ kind: '+I', row: r });
      return;
    }
    const n = Math.max(before.length, after.length);
    const pendingAfter: Change[] = [];
    for (let i = 0; i < n; i++) {
      const b = before[i];
      const a = after[i];
      const rn = BigInt(i + 1 + skip);
      const out = (r: readonly unknown[]) => (this.withRowNumber ? [...r, rn] : r);
      if (b && a) {
        if (rowKey(a) === rowKey(b)) continue;
        if (this.strategy === 'retract' && this.first === 1 && this.limit === 1) {
          this.emit({ kind: '-D', row: out(b) });
          this.emit({ kind: '+I', row: out(a) });
        } else if (updated && this.strategy === 'update') {
          this.emit({ kind: '-U', row: out(b) });
          pendingAfter.push({ kind: '+U', row: out(a) });
        } else {
          this.emit({ kind: '-U', row: out(b) });
          this.emit({ kind: '+U', row: out(a) });
        }
      } else if (a) this.emit({ kind: '+I', row: out(a) });
      else if (b) this.emit({ kind: '-D', row: out(b) });
    }
    for (const c of pendingAfter) this.emit(c);
  }
}
