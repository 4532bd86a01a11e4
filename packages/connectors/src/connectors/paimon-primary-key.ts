/**
 * Paimon's rule for a partitioned primary-key table (found with real Flink 1.20.1 + paimon-flink-1.20 0.9.0,
 * see test/flink/verify-agreement.test.ts): when the primary key does not contain every partition column, a row
 * can move between partitions ("cross partition update"), which only the dynamic bucket mode supports —
 * `'bucket' = '-1'`, Paimon's default for primary-key tables. A fixed bucket count is rejected when the table
 * is created.
 */
import type { CreateTable, Diagnostic } from '@flinkts/core';
import { CODES } from '../options/codes.js';

export function checkPaimonPrimaryKey(statement: CreateTable, context: { readonly path: string; readonly catalogType?: string }): Diagnostic[] {
  const option = (key: string): string | undefined => statement.options.find((o) => o.key === key)?.value;
  const connector = option('connector');
  const paimon = connector === 'paimon' || (connector === undefined && context.catalogType === 'paimon');
  const pk = statement.primaryKey?.columns.map((c) => c.toLowerCase());
  if (!paimon || pk === undefined || statement.partitionedBy.length === 0) return [];
  const missing = statement.partitionedBy.filter((p) => !pk.includes(p.toLowerCase()));
  const bucket = option('bucket');
  if (missing.length === 0 || bucket === undefined || bucket.trim() === '-1') return [];
  return [{
    code: CODES.primaryKey,
    severity: 'error',
    message: `Paimon rejects this table: its PRIMARY KEY (${statement.primaryKey?.columns.join(', ')}) does not contain the partition column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}, which needs the dynamic bucket mode, but 'bucket' = '${bucket}'`,
    hint: `add ${missing.join(', ')} to the PRIMARY KEY, or set 'bucket' = '-1' (dynamic bucket, a cross-partition upsert)`,
    path: `${context.path}.bucket`,
    ...(statement.span === undefined ? {} : { span: statement.span }),
  }];
}
