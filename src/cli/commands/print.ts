/**
 * `flinkts print <job> [<folder|config>] [--env <name>] [--target <name>]`: one job's compiled output for an
 * environment — its Flink SQL script by default, or the artifact a target produces for it.
 */
import { formatDiagnostic } from '@flinkts/core';
import { buildPipeline, printJob } from '@flinkts/pipelines';
import { parseArgs } from '../args.js';
import type { Command } from '../command.js';
import { loadPipeline } from '../load-pipeline.js';

const HELP = `Usage: flinkts print <job> [<folder|config>] [--env <name>] [--target sql|streampark|vvp|alibaba]

Print one job of the pipeline (default: ./flinkts.config.ts) as it is deployed in an environment: the Flink SQL
script, or with --target the StreamPark form fields (as JSON), the VVP Deployment or the Alibaba deployment.
--env may be left out when the pipeline has one environment.
Exit codes: 0 printed, 1 errors found, 2 usage or configuration error.
`;

export const command: Command = {
  name: 'print',
  summary: "print one job's compiled SQL (or a target's spec) for an environment",
  help: HELP,
  async run(argv, io) {
    const args = parseArgs(argv, { flags: [], values: ['env', 'target'] });
    if (args.problems.length > 0 || args.positionals.length < 1 || args.positionals.length > 2) {
      io.stderr(`flinkts print: ${args.problems[0] ?? 'give the job name (and optionally the pipeline folder)'}\n\n${HELP}`);
      return 2;
    }
    const [jobName, where] = args.positionals as [string, string | undefined];
    const loaded = await loadPipeline(io.cwd, where);
    if (!loaded.ok) {
      if (loaded.usage !== undefined) {
        io.stderr(`flinkts print: ${loaded.usage}\n`);
        return 2;
      }
      for (const d of loaded.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
      return 1;
    }
    const envs = loaded.pipeline.environmentNames;
    const env = args.values.get('env') ?? (envs.length === 1 ? envs[0] : undefined);
    if (env === undefined) {
      io.stderr(`flinkts print: pipeline ${loaded.pipeline.name} has several environments; choose one with --env (${envs.join(', ')})\n`);
      return 2;
    }
    const target = args.values.get('target') ?? 'sql';
    if (target === 'sql') {
      const r = printJob(loaded.pipeline, env, jobName);
      for (const d of r.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
      if (r.text === undefined) return r.diagnostics.some((d) => d.code === 'FTS8010') ? 2 : 1;
      io.stdout(r.text);
      return 0;
    }
    const result = buildPipeline(loaded.pipeline, { env, targets: [target] });
    for (const d of result.diagnostics) if (d.severity === 'error') io.stderr(`${formatDiagnostic(d)}\n`);
    if (!result.ok) return 1;
    const mine = result.files.filter((f) => f.path.split('/').at(-1)!.startsWith(`${jobName}.`) && !f.path.endsWith('.form'));
    if (mine.length === 0) {
      io.stderr(`flinkts print: pipeline ${loaded.pipeline.name} has no job '${jobName}'\n`);
      return 1;
    }
    for (const f of mine) io.stdout(mine.length > 1 ? `# ${f.path}\n${f.content}` : f.content);
    return 0;
  },
};
