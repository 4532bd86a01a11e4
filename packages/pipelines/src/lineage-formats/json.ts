/**
 * Lineage as JSON: deterministic (key order fixed here, lists in the lineage's own order), two-space indented, and
 * readable back by `readLineageJson` — `flinkts lineage --from <file>` queries a saved file without the pipeline.
 */
import type { Diagnostic, LineageEdge, LineageTable, PipelineLineage } from '@flinkts/core';
import { z } from 'zod';
import { textFields } from '@flinkts/core/internal';
import { LINEAGE_TEXTS } from './codes.js';
import type { LineageView } from './query.js';
import { impactOf, jobGraph } from './query.js';

export const LINEAGE_JSON_FORMAT = 'flinkts-lineage';
export const LINEAGE_JSON_VERSION = 1;

const table = (t: LineageTable) => ({
  name: t.name,
  ...(t.layer === undefined ? {} : { layer: t.layer }),
  ...(t.connector === undefined ? {} : { connector: t.connector }),
  ...(t.address === undefined ? {} : { address: { scheme: t.address.scheme, authority: t.address.authority, name: t.address.name } }),
  columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
});

const edge = (e: LineageEdge) => ({
  from: { table: e.from.table, column: e.from.column },
  to: e.to.column === undefined ? { table: e.to.table } : { table: e.to.table, column: e.to.column },
  type: e.type,
  subtype: e.subtype,
  ...(e.description === undefined ? {} : { description: e.description }),
  job: e.job,
});

/** The JSON text of a lineage view, ending with a newline. */
export function lineageJson(view: LineageView): string {
  const { lineage, query } = view;
  const value = {
    format: LINEAGE_JSON_FORMAT,
    version: LINEAGE_JSON_VERSION,
    pipeline: lineage.pipeline,
    environment: lineage.environment,
    query,
    ...(query.kind === 'downstream' ? { impact: impactOf(lineage, query.column) } : {}),
    tables: lineage.tables.map(table),
    jobs: lineage.jobs.map((j) => ({ name: j.name, inputs: [...j.inputs], outputs: [...j.outputs] })),
    jobGraph: jobGraph(lineage),
    edges: lineage.edges.map(edge),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

const SUBTYPES = ['IDENTITY', 'TRANSFORMATION', 'AGGREGATION', 'JOIN', 'FILTER', 'GROUP_BY', 'WINDOW', 'SORT', 'CONDITIONAL'] as const;

const FILE = z.object({
  format: z.literal(LINEAGE_JSON_FORMAT),
  version: z.literal(LINEAGE_JSON_VERSION),
  pipeline: z.string(),
  environment: z.string(),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      layer: z.string().optional(),
      connector: z.string().optional(),
      address: z.object({ scheme: z.string(), authority: z.string(), name: z.string() }).optional(),
      columns: z.array(z.object({ name: z.string().min(1), type: z.string() })),
    }),
  ),
  jobs: z.array(z.object({ name: z.string().min(1), inputs: z.array(z.string()), outputs: z.array(z.string()) })),
  edges: z.array(
    z.object({
      from: z.object({ table: z.string(), column: z.string() }),
      to: z.object({ table: z.string(), column: z.string().optional() }),
      type: z.enum(['DIRECT', 'INDIRECT']),
      subtype: z.enum(SUBTYPES),
      description: z.string().optional(),
      job: z.string(),
    }),
  ),
});

/** Reads lineage JSON (as `lineageJson` writes it); problems are diagnostics naming the file and the field. */
export function readLineageJson(text: string, file: string): { readonly lineage?: PipelineLineage; readonly diagnostics: readonly Diagnostic[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { diagnostics: [{ ...textFields(LINEAGE_TEXTS.badLineageFile({ kind: 'notJson', file, problem: (e as Error).message })), severity: 'error', file }] };
  }
  const parsed = FILE.safeParse(raw);
  if (!parsed.success) {
    return {
      diagnostics: parsed.error.issues.slice(0, 5).map((i) => ({
        ...textFields(LINEAGE_TEXTS.badLineageFile({ kind: 'notLineage', file, problem: i.message })),
        severity: 'error' as const,
        path: i.path.join('.'),
        file,
      })),
    };
  }
  const l = parsed.data;
  const problems = danglingNames(l);
  if (problems.length > 0) {
    return {
      diagnostics: problems.slice(0, 5).map(([path, message]) => ({
        ...textFields(LINEAGE_TEXTS.badLineageFile({ kind: 'inconsistent', file, problem: message })),
        severity: 'error' as const,
        path,
        file,
      })),
    };
  }
  const lineage: PipelineLineage = {
    pipeline: l.pipeline,
    environment: l.environment,
    tables: l.tables.map((t) => ({ name: t.name, columns: t.columns, ...(t.layer === undefined ? {} : { layer: t.layer }), ...(t.connector === undefined ? {} : { connector: t.connector }), ...(t.address === undefined ? {} : { address: t.address }) })),
    jobs: l.jobs,
    edges: l.edges.map((e) => ({
      from: e.from,
      to: e.to.column === undefined ? { table: e.to.table } : { table: e.to.table, column: e.to.column },
      type: e.type,
      subtype: e.subtype,
      ...(e.description === undefined ? {} : { description: e.description }),
      job: e.job,
    })),
  };
  return { lineage, diagnostics: [] };
}

/** Edges and jobs that name a table or column the file does not declare: [path, message]. */
function danglingNames(l: z.infer<typeof FILE>): [string, string][] {
  const columns = new Map(l.tables.map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
  const jobs = new Set(l.jobs.map((j) => j.name));
  const out: [string, string][] = [];
  l.jobs.forEach((j, i) => {
    for (const t of [...j.inputs, ...j.outputs]) if (!columns.has(t)) out.push([`jobs.${i}`, `job ${j.name} names table ${t}, which is not in tables`]);
  });
  l.edges.forEach((e, i) => {
    for (const [end, ref] of [['from', e.from], ['to', e.to]] as const) {
      const cols = columns.get(ref.table);
      if (cols === undefined) out.push([`edges.${i}.${end}`, `table ${ref.table} is not in tables`]);
      else if (ref.column !== undefined && !cols.has(ref.column)) out.push([`edges.${i}.${end}`, `table ${ref.table} has no column ${ref.column}`]);
    }
    if (!jobs.has(e.job)) out.push([`edges.${i}.job`, `job ${e.job} is not in jobs`]);
  });
  return out;
}
