/**
 * `flinkts check <files|pipelines…>`: parse and analyze Flink SQL scripts with the catalog each script declares,
 * using the connectors' option catalogs and capabilities; a folder with `flinkts.config.ts` (or a config module)
 * is checked as a pipeline in every environment. Exit 1 when there are errors.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkSql, FlinktsError, formatDiagnostic } from '@flinkts/core';
import type { Diagnostic } from '@flinkts/core';
import { connectorValidators } from '@flinkts/connectors';
import { checkPipelineArgument, isPipelineArgument } from '../check-pipelines.js';
import { parseArgs } from '../args.js';
import { planOnFlink } from '../flink-verify.js';
import type { CliIO, Command } from '../command.js';

const HELP = `Usage: flinkts check [--json] [--env <name>] [--planner flink] <files|pipelines…>

Parse and check Flink SQL scripts before they are deployed: syntax and reserved words, unknown tables and
columns, INSERT column counts and types (Flink's implicit casts), positional INSERTs that pair differently named
columns, connector / catalog / SET options against the real option catalogs, changelog modes (an append-only
sink fed the updates of a GROUP BY, an outer join, a TopN, …; upsert sinks without PRIMARY KEY; a PRIMARY KEY
that differs from the query's upsert key) and time attributes (window TVFs, interval joins, temporal and lookup
joins need a rowtime or PROCTIME() column that no CAST or GROUP BY has turned into a plain timestamp).
Use - to read standard input. A folder (with flinkts.config.ts) or a .ts config module is checked as a
pipeline: every job and the table graph across jobs (layers, cycles, several writers) in every environment
(or --env), and what each target platform would refuse.

Options:
  --json        print the diagnostics as JSON
  --env <name>  check pipelines in one environment
  --planner flink  also plan everything with real Flink 1.20.1's planner (what flinkts verify does)
Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error.
`;

/** `--planner flink`: the real planner's verdicts next to the analyzer's (exit code 2 when it cannot run). */
async function addFlinkPlanner(io: CliIO, files: readonly string[], env: string | undefined, all: Diagnostic[]): Promise<number | undefined> {
  try {
    const r = await planOnFlink(io.cwd, files, env, io.readStdin, (l) => io.stderr(`${l}\n`));
    if (r.usage !== undefined) {
      io.stderr(`flinkts check: ${r.usage}\n`);
      return 2;
    }
    all.push(...r.diagnostics);
    return undefined;
  } catch (e) {
    if (!(e instanceof FlinktsError)) throw e;
    for (const d of e.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    return 2;
  }
}

export const command: Command = {
  name: 'check',
  summary: 'check Flink SQL scripts (syntax, names, INSERT types, connector options, changelog modes, time attributes) before deploying',
  help: HELP,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const parsed = parseArgs(args, { flags: ['json'], values: ['env', 'planner'] });
    const json = parsed.flags.has('json');
    const files = parsed.positionals;
    const planner = parsed.values.get('planner');
    if (parsed.problems.length > 0 || files.length === 0 || (planner !== undefined && planner !== 'flink')) {
      io.stderr(`flinkts check: ${parsed.problems[0] ?? (files.length === 0 ? 'no files given' : `unknown planner '${planner}' (the one there is: flink)`)}\n\n${HELP}`);
      return 2;
    }
    const all: Diagnostic[] = [];
    for (const file of files) {
      if (isPipelineArgument(io.cwd, file)) {
        const r = await checkPipelineArgument(io.cwd, file, parsed.values.get('env'));
        if (r.usage !== undefined) {
          io.stderr(`flinkts check: ${r.usage}\n`);
          return 2;
        }
        if (r.diagnostics.some((d) => d.code === 'FTS8010')) {
          for (const d of r.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
          return 2;
        }
        all.push(...r.diagnostics);
        continue;
      }
      let text: string;
      try {
        text = file === '-' ? await io.readStdin() : readFileSync(resolve(io.cwd, file), 'utf8');
      } catch {
        io.stderr(`flinkts check: cannot read ${file}\n`);
        return 2;
      }
      all.push(...checkSql(text, { file: file === '-' ? '<stdin>' : file, validators: connectorValidators }));
    }
    if (planner === 'flink') {
      const usage = await addFlinkPlanner(io, files, parsed.values.get('env'), all);
      if (usage !== undefined) return usage;
    }
    const errors = all.filter((d) => d.severity === 'error').length;
    if (json) io.stdout(`${JSON.stringify({ errors, warnings: all.length - errors, diagnostics: all }, null, 2)}\n`);
    else {
      for (const d of all) io.stdout(`${formatDiagnostic(d)}\n`);
      io.stdout(`${errors} error${errors === 1 ? '' : 's'}, ${all.length - errors} warning${all.length - errors === 1 ? '' : 's'}\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};
