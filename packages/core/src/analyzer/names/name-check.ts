/**
 * Column references against the columns in scope, as Flink's validator resolves them: unknown columns (FTS4001),
 * ambiguous unqualified columns (FTS4003), unknown qualifiers (FTS4004), unknown ROW fields (FTS4006).
 * Sub-queries are not entered: they are checked with their own scope when they are typed.
 */
import type { ColumnRef, Expression } from '../../ast/expression.js';
import { walkAst } from '../../ast/walk.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import type { ScopeColumn } from '../../typing/expression-type.js';
import { isBareCall, resolveColumn } from '../../typing/expression-type.js';
import type { ReportContext } from './report.js';
import { issue } from './report.js';

export interface Scope {
  readonly columns: readonly ScopeColumn[];
  /** Relation names (aliases or table names) in the FROM clause, including those of enclosing queries. */
  readonly relations: readonly string[];
  /** Some FROM item's columns are unknown here (an undeclared table, a user table function): no FTS4001. */
  readonly open: boolean;
  /** Aliases of the SELECT list, which WHERE / GROUP BY / HAVING cannot see (for the hint only). */
  readonly selectAliases?: readonly string[];
}

export const EMPTY_SCOPE: Scope = { columns: [], relations: [], open: false };

function checkRef(ref: ColumnRef, scope: Scope, ctx: ReportContext): void {
  const found = resolveColumn(scope.columns, ref.table, ref.name);
  if (ref.table === undefined) {
    if (found.length === 0) {
      if (scope.open || isBareCall(ref)) return;
      const candidates = scope.columns.filter((c) => c.qualifiedOnly !== true).map((c) => c.name);
      const alias = scope.selectAliases?.includes(ref.name) === true ? `'${ref.name}' is an alias of the SELECT list, which this clause cannot use; repeat the expression or select from a sub-query` : undefined;
      issue(ctx, 'FTS4001', ref, `Column '${ref.name}' not found in any table of the FROM clause`,
        alias ?? didYouMean(ref.name, candidates) ?? (candidates.length === 0 ? 'the query has no FROM clause columns' : `available columns: ${[...new Set(candidates)].join(', ')}`));
      return;
    }
    const relations = [...new Set(found.map((c) => c.relation))];
    if (relations.length > 1) {
      issue(ctx, 'FTS4003', ref, `Column '${ref.name}' is ambiguous: it is a column of ${relations.map((r) => `'${r || '(sub-query)'}'`).join(' and ')}`,
        `qualify it: ${relations.filter((r) => r !== '').map((r) => `${r}.${ref.name}`).join(' or ')}`);
    }
    return;
  }
  if (found.length > 0) return;
  if (scope.relations.includes(ref.table)) {
    if (scope.open) return;
    const candidates = scope.columns.filter((c) => c.relation === ref.table).map((c) => c.name);
    issue(ctx, 'FTS4001', ref, `Column '${ref.table}.${ref.name}' not found: '${ref.table}' has no column '${ref.name}'`,
      didYouMean(ref.name, candidates) ?? `columns of '${ref.table}': ${candidates.join(', ')}`);
    return;
  }
  // `r.f` where r is a column: a ROW field access.
  const column = resolveColumn(scope.columns, undefined, ref.table);
  if (column.length === 1) {
    const t = column[0]!.type;
    if (t === undefined) return;
    if (t.kind !== 'ROW') {
      issue(ctx, 'FTS4420', ref, `field '${ref.name}' is accessed on column '${ref.table}', which is not a ROW`);
      return;
    }
    if (!t.fields.some((f) => f.name === ref.name)) {
      issue(ctx, 'FTS4006', ref, `the ROW column '${ref.table}' has no field '${ref.name}'`, didYouMean(ref.name, t.fields.map((f) => f.name)) ?? `fields: ${t.fields.map((f) => f.name).join(', ')}`);
    }
    return;
  }
  if (scope.open) return;
  const names = scope.relations.filter((r) => r !== '');
  issue(ctx, 'FTS4004', ref, `Table '${ref.table}' not found: no table or alias of that name in the FROM clause`,
    didYouMean(ref.table, names) ?? (names.length === 0 ? 'the FROM clause has no named relation' : `tables and aliases in scope: ${names.join(', ')}`));
}

/** Check every column reference of `e` (outside sub-queries) against `scope`. */
export function checkNames(e: Expression, scope: Scope, ctx: ReportContext): void {
  const check = (root: unknown): void =>
    walkAst(root, (node) => {
      if (node.kind === 'ColumnRef') {
        checkRef(node as ColumnRef, scope, ctx);
        return false;
      }
      if (node.kind === 'ScalarSubquery' || node.kind === 'Exists' || node.kind === 'TableArg' || node.kind === 'Descriptor') return false;
      if (node.kind === 'In') {
        // The sub-query of IN (…) has its own scope: only the operand and a value list are checked here.
        const inNode = node as Extract<Expression, { kind: 'In' }>;
        check(inNode.operand);
        check(inNode.values);
        return false;
      }
      // A window name in OVER w is a string, not a column: the walk passes over it.
      return true;
    });
  check(e);
}
