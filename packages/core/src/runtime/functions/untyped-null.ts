/**
 * Flink 1.20.1's validator rejects an untyped NULL literal as an argument of most built-in functions ("Illegal use
 * of 'NULL'"), while COALESCE, IFNULL, CASE and CAST take one. The rule is the typer's, in two parts that `check`
 * applies as well: every position the registry gives an operand family (typing/function-arguments.ts badArgument),
 * and the calls checked one by one on the real engine (typing/argument-rules.ts untypedNullProblem: CONCAT,
 * CONCAT_WS, IF, `||`, NULLIF's first argument; GREATEST / LEAST fail on the cast to the other arguments' type).
 * The runtime asks both, so a job the local runtime compiles without `check` fails as Flink's planner does.
 */
import type { Expression } from '../../ast/expression.js';
import type { Span } from '../../ast/node.js';
import { textError } from '../errors.js';
import type { Compiled } from '../compiled.js';
import { TYPE_TEXTS } from '../../typing/codes.js';
import { untypedNullProblem } from '../../typing/argument-rules.js';
import { badArgument } from '../../typing/function-arguments.js';
import type { DataType } from '../../types/data-type.js';

const NULL_TYPE: DataType = { kind: 'NULL', nullable: true };
const isNull = (e: Expression): boolean => e.kind === 'NullLiteral';

/** Throws Flink's validation error for an untyped NULL argument of `name`, where Flink raises one. */
export function checkUntypedNull(name: string, args: readonly Expression[], span: Span | undefined, typed?: (e: Expression) => Compiled): void {
  if (!args.some(isNull)) return;
  // the argument types matter only to GREATEST / LEAST's message (the type the NULL was cast to)
  const types = args.map((a): DataType => (isNull(a) || typed === undefined || (name !== 'GREATEST' && name !== 'LEAST') ? NULL_TYPE : typed(a).type));
  const problem = untypedNullProblem(name, args, types)
    ?? (badArgument(name, args.map((a) => (isNull(a) ? NULL_TYPE : undefined)))?.untypedNull === true ? { kind: 'untypedNull' as const } : undefined);
  if (problem === undefined) return;
  throw textError(TYPE_TEXTS.badArgument(problem.kind === 'untypedNull' ? { kind: 'untypedNull', fn: name } : problem), span);
}
