/**
 * Lineage as OpenLineage events (spec 2-0-2): one event per job — a RunEvent (eventType COMPLETE, a run id derived
 * from the pipeline, environment, job and event time) or a JobEvent — with the job's input and output datasets.
 * Every dataset carries the `schema` facet (1-2-0); every output the `columnLineage` facet (1-2-0): for each output
 * column its input fields with their `transformations` (type, subtype, description), and in `dataset` the input
 * fields that act on the whole table (filters, join and grouping keys). Dataset namespaces follow OpenLineage's
 * naming (`kafka://host:port`, `mysql://host:port`, …) from each table's address; a table without an address is
 * named in the namespace `flinkts://<pipeline>` by its catalog path. No connector options are included, so no
 * credential can reach an event.
 */
import { createHash } from 'node:crypto';
import type { LineageEdge, LineageTable, PipelineLineage } from '@flinkts/core';

export const OPENLINEAGE_SCHEMA_URL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json';
const SCHEMA_FACET_URL = 'https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet';
const COLUMN_LINEAGE_FACET_URL = 'https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json#/$defs/ColumnLineageDatasetFacet';
const JOB_TYPE_FACET_URL = 'https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet';

export interface OpenLineageOptions {
  /** `run` (default): RunEvents with eventType COMPLETE; `job`: JobEvents (no run). */
  readonly eventKind?: 'run' | 'job';
  /** ISO 8601 time of the events (the caller's clock; fixed in tests for deterministic output). */
  readonly eventTime: string;
  /** URI of the producer, e.g. `urn:flinkts:0.1.0`. */
  readonly producer: string;
  /** The namespace of the jobs; default `<pipeline>.<environment>`. */
  readonly jobNamespace?: string;
}

export interface OpenLineageDataset {
  readonly namespace: string;
  readonly name: string;
  readonly facets: Readonly<Record<string, unknown>>;
}

export interface OpenLineageEvent {
  readonly eventType?: 'COMPLETE';
  readonly eventTime: string;
  readonly producer: string;
  readonly schemaURL: string;
  readonly run?: { readonly runId: string };
  readonly job: { readonly namespace: string; readonly name: string; readonly facets: Readonly<Record<string, unknown>> };
  readonly inputs: readonly OpenLineageDataset[];
  readonly outputs: readonly OpenLineageDataset[];
}

/** The dataset namespace and name of a table. */
export function datasetId(lineage: PipelineLineage, table: LineageTable | undefined, name: string): { namespace: string; name: string } {
  const a = table?.address;
  return a === undefined ? { namespace: `flinkts://${lineage.pipeline}`, name } : { namespace: `${a.scheme}://${a.authority}`, name: a.name };
}

/** A name-based UUID (RFC 9562 version 5 layout over SHA-256 bytes): the same inputs give the same run id. */
function runId(parts: readonly string[]): string {
  const b = createHash('sha256').update(parts.join('\u0000')).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface InputField {
  namespace: string;
  name: string;
  field: string;
  transformations: { type: string; subtype: string; description?: string; masking: boolean }[];
}

/** Input fields of some edges, one per source column, with one transformation per edge (in edge order). */
function inputFields(lineage: PipelineLineage, tables: ReadonlyMap<string, LineageTable>, edges: readonly LineageEdge[]): InputField[] {
  const out: InputField[] = [];
  for (const e of edges) {
    const id = datasetId(lineage, tables.get(e.from.table), e.from.table);
    let field = out.find((f) => f.namespace === id.namespace && f.name === id.name && f.field === e.from.column);
    if (field === undefined) {
      field = { namespace: id.namespace, name: id.name, field: e.from.column, transformations: [] };
      out.push(field);
    }
    // HASH_CODE and the like are not masking in OpenLineage's sense (the value is still derived from the input).
    field.transformations.push({ type: e.type, subtype: e.subtype, ...(e.description === undefined ? {} : { description: e.description }), masking: false });
  }
  return out;
}

export function openLineageEvents(lineage: PipelineLineage, options: OpenLineageOptions): OpenLineageEvent[] {
  const tables = new Map(lineage.tables.map((t) => [t.name, t]));
  const producer = options.producer;
  const schemaFacet = (t: LineageTable | undefined) => ({
    schema: {
      _producer: producer,
      _schemaURL: SCHEMA_FACET_URL,
      fields: (t?.columns ?? []).map((c, i) => ({ name: c.name, type: c.type, ordinal_position: i + 1 })),
    },
  });
  const jobNamespace = options.jobNamespace ?? `${lineage.pipeline}.${lineage.environment}`;
  return lineage.jobs.map((job) => {
    const edges = lineage.edges.filter((e) => e.job === job.name);
    const inputs = job.inputs.map((name) => ({ ...datasetId(lineage, tables.get(name), name), facets: schemaFacet(tables.get(name)) }));
    const outputs = job.outputs.map((name) => {
      const t = tables.get(name);
      const into = edges.filter((e) => e.to.table === name);
      const fields: Record<string, { inputFields: InputField[] }> = {};
      for (const c of t?.columns ?? []) {
        const mine = into.filter((e) => e.to.column === c.name);
        if (mine.length > 0) fields[c.name] = { inputFields: inputFields(lineage, tables, mine) };
      }
      const whole = into.filter((e) => e.to.column === undefined);
      return {
        ...datasetId(lineage, t, name),
        facets: {
          ...schemaFacet(t),
          columnLineage: {
            _producer: producer,
            _schemaURL: COLUMN_LINEAGE_FACET_URL,
            fields,
            ...(whole.length === 0 ? {} : { dataset: inputFields(lineage, tables, whole) }),
          },
        },
      };
    });
    const jobPart = {
      namespace: jobNamespace,
      name: job.name,
      facets: { jobType: { _producer: producer, _schemaURL: JOB_TYPE_FACET_URL, processingType: 'STREAMING', integration: 'FLINK', jobType: 'JOB' } },
    };
    const head = { eventTime: options.eventTime, producer, schemaURL: `${OPENLINEAGE_SCHEMA_URL}#/$defs/${options.eventKind === 'job' ? 'JobEvent' : 'RunEvent'}` };
    if (options.eventKind === 'job') return { ...head, job: jobPart, inputs, outputs };
    return {
      eventType: 'COMPLETE' as const,
      ...head,
      run: { runId: runId([lineage.pipeline, lineage.environment, job.name, options.eventTime]) },
      job: jobPart,
      inputs,
      outputs,
    };
  });
}

/** The events as JSON Lines (one event per line), the form OpenLineage's file transport writes. */
export function openLineageJsonLines(events: readonly OpenLineageEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}
