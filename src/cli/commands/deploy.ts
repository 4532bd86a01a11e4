/**
 * `flinkts deploy [<folder|config>] --env <name>`: applies the plan job by job, upstream first — stop with a
 * savepoint, start the new version from it (or blue-green beside the old one), wait for health, roll back by
 * itself when asked. Rerunning after any failure converges; an unchanged job is left alone.
 */
import { FlinktsError } from '@flinkts/core';
import type { DeployOptions, DeployOutcome } from '@flinkts/pipelines';
import { deployJob, loadSecrets, placeholdersIn } from '@flinkts/pipelines/internal';
import { resolve } from 'node:path';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { DEPLOY_OPTIONS_HELP, DEPLOY_VALUES, deployContext, exitFor, knownJob, reportDiagnostics } from '../deploy-context.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-code.js';
import { planJson, planText } from '../plan-text.js';
import { planAll } from './plan.js';

const HELP = `Usage: flinkts deploy [<folder|config>] --env <name> [--target <name>] [options]

Apply the plan (see flinkts plan), one job at a time in dependency order (upstream first): stop the running
version with a savepoint, start the new one from it, and wait until it is healthy — RUNNING, N completed
checkpoints, no restart within a grace period (environment's deploy.health, or the flags below). An update that
cannot restore state is refused before anything is touched. Every step is recorded (locally, and in the run's
name on the platform), so rerunning after any failure converges and never starts a job twice.

Options:
${DEPLOY_OPTIONS_HELP}
  --job <name>                  deploy only this job
  --strategy <restart|blue-green>  blue-green starts the new version beside the old one (from a savepoint of it),
                                waits for health, then stops the old one (default restart); with the environment's
                                deploy.shadowSinks the new version runs as <job>-shadow writing the shadow tables
                                until it takes over
  --promote <auto|manual>       with shadow sinks: the healthy shadow takes over by itself (auto, default), or
                                keeps running beside the old version until flinkts promote (manual)
  --auto-rollback               when the new version is not healthy, start the previous one from the savepoint
  --allow-non-restored-state    accept an update whose old state partly maps to no operator (it is dropped)
  --start-without-state         accept an update that cannot restore state: the new version starts empty
  --health-checkpoints <n>      completed checkpoints required
  --health-grace <s>            seconds without a restart after that
  --health-timeout <s>          give up after this many seconds
  --dry-run                     print the plan and change nothing

Exit codes: 0 deployed (or nothing to do), 1 a job could not be deployed (refused, unhealthy, the target failed),
2 usage or configuration error.
`;

const NUMBERS = ['health-checkpoints', 'health-grace', 'health-timeout'] as const;

export const command: Command = {
  name: 'deploy',
  summary: COMMAND_SUMMARIES.deploy,
  help: HELP,
  async run(argv, io) {
    const args = parseArgs(argv, {
      flags: ['json', 'dry-run', 'auto-rollback', 'allow-non-restored-state', 'start-without-state'],
      values: [...DEPLOY_VALUES, 'job', 'strategy', 'promote', ...NUMBERS],
      validate: {
        strategy: (v) => (v === 'restart' || v === 'blue-green' ? undefined : `--strategy ${v}: choose restart or blue-green`),
        promote: (v) => (v === 'auto' || v === 'manual' ? undefined : `--promote ${v}: choose auto or manual`),
        ...Object.fromEntries(NUMBERS.map((n) => [n, (v: string) => (/^\d+$/.test(v) ? undefined : `--${n} needs a whole number, got '${v}'`)])),
      },
    });
    if (args.problems.length > 0 || args.positionals.length > 1) {
      io.stderr(`flinkts deploy: ${args.problems[0] ?? 'give at most one pipeline folder or config file'}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    if (args.values.has('promote') && args.values.get('strategy') !== 'blue-green') {
      io.stderr(`flinkts deploy: --promote applies to --strategy blue-green (with the environment's deploy.shadowSinks)\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const json = args.flags.has('json');
    const ctx = await deployContext(io, args.positionals[0], args.values, json);
    if (typeof ctx === 'number') return ctx;
    const only = args.values.get('job');
    if (!knownJob(io, 'deploy', ctx, only)) return EXIT_USAGE;
    const num = (k: (typeof NUMBERS)[number]): number | undefined => (args.values.has(k) ? Number(args.values.get(k)) : undefined);
    const health = {
      checkpoints: num('health-checkpoints') ?? ctx.shipped.health.checkpoints,
      graceSeconds: num('health-grace') ?? ctx.shipped.health.graceSeconds,
      timeoutSeconds: num('health-timeout') ?? ctx.shipped.health.timeoutSeconds,
    };
    const outcomes: DeployOutcome[] = [];
    try {
      const all = await planAll(ctx);
      const plans = only === undefined ? all : all.filter((p) => p.job === only);
      if (args.flags.has('dry-run')) {
        if (json) io.stdout(`${JSON.stringify({ ok: true, dryRun: true, pipeline: ctx.pipeline.name, env: ctx.env, target: ctx.target, jobs: plans.map(planJson) }, null, 2)}\n`);
        else io.stdout(`dry run — nothing changed:\n${plans.map(planText).join('\n')}\n`);
        return EXIT_OK;
      }
      const secretsFile = args.values.get('secrets');
      // a platform that fills placeholders itself gets them as they are; the gateway gets the secrets filled in
      const secrets = ctx.deployer.target.resolvesPlaceholders ? undefined : loadSecrets(placeholdersIn(plans.flatMap((p) => p.artifact?.statements ?? [])), secretsFile === undefined ? {} : { file: resolve(io.cwd, secretsFile) });
      const options: DeployOptions = {
        strategy: (args.values.get('strategy') ?? 'restart') as DeployOptions['strategy'],
        autoRollback: args.flags.has('auto-rollback'),
        allowNonRestoredState: args.flags.has('allow-non-restored-state'),
        startWithoutState: args.flags.has('start-without-state'),
        promote: (args.values.get('promote') ?? 'auto') as 'auto' | 'manual',
        health,
        ...(secrets === undefined ? {} : { secrets }),
      };
      for (const [i, p] of plans.entries()) {
        io.stderr(`[${i + 1}/${plans.length}] ${p.job}: ${p.action}\n`);
        const outcome = await deployJob(ctx.deployer, p, options);
        outcomes.push(outcome);
        io.stderr(`  ${outcome.action}${outcome.version === undefined ? '' : `, version ${outcome.version}`}${outcome.jobId ? `, job ${outcome.jobId}` : ''}\n`);
      }
      if (json) io.stdout(`${JSON.stringify({ ok: true, pipeline: ctx.pipeline.name, env: ctx.env, target: ctx.target, jobs: outcomes }, null, 2)}\n`);
      else io.stdout(`deployed ${ctx.pipeline.name} (${ctx.env}, target ${ctx.target}): ${outcomes.map((o) => `${o.job} ${o.action}${o.version === undefined ? '' : ` v${o.version}`}${o.action === 'shadow' ? ` (shadow run ${o.shadow?.jobId}: flinkts promote --job ${o.job})` : ''}`).join(', ')}\n`);
      return EXIT_OK;
    } catch (e) {
      if (!(e instanceof FlinktsError)) throw e;
      reportDiagnostics(io, json, e.diagnostics, { jobs: outcomes });
      return exitFor(e);
    }
  },
};
