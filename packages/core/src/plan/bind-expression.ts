/**
 * Binding an expression: every column reference resolved once (Flink's case-sensitive rule, qualified names,
 * ROW fields, correlated references to enclosing queries) and the whole expression typed by typing/.
 */
import type { ColumnRef, Expression } from '../ast/expression.js';
import type { Query } from '../ast/query.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { BARE_FUNCTIONS } from '../functions/registry.js';
import type { DataType } from '../types/data-type.js';
import { withNullable } from '../types/type-predicates.js';
import { show } from '../typing/families.js';
import type { ScopeColumn, TypeIssue } from '../typing/expression-type.js';
import { expressionType, resolveColumn } from '../typing/expression-type.js';
import type { BindContext, Scope, ScopeEntry } from './bind-context.js';
import { problem, report } from './bind-context.js';
import { BIND_TEXTS } from './codes.js';
import type { BoundExpression, BoundSubquery, ColumnBinding } from './expression.js';
import { expressionChildren, windowSpecChildren } from './expression-children.js';
import type { PlanNode } from './node.js';

/** Binds a query (set by bind-query.ts, which imports this module). */
export type QueryBinder = (q: Query, ctx: BindContext) => PlanNode | undefined;
let bindQueryFn: QueryBinder | undefined;
export function setQueryBinder(f: QueryBinder): void {
  bindQueryFn = f;
}

/** A subtree that stands for an input column as a whole (a grouped expression, an aggregate call, an OVER call). */
export type Replacement = (node: Expression) => { readonly index: number; readonly type?: DataType } | undefined;

export interface BindOptions {
  readonly replace?: Replacement;
  /** Called for a column reference the replacement did not take (above an Aggregate: neither grouped nor aggregated). */
  readonly onColumn?: (ref: ColumnRef, entry: ScopeEntry) => boolean;
}

function resolve(ref: ColumnRef, scopes: readonly Scope[], ctx: BindContext): { depth: number; entry: ScopeEntry; field?: string; type?: DataType } | undefined {
  let rowColumn: ScopeEntry | undefined;
  for (let depth = 0; depth < scopes.length; depth++) {
    const scope = scopes[depth]!;
    const found = resolveColumn(scope.columns, ref.table, ref.name) as ScopeEntry[];
    if (found.length === 1) return { depth, entry: found[0]!, ...(found[0]!.type === undefined ? {} : { type: found[0]!.type }) };
    if (found.length > 1) {
      const relations = [...new Set(found.map((c) => c.relation))];
      report(ctx, BIND_TEXTS.ambiguousColumn({ name: ref.name, relations }), ref);
      return undefined;
    }
    if (ref.table !== undefined && rowColumn === undefined && !scope.relations.includes(ref.table)) {
      // `r.f` where `r` is a ROW column of this scope.
      const rows = resolveColumn(scope.columns, undefined, ref.table) as ScopeEntry[];
      const row = rows.length === 1 ? rows[0]! : undefined;
      if (row?.type?.kind === 'ROW') {
        const f = row.type.fields.find((x) => x.name === ref.name);
        if (f !== undefined) return { depth, entry: row, field: ref.name, type: withNullable(f.type, f.type.nullable || row.type.nullable) };
      }
      rowColumn = row;
    }
  }
  if (ref.table === undefined && BARE_FUNCTIONS.has(ref.name.toUpperCase())) return undefined;
  const inScope = scopes.flatMap((s) => s.columns);
  if (ref.table === undefined) {
    const candidates = inScope.filter((c) => c.qualifiedOnly !== true).map((c) => c.name);
    report(ctx, BIND_TEXTS.columnNotFound({ name: ref.name, candidates, selectAlias: ctx.selectAliases?.includes(ref.name) === true }), ref);
    return undefined;
  }
  if (scopes.some((s) => s.relations.includes(ref.table!))) {
    const candidates = inScope.filter((c) => c.relation === ref.table).map((c) => c.name);
    report(ctx, BIND_TEXTS.columnNotFound({ table: ref.table, name: ref.name, candidates }), ref);
    return undefined;
  }
  if (rowColumn !== undefined) {
    const t = rowColumn.type;
    if (t === undefined) return undefined;
    if (t.kind !== 'ROW') problem(ctx, 'FTS4420', ref, `field '${ref.name}' is accessed on column '${ref.table}', which is not a ROW`);
    else problem(ctx, 'FTS4006', ref, `the ROW column '${ref.table}' has no field '${ref.name}'`, didYouMean(ref.name, t.fields.map((f) => f.name)) ?? `fields: ${t.fields.map((f) => f.name).join(', ')}`);
    return undefined;
  }
  const names = scopes.flatMap((s) => s.relations).filter((r) => r !== '');
  report(ctx, BIND_TEXTS.unknownQualifier({ table: ref.table, names }), ref);
  return undefined;
}

/** The columns the typer sees: this scope's, then the enclosing ones' (marked outer). */
const typeScopes = new WeakMap<Scope, WeakMap<readonly Scope[], ScopeColumn[]>>();
function typeScope(scope: Scope, outer: readonly Scope[]): readonly ScopeColumn[] {
  // No enclosing scope (most expressions): the scope's own columns, no cache entry (WeakMaps are slow to fill).
  if (outer.length === 0) return scope.columns;
  let byOuter = typeScopes.get(scope);
  if (byOuter === undefined) typeScopes.set(scope, (byOuter = new WeakMap()));
  let cols = byOuter.get(outer);
  if (cols === undefined) {
    cols = [...scope.columns, ...outer.flatMap((s) => s.columns.map((c) => ({ ...c, outer: true })))];
    byOuter.set(outer, cols);
  }
  return cols;
}

/** Binds a sub-query once (typing and binding share it). */
export function bindSubquery(q: Query, scope: Scope, ctx: BindContext): PlanNode | undefined {
  const known = ctx.subqueries.get(q);
  if (known !== undefined) return known;
  const plan = bindQueryFn?.(q, { ...ctx, outer: [scope, ...ctx.outer], selectAliases: undefined });
  if (plan !== undefined) ctx.subqueries.set(q, plan);
  return plan;
}

/** The type of `e` in `scope`, with typing/'s rules; its problems become diagnostics. */
export function typeIn(e: Expression, scope: Scope, ctx: BindContext, types?: Map<Expression, DataType>): DataType | undefined {
  const issues: TypeIssue[] = [];
  const type = expressionType(e, typeScope(scope, ctx.outer), {
    issues,
    functions: ctx.catalog.functions(),
    subquery: (q) => bindSubquery(q, scope, ctx)?.columns.map((c) => c.type),
    ...(types === undefined ? {} : { types }),
  });
  for (const i of issues) {
    // Name problems are reported by the binder's own resolution.
    if (i.code.startsWith('FTS40')) continue;
    problem(ctx, i.code, i.span === undefined ? {} : { span: i.span }, i.message, i.hint);
  }
  return type === undefined || type.kind === 'NULL' ? type : type;
}

export function bindExpression(e: Expression, scope: Scope, ctx: BindContext, options: BindOptions = {}): BoundExpression {
  const refs: ColumnBinding[] = [];
  const subqueries: BoundSubquery[] = [];
  const scopes = [scope, ...ctx.outer];
  // An explicit stack, in source order: a 10,000-term chain must not exhaust the call stack.
  const stack: [Expression, boolean][] = [[e, false]];
  const push = (items: readonly Expression[], conditional: boolean | ((i: number) => boolean)): void => {
    for (let i = items.length - 1; i >= 0; i--) stack.push([items[i]!, typeof conditional === 'boolean' ? conditional : conditional(i)]);
  };
  while (stack.length > 0) {
    const [n, conditional] = stack.pop()!;
    const replaced = options.replace?.(n);
    if (replaced !== undefined) {
      refs.push({ node: n, index: replaced.index, depth: 0, ...(replaced.type === undefined ? {} : { type: replaced.type }), conditional });
      continue;
    }
    switch (n.kind) {
      case 'ColumnRef': {
        const r = resolve(n, scopes, ctx);
        if (r === undefined) continue;
        if (r.depth === 0 && options.onColumn !== undefined && !options.onColumn(n, r.entry)) continue;
        refs.push({ node: n, index: r.entry.index, depth: r.depth, ...(r.type === undefined ? {} : { type: r.type }), ...(r.field === undefined ? {} : { field: r.field }), conditional });
        continue;
      }
      case 'ScalarSubquery':
      case 'Exists': {
        const plan = bindSubquery(n.query, scope, ctx);
        if (plan !== undefined) subqueries.push({ node: n, plan });
        continue;
      }
      case 'In': {
        if (n.query !== undefined) {
          const plan = bindSubquery(n.query, scope, ctx);
          if (plan !== undefined) subqueries.push({ node: n, plan });
        }
        push([n.operand, ...(n.values ?? [])], conditional);
        continue;
      }
      case 'Case': {
        const items: [Expression, boolean][] = [];
        if (n.operand !== undefined) items.push([n.operand, true]);
        for (const w of n.whens) {
          items.push([w.when, true]);
          for (const x of w.extraValues ?? []) items.push([x, true]);
          items.push([w.then, conditional]);
        }
        if (n.else !== undefined) items.push([n.else, conditional]);
        for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]!);
        continue;
      }
      case 'FunctionCall': {
        const name = n.name.length === 1 ? n.name[0]!.toUpperCase() : '';
        const rest: [Expression, boolean][] = [
          ...(n.filter === undefined ? [] : [[n.filter, true] as [Expression, boolean]]),
          ...(n.withinGroup ?? []).map((o): [Expression, boolean] => [o.expr, conditional]),
          ...windowSpecChildren(n.over).map((w): [Expression, boolean] => [w, conditional]),
        ];
        for (let i = rest.length - 1; i >= 0; i--) stack.push(rest[i]!);
        push(n.args, (i) => conditional || (name === 'IF' && i === 0));
        continue;
      }
      default:
        push(expressionChildren(n), conditional);
    }
  }
  const types = ctx.expressionTypes === true ? new Map<Expression, DataType>() : undefined;
  const type = typeIn(e, scope, ctx, types);
  return Object.freeze({ ast: e, ...(type === undefined ? {} : { type }), refs: Object.freeze(refs), subqueries: Object.freeze(subqueries), ...(types === undefined ? {} : { types }) });
}

/** A WHERE, HAVING or ON condition: it must be BOOLEAN (FTS4403). */
export function bindCondition(e: Expression, scope: Scope, ctx: BindContext, clause: 'WHERE' | 'HAVING' | 'ON', options: BindOptions = {}): BoundExpression {
  const bound = bindExpression(e, scope, ctx, options);
  const t = bound.type;
  if (t !== undefined && t.kind !== 'BOOLEAN' && t.kind !== 'NULL') {
    problem(ctx, 'FTS4403', e, `${clause} clause must be a condition: the expression is ${show(t)}, not BOOLEAN`, `compare it with something, e.g. ${clause === 'ON' ? 'a.x = b.x' : '… = …'}`);
  }
  return bound;
}
