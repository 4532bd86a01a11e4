/**
 * A group aggregation under `table.exec.mini-batch.enabled`, as Flink 1.20.1 runs it at parallelism 1 when only the
 * bundle size ends bundles (`table.exec.mini-batch.size`; the `allow-latency` timer never fires within the test):
 * - two phases (Flink's LocalGroupAggregate → GlobalGroupAggregate, which it plans when every aggregate can merge):
 *   the local bundle takes `size` input rows, then sends one accumulator per key it saw, in the iteration order of
 *   its `java.util.HashMap` of binary keys; the global bundle takes `size` of those records (a local flush can end
 *   one global bundle and start the next), then emits per key, in its own map's order, the change from the value it
 *   last emitted to the key's current one;
 * - one phase (FIRST_VALUE / LAST_VALUE, or `table.optimizer.agg-phase-strategy` = 'ONE_PHASE'): one bundle of
 *   `size` input rows, emitted the same way.
 * The same bundles hold a proctime deduplication's rows (Flink's ProcTimeMiniBatchDeduplicateKeepFirstRow /
 * KeepLastRowFunction in a KeyedMapBundleOperator: one phase, keyed by the partition keys): at a bundle's end each key
 * emits its first row (+I) once, or its last row (+I, then -U / +U, nothing when equal to the row it last emitted).
 * What a key's accumulators add up to is what the plain aggregation gives after the same rows, so the inner
 * operator computes the values and this one samples them at the bundle ends: +I for a new key, -U / +U when the value
 * changed, -D when the key's last row was retracted, nothing when it is unchanged. The end of the input flushes the
 * local bundle, then the global one.
 */
import type { Change } from '../changelog.js';
import type { Evaluator, Row } from '../compiled.js';
import { rowKey } from '../values/compare.js';
import { Operator } from './operator.js';

/** Keys in a bundle in `java.util.HashMap` iteration order; the map is cleared, never shrunk, between bundles. */
export class BundleMap<V> {
  private capacity = 16;
  private readonly entries = new Map<string, { hash: number; value: V }>();

  constructor(private readonly hashOf: (key: string) => number) {}

  get size(): number {
    return this.entries.size;
  }

  set(key: string, value: V): void {
    const e = this.entries.get(key);
    if (e !== undefined) {
      e.value = value;
      return;
    }
    this.entries.set(key, { hash: this.hashOf(key), value });
    while (this.entries.size > this.capacity * 0.75) this.capacity *= 2;
  }

  /** The entries in iteration order (bucket by bucket, each bucket in put order), and the map cleared. */
  drain(): [string, V][] {
    const mask = this.capacity - 1;
    const all = [...this.entries].map(([k, e], i) => ({ k, v: e.value, bucket: (e.hash ^ (e.hash >>> 16)) & mask, i }));
    all.sort((a, b) => a.bucket - b.bucket || a.i - b.i);
    this.entries.clear();
    return all.map((e) => [e.k, e.v]);
  }
}

/** What the inner aggregation last emitted for a key: its row, or undefined when the key has no row. */
type Value = Row | undefined;

/** Records the inner aggregation's current row per key. */
class Latest extends Operator {
  readonly rows = new Map<string, Row>();
  constructor(private readonly keyCount: number, private readonly keysOf?: readonly Evaluator[]) {
    super(1);
  }
  process(change: Change): void {
    const key = rowKey(this.keysOf === undefined ? change.row.slice(0, this.keyCount) : this.keysOf.map((k) => k(change.row)));
    if (change.kind === '+I' || change.kind === '+U') this.rows.set(key, change.row);
    else if (change.kind === '-D') this.rows.delete(key);
  }
}

export class MiniBatchAggregateOperator extends Operator {
  /** Off when the only consumer is an upsert sink (Flink then does not generate UPDATE_BEFORE either). */
  generateUpdateBefore = true;
  private readonly latest: Latest;
  private readonly local: BundleMap<true> | undefined;
  private readonly global: BundleMap<Value>;
  private localCount = 0;
  private globalCount = 0;
  /** What was emitted per key. */
  private readonly emitted = new Map<string, Row>();
  /** Each key's hash, by its rowKey. */
  private readonly hashes = new Map<string, number>();

  constructor(
    private readonly inner: Operator,
    private readonly keys: readonly Evaluator[],
    private readonly hash: (values: readonly unknown[]) => number,
    private readonly size: number,
    twoPhase: boolean,
    /** The inner operator's rows do not start with the keys (a deduplication's are its input rows): the keys over them. */
    outputKeys?: readonly Evaluator[],
    /** What a changed value is compared on (a deduplication: the columns Flink keeps); default the whole row. */
    private readonly sameOn: (row: Row) => readonly unknown[] = (r) => r,
  ) {
    super(1);
    this.latest = new Latest(keys.length, outputKeys);
    inner.connectTo(this.latest);
    const hashOf = (k: string): number => this.hashes.get(k)!;
    this.local = twoPhase ? new BundleMap(hashOf) : undefined;
    this.global = new BundleMap(hashOf);
  }

  process(change: Change): void {
    const values = this.keys.map((k) => k(change.row));
    const key = rowKey(values);
    if (!this.hashes.has(key)) this.hashes.set(key, this.hash(values));
    this.inner.process(change, 0);
    if (this.local !== undefined) {
      this.local.set(key, true);
      if (++this.localCount >= this.size) this.flushLocal();
    } else this.toGlobal(key);
  }

  private flushLocal(): void {
    this.localCount = 0;
    for (const [key] of this.local!.drain()) this.toGlobal(key);
  }

  /** One record into the global bundle: the key's value as it is now. */
  private toGlobal(key: string): void {
    this.global.set(key, this.latest.rows.get(key));
    if (++this.globalCount >= this.size) this.flushGlobal();
  }

  private flushGlobal(): void {
    this.globalCount = 0;
    for (const [key, now] of this.global.drain()) {
      const before = this.emitted.get(key);
      if (now === undefined) {
        if (before !== undefined) this.emitRow('-D', before);
        this.emitted.delete(key);
        continue;
      }
      if (before === undefined) this.emitRow('+I', now);
      else if (rowKey(this.sameOn(before)) !== rowKey(this.sameOn(now))) {
        if (this.generateUpdateBefore) this.emitRow('-U', before);
        this.emitRow('+U', now);
      }
      this.emitted.set(key, now);
    }
  }

  /** A watermark (under mini-batch, one Flink's MiniBatchAssigner let through) ends the bundles, local then global. */
  protected override onWatermark(wm: number): void {
    this.onFinish();
    this.emitWatermark(wm);
  }

  protected override onFinish(): void {
    if (this.local !== undefined && this.local.size > 0) this.flushLocal();
    if (this.global.size > 0) this.flushGlobal();
  }
}
