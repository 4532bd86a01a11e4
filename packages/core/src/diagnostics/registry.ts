/**
 * The diagnostic codes of @flinkts/core with what they mean: the code tables of its stages (sql, definitions, plan's
 * names / INSERT / time / changelog / binder, typing, analyzer layers, engine/flink, runtime, the connector facts core raises itself — each code declared
 * once, in its table: code-table.ts). @flinkts/connectors, @flinkts/pipelines and the CLI (src/cli/codes.ts) declare
 * theirs in their own tables; the code
 * reference users look codes up in (docs/diagnostics.md, `scripts/diagnostics-doc.ts`) is made from all of them. A
 * test checks both ways that every code the sources report is declared and that every declared code is reported.
 */
import { CHANGELOG_CODE_TABLE } from '../analyzer/changelog/codes.js';
import { TIME_CODE_TABLE } from '../analyzer/time/codes.js';
import { CONNECTOR_CODE_TABLE } from '../connector/codes.js';
import { FLINK_CODE_TABLE } from '../engine/flink/codes.js';
import { BIND_CODE_TABLE } from '../plan/codes.js';
import { MATCH_CODE_TABLE } from '../plan/match-recognize-codes.js';
import { RUNTIME_CODE_TABLE } from '../runtime/codes.js';
import { SQL_CODE_TABLE } from '../sql/codes.js';
import { DEFINITION_CODE_TABLE } from './definition-codes.js';
import { NAME_CODE_TABLE } from './name-codes.js';
import { INSERT_CODE_TABLE } from '../plan/insert-codes.js';
import { TYPE_CODE_TABLE } from '../typing/codes.js';
import { LAYER_CODE_TABLE } from '../analyzer/layer-codes.js';
import type { DiagnosticCodeInfo } from './code-table.js';

export type { DiagnosticCodeInfo } from './code-table.js';

/** The stage a code belongs to, by its number range (see diagnostic.ts). */
export const DIAGNOSTIC_STAGES: readonly { readonly prefix: string; readonly stage: string }[] = [
  { prefix: 'FTS1', stage: 'SQL text: lexer and parser' },
  { prefix: 'FTS2', stage: 'types, tables and builders (definition time)' },
  { prefix: 'FTS3', stage: 'connectors, formats, catalogs and settings' },
  { prefix: 'FTS40', stage: 'analyzer: names' },
  { prefix: 'FTS41', stage: 'analyzer: INSERT compatibility' },
  { prefix: 'FTS42', stage: 'analyzer: changelog modes' },
  { prefix: 'FTS43', stage: 'analyzer: time attributes' },
  { prefix: 'FTS44', stage: 'analyzer: expression types' },
  { prefix: 'FTS45', stage: 'binder: the bound plan' },
  { prefix: 'FTS6', stage: "analyzer: layers and the table graph of a pipeline's jobs" },
  { prefix: 'FTS7', stage: 'local runtime' },
  { prefix: 'FTS8', stage: 'pipelines, environments and job specs' },
  { prefix: 'FTS9', stage: 'CLI and configuration loading' },
];

export function stageOf(code: string): string {
  return [...DIAGNOSTIC_STAGES].sort((a, b) => b.prefix.length - a.prefix.length).find((s) => code.startsWith(s.prefix))?.stage ?? 'other';
}


/** Sorted by code. */
export function sortedCodes(lists: readonly (readonly DiagnosticCodeInfo[])[]): readonly DiagnosticCodeInfo[] {
  return Object.freeze(lists.flat().sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
}

/** Every code of @flinkts/core, sorted. */
export const DIAGNOSTIC_CODES: readonly DiagnosticCodeInfo[] = sortedCodes([SQL_CODE_TABLE.entries, DEFINITION_CODE_TABLE.entries, CONNECTOR_CODE_TABLE.entries, NAME_CODE_TABLE.entries, INSERT_CODE_TABLE.entries, TYPE_CODE_TABLE.entries, LAYER_CODE_TABLE.entries, TIME_CODE_TABLE.entries, CHANGELOG_CODE_TABLE.entries, FLINK_CODE_TABLE.entries, BIND_CODE_TABLE.entries, MATCH_CODE_TABLE.entries, RUNTIME_CODE_TABLE.entries]);
