/**
 * Maven coordinates of the connector jars a Flink 1.20 job needs. Versions are the releases the option
 * catalogs were read from (catalog/*.json `version`): none of these connector releases has a build for
 * Flink 1.20 itself, so the newest Flink line each was built for is used.
 */
import type { MavenArtifact } from '@flinkts/core';

const artifact = (groupId: string, artifactId: string, version: string): MavenArtifact => Object.freeze({ groupId, artifactId, version });

export const ARTIFACTS = {
  /** flink-connector-kafka 3.2.0 (built against Flink 1.18, for the 1.18/1.19 line); kafka and upsert-kafka. */
  kafka: artifact('org.apache.flink', 'flink-sql-connector-kafka', '3.2.0-1.18'),
  /** flink-connector-jdbc 3.2.0; the database driver comes separately. */
  jdbc: artifact('org.apache.flink', 'flink-connector-jdbc', '3.2.0-1.18'),
  mysqlDriver: artifact('com.mysql', 'mysql-connector-j', '8.0.33'),
  postgresDriver: artifact('org.postgresql', 'postgresql', '42.7.3'),
  /** Flink CDC 3.1.1: since 3.1.0 under org.apache.flink (com.ververica up to 3.0.1). */
  mysqlCdc: artifact('org.apache.flink', 'flink-sql-connector-mysql-cdc', '3.1.1'),
  /** Paimon 0.8.2 is built for Flink up to 1.19 (paimon-flink-1.20 starts with Paimon 0.9). */
  paimon: artifact('org.apache.paimon', 'paimon-flink-1.19', '0.8.2'),
  /** StarRocks connector 1.2.10, as named in catalog/starrocks.json. */
  starrocks: artifact('com.starrocks', 'flink-connector-starrocks', '1.2.10_flink-1.18'),
  /** Hive 3.1.3 SQL connector bundled with Flink 1.20. */
  hive: artifact('org.apache.flink', 'flink-sql-connector-hive-3.1.3_2.12', '1.20.1'),
  avro: artifact('org.apache.flink', 'flink-sql-avro', '1.20.1'),
  avroConfluent: artifact('org.apache.flink', 'flink-sql-avro-confluent-registry', '1.20.1'),
  protobuf: artifact('org.apache.flink', 'flink-sql-protobuf', '1.20.1'),
  parquet: artifact('org.apache.flink', 'flink-sql-parquet', '1.20.1'),
  orc: artifact('org.apache.flink', 'flink-sql-orc', '1.20.1'),
} as const;

/** Jars a format needs (json, csv, raw and the *-json CDC formats ship with Flink's distribution). */
export function formatArtifacts(format: string | undefined): MavenArtifact[] {
  switch (format?.toLowerCase()) {
    case 'avro':
      return [ARTIFACTS.avro];
    case 'avro-confluent':
    case 'debezium-avro-confluent':
      return [ARTIFACTS.avroConfluent];
    case 'protobuf':
      return [ARTIFACTS.protobuf];
    case 'parquet':
      return [ARTIFACTS.parquet];
    case 'orc':
      return [ARTIFACTS.orc];
    default:
      return [];
  }
}

/** The JDBC driver for a `jdbc:<dialect>:` URL. */
export function jdbcDriver(url: string | undefined): MavenArtifact[] {
  if (url?.startsWith('jdbc:mysql:')) return [ARTIFACTS.mysqlDriver];
  if (url?.startsWith('jdbc:postgresql:')) return [ARTIFACTS.postgresDriver];
  return [];
}

/** Unique artifacts in first-seen order. */
export function uniqueArtifacts(list: readonly MavenArtifact[]): MavenArtifact[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const id = `${a.groupId}:${a.artifactId}:${a.version}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
