/**
 * STDDEV_POP / STDDEV_SAMP / VAR_POP / VAR_SAMP (and STDDEV / VARIANCE, Calcite's names for the sample forms)
 * rewritten as Flink's planner rewrites them (Calcite's AggregateReduceFunctionsRule), so every step has Flink's
 * types and arithmetic (an INT argument stays INT, integer division truncates):
 *
 *   VAR_POP(x)  = CAST((SUM(x' * x') - CAST(SUM(x) AS T) * CAST(SUM(x) AS T) / COUNT(x)) / COUNT(x) AS T)
 *   VAR_SAMP(x) = the same divided by CASE WHEN COUNT(x) = 1 THEN NULL ELSE COUNT(x) - 1 END
 *   STDDEV_*(x) = CAST(POWER(VAR_*(x) before the cast, 0.5) AS T)
 *
 * where T is the call's result type and x' is CAST(x AS T). DISTINCT carries over to each aggregate; FILTER carries
 * over to SUM(x) and COUNT(x) but not to SUM(x' * x'), as in Flink 1.20 (Calcite builds that call without the
 * filter: `VAR_SAMP(d) FILTER (WHERE …)` sums the squares of every row; checked on real Flink).
 */
import type { Expression, FunctionCall } from '../ast/expression.js';
import type { Select, SelectItem } from '../ast/query.js';
import { inferFunctionType } from '../functions/infer.js';
import type { Aggregate, AggregateCall } from '../plan/aggregate.js';
import type { BoundExpression } from '../plan/expression.js';
import type { DataType } from '../types/data-type.js';
import type { ExpressionCompiler } from './compile-expression.js';
import { withNullable } from './types.js';

const REDUCED: Readonly<Record<string, { readonly pop: boolean; readonly sqrt: boolean }>> = {
  STDDEV_POP: { pop: true, sqrt: true }, STDDEV_SAMP: { pop: false, sqrt: true }, STDDEV: { pop: false, sqrt: true },
  VAR_POP: { pop: true, sqrt: false }, VAR_SAMP: { pop: false, sqrt: false }, VARIANCE: { pop: false, sqrt: false },
};

/** The aggregate functions that run as this rewrite (no accumulator of their own). */
export const REDUCED_AGGREGATES: ReadonlySet<string> = new Set(Object.keys(REDUCED));

const reducible = (e: Expression): e is FunctionCall =>
  e.kind === 'FunctionCall' && !e.over && !e.star && e.name.length === 1 && (e.name[0] as string).toUpperCase() in REDUCED && e.args.length === 1;

function reduce(call: FunctionCall, c: ExpressionCompiler): Expression {
  const { pop, sqrt } = REDUCED[(call.name[0] as string).toUpperCase()] as { pop: boolean; sqrt: boolean };
  const x = call.args[0] as Expression;
  const r = inferFunctionType((call.name[0] as string).toUpperCase(), [c.compile(x).type]);
  if (!r.ok) return call; // the aggregate planner reports the bad argument
  const t: DataType = withNullable(r.type, true);
  const span = call.span;
  const agg = (name: string, arg: Expression, filtered = true): FunctionCall => ({
    kind: 'FunctionCall', name: [name], args: [arg], ...(call.distinct ? { distinct: true } : {}), ...(call.filter && filtered ? { filter: call.filter } : {}), ...(span ? { span } : {}),
  });
  const cast = (e: Expression): Expression => ({ kind: 'Cast', operand: e, type: t, try: false });
  const bin = (op: '+' | '-' | '*' | '/' | '=', left: Expression, right: Expression): Expression => ({ kind: 'Binary', op, left, right });
  const xt = cast(x);
  const sumSquares = agg('SUM', bin('*', xt, xt), false);
  const sum = cast(agg('SUM', x));
  const count = agg('COUNT', x);
  const one: Expression = { kind: 'NumericLiteral', text: '1' };
  const denominator: Expression = pop ? count : {
    kind: 'Case', whens: [{ when: bin('=', count, one), then: { kind: 'Cast', operand: { kind: 'NullLiteral' }, type: { kind: 'BIGINT', nullable: true } as DataType, try: false } }],
    else: bin('-', count, one),
  };
  const div = bin('/', bin('-', sumSquares, bin('/', bin('*', sum, sum), count)), denominator);
  const result: Expression = sqrt ? { kind: 'FunctionCall', name: ['POWER'], args: [div, { kind: 'NumericLiteral', text: '0.5' }] } : div;
  return cast(result);
}

/** `e` with every reducible aggregate call replaced (not inside nested queries). */
function rewrite(e: Expression, c: ExpressionCompiler): Expression {
  if (reducible(e)) return reduce(e, c);
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    let nv: unknown = v;
    if (Array.isArray(v)) {
      const arr = v.map((x: unknown) => (isExpr(x) ? rewrite(x, c) : isWhen(x) ? { ...x, when: rewrite(x.when, c), then: rewrite(x.then, c) } : x));
      if (arr.some((x, i) => x !== v[i])) nv = arr;
    } else if (isExpr(v) && k !== 'query') nv = rewrite(v, c);
    if (nv !== v) changed = true;
    out[k] = nv;
  }
  return changed ? (out as unknown as Expression) : e;
}

const isExpr = (v: unknown): v is Expression => typeof v === 'object' && v !== null && 'kind' in v && typeof (v as { kind: unknown }).kind === 'string' && (v as { kind: string }).kind !== 'Select';
const isWhen = (v: unknown): v is { when: Expression; then: Expression } => typeof v === 'object' && v !== null && !('kind' in v) && 'when' in v && 'then' in v;

/** The select with its variance aggregates reduced, or `s` itself when it has none. */
export function reduceVarianceAggregates(s: Select, c: ExpressionCompiler): Select {
  const text = JSON.stringify([s.items, s.having ?? null]);
  if (!/"(STDDEV|VAR)[A-Z_]*"|"VARIANCE"/i.test(text)) return s;
  const items = s.items.map((it): SelectItem => (it.kind === 'SelectExpr' ? { ...it, expr: rewrite(it.expr, c) } : it));
  return { ...s, items, ...(s.having ? { having: rewrite(s.having, c) } : {}) };
}

/**
 * A bound aggregation with its variance aggregates reduced: `inner` computes the keys, then the calls with each
 * variance call replaced by its SUM(x' * x'), SUM(x) and COUNT(x); `finals` gives, per original call, the expression
 * over the inner aggregation's output row (`ColumnRef`s named `$i`, position i) that yields its value. Undefined when
 * the aggregation has no variance call.
 */
export function reduceBoundVariance(node: Aggregate): { readonly inner: Aggregate; readonly finals: readonly Expression[] } | undefined {
  if (!node.calls.some((c) => c.fn in REDUCED && c.args.length === 1 && c.type !== undefined)) return undefined;
  const nk = node.keys.length;
  const calls: AggregateCall[] = [];
  const at = (i: number): Expression => ({ kind: 'ColumnRef', name: `$${i}` });
  const add = (c: AggregateCall): Expression => at(nk + calls.push(c) - 1);
  const finals = node.calls.map((call): Expression => {
    const shape = REDUCED[call.fn];
    if (shape === undefined || call.args.length !== 1 || call.type === undefined) return add(call);
    const t: DataType = withNullable(call.type, true);
    const x = call.args[0]!;
    const cast = (e: Expression): Expression => ({ kind: 'Cast', operand: e, type: t, try: false });
    const bin = (op: '+' | '-' | '*' | '/' | '=', left: Expression, right: Expression): Expression => ({ kind: 'Binary', op, left, right });
    const over = (ast: Expression): BoundExpression => ({ ast, refs: x.refs, subqueries: [], ...(x.types === undefined ? {} : { types: x.types }) });
    const agg = (fn: string, arg: BoundExpression, filtered: boolean): Expression => {
      const ast: FunctionCall = { kind: 'FunctionCall', name: [fn], args: [arg.ast], ...(call.distinct ? { distinct: true } : {}), ...(call.ast.span ? { span: call.ast.span } : {}) };
      return add({ fn, ast, args: [arg], distinct: call.distinct, ...(filtered && call.filter !== undefined ? { filter: call.filter } : {}) });
    };
    // FILTER carries over to SUM(x) and COUNT(x), not to SUM(x' * x') (as in Flink 1.20: see above)
    const sumSquares = agg('SUM', over(bin('*', cast(x.ast), cast(x.ast))), false);
    const sum = cast(agg('SUM', x, true));
    const count = agg('COUNT', x, true);
    const one: Expression = { kind: 'NumericLiteral', text: '1' };
    const denominator: Expression = shape.pop ? count : {
      kind: 'Case', whens: [{ when: bin('=', count, one), then: { kind: 'Cast', operand: { kind: 'NullLiteral' }, type: { kind: 'BIGINT', nullable: true } as DataType, try: false } }],
      else: bin('-', count, one),
    };
    const div = bin('/', bin('-', sumSquares, bin('/', bin('*', sum, sum), count)), denominator);
    return cast(shape.sqrt ? { kind: 'FunctionCall', name: ['POWER'], args: [div, { kind: 'NumericLiteral', text: '0.5' }] } : div);
  });
  const columns = [...node.columns.slice(0, nk), ...calls.map((c, i) => ({ name: `$r${i}`, ...(c.type === undefined ? {} : { type: c.type }) }))];
  return { inner: Object.freeze({ ...node, calls, columns }), finals };
}
