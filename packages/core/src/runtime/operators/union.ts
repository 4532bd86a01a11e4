/** UNION ALL: forwards every input's changes; the watermark is the minimum over inputs. */
import type { Change } from '../changelog.js';
import { Operator } from './operator.js';

export class UnionOperator extends Operator {
  process(change: Change): void {
    this.emit(change);
  }
}
