/**
 * Diagnostic codes of @flinkts/connectors (FTS3xxx). Stable: tests and users match on them. `TEXTS.unknownKey({ … })`
 * gives the code, message and hint, so each code's wording lives here.
 */
import { CONNECTOR_CODES as CORE_CONNECTOR_CODES } from '@flinkts/core';
import { codeTable, template } from '@flinkts/core/internal';

/** At most 12 names, sorted, for a hint. */
export function sortedSample(candidates: readonly string[]): string {
  const sorted = [...new Set(candidates)].sort();
  return sorted.length > 12 ? `${sorted.slice(0, 12).join(', ')}, …` : sorted.join(', ');
}

const quoted = (keys: readonly string[]): string => keys.map((k) => `'${k}'`).join(', ');
const setting = (key: string, value: string | undefined): string => (value === undefined ? `'${key}'` : `'${key}' = '${value}'`);

/** A key the connector, format or catalog does not have (FTS3001). */
export type UnknownKeyPayload =
  | { readonly kind: 'closedSet'; readonly catalog: string; readonly option: string; readonly key: string; readonly passedThrough: boolean; readonly near?: string; readonly known: readonly string[] }
  | { readonly kind: 'unknown'; readonly what: string; readonly key: string; readonly ignored: boolean; readonly near?: string; readonly known: readonly string[] }
  | { readonly kind: 'misnamed'; readonly what: string; readonly key: string; readonly real: string };

/** A value that does not parse as its option's type (FTS3002). */
export type InvalidValuePayload =
  | { readonly kind: 'parse'; readonly key: string; readonly received: string; readonly problem: string; readonly default?: string }
  | { readonly kind: 'shape'; readonly key: string; readonly received: string; readonly type: string; readonly text?: string }
  | { readonly kind: 'notText'; readonly key: string; readonly received: string }
  | { readonly kind: 'noFormat'; readonly key: string }
  | { readonly kind: 'hiveSite'; readonly key: string };

/** A required option that is missing (FTS3003). */
export type MissingRequiredPayload =
  | { readonly kind: 'option'; readonly what: string; readonly key: string; readonly description?: string }
  | { readonly kind: 'either'; readonly what: string; readonly needs: string; readonly key: string; readonly alternative: string; readonly hint?: string }
  | { readonly kind: 'catalogType'; readonly types: readonly string[] }
  | { readonly kind: 'hiveConfDir' };

/** A cross-option rule of a connector or catalog that the options break (FTS3004). */
export type RulePayload =
  | { readonly kind: 'needs'; readonly key: string; readonly value?: string; readonly needed: string; readonly neededValue?: string; readonly orBoth?: readonly [string, string] }
  | { readonly kind: 'needsFixedCount'; readonly key: string; readonly needed: string }
  | { readonly kind: 'conflict'; readonly key: string; readonly value?: string; readonly other: string }
  | { readonly kind: 'together'; readonly keys: readonly string[]; readonly missing: readonly string[] }
  | { readonly kind: 'unknownColumn'; readonly key: string; readonly column: string; readonly columns: readonly string[] }
  | { readonly kind: 'badValue'; readonly key: string; readonly expected: string; readonly received: string }
  | { readonly kind: 'notAbove'; readonly key: string; readonly limit: string }
  | { readonly kind: 'onlyWith'; readonly key: string; readonly value: string; readonly other: string; readonly allowed: readonly string[] }
  | { readonly kind: 'needsPrimaryKey'; readonly key: string; readonly table: string }
  | { readonly kind: 'noEffect'; readonly key: string; readonly when: string; readonly why: string; readonly hint?: string }
  | { readonly kind: 'changelogKeyFormat'; readonly format: string }
  | { readonly kind: 'sourceAndSink'; readonly connector: string; readonly source: readonly string[]; readonly sink: readonly string[]; readonly hint: string }
  | { readonly kind: 'oneTopic'; readonly connector: string }
  | { readonly kind: 'bothOrNeither'; readonly keys: readonly [string, string] };

/** A plaintext credential (FTS3005). */
export type SecretPayload =
  | { readonly kind: 'option'; readonly key: string; readonly jaas: boolean }
  | { readonly kind: 'embedded'; readonly key: string; readonly where: string }
  | { readonly kind: 'hiveSite'; readonly key: string };

export const CODE_TABLE = codeTable({
  unknownKey: ['FTS3001', 'A key the connector, format or catalog does not have.', template(
    (p: UnknownKeyPayload) => {
      switch (p.kind) {
        case 'closedSet': return `the '${p.catalog}' options have no '${p.option}' (key '${p.key}')${p.passedThrough ? '; Flink passes it on unchecked' : ''}`;
        case 'unknown': return `${p.what} has no option '${p.key}'${p.ignored ? ' (it is ignored)' : ''}`;
        case 'misnamed': return `${p.what} has no option '${p.key}'; it would be ignored`;
      }
    },
    (p) => p.kind === 'misnamed' ? `the option is '${p.real}'` : p.near !== undefined ? `did you mean '${p.near}'?` : `known options: ${sortedSample(p.known)}`,
  )],
  invalidValue: ['FTS3002', "A value that does not parse as the option's type.", template(
    (p: InvalidValuePayload) => {
      switch (p.kind) {
        case 'parse': return `invalid value for '${p.key}': received '${p.received}', ${p.problem}`;
        case 'shape': return `invalid value for '${p.key}': received ${p.received}, but the option is a ${p.type}`;
        case 'notText': return `invalid value for '${p.key}': received ${p.received}`;
        case 'noFormat': return `'${p.key}' does not take a format`;
        case 'hiveSite': return `hive-site '${p.key}' must be a string or a secret()`;
      }
    },
    (p) => {
      switch (p.kind) {
        case 'parse': return p.default === undefined ? undefined : `the default is '${p.default}'`;
        case 'shape': return p.text === undefined ? undefined : `write it as a string if you mean the text: '${p.text}'`;
        case 'notText': return 'option values are strings, numbers, booleans, secret(…), string arrays (lists) or string records (maps)';
        case 'noFormat': return 'pass the format to a format option (format, key.format, value.format)';
        case 'hiveSite': return "write the value as a string, or secret('NAME') for a credential";
      }
    },
  )],
  missingRequired: ['FTS3003', 'A required option is missing.', template(
    (p: MissingRequiredPayload) => {
      switch (p.kind) {
        case 'option': return `${p.what} requires option '${p.key}'`;
        case 'either': return `${p.what} needs ${p.needs}: '${p.key}' (or '${p.alternative}')`;
        case 'catalogType': return "a catalog needs 'type'";
        case 'hiveConfDir': return "hive-site settings need 'hive-conf-dir': the directory Hive reads hive-site.xml from";
      }
    },
    (p) => {
      switch (p.kind) {
        case 'option': return p.description;
        case 'either': return p.hint ?? `set '${p.key}'`;
        case 'catalogType': return `known types: ${p.types.join(', ')}`;
        case 'hiveConfDir': return "set 'hive-conf-dir' (e.g. '/opt/flink/conf') and deploy the generated hive-site.xml there";
      }
    },
  )],
  ruleViolation: ['FTS3004', 'A cross-option rule of the connector is broken.', template(
    (p: RulePayload) => {
      switch (p.kind) {
        case 'needs': return `${setting(p.key, p.value)} needs ${setting(p.needed, p.neededValue)}${p.orBoth === undefined ? '' : ` or both '${p.orBoth[0]}' and '${p.orBoth[1]}'`}`;
        case 'needsFixedCount': return `'${p.key}' needs a fixed '${p.needed}' > 0`;
        case 'conflict': return `${setting(p.key, p.value)} cannot be combined with '${p.other}'`;
        case 'together': return `${quoted(p.keys)} must be given together`;
        case 'unknownColumn': return `'${p.key}' names column '${p.column}', which the table does not have`;
        case 'badValue': return `'${p.key}' must be ${p.expected}, received '${p.received}'`;
        case 'notAbove': return `'${p.key}' must not exceed '${p.limit}'`;
        case 'onlyWith': return `'${p.key}' = '${p.value}' supports '${p.other}' ${p.allowed.join(' or ')} only`;
        case 'needsPrimaryKey': return `'${p.key}' needs a PRIMARY KEY on the ${p.table} table`;
        case 'noEffect': return `'${p.key}' has no effect ${p.when} (${p.why})`;
        case 'changelogKeyFormat': return `the key format must be insert-only, '${p.format}' carries changes`;
        case 'sourceAndSink': return `${p.connector} source options (${p.source.join(', ')}) and sink options (${p.sink.join(', ')}) cannot be mixed on one table`;
        case 'oneTopic': return `'${p.connector}' writes and reads exactly one topic`;
        case 'bothOrNeither': return `'${p.keys[0]}' and '${p.keys[1]}' must both be > 0 or both be 0`;
      }
    },
    (p) => {
      switch (p.kind) {
        case 'needs': return `set '${p.needed}'${p.neededValue === undefined ? '' : ` to ${p.neededValue}`}`;
        case 'needsFixedCount': return `set '${p.needed}' to a number > 0`;
        case 'conflict': return `remove '${p.key}' or '${p.other}'`;
        case 'together': return `missing: ${p.missing.join(', ')}`;
        case 'unknownColumn': return `columns: ${p.columns.join(', ')}`;
        case 'badValue': return `write ${p.expected}`;
        case 'notAbove': return `lower '${p.key}' or raise '${p.limit}'`;
        case 'onlyWith': return `set '${p.other}' to ${p.allowed.map((a) => `'${a}'`).join(' or ')}`;
        case 'needsPrimaryKey': return `declare a PRIMARY KEY, or remove '${p.key}'`;
        case 'noEffect': return p.hint ?? `remove '${p.key}'`;
        case 'changelogKeyFormat': return "use an insert-only key format such as 'json', 'csv', 'avro' or 'raw'";
        case 'sourceAndSink': return p.hint;
        case 'oneTopic': return 'name one topic';
        case 'bothOrNeither': return 'set both to a positive value to buffer, or both to 0 to write each change at once';
      }
    },
  )],
  plaintextSecret: ['FTS3005', 'A plaintext credential where only a secret() placeholder is allowed.', template(
    (p: SecretPayload) => {
      switch (p.kind) {
        case 'option': return `'${p.key}' holds a credential written as plaintext`;
        case 'embedded': return `'${p.key}' embeds a plaintext credential: ${p.where}`;
        case 'hiveSite': return `hive-site '${p.key}' is a credential and may not be written as text`;
      }
    },
    (p) => {
      switch (p.kind) {
        case 'option': return `write secret('NAME') (printed as \${NAME}, resolved by the platform at deploy time)${p.jaas ? ', or use saslPlain()/saslScram() with secret()s' : ''}`;
        case 'embedded': return "move it into the credential option (e.g. 'password' = secret('NAME')), or write the ${NAME} placeholder in its place";
        case 'hiveSite': return "use secret('NAME'); it is written as ${env.NAME} and resolved from the Flink processes' environment";
      }
    },
  )],
  deprecatedKey: ['FTS3006', 'A deprecated option key (Flink still reads it; the new key is given).', template(
    (p: { readonly key: string; readonly what: string; readonly replacement: string } | { readonly key: string; readonly what: string; readonly description: string }) =>
      'replacement' in p ? `'${p.key}' is a deprecated key of ${p.what}` : `'${p.key}' is deprecated in ${p.what}`,
    (p) => 'replacement' in p ? `write '${p.replacement}' instead (flinkts prints '${p.replacement}')` : p.description,
  )],
  unknownConnector: ['FTS3008', 'A connector or catalog type flinkts has no option catalog for.', template(
    (p: { readonly kind: 'connector' | 'catalog type'; readonly name: string; readonly known: readonly string[] }) => `flinkts has no option catalog for ${p.kind} '${p.name}'; its options are not checked`,
    (p) => `known ${p.kind === 'connector' ? 'connectors' : 'types'}: ${p.known.join(', ')}`,
  )],
  unknownFormat: ['FTS3009', 'A format the connector does not support, or an unknown format.', template(
    (p: { readonly what: string; readonly format: string; readonly supported: readonly string[] }) => `${p.what} does not support the format '${p.format}'`,
    (p) => `supported formats: ${p.supported.join(', ')}`,
  )],
  duplicateKey: ['FTS3010', 'An option given twice.', template(
    (p: { readonly kind: 'option' | 'setting'; readonly key: string }) => `${p.kind} '${p.key}' is given more than once`,
    () => 'give it once',
  )],
  missingConnector: ['FTS3011', "A table of the default catalog without a (correctly spelt) 'connector' key.", template(
    (p: { readonly table: string; readonly near?: { readonly key: string; readonly value: string } }) =>
      p.near === undefined ? `table '${p.table}' has no 'connector' option` : `the option key '${p.near.key}' is not 'connector' (option keys are exact: no other case, no spaces)`,
    (p) => p.near === undefined ? "add 'connector' = '…' to its WITH clause (e.g. 'kafka', 'datagen')" : `write 'connector' = '${p.near.value}'`,
  )],
  unknownSetting: ['FTS3101', 'A key that is not a Flink configuration option.', template(
    (p: { readonly key: string; readonly covered: boolean; readonly near?: string }) => p.covered
      ? `'${p.key}' is not a Flink 1.20 configuration option`
      : `'${p.key}' is not in flinkts's catalog of Flink 1.20 options (it covers table.*, execution.*, state.*, pipeline.*, restart-strategy.*, memory and slot keys); it is passed on unchecked`,
    (p) => p.near !== undefined ? `did you mean '${p.near}'?` : 'see the Flink 1.20 configuration reference',
  )],
  invalidSetting: ['FTS3102', 'A setting value that does not parse as its type.', template(
    (p: { readonly key: string; readonly received: string; readonly problem: string; readonly default?: string }) => `invalid value for '${p.key}': received '${p.received}', ${p.problem}`,
    (p) => /\d\s*[a-z]*\s*-\s*\d/i.test(p.received) ? 'a range is not a value: set one value per environment' : `the default is '${p.default ?? 'unset'}'`,
  )],
  deprecatedSetting: ['FTS3103', 'A deprecated setting key, renamed in Flink 1.20.', template(
    (p: { readonly key: string; readonly replacement?: string; readonly description?: string }) => `'${p.key}' is deprecated in Flink 1.20`,
    (p) => p.replacement !== undefined ? `write '${p.replacement}' instead (flinkts prints '${p.replacement}')` : p.description,
  )],
});

/** The codes by name; FTS3007 (the PRIMARY KEY rule) is declared in core, whose local runtime raises it too. */
export const CODES = Object.freeze({ ...CODE_TABLE.codes, primaryKey: CORE_CONNECTOR_CODES.primaryKey });
export const TEXTS = CODE_TABLE.texts;
