/**
 * The equi-join keys of a regular join condition, as Flink's planner extracts them for its join state: the
 * conjuncts `l.a = r.b` between a column of each input. A row's key is its values of those columns, brought to
 * the type the comparison uses; rows whose keys differ can never satisfy the condition, so the join keeps its
 * state per key and looks only at the other side's rows with the same key (the whole condition is still
 * evaluated on them). A key with a NULL matches nothing (`NULL = x` is never true).
 */
import type { Compiled, Evaluator, Row } from './compiled.js';
import type { Planner, Rel } from './plan.js';
import { isCharacter } from './types.js';
import { keyOf, singleKey } from './values/compare.js';

/**
 * A row's join key as a Map key (one key's own primitive value, else a string), or `null` when a key value is
 * NULL and the row can match nothing. Both sides' keys are of the comparison's type, so equal keys are equal values.
 */
export type JoinKeyOf = (row: Row) => unknown;

/** Types whose values the comparison's coercion cannot fail on and whose `keyOf` agrees with SQL equality. */
const HASHABLE = new Set(['BOOLEAN', 'TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE', 'DECIMAL', 'CHAR', 'VARCHAR', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ', 'BINARY', 'VARBINARY']);

export interface EquiJoinKeys {
  readonly left: JoinKeyOf;
  readonly right: JoinKeyOf;
  /**
   * The condition is exactly these equalities and equal keys make each of them true (no FLOAT / DOUBLE key,
   * where NaN = NaN is false): rows with the same key match without evaluating the condition.
   */
  readonly covers: boolean;
}


/**
 * The join keys of the equalities `pairs` (a left column's position, a right column's position in the joined row).
 * `exact`: the caller knows the join condition is exactly these equalities (see `EquiJoinKeys.covers`).
 */
export function equiJoinKeysAt(planner: Planner, pairs: readonly (readonly [number, number])[], l: Rel, r: Rel, exact = false): EquiJoinKeys | undefined {
  const c = planner.values();
  const left: Evaluator[] = [];
  const right: Evaluator[] = [];
  const width = l.columns.length;
  let covers = exact;
  for (const [li, rj] of pairs) {
    const ri = rj - width;
    const lt = (l.columns[li] as { type: Compiled['type'] }).type;
    const rt = (r.columns[ri] as { type: Compiled['type'] }).type;
    if (!HASHABLE.has(lt.kind) || !HASHABLE.has(rt.kind) || isCharacter(lt) !== isCharacter(rt)) {
      covers = false;
      continue;
    }
    if ((INTEGRAL.has(lt.kind) && INTEGRAL.has(rt.kind)) || (lt.kind === 'VARCHAR' && rt.kind === 'VARCHAR')) {
      // values the comparison takes as they are: keyed as the rows hold them (`singleKey` keys a BIGINT's two
      // forms alike, values/bigint.ts), without a bigint made per row
      left.push((row) => row[li] ?? null);
      right.push((row) => row[ri] ?? null);
      continue;
    }
    const [lc, rc] = c.commonForComparison({ type: lt, eval: (row) => row[li] ?? null }, { type: rt, eval: (row) => row[ri] ?? null });
    if (APPROXIMATE.has(lc.type.kind) || APPROXIMATE.has(rc.type.kind)) covers = false;
    left.push(lc.eval);
    right.push(rc.eval);
  }
  if (left.length === 0) return undefined;
  return { left: keyFunction(left), right: keyFunction(right), covers };
}

const APPROXIMATE = new Set(['FLOAT', 'DOUBLE']);
/** Integer types: equal values are equal numbers (or bigints) whatever the two columns' widths. */
const INTEGRAL = new Set(['TINYINT', 'SMALLINT', 'INT', 'BIGINT']);

function keyFunction(evs: readonly Evaluator[]): JoinKeyOf {
  if (evs.length === 1) {
    const ev = evs[0] as Evaluator;
    return (row) => {
      const v = ev(row);
      if (typeof v === 'bigint') {
        // a BIGINT that a double holds exactly is keyed as that number (V8 hashes numbers much faster)
        const n = Number(v);
        return Number.isSafeInteger(n) ? n : v;
      }
      return v === null ? null : singleKey(v);
    };
  }
  return (row) => {
    let s = '';
    for (const ev of evs) {
      const v = ev(row);
      if (v === null) return null;
      s += keyOf(v) + '\u0002';
    }
    return s;
  };
}
