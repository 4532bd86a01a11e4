/**
 * The join strategy Flink plans, recognised here only:
 * - `FOR SYSTEM_TIME AS OF` a processing-time attribute → lookup join; an event-time attribute → temporal join;
 * - a condition bounding a time attribute of each side against the other (BETWEEN, or a lower and an upper bound,
 *   or equality) → interval join;
 * - both sides' window_start and window_end equal (two results of the same window) → window join;
 * - anything else → regular join.
 * Which time attributes each strategy keeps: properties/time-attributes.ts.
 */
import type { Expression } from '../../ast/expression.js';
import type { BoundExpression } from '../expression.js';
import { copiedColumn } from '../expression.js';
import { conjunctsOf, subtreeNodes } from '../../ast/expression-children.js';
import type { IntervalBounds, JoinStrategy } from '../join.js';
import type { PlanColumn, PlanNode } from '../node.js';
import { sameWindow, windowColumns, windowOrigin } from '../properties/window-columns.js';
import type { WindowBound } from '../properties/window-columns.js';

export interface StrategyResult {
  readonly strategy: JoinStrategy;
  readonly equiKeys: readonly (readonly [number, number])[];
  readonly interval?: IntervalBounds;
}

const COMPARISONS = new Set(['<', '<=', '>', '>=', '=']);

/** The input positions a conjunct reads (its column bindings of depth 0). */
function positionsIn(condition: BoundExpression, conjunct: Expression): number[] {
  const nodes = subtreeNodes(conjunct);
  return condition.refs.filter((r) => r.depth === 0 && nodes.has(r.node)).map((r) => r.index);
}

export function intervalOf(condition: BoundExpression | undefined, leftCount: number, all: readonly PlanColumn[]): IntervalBounds | undefined {
  if (condition === undefined) return undefined;
  let bounds = 0;
  let found: IntervalBounds | undefined;
  for (const c of conjunctsOf(condition.ast)) {
    const isBound = (c.kind === 'Binary' && COMPARISONS.has(c.op)) || (c.kind === 'Between' && !c.negated);
    if (!isBound) continue;
    const positions = positionsIn(condition, c);
    const leftTime = positions.find((p) => p < leftCount && all[p]!.time !== undefined);
    const rightTime = positions.find((p) => p >= leftCount && all[p]!.time !== undefined);
    if (leftTime === undefined || rightTime === undefined || all[leftTime]!.time !== all[rightTime]!.time) continue;
    found ??= { leftTime, rightTime };
    bounds += c.kind === 'Between' || (c.kind === 'Binary' && c.op === '=') ? 2 : 1;
  }
  return bounds >= 2 ? found : undefined;
}

export function equiKeysOf(condition: BoundExpression | undefined, leftCount: number): (readonly [number, number])[] {
  if (condition === undefined) return [];
  const keys: (readonly [number, number])[] = [];
  for (const c of conjunctsOf(condition.ast)) {
    if (c.kind !== 'Binary' || c.op !== '=') continue;
    const l = positionsIn(condition, c.left);
    const r = positionsIn(condition, c.right);
    if (l.length !== 1 || r.length !== 1 || c.left.kind !== 'ColumnRef' || c.right.kind !== 'ColumnRef') continue;
    if (l[0]! < leftCount && r[0]! >= leftCount) keys.push([l[0]!, r[0]!]);
    else if (r[0]! < leftCount && l[0]! >= leftCount) keys.push([r[0]!, l[0]!]);
  }
  return keys;
}

export function joinStrategy(left: PlanNode, right: PlanNode, condition: BoundExpression | undefined, period: BoundExpression | undefined): StrategyResult {
  const leftCount = left.columns.length;
  const equiKeys = equiKeysOf(condition, leftCount);
  if (period !== undefined) {
    const copied = copiedColumn(period);
    const periodTime = copied !== undefined ? left.columns[copied]?.time : period.ast.kind === 'FunctionCall' && period.ast.name[0]?.toUpperCase() === 'PROCTIME' ? 'proctime' : undefined;
    return { strategy: periodTime === 'proctime' ? 'lookup' : 'temporal', equiKeys };
  }
  const all = [...left.columns, ...right.columns];
  // both sides' window_start and both window_end equal, of the same window: on two different windows (TUMBLE
  // against HOP, other sizes, SESSION with other PARTITION BY) Flink plans a regular join (checked on Flink 1.20.1)
  const [lb, rb] = [windowColumns(left), windowColumns(right)];
  const joins = (bound: WindowBound): boolean => equiKeys.some(([l, r]) => lb.get(l) === bound && rb.get(r - leftCount) === bound);
  if (joins('start') && joins('end') && sameWindow(windowOrigin(left), windowOrigin(right))) return { strategy: 'window', equiKeys };
  const interval = intervalOf(condition, leftCount, all);
  if (interval !== undefined) return { strategy: 'interval', equiKeys, interval };
  return { strategy: 'regular', equiKeys };
}

/**
 * `FROM a, b WHERE a.k = b.k AND a.t BETWEEN b.t - … AND b.t`: Flink pushes the WHERE into the inner join, which then
 * is an interval join. The merged Join, or undefined when the filter does not make one.
 */
export function intervalJoinFromFilter(input: PlanNode, condition: BoundExpression): PlanNode | undefined {
  if (input.kind !== 'Join' || input.strategy !== 'regular' || (input.type !== 'INNER' && input.type !== 'CROSS')) return undefined;
  const merged: BoundExpression = input.condition === undefined
    ? condition
    : Object.freeze({
      ast: { kind: 'Binary', op: 'AND', left: input.condition.ast, right: condition.ast } as Expression,
      ...(condition.type === undefined ? {} : { type: condition.type }),
      refs: [...input.condition.refs, ...condition.refs],
      subqueries: [...input.condition.subqueries, ...condition.subqueries],
      ...(input.condition.types === undefined && condition.types === undefined ? {} : { types: new Map([...(input.condition.types ?? []), ...(condition.types ?? [])]) }),
    });
  const leftCount = input.left.columns.length;
  const interval = intervalOf(merged, leftCount, [...input.left.columns, ...input.right.columns]);
  if (interval === undefined) return undefined;
  return Object.freeze({
    ...input,
    type: 'INNER' as const,
    strategy: 'interval' as const,
    condition: merged,
    equiKeys: equiKeysOf(merged, leftCount),
    interval,
    columns: [...input.left.columns, ...input.right.columns],
  });
}
