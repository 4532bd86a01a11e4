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
import { checkScript, printStatements } from '@flinkts/core';
import { connectorValidators } from '@flinkts/connectors';
import { streamparkSqlProblems } from './emit/streampark-sql.js';
import type { Job } from './job.js';
import { jobScript } from './job-script.js';
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
  checked?: CheckedJob;
  streampark?: StreamparkSql;
}

const analyses = new WeakMap<AnyPipeline, Map<Job, Entry>>();

function entry(env: ResolvedEnvironment, job: ResolvedJob): Entry {
  let jobs = analyses.get(env.pipeline);
  if (jobs === undefined) analyses.set(env.pipeline, (jobs = new Map()));
  let e = jobs.get(job.job);
  if (e === undefined) jobs.set(job.job, (e = {}));
  return e;
}

/** The job's script as the analyzer checks it, with its diagnostics. */
export function checkedJob(env: ResolvedEnvironment, job: ResolvedJob): CheckedJob {
  const e = entry(env, job);
  if (e.checked === undefined) {
    const script = jobScript(job, { setLines: false, splitPersistent: false });
    let bound: BoundScript | undefined;
    const ds = checkScript({ kind: 'Script', statements: script.statements }, { validators: connectorValidators, onBound: (b) => (bound = b) });
    const text = printStatements(script.statements);
    e.checked = {
      name: job.name,
      statements: script.statements,
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
    const text = printStatements(jobScript(job, { setLines: false, splitPersistent: false, bareInserts: true }).statements);
    e.streampark = { text, problems: streamparkSqlProblems(text) };
  }
  return e.streampark;
}
