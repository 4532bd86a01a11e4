/** Rows compared by sort keys, as Flink's rankings and sorts order them. */
import type { Compiled } from './compiled.js';
import { comparatorFor, compareNullable } from './values/compare.js';

/** Rows compared by compiled sort keys (NULLs first ascending, last descending, unless stated). */
export function rowComparator(keys: readonly { readonly compiled: Compiled; readonly direction: 'ASC' | 'DESC'; readonly nulls?: 'FIRST' | 'LAST' }[]): (a: readonly unknown[], b: readonly unknown[]) => number {
  const cmps = keys.map((o) => {
    const e = o.compiled;
    const cmp = comparatorFor(e.type);
    const desc = o.direction === 'DESC';
    const nullsFirst = o.nulls ? o.nulls === 'FIRST' : !desc;
    return (a: readonly unknown[], b: readonly unknown[]) => {
      const x = e.eval(a);
      const y = e.eval(b);
      if (x === null || y === null) {
        if (x === y) return 0;
        return (x === null) === nullsFirst ? -1 : 1;
      }
      const r = compareNullable(cmp, x, y);
      return desc ? -r : r;
    };
  });
  return (a, b) => {
    for (const f of cmps) {
      const r = f(a, b);
      if (r !== 0) return r;
    }
    return 0;
  };
}
