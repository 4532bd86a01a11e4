/**
 * The exit code of a command that failed with diagnostics, from the code tables (each code's exit class, declared
 * with the code): 2 when one of them is a usage or configuration error (an unknown environment, a missing
 * credential), else 1. Every package's codes are looked up here, so no command matches code literals.
 */
import type { Diagnostic, DiagnosticCodeInfo, ExitClass } from '@flinkts/core';
import { DIAGNOSTIC_CODES } from '@flinkts/core';
import { CONNECTORS_CODE_TABLE } from '@flinkts/connectors';
import { PIPELINE_DIAGNOSTIC_CODES } from '@flinkts/pipelines';
import { CLI_CODE_TABLE } from './codes.js';
import { EXIT_PROBLEMS, EXIT_USAGE } from './exit-code.js';

/** Every code of every package, with its exit class. */
export const ALL_CODES: readonly DiagnosticCodeInfo[] = [...DIAGNOSTIC_CODES, ...CONNECTORS_CODE_TABLE.entries, ...PIPELINE_DIAGNOSTIC_CODES, ...CLI_CODE_TABLE.entries];

let byCode: Map<string, ExitClass> | undefined;

/** A code's exit class (`problem` for a code no table declares). */
export function exitClassOf(code: string): ExitClass {
  byCode ??= new Map(ALL_CODES.map((c) => [c.code, c.exit]));
  return byCode.get(code) ?? 'problem';
}

/** 2 when an error among `diagnostics` is a usage or configuration error, else 1. */
export function exitForErrors(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.some((d) => d.severity === 'error' && exitClassOf(d.code) === 'usage') ? EXIT_USAGE : EXIT_PROBLEMS;
}
