/**
 * Lineage of a pipeline in one environment: its jobs joined by the tables they share (catalog-qualified names), each
 * table with its columns, connector, OpenLineage dataset address and layer, and the column edges of every job from
 * the bound plan (core's binder and sinksLineage). A column can be followed from a CDC source through every layer
 * to the serving sink by chaining edges whose `to` is the next edge's `from`.
 */
import { checkNameArgument, checkPipelineValue } from '../arguments.js';
import type { BoundScript, Catalog, Diagnostic, LineageEdge, LineageJob, LineageTable, ObjectCatalog, PipelineLineage } from '@flinkts/core';
import { BIND_CODES, FlinktsError, printDataType } from '@flinkts/core';
import { bindScript, sinksLineage, sortEdges, tableColumns } from '@flinkts/core/internal';
import { hiveSiteOf } from '@flinkts/connectors/internal';
import type { Job } from '../job.js';
import { checkedBound } from '../job-analysis.js';
import { jobScript } from '../job-script.js';
import type { AnyPipeline } from '../pipeline.js';
import { resolveEnvironment } from '../resolve-environment.js';
import type { ResolvedEnvironment, ResolvedJob } from '../resolve-environment.js';
import { substitute } from '../variables.js';
import { datasetAddress } from './dataset-address.js';
import { qualifiedName, tableGraph } from './table-graph.js';

export interface PipelineLineageResult {
  /** Absent when the environment does not resolve. */
  readonly lineage?: PipelineLineage;
  /** Problems resolving the environment or binding a job's statements (those statements add no edges). */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * A job's statements bound once per pipeline and job, values not substituted, with their column edges, shared by
 * every environment (as the analyzer's script is, job-analysis.ts): columns and edges come from schemas and
 * queries, never from a WITH value. Only dataset addresses read values, substituted per environment in `tableOf`.
 * Weak keys: nothing is kept once the pipeline is gone.
 */
interface BoundJob {
  readonly bound: BoundScript;
  readonly edges: readonly LineageEdge[];
}

const boundJobs = new WeakMap<AnyPipeline, Map<Job, BoundJob>>();

function boundJob(env: ResolvedEnvironment, job: ResolvedJob): BoundJob {
  let jobs = boundJobs.get(env.pipeline);
  if (jobs === undefined) boundJobs.set(env.pipeline, (jobs = new Map()));
  let known = jobs.get(job.job);
  if (known === undefined) {
    // the analyzer's binding of the same script when the job was checked (flinkts build), else its own
    const bound = checkedBound(env, job) ?? bindScript(jobScript(job, { setLines: false, splitPersistent: false }).statements);
    jobs.set(job.job, (known = { bound, edges: sinksLineage(bound.statements.flatMap((s) => s.sinks), job.name) }));
  }
  return known;
}

function tableOf(catalog: ObjectCatalog, name: string, layer: string | undefined, env: ResolvedEnvironment, catalogs: ReadonlyMap<string, Catalog>): LineageTable | undefined {
  const entry = catalog.lookup(name.split('.'));
  if (entry?.kind !== 'table') return undefined;
  const s = entry.statement;
  // Computed columns carry the type of their expression (UNKNOWN when it calls a user function).
  const columns = tableColumns(entry, catalog).map((c) => ({ name: c.name, type: c.type === undefined ? 'UNKNOWN' : printDataType(c.type) }));
  const declaredCatalog = catalogs.get(entry.path[0]);
  const hiveSite = declaredCatalog === undefined ? undefined : hiveSiteOf(declaredCatalog.connector);
  const { connector, address } = datasetAddress({
    path: entry.path,
    options: new Map(s.options.map((o) => [o.key, substitute(o.value, env.variables)])),
    ...(entry.catalog === undefined ? {} : {
      catalog: {
        options: new Map(entry.catalog.options.map((o) => [o.key, substitute(o.value, env.variables)])),
        ...(hiveSite === undefined ? {} : { hiveSite: new Map(hiveSite.flatMap((e) => ('value' in e ? [[e.key, substitute(e.value, env.variables)] as const] : []))) }),
      },
    }),
  });
  return Object.freeze({ name, columns, ...(connector === undefined ? {} : { connector }), ...(address === undefined ? {} : { address }), ...(layer === undefined ? {} : { layer }) });
}

/** Lineage of `pipeline` in `environment`, with the diagnostics of what could not be followed. */
export function pipelineLineageWithDiagnostics(pipeline: AnyPipeline, environment: string): PipelineLineageResult {
  const diagnostics: Diagnostic[] = [];
  const env = resolveEnvironment(pipeline, environment, diagnostics);
  if (env === undefined) return { diagnostics };
  const graph = tableGraph(env);
  const catalogs = new Map<string, Catalog>();
  for (const j of env.jobs) for (const c of [...j.declarations.catalogs, ...(j.job.spec.use === undefined ? [] : [j.job.spec.use.catalog])]) if (!catalogs.has(c.name)) catalogs.set(c.name, c);
  const tables = new Map<string, LineageTable>();
  const jobs: LineageJob[] = [];
  const edges: LineageEdge[] = [];
  env.jobs.forEach((job, j) => {
    const { bound, edges: jobEdges } = boundJob(env, job);
    diagnostics.push(...bound.diagnostics.map((d) => ({ ...d, path: `jobs.${job.name}.statements` })));
    edges.push(...jobEdges);
    const inputs = new Set<string>();
    const outputs = new Set<string>();
    for (const write of graph[j]!.writes) {
      const target = qualifiedName(job, write.target).join('.');
      outputs.add(target);
      for (const read of write.reads) inputs.add(qualifiedName(job, read).join('.'));
      for (const t of [write.target, ...write.reads]) {
        const name = qualifiedName(job, t).join('.');
        if (tables.has(name)) continue;
        const table = tableOf(bound.catalog, name, t.layer, env, catalogs);
        if (table !== undefined) tables.set(name, table);
      }
    }
    jobs.push(Object.freeze({ name: job.name, inputs: [...inputs].sort(), outputs: [...outputs].sort() }));
  });
  const lineage: PipelineLineage = Object.freeze({
    pipeline: pipeline.name,
    environment: env.name,
    tables: [...tables.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    jobs,
    edges: sortEdges(edges),
  });
  return { lineage, diagnostics };
}

/**
 * Lineage of `pipeline` in `environment`; a FlinktsError with the diagnostics when any is an error (a name or type
 * the binder cannot resolve, or FTS4501: a statement flinkts does not follow yet).
 */
export function pipelineLineage(pipeline: AnyPipeline, environment: string): PipelineLineage {
  checkPipelineValue('pipelineLineage()', pipeline);
  checkNameArgument('pipelineLineage()', 'environment', environment);
  const { lineage, diagnostics } = pipelineLineageWithDiagnostics(pipeline, environment);
  // a statement flinkts cannot follow (FTS4501, a warning for `check`) would leave the lineage incomplete
  const errors = diagnostics.filter((d) => d.severity === 'error' || d.code === BIND_CODES.notBound);
  if (lineage === undefined || errors.length > 0) throw new FlinktsError(errors);
  return lineage;
}
