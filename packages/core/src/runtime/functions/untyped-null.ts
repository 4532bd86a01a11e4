/**
 * Flink 1.20.1's validator rejects an untyped NULL literal as an argument of most built-in functions ("Illegal use
 * of 'NULL'"), while COALESCE, IFNULL, NULLIF, CASE and CAST take one: in every position the registry gives an
 * operand family, and for the functions below (each checked on the real engine); GREATEST / LEAST fail on the cast to the other arguments' type instead. The binder's typer reports
 * the same (typing/argument-rules.ts), so `check` gives this code too.
 */
import type { Expression } from '../../ast/expression.js';
import type { Span } from '../../ast/node.js';
import { textError } from '../errors.js';
import type { Compiled } from '../compiled.js';
import { typeToString } from '../types.js';
import { TYPE_TEXTS } from '../../typing/codes.js';
import { badArgument } from '../../typing/function-arguments.js';
import type { DataType } from '../../types/data-type.js';

const ILLEGAL_NULL = new Set(['CONCAT', 'CONCAT_WS', 'IF', '||']);
const CAST_TO_COMMON = new Set(['GREATEST', 'LEAST']);

const isNull = (e: Expression): boolean => e.kind === 'NullLiteral';

/** Throws Flink's validation error for an untyped NULL argument of `name`, where Flink raises one. */
export function checkUntypedNull(name: string, args: readonly Expression[], span: Span | undefined, typed?: (e: Expression) => Compiled): void {
  if (!args.some(isNull)) return;
  // every position with an operand family in the registry (the typer's rule: typing/function-arguments.ts)
  const nulls = args.map((a): DataType | undefined => (isNull(a) ? { kind: 'NULL', nullable: true } : undefined));
  if (ILLEGAL_NULL.has(name) || badArgument(name, nulls)?.untypedNull === true) throw textError(TYPE_TEXTS.badArgument({ kind: 'untypedNull', fn: name }), span);
  if (CAST_TO_COMMON.has(name) && typed) {
    const other = args.find((a) => !isNull(a));
    if (other === undefined) throw textError(TYPE_TEXTS.badArgument({ kind: 'nullCast' }), span);
    throw textError(TYPE_TEXTS.badArgument({ kind: 'nullCast', to: typeToString({ ...typed(other).type, nullable: true }) }), span);
  }
}
