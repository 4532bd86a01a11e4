/**
 * A semi (EXISTS, IN) or anti (NOT EXISTS, NOT IN) join on a general condition, as Flink 1.20.1's
 * StreamingSemiAntiJoinOperator runs a LeftSemiJoin / LeftAntiJoin whose condition is not only equalities (a
 * sub-query correlated by `inner > outer`, `BETWEEN`, an IN / NOT IN with a correlation): both sides are kept per
 * equi-join key (one key without equalities; a NULL key matches nothing), and each left row counts the right rows
 * that satisfy the condition with it.
 * - a left change is emitted as it is (its own kind) when it has a match (semi) or none (anti);
 * - a right accumulation that gives a left row its first match emits that row with the right change's kind (semi)
 *   or -D (anti); a right retraction that takes a left row's last match emits it with the right change's kind
 *   (semi) or +I (anti).
 */
import type { Change } from '../changelog.js';
import { isAccumulate } from '../changelog.js';
import type { Evaluator, Row } from '../compiled.js';
import { rowKey } from '../values/compare.js';
import { Operator } from './operator.js';

/** A join key (null: matches nothing). */
export type SemiKeyOf = (row: Row) => string | null;

interface LeftRecord {
  readonly row: Row;
  /** How many right rows of its key satisfy the condition with it. */
  matches: number;
}

export class ConditionSemiJoinOperator extends Operator {
  private readonly left = new Map<string, LeftRecord[]>();
  private readonly right = new Map<string, Row[]>();

  constructor(
    private readonly anti: boolean,
    /** Over the left row followed by the right row. */
    private readonly condition: Evaluator,
    private readonly leftKey: SemiKeyOf,
    private readonly rightKey: SemiKeyOf,
  ) {
    super(2);
  }

  private matches(l: Row, r: Row): boolean {
    return this.condition([...l, ...r]) === true;
  }

  process(change: Change, side: number): void {
    const row = change.row;
    if (side === 0) {
      const key = this.leftKey(row);
      let n = 0;
      if (key !== null) for (const r of this.right.get(key) ?? []) if (this.matches(row, r)) n++;
      if ((n > 0) !== this.anti) this.emit(change);
      // a NULL key's rows match nothing, ever: they need no state
      if (key === null) return;
      if (isAccumulate(change.kind)) {
        const list = this.left.get(key);
        if (list) list.push({ row, matches: n });
        else this.left.set(key, [{ row, matches: n }]);
      } else {
        remove(this.left, key, rowKey(row), (x) => rowKey(x.row));
      }
      return;
    }
    const key = this.rightKey(row);
    if (key === null) return;
    const add = isAccumulate(change.kind);
    if (add) {
      const list = this.right.get(key);
      if (list) list.push(row);
      else this.right.set(key, [row]);
    } else {
      remove(this.right, key, rowKey(row), rowKey);
    }
    for (const rec of this.left.get(key) ?? []) {
      if (!this.matches(rec.row, row)) continue;
      if (add) {
        if (rec.matches === 0) this.emit({ kind: this.anti ? '-D' : change.kind, row: rec.row });
        rec.matches++;
      } else {
        if (rec.matches === 1) this.emit({ kind: this.anti ? '+I' : change.kind, row: rec.row });
        rec.matches = Math.max(0, rec.matches - 1);
      }
    }
  }
}

/** Removes the first entry of `map[key]` whose identity is `id`. */
function remove<T>(map: Map<string, T[]>, key: string, id: string, idOf: (x: T) => string): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.findIndex((x) => idOf(x) === id);
  if (i < 0) return;
  list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}
