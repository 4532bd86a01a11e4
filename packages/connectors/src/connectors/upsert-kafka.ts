/**
 * The `upsert-kafka` connector: an upsert stream keyed by the PRIMARY KEY (required). Its key and value formats
 * must be insert-only, which its supported-format list (json, csv, avro, avro-confluent, raw, protobuf) enforces.
 */
import { upsertKafkaCatalog } from '../generated/upsert-kafka.js';
import type { UpsertKafkaOptions } from '../generated/upsert-kafka.js';
import { ARTIFACTS, formatArtifacts, uniqueArtifacts } from '../artifacts.js';
import type { ConnectorDefinition, TypedConnector } from './definition.js';
import { buildConnector } from './definition.js';
import { kafkaCommonRules } from './kafka.js';
import { lower } from './helpers.js';

export type { UpsertKafkaOptions };

export const upsertKafkaDefinition: ConnectorDefinition = {
  identifier: 'upsert-kafka',
  catalog: upsertKafkaCatalog,
  formatKeys: ['value.format', 'key.format'],
  rules(ctx) {
    const v = ctx.values;
    if ((v.get('topic') ?? '').includes(';')) ctx.report({ kind: 'oneTopic', connector: 'upsert-kafka' }, { key: 'topic' });
    const rows = v.get('sink.buffer-flush.max-rows');
    const interval = v.get('sink.buffer-flush.interval');
    if ((rows !== undefined || interval !== undefined) && (Number(rows ?? '0') > 0) !== !/^\s*0\s*[a-z]*\s*$/i.test(interval ?? '0')) {
      ctx.report({ kind: 'bothOrNeither', keys: ['sink.buffer-flush.max-rows', 'sink.buffer-flush.interval'] }, { key: 'sink.buffer-flush.max-rows' });
    }
    kafkaCommonRules(ctx);
  },
  capabilities: (values) => ({ source: 'upsert', sink: 'upsert', primaryKey: 'required', lookup: false, bounded: lower(values, 'scan.bounded.mode', 'unbounded') !== 'unbounded' }),
  artifacts: (values) => uniqueArtifacts([ARTIFACTS.kafka, ...formatArtifacts(values.get('value.format')), ...formatArtifacts(values.get('key.format'))]),
};

/** `'connector' = 'upsert-kafka'`; the table needs a PRIMARY KEY. */
export function upsertKafka(options: UpsertKafkaOptions): TypedConnector {
  return buildConnector(upsertKafkaDefinition, options);
}
