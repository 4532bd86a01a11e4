/**
 * A deduplication on event time under `table.exec.mini-batch.enabled` (Flink 1.20.1's
 * RowTimeMiniBatchDeduplicateFunction in a KeyedMapBundleOperator): the input rows of a bundle are held per key, in
 * a `java.util.HashMap` of binary keys; when `size` rows have come, a watermark arrives or the input ends, each key's
 * rows go, key by key in the map's order and each key's in arrival order, through the same per-row step as without
 * mini-batch (`inner`), whose changes are this operator's output. Per key the changelog is the one without mini-batch;
 * across keys it is grouped by bundle.
 */
import type { Change } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import { rowKey } from '../values/compare.js';
import { BundleMap } from './mini-batch-aggregate.js';
import { Operator } from './operator.js';

/** Passes the inner operator's changes on as the outer one's. */
class Relay extends Operator {
  constructor(private readonly to: (change: Change) => void) {
    super(1);
  }
  process(change: Change): void {
    this.to(change);
  }
  override readsWatermarks(): boolean {
    return false;
  }
}

export class MiniBatchReplayOperator extends Operator {
  private readonly bundle: BundleMap<Change[]>;
  private readonly hashes = new Map<string, number>();
  private count = 0;

  constructor(
    private readonly inner: Operator,
    private readonly keys: readonly Evaluator[],
    private readonly hash: (values: readonly unknown[]) => number,
    private readonly size: number,
  ) {
    super(1);
    inner.connectTo(new Relay((c) => this.emit(c)));
    this.bundle = new BundleMap((k) => this.hashes.get(k)!);
  }

  process(change: Change): void {
    const values = this.keys.map((k) => k(change.row));
    const key = rowKey(values);
    if (!this.hashes.has(key)) this.hashes.set(key, this.hash(values));
    const held = this.bundleRows(key);
    held.push(change);
    if (++this.count >= this.size) this.flush();
  }

  private bundleRows(key: string): Change[] {
    // BundleMap keeps a key's first position; its value is replaced, so the list is found through a side map
    let rows = this.open.get(key);
    if (rows === undefined) {
      rows = [];
      this.open.set(key, rows);
      this.bundle.set(key, rows);
    }
    return rows;
  }

  private readonly open = new Map<string, Change[]>();

  private flush(): void {
    this.count = 0;
    this.open.clear();
    for (const [, rows] of this.bundle.drain()) for (const c of rows) this.inner.process(c, 0);
  }

  protected override onWatermark(wm: number): void {
    this.flush();
    this.emitWatermark(wm);
  }

  protected override onFinish(): void {
    this.flush();
  }
}
