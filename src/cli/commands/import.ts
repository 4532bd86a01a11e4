/**
 * `flinkts import <files.sql…> --out <folder>`: Flink SQL scripts → a flinkts repo (typed tables, connectors,
 * catalogs, views, jobs and a flinkts.config.ts pipeline). Certain fixes are applied and reported; a statement that
 * does not parse is reported and carried as a comment; a script in which nothing parses stops the import and nothing
 * is written; otherwise every file is written at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '@flinkts/core';
import { parseArgs, REPORTING_HELP } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { countDiagnostics, EXIT_CODES_HELP, EXIT_USAGE, summaryLine } from '../exit-code.js';

const HELP = `Usage: flinkts import <files.sql…> [--out <folder>] [--name <pipeline>] [--force] [--json]

Turn Flink SQL scripts into a flinkts repo: src/tables.ts (every catalog, table and view, declared once, with
typed connectors and formats; credentials as secrets), src/<script>.ts (the script's INSERTs and all its
statements in order) and flinkts.config.ts (one job per script; SET lines become typed settings).
Queries are written with the typed builder (joins, temporal and lookup joins, window TVFs, GROUP BY, window
calls, WITH, UNION ALL) where it prints them back exactly; the rest stays in the typed sqlQuery escape hatch,
with a note naming why. Certain fixes (quoting a reserved word, USE DATABASE x → USE x) are applied and reported. SQL comments become
TypeScript comments. A statement that still does not parse is reported at its position and carried, as written,
in a comment (literal credentials redacted); the rest is imported. A script in which no statement parses is
reported and nothing is written.

Options:
  --out <folder>    where to write (default: the current folder)
  --name <name>     the pipeline's name (default: imported)
  --force           overwrite files that exist
${REPORTING_HELP}
${EXIT_CODES_HELP}
`;

export const command: Command = {
  name: 'import',
  summary: COMMAND_SUMMARIES.import,
  help: HELP,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, { flags: ['force'], values: ['out', 'name'], reporting: true });
    const problem = args.problems[0] ?? (args.positionals.length === 0 ? 'no SQL files given' : undefined);
    if (problem !== undefined) {
      io.stderr(`flinkts import: ${problem}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const out = resolve(io.cwd, args.values.get('out') ?? '.');
    // Loaded here, with @flinkts/core (its codes), not when the command module is imported.
    const { outFolderProblem } = await import('../output-paths.js');
    const outProblem = outFolderProblem(out);
    const all: Diagnostic[] = outProblem === undefined ? [] : [outProblem];
    const inputs: { file: string; text: string }[] = [];
    const [{ formatDiagnostic }, { decodeSqlSource, textFields }] = await Promise.all([import('@flinkts/core'), import('@flinkts/core/internal')]);
    for (const file of args.positionals) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(resolve(io.cwd, file));
      } catch {
        io.stderr(`flinkts import: cannot read ${file}\n`);
        return EXIT_USAGE;
      }
      const decoded = decodeSqlSource(bytes, file);
      if (!decoded.ok) all.push(decoded.diagnostic);
      else inputs.push({ file, text: decoded.text });
    }
    let wrote: string[] = [];
    if (!all.some((d) => d.severity === 'error')) {
      const { IMPORT_TEXTS, importScripts } = await import('@flinkts/pipelines/internal');
      let result: Awaited<ReturnType<typeof importScripts>>;
      try {
        result = await importScripts(inputs, { ...(args.values.has('name') ? { name: args.values.get('name')! } : {}) });
      } catch (e) {
        // A bug in flinkts, not in the user's SQL: said so without a stack trace, and nothing is written.
        result = { ok: false, diagnostics: [{ ...textFields(IMPORT_TEXTS.notImported({ kind: 'crashed', error: e instanceof Error ? e.message : String(e) })), severity: 'error' }] };
      }
      all.push(...result.diagnostics);
      if (result.ok) {
        const existing = result.files.filter((f) => existsSync(resolve(out, f.path)));
        if (existing.length > 0 && !args.flags.has('force')) {
          io.stderr(`flinkts import: ${existing.map((f) => resolve(out, f.path)).join(', ')} exist${existing.length === 1 ? 's' : ''}; nothing was written (--force overwrites)\n`);
          return EXIT_USAGE;
        }
        const { writeAtomically } = await import('../write-atomic.js');
        wrote = writeAtomically(out, result.files);
      }
    }
    const counts = countDiagnostics(all);
    const { exitFor } = await import('../exit-class.js');
    const code = exitFor(all, args.policy);
    if (args.json) {
      io.stdout(`${JSON.stringify({ ok: code === 0, errors: counts.errors, warnings: counts.warnings, wrote, diagnostics: all }, null, 2)}\n`);
      return code;
    }
    for (const d of all) io.stdout(`${formatDiagnostic(d)}\n`);
    for (const f of wrote) io.stdout(`wrote ${f}\n`);
    io.stdout(`${summaryLine(counts, args.policy)}\n`);
    return code;
  },
};
