/**
 * Where a table's data lives, named the way OpenLineage's dataset naming spec prescribes (namespace
 * `scheme://authority`, dataset `name`): Kafka `kafka://{bootstrap host}:{port}` with the topic; MySQL (JDBC and CDC)
 * `mysql://{host}:{port}` with `{database}.{table}`; PostgreSQL `postgres://{host}:{port}` with
 * `{database}.{schema}.{table}`; other JDBC URLs by their sub-protocol; files (filesystem, Paimon tables and
 * warehouses) by their path URI (`hdfs://{namenode}` + path, `s3://{bucket}` + key, `file` + path); Hive catalog
 * tables `hive://{metastore host}:{port}` with `{database}.{table}`. StarRocks has no entry in the spec; it is named
 * like its MySQL-protocol front end, `starrocks://{fe host}:{query port}` with `{database}.{table}`.
 * Tables that are not external datasets (datagen, print, blackhole) have no address.
 */
import type { LineageDatasetAddress } from '@flinkts/core';

export interface AddressInput {
  /** The table's qualified name (catalog, database, table). */
  readonly path: readonly [string, string, string];
  /** The table's WITH options (variables substituted). */
  readonly options: ReadonlyMap<string, string>;
  /** The catalog it lives in, when the script declares one: its WITH options (with `type`) and hive-site settings. */
  readonly catalog?: { readonly options: ReadonlyMap<string, string>; readonly hiveSite?: ReadonlyMap<string, string> };
}

const address = (scheme: string, authority: string, name: string): LineageDatasetAddress => Object.freeze({ scheme, authority, name });

/** `host:port` of `host[:port]`, with a default port. */
function hostPort(text: string, defaultPort?: number): string {
  const t = text.trim();
  if (/:\d+$/.test(t) || defaultPort === undefined) return t;
  return `${t}:${defaultPort}`;
}

const DEFAULT_PORTS: Readonly<Record<string, number>> = { mysql: 3306, postgres: 5432, oracle: 1521, sqlserver: 1433, db2: 50000 };

/** A JDBC URL's system, authority and database: `jdbc:mysql://h:3306/db?…`, `jdbc:postgresql://h/db`, `jdbc:oracle:thin:@h:1521/svc`. */
export function parseJdbcUrl(url: string): { readonly scheme: string; readonly authority: string; readonly database?: string } | undefined {
  const oracle = /^jdbc:oracle:thin:@(?:\/\/)?([^:/]+(?::\d+)?)[/:]([^?]+)/.exec(url);
  if (oracle !== null) return { scheme: 'oracle', authority: hostPort(oracle[1]!, DEFAULT_PORTS.oracle), database: oracle[2]! };
  const m = /^jdbc:([a-z0-9]+):\/\/([^/;?]+)(?:\/([^?;]*))?(?:;.*?databaseName=([^;]+))?/i.exec(url);
  if (m === null) return undefined;
  const scheme = ({ postgresql: 'postgres', sqlserver: 'sqlserver', mariadb: 'mysql' } as Record<string, string>)[m[1]!.toLowerCase()] ?? m[1]!.toLowerCase();
  const host = m[2]!.split(',')[0]!;
  const database = (m[3] ?? m[4] ?? '').split('/')[0];
  return { scheme, authority: hostPort(host, DEFAULT_PORTS[scheme]), ...(database === '' || database === undefined ? {} : { database }) };
}

/** A path URI's namespace and name: `hdfs://nn:8020/a/b` → hdfs, `nn:8020`, `/a/b`; `s3://bucket/k` → s3, `bucket`, `k`. */
export function pathAddress(uri: string): LineageDatasetAddress | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(uri.trim());
  if (m === null) return uri.startsWith('/') ? address('file', '', uri) : undefined;
  const scheme = m[1]!.toLowerCase();
  const path = m[3] ?? '/';
  if (scheme === 's3' || scheme === 's3a' || scheme === 'gs' || scheme === 'oss') return address(scheme === 's3a' ? 's3' : scheme, m[2]!, path.replace(/^\//, ''));
  return address(scheme, m[2]!, path);
}

function join(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p !== undefined && p !== '').join('.');
}

function connectorAddress(connector: string, o: ReadonlyMap<string, string>, path: readonly [string, string, string]): LineageDatasetAddress | undefined {
  switch (connector) {
    case 'kafka':
    case 'upsert-kafka': {
      const servers = o.get('properties.bootstrap.servers');
      const topic = o.get('topic') ?? o.get('topic-pattern');
      if (servers === undefined || topic === undefined) return undefined;
      return address('kafka', hostPort(servers.split(',')[0]!), topic);
    }
    case 'mysql-cdc': {
      const host = o.get('hostname');
      if (host === undefined) return undefined;
      return address('mysql', `${host}:${o.get('port') ?? '3306'}`, join(o.get('database-name'), o.get('table-name')));
    }
    case 'postgres-cdc': {
      const host = o.get('hostname');
      if (host === undefined) return undefined;
      return address('postgres', `${host}:${o.get('port') ?? '5432'}`, join(o.get('database-name'), o.get('schema-name') ?? 'public', o.get('table-name')));
    }
    case 'jdbc': {
      const url = o.get('url');
      const jdbc = url === undefined ? undefined : parseJdbcUrl(url);
      if (jdbc === undefined) return undefined;
      const table = o.get('table-name') ?? path[2];
      const schemaTable = jdbc.scheme === 'postgres' && !table.includes('.') ? `public.${table}` : table;
      return address(jdbc.scheme, jdbc.authority, join(jdbc.database, schemaTable));
    }
    case 'starrocks': {
      const url = o.get('jdbc-url');
      const jdbc = url === undefined ? undefined : parseJdbcUrl(url);
      if (jdbc === undefined) return undefined;
      return address('starrocks', jdbc.authority, join(o.get('database-name'), o.get('table-name')));
    }
    case 'filesystem':
    case 'paimon': {
      const p = o.get('path');
      return p === undefined ? undefined : pathAddress(p);
    }
    case 'elasticsearch-6':
    case 'elasticsearch-7': {
      const hosts = o.get('hosts');
      const host = hosts === undefined ? undefined : /^(?:https?:\/\/)?([^/;,]+)/.exec(hosts)?.[1];
      return host === undefined ? undefined : address('elasticsearch', hostPort(host, 9200), o.get('index') ?? path[2]);
    }
    default:
      return undefined;
  }
}

function catalogAddress(catalog: NonNullable<AddressInput['catalog']>, path: readonly [string, string, string]): LineageDatasetAddress | undefined {
  const type = catalog.options.get('type');
  const [, database, table] = path;
  switch (type) {
    case 'paimon': {
      const warehouse = catalog.options.get('warehouse');
      return warehouse === undefined ? undefined : pathAddress(`${warehouse.replace(/\/$/, '')}/${database}.db/${table}`);
    }
    case 'iceberg': {
      const warehouse = catalog.options.get('warehouse');
      return warehouse === undefined ? undefined : pathAddress(`${warehouse.replace(/\/$/, '')}/${database}/${table}`);
    }
    case 'hive': {
      const uris = catalog.hiveSite?.get('hive.metastore.uris');
      const m = uris === undefined ? null : /^thrift:\/\/([^,]+)/.exec(uris);
      return m === null ? undefined : address('hive', hostPort(m[1]!, 9083), join(database, table));
    }
    case 'jdbc': {
      const url = catalog.options.get('base-url');
      const jdbc = url === undefined ? undefined : parseJdbcUrl(url);
      return jdbc === undefined ? undefined : address(jdbc.scheme, jdbc.authority, jdbc.scheme === 'postgres' ? join(database, table.includes('.') ? table : `public.${table}`) : join(database, table));
    }
    default:
      return undefined;
  }
}

/** The connector a table reads or writes with (its `connector` option, else its catalog's type) and its address. */
export function datasetAddress(input: AddressInput): { readonly connector?: string; readonly address?: LineageDatasetAddress } {
  const connector = input.options.get('connector');
  if (connector !== undefined) {
    const a = connectorAddress(connector, input.options, input.path);
    return { connector, ...(a === undefined ? {} : { address: a }) };
  }
  if (input.catalog === undefined) return {};
  const type = input.catalog.options.get('type');
  const a = catalogAddress(input.catalog, input.path);
  return { ...(type === undefined ? {} : { connector: type }), ...(a === undefined ? {} : { address: a }) };
}
