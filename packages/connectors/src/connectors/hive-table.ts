/**
 * Hive tables inside a Hive catalog (no `connector` key): insert-only reads, append-only writes, bounded unless
 * `streaming-source.enable`. Hive tables also take the filesystem sink options (partition commit, rolling
 * policy, …), which the Hive catalog file does not list, so unknown keys are warnings here.
 */
import { hiveTableCatalog } from '../generated/hive-table.js';
import type { HiveTableOptions } from '../generated/hive-table.js';
import { ARTIFACTS } from '../artifacts.js';
import type { ConnectorDefinition } from './definition.js';
import { isTrue } from './helpers.js';

export type { HiveTableOptions };

export const hiveTableDefinition: ConnectorDefinition = {
  identifier: 'hive',
  catalog: hiveTableCatalog,
  unknownKeys: 'warning',
  capabilities: (values) => ({ source: 'insert-only', sink: 'append', primaryKey: 'optional', lookup: true, bounded: !isTrue(values, 'streaming-source.enable', false) }),
  artifacts: () => [ARTIFACTS.hive],
};
