/**
 * The sources whose changelog core knows without the capabilities plug-in (@flinkts/connectors): Flink's test
 * connector `values` (by its `changelog-mode`), `datagen`, and `filesystem` with a format of plain rows. Every other
 * connector — Kafka with a CDC format, upsert-kafka, the CDC connectors, a catalog's tables — may emit updates, which
 * only the plug-in knows; `runJob` without `capabilities` refuses to read them rather than guess insert-only.
 */
import type { CreateTable } from '../ast/statement.js';
import type { SourceChangelog } from './connector.js';
import { valuesSourceChangelog } from './values.js';

/** Formats of `filesystem` whose rows are inserts (a CDC format such as debezium-json is not one). */
const PLAIN_FORMATS = new Set(['csv', 'json', 'avro', 'parquet', 'orc', 'raw']);

/**
 * What a source emits as core knows it without the plug-in; undefined when core cannot tell. A table of the default
 * catalog declared without any WITH option (a test's table, which only its fixture feeds) is read as its fixture
 * gives it: inserts, a fixture's other change kinds refused.
 */
export function coreSourceChangelog(statement: CreateTable, inCatalog: boolean): SourceChangelog | undefined {
  const option = (key: string): string | undefined => statement.options.find((o) => o.key === key)?.value;
  if (statement.options.length === 0 && !inCatalog) return 'insert-only';
  switch (option('connector')) {
    case 'values': return valuesSourceChangelog(statement);
    case 'datagen': return 'insert-only';
    case 'filesystem': return PLAIN_FORMATS.has(option('format') ?? '') ? 'insert-only' : undefined;
    default: return undefined;
  }
}
