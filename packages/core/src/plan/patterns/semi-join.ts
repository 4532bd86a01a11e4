/**
 * `WHERE x IN (SELECT y …)` and `WHERE x NOT IN (SELECT y …)`, as AND-ed conjuncts over an uncorrelated one-column
 * sub-query, are semi and anti joins, as Flink plans them (LeftSemiJoin / LeftAntiJoin): the sub-query is the right
 * input, the condition `x = y` (NOT IN: `x = y OR x IS NULL OR y IS NULL`, so that a NULL on either side keeps no
 * row, as NOT IN's three-valued logic). The other conjuncts stay a filter (or the pattern they are) below the joins.
 */
import type { Expression } from '../../ast/expression.js';
import type { BoundExpression, ColumnBinding } from '../expression.js';
import { copiedColumn } from '../expression.js';
import { conjunctsOf, subtreeNodes } from '../../ast/expression-children.js';
import type { Join } from '../join.js';
import type { PlanNode } from '../node.js';
import { untimed } from '../properties/time-attributes.js';
import { restrict } from './rank.js';

/**
 * Whether a plan reads a column of a query enclosing it (a binding deeper than the plan's own nesting). Plans are
 * immutable: an uncorrelated plan is remembered, so a plan holding one (a chain of `IN (SELECT …)` nested 500 deep,
 * each level's semi join asking about the one below it) is not walked again inside it — linear, not quadratic.
 */
export function isCorrelated(plan: PlanNode): boolean {
  if (uncorrelated.has(plan)) return false;
  const stack: { x: unknown; level: number }[] = [{ x: plan, level: 0 }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { x, level } = stack.pop()!;
    if (x === null || typeof x !== 'object' || seen.has(x) || uncorrelated.has(x)) continue;
    seen.add(x);
    if (Array.isArray(x)) {
      for (const item of x) stack.push({ x: item, level });
      continue;
    }
    const o = x as Record<string, unknown>;
    if (Array.isArray(o.refs) && 'ast' in o) {
      if ((o.refs as ColumnBinding[]).some((r) => r.depth > level)) return true;
      for (const s of (o.subqueries as readonly { plan: PlanNode }[] | undefined) ?? []) stack.push({ x: s.plan, level: level + 1 });
      continue;
    }
    for (const [k, v] of Object.entries(o)) {
      // The catalog entry and the AST hold no bindings.
      if (k === 'table' || k === 'ast' || k === 'call' || k === 'span') continue;
      stack.push({ x: v, level });
    }
  }
  uncorrelated.add(plan);
  return false;
}

/** Plans found to read no enclosing query's column (at any level below them: none reads past the plan itself). */
const uncorrelated = new WeakSet<object>();

function freeze<T extends object>(o: T): T {
  return Object.freeze(o);
}

/** The semi / anti join a conjunct is, over `left`; undefined when it is not one. */
function semiJoin(left: PlanNode, c: Expression, condition: BoundExpression): Join | undefined {
  if (c.kind !== 'In' || c.query === undefined || c.operand.kind === 'RowConstructor') return undefined;
  const right = condition.subqueries.find((s) => s.node === c)?.plan;
  if (right === undefined || right.columns.length !== 1 || isCorrelated(right)) return undefined;
  const n = left.columns.length;
  const column = right.columns[0]!;
  const operandNodes = subtreeNodes(c.operand);
  const operandRefs = condition.refs.filter((r) => operandNodes.has(r.node));
  const ref: Expression = freeze({ kind: 'ColumnRef', name: column.name });
  const refBinding: ColumnBinding = freeze({ node: ref, index: n, depth: 0, ...(column.type === undefined ? {} : { type: column.type }), conditional: false });
  const equal: Expression = freeze({ kind: 'Binary', op: '=', left: c.operand, right: ref });
  const ast: Expression = c.negated
    ? freeze({ kind: 'Binary', op: 'OR', left: freeze({ kind: 'Binary', op: 'OR', left: equal, right: freeze({ kind: 'IsNull', operand: c.operand, negated: false }) }), right: freeze({ kind: 'IsNull', operand: ref, negated: false }) }) as Expression
    : equal;
  const bound: BoundExpression = freeze({ ast, type: { kind: 'BOOLEAN', nullable: true }, refs: freeze([...operandRefs, refBinding]), subqueries: freeze([]), ...(condition.types === undefined ? {} : { types: condition.types }) });
  const operand = operandRefs.length === 1 && operandRefs[0]!.node === c.operand && operandRefs[0]!.depth === 0 && operandRefs[0]!.field === undefined ? operandRefs[0]!.index : undefined;
  return freeze<Join>({
    kind: 'Join',
    left,
    right,
    type: c.negated ? 'ANTI' : 'SEMI',
    strategy: 'regular',
    condition: bound,
    // NOT IN's condition is a disjunction: no equality to distribute rows by.
    equiKeys: !c.negated && operand !== undefined ? [[operand, n] as const] : [],
    ...(c.span === undefined ? {} : { span: c.span }),
    columns: left.columns.map(untimed),
  });
}

/**
 * Splits a WHERE over `input` into its IN / NOT IN semi and anti joins and the rest: `below` builds the node for the
 * rest (a Filter, or the pattern it is), and the joins are put above it in the order written.
 */
export function withSemiJoins(input: PlanNode, condition: BoundExpression, below: (input: PlanNode, rest: BoundExpression) => PlanNode): PlanNode {
  if (condition.subqueries.length === 0) return below(input, condition);
  const conjuncts = conjunctsOf(condition.ast);
  const joins: Expression[] = [];
  const rest: Expression[] = [];
  for (const c of conjuncts) (semiJoin(input, c, condition) === undefined ? rest : joins).push(c);
  if (joins.length === 0) return below(input, condition);
  const remaining = restrict(condition, rest);
  let node = remaining === undefined ? input : below(input, remaining);
  for (const c of joins) node = semiJoin(node, c, condition)!;
  return node;
}
