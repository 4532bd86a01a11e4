/**
 * Every diagnostic code of every package, sorted — the one list of the code tables: @flinkts/core's registry (its
 * stages' tables), @flinkts/connectors', @flinkts/pipelines' (its stages' tables) and the CLI's. The CLI's exit codes
 * (exit-class.ts) and the code reference (scripts/diagnostics-doc.ts → docs/diagnostics.md) both read it, so a new
 * table is added in its package's list and nowhere else.
 */
import type { DiagnosticCodeInfo } from '@flinkts/core';
import { DIAGNOSTIC_CODES } from '@flinkts/core';
import { sortedCodes } from '@flinkts/core/internal';
import { CONNECTORS_CODE_TABLE } from '@flinkts/connectors';
import { PIPELINE_DIAGNOSTIC_CODES } from '@flinkts/pipelines';
import { CLI_CODE_TABLE } from './codes.js';

export const ALL_DIAGNOSTIC_CODES: readonly DiagnosticCodeInfo[] = sortedCodes([DIAGNOSTIC_CODES, CONNECTORS_CODE_TABLE.entries, PIPELINE_DIAGNOSTIC_CODES, CLI_CODE_TABLE.entries]);
