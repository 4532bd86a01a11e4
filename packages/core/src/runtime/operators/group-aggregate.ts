/**
 * Group aggregation over a changelog (Flink's GroupAggFunction): per key, +I for the first result, -U/+U
 * when the result changes (nothing when it does not), -D when the last row of the key is retracted.
 * Output rows are `[...keys, ...aggregates]`.
 *
 * With `foldUpdates` (set by the job only when nobody reads the changelog and the sink cannot tell: see
 * `LocalJob`), the +I and -D are still emitted when Flink emits them, but the updates in between are folded
 * into one -U/+U per changed key at the end of the input, as a mini-batch covering the whole input would.
 */
import type { Change } from '../changelog.js';
import type { Evaluator, Row } from '../compiled.js';
import { singleKey } from '../values/compare.js';
import { aggregateResultsEqual } from '../values/record-equaliser.js';
import { addPartial } from './aggregates.js';
import type { Accumulator, AggregateSet } from './aggregates.js';
import { denseLoop, denseRowLoop, partialKinds } from './dense-group-kernel.js';
import type { PartialKind } from './dense-group-kernel.js';
import { KeyTrie } from './key-trie.js';
import { Operator, tagSourceRow } from './operator.js';

interface GroupState {
  readonly keys: unknown[];
  readonly accs: Accumulator[];
  count: number;
  prev: unknown[] | undefined;
  /** `foldUpdates`: accumulated since `prev` was emitted. */
  dirty: boolean;
}

/** The dense loop's state (dense-group-kernel.ts): its typed arrays are indexed by the key. */
interface DenseKernel {
  readonly kinds: readonly PartialKind[];
  readonly loop: ReturnType<typeof denseLoop>;
  /** The same loop over rows (`processInserts`), reading the key at the operator's key column. */
  readonly rowLoop: ReturnType<typeof denseRowLoop>;
  live: Uint8Array;
  rows: Float64Array;
  counts: Float64Array[];
  sums: Float64Array[];
  /** A MIN / MAX of strings: its extreme per key (the other calls' entries are empty). */
  texts: unknown[][];
  touched: Int32Array;
  readonly state: Int32Array;
  /** Rows added by the loop since the partial results were last moved (at most KERNEL_ROWS). */
  pending: number;
}

const DENSE_LIMIT = 1 << 16;
/** The most rows the dense loop adds up before its partial results are moved into the groups. */
const KERNEL_ROWS = 1 << 16;
/** The index of a key in `dense`: a small non-negative integer key is its own index; −1 for any other key. */
const denseSlot = (k: unknown): number => (typeof k === 'number' && k >>> 0 === k && k < DENSE_LIMIT ? k : -1);

export class GroupAggregateOperator extends Operator {
  private readonly groups = new Map<unknown, GroupState>();
  /** The groups of small non-negative integer keys again, by index (an array read is cheaper than a hash lookup). */
  private readonly dense: (GroupState | undefined)[] = [];
  /** Off when the only consumer is an upsert sink (Flink then does not generate UPDATE_BEFORE either). */
  generateUpdateBefore = true;
  /** Emit only the first and the final result per key (and deletions); see the module comment. */
  foldUpdates = false;

  constructor(
    private readonly keys: readonly Evaluator[],
    private readonly aggs: AggregateSet,
    /** Set when there is one key and it is just the input column at this position. */
    keyColumn?: number,
  ) {
    super(1);
    this.keyColumn = keyColumn ?? -1;
    this.trie = keys.length >= 2 ? new KeyTrie(keys.length) : undefined;
    this.scratch = new Array<unknown>(keys.length);
  }

  private readonly keyColumn: number;
  /** The groups of a key of two or more columns, by their values (`groups` then holds each group by itself). */
  private readonly trie: KeyTrie<GroupState> | undefined;
  /** The current row's key values, for `trie` (copied only into a new group). */
  private readonly scratch: unknown[];
  /** `processColumns`' accumulation steps and the columns they read. */
  private stepsOver: { readonly columns: readonly ArrayLike<unknown>[]; readonly accumulate: (accs: Accumulator[], i: number) => void } | undefined;

  /** How many leading output columns are grouping keys. */
  get keyCount(): number {
    return this.keys.length;
  }

  process(change: Change): void {
    this.settle();
    const kind = change.kind;
    this.apply(change.row, kind === '+I' || kind === '+U');
  }

  override processInserts(rows: readonly Row[], origin: Int32Array | undefined): void {
    let i = 0;
    try {
      const kc = this.keyColumn;
      if (this.foldUpdates && kc >= 0) {
        // the common case inline: an insert into an existing group with a small integer key only accumulates,
        // in the dense loop when the calls fit it (as processColumns does over columns)
        const dense = this.dense;
        const accumulate = this.aggs.accumulate;
        // (the loop's partial results stay across batches, which are short, until KERNEL_ROWS rows were added
        // or anything else reads the groups: see `settle`)
        const kernel = this.kernel ?? this.makeKernel();
        const n = rows.length;
        while (i < n) {
          if (kernel !== undefined) {
            const from = i;
            const stop = Math.min(n, i + KERNEL_ROWS - kernel.pending);
            i = kernel.rowLoop(rows, undefined, kernel.live, kernel.rows, kernel.counts, kernel.sums, kernel.texts, kernel.touched, kernel.state, i, stop);
            kernel.pending += i - from;
            if (kernel.pending >= KERNEL_ROWS) this.movePartials(kernel);
            if (i === stop) continue;
          }
          const row = rows[i] as Row;
          const k = row[kc];
          const slot = denseSlot(k);
          const g = slot >= 0 ? dense[slot] : undefined;
          if (g !== undefined && g.prev !== undefined) {
            accumulate(g.accs, row, false);
            g.count++;
            g.dirty = true;
          } else this.apply(row, true);
          i++;
        }
        return;
      }
      for (; i < rows.length; i++) this.apply(rows[i] as Row, true);
    } catch (e) {
      throw tagSourceRow(e, origin, i);
    }
  }

  /**
   * Inserts read from columns: with `foldUpdates`, a key column and aggregates that read columns directly, an
   * insert into an existing group only accumulates (no row is made); a new group's first row is made and applied
   * as a row is. Otherwise the rows are made and handled as `processInserts` does.
   */
  override processColumns(columns: readonly ArrayLike<unknown>[], start: number, end: number, input: number): void {
    const kc = this.keyColumn;
    const steps = this.aggs.accumulateColumns;
    if (!this.foldUpdates || kc < 0 || steps === undefined) {
      super.processColumns(columns, start, end, input);
      return;
    }
    // the steps over these columns, made once per input (every run of a fixture hands on the same columns)
    if (this.stepsOver?.columns !== columns) this.stepsOver = { columns, accumulate: steps(columns) };
    const accumulate = this.stepsOver.accumulate;
    const keyColumn = columns[kc] as ArrayLike<unknown>;
    this.settle();
    const dense = this.dense;
    const kernel = this.kernel ?? this.makeKernel();
    let i = start;
    try {
      while (i < end) {
        // the rows the dense loop takes, then the one it stops at handled on its own (partial results are moved
        // into the groups every KERNEL_ROWS rows, which bounds a partial sum)
        if (kernel !== undefined) {
          const stop = Math.min(end, i + KERNEL_ROWS);
          i = kernel.loop(keyColumn, columns, kernel.live, kernel.rows, kernel.counts, kernel.sums, kernel.texts, kernel.touched, kernel.state, i, stop);
          if (i === stop) {
            if (i < end) this.movePartials(kernel);
            continue;
          }
        }
        const k = keyColumn[i];
        const slot = denseSlot(k);
        const g = slot >= 0 ? dense[slot] : this.groups.get(singleKey(k ?? null));
        if (g !== undefined && g.prev !== undefined) {
          accumulate(g.accs, i);
          g.count++;
          g.dirty = true;
        } else this.apply(rowOfColumns(columns, i), true);
        i++;
      }
    } catch (e) {
      throw tagSourceRow(e, undefined, i - start);
    } finally {
      if (kernel !== undefined) this.movePartials(kernel);
    }
  }

  /** The dense loop's state for this operator's calls (created on first use), or undefined when they do not fit it. */
  private kernel: DenseKernel | undefined;
  private kernelTried = false;

  private makeKernel(): DenseKernel | undefined {
    if (this.kernelTried) return undefined;
    this.kernelTried = true;
    const kinds = partialKinds(this.aggs.specs, this.aggs.insertOnly);
    if (kinds === undefined || this.keyColumn < 0) return undefined;
    const size = 64;
    this.kernel = {
      kinds, loop: denseLoop(kinds), rowLoop: denseRowLoop(kinds, this.keyColumn), live: new Uint8Array(size), rows: new Float64Array(size),
      counts: listOf(kinds, () => new Float64Array(size)), sums: listOf(kinds, () => new Float64Array(size)), texts: listOf(kinds, (p) => textsOf(p, size)),
      touched: new Int32Array(size), state: new Int32Array(1), pending: 0,
    };
    for (let slot = 0; slot < this.dense.length; slot++) this.markLive(slot);
    return this.kernel;
  }

  /** Keeps the dense loop's `live` flag of a small integer key in step with its group (which has a result). */
  private markLive(slot: number): void {
    const kernel = this.kernel;
    if (kernel === undefined) return;
    const live = this.dense[slot]?.prev !== undefined;
    if (slot >= kernel.live.length) {
      if (!live) return;
      const size = Math.min(DENSE_LIMIT, Math.max(slot + 1, kernel.live.length * 2));
      const grow = <A extends Uint8Array | Float64Array | Int32Array>(a: A, make: (n: number) => A): A => {
        const b = make(size);
        b.set(a);
        return b;
      };
      kernel.live = grow(kernel.live, (n) => new Uint8Array(n));
      kernel.rows = grow(kernel.rows, (n) => new Float64Array(n));
      kernel.counts = listOf(kernel.counts, (a) => grow(a, (n) => new Float64Array(n)));
      kernel.sums = listOf(kernel.sums, (a) => grow(a, (n) => new Float64Array(n)));
      kernel.texts = listOf(kernel.texts, (a, j) => [...a, ...textsOf(kernel.kinds[j] as PartialKind, size - a.length)]);
      kernel.touched = grow(kernel.touched, (n) => new Int32Array(n));
    }
    kernel.live[slot] = live ? 1 : 0;
  }

  /** Moves the dense loop's partial results into the groups, when there are any (before anything else reads them). */
  private settle(): void {
    const kernel = this.kernel;
    if (kernel !== undefined && kernel.state[0] !== 0) this.movePartials(kernel);
  }

  /** Moves the run's partial results into the groups they belong to, and clears them. */
  private movePartials(kernel: DenseKernel): void {
    const n = kernel.state[0] as number;
    const { kinds, rows, counts, sums, texts, touched } = kernel;
    for (let t = 0; t < n; t++) {
      const k = touched[t] as number;
      const g = this.dense[k] as GroupState;
      const r = rows[k] as number;
      for (let j = 0; j < kinds.length; j++) {
        const c = counts[j] as Float64Array;
        const s = sums[j] as Float64Array;
        const x = texts[j] as unknown[];
        addPartial(g.accs[j] as Accumulator, (kinds[j] as PartialKind).kind, r, c[k] as number, x.length === 0 ? s[k] : x[k]);
        c[k] = 0;
        s[k] = 0;
        if (x.length !== 0) x[k] = null;
      }
      rows[k] = 0;
      g.count += r;
      g.dirty = true;
    }
    kernel.state[0] = 0;
    kernel.pending = 0;
  }

  /** One row: accumulated (`acc`) or retracted. */
  private apply(row: Row, acc: boolean): void {
    const keys = this.keys;
    const trie = this.trie;
    let single: unknown;
    let k: unknown;
    let slot = -1;
    let g: GroupState | undefined;
    if (trie !== undefined) {
      // two or more key columns: their values into the reused scratch list, the group found level by level
      const scratch = this.scratch;
      for (let i = 0; i < keys.length; i++) scratch[i] = (keys[i] as Evaluator)(row);
      g = trie.get(scratch);
    } else {
      if (keys.length === 1) {
        // one key column: its primitive value is the map key (no key array unless the group is new)
        single = this.keyColumn >= 0 ? (row[this.keyColumn] ?? null) : (keys[0] as Evaluator)(row);
        k = singleKey(single);
      } else k = ''; // no GROUP BY: one group
      slot = denseSlot(k);
      g = slot >= 0 ? this.dense[slot] : this.groups.get(k);
    }
    if (g === undefined) {
      if (!acc) return; // retraction for a key without state: ignored, as Flink does
      g = { keys: trie !== undefined ? this.scratch.slice() : keys.length === 1 ? [single] : [], accs: this.aggs.create(), count: 0, prev: undefined, dirty: false };
      if (trie !== undefined) {
        trie.set(g.keys, g);
        k = g; // (the groups map keeps the order the groups were made in)
      }
      this.groups.set(k, g);
      if (slot >= 0) this.dense[slot] = g;
    } else if (trie !== undefined) k = g;
    this.aggs.accumulate(g.accs, row, !acc);
    g.count += acc ? 1 : -1;
    if (g.count <= 0) {
      if (g.prev) this.emitRow('-D', g.prev);
      this.groups.delete(k);
      if (trie !== undefined) trie.delete(g.keys);
      if (slot >= 0) {
        this.dense[slot] = undefined;
        this.markLive(slot);
      }
      return;
    }
    if (g.prev && this.foldUpdates) {
      g.dirty = true;
      return;
    }
    this.update(g);
    if (slot >= 0) this.markLive(slot);
  }

  /** Emits the group's current result: +I the first time, then -U/+U when it changed. */
  private update(g: GroupState): void {
    const out = resultRow(g.keys, g.accs);
    const prev = g.prev;
    // (rows are emitted as kind and row: a consumer that keeps no Change, the sink, gets no object made for it)
    if (!prev) {
      this.emitRow('+I', out);
    } else if (!aggregateResultsEqual(prev, out, this.keys.length, this.aggs.specs)) {
      if (this.generateUpdateBefore) this.emitRow('-U', prev);
      this.emitRow('+U', out);
    }
    g.prev = out;
    g.dirty = false;
  }

  protected override onFinish(): void {
    this.settle();
    if (!this.foldUpdates) return;
    for (const g of this.groups.values()) if (g.dirty) this.update(g);
  }
}

/**
 * `xs.map(f)` as a list pushed into a literal: the dense loop's lists then have one hidden class whether this runs
 * optimised or not (Array.prototype.map's result does not: see AggregateSet.create).
 */
function listOf<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i] as T, i));
  return out;
}

/** The dense loop's text array of a call for `size` keys: NULLs for a MIN / MAX of strings, empty for any other call. */
function textsOf(p: PartialKind, size: number): unknown[] {
  return (p.kind === 'min' || p.kind === 'max') && p.of === 'string' ? new Array<unknown>(size).fill(null) : [];
}

/** Row `i` of `columns` as a new array. */
function rowOfColumns(columns: readonly ArrayLike<unknown>[], i: number): unknown[] {
  const row = new Array<unknown>(columns.length);
  for (let c = 0; c < columns.length; c++) row[c] = (columns[c] as ArrayLike<unknown>)[i];
  return row;
}

/** `[...keys, ...accumulator values]`; the common narrow shapes as array literals (cheaper to allocate). */
function resultRow(keys: readonly unknown[], accs: readonly Accumulator[]): unknown[] {
  const nk = keys.length;
  const na = accs.length;
  if (nk === 1) {
    const k = keys[0];
    if (na === 1) return [k, (accs[0] as Accumulator).value()];
    if (na === 2) return [k, (accs[0] as Accumulator).value(), (accs[1] as Accumulator).value()];
    if (na === 3) return [k, (accs[0] as Accumulator).value(), (accs[1] as Accumulator).value(), (accs[2] as Accumulator).value()];
  }
  const out = new Array<unknown>(nk + na);
  for (let i = 0; i < nk; i++) out[i] = keys[i];
  for (let i = 0; i < na; i++) out[nk + i] = (accs[i] as Accumulator).value();
  return out;
}
