/** Every format flinkts knows, by `format` identifier. */
import type { OptionCatalog } from '../options/spec.js';
import { avroConfluentFormatCatalog } from '../generated/format-avro-confluent.js';
import { avroFormatCatalog } from '../generated/format-avro.js';
import { canalJsonFormatCatalog } from '../generated/format-canal-json.js';
import { csvFormatCatalog } from '../generated/format-csv.js';
import { debeziumAvroConfluentFormatCatalog } from '../generated/format-debezium-avro-confluent.js';
import { debeziumJsonFormatCatalog } from '../generated/format-debezium-json.js';
import { jsonFormatCatalog } from '../generated/format-json.js';
import { maxwellJsonFormatCatalog } from '../generated/format-maxwell-json.js';
import { oggJsonFormatCatalog } from '../generated/format-ogg-json.js';
import { orcFormatCatalog } from '../generated/format-orc.js';
import { parquetFormatCatalog } from '../generated/format-parquet.js';
import { protobufFormatCatalog } from '../generated/format-protobuf.js';
import { rawFormatCatalog } from '../generated/format-raw.js';

export const FORMAT_CATALOGS: ReadonlyMap<string, OptionCatalog> = new Map(
  [
    jsonFormatCatalog,
    csvFormatCatalog,
    avroFormatCatalog,
    avroConfluentFormatCatalog,
    debeziumAvroConfluentFormatCatalog,
    debeziumJsonFormatCatalog,
    canalJsonFormatCatalog,
    maxwellJsonFormatCatalog,
    oggJsonFormatCatalog,
    rawFormatCatalog,
    protobufFormatCatalog,
    parquetFormatCatalog,
    orcFormatCatalog,
  ].map((c) => [c.identifier, c]),
);

/** Whether a format carries changes (debezium-json, canal-json, …) rather than plain inserts. */
export function isChangelogFormat(identifier: string): boolean {
  return FORMAT_CATALOGS.get(identifier.toLowerCase())?.changelog?.decode === 'all';
}
