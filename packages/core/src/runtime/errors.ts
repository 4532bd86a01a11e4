/**
 * Runtime diagnostics (codes FTS7xxx).
 *
 *   FTS7001  not supported by the local runtime (raised instead of a possibly different answer)
 *   FTS7002  the query is invalid (Flink would reject it when planning: wrong argument types, impossible casts)
 *   FTS7003  evaluation failed on a row (Flink would fail the job: division by zero, bad number text, …)
 *   FTS7004  unknown column / table / function in a runtime query
 *   FTS7005  bad test input (a fixture row that does not match the source's row type)
 *   FTS7006  a NOT NULL sink column received NULL (the sink's NOT NULL enforcer)
 *   FTS7007  (warning) a setting the local runtime does not simulate, e.g. state TTL
 *
 * An INSERT that does not fit its sink is raised with the binder's codes (FTS4101 / 4102 / 4106 / 4108): one code per fact.
 */
import type { Span } from '../ast/node.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { FlinktsError } from '../diagnostics/diagnostic.js';

function error(code: string, message: string, span?: Span, hint?: string): FlinktsError {
  const d: Diagnostic = { code, severity: 'error', message, ...(span ? { span } : {}), ...(hint ? { hint } : {}) };
  return new FlinktsError([d]);
}

export function unsupported(what: string, span?: Span): FlinktsError {
  return error('FTS7001', `not supported by the local runtime: ${what}`, span, 'run this part on a Flink cluster, or rewrite it with supported constructs');
}

export function invalid(message: string, span?: Span, hint?: string): FlinktsError {
  return error('FTS7002', message, span, hint);
}

/** What the binder also rejects (an INSERT that does not fit its sink): raised with the binder's code, one code per fact. */
export function rejected(code: string, message: string, span?: Span, hint?: string): FlinktsError {
  return error(code, message, span, hint);
}

export function unknownName(message: string, span?: Span, hint?: string): FlinktsError {
  return error('FTS7004', message, span, hint);
}

export function badInput(message: string, hint?: string): FlinktsError {
  return error('FTS7005', message, undefined, hint);
}

/** A failure while evaluating a row: carries the Java exception class Flink would raise. */
export class EvaluationError extends Error {
  readonly code = 'FTS7003';
  /** Set when the row was part of a batch of inserts: the index of the source row in the batch the source received. */
  sourceRow: number | undefined;
  constructor(
    readonly javaClass: string,
    message: string,
    /** An exception Flink's TRY_CAST does not catch (it fails the row even there), e.g. java.time's DateTimeException. */
    readonly escapesTryCast = false,
  ) {
    super(`${javaClass}: ${message}`);
    this.name = 'EvaluationError';
  }
}

export const evalError = (javaClass: string, message: string): EvaluationError => new EvaluationError(javaClass, message);
