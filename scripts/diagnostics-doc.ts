/**
 * Generates docs/diagnostics.md from the code registry (packages/core/src/diagnostics/registry.ts), grouped by
 * stage. `npm run docs` rewrites the file; test/docs/diagnostics.test.ts fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_STAGES, stageOf } from '../packages/core/src/diagnostics/registry.js';

export const DIAGNOSTICS_DOC = fileURLToPath(new URL('../docs/diagnostics.md', import.meta.url));

export function renderDiagnosticsDoc(): string {
  const lines = [
    '# Diagnostic codes',
    '',
    '<!-- Generated from packages/core/src/diagnostics/registry.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'Every problem flinkts reports carries a stable code, a message, a hint and, where there is one, the file and',
    'line (`file:line:col - error FTS4102: …`). `flinkts check --json` and `flinkts build --json` give the same',
    'diagnostics as objects (`code`, `severity`, `message`, `hint`, `path`, `file`, `span`). Whether a code is an',
    'error or a warning is printed with it; warnings fail a run only with `--strict` or `--max-warnings`.',
    '',
  ];
  for (const { stage } of DIAGNOSTIC_STAGES) {
    const codes = DIAGNOSTIC_CODES.filter((c) => stageOf(c.code) === stage);
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
