/**
 * `flinkts fmt <files…>`: rewrite Flink SQL files in the canonical layout. Formatting is parse → print, and the
 * output is re-parsed and compared with the input's tree (and its comments) before anything is written, so it
 * never changes meaning or drops a comment.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '@flinkts/core';
import { formatDiagnostic } from '@flinkts/core';
import { decodeSqlSource, textFields } from '@flinkts/core/internal';
import { parseArgs } from '../args.js';
import type { FormatResult } from '../format-comments.js';
import { formatText, refused } from '../format-comments.js';
import type { CliIO, Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { EXIT_CODES_HELP, EXIT_USAGE } from '../exit-code.js';
import { CLI_TEXTS } from '../codes.js';

const HELP = `Usage: flinkts fmt [--check] [--json] <files…>

Rewrite Flink SQL files in flinkts' canonical layout (identifiers back-quoted, one clause per line,
WITH options one per line). Comments are kept. Use - to read standard input and write standard output.

Options:
  --check   do not write; list the files that would change and exit 1 if any would
  --json    with --check: print { ok, changed: [files], failed: [{ file, errors }] } as JSON
${EXIT_CODES_HELP}
`;

export type { FormatResult } from '../format-comments.js';

/**
 * Format one script; refuses (with the reason) when it does not parse or would not survive the round trip: each
 * printed statement must parse to the same tree, and every comment must be there, in order, beside the same token
 * (format-comments.ts, one statement at a time).
 */
export function formatSql(text: string, file: string): FormatResult {
  return formatText(text, file);
}

export const command: Command = {
  name: 'fmt',
  summary: COMMAND_SUMMARIES.fmt,
  help: HELP,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const parsed = parseArgs(args, { flags: ['check', 'json'], values: [] });
    const check = parsed.flags.has('check');
    const json = parsed.flags.has('json');
    const files = parsed.positionals;
    const problem = parsed.problems[0] ?? (files.length === 0 ? 'no files given' : json && !check ? '--json reports a --check run: add --check' : undefined);
    if (problem !== undefined) {
      io.stderr(`flinkts fmt: ${problem}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const changed: string[] = [];
    const failed: { file: string; errors: string }[] = [];
    const reported: Diagnostic[] = [];
    let status = 0;
    for (const file of files) {
      const fromStdin = file === '-';
      let text: string;
      try {
        // Bytes, not a lossy UTF-8 decode: a file (or stdin) that is not UTF-8 is refused and never rewritten.
        const decoded = fromStdin ? decodeSqlSource(await io.readStdin(), '<stdin>') : decodeSqlSource(readFileSync(resolve(io.cwd, file)), file);
        if (!decoded.ok) {
          failed.push({ file, errors: formatDiagnostic(decoded.diagnostic) });
          reported.push(decoded.diagnostic);
          if (!json) io.stderr(`${formatDiagnostic(decoded.diagnostic)}\n`);
          continue;
        }
        text = decoded.text;
      } catch {
        io.stderr(`flinkts fmt: cannot read ${file}\n`);
        status = EXIT_USAGE;
        continue;
      }
      let result: FormatResult;
      try {
        result = formatSql(text, fromStdin ? '<stdin>' : file);
      } catch (e) {
        // A bug in flinkts, not in the user's SQL: say so without a stack trace, and leave the file alone.
        result = refused([{ ...textFields(CLI_TEXTS.fmtFailed({ error: e instanceof Error ? e.message : String(e) })), severity: 'error', file }]);
      }
      if (!result.ok) {
        failed.push({ file, errors: result.errors });
        reported.push(...result.diagnostics);
        if (!json) io.stderr(`${result.errors}\n`);
        continue;
      }
      if (fromStdin) {
        if (check) {
          if (result.text !== text) {
            changed.push('<stdin>');
            if (!json) io.stdout('<stdin>\n');
            status = Math.max(status, 1);
          }
        } else io.stdout(result.text);
        continue;
      }
      if (result.text === text) continue;
      if (check) {
        changed.push(file);
        if (!json) io.stdout(`${file}\n`);
        status = Math.max(status, 1);
      } else {
        writeFileSync(resolve(io.cwd, file), result.text);
        io.stderr(`formatted ${file}\n`);
      }
    }
    // Files that would change (--check) exit 1; a refused file exits by its codes' exit classes (exit-class.ts).
    if (reported.length > 0) {
      // loaded only here: the exit classes are in every package's tables, which formatting does not need
      const { exitForErrors } = await import('../exit-class.js');
      status = Math.max(status, exitForErrors(reported));
    }
    if (json) io.stdout(`${JSON.stringify({ ok: status === 0, changed, failed }, null, 2)}\n`);
    return status;
  },
};
