/**
 * Diagnostics: every error a user can cause is reported as one of these, never as a bare exception.
 *
 * Codes are stable (`FTS` + 4 digits) and grouped by the stage that reports them:
 *   FTS1xxx  SQL text: lexer and parser
 *   FTS2xxx  types, tables and builders (definition time)
 *   FTS3xxx  connectors, formats, catalogs and settings (option validation)
 *   FTS40xx  analyzer: names          FTS41xx  INSERT compatibility
 *   FTS42xx  analyzer: changelog modes FTS43xx  time attributes      FTS44xx  expression types
 *   FTS6xxx  analyzer: layers and the table graph of a pipeline's jobs
 *   FTS7xxx  local runtime
 *   FTS8xxx  pipelines, environments and job specs
 *   FTS9xxx  CLI and configuration loading
 */
import type { Span } from '../ast/node.js';
// A cycle (arguments.ts builds FlinktsErrors): both sides only call each other at run time, never while loading.
import { argumentError } from './arguments.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable code, e.g. `FTS1203`. */
  readonly code: string;
  readonly severity: Severity;
  /** What is wrong, in words a user understands. */
  readonly message: string;
  /** What to do about it (a "did you mean …" where a name is close). */
  readonly hint?: string;
  /** A logical path, e.g. `jobs.dwd_orders.insert[2].columns.user_id`. */
  readonly path?: string;
  /** The file a SQL-text diagnostic belongs to. */
  readonly file?: string;
  /** The source range for diagnostics on SQL text. */
  readonly span?: Span;
}

/** Thrown by definition-time APIs (builders, typed options) when input is invalid; carries diagnostics. */
export class FlinktsError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    if (!Array.isArray(diagnostics)) throw argumentError('new FlinktsError()', 'diagnostics', 'a list of diagnostics ({ code, severity, message, … })', diagnostics);
    super(diagnostics.map((d, i) => formatChecked(d, 'new FlinktsError()', `diagnostics[${i}]`)).join('\n'));
    this.name = 'FlinktsError';
    this.diagnostics = diagnostics;
  }
}

/** `file:line:col - error FTS1203: message\n  hint: …` (tsc style). */
export function formatDiagnostic(d: Diagnostic): string {
  return formatChecked(d, 'formatDiagnostic()', 'diagnostic');
}

function formatChecked(d: Diagnostic, call: string, argument: string): string {
  if (d === null || typeof d !== 'object' || typeof d.code !== 'string' || typeof d.message !== 'string') throw argumentError(call, argument, 'a diagnostic ({ code, severity, message, … })', d);
  const where = [d.file, d.span ? `${d.span.start.line}:${d.span.start.column}` : undefined].filter(Boolean).join(':');
  const head = `${where ? `${where} - ` : ''}${d.severity} ${d.code}: ${d.message}${d.path ? ` (at ${d.path})` : ''}`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  if (!Array.isArray(diagnostics)) throw argumentError('hasErrors()', 'diagnostics', 'a list of diagnostics', diagnostics);
  diagnostics.forEach((d, i) => { if (d === null || typeof d !== 'object') throw argumentError('hasErrors()', `diagnostics[${i}]`, 'a diagnostic ({ code, severity, message, … })', d); });
  return diagnostics.some((d) => d.severity === 'error');
}

