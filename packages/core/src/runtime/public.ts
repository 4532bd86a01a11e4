/**
 * The runtime's public functions (`@flinkts/core/runtime`) with their arguments checked at entry (FTS2305 naming
 * the call and the argument). The runtime's own modules call the unchecked functions: formatChange runs per row.
 */
import { z } from 'zod';
import { EXPRESSION_KINDS, type Expression } from '../ast/expression.js';
import { argumentError, checkArgument, checkList, checkNode } from '../diagnostics/arguments.js';
import type { DataType } from '../types/data-type.js';
import type { Change } from './changelog.js';
import type { Session } from './compiled.js';
import { evaluateExpression as evaluateUnchecked, type EvaluationResult } from './evaluate.js';
import { formatChange as formatUnchecked } from './job.js';
import { createSession as createUnchecked, type SessionOptions } from './session.js';

const SESSION_OPTIONS = z.strictObject({ config: z.record(z.string(), z.string()).optional(), now: z.function().optional() });
const TYPED_COLUMNS = z.array(z.object({ type: z.object({ kind: z.string() }).loose() }).loose());
const INPUT = z.object({ columns: z.array(z.object({ name: z.string(), type: z.object({ kind: z.string() }).loose() }).loose()), row: z.array(z.unknown()) });
const ROW_KINDS: ReadonlySet<unknown> = new Set(['+I', '-U', '+U', '-D']);

/** A session for `evaluateExpression` / `LocalJob`: `{ config?, now? }`. */
export function createSession(opts: SessionOptions = {}): Session {
  checkArgument('createSession()', 'options', SESSION_OPTIONS, opts);
  return createUnchecked(opts);
}

/** Evaluates a typed expression over one row of named, typed columns. */
export function evaluateExpression(
  expr: Expression,
  input: { readonly columns: readonly { readonly name: string; readonly type: DataType }[]; readonly row: readonly unknown[] },
  session: Session,
): EvaluationResult {
  checkNode('evaluateExpression()', 'expr', expr, 'an expression node (expr.node, parseExpression(…).expression)', EXPRESSION_KINDS);
  checkArgument('evaluateExpression()', 'input', INPUT, input);
  if (input.columns.length !== input.row.length) throw argumentError('evaluateExpression()', 'input.row', `a row of ${input.columns.length} values (one per column)`, input.row);
  if (session === null || typeof session !== 'object') throw argumentError('evaluateExpression()', 'session', 'a session made by createSession(…)', session);
  return evaluateUnchecked(expr, input, session);
}

/** `+I[1, a]`: a change as Flink prints it, with the columns' types. */
export function formatChange(c: Change, columns: readonly { readonly type: DataType }[]): string {
  if (c === null || typeof c !== 'object' || !ROW_KINDS.has(c.kind) || !Array.isArray(c.row)) throw argumentError('formatChange()', 'change', "a change { kind: '+I' | '-U' | '+U' | '-D', row: […] }", c);
  checkArgument('formatChange()', 'columns', TYPED_COLUMNS, checkList('formatChange()', 'columns', columns, 'a list of columns { type }'));
  if (columns.length !== c.row.length) throw argumentError('formatChange()', 'columns', `a list of ${c.row.length} columns (one per value of the row)`, columns);
  return formatUnchecked(c, columns);
}
