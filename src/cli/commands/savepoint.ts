/**
 * `flinkts savepoint <job> [<folder|config>] --env <name> [--list | --prune --keep N]`: trigger a savepoint of
 * the running version (for a scheduler), list the recorded savepoints, or prune them by retention.
 */
import { FlinktsError } from '@flinkts/core';
import { listSavepoints, pruneSavepoints, triggerSavepoint } from '@flinkts/pipelines/internal';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { DEPLOY_OPTIONS_HELP, DEPLOY_VALUES, deployContext, exitFor, reportDiagnostics } from '../deploy-context.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-code.js';

const HELP = `Usage: flinkts savepoint <job> [<folder|config>] --env <name> [--list | --prune --keep <n>] [--json]

Without --list / --prune: trigger a savepoint of the job's running version (it keeps running) and record it.
  --list            list the recorded savepoints (path, time, version, stop or trigger)
  --prune           delete all but the newest --keep savepoints; a savepoint a version stopped with is kept
                    (rollback restores from it)
  --keep <n>        how many to keep with --prune

Options:
${DEPLOY_OPTIONS_HELP}

Exit codes: 0 ok, 1 the savepoint failed or the job is not running, 2 usage or configuration error.
`;

export const command: Command = {
  name: 'savepoint',
  summary: COMMAND_SUMMARIES.savepoint,
  help: HELP,
  async run(argv, io) {
    const args = parseArgs(argv, { flags: ['json', 'list', 'prune'], values: [...DEPLOY_VALUES, 'keep'], validate: { keep: (v) => (/^\d+$/.test(v) ? undefined : `--keep needs a whole number, got '${v}'`) } });
    const [job, pipelineArg, ...extra] = args.positionals;
    const list = args.flags.has('list');
    const prune = args.flags.has('prune');
    const problem = args.problems[0] ?? (job === undefined ? 'name the job' : extra.length > 0 ? 'too many arguments' : list && prune ? 'give --list or --prune, not both' : prune !== args.values.has('keep') ? '--prune and --keep <n> go together' : undefined);
    if (problem !== undefined || job === undefined) {
      io.stderr(`flinkts savepoint: ${problem}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const json = args.flags.has('json');
    const ctx = await deployContext(io, pipelineArg, args.values, json);
    if (typeof ctx === 'number') return ctx;
    try {
      if (list) {
        const all = listSavepoints(ctx.deployer, job);
        if (json) io.stdout(`${JSON.stringify({ ok: true, job, savepoints: all }, null, 2)}\n`);
        else io.stdout(all.length === 0 ? `${job}: no savepoints recorded\n` : `${all.map((s) => `${s.takenAt}  v${s.version}  ${s.kind.padEnd(7)}  ${s.path}`).join('\n')}\n`);
        return EXIT_OK;
      }
      if (prune) {
        const dropped = await pruneSavepoints(ctx.deployer, job, Number(args.values.get('keep')));
        if (json) io.stdout(`${JSON.stringify({ ok: true, job, deleted: dropped }, null, 2)}\n`);
        else io.stdout(`${job}: deleted ${dropped.length} savepoint(s)\n`);
        return EXIT_OK;
      }
      const taken = await triggerSavepoint(ctx.deployer, job);
      if (json) io.stdout(`${JSON.stringify({ ok: true, job, savepoint: taken }, null, 2)}\n`);
      else io.stdout(`${job}: savepoint ${taken.path}\n`);
      return EXIT_OK;
    } catch (e) {
      if (!(e instanceof FlinktsError)) throw e;
      reportDiagnostics(io, json, e.diagnostics);
      return exitFor(e);
    }
  },
};
