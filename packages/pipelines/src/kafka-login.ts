/**
 * Kafka SASL login modules against the Kafka jar a job ships: the shaded SQL jar (`flink-sql-connector-kafka`)
 * relocates Kafka's classes under `org.apache.flink.kafka.shaded.`, so its JAAS config must name the relocated
 * login module; `flink-connector-kafka` with `kafka-clients` keeps Kafka's own class names. A mismatch fails only
 * at run time ("No LoginModule found"), so it is an error here.
 */
import type { Diagnostic } from '@flinkts/core';
import { KAFKA_RELOCATION_PREFIX } from '@flinkts/connectors';
import { flinkMinor, kafkaShaded } from '@flinkts/connectors/internal';
import { textFields } from '@flinkts/core/internal';
import { TEXTS } from './codes.js';
import type { ResolvedEnvironment } from './resolve-environment.js';

const MODULE = /([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+LoginModule)\b/;

export function kafkaLoginProblems(env: ResolvedEnvironment): Diagnostic[] {
  const out: Diagnostic[] = [];
  const minor = flinkMinor(env.flinkVersion);
  if (minor === undefined) return out;
  for (const job of env.jobs) {
    const release = job.releases.get('kafka');
    if (release === undefined) continue;
    const shaded = kafkaShaded(release, minor);
    const jar = shaded ? `flink-sql-connector-kafka:${release}-${minor} (Kafka classes relocated under ${KAFKA_RELOCATION_PREFIX})` : `flink-connector-kafka:${release}-${minor} with kafka-clients (Kafka's own class names)`;
    for (const t of job.declarations.tables) {
      const jaas = t.statement.options.find((o) => o.key === 'properties.sasl.jaas.config');
      const m = jaas === undefined ? null : MODULE.exec(jaas.value);
      if (m === null) continue;
      const named = m[1]!;
      const relocated = named.startsWith(KAFKA_RELOCATION_PREFIX);
      if (relocated === shaded) continue;
      const right = shaded ? `${KAFKA_RELOCATION_PREFIX}${named}` : named.slice(KAFKA_RELOCATION_PREFIX.length);
      out.push({
        ...textFields(TEXTS.kafkaLoginModule({ table: t.path.join('.'), module: named, job: job.name, flinkVersion: env.flinkVersion, jar, right, loginModule: shaded ? 'relocated' : 'kafka-clients' })),
        severity: 'error',
        path: `jobs.${job.name}`,
      });
    }
  }
  return out;
}
