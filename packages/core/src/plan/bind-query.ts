/**
 * Binding queries: SELECT (FROM, WHERE, GROUP BY with grouping sets, HAVING, OVER windows, the selection with `*`
 * expanded, DISTINCT, ORDER BY / LIMIT), set operations, VALUES and WITH. Flink's patterns are recognised on the
 * plan as it is built (patterns/).
 */
import { checkLeftLateralNotNull } from './lateral-not-null.js';
import type { Expression, FunctionCall, OrderItem, WindowSpec } from '../ast/expression.js';
import type { GroupingElement, Query, Select } from '../ast/query.js';
import { sameAst } from '../ast/same-ast.js';
import { isAggregateCall } from './function-lookup.js';
import type { ObjectCatalog } from '../catalog/catalog.js';
import { withNullable } from '../types/type-predicates.js';
import { show } from '../typing/families.js';
import { checkGroupingArguments, checkSelectCalls } from './aggregate-rules.js';
import type { DataType } from '../types/data-type.js';
import { commonResultType } from '../typing/common-result-type.js';
import { columnName } from '../typing/expression-type.js';
import type { Aggregate, AggregateCall } from './aggregate.js';
import type { BindContext, NamedPlan, Scope, ScopeEntry } from './bind-context.js';
import { EMPTY_SCOPE, report, unsupported } from './bind-context.js';
import { BIND_TEXTS } from './codes.js';
import type { Replacement } from './bind-expression.js';
import { bindCondition, bindExpression, setQueryBinder, typeIn } from './bind-expression.js';
import type { Bound } from './bind-relation.js';
import { relation, setNamedQueryBinder } from './bind-relation.js';
import type { BoundExpression } from './expression.js';
import { copiedColumn } from './expression.js';
import { expressionChildren } from '../ast/expression-children.js';
import type { PlanColumn, PlanNode } from './node.js';
import type { Over, OverCall } from './over.js';
import { filterOrRank, rankOf } from './patterns/rank.js';
import { withSemiJoins } from './patterns/semi-join.js';
import { groupedTimes, projectedTime, setOpTime, untimed } from './properties/time-attributes.js';
import type { Project } from './project.js';
import type { SetOp } from './set-op.js';
import type { Sort } from './sort.js';
import type { SortKey } from './sort-key.js';
import type { Values } from './values.js';
import { NAME_TEXTS } from '../diagnostics/name-codes.js';
import { DEFINITION_TEXTS } from '../diagnostics/definition-codes.js';
import { TYPE_TEXTS } from '../typing/codes.js';
import { isStackOverflow } from '../diagnostics/stack-overflow.js';
import type { Building } from './building.js';

const fnName = (c: FunctionCall): string => (c.name.length === 1 ? c.name[0]!.toUpperCase() : c.name.join('.'));
const LEGACY_WINDOWS = new Set(['TUMBLE', 'HOP', 'SESSION']);
const WINDOW_PROPERTIES = /^(TUMBLE|HOP|SESSION)_(START|END|ROWTIME|PROCTIME)$/;

/** A built-in aggregate call, as Flink looks the name up (plan/function-lookup.ts). */
const aggregateCall = (e: Expression, catalog: ObjectCatalog): e is FunctionCall => e.kind === 'FunctionCall' && isAggregateCall(e, catalog);

/** Aggregate calls of `e` (not inside sub-queries, OVER calls or other aggregates), in order, without repeats. */
function collectAggregates(e: Expression, out: FunctionCall[], catalog: ObjectCatalog): void {
  const stack = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.kind === 'FunctionCall' && x.over !== undefined) continue;
    if (aggregateCall(x, catalog)) {
      if (!out.some((o) => sameAst(o, x))) out.push(x);
      continue;
    }
    const children = expressionChildren(x);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

function collectOverCalls(e: Expression, out: FunctionCall[]): void {
  const stack = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x.kind === 'FunctionCall' && x.over !== undefined) {
      out.push(x);
      continue;
    }
    const children = expressionChildren(x);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

const freezeNode = <T extends object>(n: T): T => Object.freeze(n);

function projectColumns(exprs: readonly BoundExpression[], names: readonly string[], input: PlanNode): PlanColumn[] {
  return exprs.map((e, i) => {
    const time = projectedTime(e, input);
    const column: Building<PlanColumn> = e.type === undefined ? { name: names[i]! } : { name: names[i]!, type: e.type };
    if (time !== undefined) column.time = time;
    return column;
  });
}

/** Expressions looked up by structure, compared only within a bucket of the same kind and name (5,000-key GROUP BYs). */
class AstIndex {
  readonly items: Expression[] = [];
  private readonly buckets = new Map<string, number[]>();

  private static bucket(e: Expression): string {
    if (e.kind === 'ColumnRef') return `ColumnRef ${e.name}`;
    if (e.kind === 'FunctionCall') return `FunctionCall ${e.name.join('.')}`;
    return e.kind;
  }

  find(e: Expression): number {
    return this.buckets.get(AstIndex.bucket(e))?.find((i) => sameAst(this.items[i], e)) ?? -1;
  }

  add(e: Expression): number {
    const i = this.items.push(e) - 1;
    const b = AstIndex.bucket(e);
    const list = this.buckets.get(b);
    if (list === undefined) this.buckets.set(b, [i]);
    else list.push(i);
    return i;
  }
}

/** Grouping sets of a GROUP BY as positions in the list of distinct key expressions (`keys`). */
function groupingSets(groupBy: readonly GroupingElement[], keys: AstIndex): number[][] {
  const indexOf = (e: Expression): number => {
    const i = keys.find(e);
    return i >= 0 ? i : keys.add(e);
  };
  let sets: number[][] = [[]];
  const plain = new Set<number>();
  const cross = (options: number[][]): void => {
    sets = sets.flatMap((s) => options.map((o) => [...new Set([...s, ...o])]));
  };
  for (const g of groupBy) {
    if (g.kind === 'GroupingSets') cross(g.sets.map((set) => set.map(indexOf)));
    else if (g.kind === 'Rollup') {
      const ids = g.exprs.map(indexOf);
      cross(ids.map((_, i) => ids.slice(0, ids.length - i)).concat([[]]));
    } else if (g.kind === 'Cube') {
      const ids = g.exprs.map(indexOf);
      const all: number[][] = [];
      for (let mask = (1 << ids.length) - 1; mask >= 0; mask--) all.push(ids.filter((_, i) => (mask & (1 << i)) !== 0));
      cross(all);
    } else plain.add(indexOf(g));
  }
  // A plain key is in every set: added once at the end (a copy of every set per key is quadratic in 5,000 keys).
  return sets.map((s) => [...new Set([...s, ...plain])].sort((a, b) => a - b));
}

function resolveWindow(call: FunctionCall, select: Select, ctx: BindContext): WindowSpec | undefined {
  const over = call.over;
  const named = (name: string): WindowSpec | undefined => {
    const w = select.windows?.find((x) => x.name === name);
    if (w === undefined) report(ctx, NAME_TEXTS.windowNotDeclared({ name, declared: (select.windows ?? []).map((x) => x.name) }), call);
    return w?.spec;
  };
  if (typeof over === 'string') return named(over);
  if (over === undefined) return undefined;
  if (over.base === undefined) return over;
  const base = named(over.base);
  if (base === undefined) return undefined;
  return { partitionBy: base.partitionBy.length > 0 ? base.partitionBy : over.partitionBy, orderBy: over.orderBy.length > 0 ? over.orderBy : base.orderBy, ...(over.frame ?? base.frame ? { frame: (over.frame ?? base.frame)! } : {}) };
}

function sortKeys(items: readonly OrderItem[], scope: Scope, ctx: BindContext, replace?: Replacement, onColumn?: (ref: import('../ast/expression.js').ColumnRef, entry: ScopeEntry) => boolean): SortKey[] {
  return items.map((o) => ({ expr: bindExpression(o.expr, scope, ctx, { ...(replace === undefined ? {} : { replace }), ...(onColumn === undefined ? {} : { onColumn }) }), direction: o.direction ?? 'ASC', ...(o.nulls === undefined ? {} : { nulls: o.nulls }) }));
}

function limitOf(e: Expression | undefined, ctx: BindContext): number | undefined {
  if (e === undefined) return undefined;
  if (e.kind === 'NumericLiteral' && /^\d+$/.test(e.text)) return Number(e.text);
  report(ctx, DEFINITION_TEXTS.badLimit({}), e);
  return undefined;
}

interface SelectItemOut {
  readonly expr: BoundExpression;
  readonly name: string;
}

/** The selection, `*` expanded; `replace` maps grouped expressions, aggregates and OVER calls to input columns. */
function selection(select: Select, scope: Scope, ctx: BindContext, options: { replace?: Replacement; onColumn?: (ref: import('../ast/expression.js').ColumnRef, entry: ScopeEntry) => boolean }): SelectItemOut[] {
  const out: SelectItemOut[] = [];
  // (A loop, not forEach: a callback is two more native frames per level of nested scalar sub-queries.)
  for (let i = 0; i < select.items.length; i++) {
    const item = select.items[i]!;
    if (item.kind === 'SelectStar') {
      if (select.from === undefined) {
        report(ctx, NAME_TEXTS.starWithoutFrom({}), item);
        continue;
      }
      if (item.table !== undefined && !scope.relations.includes(item.table)) {
        const names = scope.relations.filter((r) => r !== '');
        report(ctx, BIND_TEXTS.unknownQualifier({ table: item.table, names, star: true }), item);
        continue;
      }
      for (const c of scope.columns) {
        if (item.table === undefined ? c.qualifiedOnly === true : c.relation !== item.table) continue;
        const ast: Expression = Object.freeze({ kind: 'ColumnRef', ...(c.relation === '' ? {} : { table: c.relation }), name: c.name });
        // A star column is the scope column itself (no lookup by name, which two unnamed sub-queries could share).
        const expr: BoundExpression = options.replace === undefined && options.onColumn === undefined
          ? Object.freeze({ ast, ...(c.type === undefined ? {} : { type: c.type }), refs: [{ node: ast, index: c.index, depth: 0, ...(c.type === undefined ? {} : { type: c.type }), conditional: false }], subqueries: [] })
          : bindExpression(ast, scope, ctx, options);
        out.push({ expr, name: c.name });
      }
      continue;
    }
    const expr = bindExpression(item.expr, scope, ctx, options);
    out.push({ expr, name: item.alias ?? columnName(item.expr) ?? `EXPR$${i}` });
  }
  return out;
}

/**
 * An Over node computing `calls` over `input`'s rows; `options` bind their operands (above an Aggregate: grouped keys
 * and aggregate calls read the Aggregate's columns). The replacement maps each call, then what `options` maps.
 */
function bindOver(input: PlanNode, overCalls: readonly FunctionCall[], specs: readonly WindowSpec[], scope: Scope, ctx: BindContext, options: { replace?: Replacement; onColumn?: (ref: import('../ast/expression.js').ColumnRef, entry: ScopeEntry) => boolean }): { node: Over; replace: Replacement } {
  const calls: OverCall[] = overCalls.map((c, i) => {
    const spec = specs[i]!;
    const type = typeOfCall(c, scope, ctx);
    return freezeNode({
      fn: fnName(c),
      ast: c,
      args: c.args.map((a) => bindExpression(a, scope, ctx, options)),
      partitionBy: spec.partitionBy.map((p) => bindExpression(p, scope, ctx, options)),
      orderBy: sortKeys(spec.orderBy, scope, ctx, options.replace, options.onColumn),
      ...(spec.frame === undefined ? {} : { frame: spec.frame }),
      ...(type === undefined ? {} : { type }),
    });
  });
  const base = input.columns.length;
  const node: Over = freezeNode({ kind: 'Over', input, calls, columns: [...input.columns, ...calls.map((c, i) => ({ name: `w${i}$o0`, ...(c.type === undefined ? {} : { type: c.type }) }))] });
  const replace: Replacement = (n) => {
    const i = overCalls.indexOf(n as FunctionCall);
    if (i >= 0) return { index: base + i, ...(calls[i]!.type === undefined ? {} : { type: calls[i]!.type }) };
    return options.replace?.(n);
  };
  return { node, replace };
}

function bindSelect(select: Select, ctx: BindContext): NamedPlan | undefined {
  let from: Bound;
  if (select.from === undefined) {
    // a SELECT without FROM is validated as VALUES: a bare NULL has no type there either
    untypedNulls(select.items.flatMap((i) => (i.kind === 'SelectExpr' ? [i.expr] : [])), ctx);
    from = { node: freezeNode<Values>({ kind: 'Values', rows: [[]], columns: [] }), scope: EMPTY_SCOPE };
  } else {
    const b = relation(select.from, ctx);
    if (b === undefined) return undefined;
    from = b;
  }
  let node: PlanNode = from.node;
  const scope = from.scope;
  const unmatchedAuxiliaries = checkSelectCalls(select, ctx);
  // WHERE, GROUP BY and HAVING cannot see the SELECT list's aliases (named in the hint when one is used).
  const aliases = selectAliases(select);
  // (No copy of the context when there is no alias to hide: the common case, and a copy per SELECT adds up.)
  const clauseCtx: BindContext = aliases.length === 0 && (ctx.selectAliases === undefined || ctx.selectAliases.length === 0) ? ctx : { ...ctx, selectAliases: aliases };
  if (select.where !== undefined) {
    let rank: ReturnType<typeof rankOf>;
    node = withSemiJoins(node, bindCondition(select.where, scope, clauseCtx, 'WHERE'), (input, rest) => {
      const filtered = filterOrRank(input, rest);
      rank = rankOf(filtered);
      // Flink's stream planner takes only ROW_NUMBER as a TopN outside a window TVF (RANK / DENSE_RANK without a rank
      // filter are OVER aggregations, which it runs)
      if (rank?.kind === 'Rank' && rank.fn !== 'ROW_NUMBER' && !rank.windowed) report(ctx, BIND_TEXTS.rankOnStream({ fn: rank.fn }), rank.call);
      return filtered;
    });
    if (rank !== undefined) ctx.ranks?.set(select, rank);
  }

  const aggregates: FunctionCall[] = [];
  for (const item of select.items) if (item.kind === 'SelectExpr') collectAggregates(item.expr, aggregates, ctx.catalog);
  if (select.having !== undefined) collectAggregates(select.having, aggregates, ctx.catalog);
  for (const o of select.orderBy ?? []) collectAggregates(o.expr, aggregates, ctx.catalog);
  const overCalls: FunctionCall[] = [];
  for (const item of select.items) if (item.kind === 'SelectExpr') collectOverCalls(item.expr, overCalls);
  const specs: (WindowSpec | undefined)[] = overCalls.map((c) => resolveWindow(c, select, ctx));
  if (specs.some((s) => s === undefined)) return undefined;

  let items: SelectItemOut[];
  let itemScopeNode: PlanNode;
  let replace: Replacement | undefined;
  if (select.groupBy !== undefined || aggregates.length > 0 || select.having !== undefined) {
    // OVER calls are computed over the aggregate's rows: the aggregates they read are the Aggregate's calls
    overCalls.forEach((c, i) => {
      for (const e of [...c.args, ...specs[i]!.partitionBy, ...specs[i]!.orderBy.map((o) => o.expr)]) collectAggregates(e, aggregates, ctx.catalog);
    });
    const keyIndex = new AstIndex();
    const sets = groupingSets(select.groupBy ?? [], keyIndex);
    const keyAsts = keyIndex.items;
    const keys = keyAsts.map((k) => bindExpression(k, scope, clauseCtx));
    const calls: AggregateCall[] = aggregates.map((a) => {
      const args = a.args.map((x) => bindExpression(x, scope, ctx));
      const filter = a.filter === undefined ? undefined : bindExpression(a.filter, scope, ctx);
      const type = typeOfCall(a, scope, ctx);
      return freezeNode({ fn: fnName(a), ast: a, args, distinct: a.distinct === true, ...(filter === undefined ? {} : { filter }), ...(type === undefined ? {} : { type }) });
    });
    const windowKey = keyAsts.findIndex((k) => k.kind === 'FunctionCall' && LEGACY_WINDOWS.has(fnName(k)));
    const keyByInput = new Map<number, number>();
    keys.forEach((k, i) => {
      const c = copiedColumn(k);
      if (c !== undefined && !keyByInput.has(c)) keyByInput.set(c, i);
    });
    const keyTimes = groupedTimes(keys, sets.length, node);
    const columns: PlanColumn[] = [
      ...keys.map((k, i) => {
        const time = keyTimes[i];
        return { name: columnName(k.ast) ?? `$f${i}`, ...(k.type === undefined ? {} : { type: k.type }), ...(time === undefined ? {} : { time }) };
      }),
      ...calls.map((c, i) => ({ name: `$a${i}`, ...(c.type === undefined ? {} : { type: c.type }) })),
    ];
    checkGroupingArguments(calls, keys, ctx);
    const aggregate: Aggregate = freezeNode({ kind: 'Aggregate', input: node, keys, groupingSets: sets, calls, ...(windowKey >= 0 ? { windowKey } : {}), columns });
    node = aggregate;
    const grouped: Replacement = (n) => {
      const k = keyIndex.find(n);
      if (k >= 0) return { index: k, ...(columns[k]!.type === undefined ? {} : { type: columns[k]!.type }) };
      if (aggregateCall(n, ctx.catalog)) {
        const same = aggregates.indexOf(n);
        const a = same >= 0 ? same : aggregates.findIndex((x) => sameAst(x, n));
        if (a >= 0) return { index: keys.length + a, ...(columns[keys.length + a]!.type === undefined ? {} : { type: columns[keys.length + a]!.type }) };
      }
      if (windowKey >= 0 && n.kind === 'FunctionCall' && WINDOW_PROPERTIES.test(fnName(n))) {
        const w = keyAsts[windowKey] as FunctionCall;
        if (sameAst(w.args, n.args)) return { index: windowKey };
      }
      return undefined;
    };
    const notGrouped = new Set<string>();
    const onColumn = (ref: import('../ast/expression.js').ColumnRef, entry: ScopeEntry): boolean => {
      const key = keyByInput.get(entry.index);
      if (key !== undefined) return true;
      if (unmatchedAuxiliaries.has(ref)) return false;
      const name = `${ref.table === undefined ? '' : `${ref.table}.`}${ref.name}`;
      if (!notGrouped.has(name)) {
        notGrouped.add(name);
        report(ctx, TYPE_TEXTS.notGrouped({ name, groupBy: select.groupBy !== undefined }), ref);
      }
      return false;
    };
    // A grouped column read by name: bound to its key.
    const byColumn: Replacement = (n) => {
      const r = grouped(n);
      if (r !== undefined) return r;
      if (n.kind === 'ColumnRef') {
        const found = scope.columns.filter((c) => c.name === n.name && (n.table === undefined ? c.qualifiedOnly !== true : c.relation === n.table));
        const key = found.length === 1 ? keyByInput.get(found[0]!.index) : undefined;
        if (key !== undefined) return { index: key, ...(columns[key]!.type === undefined ? {} : { type: columns[key]!.type }) };
      }
      return undefined;
    };
    if (select.having !== undefined) node = filterOrRank(node, bindCondition(select.having, scope, clauseCtx, 'HAVING', { replace: byColumn, onColumn }));
    replace = byColumn;
    if (overCalls.length > 0) {
      const over = bindOver(node, overCalls, specs as WindowSpec[], scope, ctx, { replace: byColumn, onColumn });
      node = over.node;
      replace = over.replace;
    }
    items = selection(select, scope, ctx, { replace, onColumn });
    itemScopeNode = node;
  } else if (overCalls.length > 0) {
    const over = bindOver(node, overCalls, specs as WindowSpec[], scope, ctx, {});
    node = over.node;
    replace = over.replace;
    items = selection(select, scope, ctx, { replace });
    itemScopeNode = node;
  } else {
    items = selection(select, scope, ctx, {});
    itemScopeNode = node;
  }

  const names = items.map((i) => i.name);
  const exprs = items.map((i) => i.expr);
  let projected: PlanNode = freezeNode<Project>({ kind: 'Project', input: itemScopeNode, exprs, columns: projectColumns(exprs, names, itemScopeNode) });
  checkLeftLateralNotNull(projected, ctx);
  if (select.distinct) {
    const keys = projected.columns.map((c, i): BoundExpression => {
      const ast: Expression = { kind: 'ColumnRef', name: c.name };
      return { ast, ...(c.type === undefined ? {} : { type: c.type }), refs: [{ node: ast, index: i, depth: 0, ...(c.type === undefined ? {} : { type: c.type }), conditional: false }], subqueries: [] };
    });
    projected = freezeNode<Aggregate>({ kind: 'Aggregate', input: projected, keys, groupingSets: [keys.map((_, i) => i)], calls: [], distinct: select.span === undefined ? {} : { span: select.span }, columns: projected.columns.map(untimed) });
  }
  if (select.orderBy !== undefined || select.limit !== undefined || select.offset !== undefined) {
    projected = sorted(select, projected, names, scope, replace, itemScopeNode, ctx) ?? projected;
  }
  return { plan: projected, names };
}

/** ORDER BY over the selection's names when it can, else below the selection over the FROM columns. */
function sorted(select: Select, projected: PlanNode, names: readonly string[], scope: Scope, replace: Replacement | undefined, below: PlanNode, ctx: BindContext): PlanNode | undefined {
  const limit = limitOf(select.limit, ctx);
  const offset = limitOf(select.offset, ctx);
  const extra = { ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }) };
  const orderBy = select.orderBy ?? [];
  const outScope: Scope = { columns: projected.columns.map((c, i) => ({ relation: '', name: names[i]!, ...(c.type === undefined ? {} : { type: c.type }), index: i })), relations: [''] };
  const byName = orderBy.every((o) => o.expr.kind === 'ColumnRef' && o.expr.table === undefined && names.filter((n) => n === (o.expr as { name: string }).name).length === 1);
  if (byName) return freezeNode<Sort>({ kind: 'Sort', input: projected, keys: sortKeys(orderBy, outScope, ctx), ...extra, columns: projected.columns });
  if (projected.kind !== 'Project') {
    unsupported(ctx, select.orderBy?.[0] ?? select, 'ORDER BY an expression that is not selected, with DISTINCT');
    return undefined;
  }
  const sort: Sort = freezeNode({ kind: 'Sort', input: below, keys: sortKeys(orderBy, scope, ctx, replace), ...extra, columns: below.columns });
  return freezeNode<Project>({ ...projected, input: sort });
}

/** A call's type in `scope` (aggregate and OVER calls are typed by the registry's rules through typing/); its problems are reported where the call is bound. */
function typeOfCall(c: FunctionCall, scope: Scope, ctx: BindContext): DataType | undefined {
  return typeIn(c, scope, { ...ctx, diagnostics: [] });
}

/** The common type of column `i` of a set operation's sides, left to right; FTS4409 where two have none. */
function commonTypeOfSides(types: readonly DataType[], bound: readonly NamedPlan[], sides: readonly Query[], i: number, q: Extract<Query, { kind: 'SetOperation' }>, ctx: BindContext): DataType | undefined {
  let common: DataType = types[0]!;
  for (let s = 1; s < types.length; s++) {
    const next = commonResultType([common, types[s]!]);
    if (next === undefined) {
      report(ctx, TYPE_TEXTS.setOpNoCommonType({ op: q.op, column: i + 1, left: show(common), right: show(types[s]!), castTo: show(withNullable(common, true)) }), outputAst(bound[s]!.plan, i) ?? sides[s]!);
      return undefined;
    }
    common = next;
  }
  return common;
}

/** The expression written for output column `i` of a plan, when it is a projection's (or a sorted projection's). */
function outputAst(plan: PlanNode, i: number): Expression | undefined {
  const project = plan.kind === 'Sort' ? plan.input : plan;
  const e = project.kind === 'Project' ? project.exprs[i]?.ast : undefined;
  return e?.span === undefined ? undefined : e;
}

/** Names of the SELECT list's computed items (their aliases, or the names Flink gives them). */
function selectAliases(select: Select): string[] {
  const out: string[] = [];
  for (const item of select.items) {
    if (item.kind !== 'SelectExpr' || item.expr.kind === 'ColumnRef') continue;
    const name = item.alias ?? columnName(item.expr);
    if (name !== undefined) out.push(name);
  }
  return out;
}

function bindSetOperation(q: Extract<Query, { kind: 'SetOperation' }>, ctx: BindContext): NamedPlan | undefined {
  // `a UNION ALL b UNION ALL c` is a left spine: one node with every side.
  const sides: Query[] = [q.right];
  let left: Query = q.left;
  while (left.kind === 'SetOperation' && left.op === q.op && left.all === q.all && left.orderBy === undefined && left.limit === undefined) {
    sides.unshift(left.right);
    left = left.left;
  }
  sides.unshift(left);
  const bound: NamedPlan[] = [];
  for (const s of sides) {
    const b = bindQuery(s, ctx);
    if (b === undefined) return undefined;
    bound.push(b);
  }
  const width = bound[0]!.plan.columns.length;
  const mismatch = bound.findIndex((b) => b.plan.columns.length !== width);
  if (mismatch >= 0) {
    report(ctx, TYPE_TEXTS.setOpColumnCount({ op: q.op, left: width, right: bound[mismatch]!.plan.columns.length }), sides[mismatch]!);
    return undefined;
  }
  const columns: PlanColumn[] = bound[0]!.plan.columns.map((c, i) => {
    const types = bound.map((b) => b.plan.columns[i]!.type);
    const type = types.some((t) => t === undefined) ? undefined : commonTypeOfSides(types as DataType[], bound, sides, i, q, ctx);
    // UNION (distinct), INTERSECT and EXCEPT aggregate their rows, which materialises time attributes
    const time = q.op === 'UNION' && q.all ? setOpTime(bound.map((b) => b.plan), i) : undefined;
    return { name: bound[0]!.names[i]!, ...(type === undefined ? {} : { type }), ...(time === undefined ? {} : { time }) };
  });
  let plan: PlanNode = freezeNode<SetOp>({ kind: 'SetOp', op: q.op, all: q.all, inputs: bound.map((b) => b.plan), columns });
  const names = bound[0]!.names;
  if (q.orderBy !== undefined || q.limit !== undefined || q.offset !== undefined) {
    const scope: Scope = { columns: columns.map((c, i) => ({ relation: '', name: names[i]!, ...(c.type === undefined ? {} : { type: c.type }), index: i })), relations: [''] };
    const limit = limitOf(q.limit, ctx);
    const offset = limitOf(q.offset, ctx);
    plan = freezeNode<Sort>({ kind: 'Sort', input: plan, keys: sortKeys(q.orderBy ?? [], scope, ctx), ...(limit === undefined ? {} : { limit }), ...(offset === undefined ? {} : { offset }), columns });
  }
  return { plan, names };
}

/**
 * A bare NULL in VALUES or in a SELECT without FROM: Flink 1.20.1 refuses it ("Illegal use of 'NULL'"), even in
 * `INSERT INTO t VALUES (1, NULL)` and beside typed rows (checked on the real planner).
 */
function untypedNulls(exprs: readonly Expression[], ctx: BindContext): void {
  for (const e of exprs) if (e.kind === 'NullLiteral') report(ctx, TYPE_TEXTS.badArgument({ kind: 'untypedNull' }), e);
}

const isEmptyString = (e: Expression | undefined): boolean => e?.kind === 'StringLiteral' && e.value === '';

/**
 * A query run on its own (no INSERT) that is a VALUES with a column of '' only, or a SELECT without FROM of '': its
 * result column is CHAR(0), which Flink 1.20.1 plans but cannot serialise when it runs the job. Under an INSERT the
 * sink's type replaces CHAR(0) and the job runs (both checked on Flink 1.20.1).
 */
export function zeroLengthOutput(q: Query): Expression | undefined {
  return zeroLengthColumns(q).find((c) => c !== undefined);
}

/**
 * Per output column of `q`, the '' literal that makes it CHAR(0), when every value of the column is one: a VALUES
 * column, a SELECT item (of any FROM), a SELECT * of a sub-query's such column, every branch of a set operation.
 */
function zeroLengthColumns(q: Query): (Expression | undefined)[] {
  switch (q.kind) {
    case 'Values': {
      const width = q.rows[0]?.length ?? 0;
      return Array.from({ length: width }, (_, i) => (q.rows.every((r) => isEmptyString(r[i])) ? q.rows[0]![i] : undefined));
    }
    case 'With': return zeroLengthColumns(q.body);
    case 'SetOperation': {
      const [l, r] = [zeroLengthColumns(q.left), zeroLengthColumns(q.right)];
      return l.map((c, i) => (c !== undefined && r[i] !== undefined ? c : undefined));
    }
    case 'Select': {
      const inner = q.from?.kind === 'SubqueryRelation' && q.groupBy === undefined ? zeroLengthColumns(q.from.query) : [];
      return q.items.flatMap((i) => (i.kind === 'SelectStar' ? (q.from?.kind === 'SubqueryRelation' ? inner : [undefined]) : [isEmptyString(i.expr) ? i.expr : undefined]));
    }
  }
}

function bindValues(q: Extract<Query, { kind: 'Values' }>, ctx: BindContext): NamedPlan | undefined {
  const rows = q.rows.map((row) => row.map((e) => bindExpression(e, EMPTY_SCOPE, ctx)));
  untypedNulls(q.rows.flat(), ctx);
  const width = rows[0]?.length ?? 0;
  const bad = rows.findIndex((r) => r.length !== width);
  if (bad >= 0) {
    report(ctx, TYPE_TEXTS.valuesColumnCount({ width, row: bad + 1, columns: rows[bad]!.length }), q.rows[bad]![0] ?? q);
    return undefined;
  }
  const columns: PlanColumn[] = Array.from({ length: width }, (_, i) => {
    const types = rows.map((r) => r[i]!.type);
    const type = types.some((t) => t === undefined) ? undefined : commonResultType(types as DataType[]);
    return { name: `EXPR$${i}`, ...(type === undefined ? {} : { type }) };
  });
  return { plan: freezeNode<Values>({ kind: 'Values', rows, columns }), names: columns.map((c) => c.name) };
}

function bindWith(q: Extract<Query, { kind: 'With' }>, ctx: BindContext): NamedPlan | undefined {
  const ctes = new Map(ctx.ctes);
  for (const cte of q.ctes) {
    const b = bindQuery(cte.query, { ...ctx, ctes });
    if (b === undefined) return undefined;
    if (cte.columns !== undefined && cte.columns.length !== b.names.length) {
      report(ctx, NAME_TEXTS.cteColumnCount({ name: cte.name, listed: cte.columns.length, returned: b.names.length }), q);
      return undefined;
    }
    ctes.set(cte.name, { plan: b.plan, names: cte.columns ?? b.names });
  }
  return bindQuery(q.body, { ...ctx, ctes });
}

/**
 * A query's plan and its output column names: the entry for a statement's query (bind.ts). A query nested so deeply
 * that binding it exhausts the stack gets one FTS4499, at the innermost query being bound when it ran out; nothing is
 * bound again (a catch per nesting level, which then typed the sub-query by binding it anew, re-ran the overflow once
 * per level: minutes at 500 levels).
 */
export function bindNamed(q: Query, ctx: BindContext): NamedPlan | undefined {
  overflowAt = undefined;
  try {
    return bindQuery(q, ctx);
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    const at = overflowAt ?? q;
    overflowAt = undefined;
    report(ctx, TYPE_TEXTS.tooDeepToCheck({ what: 'query' }), at);
    return undefined;
  }
}

/** The innermost query being bound when the stack ran out (read and cleared by bindNamed). */
let overflowAt: Query | undefined;

/**
 * Binds a query nested in the one being bound (sub-queries, FROM items, set operation sides, CTEs, views). Its
 * frame is small and nothing here catches an overflow for good: one query level is a handful of native frames
 * (bindQuery → bindSelect → selection → bindExpression → bindSubquery for a scalar sub-query), so 500 levels
 * (MAX_NESTING_DEPTH) bind at Node's default stack.
 */
export function bindQuery(q: Query, ctx: BindContext): NamedPlan | undefined {
  try {
    const bound = q.kind === 'Select' ? bindSelect(q, ctx) : q.kind === 'SetOperation' ? bindSetOperation(q, ctx) : q.kind === 'Values' ? bindValues(q, ctx) : bindWith(q, ctx);
    if (bound !== undefined) ctx.trace?.queries.set(q, bound);
    return bound;
  } catch (e) {
    // Only noted on the way out (the innermost query first), never handled here.
    if (overflowAt === undefined && isStackOverflow(e)) overflowAt = q;
    throw e;
  }
}

setQueryBinder(bindQuery);
setNamedQueryBinder(bindQuery);
