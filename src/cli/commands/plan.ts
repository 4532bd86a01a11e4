/**
 * `flinkts plan [<folder|config>] --env <name> [--target <t>]`: what `deploy` would do, per job — create /
 * update / unchanged / removed, the SQL and setting diff against what is deployed, and whether the update can
 * restore state (from Flink's compiled plans of both versions). Reads only.
 */
import { FlinktsError } from '@flinkts/core';
import type { JobPlan } from '@flinkts/pipelines';
import { planJob } from '@flinkts/pipelines/internal';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { DEPLOY_OPTIONS_HELP, DEPLOY_VALUES, deployContext, exitFor, reportDiagnostics } from '../deploy-context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE } from '../exit-code.js';
import { planJson, planText } from '../plan-text.js';

const HELP = `Usage: flinkts plan [<folder|config>] --env <name> [--target <name>] [--json]

Compare what runs on the target (its run labels and the local deployment records) with what build produces
for the environment, per job in dependency order: create / update / unchanged / removed, the SQL and setting
diff, and state compatibility from Flink's compiled plans (COMPILE PLAN) of the deployed and the new version —
changed grouping or join keys, aggregate lists, state TTL, added / removed / reordered stateful operators and
sources that change their changelog mode, each with the operator and the consequence. Nothing is changed.

Options:
${DEPLOY_OPTIONS_HELP}

Exit codes: 0 every job can be deployed keeping its state, 1 an update cannot restore state (or the target
failed), 2 usage or configuration error.
`;

export async function planAll(ctx: Exclude<Awaited<ReturnType<typeof deployContext>>, number>): Promise<JobPlan[]> {
  const plans: JobPlan[] = [];
  for (const a of ctx.shipped.artifacts) plans.push(await planJob(ctx.deployer, a.job, a));
  const shipped = new Set(ctx.shipped.artifacts.map((a) => a.job));
  for (const job of ctx.deployer.records.jobs()) if (!shipped.has(job)) plans.push(await planJob(ctx.deployer, job, undefined));
  return plans;
}

export const command: Command = {
  name: 'plan',
  summary: COMMAND_SUMMARIES.plan,
  help: HELP,
  async run(argv, io) {
    const args = parseArgs(argv, { flags: ['json'], values: [...DEPLOY_VALUES] });
    if (args.problems.length > 0 || args.positionals.length > 1) {
      io.stderr(`flinkts plan: ${args.problems[0] ?? 'give at most one pipeline folder or config file'}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const json = args.flags.has('json');
    const ctx = await deployContext(io, args.positionals[0], args.values, json);
    if (typeof ctx === 'number') return ctx;
    try {
      const plans = await planAll(ctx);
      const blocked = plans.some((p) => p.state !== undefined && p.state.verdict !== 'safe');
      if (json) io.stdout(`${JSON.stringify({ ok: !blocked, pipeline: ctx.pipeline.name, env: ctx.env, target: ctx.target, jobs: plans.map(planJson) }, null, 2)}\n`);
      else io.stdout(`plan for ${ctx.pipeline.name} (${ctx.env}, target ${ctx.target}):\n${plans.map(planText).join('\n')}\n`);
      return blocked ? EXIT_PROBLEMS : EXIT_OK;
    } catch (e) {
      if (!(e instanceof FlinktsError)) throw e;
      reportDiagnostics(io, json, e.diagnostics);
      return exitFor(e);
    }
  },
};
