/**
 * A VALUES source (`FROM (VALUES …)`, and the one empty row of a SELECT without FROM): its rows are emitted as
 * inserts when the job starts; it ends like a bounded source, with a MAX watermark. It emits no other
 * watermark, as Flink's values source.
 */
import type { Change } from '../changelog.js';
import type { Row } from '../compiled.js';
import { MAX_WATERMARK, Operator } from './operator.js';

export class ValuesOperator extends Operator {
  constructor(private readonly rows: readonly Row[]) {
    super(0);
  }

  process(_change: Change): void {
    throw new Error('a VALUES source has no input');
  }

  /** Emits the rows. */
  start(): void {
    for (const row of this.rows) this.emit({ kind: '+I', row });
  }

  /** Ends the source: the MAX watermark, then finish. */
  end(): void {
    this.emitWatermark(MAX_WATERMARK);
    this.receiveFinish();
  }
}
