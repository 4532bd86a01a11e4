/**
 * `flinkts lineage [<folder|config>] [--env <name>] [--from <lineage.json>] [query] [--format <f>] [--out <file>]`:
 * a pipeline's table and column lineage, or the answer to one query over it, as text, JSON, Mermaid, OpenLineage
 * events or an HTML page; optionally POSTs the OpenLineage events to a lineage endpoint.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic, PipelineLineage } from '@flinkts/core';
import { formatDiagnostic } from '@flinkts/core';
import type { LineageView } from '@flinkts/pipelines';
import { downstreamOf, apiKeyProblem, endpointProblem, findLineageColumn, findLineageJob, findLineageTable, jobGraphMermaid, jobGraphText, jobLineage, lineageHtml, lineageJson, lineageMermaid, lineageText, openLineageEvents, openLineageJsonLines, postOpenLineage, readLineageJson, tableLineage, upstreamOf, wholeLineage } from '@flinkts/pipelines/internal';
import { parseArgs } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { EXIT_CODES_HELP, EXIT_OK, EXIT_USAGE } from '../exit-code.js';
import { exitForErrors } from '../exit-class.js';
import { lineageOfPipeline } from '../lineage-source.js';
import { loadPipeline } from '../load-pipeline.js';
import { version } from '../main.js';
import { eventTimeNow } from '../event-time.js';

const FORMATS = ['text', 'json', 'mermaid', 'openlineage', 'html'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: flinkts lineage [<folder|config>] [--env <name>] [query] [--format <format>] [--out <file>]
       flinkts lineage --from <lineage.json> [query] [--format <format>] [--out <file>]

The table and column lineage of the pipeline (default: ./flinkts.config.ts) in an environment, or of a lineage
file written by --format json. Without a query: every job, the columns it writes and the job graph.

Queries (at most one):
  --column <table.column>  where the column comes from (upstream, to the sources)
  --impact <table.column>  what changes if the column changes (downstream: jobs, tables, columns)
  --table <table>          the upstream and downstream of every column of a table
  --job <name>             the columns one job writes
  --jobs                   the job-to-job graph (a job feeds another through a table)
Tables are named by their catalog path or its last parts (ods.ods_orders for paimon_catalog.ods.ods_orders).

Options:
  --env <name>                     the environment (may be left out when the pipeline has one)
  --from <file>                    read lineage JSON instead of a pipeline
  --format <format>                ${FORMATS.join(', ')} (default: text)
  --out <file>                     write to a file instead of standard output
  --events run|job                 OpenLineage RunEvents (default) or JobEvents
  --openlineage-url <url>          also POST the OpenLineage events there (e.g. http://marquez:5000/api/v1/lineage)
  --openlineage-api-key-env <VAR>  send the key in environment variable VAR as a Bearer token (never in the payload)
Set SOURCE_DATE_EPOCH (seconds) to fix the events' eventTime.
${EXIT_CODES_HELP}
`;

function report(io: CliIO, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
}

type Query = { kind: 'column' | 'impact' | 'table' | 'job'; name: string } | { kind: 'jobs' } | { kind: 'all' };

function query(lineage: PipelineLineage, q: Query): { view?: LineageView; diagnostic?: Diagnostic } {
  switch (q.kind) {
    case 'all':
    case 'jobs':
      return { view: wholeLineage(lineage) };
    case 'column':
    case 'impact': {
      const c = findLineageColumn(lineage, q.name, `--${q.kind}`);
      if (!c.ok) return { diagnostic: c.diagnostic };
      return { view: q.kind === 'column' ? upstreamOf(lineage, c.value) : downstreamOf(lineage, c.value) };
    }
    case 'table': {
      const t = findLineageTable(lineage, q.name, '--table');
      return t.ok ? { view: tableLineage(lineage, t.value.name) } : { diagnostic: t.diagnostic };
    }
    case 'job': {
      const j = findLineageJob(lineage, q.name, '--job');
      return j.ok ? { view: jobLineage(lineage, j.value) } : { diagnostic: j.diagnostic };
    }
  }
}

export const command: Command = {
  name: 'lineage',
  summary: COMMAND_SUMMARIES.lineage,
  help: HELP,
  async run(argv, io) {
    const args = parseArgs(argv, {
      flags: ['jobs'],
      values: ['env', 'from', 'column', 'impact', 'table', 'job', 'format', 'out', 'events', 'openlineage-url', 'openlineage-api-key-env'],
      validate: {
        format: (v) => ((FORMATS as readonly string[]).includes(v) ? undefined : `--format ${v}: unknown; choose from ${FORMATS.join(', ')}`),
        events: (v) => (v === 'run' || v === 'job' ? undefined : `--events ${v}: choose run or job`),
      },
    });
    const queries = (['column', 'impact', 'table', 'job'] as const).filter((k) => args.values.has(k));
    const problem =
      args.problems[0] ??
      (args.positionals.length > 1 ? 'give at most one pipeline folder or config file' : undefined) ??
      (queries.length + (args.flags.has('jobs') ? 1 : 0) > 1 ? 'give at most one query (--column, --impact, --table, --job or --jobs)' : undefined) ??
      (args.values.has('from') && (args.positionals.length > 0 || args.values.has('env')) ? '--from reads a lineage file: give no pipeline and no --env with it' : undefined);
    if (problem !== undefined) {
      io.stderr(`flinkts lineage: ${problem}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const url = args.values.get('openlineage-url');
    const urlProblem = url === undefined ? undefined : endpointProblem(url, '--openlineage-url');
    const keyVar = args.values.get('openlineage-api-key-env');
    const bad = urlProblem ?? apiKeyProblem(keyVar, process.env);
    if (bad !== undefined) {
      report(io, [bad]);
      return exitForErrors([bad]);
    }

    let lineage: PipelineLineage;
    const from = args.values.get('from');
    if (from !== undefined) {
      const file = resolve(io.cwd, from);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        io.stderr(`flinkts lineage: cannot read ${file}\n`);
        return EXIT_USAGE;
      }
      const read = readLineageJson(text, file);
      if (read.lineage === undefined) {
        report(io, read.diagnostics);
        return exitForErrors(read.diagnostics);
      }
      lineage = read.lineage;
    } else {
      const loaded = await loadPipeline(io.cwd, args.positionals[0]);
      if (!loaded.ok) {
        if (loaded.usage !== undefined) {
          io.stderr(`flinkts lineage: ${loaded.usage}\n`);
          return EXIT_USAGE;
        }
        report(io, loaded.diagnostics);
        return exitForErrors(loaded.diagnostics);
      }
      const envs = loaded.pipeline.environmentNames;
      const env = args.values.get('env') ?? (envs.length === 1 ? envs[0] : undefined);
      if (env === undefined) {
        io.stderr(`flinkts lineage: pipeline ${loaded.pipeline.name} has several environments; choose one with --env (${envs.join(', ')})\n`);
        return EXIT_USAGE;
      }
      const produced = lineageOfPipeline(loaded.pipeline, env);
      report(io, produced.diagnostics);
      if (produced.lineage === undefined) return exitForErrors(produced.diagnostics);
      lineage = produced.lineage;
    }

    const q: Query = args.flags.has('jobs') ? { kind: 'jobs' } : queries[0] !== undefined ? { kind: queries[0], name: args.values.get(queries[0])! } : { kind: 'all' };
    const answer = query(lineage, q);
    if (answer.view === undefined) {
      report(io, [answer.diagnostic!]);
      return exitForErrors([answer.diagnostic!]);
    }
    const view = answer.view;
    const format = (args.values.get('format') ?? 'text') as Format;
    let made: ReturnType<typeof openLineageEvents> | undefined;
    const events = () => (made ??= openLineageEvents(view.lineage, { eventTime: eventTimeNow(), producer: `urn:flinkts:${version()}`, eventKind: (args.values.get('events') ?? 'run') as 'run' | 'job' }));
    let output: string;
    if (format === 'text') output = q.kind === 'jobs' ? jobGraphText(view) : lineageText(view);
    else if (format === 'json') output = lineageJson(view);
    else if (format === 'mermaid') output = q.kind === 'jobs' ? jobGraphMermaid(view) : lineageMermaid(view);
    else if (format === 'openlineage') output = openLineageJsonLines(events());
    else output = await lineageHtml(view);
    const out = args.values.get('out');
    if (out === undefined) io.stdout(output);
    else {
      const file = resolve(io.cwd, out);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, output);
      io.stderr(`wrote ${file}\n`);
    }
    if (url !== undefined) {
      const posted = await postOpenLineage(events(), { url, ...(keyVar === undefined ? {} : { apiKey: process.env[keyVar]! }) });
      report(io, posted.diagnostics);
      io.stderr(`posted ${posted.posted} OpenLineage event${posted.posted === 1 ? '' : 's'} to ${url}\n`);
      if (posted.diagnostics.length > 0) return exitForErrors(posted.diagnostics);
    }
    return EXIT_OK;
  },
};
