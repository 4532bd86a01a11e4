/** The sub-expressions of an expression node, in source order (sub-queries and TVF arguments excluded). */
import type { Expression, JsonBehavior, WindowSpec } from '../ast/expression.js';

const behavior = (b: JsonBehavior | undefined): Expression[] => (b?.kind === 'Default' ? [b.value] : []);

export function windowSpecChildren(w: WindowSpec | string | undefined): Expression[] {
  if (w === undefined || typeof w === 'string') return [];
  return [...w.partitionBy, ...w.orderBy.map((o) => o.expr)];
}

/** What a leaf has: one shared, frozen empty list (most nodes walked are leaves). */
const LEAF: readonly Expression[] = Object.freeze([]);

export function expressionChildren(e: Expression): readonly Expression[] {
  switch (e.kind) {
    case 'StringLiteral': case 'NumericLiteral': case 'BooleanLiteral': case 'NullLiteral': case 'BinaryLiteral':
    case 'TemporalLiteral': case 'IntervalLiteral': case 'ColumnRef': case 'TimeUnitArg': case 'Descriptor':
    case 'Exists': case 'ScalarSubquery': case 'TableArg':
      return LEAF;
    case 'FieldAccess': return [e.operand];
    case 'Subscript': return [e.operand, e.index];
    case 'Unary': return [e.operand];
    case 'Binary': return [e.left, e.right];
    case 'IsNull': case 'IsTruth': case 'IsJson': return [e.operand];
    case 'IsDistinctFrom': return [e.left, e.right];
    case 'In': return [e.operand, ...(e.values ?? [])];
    case 'Between': return [e.operand, e.low, e.high];
    case 'Like': return [e.operand, e.pattern, ...(e.escape === undefined ? [] : [e.escape])];
    case 'Case': return [...(e.operand === undefined ? [] : [e.operand]), ...e.whens.flatMap((w) => [w.when, ...(w.extraValues ?? []), w.then]), ...(e.else === undefined ? [] : [e.else])];
    case 'Cast': return [e.operand];
    case 'FunctionCall': return [...e.args, ...(e.filter === undefined ? [] : [e.filter]), ...(e.withinGroup ?? []).map((o) => o.expr), ...windowSpecChildren(e.over)];
    case 'Extract': case 'FloorCeil': return [e.operand];
    case 'Trim': return [...(e.chars === undefined ? [] : [e.chars]), e.operand];
    case 'Substring': return [e.operand, e.start, ...(e.length === undefined ? [] : [e.length])];
    case 'Overlay': return [e.operand, e.placing, e.start, ...(e.length === undefined ? [] : [e.length])];
    case 'Position': return [e.needle, e.haystack, ...(e.start === undefined ? [] : [e.start])];
    case 'JsonValue': return [e.operand, e.path, ...behavior(e.onEmpty), ...behavior(e.onError)];
    case 'JsonQuery': return [e.operand, e.path, ...behavior(e.onEmpty), ...behavior(e.onError)];
    case 'JsonExists': return [e.operand, e.path];
    case 'JsonObject': return e.entries.flatMap((x) => [x.key, x.value]);
    case 'JsonArray': return [...e.values];
    case 'ArrayConstructor': return [...e.elements];
    case 'MapConstructor': return e.entries.flatMap((x) => [x.key, x.value]);
    case 'RowConstructor': return [...e.fields];
    case 'NamedArg': return [e.value];
    case 'RawSql': return [...e.args];
  }
}

/** `a AND b AND c` as [a, b, c]. */
export function conjunctsOf(e: Expression | undefined): Expression[] {
  if (e === undefined) return [];
  const out: Expression[] = [];
  const stack: Expression[] = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.kind === 'Binary' && x.op === 'AND') stack.push(x.right, x.left);
    else out.push(x);
  }
  return out;
}

/** Every node of `e`'s tree (sub-queries not entered). */
export function subtreeNodes(e: Expression): Set<Expression> {
  const out = new Set<Expression>();
  const stack: Expression[] = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    out.add(x);
    stack.push(...expressionChildren(x));
  }
  return out;
}
