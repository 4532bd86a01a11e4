/**
 * Flink's test connector `values` (TestValuesTableFactory), the one connector core knows: the Flink engine of
 * `runJob` feeds every source's fixture to Flink through it, and the conformance oracle declares its inputs with it.
 * Its `changelog-mode` option (a comma list of I, UB, UA, D; default I) states what it emits as a source.
 */
import type { CreateTable } from '../ast/statement.js';
import type { SourceChangelog } from './connector.js';

/** What a `values` table emits as a source; undefined for any other connector. */
export function valuesSourceChangelog(statement: CreateTable): SourceChangelog | undefined {
  const option = (key: string) => statement.options.find((o) => o.key === key)?.value;
  if (option('connector') !== 'values') return undefined;
  const kinds = new Set((option('changelog-mode') ?? 'I').split(',').map((k) => k.trim().toUpperCase()));
  if (kinds.size === 1 && kinds.has('I')) return 'insert-only';
  return kinds.has('UA') && !kinds.has('UB') ? 'upsert' : 'all';
}
