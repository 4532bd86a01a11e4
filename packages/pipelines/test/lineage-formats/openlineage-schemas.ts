/**
 * The official OpenLineage JSON schemas (vendored in openlineage-spec/) compiled with ajv: the event (2-0-2), the
 * schema and columnLineage dataset facets (1-2-0) and the jobType job facet (2-0-4).
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenLineageEvent } from '@flinkts/pipelines';

const spec = (name: string): object => JSON.parse(readFileSync(new URL(`./openlineage-spec/${name}.json`, import.meta.url), 'utf8')) as object;

const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
for (const s of ['OpenLineage', 'SchemaDatasetFacet', 'ColumnLineageDatasetFacet', 'JobTypeJobFacet']) ajv.addSchema(spec(s));

export const eventSchema = ajv.getSchema('https://openlineage.io/spec/2-0-2/OpenLineage.json')!;
export const schemaFacetSchema = ajv.getSchema('https://openlineage.io/spec/facets/1-2-0/SchemaDatasetFacet.json')!;
export const columnLineageFacetSchema = ajv.getSchema('https://openlineage.io/spec/facets/1-2-0/ColumnLineageDatasetFacet.json')!;
export const jobTypeFacetSchema = ajv.getSchema('https://openlineage.io/spec/facets/2-0-4/JobTypeJobFacet.json')!;

function check(validate: ValidateFunction, value: unknown, where: string, out: string[]): void {
  if (!validate(value)) out.push(...(validate.errors ?? []).map((e) => `${where}${e.instancePath}: ${e.message ?? e.keyword}`));
}

/** Every schema violation of the events (empty when all validate); every output must carry columnLineage. */
export function openLineageProblems(events: readonly OpenLineageEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    const at = `job ${e.job.name}`;
    check(eventSchema, e, at, out);
    check(jobTypeFacetSchema, e.job.facets, `${at} job.facets`, out);
    for (const d of [...e.inputs, ...e.outputs]) check(schemaFacetSchema, d.facets, `${at} ${d.name}.facets`, out);
    for (const d of e.outputs) {
      if (d.facets['columnLineage'] === undefined) out.push(`${at} ${d.name}: no columnLineage facet`);
      check(columnLineageFacetSchema, d.facets, `${at} ${d.name}.facets`, out);
    }
  }
  return out;
}
