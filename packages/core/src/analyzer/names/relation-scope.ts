/**
 * The columns a FROM item brings into scope: tables and views of the script's catalog (views keep their column
 * types), CTEs, sub-queries, window TVFs, UNNEST and joins (USING, duplicate relation names, ON conditions).
 * LATERAL items (UNNEST, LATERAL TABLE, temporal joins' FOR SYSTEM_TIME AS OF) see the columns on their left.
 */
import { TABLE_FUNCTIONS } from '../../functions/registry.js';
import type { Expression } from '../../ast/expression.js';
import type { Relation } from '../../ast/query.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import type { DataType } from '../../types/data-type.js';
import type { ScopeColumn } from '../../typing/expression-type.js';
import type { QueryContext } from '../query-columns.js';
import { checkCondition, elsewhere, queryColumns, typeExpression, withOuter } from '../query-columns.js';
import { show } from '../../typing/families.js';
import type { Scope } from './name-check.js';
import { EMPTY_SCOPE } from './name-check.js';
import { issue } from './report.js';

const OPEN = (relation: string | undefined): Scope => ({ columns: [], relations: relation === undefined ? [] : [relation], open: true });

function named(columns: readonly { readonly name: string | undefined; readonly type?: DataType | undefined }[], relation: string, aliases?: readonly string[]): ScopeColumn[] {
  return columns.map((c, i) => ({ relation, name: aliases?.[i] ?? c.name ?? `EXPR$${i}`, ...(c.type === undefined ? {} : { type: c.type }) }));
}

function aliasCountMismatch(ctx: QueryContext, node: { readonly span?: Expression['span'] }, aliases: readonly string[] | undefined, count: number): boolean {
  if (aliases === undefined || aliases.length === count) return false;
  issue(ctx, 'FTS4425', node, `List of column aliases must have same degree as table: ${aliases.length} aliases for ${count} columns`);
  return true;
}

function tableRef(r: Extract<Relation, { kind: 'TableRef' }>, ctx: QueryContext, left: Scope): Scope {
  const name = r.path[r.path.length - 1]!;
  const relation = r.alias ?? name;
  if (r.forSystemTimeAsOf !== undefined) typeExpression(r.forSystemTimeAsOf, withOuter(left, ctx.outer), ctx);
  if (r.path.length === 1 && ctx.ctes?.has(name) === true) {
    const cols = ctx.ctes.get(name);
    return cols === undefined ? OPEN(relation) : { columns: named(cols, relation), relations: [relation], open: false };
  }
  const table = ctx.catalog.lookup(r.path);
  if (table === undefined) {
    const candidates = [...ctx.catalog.names(), ...(ctx.ctes?.keys() ?? [])];
    issue(ctx, 'FTS4002', r, `table or view '${r.path.join('.')}' is not declared in this script`,
      elsewhere(ctx, name) ?? didYouMean(name, candidates) ?? 'declare it with CREATE TABLE before it is used');
    return OPEN(relation);
  }
  if (table.opaque === true) return OPEN(relation);
  return { columns: named(table.columns, relation), relations: [relation], open: false };
}

function windowTvf(r: Extract<Relation, { kind: 'TableFunction' }>, ctx: QueryContext): Scope {
  const args = r.call.args.map((a) => (a.kind === 'NamedArg' ? a.value : a));
  const table = args.find((a) => a.kind === 'TableArg');
  const relation = r.alias ?? '';
  if (table === undefined || table.kind !== 'TableArg') return OPEN(relation);
  const input = relationScope(table.relation, ctx);
  for (const a of args) if (a.kind !== 'TableArg' && a.kind !== 'Descriptor') typeExpression(a, EMPTY_SCOPE, ctx);
  const descriptor = args.find((a) => a.kind === 'Descriptor');
  let timeType: DataType | undefined;
  if (descriptor !== undefined && descriptor.kind === 'Descriptor') {
    for (const col of descriptor.columns) {
      const found = input.columns.find((c) => c.name === col);
      if (found === undefined) {
        if (!input.open) issue(ctx, 'FTS4009', descriptor, `Column '${col}' of DESCRIPTOR(…) is not a column of the window's input table`, didYouMean(col, input.columns.map((c) => c.name)) ?? `columns: ${input.columns.map((c) => c.name).join(', ')}`);
      } else timeType = found.type;
    }
  }
  if (input.open) return OPEN(relation);
  const windowTime: DataType = { kind: timeType?.kind === 'TIMESTAMP_LTZ' ? 'TIMESTAMP_LTZ' : 'TIMESTAMP', precision: 3, nullable: false };
  const window: ScopeColumn[] = [
    { relation, name: 'window_start', type: { kind: 'TIMESTAMP', precision: 3, nullable: false } },
    { relation, name: 'window_end', type: { kind: 'TIMESTAMP', precision: 3, nullable: false } },
    { relation, name: 'window_time', type: windowTime },
  ];
  return { columns: [...input.columns.map((c) => ({ ...c, relation })), ...window], relations: [relation], open: false };
}

function unnest(r: Extract<Relation, { kind: 'Unnest' }>, ctx: QueryContext, left: Scope): Scope {
  const relation = r.alias ?? '';
  const columns: { name: string | undefined; type?: DataType }[] = [];
  let known = true;
  for (const arg of r.args) {
    const t = typeExpression(arg, withOuter(left, ctx.outer), ctx);
    if (t === undefined) {
      known = false;
      continue;
    }
    if (t.kind === 'ARRAY' || t.kind === 'MULTISET') {
      if (t.element.kind === 'ROW') columns.push(...t.element.fields.map((f) => ({ name: f.name, type: f.type })));
      else columns.push({ name: undefined, type: t.element });
    } else if (t.kind === 'MAP') {
      columns.push({ name: 'KEY', type: t.key }, { name: 'VALUE', type: t.value });
    } else {
      issue(ctx, 'FTS4423', arg, `UNNEST needs an ARRAY, MULTISET or MAP, not ${show(t)}`);
      known = false;
    }
  }
  if (r.withOrdinality) columns.push({ name: 'ORDINALITY', type: { kind: 'INT', nullable: false } });
  if (!known) return r.columnAliases === undefined ? OPEN(relation) : { columns: named(r.columnAliases.map((name) => ({ name })), relation), relations: [relation], open: false };
  if (aliasCountMismatch(ctx, r, r.columnAliases, columns.length)) return OPEN(relation);
  return { columns: named(columns, relation, r.columnAliases), relations: [relation], open: false };
}

function join(r: Extract<Relation, { kind: 'Join' }>, ctx: QueryContext, outerLeft: Scope): Scope {
  const left = relationScope(r.left, ctx, outerLeft);
  const right = relationScope(r.right, ctx, left);
  const duplicate = right.relations.find((n) => n !== '' && left.relations.includes(n));
  if (duplicate !== undefined) {
    issue(ctx, 'FTS4005', r.right, `Duplicate relation name '${duplicate}' in FROM clause`, 'give one of them another alias');
  }
  let rightColumns = right.columns;
  if (r.using !== undefined) {
    for (const name of r.using) {
      const inLeft = left.columns.some((c) => c.name === name);
      const inRight = right.columns.some((c) => c.name === name);
      if ((!inLeft && !left.open) || (!inRight && !right.open)) {
        const side = !inLeft && !left.open ? left : right;
        issue(ctx, 'FTS4011', r, `Column '${name}' in USING clause not found in the ${side === left ? 'left' : 'right'} side of the join`, didYouMean(name, side.columns.map((c) => c.name)));
      }
    }
    rightColumns = right.columns.map((c) => (r.using!.includes(c.name) ? { ...c, qualifiedOnly: true } : c));
  }
  const scope: Scope = { columns: [...left.columns, ...rightColumns], relations: [...left.relations, ...right.relations], open: left.open || right.open };
  if (r.on !== undefined) checkCondition(r.on, withOuter(scope, ctx.outer), ctx, 'ON');
  return scope;
}

/** The scope a FROM item brings; `left` holds the columns of the items on its left (for LATERAL items). */
export function relationScope(r: Relation, ctx: QueryContext, left: Scope = EMPTY_SCOPE): Scope {
  switch (r.kind) {
    case 'TableRef': return tableRef(r, ctx, left);
    case 'SubqueryRelation': {
      const relation = r.alias ?? '';
      const out = queryColumns(r.query, r.lateral === true ? { ...ctx, outer: withOuter(left, ctx.outer) } : ctx);
      if (out === undefined || aliasCountMismatch(ctx, r, r.columnAliases, out.length)) return OPEN(relation);
      return { columns: named(out, relation, r.columnAliases), relations: [relation], open: false };
    }
    case 'TableFunction': {
      const name = r.call.name.length === 1 ? r.call.name[0]!.toUpperCase() : '';
      if (TABLE_FUNCTIONS.has(name)) return windowTvf(r, ctx);
      // A user table function (LATERAL TABLE(fn(…)) AS t(a, b)): its arguments read the left side.
      const relation = r.alias ?? '';
      for (const a of r.call.args) typeExpression(a, withOuter(left, ctx.outer), ctx);
      return r.columnAliases === undefined ? OPEN(relation) : { columns: named(r.columnAliases.map((n) => ({ name: n })), relation), relations: [relation], open: false };
    }
    case 'Unnest': return unnest(r, ctx, left);
    case 'Join': return join(r, ctx, left);
  }
}
