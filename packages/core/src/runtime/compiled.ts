/** The shapes shared by the expression compiler and the function families. */
import type { DataType } from '../types/data-type.js';
import type { Timestamp } from './values/temporal.js';

import type { ProcessingClock } from './processing-time.js';

/** A row as the runtime holds it: one value per column, in the relation's column order. */
export type Row = readonly unknown[];
export type Evaluator = (row: Row) => unknown;

/** A compiled expression: its Flink type and a closure that evaluates it on a row. */
export interface Compiled {
  readonly type: DataType;
  readonly eval: Evaluator;
  /** The value when the expression does not depend on the row (literals and pure functions of literals). */
  readonly constant?: { readonly value: unknown };
  /** Set when the expression is just the input column at this position. */
  readonly column?: number;
}

/** Session settings and clocks an evaluation depends on. */
export interface Session {
  /** `table.local-time-zone` (default `UTC` in the local runtime; Flink defaults to the JVM zone). */
  readonly zone: string;
  /** The current instant for CURRENT_TIMESTAMP / NOW() / PROCTIME(). */
  readonly now: () => Timestamp;
  /** The other session options (`SET 'k' = 'v'`). */
  readonly options: ReadonlyMap<string, string>;
  /** The processing-time clock `now` reads (processing-time windows fire by it; see processing-time.ts). */
  readonly processingTime?: ProcessingClock;
  /** The current database as the script's USE statements have set it so far (CURRENT_DATABASE); default_database when absent. */
  readonly database?: () => string;
}

export function constant(type: DataType, value: unknown): Compiled {
  return { type, eval: () => value, constant: { value } };
}

/**
 * The evaluator of an output column: a bare input column is copied as the row holds it (a BIGINT stays the
 * number it may be, values/bigint.ts, where an expression reading it would see a bigint).
 */
export function copying(c: Compiled): Evaluator {
  const at = c.column;
  return at === undefined ? c.eval : (r) => r[at] ?? null;
}
