/**
 * Changelog modes of query operators, as Flink's planner infers them: an operator emits only inserts, an upsert
 * stream (+I/+U/-D keyed by an upsert key), or a retract stream (-U/+U/-D). Streams also carry their columns with
 * their time attributes, so the time-attribute checks and the sink checks read the same inference.
 */
import type { Expression } from '../../ast/expression.js';
import type { Span } from '../../ast/node.js';

export type ChangelogKind = 'insert-only' | 'upsert' | 'retract';

/** The operator that first produced updates, named the way a user finds it in the SQL text. */
export interface UpdateOrigin {
  /** `GROUP BY`, `LEFT JOIN`, `deduplication keeping the last row`, `source table 'orders' (mysql-cdc)`, … */
  readonly operator: string;
  readonly span?: Span;
  /** What would avoid the updates, for the sink check's hint. */
  readonly fix?: string;
}

export interface ChangelogMode {
  readonly kind: ChangelogKind;
  /** Output column names that identify a row's updates, when known. */
  readonly upsertKey?: readonly string[];
  /** Set when `kind` is not insert-only. */
  readonly origin?: UpdateOrigin;
}

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

/** What an operator emits: its changelog mode and (when they can be known) its columns. */
export interface Stream {
  readonly mode: ChangelogMode;
  readonly columns?: readonly StreamColumn[];
}

export const INSERT_ONLY: ChangelogMode = Object.freeze({ kind: 'insert-only' });

export function isUpdating(mode: ChangelogMode): boolean {
  return mode.kind !== 'insert-only';
}

/** `12:5` for a span, '' without one. */
export function at(span: Span | undefined): string {
  return span === undefined ? '' : ` at ${span.start.line}:${span.start.column}`;
}

/** `GROUP BY at 12:5`. */
export function describeOrigin(origin: UpdateOrigin | undefined): string {
  return origin === undefined ? 'an updating operator' : `${origin.operator}${at(origin.span)}`;
}

/** The mode of an operator combining inputs that do not update by themselves: the first updating input's mode. */
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

export function firstUpdating(modes: readonly ChangelogMode[]): ChangelogMode | undefined {
  return modes.find(isUpdating);
}
