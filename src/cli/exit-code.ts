/**
 * The one exit-code rule of every `flinkts` command:
 *   0  success (warnings allowed, unless --strict or --max-warnings says otherwise)
 *   1  problems found in the input (errors, or more warnings than allowed) — the pipeline config is input: one that
 *      does not compile or throws while loading (FTS9001) is reported at its file and line, as a builder's refusal is
 *   2  usage or configuration error (bad flags, no such file / pipeline / environment: FTS9002, FTS8010, …)
 * A command that reports diagnostics exits from their codes' exit classes: exitFor in exit-class.ts.
 */
import type { Diagnostic } from '@flinkts/core';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export const EXIT_CODES_HELP = 'Exit codes: 0 ok, 1 problems found in the input, 2 usage or configuration error.';

/** How many warnings a run may have and still succeed (`--strict` = `--max-warnings 0`). */
export interface WarningPolicy {
  readonly maxWarnings?: number;
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): Counts {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  return { errors, warnings };
}

/** Whether the warnings break the policy (reported as problems: exit 1). */
export function tooManyWarnings(counts: Counts, policy: WarningPolicy): boolean {
  return policy.maxWarnings !== undefined && counts.warnings > policy.maxWarnings;
}

/** `2 errors, 1 warning` (+ the policy's verdict on the warnings). */
export function summaryLine(counts: Counts, policy: WarningPolicy): string {
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  const base = `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`;
  return tooManyWarnings(counts, policy) ? `${base} (more than --max-warnings ${policy.maxWarnings})` : base;
}
