/**
 * The columns of a query's operators with their time attributes, for the time-attribute checks (which name why a
 * column lost its time attribute). Changelog modes are not here: they are derived properties of the bound plan
 * (plan/properties/changelog.ts).
 */
import type { Expression } from '../../ast/expression.js';
import type { Span } from '../../ast/node.js';
import type { UpdateOrigin } from '../../plan/properties/changelog.js';

export type TimeAttributeKind = 'rowtime' | 'proctime';

/** Why a column that was a time attribute no longer is one. */
export interface LostTimeAttribute {
  readonly kind: TimeAttributeKind;
  /** E.g. `CAST at 4:10`, `GROUP BY at 7:3 (not a window aggregation)`. */
  readonly reason: string;
}

export interface StreamColumn {
  /** The table name or alias the column is qualified with in the enclosing scope ('' when none). */
  readonly relation: string;
  readonly name: string;
  readonly time?: TimeAttributeKind;
  readonly lost?: LostTimeAttribute;
  /** `window_start` / `window_end` of a window TVF (also under another name): a window aggregation groups by both. */
  readonly window?: 'start' | 'end';
}

/** What an operator emits: (when they can be known) its columns. */
export interface Stream {
  readonly columns?: readonly StreamColumn[];
}

/** `12:5` for a span, '' without one. */
export function at(span: Span | undefined): string {
  return span === undefined ? '' : ` at ${span.start.line}:${span.start.column}`;
}

/** `GROUP BY at 12:5`. */
export function describeOrigin(origin: UpdateOrigin | undefined): string {
  return origin === undefined ? 'an updating operator' : `${origin.operator}${at(origin.span)}`;
}

/** Whether `exprs` include both the window_start and the window_end of a window TVF in `columns`. */
export function coversWindow(exprs: readonly Expression[], columns: readonly StreamColumn[] | undefined): boolean {
  if (columns === undefined) return false;
  const bounds = new Set<string>();
  for (const ref of exprs) {
    if (ref.kind !== 'ColumnRef') continue;
    const found = columns.filter((c) => c.name === ref.name && (ref.table === undefined || c.relation === ref.table));
    if (found.length === 1 && found[0]!.window !== undefined) bounds.add(found[0]!.window);
  }
  return bounds.has('start') && bounds.has('end');
}
