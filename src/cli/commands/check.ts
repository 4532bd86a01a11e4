/**
 * `flinkts check <files|pipelines…>`: parse and analyze Flink SQL scripts with the catalog each script declares,
 * using the connectors' option catalogs and capabilities; a folder with `flinkts.config.ts` (or a config module)
 * is checked as a pipeline in every environment. Says what it checked; exits from the diagnostics' exit classes
 * (exit-class.ts: 2 for a usage or configuration error such as an unknown --env, 1 for other errors or more warnings
 * than --max-warnings allows).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic } from '@flinkts/core';
import { checkPipelineArgument, describeChecked, isPipelineArgument } from '../check-pipelines.js';
import type { CheckedPipeline } from '../check-pipelines.js';
import { parseArgs, REPORTING_HELP } from '../args.js';
import type { CliIO, Command } from '../command.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';
import { countDiagnostics, EXIT_CODES_HELP, EXIT_USAGE, summaryLine } from '../exit-code.js';

const HELP = `Usage: flinkts check [<files|pipelines…>] [--env <name>] [--tables <sources>] [--planner flink] [--json] [--strict | --max-warnings <n>]

Parse and check Flink SQL scripts before they are deployed: syntax and reserved words, unknown tables and
columns, INSERT column counts and types (Flink's implicit casts), positional INSERTs that pair differently named
columns, connector / catalog / SET options against the real option catalogs, changelog modes (an append-only
sink fed the updates of a GROUP BY, an outer join, a TopN, …; upsert sinks without PRIMARY KEY; a PRIMARY KEY
that differs from the query's upsert key) and time attributes (window TVFs, interval joins, temporal and lookup
joins need a rowtime or PROCTIME() column that no CAST or GROUP BY has turned into a plain timestamp).
Use - to read standard input. A folder (with flinkts.config.ts) or a .ts/.js config module is checked as a
pipeline: every job and the table graph across jobs (layers, cycles, several writers) in every environment
(or --env), and what each target platform would refuse. Without arguments: the pipeline in the current folder.

Options:
  --env <name>        check pipelines in one environment
  --tables <sources>  comma-separated declarations the SQL scripts read from catalogs: a pipeline folder or
                      config (its typed tables), a .ts/.js module, a .sql schema file, or mysql://user@host:port/db
                      (a live introspection; password from MYSQL_PASSWORD)
  --planner flink     also plan everything with real Flink 1.20.1's planner (what flinkts verify does)
${REPORTING_HELP}
${EXIT_CODES_HELP}
`;

/** `--planner flink`: the real planner's verdicts next to the analyzer's (an exit code when it cannot run). */
async function addFlinkPlanner(io: CliIO, inputs: readonly string[], env: string | undefined, all: Diagnostic[]): Promise<number | undefined> {
  const [{ FlinktsError, formatDiagnostic }, { planOnFlink }] = await Promise.all([import('@flinkts/core'), import('../flink-verify.js')]);
  try {
    const r = await planOnFlink(io.cwd, inputs, env, io.readStdin, (l) => io.stderr(`${l}\n`));
    if (r.usage !== undefined) {
      io.stderr(`flinkts check: ${r.usage}\n`);
      return EXIT_USAGE;
    }
    all.push(...r.diagnostics);
    return undefined;
  } catch (e) {
    if (!(e instanceof FlinktsError)) throw e;
    for (const d of e.diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    const { exitForErrors } = await import('../exit-class.js');
    return exitForErrors(e.diagnostics);
  }
}

export const command: Command = {
  name: 'check',
  summary: COMMAND_SUMMARIES.check,
  help: HELP,
  async run(argv: readonly string[], io: CliIO): Promise<number> {
    const args = parseArgs(argv, { flags: [], values: ['env', 'planner', 'tables'], reporting: true });
    const planner = args.values.get('planner');
    if (args.problems.length > 0 || (planner !== undefined && planner !== 'flink')) {
      io.stderr(`flinkts check: ${args.problems[0] ?? `unknown planner '${planner}' (the one there is: flink)`}\n\n${HELP}`);
      return EXIT_USAGE;
    }
    const inputs = args.positionals.length === 0 ? ['.'] : args.positionals;
    const all: Diagnostic[] = [];
    const pipelines: CheckedPipeline[] = [];
    const scripts: string[] = [];
    let declarations: readonly import('@flinkts/core').Statement[] = [];
    const tables = args.values.get('tables');
    if (tables !== undefined) {
      const { lentDeclarations } = await import('../lent-declarations.js');
      const lent = await lentDeclarations(io.cwd, tables.split(',').map((t) => t.trim()).filter((t) => t !== ''));
      all.push(...lent.diagnostics);
      if (lent.ok) declarations = lent.statements;
    }
    // without the lent declarations a script's reads would all be unknown tables: only why they are missing is reported
    const checked = hasErrors(all) ? [] : inputs;
    for (const input of checked) {
      if (isPipelineArgument(io.cwd, input)) {
        const r = await checkPipelineArgument(io.cwd, input, args.values.get('env'));
        if (r.usage !== undefined) {
          io.stderr(`flinkts check: ${r.usage}\n`);
          return EXIT_USAGE;
        }
        all.push(...r.diagnostics);
        if (r.checked !== undefined) pipelines.push(r.checked);
        continue;
      }
      const [{ checkSql, decodeSqlSource }, { connectorValidators }] = await Promise.all([import('@flinkts/core'), import('@flinkts/connectors')]);
      let text: string;
      try {
        const decoded = input === '-' ? decodeSqlSource(await io.readStdin(), '<stdin>') : decodeSqlSource(readFileSync(resolve(io.cwd, input)), input);
        if (!decoded.ok) {
          all.push(decoded.diagnostic);
          scripts.push(input === '-' ? '<stdin>' : input);
          continue;
        }
        text = decoded.text;
      } catch {
        io.stderr(`flinkts check: cannot read ${input}\n`);
        return EXIT_USAGE;
      }
      all.push(...checkSql(text, { file: input === '-' ? '<stdin>' : input, validators: connectorValidators, declarations }));
      scripts.push(input === '-' ? '<stdin>' : input);
    }
    if (planner === 'flink' && checked.length > 0) {
      const usage = await addFlinkPlanner(io, checked, args.values.get('env'), all);
      if (usage !== undefined) return usage;
    }
    const counts = countDiagnostics(all);
    const { exitFor } = await import('../exit-class.js');
    const code = exitFor(all, args.policy);
    if (args.json) {
      writeJson(io, { ok: code === 0, errors: counts.errors, warnings: counts.warnings, checked: { scripts, pipelines } }, all);
      return code;
    }
    const { formatDiagnostic } = await import('@flinkts/core');
    for (const d of all) io.stdout(`${formatDiagnostic(d)}\n`);
    for (const p of pipelines) io.stdout(`${describeChecked(p)}\n`);
    if (scripts.length > 0) io.stdout(`checked ${scripts.length} SQL script${scripts.length === 1 ? '' : 's'}\n`);
    io.stdout(`${summaryLine(counts, args.policy)}\n`);
    return code;
  },
};

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * The `--json` report — the document `JSON.stringify({ ...head, diagnostics }, null, 2)` gives — written one
 * diagnostic at a time, so 100,000 diagnostics never become one giant string.
 */
function writeJson(io: CliIO, head: Readonly<Record<string, unknown>>, all: readonly Diagnostic[]): void {
  const fields = JSON.stringify(head, null, 2).slice(0, -2); // without the closing "\n}"
  io.stdout(`${fields},\n  "diagnostics": [`);
  const chunk: string[] = [];
  all.forEach((d, i) => {
    chunk.push(`${i === 0 ? '' : ','}\n    ${JSON.stringify(d, null, 2).replace(/\n/g, '\n    ')}`);
    if (chunk.length === 500) io.stdout(chunk.splice(0).join(''));
  });
  io.stdout(`${chunk.join('')}${all.length === 0 ? ']' : '\n  ]'}\n}\n`);
}
