/**
 * Generates docs/diagnostics.md from the code tables — the one list of every package's tables, src/cli/code-tables.ts
 * (which the CLI's exit codes read too) — grouped by stage. `npm run docs` rewrites the file; test/docs/diagnostics.test.ts fails when it is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIAGNOSTIC_STAGES, stageOf } from '../packages/core/src/diagnostics/registry.js';
import { ALL_DIAGNOSTIC_CODES } from '../src/cli/code-tables.js';

/** Every diagnostic code of every package, sorted (the one list of the code tables: src/cli/code-tables.ts). */
export { ALL_DIAGNOSTIC_CODES };

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
    `Every command exits 2 when an error's code is a usage or configuration error (${ALL_DIAGNOSTIC_CODES.filter((c) => c.exit === 'usage').map((c) => c.code).join(', ')}:`,
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
