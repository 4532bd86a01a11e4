/**
 * Binding FROM items: catalog tables (Scan), views and CTEs (followed through to their plans), sub-queries, window
 * TVFs, joins (with their strategy: patterns/join-strategy.ts), and the correlated items UNNEST and LATERAL TABLE.
 */
import type { Expression } from '../ast/expression.js';
import type { Span } from '../ast/node.js';
import type { Relation, TableRef } from '../ast/query.js';
import type { CatalogViewEntry } from '../catalog/catalog.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { TABLE_FUNCTIONS } from '../functions/registry.js';
import type { DataType } from '../types/data-type.js';
import type { BindContext, NamedPlan, Scope, ScopeEntry } from './bind-context.js';
import { EMPTY_SCOPE, problem, report, unsupported } from './bind-context.js';
import { BIND_CODES, BIND_TEXTS } from './codes.js';
import { windowArgumentProblem } from '../typing/argument-rules.js';
import { bindCondition, bindExpression } from './bind-expression.js';
import { show } from '../typing/families.js';
import type { Correlate } from './correlate.js';
import type { BoundExpression } from './expression.js';
import type { PlanColumn, PlanNode } from './node.js';
import { bindMatchRecognize } from './bind-match-recognize.js';
import { joinStrategy } from './patterns/join-strategy.js';
import { joinColumns, windowTvfColumns } from './properties/time-attributes.js';
import type { Scan } from './scan.js';
import { scanColumns } from './scan-columns.js';
import { withNullable } from '../types/type-predicates.js';
import type { Values } from './values.js';
import { printExpression } from '../sql/printer/expression.js';
import type { WindowFunction, WindowTableFunction } from './window-table-function.js';
import { TIME_TEXTS } from './time-codes.js';
import { NAME_TEXTS } from '../diagnostics/name-codes.js';
import { TYPE_TEXTS } from '../typing/codes.js';
import type { Building } from './building.js';

export interface Bound {
  readonly node: PlanNode;
  readonly scope: Scope;
}

/** Binds a query into a plan with the column names its output is known by (set by bind-query.ts). */
export type NamedQueryBinder = (q: import('../ast/query.js').Query, ctx: BindContext) => NamedPlan | undefined;
let bindNamed: NamedQueryBinder | undefined;
export function setNamedQueryBinder(f: NamedQueryBinder): void {
  bindNamed = f;
}

function scopeOf(columns: readonly PlanColumn[], relation: string, names?: readonly string[], offset = 0): Scope {
  return {
    columns: columns.map((c, i): ScopeEntry => {
      const name = names?.[i] ?? c.name;
      const entry: Building<ScopeEntry> = c.type === undefined ? { relation, name, index: offset + i } : { relation, name, type: c.type, index: offset + i };
      if (c.time !== undefined) entry.time = c.time;
      return entry;
    }),
    relations: [relation],
  };
}

function tableRef(r: TableRef, ctx: BindContext): Bound | undefined {
  const last = r.path[r.path.length - 1]!;
  const relation = r.alias ?? last;
  const cte = r.path.length === 1 ? ctx.ctes.get(last) : undefined;
  if (cte !== undefined) {
    ctx.trace?.tables.set(r, { kind: 'cte', name: last });
    return { node: cte.plan, scope: scopeOf(cte.plan.columns, relation, cte.names) };
  }
  const entry = ctx.catalog.lookup(r.path);
  if (entry !== undefined) ctx.trace?.tables.set(r, { kind: 'catalog', entry });
  if (entry === undefined) {
    const names = [...ctx.catalog.all().map((e) => e.path[2]), ...ctx.ctes.keys()];
    const same = ctx.catalog.all().filter((e) => e.path[2] === last);
    report(ctx, BIND_TEXTS.tableNotDeclared({ path: r.path.join('.'), insert: false, declaredAs: same.map((e) => e.path.join('.')), known: names }), r);
    return undefined;
  }
  if (entry.kind === 'table') {
    const building: Building<Scan> = { kind: 'Scan', table: entry, name: entry.path.join('.'), columns: scanColumns(entry, ctx) };
    if (r.span !== undefined) building.span = r.span;
    const scan: Scan = Object.freeze(building);
    return { node: scan, scope: scopeOf(scan.columns, relation) };
  }
  const view = viewPlan(entry, ctx, r);
  if (view === undefined) return undefined;
  return { node: view.plan, scope: scopeOf(view.plan.columns, relation, view.names) };
}

/** A view's plan, bound once per script in the namespace it was created in. */
export function viewPlan(entry: CatalogViewEntry, ctx: BindContext, at: { readonly span?: Span | undefined }): NamedPlan | undefined {
  const key = entry.path.join('.');
  const known = ctx.views.get(key);
  if (known !== undefined) return known;
  if (ctx.viewStack.has(key)) {
    report(ctx, BIND_TEXTS.tableNotDeclared({ path: key, insert: false, readsItself: true, declaredAs: [], known: [] }), at);
    return undefined;
  }
  const inner: BindContext = { ...ctx, catalog: ctx.catalog.within(entry.namespace), ctes: new Map(), outer: [], viewStack: new Set([...ctx.viewStack, key]) };
  const bound = bindNamed?.(entry.statement.query, inner);
  if (bound === undefined) return undefined;
  const view = { plan: bound.plan, names: entry.statement.columns ?? bound.names };
  ctx.views.set(key, view);
  return view;
}

const WINDOW_TIME: DataType = { kind: 'TIMESTAMP', precision: 3, nullable: false };

function windowTvf(r: Extract<Relation, { kind: 'TableFunction' }>, fn: WindowFunction, ctx: BindContext): Bound | undefined {
  const args = r.call.args.map((a) => (a.kind === 'NamedArg' ? a.value : a));
  const table = args.find((a) => a.kind === 'TableArg');
  const descriptor = args.find((a) => a.kind === 'Descriptor');
  if (descriptor?.kind !== 'Descriptor' || descriptor.columns.length !== 1) {
    report(ctx, TIME_TEXTS.malformedDescriptor({ fn }), descriptor ?? r.call);
    return undefined;
  }
  if (table?.kind !== 'TableArg') {
    unsupported(ctx, r, `${fn}(…) without TABLE t`);
    return undefined;
  }
  const input = relation(table.relation, ctx);
  if (input === undefined) return undefined;
  const name = descriptor.columns[0]!;
  const timeColumn = input.scope.columns.find((c) => c.name === name);
  if (timeColumn === undefined) {
    report(ctx, NAME_TEXTS.descriptorColumn({ name, columns: input.scope.columns.map((c) => c.name) }), descriptor);
    return undefined;
  }
  // SESSION windows per key: the keys are the input's columns (the analyzer rejects PARTITION BY on other windows)
  const partitionKeys = (table.partitionBy ?? []).map((k) => bindExpression(k, input.scope, ctx));
  const constants = args.filter((a) => a.kind !== 'TableArg' && a.kind !== 'Descriptor').map((a) => bindExpression(a, EMPTY_SCOPE, ctx));
  const wrong = windowArgumentProblem(fn, constants.map((c) => c.type), 2);
  if (wrong !== undefined) problem(ctx, wrong.code, constants[0]?.ast ?? r.call, wrong.message, "write the size as a day-time interval, e.g. INTERVAL '1' MINUTE");
  const source = input.node.columns[timeColumn.index]!;
  const windowTime: PlanColumn = { name: 'window_time', type: { kind: source.type?.kind === 'TIMESTAMP_LTZ' ? 'TIMESTAMP_LTZ' : 'TIMESTAMP', precision: 3, nullable: false } as DataType };
  const columns = windowTvfColumns(input.node.columns, { name: 'window_start', type: WINDOW_TIME }, { name: 'window_end', type: WINDOW_TIME }, windowTime, source.time);
  const node: WindowTableFunction = Object.freeze({ kind: 'WindowTableFunction', input: input.node, fn, call: r.call, timeColumn: timeColumn.index, args: constants, ...(partitionKeys.length > 0 ? { partitionKeys } : {}), columns });
  const rel = r.alias ?? '';
  const names = [...input.scope.columns.map((c) => c.name), 'window_start', 'window_end', 'window_time'];
  return { node, scope: scopeOf(columns, rel, names) };
}

/** UNNEST / LATERAL TABLE over `left` (one empty row when there is no left side). */
function correlate(r: Extract<Relation, { kind: 'Unnest' | 'TableFunction' }>, left: Bound | undefined, type: 'INNER' | 'LEFT', ctx: BindContext): Bound | undefined {
  const base: Bound = left ?? { node: Object.freeze({ kind: 'Values', rows: [[]], columns: [] }) as Values, scope: EMPTY_SCOPE };
  const argsAst: readonly Expression[] = r.kind === 'Unnest' ? r.args : r.call.args;
  const args: BoundExpression[] = argsAst.map((a) => bindExpression(a, base.scope, ctx));
  const produced: PlanColumn[] = [];
  if (r.kind === 'Unnest') {
    for (const a of args) {
      const t = a.type;
      if (t === undefined) continue;
      if (t.kind === 'ARRAY' || t.kind === 'MULTISET') {
        // a NULL element of an ARRAY of ROWs gives NULL fields
        const el = t.element;
        if (el.kind === 'ROW') produced.push(...el.fields.map((f) => ({ name: f.name, type: withNullable(f.type, f.type.nullable || el.nullable) })));
        else produced.push({ name: `EXPR$${produced.length}`, type: t.element });
      } else if (t.kind === 'MAP') {
        produced.push({ name: 'KEY', type: t.key }, { name: 'VALUE', type: t.value });
      } else {
        report(ctx, TYPE_TEXTS.badUnnest({ type: show(t) }), a.ast);
        return undefined;
      }
    }
    if (r.withOrdinality) {
      // Flink 1.20.1 fails planning it, whatever the array ("Cannot add expression of different type to set")
      report(ctx, BIND_TEXTS.unnestWithOrdinality({}), r);
      produced.push({ name: 'ORDINALITY', type: { kind: 'INT', nullable: false } });
    }
    if (args.some((a) => a.type === undefined)) {
      if (r.columnAliases === undefined) {
        unsupported(ctx, r, 'UNNEST of a value of unknown type without column aliases');
        return undefined;
      }
      produced.length = 0;
      for (const n of r.columnAliases) produced.push({ name: n });
    }
  } else {
    const name = r.call.name[r.call.name.length - 1]!;
    const key = name.toUpperCase();
    if (!ctx.catalog.functions().has(key)) {
      const declared = [...ctx.catalog.functions()];
      report(ctx, TYPE_TEXTS.noSignature({ fn: r.call.name.join('.'), types: args.map((a) => (a.type === undefined ? undefined : show(a.type))), known: declared, tableFunction: true }), r.call);
      return undefined;
    }
    const fn = ctx.userFunctions?.get(key);
    if (fn !== undefined) produced.push(...fn.columns);
    else if (r.columnAliases === undefined) {
      unsupported(ctx, r, `LATERAL TABLE(${r.call.name.join('.')}(…)) without column aliases (AS t(c1, …)) of a function whose result type flinkts is not told`);
      return undefined;
    } else for (const n of r.columnAliases) produced.push({ name: n });
  }
  const aliases = r.columnAliases;
  if (aliases !== undefined && aliases.length !== produced.length) {
    report(ctx, TYPE_TEXTS.aliasListLength({ aliases: aliases.length, columns: produced.length }), r);
    return undefined;
  }
  const fn = r.kind === 'Unnest' ? 'UNNEST' : r.call.name.join('.');
  // LEFT JOIN pads a row the function produces nothing for with NULLs
  if (type === 'LEFT') produced.forEach((c, i) => { if (c.type !== undefined) produced[i] = { ...c, type: withNullable(c.type, true) }; });
  const columns = [...base.node.columns, ...produced.map((c, i) => ({ ...c, name: aliases?.[i] ?? c.name }))];
  const node: Correlate = Object.freeze({ kind: 'Correlate', input: base.node, fn, args, type, withOrdinality: r.kind === 'Unnest' && r.withOrdinality, columns });
  const own = scopeOf(produced.map((c, i) => ({ ...c, name: aliases?.[i] ?? c.name })), r.alias ?? '', undefined, base.node.columns.length);
  return { node, scope: { columns: [...base.scope.columns, ...own.columns], relations: [...base.scope.relations, ...own.relations] } };
}

function isCorrelated(r: Relation): r is Extract<Relation, { kind: 'Unnest' | 'TableFunction' }> {
  if (r.kind === 'Unnest') return true;
  return r.kind === 'TableFunction' && !TABLE_FUNCTIONS.has(r.call.name.length === 1 ? r.call.name[0]!.toUpperCase() : '');
}

function isTrue(e: Expression | undefined): boolean {
  return e === undefined || (e.kind === 'BooleanLiteral' && e.value);
}

function join(r: Extract<Relation, { kind: 'Join' }>, ctx: BindContext): Bound | undefined {
  const left = relation(r.left, ctx);
  if (left === undefined) return undefined;
  const lateral = r.right.kind === 'SubqueryRelation' && r.right.lateral === true;
  if ((r.type === 'RIGHT' || r.type === 'FULL') && (lateral || isCorrelated(r.right))) {
    report(ctx, BIND_TEXTS.lateralJoinType({ type: r.type, right: lateral ? 'LATERAL sub-query' : r.right.kind === 'Unnest' ? 'UNNEST' : 'LATERAL TABLE' }), r.right);
    return undefined;
  }
  if (isCorrelated(r.right)) {
    const leftJoin = r.type === 'LEFT';
    if (leftJoin && !isTrue(r.on) && r.right.kind === 'TableFunction') {
      report(ctx, BIND_TEXTS.leftTableFunctionPredicate({ condition: printExpression(r.on!) }), r.on!);
      return undefined;
    }
    const c = correlate(r.right, left, leftJoin ? 'LEFT' : 'INNER', ctx);
    if (c === undefined || isTrue(r.on)) return c;
    const condition = bindExpression(r.on!, c.scope, ctx);
    if (!leftJoin) return { node: Object.freeze({ kind: 'Filter', input: c.node, condition, columns: c.node.columns }), scope: c.scope };
    // LEFT JOIN UNNEST(…) ON c: the condition picks the elements that join (Flink's correlate condition)
    const leftWidth = left.node.columns.length;
    if (condition.refs.some((x) => x.depth === 0 && x.index < leftWidth)) {
      report(ctx, BIND_TEXTS.unnestConditionCorrelated({}), r.on!);
      return undefined;
    }
    return { node: Object.freeze({ ...(c.node as Correlate), condition }), scope: c.scope };
  }
  if (lateral) return lateralJoin(r, r.right as Extract<Relation, { kind: 'SubqueryRelation' }>, left, ctx);
  const right = relation(r.right, ctx, left.node.columns.length);
  if (right === undefined) return undefined;
  const duplicate = right.scope.relations.find((n) => n !== '' && left.scope.relations.includes(n));
  if (duplicate !== undefined) {
    report(ctx, BIND_TEXTS.duplicateRelation({ name: duplicate }), r.right);
    return undefined;
  }
  let rightScope = right.scope.columns;
  let conditionAst = r.on;
  if (r.using !== undefined) {
    const parts: Expression[] = [];
    for (const name of r.using) {
      const l = left.scope.columns.find((c) => c.name === name && c.qualifiedOnly !== true);
      const rr = right.scope.columns.find((c) => c.name === name);
      if (l === undefined || rr === undefined) {
        const side = l === undefined ? left.scope : right.scope;
        report(ctx, BIND_TEXTS.usingColumnMissing({ name, side: l === undefined ? 'left' : 'right', candidates: side.columns.map((c) => c.name) }), r);
        return undefined;
      }
      parts.push({ kind: 'Binary', op: '=', left: { kind: 'ColumnRef', table: l.relation, name }, right: { kind: 'ColumnRef', table: rr.relation, name } });
    }
    conditionAst = parts.reduce((a, b) => ({ kind: 'Binary', op: 'AND', left: a, right: b }));
    rightScope = right.scope.columns.map((c) => (r.using!.includes(c.name) ? { ...c, qualifiedOnly: true } : c));
  }
  const scope: Scope = { columns: [...left.scope.columns, ...rightScope], relations: [...left.scope.relations, ...right.scope.relations] };
  const condition = conditionAst === undefined ? undefined : bindCondition(conditionAst, scope, ctx, 'ON');
  const ref = r.right.kind === 'TableRef' ? r.right : undefined;
  const period = ref?.forSystemTimeAsOf === undefined ? undefined : bindExpression(ref.forSystemTimeAsOf, left.scope, ctx);
  // the side an outer join pads with NULLs has nullable columns above the join (the condition sees them as declared)
  const leftCount = left.node.columns.length;
  const padded = (i: number): boolean => (i < leftCount ? r.type === 'RIGHT' || r.type === 'FULL' : r.type === 'LEFT' || r.type === 'FULL');
  const nullable = <C extends { readonly type?: DataType }>(c: C, i: number): C => (c.type !== undefined && !c.type.nullable && padded(i) ? { ...c, type: withNullable(c.type, true) } : c);
  const columns = [...left.node.columns, ...right.node.columns].map(nullable);
  const strategy = joinStrategy(left.node, right.node, condition, period);
  const span = r.right.span ?? r.span;
  const node = Object.freeze({
    kind: 'Join' as const,
    left: left.node,
    right: right.node,
    type: r.type,
    strategy: strategy.strategy,
    ...(condition === undefined ? {} : { condition }),
    equiKeys: strategy.equiKeys,
    ...(period === undefined ? {} : { period }),
    ...(strategy.interval === undefined ? {} : { interval: strategy.interval }),
    ...(r.comma === true ? { comma: true as const } : {}),
    ...(ref === undefined ? {} : { rightName: ref.alias ?? ref.path[ref.path.length - 1]! }),
    ...(span === undefined ? {} : { span }),
    columns: joinColumns(strategy.strategy, left.node.columns.length, columns),
  });
  return { node, scope: { ...scope, columns: scope.columns.map((c) => nullable(c, c.index)) } };
}

/**
 * `left JOIN LATERAL (SELECT …)` (and the comma form): the sub-query is bound with `left`'s columns in scope, which it
 * reads as correlated references (depth 1); a Correlate over `left` with the sub-query's plan.
 */
function lateralJoin(r: Extract<Relation, { kind: 'Join' }>, sub: Extract<Relation, { kind: 'SubqueryRelation' }>, left: Bound, ctx: BindContext): Bound | undefined {
  const bound = bindNamed?.(sub.query, { ...ctx, outer: [left.scope, ...ctx.outer] });
  if (bound === undefined) return undefined;
  if (sub.query.kind === 'Select' && sub.query.from === undefined) {
    report(ctx, BIND_TEXTS.lateralWithoutFrom({}), sub);
    return undefined;
  }
  if (sub.columnAliases !== undefined && sub.columnAliases.length !== bound.names.length) {
    report(ctx, TYPE_TEXTS.aliasListLength({ aliases: sub.columnAliases.length, columns: bound.names.length }), sub);
    return undefined;
  }
  const alias = sub.alias ?? '';
  if (alias !== '' && left.scope.relations.includes(alias)) {
    report(ctx, BIND_TEXTS.duplicateRelation({ name: alias }), sub);
    return undefined;
  }
  const type = r.type === 'LEFT' ? 'LEFT' : 'INNER';
  const names = sub.columnAliases ?? bound.names;
  const produced = bound.plan.columns.map((c, i): PlanColumn => {
    const t = c.type === undefined ? undefined : type === 'LEFT' ? withNullable(c.type, true) : c.type;
    return { name: names[i]!, ...(t === undefined ? {} : { type: t }) };
  });
  const columns = [...left.node.columns, ...produced];
  const node: Correlate = Object.freeze({ kind: 'Correlate', input: left.node, fn: 'LATERAL', args: [], query: bound.plan, type, withOrdinality: false, columns, ...(sub.span === undefined ? {} : { span: sub.span }) });
  const own = scopeOf(produced, alias, undefined, left.node.columns.length);
  const scope: Scope = { columns: [...left.scope.columns, ...own.columns], relations: [...left.scope.relations, ...own.relations] };
  if (isTrue(r.on)) return { node, scope };
  const condition = bindCondition(r.on!, scope, ctx, 'ON');
  // LEFT: the condition decides which sub-query rows join (a left row none satisfies is padded), as Flink plans it
  if (r.type === 'LEFT') return { node: Object.freeze({ ...node, condition }), scope };
  return { node: Object.freeze({ kind: 'Filter', input: node, condition, columns: node.columns }), scope };
}

/** Binds a FROM item; `offset` shifts its columns' positions (the right side of a join). */
export function relation(r: Relation, ctx: BindContext, offset = 0): Bound | undefined {
  const b = unshifted(r, ctx);
  return b === undefined || offset === 0 ? b : { node: b.node, scope: { ...b.scope, columns: b.scope.columns.map((c) => ({ ...c, index: c.index + offset })) } };
}

/** A FROM item bound with its columns at positions from 0. */
function unshifted(r: Relation, ctx: BindContext): Bound | undefined {
  switch (r.kind) {
    case 'TableRef':
      return tableRef(r, ctx);
    case 'SubqueryRelation': {
      // a sub-query in FROM sees the enclosing queries' columns (Flink 1.20.1 accepts `EXISTS (SELECT … FROM (SELECT …
      // WHERE b.x = a.x) u)`), never the other items of its own FROM (which a LATERAL join passes it explicitly)
      const bound = bindNamed?.(r.query, ctx);
      if (bound === undefined) return undefined;
      if (r.columnAliases !== undefined && r.columnAliases.length !== bound.names.length) {
        report(ctx, TYPE_TEXTS.aliasListLength({ aliases: r.columnAliases.length, columns: bound.names.length }), r);
        return undefined;
      }
      return { node: bound.plan, scope: scopeOf(bound.plan.columns, r.alias ?? '', r.columnAliases ?? bound.names) };
    }
    case 'TableFunction': {
      const name = r.call.name.length === 1 ? r.call.name[0]!.toUpperCase() : '';
      if (TABLE_FUNCTIONS.has(name)) {
        if (name !== 'TUMBLE' && name !== 'HOP' && name !== 'CUMULATE' && name !== 'SESSION') {
          unsupported(ctx, r, `the table function ${name}`);
          return undefined;
        }
        return windowTvf(r, name, ctx);
      }
      return correlate(r, undefined, 'INNER', ctx);
    }
    case 'Unnest':
      return correlate(r, undefined, 'INNER', ctx);
    case 'Join':
      return join(r, ctx);
    case 'MatchRecognize': {
      const input = relation(r.input, ctx);
      return input === undefined ? undefined : bindMatchRecognize(r, input, ctx);
    }
  }
}

