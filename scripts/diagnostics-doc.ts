/**
 * Generates docs/diagnostics.md from the code tables — @flinkts/core's registry (packages/core/src/diagnostics/
 * registry.ts, which includes core's stage tables) and the tables of @flinkts/connectors and @flinkts/pipelines —
 * grouped by stage. `npm run docs` rewrites the file; test/docs/diagnostics.test.ts fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DiagnosticCodeInfo } from '../packages/core/src/diagnostics/code-table.js';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_STAGES, sortedCodes, stageOf } from '../packages/core/src/diagnostics/registry.js';
import { CODE_TABLE as CONNECTOR_CODES } from '../packages/connectors/src/options/codes.js';
import { CODE_TABLE as PIPELINE_CODES } from '../packages/pipelines/src/codes.js';
import { DEPLOY_CODE_TABLE } from '../packages/pipelines/src/deploy/codes.js';
import { IMPORT_CODE_TABLE } from '../packages/pipelines/src/import/codes.js';
import { INTROSPECT_CODE_TABLE } from '../packages/pipelines/src/introspect/codes.js';
import { LINEAGE_CODE_TABLE } from '../packages/pipelines/src/lineage-formats/codes.js';
import { CLI_CODE_TABLE } from '../src/cli/codes.js';

/** Every diagnostic code of every package, sorted. */
export const ALL_DIAGNOSTIC_CODES: readonly DiagnosticCodeInfo[] = sortedCodes([
  DIAGNOSTIC_CODES,
  CONNECTOR_CODES.entries,
  PIPELINE_CODES.entries,
  DEPLOY_CODE_TABLE.entries,
  IMPORT_CODE_TABLE.entries,
  INTROSPECT_CODE_TABLE.entries,
  LINEAGE_CODE_TABLE.entries,
  CLI_CODE_TABLE.entries,
]);

export const DIAGNOSTICS_DOC = fileURLToPath(new URL('../docs/diagnostics.md', import.meta.url));

export function renderDiagnosticsDoc(): string {
  const lines = [
    '# Diagnostic codes',
    '',
    '<!-- Generated from the code tables (packages/core/src/diagnostics/registry.ts and each package\'s codes.ts) by `npm run docs`; do not edit by hand. -->',
    '',
    'Every problem flinkts reports carries a stable code, a message, a hint and, where there is one, the file and',
    'line (`file:line:col - error FTS4102: …`). `flinkts check --json` and `flinkts build --json` give the same',
    'diagnostics as objects (`code`, `severity`, `message`, `hint`, `path`, `file`, `span`). Whether a code is an',
    'error or a warning is printed with it; warnings fail a run only with `--strict` or `--max-warnings`.',
    '',
    `\`flinkts print\` and the deploy commands exit 2 when an error's code is a usage or configuration error (${ALL_DIAGNOSTIC_CODES.filter((c) => c.exit === 'usage').map((c) => c.code).join(', ')}:`,
    'each code\'s exit class is declared in its table), and 1 for every other code.',
    '',
  ];
  for (const { stage } of DIAGNOSTIC_STAGES) {
    const codes = ALL_DIAGNOSTIC_CODES.filter((c) => stageOf(c.code) === stage);
    if (codes.length === 0) continue;
    lines.push(`## ${stage[0]!.toUpperCase()}${stage.slice(1)}`, '', '| code | meaning |', '|---|---|');
    for (const c of codes) lines.push(`| ${c.code} | ${c.title.replaceAll('|', '\\|')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DIAGNOSTICS_DOC, renderDiagnosticsDoc());
  console.log(`wrote ${DIAGNOSTICS_DOC}`);
}
