/**
 * The jars each connector, catalog and format asks for, at their Flink 1.20.1 coordinates. A pipeline re-resolves
 * them for its own Flink version and pinned releases (`resolveArtifacts` in versions.ts, which holds the
 * compatibility table); these are what a connector reports on its own.
 */
import type { MavenArtifact } from '@flinkts/core';
import { COMPATIBILITY, DEFAULT_FLINK_VERSION } from './versions.js';

const artifact = (groupId: string, artifactId: string, version: string): MavenArtifact => Object.freeze({ groupId, artifactId, version });
const first = (piece: keyof typeof COMPATIBILITY): MavenArtifact => COMPATIBILITY[piece].coordinates(COMPATIBILITY[piece].defaults['1.20'], '1.20')[0]!;

export const ARTIFACTS = {
  /** The Kafka connector (kafka and upsert-kafka); for 1.20 the unshaded jar plus kafka-clients (see versions.ts). */
  kafka: first('kafka'),
  /** The JDBC connector; the database driver comes separately. */
  jdbc: first('jdbc'),
  mysqlDriver: artifact('com.mysql', 'mysql-connector-j', '8.0.33'),
  postgresDriver: artifact('org.postgresql', 'postgresql', '42.7.3'),
  /** Flink CDC's MySQL connector (org.apache.flink since 3.1.0). */
  mysqlCdc: first('mysql-cdc'),
  paimon: first('paimon'),
  starrocks: first('starrocks'),
  /** Hive 3.1.3 SQL connector, released with Flink. */
  hive: artifact('org.apache.flink', 'flink-sql-connector-hive-3.1.3_2.12', DEFAULT_FLINK_VERSION),
  avro: artifact('org.apache.flink', 'flink-sql-avro', DEFAULT_FLINK_VERSION),
  avroConfluent: artifact('org.apache.flink', 'flink-sql-avro-confluent-registry', DEFAULT_FLINK_VERSION),
  protobuf: artifact('org.apache.flink', 'flink-sql-protobuf', DEFAULT_FLINK_VERSION),
  parquet: artifact('org.apache.flink', 'flink-sql-parquet', DEFAULT_FLINK_VERSION),
  orc: artifact('org.apache.flink', 'flink-sql-orc', DEFAULT_FLINK_VERSION),
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
