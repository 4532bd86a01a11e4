/**
 * Changelog modes of query operators, as Flink's planner infers them: an operator emits only inserts, an upsert
 * stream (+I/+U/-D keyed by an upsert key), or a retract stream (-U/+U/-D). Streams also carry their columns with
 * their time attributes, so the time-attribute checks and the sink checks read the same inference.
 */
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
}

/** What an operator emits: its changelog mode and (when they can be known) its columns. */
export interface Stream {
  readonly mode: ChangelogMode;
  readonly columns?: readonly StreamColumn[];
  /** Set for the output of a window TVF: the time attribute kind of its DESCRIPTOR column. */
  readonly windowed?: TimeAttributeKind;
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
export function firstUpdating(modes: readonly ChangelogMode[]): ChangelogMode | undefined {
  return modes.find(isUpdating);
}
