/**
 * What a job derives that does not depend on the environment, computed once per pipeline and job (both
 * immutable) and shared by every environment and target instead of once per environment and target:
 * - the script it is checked as (no SET lines, no substituted values), its text and the analyzer's diagnostics;
 * - the StreamPark SQL (bare INSERTs, `${NAME}` placeholders kept: StreamPark substitutes them at start) and
 *   the problems StreamPark's splitter finds in it.
 * Both are functions of the job's declarations and the pipeline's secret names only. Weak keys: nothing is kept
 * once the pipeline is gone.
 */
import type { BoundScript, ChangelogCapabilities, CreateTable, Diagnostic, OptionValidators, Statement } from '@flinkts/core';
import { checkScript } from '@flinkts/core';
import { connectorValidators } from '@flinkts/connectors';
import { encodeFormField } from './emit/form-body.js';
import { streamparkSqlProblems } from './emit/streampark-sql.js';
import type { Job } from './job.js';
import { printedStatement, printedStatements } from './emit/printed.js';
import type { JobScript } from './job-script.js';
import { insertStatement, jobScript } from './job-script.js';
import type { AnyPipeline } from './pipeline.js';
import type { ResolvedEnvironment, ResolvedJob } from './resolve-environment.js';
import { placeholders } from './variables.js';

export interface CheckedJob {
  readonly name: string;
  readonly statements: readonly Statement[];
  /** The `${NAME}` placeholders of the printed statements, in first-use order. */
  readonly placeholders: readonly string[];
  /** Paths are `jobs.<name>.statements[i]…`. */
  readonly diagnostics: readonly Diagnostic[];
  /** The binder's result for the script, which the lineage reads instead of binding the job again. */
  readonly bound?: BoundScript;
}

export interface StreamparkSql {
  readonly text: string;
  readonly problems: readonly string[];
  /** The `${NAME}` placeholders of `text`, in first-use order. */
  readonly placeholders: readonly string[];
}

interface Entry {
  /** The job's script with bare INSERTs, built once for both the analyzer's and StreamPark's form. */
  script?: JobScript;
  checked?: CheckedJob;
  streampark?: StreamparkSql;
  /** The StreamPark SQL as the `flinkSql` pair of a form body, the same in every environment. */
  streamparkForm?: string;
}

/**
 * The connectors' plug-in, answering once per declared node: the jobs of a pipeline declare the same table and
 * catalog nodes (resolve-environment.ts), and each job's script is checked on its own. An option check that found
 * nothing is remembered (its diagnostics would carry the asking job's path, so one that found something is asked
 * again); a table's changelog capabilities are remembered. Weak keys: nothing is kept once the nodes are gone.
 */
const cleanTables = new WeakMap<CreateTable, Set<string | undefined>>();
const cleanCatalogs = new WeakSet<Statement>();
const tableCapabilities = new WeakMap<CreateTable, Map<string | undefined, ChangelogCapabilities | undefined>>();
const sharedValidators: OptionValidators = {
  table: (statement, context) => {
    const clean = cleanTables.get(statement);
    if (clean?.has(context.catalogType)) return [];
    const ds = connectorValidators.table!(statement, context);
    if (ds.length === 0) {
      if (clean === undefined) cleanTables.set(statement, new Set([context.catalogType]));
      else clean.add(context.catalogType);
    }
    return ds;
  },
  catalog: (statement, path) => {
    if (cleanCatalogs.has(statement)) return [];
    const ds = connectorValidators.catalog!(statement, path);
    if (ds.length === 0) cleanCatalogs.add(statement);
    return ds;
  },
  settings: connectorValidators.settings!,
  capabilities: (statement, context) => {
    let byType = tableCapabilities.get(statement);
    if (byType === undefined) tableCapabilities.set(statement, (byType = new Map()));
    if (!byType.has(context.catalogType)) byType.set(context.catalogType, connectorValidators.capabilities!(statement, context));
    return byType.get(context.catalogType);
  },
};

const analyses = new WeakMap<AnyPipeline, Map<Job, Entry>>();

function entry(env: ResolvedEnvironment, job: ResolvedJob): Entry {
  let jobs = analyses.get(env.pipeline);
  if (jobs === undefined) analyses.set(env.pipeline, (jobs = new Map()));
  let e = jobs.get(job.job);
  if (e === undefined) jobs.set(job.job, (e = {}));
  return e;
}

/** The job's script with bare INSERTs (no SET lines, values not substituted), shared by both forms below. */
function bareScript(e: Entry, job: ResolvedJob): JobScript {
  return (e.script ??= jobScript(job, { setLines: false, splitPersistent: false, bareInserts: true }));
}

/** The job's script as the analyzer checks it, with its diagnostics. */
export function checkedJob(env: ResolvedEnvironment, job: ResolvedJob): CheckedJob {
  const e = entry(env, job);
  if (e.checked === undefined) {
    // jobScript without bareInserts: the same statements, the INSERTs as one statement (a statement set for several).
    const bare = bareScript(e, job);
    const statements = [...bare.statements.slice(0, bare.statements.length - bare.inserts.length), insertStatement(bare.inserts)];
    let bound: BoundScript | undefined;
    const ds = checkScript({ kind: 'Script', statements }, { validators: sharedValidators, onBound: (b) => (bound = b) });
    e.checked = {
      name: job.name,
      statements,
      placeholders: statementPlaceholders(statements),
      diagnostics: ds.map((d) => ({ ...d, path: `jobs.${job.name}.${d.path ?? 'statements'}` })),
      ...(bound === undefined ? {} : { bound }),
    };
  }
  return e.checked;
}

/**
 * The `${NAME}` placeholders of `printedStatement(s)` in first-use order, once per node: a table's or catalog's
 * statement is the same node in every job that declares it. Empty without printing when no string of the node holds
 * `${`. Nodes are immutable; weak keys keep nothing alive.
 */
const statementNames = new WeakMap<Statement, readonly string[]>();
const NO_NAMES: readonly string[] = Object.freeze([]);
function placeholdersOf(s: Statement): readonly string[] {
  let names = statementNames.get(s);
  if (names === undefined) statementNames.set(s, (names = holdsMark(s) ? placeholders(printedStatement(s)) : NO_NAMES));
  return names;
}

function holdsMark(root: object): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('${')) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'string' ? x.includes('${') : typeof x === 'object' && x !== null) stack.push(x);
    } else if (typeof v === 'object' && v !== null) {
      for (const k in v) if (k !== 'span') stack.push((v as Record<string, unknown>)[k]);
    }
  }
  return false;
}

/**
 * The placeholders of `printedStatements(statements)`, in first-use order, printing only the statements that can
 * hold one: a `${NAME}` in the printed text comes from a string of the statement (an option value, a literal, a
 * name) — the printer itself writes no `${`. Most INSERTs hold none and are not printed for this.
 */
function statementPlaceholders(statements: readonly Statement[]): string[] {
  const names: string[] = [];
  for (const s of statements) for (const name of placeholdersOf(s)) if (!names.includes(name)) names.push(name);
  return names;
}

/** The bound script of the job when the analyzer has already checked it (same statements: no SET lines, values not substituted). */
export function checkedBound(env: ResolvedEnvironment, job: ResolvedJob): BoundScript | undefined {
  return analyses.get(env.pipeline)?.get(job.job)?.checked?.bound;
}

/** The job's StreamPark SQL and what StreamPark would refuse in it. */
export function streamparkSql(env: ResolvedEnvironment, job: ResolvedJob): StreamparkSql {
  const e = entry(env, job);
  if (e.streampark === undefined) {
    const text = printedStatements(bareScript(e, job).statements);
    e.streampark = { text, problems: streamparkSqlProblems(text), placeholders: placeholders(text) };
  }
  return e.streampark;
}

/** The job's StreamPark SQL as the `flinkSql=…` pair of the create form (encoded once, not once per environment). */
export function streamparkSqlField(env: ResolvedEnvironment, job: ResolvedJob): string {
  const e = entry(env, job);
  return (e.streamparkForm ??= encodeFormField('flinkSql', streamparkSql(env, job).text));
}
