/**
 * The exit code of every command that reports diagnostics, from the code tables (each code's exit class, declared
 * with the code): 2 when an error is a usage or configuration error (an unknown environment, a missing credential),
 * 1 when there are other errors (or more warnings than --max-warnings allows), else 0. Every package's codes are
 * looked up here (code-tables.ts), so no command matches code literals or code names to choose its exit code.
 */
import type { Diagnostic, ExitClass } from '@flinkts/core';
import { ALL_DIAGNOSTIC_CODES } from './code-tables.js';
import { countDiagnostics, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, tooManyWarnings } from './exit-code.js';
import type { WarningPolicy } from './exit-code.js';

let byCode: Map<string, ExitClass> | undefined;

/** A code's exit class (`problem` for a code no table declares). */
export function exitClassOf(code: string): ExitClass {
  byCode ??= new Map(ALL_DIAGNOSTIC_CODES.map((c) => [c.code, c.exit]));
  return byCode.get(code) ?? 'problem';
}

/**
 * The one exit rule over what a command reports: 2 when an error's code is of the `usage` class, 1 for any other
 * error or for more warnings than `policy` allows, else 0.
 */
export function exitFor(diagnostics: readonly Diagnostic[], policy: WarningPolicy = {}): number {
  if (diagnostics.some((d) => d.severity === 'error' && exitClassOf(d.code) === 'usage')) return EXIT_USAGE;
  const counts = countDiagnostics(diagnostics);
  return counts.errors > 0 || tooManyWarnings(counts, policy) ? EXIT_PROBLEMS : EXIT_OK;
}

/** For a command that failed with `diagnostics`: 2 when an error among them is a usage or configuration error, else 1. */
export function exitForErrors(diagnostics: readonly Diagnostic[]): number {
  return Math.max(exitFor(diagnostics), EXIT_PROBLEMS);
}
