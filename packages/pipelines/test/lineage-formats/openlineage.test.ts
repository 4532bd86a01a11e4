/**
 * OpenLineage events of both examples, validated with ajv against the official OpenLineage JSON schemas (vendored in
 * openlineage-spec/): the event (2-0-2), the schema and columnLineage dataset facets (1-2-0), the jobType job facet.
 */
import { describe, expect, test } from 'vitest';
import type { OpenLineageEvent } from '@flinkts/pipelines';
import { openLineageEvents, openLineageJsonLines } from '@flinkts/pipelines/internal';
import { REALTIME_DW, WRONGBOOK } from './fixtures.js';
import { columnLineageFacetSchema, eventSchema, openLineageProblems } from './openlineage-schemas.js';

const OPTIONS = { eventTime: '2026-12-06T12:00:00.000Z', producer: 'urn:flinkts:0.1.0' };

function validateAll(events: readonly OpenLineageEvent[]): void {
  expect(openLineageProblems(events)).toEqual([]);
}

describe('OpenLineage events', () => {
  test('the schemas reject what they should (the validator is live)', () => {
    const [e] = openLineageEvents(WRONGBOOK, OPTIONS);
    expect(eventSchema({ ...e, run: { runId: 'not-a-uuid' } })).toBe(false);
    const broken = openLineageProblems([{ ...e!, outputs: [{ ...e!.outputs[0]!, facets: { schema: { fields: [] } } }] }]);
    expect(broken).toContain("job wrongbook-wide-table/outputs/0/facets/schema: must have required property '_producer'");
    expect(broken).toContain("job wrongbook-wide-table dwd.dwd_wrong_record_wide_delta.facets/schema: must have required property '_schemaURL'");
    expect(broken).toContain('job wrongbook-wide-table dwd.dwd_wrong_record_wide_delta: no columnLineage facet');
    expect(columnLineageFacetSchema({ columnLineage: { _producer: 'urn:x', _schemaURL: 'urn:y', fields: { id: { inputFields: [{ name: 'n', field: 'f' }] } } } })).toBe(false);
  });

  test('RunEvents and JobEvents of both examples validate against the official schemas', () => {
    for (const lineage of [REALTIME_DW, WRONGBOOK]) {
      validateAll(openLineageEvents(lineage, OPTIONS));
      validateAll(openLineageEvents(lineage, { ...OPTIONS, eventKind: 'job' }));
    }
  });

  test('seed 001: one event with the Kafka input, the MySQL output and per-input transformations', () => {
    const events = openLineageEvents(WRONGBOOK, OPTIONS);
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.eventType).toBe('COMPLETE');
    expect(e.run?.runId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(openLineageEvents(WRONGBOOK, OPTIONS)[0]!.run).toEqual(e.run);
    expect(e.job).toMatchObject({ namespace: 'wrongbook.prod', name: 'wrongbook-wide-table' });
    expect(e.inputs.map((d) => [d.namespace, d.name])).toEqual([['kafka://kafka.aliyun.com:9092', 'wrongbook-events']]);
    expect(e.outputs.map((d) => [d.namespace, d.name])).toEqual([['mysql://rds.aliyun.com:3306', 'dwd.dwd_wrong_record_wide_delta']]);
    const cl = e.outputs[0]!.facets['columnLineage'] as { fields: Record<string, { inputFields: unknown[] }>; dataset: unknown[] };
    expect(cl.fields['collect_time']).toEqual({
      inputFields: [
        {
          namespace: 'kafka://kafka.aliyun.com:9092',
          name: 'wrongbook-events',
          field: 'payload',
          transformations: [{ type: 'DIRECT', subtype: 'TRANSFORMATION', description: "TO_TIMESTAMP_LTZ(CAST(JSON_VALUE(`e`.`payload`, '$.wrongTime') AS BIGINT), 3)", masking: false }],
        },
      ],
    });
    expect(cl.dataset).toEqual([
      { namespace: 'kafka://kafka.aliyun.com:9092', name: 'wrongbook-events', field: 'domain', transformations: [{ type: 'INDIRECT', subtype: 'FILTER', description: "`e`.`domain` = 'wrongbook'", masking: false }] },
      { namespace: 'kafka://kafka.aliyun.com:9092', name: 'wrongbook-events', field: 'type', transformations: [{ type: 'INDIRECT', subtype: 'FILTER', description: "`e`.`type` = 'wrongbook_add'", masking: false }] },
    ]);
    expect(Object.keys(cl.fields)).not.toContain('question');
    const schema = e.outputs[0]!.facets['schema'] as { fields: { name: string; type: string; ordinal_position: number }[] };
    expect(schema.fields[11]).toEqual({ name: 'collect_time', type: 'TIMESTAMP(3)', ordinal_position: 12 });
  });

  test('realtime-dw: one event per job; a paid amount has two inputs, each with its own transformation', () => {
    const events = openLineageEvents(REALTIME_DW, OPTIONS);
    expect(events.map((e) => e.job.name)).toEqual(['rt-dw-cdc-ingestion', 'rt-dw-ods-processing', 'rt-dw-dwd-transform', 'rt-dw-dws-aggregate']);
    const dws = events[3]!.outputs.find((d) => d.name.endsWith('dws.db/dws_sales_daily'))!;
    expect(dws.namespace).toBe('hdfs://');
    const paid = (dws.facets['columnLineage'] as { fields: Record<string, { inputFields: { field: string; transformations: { subtype: string }[] }[] }> }).fields['paid_amount']!;
    expect(paid.inputFields.map((f) => [f.field, f.transformations.map((t) => t.subtype)])).toEqual([['amount', ['AGGREGATION']], ['is_paid', ['CONDITIONAL']]]);
    const starrocks = events[3]!.outputs.find((d) => d.namespace === 'starrocks://starrocks-fe.prod.internal:9030')!;
    expect(starrocks.name).toBe('rt_dw.ads_sales_daily');
    expect(openLineageJsonLines(events).split('\n')).toHaveLength(5);
  });
});
