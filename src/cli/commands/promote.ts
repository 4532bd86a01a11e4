/**
 * `flinkts promote [<folder|config>] --env <name> [--job <name>] [--abandon]`: the manual step of a blue-green
 * release through shadow sinks (`flinkts deploy --strategy blue-green --promote manual`): the shadow run of this
 * build is cancelled and the job itself restarts on the new version from the old one's final savepoint, taking over
 * the real sinks. `--abandon` cancels the shadow run instead and leaves the running version alone.
 */
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import type { DeployOptions, DeployOutcome } from '@flinkts/pipelines';
import { abandonShadow, promoteJob } from '@flinkts/pipelines/internal';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { DEPLOY_OPTIONS_HELP, DEPLOY_VALUES, deployContext, exitFor, knownJob, reportDiagnostics } from '../deploy-context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../exit-code.js';
import { exitForErrors } from '../exit-class.js';
import { planAll } from './plan.js';
import { DEPLOY_CODES } from '@flinkts/pipelines';
import { DEPLOY_TEXTS } from '@flinkts/pipelines/internal';

const HELP = `Usage: flinkts promote [<folder|config>] --env <name> [--job <name>] [--abandon] [options]

Promote the shadow runs a blue-green release left beside the running versions (flinkts deploy --strategy
blue-green --promote manual): per job whose build writes a shadowed sink (environment's deploy.shadowSinks), the
shadow run of this build (<job>-shadow) must still run, not restarted since it was found healthy; it is cancelled,
the running version is stopped with a savepoint and the new version starts from it, writing the real sinks, and
must become healthy (deploy.health). A promotion that stopped part-way is carried on by running promote again.
Nothing is changed for a job whose shadow cannot be promoted (${DEPLOY_CODES.cannotPromote}: no shadow run of this build, one of an
older build, or the old version not running).

Options:
${DEPLOY_OPTIONS_HELP}
  --job <name>                  promote only this job (default: every job with a shadow run)
  --abandon                     cancel the shadow runs instead; the running versions keep the sinks
  --auto-rollback               when the promoted version is not healthy, start the previous one from the savepoint
  --allow-non-restored-state    accept an update whose old state partly maps to no operator (it is dropped)

Exit codes: 0 promoted (or abandoned), 1 a job could not be promoted, 2 usage or configuration error.
`;

export const command: Command = {
  name: 'promote',
  summary: COMMAND_SUMMARIES.promote,
  help: HELP,
  async run(argv, io) {
    const args = parseArgs(argv, { flags: ['json', 'abandon', 'auto-rollback', 'allow-non-restored-state'], values: [...DEPLOY_VALUES, 'job'] });
    if (args.problems.length > 0 || args.positionals.length > 1) {
      io.stderr(`flinkts promote: ${args.problems[0] ?? 'give at most one pipeline folder or config file'}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const json = args.flags.has('json');
    const ctx = await deployContext(io, args.positionals[0], args.values, json);
    if (typeof ctx === 'number') return ctx;
    const only = args.values.get('job');
    if (!knownJob(io, 'promote', ctx, only)) return EXIT_USAGE;
    const abandon = args.flags.has('abandon');
    const options: DeployOptions = {
      strategy: 'blue-green', autoRollback: args.flags.has('auto-rollback'), allowNonRestoredState: args.flags.has('allow-non-restored-state'), startWithoutState: false, health: ctx.shipped.health,
    };
    const outcomes: DeployOutcome[] = [];
    try {
      const plans = (await planAll(ctx)).filter((p) => (only === undefined ? (p.shadowRuns ?? []).length > 0 || ctx.deployer.records.read(p.job).shadow?.promoting === true : p.job === only));
      if (plans.length === 0) {
        const none = [{ ...textFields(DEPLOY_TEXTS.cannotPromote({ kind: 'noJob', pipeline: ctx.pipeline.name, env: ctx.env, abandon })), severity: 'error' as const }];
        reportDiagnostics(io, json, none);
        return exitForErrors(none);
      }
      for (const [i, p] of plans.entries()) {
        io.stderr(`[${i + 1}/${plans.length}] ${p.job}: ${abandon ? 'abandon the shadow run' : 'promote the shadow run'}\n`);
        const outcome = abandon ? await abandonShadow(ctx.deployer, p) : await promoteJob(ctx.deployer, p, options);
        outcomes.push(outcome);
      }
      if (json) io.stdout(`${JSON.stringify({ ok: true, pipeline: ctx.pipeline.name, env: ctx.env, target: ctx.target, jobs: outcomes }, null, 2)}\n`);
      else io.stdout(`${abandon ? 'abandoned' : 'promoted'}: ${outcomes.map((o) => `${o.job} ${o.action}${o.version === undefined ? '' : ` v${o.version}`}`).join(', ')}\n`);
      return EXIT_OK;
    } catch (e) {
      if (!(e instanceof FlinktsError)) throw e;
      reportDiagnostics(io, json, e.diagnostics, { jobs: outcomes });
      return exitFor(e);
    }
  },
};
