/**
 * Kafka SASL / SSL client settings as the `properties.*` keys the kafka connectors pass to the Kafka client,
 * with credentials only as `secret()` placeholders.
 */
import { z } from 'zod';
import { checkArgument } from '@flinkts/core/internal';
import { Secret } from './options/values.js';

export type SaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

export interface SaslOptions {
  readonly mechanism?: SaslMechanism;
  /**
   * Which class name the JAAS config gives the login module: `relocated` (default) for the shaded SQL jar
   * `flink-sql-connector-kafka` and platforms that bundle it (Kafka's classes moved under
   * `org.apache.flink.kafka.shaded.`), `kafka-clients` for `flink-connector-kafka` with `kafka-clients` on the
   * classpath. A pipeline checks it against the Kafka jar its jobs ship.
   */
  readonly loginModule?: 'relocated' | 'kafka-clients';
  readonly username: string | Secret;
  readonly password: Secret;
  /** `SASL_SSL` (default) or `SASL_PLAINTEXT`. */
  readonly protocol?: 'SASL_SSL' | 'SASL_PLAINTEXT';
}

export interface SslOptions {
  readonly truststoreLocation: string;
  readonly truststorePassword?: Secret;
  readonly truststoreType?: 'JKS' | 'PKCS12' | 'PEM';
  /** Mutual TLS: the client's own certificate and key (`ssl.keystore.*`, `ssl.key.password`). */
  readonly keystoreLocation?: string;
  readonly keystorePassword?: Secret;
  readonly keystoreType?: 'JKS' | 'PKCS12' | 'PEM';
  readonly keyPassword?: Secret;
  /** '' disables host name verification (some managed Kafka services need it). */
  readonly endpointIdentificationAlgorithm?: '' | 'https';
}

const LOGIN_MODULE: Record<SaslMechanism, string> = {
  PLAIN: 'org.apache.kafka.common.security.plain.PlainLoginModule',
  'SCRAM-SHA-256': 'org.apache.kafka.common.security.scram.ScramLoginModule',
  'SCRAM-SHA-512': 'org.apache.kafka.common.security.scram.ScramLoginModule',
};

/** Where the shaded SQL jar relocates Kafka's classes (checked against the real jar by the coordinate test). */
const RELOCATION_PREFIX = 'org.apache.flink.kafka.shaded.';

const SECRET = z.instanceof(Secret, { message: "a secret('NAME') placeholder" });
const STORE_TYPE = z.enum(['JKS', 'PKCS12', 'PEM']);
const SASL = z.strictObject({
  mechanism: z.enum(['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']).optional(),
  loginModule: z.enum(['relocated', 'kafka-clients']).optional(),
  username: z.union([z.string().min(1), SECRET]),
  password: SECRET,
  protocol: z.enum(['SASL_SSL', 'SASL_PLAINTEXT']).optional(),
});
const SSL = z.strictObject({
  truststoreLocation: z.string().min(1),
  truststorePassword: SECRET.optional(),
  truststoreType: STORE_TYPE.optional(),
  keystoreLocation: z.string().min(1).optional(),
  keystorePassword: SECRET.optional(),
  keystoreType: STORE_TYPE.optional(),
  keyPassword: SECRET.optional(),
  endpointIdentificationAlgorithm: z.enum(['', 'https']).optional(),
});

/** The login module class for a mechanism, as the chosen jar names it. */
export function kafkaLoginModule(mechanism: SaslMechanism, loginModule: 'relocated' | 'kafka-clients' = 'relocated'): string {
  return `${loginModule === 'relocated' ? RELOCATION_PREFIX : ''}${LOGIN_MODULE[mechanism]}`;
}

const jaasQuote = (value: string | Secret): string => (typeof value === 'string' ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') : value.toString());

/** `properties.security.protocol`, `properties.sasl.mechanism`, `properties.sasl.jaas.config`. */
export function kafkaSasl(options: SaslOptions): Readonly<Record<`properties.${string}`, string>> {
  checkArgument('kafkaSasl()', 'options', SASL, options);
  const mechanism = options.mechanism ?? 'PLAIN';
  return Object.freeze({
    'properties.security.protocol': options.protocol ?? 'SASL_SSL',
    'properties.sasl.mechanism': mechanism,
    'properties.sasl.jaas.config': `${kafkaLoginModule(mechanism, options.loginModule)} required username="${jaasQuote(options.username)}" password="${options.password.toString()}";`,
  });
}

/** `properties.ssl.*` truststore (and, for mutual TLS, keystore) settings; use with `kafkaSasl` for SASL_SSL. */
export function kafkaSsl(options: SslOptions): Readonly<Record<`properties.${string}`, string>> {
  checkArgument('kafkaSsl()', 'options', SSL, options);
  const out: Record<`properties.${string}`, string> = { 'properties.ssl.truststore.location': options.truststoreLocation };
  if (options.truststoreType !== undefined) out['properties.ssl.truststore.type'] = options.truststoreType;
  if (options.truststorePassword !== undefined) out['properties.ssl.truststore.password'] = options.truststorePassword.toString();
  if (options.keystoreLocation !== undefined) out['properties.ssl.keystore.location'] = options.keystoreLocation;
  if (options.keystoreType !== undefined) out['properties.ssl.keystore.type'] = options.keystoreType;
  if (options.keystorePassword !== undefined) out['properties.ssl.keystore.password'] = options.keystorePassword.toString();
  if (options.keyPassword !== undefined) out['properties.ssl.key.password'] = options.keyPassword.toString();
  if (options.endpointIdentificationAlgorithm !== undefined) out['properties.ssl.endpoint.identification.algorithm'] = options.endpointIdentificationAlgorithm;
  return Object.freeze(out);
}
