/**
 * @flinkts/connectors: typed Flink connectors, formats, catalogs and settings, from the real connectors'
 * option definitions (catalog/*.json → src/generated/*.ts).
 */
export { kafka } from './connectors/kafka.js';
export type { KafkaOptions } from './connectors/kafka.js';
export { upsertKafka } from './connectors/upsert-kafka.js';
export type { UpsertKafkaOptions } from './connectors/upsert-kafka.js';
export { mysqlCdc } from './connectors/mysql-cdc.js';
export type { MysqlCdcOptions } from './connectors/mysql-cdc.js';
export { jdbc } from './connectors/jdbc.js';
export type { JdbcOptions } from './connectors/jdbc.js';
export { paimon } from './connectors/paimon.js';
export type { PaimonOptions } from './connectors/paimon.js';
export { starrocks } from './connectors/starrocks.js';
export type { StarrocksOptions, StarrocksSinkOptions, StarrocksSourceOptions } from './connectors/starrocks.js';
export { filesystem } from './connectors/filesystem.js';
export type { FilesystemOptions } from './connectors/filesystem.js';
export { blackhole, datagen, print } from './connectors/builtins.js';
export type { BlackholeOptions, DatagenOptions, PrintOptions } from './connectors/builtins.js';
export type { TypedConnector, ConnectorDefinition } from './connectors/definition.js';
export { CONNECTORS } from './connectors/registry.js';
export type { HiveTableOptions } from './connectors/hive-table.js';
export * from './formats/formats.js';
export type { FormatRef } from './formats/format.js';
export { FORMAT_CATALOGS } from './formats/registry.js';
export { CATALOGS, genericInMemoryCatalog, hiveCatalog, jdbcCatalog, paimonCatalog, starrocksCatalog, validateCatalogOptions } from './catalogs/catalogs.js';
export type { CatalogValidation, GenericCatalogOptions, HiveCatalogOptions, HiveSiteEntry, HiveSiteInput, JdbcCatalogOptions, PaimonCatalogOptions, StarrocksCatalogOptions, TypedCatalog } from './catalogs/catalogs.js';
export { validateTableOptions, resolveCapabilities, checkCreateTable } from './table-options.js';
export type { TableOptionsContext } from './table-options.js';
export { settings, validateSettings } from './settings/settings.js';
export type { FlinkSettingsInput, SettingsResult } from './settings/settings.js';
export { kafkaSasl, kafkaSsl } from './kafka-security.js';
export type { SaslOptions, SslOptions } from './kafka-security.js';
export { secret, Secret } from './options/values.js';
export type * from './options/values.js';
export { parseDuration, parseMemorySize } from '@flinkts/core';
export { CODES } from './options/codes.js';
/** Every diagnostic code @flinkts/connectors declares, with its title and exit class. */
export { CODE_TABLE as CONNECTORS_CODE_TABLE } from './options/codes.js';
export { ARTIFACTS } from './artifacts.js';
export type { OptionCatalog, OptionSpec, OptionType } from './options/spec.js';
export { connectorValidators } from './validators.js';
export {
  COMPATIBILITY,
  CONNECTOR_PIECES,
  DEFAULT_FLINK_VERSION,
  FLINK_MINORS,
  KAFKA_CLIENTS_VERSION,
  KAFKA_RELOCATION_PREFIX,
} from './versions.js';
export type { ArtifactProblem, ConnectorPiece, ConnectorVersions, FlinkMinor, ResolvedArtifacts } from './versions.js';
