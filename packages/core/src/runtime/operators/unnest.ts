/**
 * UNNEST as Flink's correlate runs it: each input change is joined with the rows of an array computed from it
 * (one per element, ROW elements spread into their fields), and
 * every output row keeps the input change's kind. An empty or NULL array yields nothing, or — LEFT JOIN — the
 * input row padded with NULLs (also when no element satisfies the ON condition of `LEFT JOIN UNNEST(…) ON c`). NULL elements of an array of ROWs are skipped, as
 * Flink does.
 */
import type { Change } from '../changelog.js';
import type { Evaluator, Row } from '../compiled.js';
import { Operator } from './operator.js';

export class UnnestOperator extends Operator {
  constructor(
    private readonly array: Evaluator,
    /** The output columns of one element (a ROW element's fields, else the element). */
    private readonly columns: (element: unknown) => readonly unknown[],
    private readonly width: number,
    private readonly left: boolean,
    private readonly skipNulls: boolean,
    /** `LEFT JOIN UNNEST(…) ON c`: only the joined rows where `c` is TRUE; the input row is padded when none is. */
    private readonly condition?: Evaluator,
  ) {
    super(1);
  }

  process(change: Change): void {
    const row: Row = change.row;
    const all = this.array(row) as readonly unknown[] | null;
    // Flink's unnest skips NULL elements of an array of ROWs 
    const arr = this.skipNulls && all ? all.filter((e) => e !== null && e !== undefined) : all;
    if (arr === null || arr === undefined || arr.length === 0) {
      if (this.left) this.emit({ kind: change.kind, row: [...row, ...new Array<null>(this.width).fill(null)] });
      return;
    }
    let joined = false;
    for (let i = 0; i < arr.length; i++) {
      const out = [...row, ...this.columns(arr[i] ?? null)];
      if (this.condition !== undefined && this.condition(out) !== true) continue;
      joined = true;
      this.emit({ kind: change.kind, row: out });
    }
    if (!joined && this.left) this.emit({ kind: change.kind, row: [...row, ...new Array<null>(this.width).fill(null)] });
  }
}
