/**
 * Regular (non-windowed) streaming joins on changelog inputs: INNER, LEFT, RIGHT, FULL. Every input row is
 * kept in state, per join key when the condition has equi-join keys (as Flink's join state is keyed by them):
 * an arriving row looks only at the other side's rows with its key, in their arrival order, and the join
 * condition decides on those. Without keys (a cross join, a condition with no `l.a = r.b`) every row has the
 * one key. Outer sides emit a NULL-padded row while unmatched and retract it (-D) when the first match
 * arrives (and back on retraction).
 */
import type { Change } from '../changelog.js';
import { isAccumulate } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import type { JoinKeyOf } from '../plan-join-keys.js';
import { rowKey } from '../values/compare.js';
import { Operator } from './operator.js';

export type JoinKind = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';

interface JoinRecord {
  readonly row: readonly unknown[];
  /** The row's `rowKey`, computed when a retraction first looks for it. */
  key: string | undefined;
  matches: number;
}

/** The rows of one side, by join key, each key's rows in arrival order. */
type SideState = Map<unknown, JoinRecord[]>;

/** The key of every row when the condition has no equi-join keys. */
const NO_KEYS: JoinKeyOf = () => '';
/** Where a side keeps rows whose key has a NULL (they match nothing, but may be padded and retracted). */
const NULL_KEY = Symbol('NULL join key');

export class JoinOperator extends Operator {
  private readonly state: [SideState, SideState] = [new Map(), new Map()];
  private readonly keyOf: [JoinKeyOf, JoinKeyOf];

  constructor(
    private readonly kind: JoinKind,
    private readonly leftWidth: number,
    private readonly rightWidth: number,
    private readonly condition: Evaluator | undefined,
    /** The equi-join keys of each side (see `equiJoinKeys`); absent: one key for all rows. */
    keys?: { readonly left: JoinKeyOf; readonly right: JoinKeyOf },
  ) {
    super(2);
    this.keyOf = keys ? [keys.left, keys.right] : [NO_KEYS, NO_KEYS];
  }

  private preserved(side: number): boolean {
    return this.kind === 'FULL' || (side === 0 ? this.kind === 'LEFT' : this.kind === 'RIGHT');
  }

  private joined(side: number, row: readonly unknown[], other: readonly unknown[]): unknown[] {
    return side === 0 ? [...row, ...other] : [...other, ...row];
  }

  private padded(side: number, row: readonly unknown[]): unknown[] {
    return side === 0 ? [...row, ...new Array<unknown>(this.rightWidth).fill(null)] : [...new Array<unknown>(this.leftWidth).fill(null), ...row];
  }

  private matches(joined: readonly unknown[]): boolean {
    return !this.condition || this.condition(joined) === true;
  }

  process(change: Change, side: number): void {
    const other = 1 - side;
    const key = (this.keyOf[side] as JoinKeyOf)(change.row);
    const mine = this.state[side] as SideState;
    // a NULL key matches nothing on the other side
    const theirs = key === null ? undefined : (this.state[other] as SideState).get(key);
    const bucket = key ?? NULL_KEY;
    if (isAccumulate(change.kind)) {
      const rec: JoinRecord = { row: change.row, key: undefined, matches: 0 };
      if (theirs) {
        for (const o of theirs) {
          const j = this.joined(side, change.row, o.row);
          if (!this.matches(j)) continue;
          if (this.preserved(other) && o.matches === 0) this.emit({ kind: '-D', row: this.padded(other, o.row) });
          o.matches++;
          rec.matches++;
          this.emit({ kind: '+I', row: j });
        }
      }
      if (rec.matches === 0 && this.preserved(side)) this.emit({ kind: '+I', row: this.padded(side, change.row) });
      const rows = mine.get(bucket);
      if (rows) rows.push(rec);
      else mine.set(bucket, [rec]);
      return;
    }
    const rows = mine.get(bucket);
    if (!rows) return;
    const rk = rowKey(change.row);
    const i = rows.findIndex((r) => (r.key ??= rowKey(r.row)) === rk);
    if (i < 0) return;
    const rec = rows[i] as JoinRecord;
    rows.splice(i, 1);
    if (rows.length === 0) mine.delete(bucket);
    if (theirs) {
      for (const o of theirs) {
        const j = this.joined(side, rec.row, o.row);
        if (!this.matches(j)) continue;
        this.emit({ kind: '-D', row: j });
        o.matches--;
        if (this.preserved(other) && o.matches === 0) this.emit({ kind: '+I', row: this.padded(other, o.row) });
      }
    }
    if (rec.matches === 0 && this.preserved(side)) this.emit({ kind: '-D', row: this.padded(side, rec.row) });
  }
}

/**
 * Semi / anti join for `x [NOT] IN (SELECT y …)`: a left row is emitted (+I) while it qualifies and
 * retracted (-D) when it stops qualifying. NOT IN follows SQL's NULL rules (a NULL on the right, or a NULL x
 * with a non-empty right side, makes the predicate UNKNOWN).
 */
export class SemiAntiJoinOperator extends Operator {
  private readonly left: { row: readonly unknown[]; key: string; passing: boolean }[] = [];
  private readonly right = new Map<string, number>();
  private rightNulls = 0;
  private rightTotal = 0;

  constructor(
    private readonly anti: boolean,
    private readonly leftValue: Evaluator,
    private readonly rightValue: Evaluator,
  ) {
    super(2);
  }

  private qualifies(row: readonly unknown[]): boolean {
    const x = this.leftValue(row);
    if (!this.anti) return x !== null && (this.right.get(rowKey([x])) ?? 0) > 0;
    if (this.rightTotal === 0) return true;
    if (x === null || this.rightNulls > 0) return false;
    return (this.right.get(rowKey([x])) ?? 0) === 0;
  }

  process(change: Change, side: number): void {
    if (side === 0) {
      if (isAccumulate(change.kind)) {
        const passing = this.qualifies(change.row);
        this.left.push({ row: change.row, key: rowKey(change.row), passing });
        if (passing) this.emit({ kind: '+I', row: change.row });
      } else {
        const key = rowKey(change.row);
        const i = this.left.findIndex((r) => r.key === key);
        if (i < 0) return;
        const rec = this.left[i] as { passing: boolean; row: readonly unknown[] };
        this.left.splice(i, 1);
        if (rec.passing) this.emit({ kind: '-D', row: rec.row });
      }
      return;
    }
    const v = this.rightValue(change.row);
    const delta = isAccumulate(change.kind) ? 1 : -1;
    this.rightTotal += delta;
    if (v === null) this.rightNulls += delta;
    else {
      const k = rowKey([v]);
      this.right.set(k, (this.right.get(k) ?? 0) + delta);
    }
    for (const rec of this.left) {
      const now = this.qualifies(rec.row);
      if (now === rec.passing) continue;
      rec.passing = now;
      this.emit({ kind: now ? '+I' : '-D', row: rec.row });
    }
  }
}
