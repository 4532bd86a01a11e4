/**
 * The local runtime's implementations of built-in scalar functions, keyed by the canonical names of the one
 * function registry (`functions/registry.ts`) and filled by the family modules (`string.ts`, `json.ts`,
 * `math.ts`, `datetime.ts`, `hash.ts`, …). A registered built-in without an implementation raises FTS7001 "not
 * supported by the local runtime" — never a guess; a name the registry does not know is not a Flink function.
 */
import type { Expression, FunctionCall } from '../../ast/expression.js';
import type { DataType } from '../../types/data-type.js';
import type { Compiled, Session } from '../compiled.js';
import { builtinFunction } from '../../functions/registry.js';

/** What a function implementation can ask of the expression compiler. */
export interface CompilerApi {
  readonly session: Session;
  compile(e: Expression): Compiled;
  /** Convert a compiled expression to `type` with the implicit-cast rules (validation error if impossible). */
  coerce(c: Compiled, type: DataType, span?: Expression['span']): Compiled;
  /** The bound plan's type of `e` (with no plan, the one typer's); undefined where neither tells. */
  planType(e: Expression): DataType | undefined;
}

export type FunctionImpl = (args: readonly Expression[], call: FunctionCall, api: CompilerApi) => Compiled;

export const FUNCTIONS = new Map<string, FunctionImpl>();

export function register(names: string | readonly string[], impl: FunctionImpl): void {
  for (const n of typeof names === 'string' ? [names] : names) {
    // aliases resolve to their function before the lookup, so an implementation is keyed by the canonical name only
    if (builtinFunction(n)?.name !== n) throw new Error(`runtime function '${n}' is not a canonical name of the function registry`);
    FUNCTIONS.set(n, impl);
  }
}
