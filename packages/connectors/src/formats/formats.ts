/**
 * Typed format factories: `json({ 'ignore-parse-errors': true })`, attached to connectors that take a format
 * (`format`, `key.format`, `value.format`). Options are validated when the format is declared.
 */
import { FlinktsError } from '@flinkts/core';
import type { AvroConfluentFormatOptions } from '../generated/format-avro-confluent.js';
import type { AvroFormatOptions } from '../generated/format-avro.js';
import type { CanalJsonFormatOptions } from '../generated/format-canal-json.js';
import type { CsvFormatOptions } from '../generated/format-csv.js';
import type { DebeziumAvroConfluentFormatOptions } from '../generated/format-debezium-avro-confluent.js';
import type { DebeziumJsonFormatOptions } from '../generated/format-debezium-json.js';
import type { JsonFormatOptions } from '../generated/format-json.js';
import type { MaxwellJsonFormatOptions } from '../generated/format-maxwell-json.js';
import type { OggJsonFormatOptions } from '../generated/format-ogg-json.js';
import type { OrcFormatOptions } from '../generated/format-orc.js';
import type { ParquetFormatOptions } from '../generated/format-parquet.js';
import type { ProtobufFormatOptions } from '../generated/format-protobuf.js';
import type { RawFormatOptions } from '../generated/format-raw.js';
import { OptionSet } from '../options/option-set.js';
import { toEntries } from '../options/to-entries.js';
import { validateEntries } from '../options/validate.js';
import type { FormatRef } from './format.js';
import { FORMAT_CATALOGS } from './registry.js';

function defineFormat<O extends object>(identifier: string): (options?: O) => FormatRef {
  const catalog = FORMAT_CATALOGS.get(identifier)!;
  const set = new OptionSet(catalog);
  return (options?: O) => {
    const converted = toEntries((options ?? {}) as Readonly<Record<string, unknown>>, `format ${identifier}`);
    const result = validateEntries(converted.entries, [set], { what: `the '${identifier}' format`, path: `${identifier}()` });
    const diagnostics = [...converted.diagnostics, ...result.diagnostics];
    if (diagnostics.some((d) => d.severity === 'error')) throw new FlinktsError(diagnostics);
    return Object.freeze({
      kind: 'format' as const,
      identifier,
      options: Object.freeze(result.entries.map((e) => Object.freeze({ key: e.key, value: e.value }))),
    });
  };
}

export const json = defineFormat<JsonFormatOptions>('json');
export const csv = defineFormat<CsvFormatOptions>('csv');
export const avro = defineFormat<AvroFormatOptions>('avro');
export const avroConfluent = defineFormat<AvroConfluentFormatOptions>('avro-confluent');
export const debeziumAvroConfluent = defineFormat<DebeziumAvroConfluentFormatOptions>('debezium-avro-confluent');
export const debeziumJson = defineFormat<DebeziumJsonFormatOptions>('debezium-json');
export const canalJson = defineFormat<CanalJsonFormatOptions>('canal-json');
export const maxwellJson = defineFormat<MaxwellJsonFormatOptions>('maxwell-json');
export const oggJson = defineFormat<OggJsonFormatOptions>('ogg-json');
export const raw = defineFormat<RawFormatOptions>('raw');
export const protobuf = defineFormat<ProtobufFormatOptions>('protobuf');
export const parquet = defineFormat<ParquetFormatOptions>('parquet');
export const orc = defineFormat<OrcFormatOptions>('orc');
