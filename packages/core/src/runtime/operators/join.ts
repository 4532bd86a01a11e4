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

/** The largest key kept in a side's dense array (a small non-negative integer key is its own index). */
const DENSE_LIMIT = 1 << 22;

/**
 * The rows of one side by join key, each key's rows in arrival order: small non-negative integer keys by index
 * in an array (an array read is much cheaper than a Map lookup among a million keys), every other key in a Map.
 */
class SideState {
  private readonly dense: (JoinRecord[] | undefined)[] = [];
  private readonly map = new Map<unknown, JoinRecord[]>();

  get(key: unknown): JoinRecord[] | undefined {
    return typeof key === 'number' && key >>> 0 === key && key < DENSE_LIMIT ? this.dense[key] : this.map.get(key);
  }

  set(key: unknown, rows: JoinRecord[]): void {
    if (typeof key === 'number' && key >>> 0 === key && key < DENSE_LIMIT) {
      const dense = this.dense;
      // grown without holes: an element stored far past the end would turn the array into a slow dictionary
      while (dense.length < key) dense.push(undefined);
      dense[key] = rows;
    } else this.map.set(key, rows);
  }

  delete(key: unknown): void {
    if (typeof key === 'number' && key >>> 0 === key && key < DENSE_LIMIT) this.dense[key] = undefined;
    else this.map.delete(key);
  }
}

/** The key of every row when the condition has no equi-join keys. */
const NO_KEYS: JoinKeyOf = () => '';
/** Where a side keeps rows whose key has a NULL (they match nothing, but may be padded and retracted). */
const NULL_KEY = Symbol('NULL join key');

export class JoinOperator extends Operator {
  private readonly state: [SideState, SideState] = [new SideState(), new SideState()];
  private readonly keyOf: [JoinKeyOf, JoinKeyOf];

  constructor(
    private readonly kind: JoinKind,
    private readonly leftWidth: number,
    private readonly rightWidth: number,
    private condition: Evaluator | undefined,
    /** The equi-join keys of each side (see `equiJoinKeys`); absent: one key for all rows. */
    keys?: { readonly left: JoinKeyOf; readonly right: JoinKeyOf; readonly covers?: boolean },
  ) {
    super(2);
    this.keyOf = keys ? [keys.left, keys.right] : [NO_KEYS, NO_KEYS];
    // rows with equal keys satisfy a condition made only of those equalities
    if (keys?.covers === true) this.condition = undefined;
  }

  private preserved(side: number): boolean {
    return this.kind === 'FULL' || (side === 0 ? this.kind === 'LEFT' : this.kind === 'RIGHT');
  }

  private joined(side: number, row: readonly unknown[], other: readonly unknown[]): unknown[] {
    const l = side === 0 ? row : other;
    const r = side === 0 ? other : row;
    const out = new Array<unknown>(l.length + r.length);
    for (let i = 0; i < l.length; i++) out[i] = l[i];
    for (let i = 0, n = l.length; i < r.length; i++) out[n + i] = r[i];
    return out;
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
interface LeftRecord {
  readonly row: readonly unknown[];
  /** `rowKey` of the row, computed when a retraction first looks for it. */
  key: string | undefined;
  /** The left value's key in `byValue` (NULL has its own). */
  readonly value: string;
  passing: boolean;
  live: boolean;
}

const NULL_VALUE = '\u0000null';

export class SemiAntiJoinOperator extends Operator {
  /** The live left rows in arrival order (with dead ones until the next compaction). */
  private left: LeftRecord[] = [];
  private dead = 0;
  /** The live left rows by their value's key, each in arrival order: a right change for a value looks only there. */
  private readonly byValue = new Map<string, LeftRecord[]>();
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

  private qualifies(x: unknown): boolean {
    if (!this.anti) return x !== null && (this.right.get(rowKey([x])) ?? 0) > 0;
    if (this.rightTotal === 0) return true;
    if (x === null || this.rightNulls > 0) return false;
    return (this.right.get(rowKey([x])) ?? 0) === 0;
  }

  process(change: Change, side: number): void {
    if (side === 0) {
      const x = this.leftValue(change.row);
      const value = x === null ? NULL_VALUE : rowKey([x]);
      if (isAccumulate(change.kind)) {
        const passing = this.qualifies(x);
        const rec: LeftRecord = { row: change.row, key: undefined, value, passing, live: true };
        this.left.push(rec);
        const same = this.byValue.get(value);
        if (same) same.push(rec);
        else this.byValue.set(value, [rec]);
        if (passing) this.emit({ kind: '+I', row: change.row });
      } else {
        const same = this.byValue.get(value);
        if (!same) return;
        const key = rowKey(change.row);
        const i = same.findIndex((r) => (r.key ??= rowKey(r.row)) === key);
        if (i < 0) return;
        const rec = same[i] as LeftRecord;
        same.splice(i, 1);
        if (same.length === 0) this.byValue.delete(value);
        rec.live = false;
        if (++this.dead > 1024 && this.dead * 2 > this.left.length) {
          this.left = this.left.filter((r) => r.live);
          this.dead = 0;
        }
        if (rec.passing) this.emit({ kind: '-D', row: rec.row });
      }
      return;
    }
    const v = this.rightValue(change.row);
    const delta = isAccumulate(change.kind) ? 1 : -1;
    // NOT IN also depends on whether the right side is empty and whether it holds a NULL: when either changes,
    // any row may flip; otherwise only the rows of the changed value can
    const emptyBefore = this.rightTotal === 0;
    const nullBefore = this.rightNulls > 0;
    this.rightTotal += delta;
    if (v === null) this.rightNulls += delta;
    else {
      const k = rowKey([v]);
      this.right.set(k, (this.right.get(k) ?? 0) + delta);
    }
    if (this.anti && (emptyBefore !== (this.rightTotal === 0) || nullBefore !== (this.rightNulls > 0))) this.recheck(this.left);
    else if (v !== null) this.recheck(this.byValue.get(rowKey([v])) ?? []);
  }

  /** Re-evaluates the given left rows (in arrival order) and emits the ones whose qualification changed. */
  private recheck(rows: readonly LeftRecord[]): void {
    for (const rec of rows) {
      if (!rec.live) continue;
      const now = this.qualifies(rec.value === NULL_VALUE ? null : this.leftValue(rec.row));
      if (now === rec.passing) continue;
      rec.passing = now;
      this.emit({ kind: now ? '+I' : '-D', row: rec.row });
    }
  }
}
