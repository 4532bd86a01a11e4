/** Changelog rows: Flink's RowKind (+I, -U, +U, -D) with the row's values. */
export type RowKind = '+I' | '-U' | '+U' | '-D';

export interface Change {
  readonly kind: RowKind;
  readonly row: readonly unknown[];
}

export const isAccumulate = (k: RowKind): boolean => k === '+I' || k === '+U';
export const isRetract = (k: RowKind): boolean => k === '-U' || k === '-D';

/** How a stream changes: only inserts, or updates/deletes as well. */
export type ChangelogMode = 'insert-only' | 'updating';
