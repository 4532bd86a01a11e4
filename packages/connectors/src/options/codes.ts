/** Diagnostic codes of @flinkts/connectors (FTS3xxx). Stable: tests and users match on them. */
export const CODES = {
  /** A key the connector / format / catalog does not have. */
  unknownKey: 'FTS3001',
  /** A value that does not parse as the option's type. */
  invalidValue: 'FTS3002',
  /** A required option is missing. */
  missingRequired: 'FTS3003',
  /** A cross-option rule of the connector is broken. */
  ruleViolation: 'FTS3004',
  /** A plaintext credential where only a `secret()` placeholder is allowed. */
  plaintextSecret: 'FTS3005',
  /** A deprecated key (Flink still reads it; the new key is printed). */
  deprecatedKey: 'FTS3006',
  /** The PRIMARY KEY does not fit the connector (required / rejected). */
  primaryKey: 'FTS3007',
  /** A connector or catalog type flinkts has no option catalog for. */
  unknownConnector: 'FTS3008',
  /** A format the connector does not support, or an unknown format. */
  unknownFormat: 'FTS3009',
  /** An option given twice. */
  duplicateKey: 'FTS3010',
  /** A table of the default catalog without a (correctly spelt) 'connector' key. */
  missingConnector: 'FTS3011',
  /** A key that is not a Flink configuration option. */
  unknownSetting: 'FTS3101',
  /** A setting value that does not parse as its type. */
  invalidSetting: 'FTS3102',
  /** A deprecated setting key, renamed in Flink 1.20. */
  deprecatedSetting: 'FTS3103',
} as const;
