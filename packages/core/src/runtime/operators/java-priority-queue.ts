/**
 * A binary heap that orders exactly as java.util.PriorityQueue (Java 17) with a comparator: the same sift-up on
 * add, sift-down on poll, heapify after a bulk removal, and iteration in array order. Flink's CEP keeps partial
 * and completed matches in such queues, and which of two equal elements comes first is observable (match-nfa.ts).
 */
export class JavaPriorityQueue<T> {
  private readonly queue: T[] = [];

  constructor(private readonly compare: (a: T, b: T) => number) {}

  size(): number {
    return this.queue.length;
  }

  peek(): T | undefined {
    return this.queue[0];
  }

  /** The elements in array order (Java's iterator order). */
  items(): readonly T[] {
    return [...this.queue];
  }

  add(x: T): void {
    const q = this.queue;
    let k = q.length;
    q.push(x);
    while (k > 0) {
      const parent = (k - 1) >>> 1;
      const e = q[parent]!;
      if (this.compare(x, e) >= 0) break;
      q[k] = e;
      k = parent;
    }
    q[k] = x;
  }

  poll(): T | undefined {
    const q = this.queue;
    if (q.length === 0) return undefined;
    const result = q[0]!;
    const x = q.pop()!;
    if (q.length > 0) this.siftDown(0, x);
    return result;
  }

  /** Removes every element `p` holds for (Java's bulkRemove: survivors keep their order, then heapify). */
  removeIf(p: (x: T) => boolean): void {
    const q = this.queue;
    const kept = q.filter((x) => !p(x));
    if (kept.length === q.length) return;
    q.length = 0;
    q.push(...kept);
    for (let i = (q.length >>> 1) - 1; i >= 0; i--) this.siftDown(i, q[i]!);
  }

  private siftDown(start: number, x: T): void {
    const q = this.queue;
    const n = q.length;
    const half = n >>> 1;
    let k = start;
    while (k < half) {
      let child = 2 * k + 1;
      let c = q[child]!;
      const right = child + 1;
      if (right < n && this.compare(c, q[right]!) > 0) c = q[(child = right)]!;
      if (this.compare(x, c) <= 0) break;
      q[k] = c;
      k = child;
    }
    q[k] = x;
  }
}
