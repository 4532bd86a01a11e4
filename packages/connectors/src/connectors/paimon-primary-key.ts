/**
 * Paimon's rule for a partitioned primary-key table (found with real Flink 1.20.1 + paimon-flink-1.20 0.9.0,
 * see test/flink/verify-agreement.test.ts): when the primary key does not contain every partition column, a row
 * can move between partitions ("cross partition update"), which only the dynamic bucket mode supports —
 * `'bucket' = '-1'`, Paimon's default for primary-key tables. A fixed bucket count is rejected when the table
 * is created.
 */
import type { CreateTable, Diagnostic } from '@flinkts/core';
import { CONNECTOR_TEXTS } from '@flinkts/core/internal';

export function checkPaimonPrimaryKey(statement: CreateTable, context: { readonly path: string; readonly catalogType?: string }): Diagnostic[] {
  const option = (key: string): string | undefined => statement.options.find((o) => o.key === key)?.value;
  const connector = option('connector');
  const paimon = connector === 'paimon' || (connector === undefined && context.catalogType === 'paimon');
  const pk = statement.primaryKey?.columns.map((c) => c.toLowerCase());
  if (!paimon || pk === undefined || statement.partitionedBy.length === 0) return [];
  const missing = statement.partitionedBy.filter((p) => !pk.includes(p.toLowerCase()));
  const bucket = option('bucket');
  if (missing.length === 0 || bucket === undefined || bucket.trim() === '-1') return [];
  const text = CONNECTOR_TEXTS.primaryKey({ kind: 'paimonBucket', key: statement.primaryKey?.columns ?? [], missing, bucket });
  return [{
    code: text.code,
    severity: 'error',
    message: text.message,
    ...(text.hint === undefined ? {} : { hint: text.hint }),
    path: `${context.path}.bucket`,
    ...(statement.span === undefined ? {} : { span: statement.span }),
  }];
}
