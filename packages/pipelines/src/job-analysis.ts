/**
 * What a job derives that does not depend on the environment, computed once per pipeline and job (both
 * immutable) and shared by every environment and target instead of once per environment and target:
 * - the script it is checked as (no SET lines, no substituted values), its text and the analyzer's diagnostics;
 * - the StreamPark SQL (bare INSERTs, `${NAME}` placeholders kept: StreamPark substitutes them at start) and
 *   the problems StreamPark's splitter finds in it.
 * Both are functions of the job's declarations and the pipeline's secret names only. Weak keys: nothing is kept
 * once the pipeline is gone.
 */
import type { BoundScript, Diagnostic, Statement } from '@flinkts/core';
import { checkScript } from '@flinkts/core';
import { connectorValidators } from '@flinkts/connectors';
import { encodeFormField } from './emit/form-body.js';
import { streamparkSqlProblems } from './emit/streampark-sql.js';
import type { Job } from './job.js';
import { printedStatements } from './emit/printed.js';
import type { JobScript } from './job-script.js';
import { insertStatement, jobScript } from './job-script.js';
import type { AnyPipeline } from './pipeline.js';
import type { ResolvedEnvironment, ResolvedJob } from './resolve-environment.js';
import { placeholders } from './variables.js';

export interface CheckedJob {
  readonly name: string;
  readonly statements: readonly Statement[];
  readonly text: string;
  /** The `${NAME}` placeholders of the text, in first-use order. */
  readonly placeholders: readonly string[];
  /** Paths are `jobs.<name>.statements[i]…`. */
  readonly diagnostics: readonly Diagnostic[];
  /** The binder's result for the script, which the lineage reads instead of binding the job again. */
  readonly bound?: BoundScript;
}

export interface StreamparkSql {
  readonly text: string;
  readonly problems: readonly string[];
}

interface Entry {
  /** The job's script with bare INSERTs, built once for both the analyzer's and StreamPark's form. */
  script?: JobScript;
  checked?: CheckedJob;
  streampark?: StreamparkSql;
  /** The StreamPark SQL as the `flinkSql` pair of a form body, the same in every environment. */
  streamparkForm?: string;
}

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
    const ds = checkScript({ kind: 'Script', statements }, { validators: connectorValidators, onBound: (b) => (bound = b) });
    const text = printedStatements(statements);
    e.checked = {
      name: job.name,
      statements,
      text,
      placeholders: placeholders(text),
      diagnostics: ds.map((d) => ({ ...d, path: `jobs.${job.name}.${d.path ?? 'statements'}` })),
      ...(bound === undefined ? {} : { bound }),
    };
  }
  return e.checked;
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
    e.streampark = { text, problems: streamparkSqlProblems(text) };
  }
  return e.streampark;
}

/** The job's StreamPark SQL as the `flinkSql=…` pair of the create form (encoded once, not once per environment). */
export function streamparkSqlField(env: ResolvedEnvironment, job: ResolvedJob): string {
  const e = entry(env, job);
  return (e.streamparkForm ??= encodeFormField('flinkSql', streamparkSql(env, job).text));
}
