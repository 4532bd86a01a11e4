/** Diagnostic codes of @flinkts/connectors (FTS3xxx). Stable: tests and users match on them. */
import { codeTable, CONNECTOR_CODES as CORE_CONNECTOR_CODES } from '@flinkts/core';

export const CODE_TABLE = codeTable({
  unknownKey: ['FTS3001', 'A key the connector, format or catalog does not have.'],
  invalidValue: ['FTS3002', "A value that does not parse as the option's type."],
  missingRequired: ['FTS3003', 'A required option is missing.'],
  ruleViolation: ['FTS3004', 'A cross-option rule of the connector is broken.'],
  plaintextSecret: ['FTS3005', 'A plaintext credential where only a secret() placeholder is allowed.'],
  deprecatedKey: ['FTS3006', 'A deprecated option key (Flink still reads it; the new key is given).'],
  unknownConnector: ['FTS3008', 'A connector or catalog type flinkts has no option catalog for.'],
  unknownFormat: ['FTS3009', 'A format the connector does not support, or an unknown format.'],
  duplicateKey: ['FTS3010', 'An option given twice.'],
  missingConnector: ['FTS3011', "A table of the default catalog without a (correctly spelt) 'connector' key."],
  unknownSetting: ['FTS3101', 'A key that is not a Flink configuration option.'],
  invalidSetting: ['FTS3102', 'A setting value that does not parse as its type.'],
  deprecatedSetting: ['FTS3103', 'A deprecated setting key, renamed in Flink 1.20.'],
});

/** The codes by name; FTS3007 (the PRIMARY KEY rule) is declared in core, whose local runtime raises it too. */
export const CODES = Object.freeze({ ...CODE_TABLE.codes, primaryKey: CORE_CONNECTOR_CODES.primaryKey });
