/**
 * The registry of built-in scalar functions the runtime implements, filled by the family modules
 * (`string.ts`, `json.ts`, `math.ts`, `datetime.ts`, `hash.ts`, `misc.ts`). A function that is not registered
 * raises FTS7001 "not supported by the local runtime" — never a guess.
 */
import type { Expression, FunctionCall } from '../../ast/expression.js';
import type { DataType } from '../../types/data-type.js';
import type { Compiled, Session } from '../compiled.js';

/** What a function implementation can ask of the expression compiler. */
export interface CompilerApi {
  readonly session: Session;
  compile(e: Expression): Compiled;
  /** Convert a compiled expression to `type` with the implicit-cast rules (validation error if impossible). */
  coerce(c: Compiled, type: DataType, span?: Expression['span']): Compiled;
}

export type FunctionImpl = (args: readonly Expression[], call: FunctionCall, api: CompilerApi) => Compiled;

export const FUNCTIONS = new Map<string, FunctionImpl>();

export function register(names: string | readonly string[], impl: FunctionImpl): void {
  for (const n of typeof names === 'string' ? [names] : names) FUNCTIONS.set(n, impl);
}
