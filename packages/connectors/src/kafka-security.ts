/**
 * Kafka SASL / SSL client settings as the `properties.*` keys the kafka connectors pass to the Kafka client,
 * with credentials only as `secret()` placeholders.
 */
import type { Secret } from './options/values.js';

export type SaslMechanism = 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

export interface SaslOptions {
  readonly mechanism?: SaslMechanism;
  readonly username: string | Secret;
  readonly password: Secret;
  /** `SASL_SSL` (default) or `SASL_PLAINTEXT`. */
  readonly protocol?: 'SASL_SSL' | 'SASL_PLAINTEXT';
}

export interface SslOptions {
  readonly truststoreLocation: string;
  readonly truststorePassword?: Secret;
  readonly truststoreType?: 'JKS' | 'PKCS12' | 'PEM';
  /** '' disables host name verification (some managed Kafka services need it). */
  readonly endpointIdentificationAlgorithm?: '' | 'https';
}

const LOGIN_MODULE: Record<SaslMechanism, string> = {
  PLAIN: 'org.apache.kafka.common.security.plain.PlainLoginModule',
  'SCRAM-SHA-256': 'org.apache.kafka.common.security.scram.ScramLoginModule',
  'SCRAM-SHA-512': 'org.apache.kafka.common.security.scram.ScramLoginModule',
};

const jaasQuote = (value: string | Secret): string => (typeof value === 'string' ? value.replace(/\\/g, '\\\\').replace(/"/g, '\\"') : value.toString());

/** `properties.security.protocol`, `properties.sasl.mechanism`, `properties.sasl.jaas.config`. */
export function kafkaSasl(options: SaslOptions): Readonly<Record<`properties.${string}`, string>> {
  const mechanism = options.mechanism ?? 'PLAIN';
  return Object.freeze({
    'properties.security.protocol': options.protocol ?? 'SASL_SSL',
    'properties.sasl.mechanism': mechanism,
    'properties.sasl.jaas.config': `${LOGIN_MODULE[mechanism]} required username="${jaasQuote(options.username)}" password="${options.password.toString()}";`,
  });
}

/** `properties.ssl.*` truststore settings (use together with `kafkaSasl` for SASL_SSL). */
export function kafkaSsl(options: SslOptions): Readonly<Record<`properties.${string}`, string>> {
  const out: Record<`properties.${string}`, string> = { 'properties.ssl.truststore.location': options.truststoreLocation };
  if (options.truststoreType !== undefined) out['properties.ssl.truststore.type'] = options.truststoreType;
  if (options.truststorePassword !== undefined) out['properties.ssl.truststore.password'] = options.truststorePassword.toString();
  if (options.endpointIdentificationAlgorithm !== undefined) out['properties.ssl.endpoint.identification.algorithm'] = options.endpointIdentificationAlgorithm;
  return Object.freeze(out);
}
