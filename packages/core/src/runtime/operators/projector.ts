/**
 * Builds a projected row from its column evaluators, left to right. Narrow rows are built as array literals:
 * V8 allocates those faster than `new Array(n)` and can allocate them directly in the old generation when most
 * of them are kept (sink tables), which spares the young-generation collector from copying every result row.
 */
import type { Evaluator, Row } from '../compiled.js';

export type Projector = (row: Row) => unknown[];

export function projector(ps: readonly Evaluator[]): Projector {
  const at = (i: number): Evaluator => ps[i] as Evaluator;
  switch (ps.length) {
    case 0: return () => [];
    case 1: { const a = at(0); return (r) => [a(r)]; }
    case 2: { const a = at(0); const b = at(1); return (r) => [a(r), b(r)]; }
    case 3: { const a = at(0); const b = at(1); const c = at(2); return (r) => [a(r), b(r), c(r)]; }
    case 4: { const a = at(0); const b = at(1); const c = at(2); const d = at(3); return (r) => [a(r), b(r), c(r), d(r)]; }
    case 5: { const a = at(0); const b = at(1); const c = at(2); const d = at(3); const e = at(4); return (r) => [a(r), b(r), c(r), d(r), e(r)]; }
    case 6: {
      const a = at(0); const b = at(1); const c = at(2); const d = at(3); const e = at(4); const f = at(5);
      return (r) => [a(r), b(r), c(r), d(r), e(r), f(r)];
    }
    default:
      return (r) => {
        const out = new Array<unknown>(ps.length);
        for (let i = 0; i < ps.length; i++) out[i] = (ps[i] as Evaluator)(r);
        return out;
      };
  }
}
