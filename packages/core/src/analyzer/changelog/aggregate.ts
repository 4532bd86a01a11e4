/**
 * Aggregations over a stream. A window aggregation (GROUP BY window_start, window_end over a window TVF, or a
 * legacy GROUP BY TUMBLE(…)) emits final, insert-only results, also over a changelog input. A regular GROUP BY, a global aggregation and SELECT DISTINCT emit updates keyed by
 * their grouping, and turn every time attribute into a plain timestamp.
 */
import type { Expression, FunctionCall } from '../../ast/expression.js';
import type { GroupingElement, Select } from '../../ast/query.js';
import { walkAst } from '../../ast/walk.js';
import { builtinFunction } from '../../functions/registry.js';
import type { ChangelogMode, Stream } from './changelog-mode.js';
import { at, coversWindow } from './changelog-mode.js';

export interface Aggregation {
  readonly mode: ChangelogMode;
  /** The key expressions (over the input) that identify the result rows. */
  readonly keys?: readonly Expression[];
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

const WINDOW_FIX = 'aggregate over a window TVF (TUMBLE/HOP/CUMULATE) with GROUP BY window_start, window_end so each result is final and insert-only';

/** What the aggregation of `select` (if any) emits; undefined when the SELECT does not aggregate. */
export function aggregation(select: Select, input: Stream): Aggregation | undefined {
  const groupBy = select.groupBy ?? [];
  if (groupBy.length > 0) {
    const plain = groupBy.filter(isPlainExpression);
    if ((coversWindow(plain, input.columns) || groupWindow(select) !== undefined) && plain.length === groupBy.length) {
      // Final per window, also over a changelog input (FLINK-20281, Flink 1.19+).
      return { mode: { kind: 'insert-only' }, keys: plain };
    }
    const first = groupBy[0]!;
    const span = isPlainExpression(first) ? first.span : undefined;
    const shown = plain.length === groupBy.length && plain.every((g) => g.kind === 'ColumnRef') ? ` ${plain.map((g) => (g as { name: string }).name).join(', ')}` : '';
    const where = `GROUP BY${shown}${at(span)}`;
    return {
      mode: { kind: 'upsert', origin: { operator: `GROUP BY${shown}`, ...(span === undefined ? {} : { span }), fix: WINDOW_FIX } },
      ...(plain.length === groupBy.length ? { keys: plain } : {}),
      loses: `${where} (not a window aggregation)`,
    };
  }
  const calls = aggregateCalls([select.items, select.having]);
  if (calls.length > 0 || select.having !== undefined) {
    const span = calls[0]?.span ?? select.span;
    return {
      mode: { kind: 'upsert', origin: { operator: `aggregation without GROUP BY (${calls[0]?.name.join('.') ?? 'HAVING'})`, ...(span === undefined ? {} : { span }), fix: WINDOW_FIX } },
      keys: [],
      loses: `the aggregation${at(span)}`,
    };
  }
  if (select.distinct) {
    return {
      mode: { kind: 'upsert', origin: { operator: 'SELECT DISTINCT', ...(select.span === undefined ? {} : { span: select.span }), fix: 'deduplicate with ROW_NUMBER() OVER (PARTITION BY … ORDER BY proctime) = 1, which emits only inserts' } },
      loses: `SELECT DISTINCT${at(select.span)}`,
    };
  }
  return undefined;
}
