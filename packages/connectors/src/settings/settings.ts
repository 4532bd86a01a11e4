/**
 * Flink 1.20 settings (SET statements and job configuration), typed from config-options.json: unknown keys
 * are errors with the closest real key (`state.ttl` → `table.exec.state.ttl`), deprecated keys are warnings
 * and are printed under their 1.20 key, values must parse as the option's type (`'30s-300s'` does not).
 */
import { checkContext, checkEntries } from '../options/arguments.js';
import type { Diagnostic } from '@flinkts/core';
import { FlinktsError } from '@flinkts/core';
import { closest, editDistance, textFields } from '@flinkts/core/internal';
import { flinkSettingsCatalog } from '../generated/flink-settings.js';
import type { FlinkSettingsInput } from '../generated/flink-settings.js';
import { TEXTS } from '../options/codes.js';
import { OptionSet } from '../options/option-set.js';
import { checkValue } from '../options/parse.js';
import { isSensitive } from '../options/sensitive.js';
import { toEntries } from '../options/to-entries.js';
import type { Entry } from '../options/validate.js';
import { checkSecret, keyPath } from '../options/validate.js';

export type { FlinkSettingsInput };

const SETTINGS = new OptionSet(flinkSettingsCatalog);

/** Keys people write that Flink does not have, with the real key (from the 1.20 option catalog's findings). */
const NOT_FLINK_KEYS: Readonly<Record<string, string>> = {
  'state.ttl': 'table.exec.state.ttl',
  'table.exec.state-ttl': 'table.exec.state.ttl',
  'table.exec.mini-batch.allowed-latency': 'table.exec.mini-batch.allow-latency',
  'checkpoint.interval': 'execution.checkpointing.interval',
  'execution.checkpointing.enabled': 'execution.checkpointing.interval',
};

/**
 * Namespaces whose option classes the catalog covers completely: an unknown key there is not a Flink key.
 * Elsewhere (metrics.*, s3.*, kubernetes.*, security.*, …) flinkts has no complete list and only warns.
 */
const COVERED_NAMESPACES = new Set(['table', 'execution', 'state', 'pipeline', 'restart-strategy', 'sql-client', 'parallelism', 'checkpoint', 'checkpointing', 'savepoint']);

export interface SettingsResult {
  /** Normalized entries: current 1.20 keys, in input order. */
  readonly entries: readonly Entry[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Validates setting entries (e.g. from SET statements); returns them under their 1.20 keys. */
export function validateSettings(input: readonly Entry[], context: { readonly path?: string } = {}): SettingsResult {
  checkEntries('validateSettings()', 'input', input);
  checkContext('validateSettings()', context);
  const diagnostics: Diagnostic[] = [];
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const entry of input) {
    const at = keyPath(context.path ?? 'settings', entry.key);
    const match = SETTINGS.match(entry.key);
    if (!match) {
      const known = NOT_FLINK_KEYS[entry.key];
      const near = known ?? closest(entry.key, SETTINGS.candidates(entry.key));
      const covered = COVERED_NAMESPACES.has(entry.key.split('.')[0]!) || known !== undefined || (near !== undefined && editDistance(near, entry.key) <= 2);
      diagnostics.push({ ...textFields(TEXTS.unknownSetting({ key: entry.key, covered, ...(near ? { near } : {}) })), severity: covered ? 'error' : 'warning', path: at });
      if (isSensitive(entry.key)) checkSecret(entry, at, diagnostics);
      entries.push(entry);
      continue;
    }
    if (match.deprecatedAlias) {
      diagnostics.push({ ...textFields(TEXTS.deprecatedSetting({ key: entry.key, replacement: match.key })), severity: 'warning', path: at });
    } else if (match.spec.deprecated === true) {
      diagnostics.push({ ...textFields(TEXTS.deprecatedSetting({ key: entry.key, ...(match.spec.description === undefined ? {} : { description: match.spec.description }) })), severity: 'warning', path: at });
    }
    const problem = checkValue(match.spec, entry.value);
    if (problem) {
      diagnostics.push({ ...textFields(TEXTS.invalidSetting({ key: entry.key, received: entry.value, problem, ...(match.spec.default === undefined ? {} : { default: String(match.spec.default) }) })), severity: 'error', path: at });
    }
    if (isSensitive(match.key, match.spec)) checkSecret(entry, at, diagnostics);
    if (seen.has(match.key)) diagnostics.push({ ...textFields(TEXTS.duplicateKey({ kind: 'setting', key: match.key })), severity: 'error', path: at });
    seen.add(match.key);
    entries.push({ key: match.key, value: entry.value });
  }
  return { entries, diagnostics };
}

/** Typed settings: `settings({ 'table.exec.state.ttl': '1 d' })`; throws FlinktsError on errors. */
export function settings(input: FlinkSettingsInput): SettingsResult {
  const converted = toEntries(input as Readonly<Record<string, unknown>>, 'settings');
  const result = validateSettings(converted.entries);
  const diagnostics = [...converted.diagnostics, ...result.diagnostics];
  if (diagnostics.some((d) => d.severity === 'error')) throw new FlinktsError(diagnostics);
  return { entries: Object.freeze(result.entries.map((e) => Object.freeze(e))), diagnostics };
}
