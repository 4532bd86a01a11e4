/**
 * `${NAME}` placeholders: declared variables get a value per environment, secrets never do. Every placeholder
 * a job's SQL contains must be one or the other, and a variable may not stand where a credential belongs.
 */
import type { Diagnostic, Statement } from '@flinkts/core';
import { didYouMean, textFields } from '@flinkts/core/internal';
import { isSensitive } from '@flinkts/connectors/internal';
import { CODES, TEXTS } from './codes.js';
import type { ResolvedEnvironment } from './resolve-environment.js';

export const PLACEHOLDER_PATTERN = /\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g;

/** Placeholder names in a text, in first-use order. */
export function placeholders(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

/** Replaces the variables of `values` in `text`; other placeholders (secrets) stay. */
export function substitute(text: string, values: ReadonlyMap<string, string>): string {
  if (!text.includes('${')) return text; // most values hold no placeholder
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => values.get(name) ?? whole);
}

/** Option entries of a statement's WITH clause, for the credential check. */
function withEntries(s: Statement): readonly { readonly key: string; readonly value: string }[] {
  return s.kind === 'CreateTable' || s.kind === 'CreateCatalog' ? s.options : [];
}

/**
 * Visits every WITH option of the jobs' statements, each statement once (jobs share DDL), with the option's path
 * (`jobs.<job>.statements[i].options['key']`) at its first job — made only when a visit reports the option.
 */
function forEachOptionOnce(jobs: readonly { readonly name: string; readonly statements: readonly Statement[] }[], visit: (option: { readonly key: string; readonly value: string }, path: () => string) => void): void {
  const seen = new Set<Statement>();
  for (const { name: job, statements } of jobs) {
    statements.forEach((s, i) => {
      if (seen.has(s)) return;
      seen.add(s);
      for (const o of withEntries(s)) visit(o, () => `jobs.${job}.statements[${i}].options['${o.key}']`);
    });
  }
}

const USER_SECRET = /USER|LOGIN/i;
const USER_KEY = /(^|[.\-_])(user|username|user-name|login)$/i;

/**
 * A secret declared for a user name but used nowhere, while an option for a user name holds a literal: the
 * literal is what the secret was meant to hide (`'username' = 'admin'` beside an unused `DB_USER`).
 */
function literalsUnderUnusedSecrets(env: ResolvedEnvironment, jobs: readonly { readonly name: string; readonly statements: readonly Statement[] }[], used: ReadonlySet<string>): Diagnostic[] {
  const unused = [...env.secrets.keys()].filter((name) => !used.has(name) && USER_SECRET.test(name));
  if (unused.length === 0) return [];
  const out: Diagnostic[] = [];
  forEachOptionOnce(jobs, (o, path) => {
    if (!USER_KEY.test(o.key) || o.value.trim() === '' || placeholders(o.value).length > 0) return;
    out.push({ ...textFields(TEXTS.plaintextCredential({ kind: 'literal', key: o.key, value: o.value, unused })), severity: 'error', path: path() });
  });
  return out;
}

/**
 * Checks the placeholders of each job's statements against the environment's declarations. `placeholders` are
 * those of the job's printed script, in first-use order.
 */
export function checkPlaceholders(env: ResolvedEnvironment, jobs: readonly { readonly name: string; readonly statements: readonly Statement[]; readonly placeholders: readonly string[] }[], usedElsewhere: Iterable<string> = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  const used = new Set<string>(usedElsewhere);
  const known = [...env.variableDescriptions.keys(), ...env.secrets.keys()];
  for (const { name: job, placeholders: names } of jobs) {
    for (const name of names) {
      if (used.has(name)) continue;
      used.add(name);
      if (!env.variableDescriptions.has(name) && !env.secrets.has(name)) {
        out.push({ ...textFields(TEXTS.undeclaredPlaceholder({ kind: 'job', job, name, suggestion: didYouMean(name, known) })), severity: 'error', path: `jobs.${job}` });
      }
    }
  }
  forEachOptionOnce(jobs, (o, path) => {
    if (!isSensitive(o.key)) return;
    for (const name of placeholders(o.value)) {
      if (env.variableDescriptions.has(name)) {
        out.push({ ...textFields(TEXTS.plaintextCredential({ kind: 'credentialVariable', key: o.key, name })), severity: 'error', path: path() });
      }
    }
  });
  out.push(...literalsUnderUnusedSecrets(env, jobs, used));
  for (const name of known) {
    if (!used.has(name)) out.push({ ...textFields(TEXTS.unusedVariable({ name })), severity: 'warning', path: env.secrets.has(name) ? `secrets.${name}` : `variables.${name}` });
  }
  return out;
}
