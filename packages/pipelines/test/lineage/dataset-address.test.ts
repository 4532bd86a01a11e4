import { describe, expect, test } from 'vitest';
import { datasetAddress, parseJdbcUrl, pathAddress } from '../../src/internal.js';

const of = (options: Record<string, string>, catalog?: Record<string, string>, hiveSite?: Record<string, string>) =>
  datasetAddress({
    path: ['cat', 'db', 't'],
    options: new Map(Object.entries(options)),
    ...(catalog === undefined ? {} : { catalog: { options: new Map(Object.entries(catalog)), ...(hiveSite === undefined ? {} : { hiveSite: new Map(Object.entries(hiveSite)) }) } }),
  });
const show = (r: ReturnType<typeof of>): string => (r.address === undefined ? `${r.connector ?? '-'} (none)` : `${r.connector} ${r.address.scheme}://${r.address.authority} ${r.address.name}`);

describe('OpenLineage dataset addresses (naming spec: namespace scheme://authority, name)', () => {
  test('Kafka: the first bootstrap server and the topic', () => {
    expect(show(of({ connector: 'kafka', 'properties.bootstrap.servers': 'b1:9092,b2:9092', topic: 'orders' }))).toBe('kafka kafka://b1:9092 orders');
    expect(show(of({ connector: 'upsert-kafka', 'properties.bootstrap.servers': 'b1:9093', topic: 'o' }))).toBe('upsert-kafka kafka://b1:9093 o');
  });

  test('MySQL and PostgreSQL through JDBC URLs and CDC options', () => {
    expect(show(of({ connector: 'jdbc', url: 'jdbc:mysql://rds:3306/shop?useSSL=true', 'table-name': 'orders' }))).toBe('jdbc mysql://rds:3306 shop.orders');
    expect(show(of({ connector: 'jdbc', url: 'jdbc:mysql://rds/shop', 'table-name': 'orders' }))).toBe('jdbc mysql://rds:3306 shop.orders');
    expect(show(of({ connector: 'jdbc', url: 'jdbc:postgresql://pg:5432/app', 'table-name': 'orders' }))).toBe('jdbc postgres://pg:5432 app.public.orders');
    expect(show(of({ connector: 'jdbc', url: 'jdbc:postgresql://pg/app', 'table-name': 'sales.orders' }))).toBe('jdbc postgres://pg:5432 app.sales.orders');
    expect(show(of({ connector: 'mysql-cdc', hostname: 'm', port: '3307', 'database-name': 'shop', 'table-name': 'users' }))).toBe('mysql-cdc mysql://m:3307 shop.users');
    expect(show(of({ connector: 'postgres-cdc', hostname: 'p', 'database-name': 'app', 'schema-name': 's', 'table-name': 'u' }))).toBe('postgres-cdc postgres://p:5432 app.s.u');
    expect(parseJdbcUrl('jdbc:oracle:thin:@ora:1521/ORCL')).toEqual({ scheme: 'oracle', authority: 'ora:1521', database: 'ORCL' });
  });

  test('StarRocks by its MySQL-protocol front end', () => {
    expect(show(of({ connector: 'starrocks', 'jdbc-url': 'jdbc:mysql://fe:9030', 'load-url': 'fe:8030', 'database-name': 'rt', 'table-name': 'ads' }))).toBe('starrocks starrocks://fe:9030 rt.ads');
  });

  test('files and lake tables by their path; catalog tables by the catalog', () => {
    expect(show(of({ connector: 'filesystem', path: 's3://bucket/a/b' }))).toBe('filesystem s3://bucket a/b');
    expect(show(of({ connector: 'paimon', path: 'hdfs://nn:8020/w/db.db/t' }))).toBe('paimon hdfs://nn:8020 /w/db.db/t');
    expect(show(of({}, { type: 'paimon', warehouse: 'hdfs:///paimon/w' }))).toBe('paimon hdfs:// /paimon/w/db.db/t');
    expect(show(of({}, { type: 'hive' }, { 'hive.metastore.uris': 'thrift://ms:9083,thrift://ms2:9083' }))).toBe('hive hive://ms:9083 db.t');
    expect(show(of({}, { type: 'hive' }))).toBe('hive (none)');
    expect(show(of({}, { type: 'jdbc', 'base-url': 'jdbc:mysql://m:3306' }))).toBe('jdbc mysql://m:3306 db.t');
    expect(pathAddress('/local/file')).toEqual({ scheme: 'file', authority: '', name: '/local/file' });
  });

  test('generated and discarded data are not datasets', () => {
    expect(show(of({ connector: 'datagen' }))).toBe('datagen (none)');
    expect(show(of({ connector: 'blackhole' }))).toBe('blackhole (none)');
  });
});
