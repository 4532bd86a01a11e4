/**
 * Flink's ROW_NUMBER patterns, recognised here only: a filter on the row number of
 * `SELECT …, ROW_NUMBER() OVER (PARTITION BY k ORDER BY o) AS rn FROM t` (`rn <= N`, `rn < N`, `rn = N`,
 * `rn BETWEEN a AND b`) is a TopN (Rank); ROW_NUMBER kept at 1 and ordered by one time attribute is a deduplication
 * (keeping the first row when ascending, the last when descending; a `PROCTIME()` call is a processing-time attribute). RANK / DENSE_RANK give a Rank. Other conjuncts of
 * the filter stay a Filter above.
 */
import type { Expression } from '../../ast/expression.js';
import type { BoundExpression } from '../expression.js';
import { copiedColumn } from '../expression.js';
import { conjunctsOf, subtreeNodes } from '../../ast/expression-children.js';
import type { Filter } from '../filter.js';
import { intervalJoinFromFilter } from './join-strategy.js';
import type { PlanNode } from '../node.js';
import type { Deduplicate, Rank } from '../rank.js';

const RANKING = new Set(['ROW_NUMBER', 'RANK', 'DENSE_RANK']);
const BIGINT_NOT_NULL = { kind: 'BIGINT', nullable: false } as const;

const isProctimeCall = (e: Expression): boolean => e.kind === 'FunctionCall' && e.args.length === 0 && e.name.length === 1 && e.name[0]!.toUpperCase() === 'PROCTIME';

function integer(e: Expression): number | undefined {
  return e.kind === 'NumericLiteral' && /^\d+$/.test(e.text) ? Number(e.text) : undefined;
}

/** The part of `bound` that reads `asts` (conjuncts of its condition), or undefined when nothing is left. */
export function restrict(bound: BoundExpression, asts: readonly Expression[]): BoundExpression | undefined {
  if (asts.length === 0) return undefined;
  const ast = asts.reduce((a, b) => ({ kind: 'Binary', op: 'AND', left: a, right: b }) as Expression);
  const nodes = new Set(asts.flatMap((a) => [...subtreeNodes(a)]));
  return Object.freeze({
    ast,
    ...(bound.type === undefined ? {} : { type: bound.type }),
    refs: bound.refs.filter((r) => nodes.has(r.node)),
    subqueries: bound.subqueries.filter((s) => nodes.has(s.node)),
    ...(bound.types === undefined ? {} : { types: bound.types }),
  });
}

/** The row numbers a conjunct keeps, when it is a bound on the row-number column. */
function bounds(c: Expression, condition: BoundExpression, rn: number): { start?: number; end?: number } | undefined {
  const isRn = (e: Expression): boolean => condition.refs.some((r) => r.node === e && r.depth === 0 && r.index === rn && r.field === undefined);
  if (c.kind === 'Between' && !c.negated && isRn(c.operand)) {
    const lo = integer(c.low);
    const hi = integer(c.high);
    return lo === undefined || hi === undefined ? undefined : { start: lo, end: hi };
  }
  if (c.kind !== 'Binary') return undefined;
  const flip: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' };
  const [op, n] = isRn(c.left) ? [c.op, integer(c.right)] : isRn(c.right) ? [flip[c.op], integer(c.left)] : [undefined, undefined];
  if (op === undefined || n === undefined) return undefined;
  switch (op) {
    case '=': return { start: n, end: n };
    case '<=': return { end: n };
    case '<': return { end: n - 1 };
    case '>=': return { start: n };
    case '>': return { start: n + 1 };
    default: return undefined;
  }
}

/** The Rank or Deduplicate a node built by filterOrRank holds, if it is one. */
export function rankOf(node: PlanNode): Rank | Deduplicate | undefined {
  const project = node.kind === 'Filter' ? node.input : node;
  if (project.kind !== 'Project') return undefined;
  return project.input.kind === 'Rank' || project.input.kind === 'Deduplicate' ? project.input : undefined;
}

function plainFilter(input: PlanNode, condition: BoundExpression): Filter {
  return Object.freeze({ kind: 'Filter', input, condition, columns: input.columns });
}

/** A Filter over `input`, or the Rank / Deduplicate / interval join it is. */
export function filterOrRank(input: PlanNode, condition: BoundExpression): PlanNode {
  const interval = intervalJoinFromFilter(input, condition);
  if (interval !== undefined) return interval;
  if (input.kind !== 'Project' || input.input.kind !== 'Over' || input.input.calls.length !== 1) return plainFilter(input, condition);
  const over = input.input;
  const call = over.calls[0]!;
  if (!RANKING.has(call.fn) || call.orderBy.length === 0) return plainFilter(input, condition);
  const rnInOver = over.input.columns.length;
  const rn = input.exprs.findIndex((e) => copiedColumn(e) === rnInOver);
  if (rn < 0) return plainFilter(input, condition);
  let start = 1;
  let end: number | undefined;
  const rest: Expression[] = [];
  for (const c of conjunctsOf(condition.ast)) {
    const b = bounds(c, condition, rn);
    if (b === undefined) {
      rest.push(c);
      continue;
    }
    if (b.start !== undefined) start = Math.max(start, b.start);
    if (b.end !== undefined) end = end === undefined ? b.end : Math.min(end, b.end);
  }
  if (end === undefined) return plainFilter(input, condition);
  const base = over.input;
  const columns = [...base.columns, { name: input.columns[rn]!.name, type: BIGINT_NOT_NULL }];
  const windowed = ['window_start', 'window_end'].every((w) => call.partitionBy.some((p) => {
    const c = copiedColumn(p);
    return c !== undefined && base.columns[c]!.name === w;
  }));
  const first = call.orderBy[0]!;
  const orderColumn = copiedColumn(first.expr);
  // ORDER BY PROCTIME() called in the query: Flink materialises the call as a processing-time attribute
  const time = orderColumn === undefined ? (isProctimeCall(first.expr.ast) ? 'proctime' : undefined) : base.columns[orderColumn]!.time;
  let ranked: Rank | Deduplicate;
  if (call.fn === 'ROW_NUMBER' && start === 1 && end === 1 && call.orderBy.length === 1 && time !== undefined) {
    ranked = Object.freeze({ kind: 'Deduplicate', input: base, call: call.ast, partitionKeys: call.partitionBy, orderKey: first, keep: first.direction === 'DESC' ? 'last' : 'first', time, windowed, columns });
  } else {
    ranked = Object.freeze({ kind: 'Rank', input: base, call: call.ast, fn: call.fn as Rank['fn'], partitionKeys: call.partitionBy, orderKeys: call.orderBy, range: { start, end }, windowed, columns });
  }
  const project = Object.freeze({ ...input, input: ranked });
  const remaining = restrict(condition, rest);
  return remaining === undefined ? project : Object.freeze({ kind: 'Filter', input: project, condition: remaining, columns: project.columns });
}
