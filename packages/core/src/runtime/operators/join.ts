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
import { JoinSideState } from './join-state.js';
import { Operator, tagSourceRow } from './operator.js';

export type JoinKind = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL';

/** The key of every row when the condition has no equi-join keys. */
const NO_KEYS: JoinKeyOf = () => '';
/** Where a side keeps rows whose key has a NULL (they match nothing, but may be padded and retracted). */
const NULL_KEY = Symbol('NULL join key');

export class JoinOperator extends Operator {
  private readonly state: [JoinSideState, JoinSideState];
  private readonly keyOf: [JoinKeyOf, JoinKeyOf];
  /** While an INNER join handles a batch of inserts: its output rows (all inserts), and their source rows. */
  private batch: Row[] | undefined;
  private batchOrigin: number[] = [];
  private batchAt = 0;
  /**
   * While an INNER join whose matches need no condition handles a batch of inserts for a consumer that takes
   * columns (a final-table sink): its output as one array per emitted column, no array made per joined row.
   */
  private batchColumns: unknown[][] | undefined;
  private batchCount = 0;
  /** The arrays `batchColumns` reuses from batch to batch (cleared after each), while no batch is handed on. */
  private scratch: unknown[][] | undefined;
  /**
   * The joined row's columns the join emits, when a projection of plain columns above it is fused into it (as
   * Flink's planner pushes projections into the join): its rows are made at their final width, not made whole
   * and copied by a Calc. Undefined: every column.
   */
  private output: readonly number[] | undefined;

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
    // an INNER join has no NULL-padded rows to track, so its rows need no match counts
    const counted = kind !== 'INNER';
    this.state = [new JoinSideState(leftWidth, counted), new JoinSideState(rightWidth, counted)];
  }

  /** Whether a projection can still be fused into this join (none yet, and no consumer connected). */
  canProjectOutput(): boolean {
    return this.output === undefined && this.outputCount() === 0;
  }

  /** Emits only these columns of each joined row, in this order (see `output`). */
  projectOutput(columns: readonly number[]): void {
    if (!this.canProjectOutput()) throw new Error('internal: the join already projects or has consumers');
    this.output = [...columns];
  }

  /** A joined or padded row as the join emits it. */
  private shaped(row: readonly unknown[]): unknown[] {
    const cols = this.output;
    if (cols === undefined) return row as unknown[];
    const out = new Array<unknown>(cols.length);
    for (let i = 0; i < cols.length; i++) out[i] = row[cols[i] as number] ?? null;
    return out;
  }

  /** The emitted row of slot `mine` of `side` joined with slot `slot` of the other side, made at its output width. */
  private joinedOutput(side: number, mine: number, slot: number): unknown[] {
    const cols = this.output;
    if (cols === undefined) return this.joined(side, mine, slot);
    const l = this.state[0] as JoinSideState;
    const r = this.state[1] as JoinSideState;
    const ls = side === 0 ? mine : slot;
    const rs = side === 0 ? slot : mine;
    const n = this.leftWidth;
    const out = new Array<unknown>(cols.length);
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i] as number;
      out[i] = (c < n ? l.value(ls, c) : r.value(rs, c - n)) ?? null;
    }
    return out;
  }

  /** Appends the row `joinedOutput` would make to `this.batchColumns`, one value per column. */
  private appendJoined(side: number, mine: number, slot: number): void {
    const out = this.batchColumns as unknown[][];
    const l = this.state[0] as JoinSideState;
    const r = this.state[1] as JoinSideState;
    const ls = side === 0 ? mine : slot;
    const rs = side === 0 ? slot : mine;
    const n = this.leftWidth;
    const cols = this.output;
    const at = this.batchCount++;
    if (cols === undefined) {
      for (let c = 0; c < n; c++) (out[c] as unknown[])[at] = l.value(ls, c) ?? null;
      for (let c = 0; c < this.rightWidth; c++) (out[n + c] as unknown[])[at] = r.value(rs, c) ?? null;
    } else {
      for (let i = 0; i < cols.length; i++) {
        const c = cols[i] as number;
        (out[i] as unknown[])[at] = (c < n ? l.value(ls, c) : r.value(rs, c - n)) ?? null;
      }
    }
  }

  private preserved(side: number): boolean {
    return this.kind === 'FULL' || (side === 0 ? this.kind === 'LEFT' : this.kind === 'RIGHT');
  }

  /** The row in slot `mine` of `side`'s state joined with the row in slot `slot` of the other side's. */
  private joined(side: number, mine: number, slot: number): unknown[] {
    const l = this.state[0] as JoinSideState;
    const r = this.state[1] as JoinSideState;
    const ls = side === 0 ? mine : slot;
    const rs = side === 0 ? slot : mine;
    const n = this.leftWidth;
    const out = new Array<unknown>(n + this.rightWidth);
    for (let i = 0; i < n; i++) out[i] = l.value(ls, i);
    for (let i = 0; i < this.rightWidth; i++) out[n + i] = r.value(rs, i);
    return out;
  }

  /** `row` (of `side`, no longer kept) joined with the row in slot `slot` of the other side's state. */
  private joinedRow(side: number, row: readonly unknown[], slot: number): unknown[] {
    const theirs = this.state[1 - side] as JoinSideState;
    const n = this.leftWidth;
    const out = new Array<unknown>(n + this.rightWidth);
    for (let i = 0; i < n; i++) out[i] = side === 0 ? row[i] : theirs.value(slot, i);
    for (let i = 0; i < this.rightWidth; i++) out[n + i] = side === 1 ? row[i] : theirs.value(slot, i);
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
    // a sink taking columns raises no error (no conversion, no NOT NULL check), so no source row is named
    const columns = inner && this.condition === undefined && this.columnConsumer() !== undefined;
    if (columns) {
      const width = this.output?.length ?? this.leftWidth + this.rightWidth;
      this.batchColumns = this.scratch ?? Array.from({ length: width }, () => new Array<unknown>(rows.length));
      this.scratch = undefined;
      this.batchCount = 0;
    } else if (inner) {
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
      this.batchColumns = undefined;
      throw tagSourceRow(e, origin, i);
    }
    const cols = this.batchColumns;
    if (cols !== undefined) {
      this.batchColumns = undefined;
      const count = this.batchCount;
      if (count > 0) this.emitColumns(cols, 0, count);
      // the arrays keep no values of this batch alive (a row retracted later) beyond it
      for (const col of cols) col.fill(undefined, 0, count);
      this.scratch = cols;
      return;
    }
    const out = this.batch;
    this.batch = undefined;
    if (out !== undefined && out.length > 0) this.emitInserts(out, Int32Array.from(this.batchOrigin));
  }

  /** Both inputs have ended: no row arrives again, so the state is not read again (its chunks serve later state). */
  protected override onFinish(): void {
    for (const s of this.state) s.recycle();
  }

  process(change: Change, side: number): void {
    if (isAccumulate(change.kind)) this.accumulate(side, change.row);
    else this.retract(side, change.row);
  }

  private accumulate(side: number, row: Row): void {
    const other = 1 - side;
    const key = (this.keyOf[side] as JoinKeyOf)(row);
    const theirs = this.state[other] as JoinSideState;
    const counted = this.kind !== 'INNER';
    const otherPreserved = counted && this.preserved(other);
    // kept first, so the joined rows are made from the kept values (one copy of a repeated string)
    const mine = (this.state[side] as JoinSideState).add(key ?? NULL_KEY, row, 0);
    let matched = 0;
    // a NULL key matches nothing on the other side
    const toColumns = this.batchColumns !== undefined;
    for (let o = key === null ? -1 : theirs.first(key); o >= 0; o = theirs.nextOf(o)) {
      if (toColumns) {
        // INNER, no condition: every row of the key matches
        this.appendJoined(side, mine, o);
        continue;
      }
      let j: unknown[];
      if (this.condition === undefined) j = this.joinedOutput(side, mine, o);
      else {
        const whole = this.joined(side, mine, o);
        if (!this.matches(whole)) continue;
        j = this.shaped(whole);
      }
      if (counted) {
        if (theirs.addMatches(o, 1) === 1 && otherPreserved) this.emit({ kind: '-D', row: this.shaped(this.padded(other, theirs.row(o))) });
        matched++;
      }
      this.emitInsert(j);
    }
    if (!counted) return;
    (this.state[side] as JoinSideState).addMatches(mine, matched);
    if (matched === 0 && this.preserved(side)) this.emit({ kind: '+I', row: this.shaped(this.padded(side, row)) });
  }

  private retract(side: number, row: Row): void {
    const other = 1 - side;
    const key = (this.keyOf[side] as JoinKeyOf)(row);
    const removed = (this.state[side] as JoinSideState).remove(key ?? NULL_KEY, row);
    if (removed === undefined) return;
    const theirs = this.state[other] as JoinSideState;
    const counted = this.kind !== 'INNER';
    const otherPreserved = counted && this.preserved(other);
    for (let o = key === null ? -1 : theirs.first(key); o >= 0; o = theirs.nextOf(o)) {
      const j = this.joinedRow(side, removed.row, o);
      if (!this.matches(j)) continue;
      this.emit({ kind: '-D', row: this.shaped(j) });
      if (counted && theirs.addMatches(o, -1) === 0 && otherPreserved) this.emit({ kind: '+I', row: this.shaped(this.padded(other, theirs.row(o))) });
    }
    if (counted && removed.matches === 0 && this.preserved(side)) this.emit({ kind: '-D', row: this.shaped(this.padded(side, removed.row)) });
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
