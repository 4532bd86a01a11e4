/**
 * The collecting aggregates, with retraction as Flink 1.20.1 has it (checked on the real engine):
 * - COLLECT(x): a MULTISET (element → count), NULLs skipped; a retraction lowers the count, at 0 the element goes;
 * - ARRAY_AGG(x [RESPECT | IGNORE NULLS]): the values in arrival order (NULLs kept unless IGNORE NULLS); a
 *   retraction removes the first equal value; NULL when empty;
 * - JSON_ARRAYAGG(x [ABSENT | NULL ON NULL]): the values' JSON texts in arrival order, a retraction removes the
 *   first equal one; `[]` when empty;
 * - JSON_OBJECTAGG(KEY k VALUE v [NULL | ABSENT ON NULL]): keys written sorted; a key seen twice fails the job, as
 *   does a NULL key; a retraction removes the key.
 *
 * Each accumulator gets its argument boxed (`[value]`, or `[key, valueText]`), so NULL arguments reach it: the
 * generic step skips NULL arguments, which only COLLECT wants.
 */
import type { Accumulator } from './aggregates.js';
import { evalError } from '../errors.js';
import { keyOf } from '../values/compare.js';
import { ArrivalList } from './arrival-list.js';
import { writeJson } from '../functions/json-text.js';
import type { DataType } from '../../types/data-type.js';
import { flinkInternalHashCode, hashMapOrder } from '../values/java-hash-order.js';

export type CollectionAggregateName = 'COLLECT' | 'ARRAY_AGG' | 'JSON_ARRAYAGG' | 'JSON_OBJECTAGG';
export const COLLECTION_AGGREGATES: ReadonlySet<string> = new Set<CollectionAggregateName>(['COLLECT', 'ARRAY_AGG', 'JSON_ARRAYAGG', 'JSON_OBJECTAGG']);

type Boxed = readonly [unknown] | readonly [string | null, string | null];

/**
 * COLLECT's multiset. Flink keeps it in a hash map of its internal values and copies that into the map it
 * returns, so the elements come out in the internal hash order (which decides the printed order of elements
 * whose Java hashes share a bucket, see java-hash-order.ts).
 */
class CollectAcc implements Accumulator {
  private readonly counts = new Map<string, { v: unknown; n: number }>();
  constructor(private readonly element: DataType) {}
  add(b: unknown): void {
    const v = (b as Boxed)[0];
    if (v === null) return;
    const k = keyOf(v);
    const e = this.counts.get(k);
    if (e) e.n++;
    else this.counts.set(k, { v, n: 1 });
  }
  retract(b: unknown): void {
    const v = (b as Boxed)[0];
    if (v === null) return;
    const k = keyOf(v);
    const e = this.counts.get(k);
    if (e && --e.n <= 0) this.counts.delete(k);
  }
  value(): unknown {
    const entries = [...this.counts.values()];
    const order = hashMapOrder(entries.map((e) => e.v), this.element, flinkInternalHashCode) ?? entries.map((_, i) => i);
    const m = new Map<unknown, number>();
    for (const i of order) m.set((entries[i] as { v: unknown }).v, (entries[i] as { n: number }).n);
    return m;
  }
}

/** ARRAY_AGG and JSON_ARRAYAGG: a list in arrival order (arrival-list.ts: a retraction costs no scan). */
class ListAggAcc implements Accumulator {
  private readonly values = new ArrivalList();
  constructor(private readonly skipNulls: boolean, private readonly json: boolean) {}
  add(b: unknown): void {
    const v = (b as Boxed)[0];
    if (v === null && this.skipNulls) return;
    this.values.add(v);
  }
  retract(b: unknown): void {
    const v = (b as Boxed)[0];
    if (v === null && this.skipNulls) return;
    this.values.remove(v);
  }
  value(): unknown {
    if (this.json) return `[${this.values.toArray().map((x) => (x === null ? 'null' : x)).join(',')}]`;
    return this.values.size === 0 ? null : this.values.toArray();
  }
}

class JsonObjectAggAcc implements Accumulator {
  private readonly entries = new Map<string, string>();
  constructor(private readonly skipNulls: boolean) {}
  add(b: unknown): void {
    const [k, v] = b as readonly [string | null, string | null];
    if (k === null) throw evalError('NullPointerException', 'Cannot invoke "org.apache.flink.table.data.StringData.toString()" because "key" is null');
    if (v === null && this.skipNulls) return;
    if (this.entries.has(k)) {
      throw evalError('TableException', `Key '${k}' is already present. Duplicate keys are not allowed in JSON_OBJECTAGG. Please ensure that keys are unique.`);
    }
    this.entries.set(k, v ?? 'null');
  }
  retract(b: unknown): void {
    const [k] = b as readonly [string | null, string | null];
    if (k !== null) this.entries.delete(k);
  }
  value(): unknown {
    // written sorted by key (Java's String order: UTF-16 code units)
    const keys = [...this.entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${writeJson(k)}:${this.entries.get(k) as string}`).join(',')}}`;
  }
}

/** A fresh accumulator for a collecting aggregate; `skipNulls` is IGNORE NULLS / ABSENT ON NULL. */
export function collectionAccumulator(name: CollectionAggregateName, skipNulls: boolean, element: DataType): () => Accumulator {
  switch (name) {
    case 'COLLECT': return () => new CollectAcc(element);
    case 'ARRAY_AGG': return () => new ListAggAcc(skipNulls, false);
    case 'JSON_ARRAYAGG': return () => new ListAggAcc(skipNulls, true);
    case 'JSON_OBJECTAGG': return () => new JsonObjectAggAcc(skipNulls);
  }
}
