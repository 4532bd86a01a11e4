/** The `kafka` connector (flink-connector-kafka 3.2.0): append-only with plain formats, all changes with CDC formats. */
import { kafkaCatalog } from '../generated/kafka.js';
import type { KafkaOptions } from '../generated/kafka.js';
import { ARTIFACTS, formatArtifacts, uniqueArtifacts } from '../artifacts.js';
import { isChangelogFormat } from '../formats/registry.js';
import type { ConnectorDefinition, RuleContext, TypedConnector } from './definition.js';
import { buildConnector } from './definition.js';
import { columnsExist, lower, requireWhen } from './helpers.js';
import { TEXTS } from '../options/codes.js';

export type { KafkaOptions };

export const valueFormatOf = (values: ReadonlyMap<string, string>): string | undefined => (values.get('value.format') ?? values.get('format'))?.trim().toLowerCase();

/** Rules kafka and upsert-kafka share. */
export function kafkaCommonRules(ctx: RuleContext): void {
  const v = ctx.values;
  if (lower(v, 'sink.delivery-guarantee', 'at-least-once') === 'exactly-once' && !v.has('sink.transactional-id-prefix')) {
    ctx.report({ kind: 'needs', key: 'sink.delivery-guarantee', value: 'exactly-once', needed: 'sink.transactional-id-prefix' }, { key: 'sink.delivery-guarantee' });
  }
  requireWhen(ctx, 'scan.bounded.mode', 'timestamp', 'scan.bounded.timestamp-millis', 'unbounded');
  requireWhen(ctx, 'scan.bounded.mode', 'specific-offsets', 'scan.bounded.specific-offsets', 'unbounded');
}

function rules(ctx: RuleContext): void {
  const v = ctx.values;
  if (v.has('format') && v.has('value.format')) ctx.report({ kind: 'conflict', key: 'format', other: 'value.format' }, { key: 'value.format' });
  if (!v.has('format') && !v.has('value.format')) ctx.report(TEXTS.missingRequired({ kind: 'either', what: ctx.what, needs: 'a value format', key: 'format', alternative: 'value.format', hint: 'e.g. format: json()' }));
  if (v.has('topic') && v.has('topic-pattern')) ctx.report({ kind: 'conflict', key: 'topic', other: 'topic-pattern' }, { key: 'topic-pattern' });
  if (!v.has('topic') && !v.has('topic-pattern')) ctx.report(TEXTS.missingRequired({ kind: 'either', what: ctx.what, needs: 'a topic', key: 'topic', alternative: 'topic-pattern', hint: "set 'topic' ('topic-pattern' reads the topics a pattern matches, for a source only)" }));
  requireWhen(ctx, 'scan.startup.mode', 'timestamp', 'scan.startup.timestamp-millis', 'group-offsets');
  requireWhen(ctx, 'scan.startup.mode', 'specific-offsets', 'scan.startup.specific-offsets', 'group-offsets');
  if (lower(v, 'sink.partitioner', 'default') === 'round-robin' && v.has('key.fields')) {
    ctx.report({ kind: 'conflict', key: 'sink.partitioner', value: 'round-robin', other: 'key.fields' }, { key: 'sink.partitioner' });
  }
  if (v.has('key.fields-prefix') && lower(v, 'value.fields-include', 'ALL') !== 'except_key') {
    ctx.report({ kind: 'needs', key: 'key.fields-prefix', needed: 'value.fields-include', neededValue: 'EXCEPT_KEY' }, { key: 'key.fields-prefix' });
  }
  if (v.has('key.format') !== v.has('key.fields')) {
    ctx.report({ kind: 'together', keys: ['key.format', 'key.fields'], missing: [v.has('key.format') ? 'key.fields' : 'key.format'] }, { key: v.has('key.format') ? 'key.format' : 'key.fields' });
  }
  columnsExist(ctx, 'key.fields', ';');
  const keyFormat = v.get('key.format')?.trim().toLowerCase();
  if (keyFormat && isChangelogFormat(keyFormat)) ctx.report({ kind: 'changelogKeyFormat', format: keyFormat }, { key: 'key.format' });
  kafkaCommonRules(ctx);
}

export const kafkaDefinition: ConnectorDefinition = {
  identifier: 'kafka',
  catalog: kafkaCatalog,
  formatKeys: ['format', 'value.format', 'key.format'],
  rules,
  capabilities(values) {
    const changes = isChangelogFormat(valueFormatOf(values) ?? '');
    return {
      source: changes ? 'all' : 'insert-only',
      sink: changes ? 'all' : 'append',
      primaryKey: changes ? 'optional' : 'rejected',
      lookup: false,
      bounded: lower(values, 'scan.bounded.mode', 'unbounded') !== 'unbounded',
    };
  },
  artifacts: (values) => uniqueArtifacts([ARTIFACTS.kafka, ...formatArtifacts(valueFormatOf(values)), ...formatArtifacts(values.get('key.format'))]),
};

/** `'connector' = 'kafka'`: `kafka({ topic, 'properties.bootstrap.servers': …, format: json() })`. */
export function kafka(options: KafkaOptions): TypedConnector {
  return buildConnector(kafkaDefinition, options);
}
