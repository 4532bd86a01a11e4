/**
 * Queries over a pipeline's lineage. Each answers with a `LineageView`: the query and the part of the lineage that
 * answers it (tables, jobs and edges in the lineage's own order), so every format renders a query's answer the
 * same way it renders the whole pipeline.
 *
 * - upstream of a column: every edge its value depends on, followed back to the sources (edges into the column and
 *   into its whole table, such as filters and join keys);
 * - downstream of a column (impact): every edge leaving it, followed to the last sink; a whole-table target (the
 *   column filters, joins or groups the rows of a table) makes every column of that table impacted;
 * - a table: the upstream and downstream of all its columns;
 * - the job graph: a job feeds another when it writes a table the other reads.
 */
import type { LineageColumnRef, LineageEdge, PipelineLineage } from '@flinkts/core';
import type { LineageGraph } from './graph.js';
import { columnKey, edgesInto, lineageGraph, targetColumns } from './graph.js';

export type LineageQuery =
  | { readonly kind: 'all' }
  | { readonly kind: 'upstream'; readonly column: LineageColumnRef }
  | { readonly kind: 'downstream'; readonly column: LineageColumnRef }
  | { readonly kind: 'table'; readonly table: string }
  | { readonly kind: 'job'; readonly job: string };

export interface LineageView {
  readonly query: LineageQuery;
  /** The part of the lineage that answers the query. */
  readonly lineage: PipelineLineage;
}

/** The edges reached walking back from the columns (breadth first; each column once). */
function upstreamEdges(g: LineageGraph, start: readonly LineageColumnRef[]): Set<LineageEdge> {
  const edges = new Set<LineageEdge>();
  const seen = new Set(start.map(columnKey));
  const queue = [...start];
  for (let i = 0; i < queue.length; i++) {
    for (const e of edgesInto(g, queue[i]!)) {
      edges.add(e);
      const key = columnKey(e.from);
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(e.from);
      }
    }
  }
  return edges;
}

/** The edges reached walking forward from the columns; a whole-table target continues from all its columns. */
function downstreamEdges(g: LineageGraph, start: readonly LineageColumnRef[]): Set<LineageEdge> {
  const edges = new Set<LineageEdge>();
  const seen = new Set(start.map(columnKey));
  const queue = [...start];
  for (let i = 0; i < queue.length; i++) {
    for (const e of g.outgoing.get(columnKey(queue[i]!)) ?? []) {
      edges.add(e);
      for (const c of targetColumns(g, e.to)) {
        const key = columnKey(c);
        if (!seen.has(key)) {
          seen.add(key);
          queue.push(c);
        }
      }
    }
  }
  return edges;
}

/** The lineage restricted to some edges, their tables and jobs (plus tables that must stay, e.g. the focus). */
function restrict(lineage: PipelineLineage, edges: ReadonlySet<LineageEdge>, keepTables: readonly string[] = []): PipelineLineage {
  const tables = new Set(keepTables);
  const jobs = new Set<string>();
  for (const e of edges) {
    tables.add(e.from.table);
    tables.add(e.to.table);
    jobs.add(e.job);
  }
  return {
    pipeline: lineage.pipeline,
    environment: lineage.environment,
    tables: lineage.tables.filter((t) => tables.has(t.name)),
    jobs: lineage.jobs
      .filter((j) => jobs.has(j.name))
      .map((j) => ({ name: j.name, inputs: j.inputs.filter((t) => tables.has(t)), outputs: j.outputs.filter((t) => tables.has(t)) })),
    edges: lineage.edges.filter((e) => edges.has(e)),
  };
}

export function wholeLineage(lineage: PipelineLineage): LineageView {
  return { query: { kind: 'all' }, lineage };
}

export function upstreamOf(lineage: PipelineLineage, column: LineageColumnRef): LineageView {
  return { query: { kind: 'upstream', column }, lineage: restrict(lineage, upstreamEdges(lineageGraph(lineage), [column]), [column.table]) };
}

export function downstreamOf(lineage: PipelineLineage, column: LineageColumnRef): LineageView {
  return { query: { kind: 'downstream', column }, lineage: restrict(lineage, downstreamEdges(lineageGraph(lineage), [column]), [column.table]) };
}

export function tableLineage(lineage: PipelineLineage, table: string): LineageView {
  const g = lineageGraph(lineage);
  const columns = targetColumns(g, { table });
  const edges = new Set([...upstreamEdges(g, columns), ...downstreamEdges(g, columns)]);
  return { query: { kind: 'table', table }, lineage: restrict(lineage, edges, [table]) };
}

/** One job's own edges, tables and neighbours. */
export function jobLineage(lineage: PipelineLineage, job: string): LineageView {
  return { query: { kind: 'job', job }, lineage: restrict(lineage, new Set(lineage.edges.filter((e) => e.job === job))) };
}

/** What changes when a column changes: the jobs that carry the change, the tables and the columns it reaches. */
export interface Impact {
  readonly column: LineageColumnRef;
  readonly jobs: readonly string[];
  readonly tables: readonly string[];
  readonly columns: readonly LineageColumnRef[];
}

export function impactOf(lineage: PipelineLineage, column: LineageColumnRef): Impact {
  const g = lineageGraph(lineage);
  const edges = downstreamEdges(g, [column]);
  const reached = new Set<string>();
  for (const e of edges) for (const c of targetColumns(g, e.to)) reached.add(columnKey(c));
  const columns = lineage.tables.flatMap((t) => t.columns.map((c) => ({ table: t.name, column: c.name }))).filter((c) => reached.has(columnKey(c)));
  const tables = lineage.tables.map((t) => t.name).filter((t) => columns.some((c) => c.table === t));
  const jobs = lineage.jobs.map((j) => j.name).filter((j) => [...edges].some((e) => e.job === j));
  return { column, jobs, tables, columns };
}

/** A job feeds another when it writes a table the other reads. */
export interface JobLink {
  readonly from: string;
  readonly to: string;
  /** The tables one writes and the other reads, in the lineage's table order. */
  readonly tables: readonly string[];
}

export function jobGraph(lineage: PipelineLineage): readonly JobLink[] {
  const order = new Map(lineage.tables.map((t, i) => [t.name, i]));
  const readers = new Map<string, string[]>();
  for (const j of lineage.jobs) for (const t of j.inputs) readers.set(t, [...(readers.get(t) ?? []), j.name]);
  const links: JobLink[] = [];
  for (const a of lineage.jobs) {
    const shared = new Map<string, string[]>();
    for (const t of [...new Set(a.outputs)].sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0))) {
      for (const b of readers.get(t) ?? []) if (b !== a.name) shared.set(b, [...(shared.get(b) ?? []), t]);
    }
    for (const b of lineage.jobs) {
      const tables = shared.get(b.name);
      if (tables !== undefined) links.push({ from: a.name, to: b.name, tables });
    }
  }
  return links;
}
