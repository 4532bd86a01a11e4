/**
 * Interval-join bounds on the plan: a join condition (or the WHERE of a comma join) that bounds a rowtime of one side
 * by a proctime of the other is rejected by Flink (FTS4309). The time attributes are the plan's (each column's `time`).
 */
import type { Expression } from '../../ast/expression.js';
import type { BoundExpression } from '../../plan/expression.js';
import { conjunctsOf, subtreeNodes } from '../../plan/expression-children.js';
import type { PlanColumn, PlanNode } from '../../plan/node.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { report } from '../changelog/stream-context.js';
import { TIME_CODES } from './codes.js';

const COMPARISONS = new Set(['<', '<=', '>', '>=']);

function checkBounds(condition: BoundExpression, leftCount: number, columns: readonly PlanColumn[], ctx: StreamContext): void {
  for (const c of conjunctsOf(condition.ast)) {
    if (!((c.kind === 'Binary' && COMPARISONS.has(c.op)) || (c.kind === 'Between' && !c.negated))) continue;
    const nodes = subtreeNodes(c as Expression);
    const read = condition.refs.filter((r) => r.depth === 0 && r.field === undefined && nodes.has(r.node)).map((r) => r.index);
    const left = read.find((p) => p < leftCount && columns[p]?.time !== undefined);
    const right = read.find((p) => p >= leftCount && columns[p]?.time !== undefined);
    if (left === undefined || right === undefined) continue;
    const l = columns[left]!;
    const r = columns[right]!;
    if (l.time === r.time) continue;
    report(ctx, TIME_CODES.intervalJoinMixedTime, 'error', `an interval join bounds the ${l.time} attribute '${l.name}' by the ${r.time} attribute '${r.name}'; both sides must use the same kind of time attribute`, 'bound rowtime by rowtime (event time) or proctime by proctime (processing time)', c.span);
  }
}

export function checkIntervalBounds(node: PlanNode, ctx: StreamContext): void {
  if (node.kind === 'Join' && node.strategy === 'regular' && node.condition !== undefined && node.type !== 'SEMI' && node.type !== 'ANTI') {
    checkBounds(node.condition, node.left.columns.length, [...node.left.columns, ...node.right.columns], ctx);
  }
  const join = node.kind === 'Filter' ? node.input : undefined;
  if (node.kind === 'Filter' && join?.kind === 'Join' && join.strategy === 'regular' && (join.type === 'INNER' || join.type === 'CROSS')) {
    checkBounds(node.condition, join.left.columns.length, [...join.left.columns, ...join.right.columns], ctx);
  }
}
