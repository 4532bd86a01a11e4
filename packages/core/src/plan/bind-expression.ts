/**
 * Binding an expression: every column reference resolved once (Flink's case-sensitive rule, qualified names,
 * ROW fields, correlated references to enclosing queries) and the whole expression typed by typing/.
 */
import type { ColumnRef, Expression } from '../ast/expression.js';
import type { Query } from '../ast/query.js';
import { BARE_FUNCTIONS } from '../functions/registry.js';
import { userFunctionNames } from './function-lookup.js';
import type { DataType } from '../types/data-type.js';
import { withNullable } from '../types/type-predicates.js';
import { show } from '../typing/families.js';
import type { ScopeColumn, TypeEnv, TypeIssue } from '../typing/expression-type.js';
import { expressionType, resolveColumn } from '../typing/expression-type.js';
import type { BindContext, Scope, ScopeEntry } from './bind-context.js';
import { problem, report } from './bind-context.js';
import { BIND_TEXTS } from './codes.js';
import type { BoundExpression, BoundSubquery, ColumnBinding } from './expression.js';
import { expressionChildren, windowSpecChildren } from '../ast/expression-children.js';
import type { PlanNode } from './node.js';
import { TYPE_TEXTS } from '../typing/codes.js';
import { NAME_TEXTS } from '../diagnostics/name-codes.js';

/** Binds a query (set by bind-query.ts, which imports this module). */
export type QueryBinder = (q: Query, ctx: BindContext) => { readonly plan: PlanNode } | undefined;
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
    if (found.length === 1) return found[0]!.type === undefined ? { depth, entry: found[0]! } : { depth, entry: found[0]!, type: found[0]!.type };
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
    if (t.kind !== 'ROW') report(ctx, TYPE_TEXTS.fieldOfNonRow({ field: ref.name, column: ref.table!, type: show(t) }), ref);
    else report(ctx, NAME_TEXTS.rowFieldNotFound({ field: ref.name, column: ref.table, fields: t.fields.map((f) => f.name) }), ref);
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
    cols = scope.columns.slice();
    for (const s of outer) for (const c of outerColumns(s)) cols.push(c);
    byOuter.set(outer, cols);
  }
  return cols;
}

/**
 * A scope's columns as an enclosing query's (marked outer), made once per scope: each level of a 500-deep chain of
 * sub-queries sees every level above it, and a marked copy of each of their columns per level was quadratic garbage.
 */
const outerOf = new WeakMap<Scope, readonly ScopeColumn[]>();
function outerColumns(scope: Scope): readonly ScopeColumn[] {
  let cols = outerOf.get(scope);
  if (cols === undefined) outerOf.set(scope, (cols = scope.columns.map((c) => ({ ...c, outer: true }))));
  return cols;
}

/**
 * Binds a sub-query once (typing and binding share it): one that could not be bound is remembered too (null), so
 * typing the enclosing expression does not bind it again (and report its problems twice).
 */
export function bindSubquery(q: Query, scope: Scope, ctx: BindContext): PlanNode | undefined {
  const known = ctx.subqueries.get(q);
  if (known !== undefined) return known ?? undefined;
  const plan = bindQueryFn?.(q, { ...ctx, outer: [scope, ...ctx.outer], selectAliases: undefined })?.plan;
  ctx.subqueries.set(q, plan ?? null);
  return plan;
}

/**
 * The typer's environment inside the binder: a sub-query is typed by binding it. A class (its `subquery` a method)
 * rather than an object literal with a closure: one is made per bound expression, and a closure per call is a
 * measurable share of `check` on long scripts (bench/hostile.bench.ts).
 */
class BinderTypeEnv implements TypeEnv {
  readonly issues: TypeIssue[] = [];
  readonly functions: ReadonlySet<string>;
  readonly types: Map<Expression, DataType> | undefined;

  constructor(private readonly scope: Scope, private readonly ctx: BindContext, types: Map<Expression, DataType> | undefined) {
    this.functions = userFunctionNames(ctx.catalog);
    this.types = types;
  }

  subquery(q: Query): readonly (DataType | undefined)[] | undefined {
    return bindSubquery(q, this.scope, this.ctx)?.columns.map((c) => c.type);
  }
}

/** The type of `e` in `scope`, with typing/'s rules; its problems become diagnostics. */
export function typeIn(e: Expression, scope: Scope, ctx: BindContext, types?: Map<Expression, DataType>): DataType | undefined {
  const env = new BinderTypeEnv(scope, ctx, types);
  const type = expressionType(e, typeScope(scope, ctx.outer), env);
  for (const i of env.issues) {
    // Name problems are reported by the binder's own resolution.
    if (i.code.startsWith('FTS40')) continue;
    problem(ctx, i.code, i.span === undefined ? {} : { span: i.span }, i.message, i.hint);
  }
  return type === undefined || type.kind === 'NULL' ? type : type;
}

/** Pushes `items` onto the walk's two stacks so they pop in source order. */
function pushAll(nodes: Expression[], conditionals: boolean[], items: readonly Expression[], conditional: boolean): void {
  for (let i = items.length - 1; i >= 0; i--) {
    nodes.push(items[i]!);
    conditionals.push(conditional);
  }
}

/**
 * A column binding, its optional keys present only when known (in the order the type lists them). Each shape is
 * written whole: an object grown key by key would need a second store for its keys.
 */
function columnBinding(node: Expression, index: number, depth: number, type: DataType | undefined, field: string | undefined, conditional: boolean): ColumnBinding {
  if (field === undefined) return type === undefined ? { node, index, depth, conditional } : { node, index, depth, type, conditional };
  return type === undefined ? { node, index, depth, field, conditional } : { node, index, depth, type, field, conditional };
}

/**
 * The walk's stacks, shared by every call (this runs for every expression bound): a call works above the entries
 * it found there (a sub-query's expressions are bound in the middle of the enclosing walk) and leaves none behind.
 */
const nodes: Expression[] = [];
const conditionals: boolean[] = [];
const NONE: readonly never[] = Object.freeze([]);

/** (One function, not a wrapper around a walk: each is a native frame per level of nested sub-queries.) */
export function bindExpression(e: Expression, scope: Scope, ctx: BindContext, options: BindOptions = {}): BoundExpression {
  const base = nodes.length;
  try {
    const refs: ColumnBinding[] = [];
    const subqueries: BoundSubquery[] = [];
    let scopes: readonly Scope[] | undefined;
    const replace = options.replace;
    // An explicit stack, in source order: a 10,000-term chain must not exhaust the call stack. Two stacks side by side
    // (each node, and whether it is read only conditionally) rather than a pair per node: this runs for every node.
    nodes.push(e);
    conditionals.push(false);
    while (nodes.length > base) {
      const n = nodes.pop()!;
      const conditional = conditionals.pop()!;
      const replaced = replace?.(n);
      if (replaced !== undefined) {
        refs.push(columnBinding(n, replaced.index, 0, replaced.type, undefined, conditional));
        continue;
      }
      switch (n.kind) {
        case 'ColumnRef': {
          const r = resolve(n, (scopes ??= ctx.outer.length === 0 ? [scope] : [scope, ...ctx.outer]), ctx);
          if (r === undefined) continue;
          if (r.depth === 0 && options.onColumn !== undefined && !options.onColumn(n, r.entry)) continue;
          refs.push(columnBinding(n, r.entry.index, r.depth, r.type, r.field, conditional));
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
          if (n.values !== undefined) pushAll(nodes, conditionals, n.values, conditional);
          nodes.push(n.operand);
          conditionals.push(conditional);
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
          for (let i = items.length - 1; i >= 0; i--) {
            nodes.push(items[i]![0]);
            conditionals.push(items[i]![1]);
          }
          continue;
        }
        case 'FunctionCall': {
          // Popped in source order: the arguments (IF's condition is conditional), the FILTER, WITHIN GROUP, the window.
          if (n.over !== undefined) pushAll(nodes, conditionals, windowSpecChildren(n.over), conditional);
          if (n.withinGroup !== undefined) for (let i = n.withinGroup.length - 1; i >= 0; i--) {
            nodes.push(n.withinGroup[i]!.expr);
            conditionals.push(conditional);
          }
          if (n.filter !== undefined) {
            nodes.push(n.filter);
            conditionals.push(true);
          }
          const isIf = n.name.length === 1 && n.name[0]!.toUpperCase() === 'IF';
          for (let i = n.args.length - 1; i >= 0; i--) {
            nodes.push(n.args[i]!);
            conditionals.push(conditional || (isIf && i === 0));
          }
          continue;
        }
        default:
          pushAll(nodes, conditionals, expressionChildren(n), conditional);
      }
    }
    const types = ctx.expressionTypes === true ? new Map<Expression, DataType>() : undefined;
    const type = typeIn(e, scope, ctx, types);
    const bindings = refs.length === 0 ? NONE : Object.freeze(refs);
    const inner = subqueries.length === 0 ? NONE : Object.freeze(subqueries);
    // Each shape written whole (see columnBinding).
    if (types === undefined) return Object.freeze(type === undefined ? { ast: e, refs: bindings, subqueries: inner } : { ast: e, type, refs: bindings, subqueries: inner });
    return Object.freeze(type === undefined ? { ast: e, refs: bindings, subqueries: inner, types } : { ast: e, type, refs: bindings, subqueries: inner, types });
  } finally {
    // (Only after a throw: setting an array's length is a call into the runtime.)
    if (nodes.length !== base) {
      nodes.length = base;
      conditionals.length = base;
    }
  }
}

/** A WHERE, HAVING or ON condition: it must be BOOLEAN (FTS4403). */
export function bindCondition(e: Expression, scope: Scope, ctx: BindContext, clause: 'WHERE' | 'HAVING' | 'ON', options: BindOptions = {}): BoundExpression {
  const bound = bindExpression(e, scope, ctx, options);
  const t = bound.type;
  if (t !== undefined && t.kind !== 'BOOLEAN' && t.kind !== 'NULL') {
    report(ctx, TYPE_TEXTS.caseConditionNotBoolean({ clause, type: show(t) }), e);
  }
  return bound;
}
