/**
 * `flinkts rollback <job> [<folder|config>] --env <name> [--to VERSION]`: runs an earlier deployed version again
 * from the savepoint it stopped with (on the gateway: stop with savepoint, start the earlier SQL from its savepoint).
 */
import { FlinktsError } from '@flinkts/core';
import { rollbackJob } from '@flinkts/pipelines/internal';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { DEPLOY_OPTIONS_HELP, DEPLOY_VALUES, deployContext, exitFor, reportDiagnostics } from '../deploy-context.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-code.js';

const HELP = `Usage: flinkts rollback <job> [<folder|config>] --env <name> [--to <version>] [--target <name>] [--json]

Run an earlier version of a deployed job again (default: the version before the current one), restored from
the savepoint that version stopped with. The current version is stopped with a savepoint first, so rolling
forward again keeps its state too. Versions are listed by flinkts savepoint <job> --list and in the records.

Options:
${DEPLOY_OPTIONS_HELP}
  --to <version>        the version number to return to

Exit codes: 0 rolled back (or already running that version), 1 the rollback failed, 2 usage or configuration error.
`;

export const command: Command = {
  name: 'rollback',
  summary: COMMAND_SUMMARIES.rollback,
  help: HELP,
  async run(argv, io) {
    const args = parseArgs(argv, { flags: ['json'], values: [...DEPLOY_VALUES, 'to'], validate: { to: (v) => (/^[1-9]\d*$/.test(v) ? undefined : `--to needs a version number, got '${v}'`) } });
    const [job, pipelineArg, ...extra] = args.positionals;
    if (args.problems.length > 0 || job === undefined || extra.length > 0) {
      io.stderr(`flinkts rollback: ${args.problems[0] ?? (job === undefined ? 'name the job to roll back' : 'too many arguments')}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const json = args.flags.has('json');
    const ctx = await deployContext(io, pipelineArg, args.values, json);
    if (typeof ctx === 'number') return ctx;
    try {
      const to = args.values.has('to') ? Number(args.values.get('to')) : undefined;
      const outcome = await rollbackJob(ctx.deployer, job, to, { strategy: 'restart', autoRollback: false, allowNonRestoredState: false, startWithoutState: false, health: ctx.shipped.health });
      if (json) io.stdout(`${JSON.stringify({ ok: true, ...outcome }, null, 2)}\n`);
      else io.stdout(`${job}: ${outcome.action === 'unchanged' ? 'already runs' : 'rolled back to'} version ${outcome.version}${outcome.restoredFrom ? ` from ${outcome.restoredFrom}` : ''}\n`);
      return EXIT_OK;
    } catch (e) {
      if (!(e instanceof FlinktsError)) throw e;
      reportDiagnostics(io, json, e.diagnostics);
      return exitFor(e);
    }
  },
};
