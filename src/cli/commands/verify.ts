/**
 * `flinkts verify <files|pipelines…>`: plan every statement of a script — or every job of a pipeline in every
 * environment — with real Flink 1.20.1's planner and the real connector factories, through the engine bridge.
 */
import { formatDiagnostic, FlinktsError } from '@flinkts/core';
import { parseArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { planOnFlink } from '../flink-verify.js';

const HELP = `Usage: flinkts verify [--json] [--env <name>] <files|pipelines…>

Plan Flink SQL with the real planner: Flink 1.20.1 with the connector factories the jobs run with (Kafka,
upsert-kafka, JDBC, Paimon, StarRocks, MySQL CDC) parses every statement, executes the DDL in an in-memory
catalog, validates every INSERT against its sink and plans the job (EXPLAIN) — without running anything or
connecting to any external system. \${NAME} placeholders are filled with dummy values of the same length and
external catalogs (Hive, Paimon, JDBC) become in-memory ones, so tables a job expects to find in them are
reported missing. The planner's first error in each script is reported at its line and column.
A folder (with flinkts.config.ts) or a .ts config module is verified job by job as compiled for every
environment (or --env). Starts the Flink bridge if none runs (see flinkts flink).

Options:
  --json        print the diagnostics as JSON
  --env <name>  verify pipelines in one environment
Exit codes: 0 the planner accepts everything, 1 it rejects something, 2 usage error or no Java/Maven.
`;

export const command: Command = {
  name: 'verify',
  summary: COMMAND_SUMMARIES.verify,
  help: HELP,
  async run(args: readonly string[], io: CliIO): Promise<number> {
    const parsed = parseArgs(args, { flags: ['json'], values: ['env'] });
    if (parsed.problems.length > 0 || parsed.positionals.length === 0) {
      io.stderr(`flinkts verify: ${parsed.problems[0] ?? 'no files given'}\n\n${HELP}`);
      return 2;
    }
    let r;
    try {
      r = await planOnFlink(io.cwd, parsed.positionals, parsed.values.get('env'), io.readStdin, (l) => io.stderr(`${l}\n`));
    } catch (e) {
      if (!(e instanceof FlinktsError)) throw e;
      for (const d of e.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
      const { exitForErrors } = await import('../exit-class.js');
      return exitForErrors(e.diagnostics);
    }
    if (r.usage !== undefined) {
      io.stderr(`flinkts verify: ${r.usage}\n`);
      return 2;
    }
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    if (parsed.flags.has('json')) io.stdout(`${JSON.stringify({ scripts: r.scripts, errors, diagnostics: r.diagnostics }, null, 2)}\n`);
    else {
      for (const d of r.diagnostics) io.stdout(`${formatDiagnostic(d)}\n`);
      io.stdout(`${r.scripts} script${r.scripts === 1 ? '' : 's'} planned by Flink 1.20.1: ${errors} error${errors === 1 ? '' : 's'}\n`);
    }
    const { exitFor } = await import('../exit-class.js');
    return exitFor(r.diagnostics);
  },
};
