/**
 * `flinkts build [<folder|config>] [--env <name>] [--out <dir>] [--target sql,streampark,vvp,alibaba] [--json]`:
 * loads the pipeline, runs the analyzer over every job, and writes the artifacts of each environment under
 * `<out>/<env>/<target>/` — nothing at all when there are errors.
 */
import { join, relative, resolve } from 'node:path';
import type { Diagnostic } from '@flinkts/core';
import { formatDiagnostic } from '@flinkts/core';
import type { ArtifactFile } from '@flinkts/pipelines';
import { buildPipeline, lineageArtifacts, TARGET_NAMES } from '@flinkts/pipelines';
import { apiKeyProblem, endpointProblem, openLineageEvents, postOpenLineage, selectTargets } from '@flinkts/pipelines/internal';
import type { OpenLineageEvent } from '@flinkts/pipelines';
import { oneOrMoreOf, parseArgs, REPORTING_HELP } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { countDiagnostics, EXIT_CODES_HELP, EXIT_USAGE, summaryLine } from '../exit-code.js';
import { exitFor, exitForErrors } from '../exit-class.js';
import { outFolderProblem, outputPathProblems } from '../output-paths.js';
import { loadPipeline } from '../load-pipeline.js';
import { writeArtifacts } from '../write-artifacts.js';
import { eventTimeNow } from '../event-time.js';
import { lineageOfPipeline } from '../lineage-source.js';
import { version } from '../main.js';

const HELP = `Usage: flinkts build [<folder|config>] [--env <name>] [--out <dir>] [--target <list>] [--json] [--strict | --max-warnings <n>]

Load the pipeline (default: ./flinkts.config.ts), check every job with the analyzer, and write its artifacts:
  <out>/<env>/sql/<job>.sql                 Flink SQL script (SET lines, DDL, INSERT / statement set)
  <out>/<env>/streampark/<job>.form|.json   StreamPark 2.1.x /flink/app/create body, plus variables.json
  <out>/<env>/vvp/<job>.yaml                Ververica Platform 2.x Deployment (+ <job>.setup.sql)
  <out>/<env>/alibaba/<job>.json            Alibaba Realtime Compute deployment (+ <job>.setup.sql)
  <out>/<env>/lineage/                      lineage.json, lineage.txt, lineage.mmd, jobs.mmd, openlineage.jsonl,
                                            lineage.html (the formats targets.lineage asks for)
Nothing is written when the analyzer reports errors (or more warnings than --max-warnings allows).

Options:
  --env <name>        build one environment (default: every environment)
  --out <dir>         output folder (default: <pipeline folder>/dist)
  --target <list>     comma-separated subset of ${TARGET_NAMES.join(', ')} (default: the pipeline's targets)
  --verbose           print a line per job as it is built (default: a line per environment)
  --openlineage-url <url>          after writing, POST each environment's OpenLineage events there
                                   (Marquez / DataHub: http://host:port/api/v1/lineage), with retries
  --openlineage-api-key-env <VAR>  send the key in environment variable VAR as a Bearer token (never in the payload)
Set SOURCE_DATE_EPOCH (seconds) to fix the OpenLineage events' eventTime (repeatable builds).
${REPORTING_HELP}
${EXIT_CODES_HELP}
`;

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

function report(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
}

export const command: Command = {
  name: 'build',
  summary: COMMAND_SUMMARIES.build,
  help: HELP,
  async run(argv, io) {
    const args = parseArgs(argv, { flags: ['verbose'], values: ['env', 'out', 'target', 'openlineage-url', 'openlineage-api-key-env'], reporting: true, validate: { target: oneOrMoreOf('target', TARGET_NAMES) } });
    if (args.problems.length > 0 || args.positionals.length > 1) {
      io.stderr(`flinkts build: ${args.problems[0] ?? 'give at most one pipeline folder or config file'}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const json = args.json;
    const loaded = await loadPipeline(io.cwd, args.positionals[0]);
    if (!loaded.ok) {
      if (loaded.usage !== undefined) {
        io.stderr(`flinkts build: ${loaded.usage}\n`);
        return EXIT_USAGE;
      }
      if (json) io.stdout(`${JSON.stringify({ ok: false, errors: loaded.diagnostics.length, warnings: 0, diagnostics: loaded.diagnostics }, null, 2)}\n`);
      else report(io, loaded.diagnostics);
      return exitForErrors(loaded.diagnostics);
    }
    const p = loaded.pipeline;
    const envs = args.values.has('env') ? [args.values.get('env')!] : p.environmentNames;
    const targets = args.values.get('target')?.split(',').map((t) => t.trim()).filter((t) => t !== '');
    const out = resolve(io.cwd, args.values.get('out') ?? join(loaded.dir, 'dist'));
    const outProblem = outFolderProblem(out);
    if (outProblem !== undefined) {
      if (json) io.stdout(`${JSON.stringify({ ok: false, errors: 1, warnings: 0, diagnostics: [outProblem] }, null, 2)}\n`);
      else report(io, [outProblem]);
      return exitForErrors([outProblem]);
    }
    const url = args.values.get('openlineage-url');
    const keyVar = args.values.get('openlineage-api-key-env');
    const postProblem =
      (url === undefined ? undefined : endpointProblem(url, '--openlineage-url')) ??
      apiKeyProblem(keyVar, process.env);
    if (postProblem !== undefined) {
      if (json) io.stdout(`${JSON.stringify({ ok: false, errors: 1, warnings: 0, diagnostics: [postProblem] }, null, 2)}\n`);
      else report(io, [postProblem]);
      return exitForErrors([postProblem]);
    }
    const withLineage = selectTargets(p, targets, []).includes('lineage');
    const lineageTarget = p.spec.targets.lineage ?? {};
    const eventTime = eventTimeNow();
    const producer = `urn:flinkts:${version()}`;
    const events: OpenLineageEvent[] = [];
    const files: ArtifactFile[] = [];
    const diagnostics: Diagnostic[] = [];
    const verbose = args.flags.has('verbose');
    for (const env of envs) {
      let jobs = 0;
      const before = files.length;
      const result = buildPipeline(p, {
        env,
        lineageWrittenByCaller: true,
        ...(targets === undefined ? {} : { targets }),
        onJob: (job: string, i: number, n: number) => {
          jobs = n;
          if (verbose && !json) io.stderr(`[${env}] ${i + 1}/${n} ${job}\n`);
        },
      });
      diagnostics.push(...result.diagnostics.map((d) => ({ ...d, path: `${env}: ${d.path ?? ''}` })));
      files.push(...result.files);
      if (result.ok && (withLineage || url !== undefined)) {
        const produced = lineageOfPipeline(p, env);
        diagnostics.push(...produced.diagnostics.map((d) => ({ ...d, path: `${env}: ${d.path ?? 'targets.lineage'}` })));
        if (produced.lineage !== undefined) {
          if (withLineage) files.push(...(await lineageArtifacts(produced.lineage, lineageTarget, { eventTime, producer })));
          if (url !== undefined) {
            const namespace = lineageTarget.jobNamespace;
            events.push(...openLineageEvents(produced.lineage, { eventTime, producer, eventKind: lineageTarget.events ?? 'run', ...(namespace === undefined ? {} : { jobNamespace: namespace }) }));
          }
        }
      }
      // One line per environment (a pipeline of 300 jobs in 3 environments printed 900); --verbose adds one per job.
      if (!json) io.stderr(`[${env}] ${result.ok ? `${plural(jobs, 'job')}, ${plural(files.length - before, 'file')}` : 'not built (errors)'}\n`);
    }
    // Names are checked before anything is removed or written: nothing may land outside the output folder.
    diagnostics.push(...outputPathProblems(out, envs, files));
    const counts = countDiagnostics(diagnostics);
    const written = exitFor(diagnostics, args.policy) === 0;
    if (written) writeArtifacts(out, envs, files);
    if (written && url !== undefined) {
      const posted = await postOpenLineage(events, { url, ...(keyVar === undefined ? {} : { apiKey: process.env[keyVar]! }) });
      diagnostics.push(...posted.diagnostics);
      if (!json) io.stderr(`posted ${posted.posted} OpenLineage event${posted.posted === 1 ? '' : 's'} to ${url}\n`);
    }
    const rel = relative(io.cwd, out);
    const shown = rel === '' ? '.' : rel.startsWith('..') ? out : rel;
    if (json) {
      io.stdout(`${JSON.stringify({ ok: written, pipeline: p.name, environments: envs, out, files: written ? files.map((f) => f.path) : [], errors: counts.errors, warnings: counts.warnings, diagnostics }, null, 2)}\n`);
    } else {
      report(io, diagnostics);
      if (written) io.stdout(`built pipeline ${p.name} (${envs.join(', ')}): ${files.length} files in ${shown}\n${envs.map((e) => `  ${join(shown, e)}/`).join('\n')}\n`);
      else io.stdout(`${summaryLine(counts, args.policy)}: nothing written\n`);
    }
    // What the OpenLineage POST reported counts too (written, but the events did not arrive).
    return exitFor(diagnostics, args.policy);
  },
};
