/** The `mysql-cdc` source (Flink CDC 3.1.1): all changes (+I/-U/+U/-D); bounded with startup mode 'snapshot'. */
import { mysqlCdcCatalog } from '../generated/mysql-cdc.js';
import type { MysqlCdcOptions } from '../generated/mysql-cdc.js';
import { ARTIFACTS } from '../artifacts.js';
import type { ConnectorDefinition, TypedConnector } from './definition.js';
import { buildConnector } from './definition.js';
import { columnsExist, isTrue, lower, requireWhen } from './helpers.js';

export type { MysqlCdcOptions };

export const mysqlCdcDefinition: ConnectorDefinition = {
  identifier: 'mysql-cdc',
  catalog: mysqlCdcCatalog,
  rules(ctx) {
    const v = ctx.values;
    requireWhen(ctx, 'scan.startup.mode', 'timestamp', 'scan.startup.timestamp-millis', 'initial');
    if (lower(v, 'scan.startup.mode', 'initial') === 'specific-offset' && !v.has('scan.startup.specific-offset.gtid-set') && !(v.has('scan.startup.specific-offset.file') && v.has('scan.startup.specific-offset.pos'))) {
      ctx.report({ kind: 'needs', key: 'scan.startup.mode', value: 'specific-offset', needed: 'scan.startup.specific-offset.gtid-set', orBoth: ['scan.startup.specific-offset.file', 'scan.startup.specific-offset.pos'] }, { key: 'scan.startup.mode' });
    }
    const serverId = v.get('server-id');
    if (serverId !== undefined && !/^\s*(\d+|\$\{[^}]+\})(\s*-\s*\d+)?\s*$/.test(serverId)) {
      ctx.report({ kind: 'badValue', key: 'server-id', expected: "an id or a range 'start-end'", received: serverId }, { key: 'server-id' });
    }
    columnsExist(ctx, 'scan.incremental.snapshot.chunk.key-column', ',');
  },
  capabilities(values) {
    const chunked = isTrue(values, 'scan.incremental.snapshot.enabled', true) && !values.has('scan.incremental.snapshot.chunk.key-column');
    return { source: 'all', primaryKey: chunked ? 'required' : 'optional', lookup: false, bounded: lower(values, 'scan.startup.mode', 'initial') === 'snapshot' };
  },
  artifacts: () => [ARTIFACTS.mysqlCdc],
};

/** `'connector' = 'mysql-cdc'`; credentials must be `secret()`s. */
export function mysqlCdc(options: MysqlCdcOptions): TypedConnector {
  return buildConnector(mysqlCdcDefinition, options);
}
