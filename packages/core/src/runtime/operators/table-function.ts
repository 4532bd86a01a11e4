/**
 * A user table function joined with each input change, as Flink's correlate runs it (`[CROSS JOIN | ,] LATERAL
 * TABLE(fn(…))`, `LEFT JOIN LATERAL TABLE(fn(…)) ON TRUE`): every row the call produces is appended to the input
 * row and keeps the input change's kind; a call producing nothing drops the row, or — LEFT — pads it with NULLs.
 */
import type { Change } from '../changelog.js';
import type { Evaluator } from '../compiled.js';
import type { DataType } from '../../types/data-type.js';
import { FlinktsError } from '../../diagnostics/diagnostic.js';
import { EvaluationError } from '../errors.js';
import type { RuntimeTableFunction } from '../table-functions.js';
import { Operator } from './operator.js';

export class TableFunctionOperator extends Operator {
  constructor(
    private readonly args: readonly Evaluator[],
    private readonly types: readonly DataType[],
    private readonly fn: RuntimeTableFunction,
    private readonly name: string,
    private readonly left: boolean,
  ) {
    super(1);
  }

  process(change: Change): void {
    const row = change.row;
    const args = this.args.map((a) => a(row));
    let produced: (readonly unknown[])[];
    try {
      produced = [...this.fn.call(args, this.types)];
    } catch (e) {
      if (e instanceof EvaluationError || e instanceof FlinktsError) throw e;
      // the function's own failure fails the job, as an exception thrown by a Java UDTF's eval does
      throw new EvaluationError('java.lang.RuntimeException', `table function ${this.name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (produced.length === 0) {
      if (this.left) this.emit({ kind: change.kind, row: [...row, ...this.fn.type.columns.map(() => null)] });
      return;
    }
    for (const r of produced) this.emit({ kind: change.kind, row: [...row, ...r] });
  }
}
