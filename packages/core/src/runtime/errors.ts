/**
 * Runtime diagnostics: the codes and their texts are declared in codes.ts (RUNTIME_CODE_TABLE); every one is raised
 * from its template (textError). An INSERT that does not fit its sink is raised with the binder's codes (FTS4101 /
 * 4102 / 4106 / 4108): one code per fact.
 */
import type { Span } from '../ast/node.js';
import type { CodeText } from '../diagnostics/code-table.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { FlinktsError } from '../diagnostics/diagnostic.js';
import { argumentError, checkString } from '../diagnostics/arguments.js';
import type { BadInput } from './bad-input.js';
import { RUNTIME_CODES, RUNTIME_TEXTS } from './codes.js';

export function unsupported(what: string, span?: Span): FlinktsError {
  return textError(RUNTIME_TEXTS.notSupported({ what }), span);
}

/** A diagnostic from its code's template (this table's or the binder's / check's): one code, one wording. */
export function textError(text: CodeText, span?: Span): FlinktsError {
  const d: Diagnostic = { code: text.code, severity: 'error', message: text.message, ...(span ? { span } : {}), ...(text.hint ? { hint: text.hint } : {}) };
  return new FlinktsError([d]);
}

/**
 * A fact the bound plan guarantees (the binder rejects the input with its own code first, as `flinkts check` does):
 * reaching it is a flinkts bug, not a user mistake, so it is a plain Error rather than a diagnostic.
 */
export function notReached(what: string): Error {
  return new Error(`flinkts bug: ${what} reached the local runtime; the binder should have rejected it (please report it)`);
}

export function unknownName(payload: Parameters<typeof RUNTIME_TEXTS.unknownName>[0]): FlinktsError {
  return textError(RUNTIME_TEXTS.unknownName(payload));
}

/** Test input the declared tables or the test API cannot take (FTS7005): the payload's `kind` names the situation. */
export function badInput(payload: BadInput): FlinktsError {
  return textError(RUNTIME_TEXTS.badInput(payload));
}

/** A failure while evaluating a row: carries the Java exception class Flink would raise. */
export class EvaluationError extends Error {
  readonly code = RUNTIME_CODES.evaluationFailed;
  /** Set when the row was part of a batch of inserts: the index of the source row in the batch the source received. */
  sourceRow: number | undefined;
  constructor(
    readonly javaClass: string,
    message: string,
    /** An exception Flink's TRY_CAST does not catch (it fails the row even there), e.g. java.time's DateTimeException. */
    readonly escapesTryCast = false,
  ) {
    // thrown to users by evaluateExpression (they test it with instanceof): a constructor they can call from JavaScript
    checkString('new EvaluationError()', 'javaClass', javaClass);
    checkString('new EvaluationError()', 'message', message);
    if (typeof escapesTryCast !== 'boolean') throw argumentError('new EvaluationError()', 'escapesTryCast', 'a boolean (or nothing)', escapesTryCast);
    super(`${javaClass}: ${message}`);
    this.name = 'EvaluationError';
  }
}

export const evalError = (javaClass: string, message: string): EvaluationError => new EvaluationError(javaClass, message);
