/**
 * What flinkts knows of a user-defined function beyond its CREATE FUNCTION statement (which names only a class): its
 * result type, declared where the function is given (a test's JS implementation, `runJob(…, { functions })`, or
 * `check`'s options). The binder types `LATERAL TABLE(fn(…))` with a table function's declared row.
 */
import type { DataType } from '../types/data-type.js';

export interface UserTableFunctionType {
  readonly kind: 'table';
  /** The row each call produces, in order. */
  readonly columns: readonly { readonly name: string; readonly type: DataType }[];
}

export type UserFunctionType = UserTableFunctionType;

/** Declared user functions by upper-cased name (Flink resolves function names case-insensitively). */
export type UserFunctionTypes = ReadonlyMap<string, UserFunctionType>;
