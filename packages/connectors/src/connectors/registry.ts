/** Every connector flinkts has an option catalog for, by `connector` identifier. */
import { blackholeDefinition, datagenDefinition, printDefinition } from './builtins.js';
import type { ConnectorDefinition } from './definition.js';
import { filesystemDefinition } from './filesystem.js';
import { jdbcDefinition } from './jdbc.js';
import { kafkaDefinition } from './kafka.js';
import { mysqlCdcDefinition } from './mysql-cdc.js';
import { paimonDefinition } from './paimon.js';
import { starrocksDefinition } from './starrocks.js';
import { upsertKafkaDefinition } from './upsert-kafka.js';

export const CONNECTORS: ReadonlyMap<string, ConnectorDefinition> = new Map(
  [kafkaDefinition, upsertKafkaDefinition, mysqlCdcDefinition, jdbcDefinition, paimonDefinition, starrocksDefinition, filesystemDefinition, datagenDefinition, printDefinition, blackholeDefinition].map((d) => [d.identifier, d]),
);
