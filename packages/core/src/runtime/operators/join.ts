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
import type { Evaluator, Row } from '../compiled.js';
import type { JoinKeyOf } from '../plan-join-keys.js';
import { rowKey } from '../values/compare.js';
import { Operator, tagSourceRow } from './operator.js';

export type JoinKind = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';

interface JoinRecord {
  readonly row: readonly unknown[];
  /** The row's `rowKey`, computed when a retraction first looks for it. */
  key: string | undefined;
  matches: number;
}

/**
 * What a side keeps of a row: an INNER join keeps the row itself (it has no match counts to track, and a row's
 * `rowKey` is computed when a retraction looks for it); outer joins keep a record.
 */
type Entry = JoinRecord | Row;

const isRecord = (e: Entry): e is JoinRecord => !Array.isArray(e);
const rowOf = (e: Entry): Row => (isRecord(e) ? e.row : e);
const keyOfEntry = (e: Entry): string => (isRecord(e) ? (e.key ??= rowKey(e.row)) : rowKey(e));

/** Two or more entries of one key, in arrival order. */
class KeyEntries {
  constructor(readonly items: Entry[]) {}
}

/** A key's rows in arrival order: the one entry itself (most keys hold one row), or a list of them. */
type Bucket = Entry | KeyEntries;

/** The largest key kept in a side's dense array (a small non-negative integer key is its own index). */
const DENSE_LIMIT = 1 << 22;

/**
 * The rows of one side by join key, each key's rows in arrival order: small non-negative integer keys by index
 * in an array (an array read is much cheaper than a Map lookup among a million keys), every other key in a Map.
 */
class SideState {
  private readonly dense: (Bucket | undefined)[] = [];
  private readonly map = new Map<unknown, Bucket>();

  get(key: unknown): Bucket | undefined {
    return typeof key === 'number' && key >>> 0 === key && key < DENSE_LIMIT ? this.dense[key] : this.map.get(key);
  }

  set(key: unknown, rows: Bucket): void {
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

  /** Adds an entry at the end of its key's rows. */
  add(key: unknown, rec: Entry): void {
    const cur = this.get(key);
    if (cur === undefined) this.set(key, rec);
    else if (cur instanceof KeyEntries) cur.items.push(rec);
    else this.set(key, new KeyEntries([cur, rec]));
  }

  /** Removes and returns the earliest entry of `key` whose row equals `row`. */
  remove(key: unknown, row: readonly unknown[]): Entry | undefined {
    const cur = this.get(key);
    if (cur === undefined) return undefined;
    const rk = rowKey(row);
    if (!(cur instanceof KeyEntries)) {
      if (keyOfEntry(cur) !== rk) return undefined;
      this.delete(key);
      return cur;
    }
    const items = cur.items;
    const i = items.findIndex((r) => keyOfEntry(r) === rk);
    if (i < 0) return undefined;
    const rec = items[i] as Entry;
    items.splice(i, 1);
    if (items.length === 0) this.delete(key);
    return rec;
  }
}

/** The key of every row when the condition has no equi-join keys. */
const NO_KEYS: JoinKeyOf = () => '';
/** Where a side keeps rows whose key has a NULL (they match nothing, but may be padded and retracted). */
const NULL_KEY = Symbol('NULL join key');

export class JoinOperator extends Operator {
  private readonly state: [SideState, SideState] = [new SideState(), new SideState()];
  private readonly keyOf: [JoinKeyOf, JoinKeyOf];
  /** While an INNER join handles a batch of inserts: its output rows (all inserts), and their source rows. */
  private batch: Row[] | undefined;
  private batchOrigin: number[] = [];
  private batchAt = 0;

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

  private emitInsert(row: Row): void {
    const batch = this.batch;
    if (batch === undefined) this.emit({ kind: '+I', row });
    else {
      batch.push(row);
      this.batchOrigin.push(this.batchAt);
    }
  }

  /**
   * A batch of inserts: an INNER join emits only inserts for them, so its output travels on as one batch (the
   * same rows in the same order; nothing else happens in between), tagged with the source row of each.
   */
  override processInserts(rows: readonly Row[], origin: Int32Array | undefined, side: number): void {
    const inner = this.kind === 'INNER';
    if (inner) {
      this.batch = [];
      this.batchOrigin = [];
    }
    let i = 0;
    try {
      for (; i < rows.length; i++) {
        this.batchAt = origin ? (origin[i] as number) : i;
        this.accumulate(side, rows[i] as Row);
      }
    } catch (e) {
      this.batch = undefined;
      throw tagSourceRow(e, origin, i);
    }
    const out = this.batch;
    this.batch = undefined;
    if (out !== undefined && out.length > 0) this.emitInserts(out, Int32Array.from(this.batchOrigin));
  }

  process(change: Change, side: number): void {
    if (isAccumulate(change.kind)) this.accumulate(side, change.row);
    else this.retract(side, change.row);
  }

  private accumulate(side: number, row: Row): void {
    const other = 1 - side;
    const key = (this.keyOf[side] as JoinKeyOf)(row);
    // a NULL key matches nothing on the other side
    const theirs = key === null ? undefined : (this.state[other] as SideState).get(key);
    const rec: Entry = this.kind === 'INNER' ? row : { row, key: undefined, matches: 0 };
    if (theirs !== undefined) {
      if (theirs instanceof KeyEntries) for (const o of theirs.items) this.matchNew(side, rec, o);
      else this.matchNew(side, rec, theirs);
    }
    if (isRecord(rec) && rec.matches === 0 && this.preserved(side)) this.emit({ kind: '+I', row: this.padded(side, row) });
    (this.state[side] as SideState).add(key ?? NULL_KEY, rec);
  }

  /** A new row `rec` of `side` against one row `o` of the other side (records count their matches). */
  private matchNew(side: number, rec: Entry, o: Entry): void {
    const j = this.joined(side, rowOf(rec), rowOf(o));
    if (!this.matches(j)) return;
    if (isRecord(o) && isRecord(rec)) {
      const other = 1 - side;
      if (this.preserved(other) && o.matches === 0) this.emit({ kind: '-D', row: this.padded(other, o.row) });
      o.matches++;
      rec.matches++;
    }
    this.emitInsert(j);
  }

  private retract(side: number, row: Row): void {
    const other = 1 - side;
    const key = (this.keyOf[side] as JoinKeyOf)(row);
    const rec = (this.state[side] as SideState).remove(key ?? NULL_KEY, row);
    if (rec === undefined) return;
    const theirs = key === null ? undefined : (this.state[other] as SideState).get(key);
    if (theirs !== undefined) {
      for (const o of theirs instanceof KeyEntries ? theirs.items : [theirs]) {
        const j = this.joined(side, rowOf(rec), rowOf(o));
        if (!this.matches(j)) continue;
        this.emit({ kind: '-D', row: j });
        if (!isRecord(o)) continue;
        o.matches--;
        if (this.preserved(other) && o.matches === 0) this.emit({ kind: '+I', row: this.padded(other, o.row) });
      }
    }
    if (isRecord(rec) && rec.matches === 0 && this.preserved(side)) this.emit({ kind: '-D', row: this.padded(side, rec.row) });
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
