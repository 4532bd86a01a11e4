/**
 * `flinkts print <job> [<folder|config>] [--env <name>] [--target <name>] [--json]`: one job's compiled output for
 * an environment — its Flink SQL script by default, or the artifact a target produces for it.
 */
import type { Diagnostic } from '@flinkts/core';
import { formatDiagnostic } from '@flinkts/core';
import { buildPipeline, printJob, TARGET_NAMES } from '@flinkts/pipelines';
import { oneOrMoreOf, parseArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { EXIT_CODES_HELP, EXIT_OK, EXIT_USAGE } from '../exit-code.js';
import { loadPipeline } from '../load-pipeline.js';
import { exitForErrors } from '../exit-class.js';

/** Targets with a file per job (lineage is per pipeline: `flinkts lineage --job <name>`). */
const PRINTABLE = TARGET_NAMES.filter((t) => t !== 'lineage');

const HELP = `Usage: flinkts print <job> [<folder|config>] [--env <name>] [--target ${PRINTABLE.join('|')}] [--json]

Print one job of the pipeline (default: ./flinkts.config.ts) as it is deployed in an environment: the Flink SQL
script, or with --target the StreamPark form fields (as JSON), the VVP Deployment or the Alibaba deployment.
A job's lineage: flinkts lineage --job <job>.
--env may be left out when the pipeline has one environment.

Options:
  --env <name>     the environment
  --target <name>  the artifact to print (default: sql)
  --json           print { job, environment, target, files: [{ path, content }], diagnostics } as JSON
${EXIT_CODES_HELP}
`;

interface Printed {
  readonly files: readonly { readonly path: string; readonly content: string }[];
  readonly diagnostics: readonly Diagnostic[];
  readonly code: number;
}

function output(io: CliIO, json: boolean, head: { job: string; environment: string; target: string }, r: Printed): number {
  if (json) io.stdout(`${JSON.stringify({ ok: r.code === EXIT_OK, ...head, files: r.files, diagnostics: r.diagnostics }, null, 2)}\n`);
  else {
    for (const d of r.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    for (const f of r.files) io.stdout(r.files.length > 1 ? `# ${f.path}\n${f.content}` : f.content);
  }
  return r.code;
}

export const command: Command = {
  name: 'print',
  summary: COMMAND_SUMMARIES.print,
  help: HELP,
  async run(argv, io) {
    const args = parseArgs(argv, { flags: ['json'], values: ['env', 'target'], validate: { target: oneOrMoreOf('target', PRINTABLE) } });
    if (args.problems.length > 0 || args.positionals.length < 1 || args.positionals.length > 2 || args.values.get('target')?.includes(',')) {
      io.stderr(`flinkts print: ${args.problems[0] ?? (args.positionals.length < 1 || args.positionals.length > 2 ? 'give the job name (and optionally the pipeline folder)' : 'give one --target')}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const json = args.flags.has('json');
    const [jobName, where] = args.positionals as [string, string | undefined];
    const loaded = await loadPipeline(io.cwd, where);
    if (!loaded.ok) {
      if (loaded.usage !== undefined) {
        io.stderr(`flinkts print: ${loaded.usage}\n`);
        return EXIT_USAGE;
      }
      return output(io, json, { job: jobName, environment: '', target: '' }, { files: [], diagnostics: loaded.diagnostics, code: exitForErrors(loaded.diagnostics) });
    }
    const envs = loaded.pipeline.environmentNames;
    const env = args.values.get('env') ?? (envs.length === 1 ? envs[0] : undefined);
    if (env === undefined) {
      io.stderr(`flinkts print: pipeline ${loaded.pipeline.name} has several environments; choose one with --env (${envs.join(', ')})\n`);
      return EXIT_USAGE;
    }
    const target = args.values.get('target') ?? 'sql';
    const head = { job: jobName, environment: env, target };
    // the job's SQL: also how an unknown environment or job is reported, whatever the target
    const r = printJob(loaded.pipeline, env, jobName);
    if (target === 'sql' || r.text === undefined) {
      const code = r.text !== undefined ? EXIT_OK : exitForErrors(r.diagnostics);
      return output(io, json, head, { files: r.text === undefined ? [] : [{ path: `${env}/sql/${jobName}.sql`, content: r.text }], diagnostics: r.diagnostics, code });
    }
    const result = buildPipeline(loaded.pipeline, { env, targets: [target] });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (!result.ok) return output(io, json, head, { files: [], diagnostics: errors, code: exitForErrors(errors) });
    const mine = result.files.filter((f) => f.path.split('/').at(-1)!.startsWith(`${jobName}.`) && !f.path.endsWith('.form'));
    if (mine.length === 0) {
      io.stderr(`flinkts print: target ${target} writes no file of job ${jobName}'s own (it writes ${result.files.map((f) => f.path).join(', ') || 'nothing'}); see them with flinkts build\n`);
      return EXIT_USAGE;
    }
    return output(io, json, head, { files: mine, diagnostics: [], code: EXIT_OK });
  },
};
