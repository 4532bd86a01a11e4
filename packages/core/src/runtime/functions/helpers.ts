/** Helpers for writing function implementations: NULL propagation and constant folding. */
import type { DataType } from '../../types/data-type.js';
import type { Compiled, Row } from '../compiled.js';
import { withNullable } from '../types.js';

/**
 * A function that returns NULL when any argument is NULL and otherwise applies `f`.
 * Folds to a constant when every argument is constant (and `pure`).
 */
export function strict(args: readonly Compiled[], type: DataType, f: (...vals: never[]) => unknown, pure = true): Compiled {
  const evs = args.map((a) => a.eval);
  const nullable = type.nullable || args.some((a) => a.type.nullable);
  const t = withNullable(type, nullable);
  const g = f as (...vals: unknown[]) => unknown;
  let ev: (row: Row) => unknown;
  if (evs.length === 1) {
    const e0 = evs[0] as (r: Row) => unknown;
    ev = (r) => {
      const a = e0(r);
      return a === null ? null : g(a);
    };
  } else if (evs.length === 2) {
    const e0 = evs[0] as (r: Row) => unknown;
    const e1 = evs[1] as (r: Row) => unknown;
    ev = (r) => {
      const a = e0(r);
      if (a === null) return null;
      const b = e1(r);
      return b === null ? null : g(a, b);
    };
  } else {
    ev = (r) => {
      const vals = new Array<unknown>(evs.length);
      for (let i = 0; i < evs.length; i++) {
        const v = (evs[i] as (r: Row) => unknown)(r);
        if (v === null) return null;
        vals[i] = v;
      }
      return g(...vals);
    };
  }
  if (pure && args.every((a) => a.constant)) {
    try {
      const value = ev([]);
      return { type: t, eval: () => value, constant: { value } };
    } catch {
      // evaluation errors surface when the row is evaluated, as in Flink
    }
  }
  return { type: t, eval: ev };
}

/** Like `strict`, for functions whose result may also be NULL for non-NULL inputs. */
export function strictNullable(args: readonly Compiled[], type: DataType, f: (...vals: never[]) => unknown, pure = true): Compiled {
  return strict(args, withNullable(type, true), f, pure);
}
