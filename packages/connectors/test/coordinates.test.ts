/**
 * Every Maven coordinate the emitters can write exists on Maven Central: every release of the compatibility
 * table for every Flink minor it is built for, and the jars that follow Flink's version at the default Flink
 * version — resolved with the real `mvn` (POMs only, one invocation). And the shaded Kafka SQL jar really
 * relocates the login modules under the prefix `kafkaSasl` writes.
 */
import { describe, expect, test } from 'vitest';
import { ARTIFACTS, DEFAULT_FLINK_VERSION, KAFKA_RELOCATION_PREFIX } from '@flinkts/connectors';
import { everyCoordinate } from '@flinkts/connectors/internal';
import { fetchJar, jarEntries, unresolvable } from '../../../test/support/maven.js';

/**
 * Released (Maven Central's own search and the projects' release notes list them) but absent from the Maven
 * Central this project's machines reach: its copy lacks these versions — `maven-metadata.xml` there lists
 * flink-sql-avro up to 1.20.0, flink-sql-connector-hive-3.1.3_2.12 only at 1.17.1, flink-connector-starrocks up to
 * 1.2.10_flink-1.19. The test fails when any other coordinate is missing, and when one of these appears (then
 * remove it here). Jobs using StarRocks, Hive or these formats on Flink 1.20 resolve them from the full Central.
 */
const ABSENT_FROM_THIS_REGISTRY = [
  'com.starrocks:flink-connector-starrocks:1.2.11_flink-1.20',
  'org.apache.flink:flink-sql-avro-confluent-registry:1.20.1',
  'org.apache.flink:flink-sql-avro:1.20.1',
  'org.apache.flink:flink-sql-connector-hive-3.1.3_2.12:1.20.1',
  'org.apache.flink:flink-sql-orc:1.20.1',
  'org.apache.flink:flink-sql-parquet:1.20.1',
  'org.apache.flink:flink-sql-protobuf:1.20.1',
];

describe('Maven coordinates', () => {
  test('every coordinate the emitters can write resolves from Maven Central (but the registry gaps listed above)', { timeout: 600_000 }, () => {
    const all = everyCoordinate([DEFAULT_FLINK_VERSION], Object.values(ARTIFACTS));
    expect(all.length).toBeGreaterThan(20);
    expect(unresolvable(all)).toEqual(ABSENT_FROM_THIS_REGISTRY);
  });

  test('a coordinate that does not exist is reported (the check can fail)', { timeout: 600_000 }, () => {
    expect(unresolvable([{ groupId: 'com.starrocks', artifactId: 'flink-connector-starrocks', version: '1.2.10_flink-1.20' }])).toEqual(['com.starrocks:flink-connector-starrocks:1.2.10_flink-1.20']);
  });

  test("the shaded Kafka SQL jar relocates Kafka's login modules under the prefix kafkaSasl writes", { timeout: 600_000 }, () => {
    const entries = jarEntries(fetchJar({ groupId: 'org.apache.flink', artifactId: 'flink-sql-connector-kafka', version: '3.2.0-1.19' }));
    const prefix = KAFKA_RELOCATION_PREFIX.replace(/\./g, '/');
    expect(entries).toContain(`${prefix}org/apache/kafka/common/security/plain/PlainLoginModule.class`);
    expect(entries).toContain(`${prefix}org/apache/kafka/common/security/scram/ScramLoginModule.class`);
    expect(entries).not.toContain('org/apache/kafka/common/security/plain/PlainLoginModule.class');
  });
});
