/**
 * Every Maven coordinate the emitters can write exists on Maven Central: every release of the compatibility
 * table for every Flink minor it is built for, and the jars that follow Flink's version at the default Flink
 * version — resolved with the real `mvn` (POMs only, one invocation). And the shaded Kafka SQL jar really
 * relocates the login modules under the prefix `kafkaSasl` writes.
 */
import { describe, expect, test } from 'vitest';
import { ARTIFACTS, DEFAULT_FLINK_VERSION, KAFKA_RELOCATION_PREFIX, everyCoordinate } from '@flinkts/connectors';
import { fetchJar, jarEntries, unresolvable } from '../../../test/support/maven.js';

describe('Maven coordinates', () => {
  test('every coordinate the emitters can write resolves from Maven Central', { timeout: 600_000 }, () => {
    const all = everyCoordinate([DEFAULT_FLINK_VERSION], Object.values(ARTIFACTS));
    expect(all.length).toBeGreaterThan(20);
    expect(unresolvable(all)).toEqual([]);
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
