/** The `filesystem` connector: the format decides the changelog (plain formats append-only, CDC formats all). */
import { filesystemCatalog } from '../generated/filesystem.js';
import type { FilesystemOptions } from '../generated/filesystem.js';
import { formatArtifacts } from '../artifacts.js';
import { isChangelogFormat } from '../formats/registry.js';
import type { ConnectorDefinition, TypedConnector } from './definition.js';
import { buildConnector } from './definition.js';

export type { FilesystemOptions };

export const filesystemDefinition: ConnectorDefinition = {
  identifier: 'filesystem',
  catalog: filesystemCatalog,
  formatKeys: ['format'],
  unknownFormatKeys: 'warning',
  capabilities(values) {
    const changes = isChangelogFormat(values.get('format') ?? '');
    return { source: changes ? 'all' : 'insert-only', sink: changes ? 'all' : 'append', primaryKey: 'optional', lookup: false, bounded: !values.has('source.monitor-interval') };
  },
  artifacts: (values) => formatArtifacts(values.get('format')),
};

export function filesystem(options: FilesystemOptions): TypedConnector {
  return buildConnector(filesystemDefinition, options);
}
