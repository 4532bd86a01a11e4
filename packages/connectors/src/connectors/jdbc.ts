/** The `jdbc` connector (3.2.0): bounded insert-only scan, lookup joins, upsert sink (PK needed for updates). */
import { jdbcCatalog } from '../generated/jdbc.js';
import type { JdbcOptions } from '../generated/jdbc.js';
import { ARTIFACTS, jdbcDriver } from '../artifacts.js';
import type { ConnectorDefinition, TypedConnector } from './definition.js';
import { buildConnector } from './definition.js';
import { allOrNone, columnsExist } from './helpers.js';

export type { JdbcOptions };

export const jdbcDefinition: ConnectorDefinition = {
  identifier: 'jdbc',
  catalog: jdbcCatalog,
  rules(ctx) {
    allOrNone(ctx, ['username', 'password']);
    allOrNone(ctx, ['scan.partition.column', 'scan.partition.num', 'scan.partition.lower-bound', 'scan.partition.upper-bound']);
    allOrNone(ctx, ['lookup.cache.max-rows', 'lookup.cache.ttl']);
    columnsExist(ctx, 'scan.partition.column', ',');
    const lo = ctx.values.get('scan.partition.lower-bound');
    const hi = ctx.values.get('scan.partition.upper-bound');
    if (lo !== undefined && hi !== undefined && Number(lo) > Number(hi)) ctx.report({ kind: 'notAbove', key: 'scan.partition.lower-bound', limit: 'scan.partition.upper-bound' }, { key: 'scan.partition.lower-bound' });
    const url = ctx.values.get('url');
    if (url !== undefined && !/^jdbc:[a-z0-9]+:/i.test(url) && !/^\$\{/.test(url)) ctx.report({ kind: 'badValue', key: 'url', expected: 'a JDBC URL (jdbc:<dialect>:…)', received: url }, { key: 'url' });
  },
  capabilities: () => ({ source: 'insert-only', sink: 'upsert', primaryKey: 'required-for-updates', lookup: true, bounded: true }),
  artifacts: (values) => [ARTIFACTS.jdbc, ...jdbcDriver(values.get('url'))],
};

/** `'connector' = 'jdbc'`. */
export function jdbc(options: JdbcOptions): TypedConnector {
  return buildConnector(jdbcDefinition, options);
}
