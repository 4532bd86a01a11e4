/**
 * Window TVF aggregation (TUMBLE, HOP, CUMULATE, SESSION) driven by watermarks: a window fires once, with +I,
 * when the watermark reaches `window_end - 1ms`; rows for windows that already fired are late and dropped.
 * Output rows are `[...keys, ...aggregates, window_start, window_end, window_time]`.
 */
import type { Change, RowKind } from '../changelog.js';
import type { Evaluator, Row } from '../compiled.js';
import { rowKey, singleKey } from '../values/compare.js';
import { floorDiv, Timestamp } from '../values/temporal.js';
import type { Accumulator, AggregateSet } from './aggregates.js';
import { Operator, tagSourceRow } from './operator.js';
import { WindowTimers } from './window-timers.js';

export type WindowSpec =
  | { readonly kind: 'TUMBLE'; readonly size: number; readonly offset: number }
  | { readonly kind: 'HOP'; readonly slide: number; readonly size: number; readonly offset: number }
  | { readonly kind: 'CUMULATE'; readonly step: number; readonly size: number; readonly offset: number }
  /** `legacy`: from `GROUP BY SESSION(…)`, not the SESSION window TVF. */
  | { readonly kind: 'SESSION'; readonly gap: number; readonly legacy?: boolean };

/**
 * The [start, end) windows a row at `ts` belongs to (not SESSION), in the order Flink's assigners list them (the
 * order a window TVF emits a row's copies in): HOP from the latest start back, CUMULATE by growing end.
 */
export function assignWindows(w: WindowSpec, ts: number): [number, number][] {
  switch (w.kind) {
    case 'TUMBLE': {
      const start = floorDiv(ts - w.offset, w.size) * w.size + w.offset;
      return [[start, start + w.size]];
    }
    case 'HOP': {
      const out: [number, number][] = [];
      const last = floorDiv(ts - w.offset, w.slide) * w.slide + w.offset;
      for (let s = last; s > ts - w.size; s -= w.slide) out.push([s, s + w.size]);
      return out;
    }
    case 'CUMULATE': {
      const start = floorDiv(ts - w.offset, w.size) * w.size + w.offset;
      const out: [number, number][] = [];
      for (let e = start + w.step; e <= start + w.size; e += w.step) if (e > ts) out.push([start, e]);
      return out;
    }
    case 'SESSION':
      return [[ts, ts + w.gap]];
  }
}

/** Group keys below this (non-negative integers) are indexed by an array in the fast path. */
const DENSE_KEYS = 1 << 16;

/**
 * One group's window. Other windows than SESSION reuse a fired pane (and its accumulators, reset) for a later
 * window: no pane, key list and accumulators made per group and window.
 */
interface Pane {
  /** SESSION windows: the pane's key in `sessionPanes`, `start|end|group key`. */
  readonly id: string;
  start: number;
  end: number;
  keys: unknown[];
  readonly accs: Accumulator[];
  seq: number;
  /**
   * One key, windows assigned before (the fast path): the group key, whether the pane is open (not fired), and
   * the key's open panes opened before and after this one (a list of the key's open panes, newest first).
   */
  gk?: unknown;
  open?: boolean;
  older?: Pane | undefined;
  newer?: Pane | undefined;
  /** SESSION windows: the rows, to rebuild the accumulators when sessions merge. */
  readonly rows?: { readonly row: readonly unknown[]; readonly retract: boolean }[];
}

export class WindowAggregateOperator extends Operator {
  /** Windows other than SESSION: each open window's panes (by `start|end`), by group key. */
  private readonly windows = new Map<string, Map<unknown, Pane>>();
  /** The window the previous row went to (rows in time order mostly go to the same one). */
  private lastWindow: { readonly start: number; readonly end: number; readonly panes: Map<unknown, Pane> } | undefined;
  /** SESSION windows: the open panes by id. */
  private readonly sessionPanes = new Map<string, Pane>();
  /** The open panes by end time: a watermark visits only the panes it fires. */
  private readonly timers = new WindowTimers<Pane>();
  /** SESSION windows: the open sessions of each group key, in the order they were opened or last merged. */
  private readonly sessions = new Map<string, Pane[]>();
  private seq = 0;
  /** Fired panes of windows other than SESSION, to serve later windows (`newPane`). */
  private readonly free: Pane[] = [];
  /**
   * The fast path's index (one key, windows assigned before): each group key's newest pane, whose `older` links
   * lead to the key's other open panes. It stays the same Map from window to window (no index made per window,
   * which lived long enough to be copied by every young-generation collection); entries of keys with no open
   * pane are dropped when they outnumber the open panes (`prune`).
   */
  private readonly newest = new Map<unknown, Pane>();
  /** `newest` of the small non-negative integer keys, by key (an array read instead of a Map lookup). */
  private readonly newestDense: (Pane | undefined)[] = [];
  /** Open panes of the fast path. */
  private openPanes = 0;
  /** Each grouping set's positions as text, the end of its group keys. */
  private readonly setNames: readonly string[];
  /** One grouping set of one key: the key's value is the group key as it is (`singleKey`). */
  private readonly oneKey: boolean;

  constructor(
    /** SESSION windows are assigned here; other windows arrive assigned (`bounds` = window_start/end columns). */
    private readonly window: WindowSpec,
    private readonly timeIndex: number,
    private readonly bounds: readonly [number, number] | undefined,
    private readonly keys: readonly Evaluator[],
    /** Grouping sets as lists of active key positions (one set with every key for a plain GROUP BY). */
    private readonly keySets: readonly (readonly number[])[],
    private readonly aggs: AggregateSet,
    /**
     * One past the last input column its keys, aggregates and time column read (undefined: not known): a row
     * of a window TVF is then read without its window columns (`accumulateAssigned`) when it is at least as wide.
     */
    private readonly readWidth?: number,
  ) {
    super(1);
    this.setNames = keySets.map((set) => set.join(','));
    this.merging = window.kind === 'SESSION' && bounds === undefined;
    this.live = this.merging ? (p) => this.sessionPanes.get(p.id) === p : () => true;
    this.oneKey = !this.merging && keys.length === 1 && keySets.length === 1 && (keySets[0] as readonly number[]).length === 1;
  }

  process(change: Change): void {
    this.processRow(change.row, change.kind);
  }

  /**
   * Whether a row handed to `processRow` may be a buffer the caller reuses for its next row: true unless rows are
   * kept (SESSION windows keep them to rebuild merged sessions); accumulators keep values, never rows.
   */
  get keepsNoRows(): boolean {
    return this.window.kind !== 'SESSION';
  }

  /** One change, given as its row and kind (the window TVF before calls this without a Change per row). */
  processRow(row: Row, kind: RowKind): void {
    const t = row[this.timeIndex] as Timestamp | null;
    if (t === null) return;
    const ts = t.millis;
    const retract = kind === '-U' || kind === '-D';
    if (this.oneKey && this.bounds !== undefined) {
      // the common case without per-row arrays: one key, the window already assigned by the TVF
      this.accumulateInWindow(row, (row[this.bounds[0]] as Timestamp).millis, (row[this.bounds[1]] as Timestamp).millis, retract);
      return;
    }
    const all = this.keys.map((k) => k(row));
    for (let s = 0; s < this.keySets.length; s++) {
      const set = this.keySets[s] as readonly number[];
      // a plain GROUP BY (one set of every key) groups by the key values as they are
      const keyVals = set.length === all.length ? all : all.map((v, i) => (set.includes(i) ? v : null));
      if (this.merging) {
        this.addToSession(rowKey(keyVals) + '#' + (this.setNames[s] as string), keyVals, ts, row, retract);
        continue;
      }
      const gk = this.oneKey ? singleKey(keyVals[0] ?? null) : rowKey(keyVals) + '#' + (this.setNames[s] as string);
      const assigned: [number, number][] = this.bounds
        ? [[(row[this.bounds[0]] as Timestamp).millis, (row[this.bounds[1]] as Timestamp).millis]]
        : assignWindows(this.window, ts);
      for (const [start, end] of assigned) {
        if (end - 1 <= this.watermarkValue) continue; // late
        const panes = this.panesOf(start, end);
        let p = panes.get(gk);
        if (!p) {
          p = this.newPane(start, end, keyVals);
          panes.set(gk, p);
          this.timers.add(p);
        }
        this.aggs.accumulate(p.accs, row, retract);
      }
    }
  }

  /**
   * Whether rows of a TUMBLE TVF `width` columns wide may be handed over without their window columns
   * (`accumulateAssigned`): one group key, windows assigned before, and nothing read past the row's own columns.
   */
  takesAssigned(width: number): boolean {
    return this.oneKey && this.bounds !== undefined && this.readWidth !== undefined && this.readWidth <= width;
  }

  /**
   * An insert whose window [start, end) the TVF before assigned, given as the TVF's input row (without the window
   * columns, which nothing here reads: `takesAssigned`).
   */
  accumulateAssigned(row: Row, start: number, end: number): void {
    if (row[this.timeIndex] === null) return;
    this.accumulateInWindow(row, start, end, false);
  }

  /** The fast path (one key, windows assigned before): `row` into its key's pane of [start, end), unless it is late. */
  private accumulateInWindow(row: Row, start: number, end: number, retract: boolean): void {
    if (end - 1 <= this.watermarkValue) return; // late
    const v = (this.keys[0] as Evaluator)(row);
    const gk = singleKey(v ?? null);
    let p = this.paneOf(gk, start, end);
    if (p === undefined) {
      // the key's newest open pane, read before a fired pane (maybe that same one) is reused
      const before = this.newestOf(gk);
      const older = before !== undefined && before.open === true && before.gk === gk ? before : undefined;
      p = this.newPane(start, end, undefined);
      (p.keys as unknown[])[0] = v;
      p.gk = gk;
      p.open = true;
      p.newer = undefined;
      p.older = older;
      if (older !== undefined) older.newer = p;
      this.setNewest(gk, p);
      if (++this.openPanes * 4 + 1024 < this.newest.size) this.prune();
      this.timers.add(p);
    }
    this.aggs.accumulate(p.accs, row, retract);
  }

  /**
   * A pane of a window other than SESSION, with fresh accumulators: a fired one reused, or a new one. `keys`: its
   * group key values; undefined for a one-element key list the caller fills.
   */
  private newPane(start: number, end: number, keys: unknown[] | undefined): Pane {
    const p = this.free.pop();
    if (p === undefined) return { id: '', start, end, keys: keys ?? [null], accs: this.aggs.create(), seq: this.seq++, gk: undefined, open: false, older: undefined, newer: undefined };
    p.start = start;
    p.end = end;
    if (keys !== undefined) p.keys = keys;
    p.seq = this.seq++;
    this.aggs.reset(p.accs);
    return p;
  }

  /** The open pane of group key `gk` in the window [start, end) (the fast path), if there is one. */
  private paneOf(gk: unknown, start: number, end: number): Pane | undefined {
    let p = this.newestOf(gk);
    // an entry whose pane fired (and may serve another key since) is stale
    if (p === undefined || p.open !== true || p.gk !== gk) return undefined;
    while (p !== undefined) {
      if (p.start === start && p.end === end) return p;
      p = p.older;
    }
    return undefined;
  }

  private newestOf(gk: unknown): Pane | undefined {
    return typeof gk === 'number' && gk >>> 0 === gk && gk < DENSE_KEYS ? this.newestDense[gk] : this.newest.get(gk);
  }

  private setNewest(gk: unknown, p: Pane): void {
    if (typeof gk === 'number' && gk >>> 0 === gk && gk < DENSE_KEYS) {
      const d = this.newestDense;
      // grown one by one, so the array stays a plain list (not a sparse one)
      while (d.length <= gk) d.push(undefined);
      d[gk] = p;
    } else this.newest.set(gk, p);
  }

  /** A fired pane of the fast path out of its key's list. */
  private unlink(p: Pane): void {
    const o = p.older;
    const n = p.newer;
    if (n !== undefined) n.older = o;
    else if (o !== undefined && this.newestOf(p.gk) === p) this.setNewest(p.gk, o);
    if (o !== undefined) o.newer = n;
    p.older = undefined;
    p.newer = undefined;
    p.open = false;
    this.openPanes--;
  }

  /** Drops the fast path's index entries of keys without an open pane. */
  private prune(): void {
    for (const [gk, p] of this.newest) if (p.open !== true || p.gk !== gk) this.newest.delete(gk);
  }

  /** The panes of the window [start, end), created when it is new. */
  private panesOf(start: number, end: number): Map<unknown, Pane> {
    const last = this.lastWindow;
    if (last !== undefined && last.start === start && last.end === end) return last.panes;
    const wid = `${start}|${end}`;
    let panes = this.windows.get(wid);
    if (panes === undefined) {
      panes = new Map();
      this.windows.set(wid, panes);
    }
    this.lastWindow = { start, end, panes };
    return panes;
  }

  private addToSession(gk: string, keyVals: unknown[], ts: number, row: readonly unknown[], retract: boolean): void {
    const gap = (this.window as { gap: number }).gap;
    // a late row's session is first merged into the open sessions it overlaps; it is dropped only when nothing open
    // absorbs it (Flink's merging window set, for the SESSION window TVF and legacy GROUP BY SESSION alike: checked
    // on real Flink)
    const late = ts + gap - 1 <= this.watermarkValue;
    let start = ts;
    let end = ts + gap;
    const open = this.sessions.get(gk) ?? [];
    const merged: Pane[] = [];
    const kept: Pane[] = [];
    for (const p of open) {
      if (p.start <= end && p.end >= start) {
        merged.push(p);
        this.sessionPanes.delete(p.id);
        start = Math.min(start, p.start);
        end = Math.max(end, p.end);
      } else kept.push(p);
    }
    if (late && merged.length === 0) return;
    // Rebuild the merged session's accumulators from its rows.
    const rows: { row: readonly unknown[]; retract: boolean }[] = [];
    for (const p of merged) rows.push(...(p.rows ?? []));
    rows.push({ row, retract });
    const accs = this.aggs.create();
    for (const r of rows) this.aggs.accumulate(accs, r.row, r.retract);
    const id = `${start}|${end}|${gk}`;
    const pane: Pane = { id, start, end, keys: keyVals, accs, seq: merged[0]?.seq ?? this.seq++, rows };
    this.sessionPanes.set(id, pane);
    kept.push(pane);
    this.sessions.set(gk, kept);
    this.timers.add(pane);
  }

  /** SESSION windows assigned here (not arriving assigned, as a SESSION TVF's rows do): panes merge. */
  private readonly merging: boolean;
  /** A SESSION pane merged into a later one is no longer open; other windows' panes never merge. */
  private readonly live: (p: Pane) => boolean;
  /** window_start / window_end / window_time of the window that fired last (its panes fire one after another). */
  private fired: readonly [Timestamp, Timestamp, Timestamp] | undefined;

  private windowColumns(start: number, end: number): readonly [Timestamp, Timestamp, Timestamp] {
    const f = this.fired;
    if (f !== undefined && f[0].millis === start && f[1].millis === end) return f;
    const b: readonly [Timestamp, Timestamp, Timestamp] = [new Timestamp(start), new Timestamp(end), new Timestamp(end - 1)];
    this.fired = b;
    return b;
  }

  /**
   * The least watermark this operator acts on: one that fires its first open window (its end - 1); any advance
   * when a consumer reads watermarks. A watermark below it changes nothing here but the late-row check.
   */
  actsOnWatermarkFrom(): number {
    return this.consumersReadWatermarks() ? -Infinity : this.timers.nextEnd() - 1;
  }

  protected override onWatermark(wm: number): void {
    const session = this.merging;
    const ready = this.timers.fire(wm, this.live);
    if (ready.length === 0) {
      this.emitWatermark(wm);
      return;
    }
    // the window closed last, [closedStart, closedEnd)
    let closedStart = NaN;
    let closedEnd = NaN;
    for (const p of ready) {
      if (session) {
        this.sessionPanes.delete(p.id);
        this.closeSession(p);
      } else if (closedStart !== p.start || closedEnd !== p.end) {
        // every pane of a window ends with it: the window fires whole (its panes fire one after another)
        closedStart = p.start;
        closedEnd = p.end;
        this.windows.delete(`${p.start}|${p.end}`);
        if (this.lastWindow !== undefined && this.lastWindow.end - 1 <= wm) this.lastWindow = undefined;
      }
      const keys = p.keys;
      const accs = p.accs;
      const row = new Array<unknown>(keys.length + accs.length + 3);
      let j = 0;
      for (let i = 0; i < keys.length; i++) row[j++] = keys[i];
      for (let i = 0; i < accs.length; i++) row[j++] = (accs[i] as Accumulator).value();
      const [ws, we, wt] = this.windowColumns(p.start, p.end);
      row[j++] = ws;
      row[j++] = we;
      row[j] = wt;
      // the row holds the pane's values, not the pane: it serves a later window once its row is made
      if (!session) {
        if (p.open === true) this.unlink(p);
        this.free.push(p);
      }
      this.emit({ kind: '+I', row });
    }
    this.emitWatermark(wm);
  }

  private closeSession(p: Pane): void {
    const gk = p.id.slice(p.id.indexOf('|', p.id.indexOf('|') + 1) + 1);
    const open = (this.sessions.get(gk) ?? []).filter((q) => q !== p);
    if (open.length === 0) this.sessions.delete(gk);
    else this.sessions.set(gk, open);
  }
}

/** Window TVF without aggregation: one output row per window, with window_start, window_end, window_time. */
export class WindowAssignOperator extends Operator {
  /** The window_start / window_end / window_time values of recent windows by end (rows in time order share them). */
  private readonly recent = new Map<number, readonly [Timestamp, Timestamp, Timestamp]>();

  constructor(
    private readonly window: WindowSpec,
    private readonly timeIndex: number,
  ) {
    super(1);
  }

  /** The bounds given last (rows in time order mostly fall in the window of the row before: no Map lookup). */
  private lastBounds: readonly [Timestamp, Timestamp, Timestamp] | undefined;

  private bounds(start: number, end: number): readonly [Timestamp, Timestamp, Timestamp] {
    const last = this.lastBounds;
    if (last !== undefined && last[0].millis === start && last[1].millis === end) return last;
    let b = this.recent.get(end);
    if (b === undefined || b[0].millis !== start || b[1].millis !== end) {
      if (this.recent.size >= 64) this.recent.clear();
      b = [new Timestamp(start), new Timestamp(end), new Timestamp(end - 1)];
      this.recent.set(end, b);
    }
    this.lastBounds = b;
    return b;
  }

  /**
   * A window aggregation fed by this operator alone that keeps no rows: it is handed each row with its window
   * columns in one buffer reused from row to row (no row array and no Change per input row). Decided at the
   * first row, once the plan is connected; null when rows are emitted.
   */
  private direct: WindowAggregateOperator | null | undefined;
  private buffer: unknown[] = [];

  private directConsumer(): WindowAggregateOperator | null {
    const c = this.soleConsumer();
    return c instanceof WindowAggregateOperator && c.keepsNoRows ? c : null;
  }

  process(change: Change): void {
    const t = change.row[this.timeIndex] as Timestamp | null;
    if (t === null) return;
    const w = this.window;
    if (this.direct === undefined) this.direct = this.directConsumer();
    if (w.kind === 'TUMBLE') {
      // one window per row: no window list
      const start = floorDiv(t.millis - w.offset, w.size) * w.size + w.offset;
      this.emitWith(change, start, start + w.size);
      return;
    }
    for (const [start, end] of assignWindows(w, t.millis)) this.emitWith(change, start, end);
  }

  /** `from` with its window's columns, in the buffer reused from row to row, into the direct consumer. */
  private toDirect(direct: WindowAggregateOperator, from: Row, start: number, end: number, kind: RowKind): void {
    const [ws, we, wt] = this.bounds(start, end);
    const n = from.length;
    let buf = this.buffer;
    if (buf.length !== n + 3) buf = this.buffer = new Array<unknown>(n + 3);
    for (let i = 0; i < n; i++) buf[i] = from[i];
    buf[n] = ws;
    buf[n + 1] = we;
    buf[n + 2] = wt;
    direct.processRow(buf, kind);
  }

  /**
   * A source's inserts, each followed by its watermark: into the window aggregation directly (no Change per row),
   * each row then its watermark, as `process` and `receiveWatermark` take them one by one.
   */
  override processInsertsWatermarked(rows: readonly Row[], marks: Float64Array, input: number): void {
    if (this.direct === undefined) this.direct = this.directConsumer();
    const direct = this.direct;
    const w = this.window;
    if (direct === null || w.kind !== 'TUMBLE') {
      super.processInsertsWatermarked(rows, marks, input);
      return;
    }
    const at = this.timeIndex;
    let i = 0;
    // the window of the row before: rows in time order mostly fall in it (no division)
    let start = NaN;
    let end = NaN;
    // a row's watermark is handed on only once the aggregation acts on it (see `deferred`)
    this.deferring = true;
    try {
      for (; i < rows.length; i++) {
        const from = rows[i] as Row;
        const t = from[at] as Timestamp | null;
        if (t !== null) {
          const ms = t.millis;
          if (!(ms >= start && ms < end)) {
            start = floorDiv(ms - w.offset, w.size) * w.size + w.offset;
            end = start + w.size;
          }
          // the row is late by the watermark not yet handed on: it is handed on first, and the row is dropped
          if (end - 1 <= this.deferred) this.handOnDeferred();
          if (direct.takesAssigned(from.length)) direct.accumulateAssigned(from, start, end);
          else this.toDirect(direct, from, start, end, '+I');
        }
        const m = marks[i] as number;
        if (m === m) {
          this.receiveWatermark(m, input);
          if (this.deferred >= direct.actsOnWatermarkFrom()) this.handOnDeferred();
        }
      }
      this.deferring = false;
      this.handOnDeferred();
    } catch (e) {
      this.deferring = false;
      throw tagSourceRow(e, undefined, i);
    }
  }

  /**
   * In `processInsertsWatermarked`, a watermark the window aggregation would not act on yet is kept here
   * (-Infinity: none) instead of being handed on row after row. It is handed on before a row it makes late,
   * as soon as it reaches the aggregation's next window end (`actsOnWatermarkFrom`), and at the end of the batch:
   * the aggregation fires the same windows after the same rows and drops the same late rows as with each
   * watermark handed on at once (nothing else reaches it in between: it is this operator's sole consumer).
   */
  private deferred = -Infinity;
  private deferring = false;

  protected override onWatermark(wm: number): void {
    if (this.deferring) this.deferred = wm;
    else this.emitWatermark(wm);
  }

  private handOnDeferred(): void {
    const wm = this.deferred;
    if (wm === -Infinity) return;
    this.deferred = -Infinity;
    this.emitWatermark(wm);
  }

  /** The row with the window's window_start, window_end and window_time appended. */
  private emitWith(change: Change, start: number, end: number): void {
    const from = change.row;
    const direct = this.direct;
    if (direct != null) {
      this.toDirect(direct, from, start, end, change.kind);
      return;
    }
    const [ws, we, wt] = this.bounds(start, end);
    const n = from.length;
    const row = new Array<unknown>(n + 3);
    for (let i = 0; i < n; i++) row[i] = from[i];
    row[n] = ws;
    row[n + 1] = we;
    row[n + 2] = wt;
    this.emit({ kind: change.kind, row });
  }
}
