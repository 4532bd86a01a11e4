/** Rows compared by sort keys, as Flink's rankings and sorts order them. */
import type { Compiled } from './compiled.js';
import { comparatorFor, compareNullable } from './values/compare.js';

/** One compiled sort key. */
export interface SortKey {
  readonly compiled: Compiled;
  readonly direction: 'ASC' | 'DESC';
  readonly nulls?: 'FIRST' | 'LAST';
}

type RowOrder = (a: readonly unknown[], b: readonly unknown[]) => number;

/** Rows compared by one key (NULLs first ascending, last descending, unless stated). */
export function keyComparator(key: SortKey): RowOrder {
  const e = key.compiled;
  const cmp = comparatorFor(e.type);
  const desc = key.direction === 'DESC';
  const nullsFirst = key.nulls ? key.nulls === 'FIRST' : !desc;
  return (a, b) => {
    const x = e.eval(a);
    const y = e.eval(b);
    if (x === null || y === null) {
      if (x === y) return 0;
      return (x === null) === nullsFirst ? -1 : 1;
    }
    const r = compareNullable(cmp, x, y);
    return desc ? -r : r;
  };
}

/** Rows compared by each order in turn, the first that tells them apart deciding. */
export function lexicographic(orders: readonly RowOrder[]): RowOrder {
  return (a, b) => {
    for (const f of orders) {
      const r = f(a, b);
      if (r !== 0) return r;
    }
    return 0;
  };
}

/** Rows compared by compiled sort keys, in order. */
export function rowComparator(keys: readonly SortKey[]): RowOrder {
  return lexicographic(keys.map(keyComparator));
}
