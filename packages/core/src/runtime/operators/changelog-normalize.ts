/**
 * ChangelogNormalize, which Flink puts after an upsert source (e.g. `upsert-kafka`): upsert messages keyed by
 * the PRIMARY KEY become a proper changelog — +I for a new key, -U(old)/+U(new) for a changed row (nothing for an
 * identical one), -D with the full previous row for a delete (nothing for an unknown key).
 */
import type { Change } from '../changelog.js';
import { isAccumulate } from '../changelog.js';
import { groupKey, rowsEqual } from '../values/compare.js';
import { Operator } from './operator.js';

export class ChangelogNormalizeOperator extends Operator {
  private readonly state = new Map<unknown, readonly unknown[]>();

  constructor(private readonly key: readonly number[]) {
    super(1);
  }

  process(change: Change): void {
    if (change.kind === '-U') return; // an upsert stream carries no before-images
    const k = groupKey(this.key.map((i) => change.row[i]));
    const prev = this.state.get(k);
    if (isAccumulate(change.kind)) {
      this.state.set(k, change.row);
      if (!prev) this.emit({ kind: '+I', row: change.row });
      else if (!rowsEqual(prev, change.row)) {
        this.emit({ kind: '-U', row: prev });
        this.emit({ kind: '+U', row: change.row });
      }
      return;
    }
    if (!prev) return;
    this.state.delete(k);
    this.emit({ kind: '-D', row: prev });
  }
}
