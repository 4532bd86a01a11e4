/**
 * User table functions a test supplies in JavaScript (`runJob(…, { functions })`): the row type they declare (which
 * the binder types `LATERAL TABLE(fn(…))` with) and the implementation over runtime values. The testing API converts
 * between the plain values a user's function sees and the runtime's values (testing/table-function.ts).
 */
import type { UserTableFunctionType } from '../functions/user-functions.js';
import type { DataType } from '../types/data-type.js';

export interface RuntimeTableFunction {
  readonly type: UserTableFunctionType;
  /** One call: the arguments as runtime values (of `types`); the rows it produces, one runtime value per declared column. */
  call(args: readonly unknown[], types: readonly DataType[]): Iterable<readonly unknown[]>;
}

/** By upper-cased name (Flink resolves function names case-insensitively). */
export type RuntimeTableFunctions = ReadonlyMap<string, RuntimeTableFunction>;
