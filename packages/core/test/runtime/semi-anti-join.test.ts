/**
 * The semi / anti join (IN / NOT IN / EXISTS subqueries, INTERSECT / EXCEPT) looks only at the left rows of a
 * changed right value, and at every left row only when NOT IN's dependence on the whole right side changes (it
 * became empty or non-empty, gained or lost its NULLs). Property: the changelog is exactly the one of the
 * definition, which re-evaluates every left row on every right change (`Reference` below), for changelogs on both
 * sides with NULLs and retractions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../src/runtime/changelog.js';
import { isAccumulate } from '../../src/runtime/changelog.js';
import { SemiAntiJoinOperator } from '../../src/runtime/operators/join.js';
import { Operator } from '../../src/runtime/operators/operator.js';
import { rowKey } from '../../src/runtime/values/compare.js';

/** The definition: every left row re-evaluated, in arrival order, after every right change. */
class Reference extends Operator {
  private readonly left: { row: readonly unknown[]; key: string; passing: boolean }[] = [];
  private readonly right = new Map<string, number>();
  private nulls = 0;
  private total = 0;
  constructor(private readonly anti: boolean) {
    super(2);
  }
  private qualifies(row: readonly unknown[]): boolean {
    const x = row[0] ?? null;
    if (!this.anti) return x !== null && (this.right.get(rowKey([x])) ?? 0) > 0;
    if (this.total === 0) return true;
    if (x === null || this.nulls > 0) return false;
    return (this.right.get(rowKey([x])) ?? 0) === 0;
  }
  process(change: Change, side: number): void {
    if (side === 0) {
      if (isAccumulate(change.kind)) {
        const passing = this.qualifies(change.row);
        this.left.push({ row: change.row, key: rowKey(change.row), passing });
        if (passing) this.emit({ kind: '+I', row: change.row });
      } else {
        const i = this.left.findIndex((r) => r.key === rowKey(change.row));
        if (i < 0) return;
        const [rec] = this.left.splice(i, 1);
        if (rec?.passing) this.emit({ kind: '-D', row: rec.row });
      }
      return;
    }
    const v = change.row[0] ?? null;
    const d = isAccumulate(change.kind) ? 1 : -1;
    this.total += d;
    if (v === null) this.nulls += d;
    else this.right.set(rowKey([v]), (this.right.get(rowKey([v])) ?? 0) + d);
    for (const rec of this.left) {
      const now = this.qualifies(rec.row);
      if (now === rec.passing) continue;
      rec.passing = now;
      this.emit({ kind: now ? '+I' : '-D', row: rec.row });
    }
  }
}

class Collect extends Operator {
  readonly out: string[] = [];
  constructor() {
    super(1);
  }
  process(change: Change): void {
    this.out.push(`${change.kind}${JSON.stringify(change.row)}`);
  }
}

type Step = { side: 0 | 1; retract: boolean; x: number | null; tag: number };

/** Steps on both sides; a retraction takes back a live row of its side (or is skipped when there is none). */
const steps = fc.array(fc.record({
  side: fc.constantFrom(0 as const, 1 as const), retract: fc.boolean(), x: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 })), tag: fc.integer({ min: 0, max: 2 }),
}), { maxLength: 60 });

function run(op: Operator, input: readonly Step[]): string[] {
  const sink = new Collect();
  op.connectTo(sink);
  const live: [unknown[][], unknown[][]] = [[], []];
  for (const s of input) {
    const rows = live[s.side];
    if (s.retract && rows.length > 0) {
      const [row] = rows.splice(s.tag % rows.length, 1) as [unknown[]];
      op.receive({ kind: '-D', row }, s.side);
    } else {
      const row = [s.x, s.tag];
      rows.push(row);
      op.receive({ kind: '+I', row }, s.side);
    }
  }
  return sink.out;
}

describe('semi / anti join', () => {
  for (const anti of [false, true]) {
    it(`${anti ? 'anti (NOT IN)' : 'semi (IN)'}: the changelog of the definition`, () => {
      fc.assert(fc.property(steps, (input) => {
        const value = (r: readonly unknown[]) => r[0] ?? null;
        expect(run(new SemiAntiJoinOperator(anti, value, value), input)).toEqual(run(new Reference(anti), input));
      }), { numRuns: 500 });
    });
  }
});
