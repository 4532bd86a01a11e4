/**
 * The one table graph of a pipeline in one environment: per job, each INSERT's target and the tables it reads (views
 * expanded), with their layers and declarations. The layer check (check-pipeline.ts → core's checkPipelineGraph)
 * and lineage (pipeline-lineage.ts) both read it. Names are as declared (the layer check's messages name tables the
 * way the user wrote them); `qualifiedName` gives the catalog-qualified name a job resolves them to.
 */
import type { GraphJob, GraphTable, QualifiedName } from '@flinkts/core';
import { Namespace } from '@flinkts/core/internal';
import type { Declared } from '../declarations.js';
import type { ResolvedEnvironment, ResolvedJob } from '../resolve-environment.js';

const graphTable = (d: Declared): GraphTable => ({ name: d.path.join('.'), ...(d.kind === 'table' && d.layer !== undefined ? { layer: d.layer } : {}), declaration: d.statement });

export function tableGraph(env: ResolvedEnvironment): GraphJob[] {
  return env.jobs.map((job) => ({
    name: job.name,
    writes: job.declarations.inserts.flatMap((use, i) =>
      use.target === undefined ? [] : [{ path: `jobs.${job.name}.statements[${i}]`, target: graphTable(use.target), reads: use.reads.filter((r) => r.kind === 'table').map(graphTable) }],
    ),
  }));
}

/** The namespace a job's script resolves names in (its `use` catalog and database, else Flink's defaults). */
export function jobNamespace(job: ResolvedJob): Namespace {
  const ns = new Namespace();
  const use = job.job.spec.use;
  if (use !== undefined) {
    ns.apply({ kind: 'UseCatalog', name: use.catalog.name });
    if (use.database !== undefined) ns.apply({ kind: 'UseDatabase', path: [use.database] });
  }
  return ns;
}

/** The catalog-qualified name of a graph table as `job` resolves it. */
export function qualifiedName(job: ResolvedJob, table: GraphTable): QualifiedName {
  return jobNamespace(job).qualify(table.declaration.path);
}
