/**
 * Paimon 0.8.2 tables: inside a Paimon catalog (no `connector` key) or standalone (`connector = 'paimon'` with a
 * `path`). Paimon ignores unknown keys, so flinkts warns about them instead of failing.
 */
import { paimonCatalog } from '../generated/paimon.js';
import type { PaimonOptions } from '../generated/paimon.js';
import { ARTIFACTS } from '../artifacts.js';
import type { ConnectorDefinition, TypedConnector } from './definition.js';
import { buildConnector } from './definition.js';
import { columnsExist, isTrue, lower } from './helpers.js';

export type { PaimonOptions };

const PK_ONLY = ['changelog-producer', 'merge-engine', 'sequence.field', 'rowkind.field', 'deletion-vectors.enabled'];

export const paimonDefinition: ConnectorDefinition = {
  identifier: 'paimon',
  catalog: paimonCatalog,
  unknownKeys: 'warning',
  misnamedKeys: { 'compaction.target-file-size': 'target-file-size' },
  rules(ctx) {
    const v = ctx.values;
    if (ctx.hasPrimaryKey === true && v.has('compaction.max.file-num')) {
      ctx.report({
        kind: 'noEffect', key: 'compaction.max.file-num', when: 'on a primary-key table', why: 'it drives compaction of append tables',
        hint: "for primary-key tables 'num-sorted-run.compaction-trigger' decides when to compact; remove 'compaction.max.file-num'",
      }, { key: 'compaction.max.file-num', severity: 'warning' });
    }
    if (ctx.hasPrimaryKey === false) {
      for (const key of PK_ONLY) if (v.has(key)) ctx.report({ kind: 'needsPrimaryKey', key, table: 'Paimon' }, { key });
    }
    const bucket = v.get('bucket');
    if (bucket !== undefined && /^-?\d+$/.test(bucket.trim()) && Number(bucket) !== -1 && Number(bucket) <= 0) ctx.report({ kind: 'badValue', key: 'bucket', expected: '-1 or > 0', received: bucket }, { key: 'bucket' });
    if (v.has('bucket-key') && Number(v.get('bucket') ?? '-1') <= 0) ctx.report({ kind: 'needsFixedCount', key: 'bucket-key', needed: 'bucket' }, { key: 'bucket-key' });
    if (lower(v, 'merge-engine', 'deduplicate') === 'first-row') {
      if (!['none', 'lookup'].includes(lower(v, 'changelog-producer', 'none'))) ctx.report({ kind: 'onlyWith', key: 'merge-engine', value: 'first-row', other: 'changelog-producer', allowed: ['none', 'lookup'] }, { key: 'changelog-producer' });
      if (v.has('sequence.field')) ctx.report({ kind: 'conflict', key: 'merge-engine', value: 'first-row', other: 'sequence.field' }, { key: 'sequence.field' });
    }
    columnsExist(ctx, 'sequence.field', ',');
    columnsExist(ctx, 'bucket-key', ',');
    if (ctx.columns) {
      for (const key of v.keys()) {
        const m = /^fields\.([^.]+)\.(?!sequence-group$)/.exec(key);
        if (m && !ctx.columns.includes(m[1]!)) ctx.report({ kind: 'unknownColumn', key, column: m[1]!, columns: ctx.columns }, { key });
      }
    }
    const min = v.get('snapshot.num-retained.min');
    const max = v.get('snapshot.num-retained.max');
    if (min !== undefined && max !== undefined && Number(min) > Number(max)) ctx.report({ kind: 'notAbove', key: 'snapshot.num-retained.min', limit: 'snapshot.num-retained.max' }, { key: 'snapshot.num-retained.min' });
  },
  capabilities(values, { hasPrimaryKey }) {
    if (!hasPrimaryKey) return { source: 'insert-only', sink: 'append', primaryKey: 'optional', lookup: true, bounded: false };
    const producer = lower(values, 'changelog-producer', 'none');
    const engine = lower(values, 'merge-engine', 'deduplicate');
    const source = engine === 'first-row' ? 'insert-only' : producer !== 'none' || isTrue(values, 'scan.remove-normalize', false) ? 'all' : 'upsert';
    const sink = producer === 'input' || engine === 'aggregation' || lower(values, 'log.changelog-mode', 'auto') === 'all' ? 'all' : 'upsert';
    return { source, sink, primaryKey: 'optional', lookup: true, bounded: false };
  },
  artifacts: () => [ARTIFACTS.paimon],
  printsConnectorKey: (values) => values.has('path'),
};

/** A Paimon table's WITH options; with `path` it is a standalone `connector = 'paimon'` table. */
export function paimon(options: PaimonOptions = {}): TypedConnector {
  return buildConnector(paimonDefinition, options);
}
