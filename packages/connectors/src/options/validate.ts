/**
 * Validates WITH entries against one or more option sets (the connector's own options, its formats'):
 * unknown keys (with the closest real key), deprecated aliases, value syntax, credentials and required keys.
 */
import type { Diagnostic, Severity } from '@flinkts/core';
import { closest } from '@flinkts/core';
import { CODES } from './codes.js';
import type { KeyMatch, OptionSet } from './option-set.js';
import { checkValue } from './parse.js';
import { isSensitive } from './sensitive.js';
import { PLACEHOLDER } from './values.js';
import { embeddedCredential } from './embedded-credentials.js';

export interface Entry {
  readonly key: string;
  readonly value: string;
}

export interface ValidateOptions {
  /** Where the options are declared, e.g. `tables.orders.with`. */
  readonly path?: string;
  /** `the 'kafka' connector`, `the 'json' format`, … used in messages. */
  readonly what: string;
  /** Severity for unknown keys (`warning` for Paimon, which ignores unknown keys). */
  readonly unknownKeys?: Severity;
  /** Keys that are handled by the caller (e.g. `connector`, `type`). */
  readonly reserved?: readonly string[];
}

export interface ValidatedEntry extends Entry {
  readonly match?: KeyMatch;
}

export interface ValidationResult {
  readonly diagnostics: Diagnostic[];
  /** Entries in input order, aliases replaced by their current key. */
  readonly entries: ValidatedEntry[];
  /** Current key → value (last one wins; duplicates are reported). */
  readonly values: ReadonlyMap<string, string>;
}

export const keyPath = (path: string | undefined, key: string): string => `${path ?? 'options'}['${key}']`;

export function validateEntries(input: readonly Entry[], sets: readonly OptionSet[], options: ValidateOptions): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const entries: ValidatedEntry[] = [];
  const values = new Map<string, string>();
  const reserved = new Set(options.reserved ?? []);
  for (const entry of input) {
    const at = keyPath(options.path, entry.key);
    if (reserved.has(entry.key)) {
      entries.push(entry);
      continue;
    }
    let match: KeyMatch | undefined;
    for (const set of sets) {
      match = set.match(entry.key);
      if (match) break;
    }
    const closedSet = sets.find((s) => s.closed !== undefined && entry.key.startsWith(s.prefix));
    if (closedSet && !closedSet.match(entry.key)) {
      const near = closest(entry.key, closedSet.candidates(entry.key));
      const passedThrough = match !== undefined;
      diagnostics.push({
        code: CODES.unknownKey,
        severity: closedSet.closed!,
        message: `the '${closedSet.catalog.identifier}' options have no '${entry.key.slice(closedSet.prefix.length)}' (key '${entry.key}')${passedThrough ? '; Flink passes it on unchecked' : ''}`,
        hint: near ? `did you mean '${near}'?` : `known options: ${sortedSample(closedSet.candidates(entry.key))}`,
        path: at,
      });
      if (!passedThrough) {
        entries.push(entry);
        continue;
      }
    } else if (!match) {
      const candidates = sets.flatMap((s) => s.candidates(entry.key));
      const near = closest(entry.key, candidates);
      diagnostics.push({
        code: CODES.unknownKey,
        severity: options.unknownKeys ?? 'error',
        message: `${options.what} has no option '${entry.key}'${options.unknownKeys === 'warning' ? ' (it is ignored)' : ''}`,
        hint: near ? `did you mean '${near}'?` : `known options: ${sortedSample(candidates)}`,
        path: at,
      });
      entries.push(entry);
      if (options.unknownKeys === 'warning') values.set(entry.key, entry.value);
      continue;
    }
    if (!match) {
      entries.push(entry);
      continue;
    }
    if (match.deprecatedAlias) {
      diagnostics.push({
        code: CODES.deprecatedKey,
        severity: 'warning',
        message: `'${entry.key}' is a deprecated key of ${options.what}`,
        hint: `write '${match.key}' instead (flinkts prints '${match.key}')`,
        path: at,
      });
    }
    if (match.spec.deprecated === true) {
      diagnostics.push({ code: CODES.deprecatedKey, severity: 'warning', message: `'${entry.key}' is deprecated in ${options.what}`, hint: match.spec.description, path: at });
    }
    if (values.has(match.key)) {
      diagnostics.push({ code: CODES.duplicateKey, severity: 'error', message: `option '${match.key}' is given more than once`, path: at });
    }
    const problem = checkValue(match.spec, entry.value);
    if (problem) {
      diagnostics.push({
        code: CODES.invalidValue,
        severity: 'error',
        message: `invalid value for '${entry.key}': received '${entry.value}', ${problem}`,
        ...(match.spec.default !== undefined ? { hint: `the default is '${match.spec.default}'` } : {}),
        path: at,
      });
    }
    if (isSensitive(entry.key, match.spec)) checkSecret(entry, at, diagnostics);
    else checkEmbeddedCredential(entry, at, diagnostics);
    values.set(match.key, entry.value);
    entries.push({ key: match.key, value: entry.value, match });
  }
  return { diagnostics, entries, values };
}

/** A credential must be a `${NAME}` placeholder; `properties.sasl.jaas.config` may embed placeholders. */
export function checkSecret(entry: Entry, at: string, diagnostics: Diagnostic[]): void {
  const value = entry.value.trim();
  if (value === '' || PLACEHOLDER.test(value)) return;
  if (/jaas\.config$/.test(entry.key) && !/password\s*=\s*"(?!\$\{[^}]+\}")/i.test(value)) return;
  diagnostics.push({
    code: CODES.plaintextSecret,
    severity: 'error',
    message: `'${entry.key}' holds a credential written as plaintext`,
    hint: `write secret('NAME') (printed as \${NAME}, resolved by the platform at deploy time)${/jaas\.config$/.test(entry.key) ? ", or use saslPlain()/saslScram() with secret()s" : ''}`,
    path: at,
  });
}

/** A value that is not a credential option but carries one (a URL with user:password@, a `password=` parameter). */
export function checkEmbeddedCredential(entry: Entry, at: string, diagnostics: Diagnostic[]): void {
  const where = embeddedCredential(entry.value);
  if (where === undefined) return;
  diagnostics.push({
    code: CODES.plaintextSecret,
    severity: 'error',
    message: `'${entry.key}' embeds a plaintext credential: ${where}`,
    hint: "move it into the credential option (e.g. 'password' = secret('NAME')), or write the ${NAME} placeholder in its place",
    path: at,
  });
}

/** Reports options the factory requires that are missing. */
export function missingRequired(sets: readonly OptionSet[], values: ReadonlyMap<string, string>, options: ValidateOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const set of sets) {
    for (const spec of set.required()) {
      const key = set.prefix + spec.key;
      if (!values.has(key)) {
        out.push({ code: CODES.missingRequired, severity: 'error', message: `${options.what} requires option '${key}'`, hint: spec.description, path: options.path ?? 'options' });
      }
    }
  }
  return out;
}

function sortedSample(candidates: readonly string[]): string {
  const sorted = [...new Set(candidates)].sort();
  return sorted.length > 12 ? `${sorted.slice(0, 12).join(', ')}, …` : sorted.join(', ');
}
