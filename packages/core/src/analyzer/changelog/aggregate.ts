/**
 * Aggregations and time attributes: a window aggregation (GROUP BY window_start, window_end over a window TVF, or a
 * legacy GROUP BY TUMBLE(…)) keeps them; a regular GROUP BY, a global aggregation and SELECT DISTINCT turn every time
 * attribute into a plain timestamp. (What they emit is the plan's changelog property.)
 */
import type { Expression, FunctionCall } from '../../ast/expression.js';
import type { GroupingElement, Select } from '../../ast/query.js';
import { walkAst } from '../../ast/walk.js';
import { builtinFunction } from '../../functions/registry.js';
import type { Stream } from './changelog-mode.js';
import { at, coversWindow } from './changelog-mode.js';

export interface Aggregation {
  /** Set when time attributes do not survive the aggregation: why. */
  readonly loses?: string;
}

function isPlainExpression(g: GroupingElement): g is Expression {
  return g.kind !== 'GroupingSets' && g.kind !== 'Rollup' && g.kind !== 'Cube';
}

/** Aggregate calls (not OVER) in an expression, not descending into sub-queries. */
export function aggregateCalls(e: unknown): FunctionCall[] {
  const out: FunctionCall[] = [];
  walkAst(e, (node) => {
    if (node.kind === 'ScalarSubquery' || node.kind === 'Exists' || node.kind === 'Select') return false;
    if (node.kind === 'FunctionCall') {
      const call = node as FunctionCall;
      if (call.over === undefined && call.name.length === 1 && builtinFunction(call.name[0]!)?.kind === 'aggregate') {
        out.push(call);
        return false;
      }
    }
    return true;
  });
  return out;
}

const GROUP_WINDOWS: ReadonlySet<string> = new Set(['TUMBLE', 'HOP', 'SESSION']);

/** The legacy group window of a GROUP BY (`GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE), k`), if any. */
export function groupWindow(select: Select): FunctionCall | undefined {
  for (const g of select.groupBy ?? []) {
    if (g.kind === 'FunctionCall' && g.name.length === 1 && GROUP_WINDOWS.has(g.name[0]!.toUpperCase())) return g;
  }
  return undefined;
}

/**
 * Whether the aggregation of `select` (if any) keeps time attributes: undefined when the SELECT does not aggregate
 * or is a window aggregation (which keeps them); else why they are lost.
 */
export function aggregation(select: Select, input: Stream): Aggregation | undefined {
  const groupBy = select.groupBy ?? [];
  if (groupBy.length > 0) {
    const plain = groupBy.filter(isPlainExpression);
    if ((coversWindow(plain, input.columns) || groupWindow(select) !== undefined) && plain.length === groupBy.length) return {};
    const first = groupBy[0]!;
    const span = isPlainExpression(first) ? first.span : undefined;
    const shown = plain.length === groupBy.length && plain.every((g) => g.kind === 'ColumnRef') ? ` ${plain.map((g) => (g as { name: string }).name).join(', ')}` : '';
    return { loses: `GROUP BY${shown}${at(span)} (not a window aggregation)` };
  }
  const calls = aggregateCalls([select.items, select.having]);
  if (calls.length > 0 || select.having !== undefined) return { loses: `the aggregation${at(calls[0]?.span ?? select.span)}` };
  if (select.distinct) return { loses: `SELECT DISTINCT${at(select.span)}` };
  return undefined;
}
