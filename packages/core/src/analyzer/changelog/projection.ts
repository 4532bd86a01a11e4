/**
 * SELECT lists over a stream: output columns keep a time attribute only when they pass it through unchanged
 * (`ts`, `t.ts AS x`) or call `PROCTIME()`; any other expression over a time attribute (CAST, arithmetic, a
 * function) makes it a plain timestamp.
 */
import type { ColumnRef, Expression } from '../../ast/expression.js';
import type { SelectItem } from '../../ast/query.js';
import { walkAst } from '../../ast/walk.js';
import { columnName } from '../../typing/expression-type.js';
import { isProctimeCall } from '../time/table-time-attributes.js';
import type { LostTimeAttribute, StreamColumn } from './changelog-mode.js';
import { at } from './changelog-mode.js';

/** The one column `table.name` resolves to, if exactly one does. */
export function findColumn(columns: readonly StreamColumn[], table: string | undefined, name: string): StreamColumn | undefined {
  const found = columns.filter((c) => c.name === name && (table === undefined || c.relation === table));
  return found.length === 1 ? found[0] : undefined;
}

/** Column references of an expression, not descending into sub-queries. */
export function columnRefs(e: Expression): ColumnRef[] {
  const out: ColumnRef[] = [];
  const collect = (root: unknown): void =>
    walkAst(root, (node) => {
      if (node.kind === 'ColumnRef') {
        out.push(node as ColumnRef);
        return false;
      }
      if (node.kind === 'ScalarSubquery' || node.kind === 'Exists' || node.kind === 'TableArg' || (node.kind === 'In' && 'query' in node && (node as { query?: unknown }).query !== undefined)) {
        if (node.kind === 'In') collect((node as { operand: unknown }).operand);
        return false;
      }
      return true;
    });
  collect(e);
  return out;
}

/** A short name for what an expression does to its operands, for "lost by …" messages. */
export function operationName(e: Expression): string {
  switch (e.kind) {
    case 'Cast': return e.try ? 'TRY_CAST' : 'CAST';
    case 'Binary': return `the '${e.op}' operator`;
    case 'FunctionCall': return `${e.name.join('.')}(…)`;
    case 'Case': return 'CASE';
    default: return 'an expression';
  }
}

/** What a computed select item makes of the time attributes it reads. */
export function derivedTime(e: Expression, input: readonly StreamColumn[]): Pick<StreamColumn, 'time' | 'lost'> {
  if (isProctimeCall(e)) return { time: 'proctime' };
  // TUMBLE_ROWTIME(…) / HOP_PROCTIME(…) of a legacy group window are time attributes again.
  const fn = e.kind === 'FunctionCall' && e.name.length === 1 ? e.name[0]!.toUpperCase() : '';
  if (/^(TUMBLE|HOP|SESSION)_ROWTIME$/.test(fn)) return { time: 'rowtime' };
  if (/^(TUMBLE|HOP|SESSION)_PROCTIME$/.test(fn)) return { time: 'proctime' };
  for (const ref of columnRefs(e)) {
    const c = findColumn(input, ref.table, ref.name);
    if (c?.time !== undefined) return { lost: { kind: c.time, reason: `${operationName(e)}${at(e.span)}` } };
  }
  return {};
}

export interface ProjectedColumn {
  readonly column: StreamColumn;
  /** The expression the column was computed from (a ColumnRef for `*`). */
  readonly expr: Expression;
}

/** The columns of a SELECT list over `input`; `lose` marks every time attribute as lost (after a non-window GROUP BY). */
export function project(items: readonly SelectItem[], input: readonly StreamColumn[], lose?: LostTimeAttribute['reason']): ProjectedColumn[] {
  const out: ProjectedColumn[] = [];
  const strip = (c: Omit<StreamColumn, 'relation'> & { relation?: string }, name: string): StreamColumn => {
    const kind = c.time ?? c.lost?.kind;
    const lost: LostTimeAttribute | undefined = lose !== undefined && kind !== undefined ? { kind, reason: lose } : c.lost;
    return { relation: '', name, ...(lose === undefined && c.time !== undefined ? { time: c.time } : {}), ...(lost === undefined ? {} : { lost }), ...(lose === undefined && c.window !== undefined ? { window: c.window } : {}) };
  };
  items.forEach((item, i) => {
    if (item.kind === 'SelectStar') {
      for (const c of input.filter((s) => item.table === undefined || s.relation === item.table)) out.push({ column: strip(c, c.name), expr: { kind: 'ColumnRef', name: c.name } });
      return;
    }
    const name = item.alias ?? columnName(item.expr) ?? `EXPR$${i}`;
    if (item.expr.kind === 'ColumnRef') {
      const c = findColumn(input, item.expr.table, item.expr.name);
      out.push({ column: strip(c ?? { name }, name), expr: item.expr });
      return;
    }
    out.push({ column: strip({ name, ...derivedTime(item.expr, input) }, name), expr: item.expr });
  });
  return out;
}
