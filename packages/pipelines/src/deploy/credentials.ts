/**
 * Secrets (`${NAME}` placeholders the pipeline declares as secrets) for a deploy, from the environment
 * (`FLINKTS_SECRET_<NAME>`) or from a JSON file the user names (`{"NAME": "value"}`). Substituted into the
 * statements only on the way to the platform: records, logs and errors keep the placeholders.
 */
import { readFileSync } from 'node:fs';
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { DEPLOY_TEXTS } from './codes.js';

export interface SecretSource {
  /** A JSON file of name → value (the user names it; never the pipeline source). */
  readonly file?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g;

export function placeholdersIn(statements: readonly string[]): string[] {
  const out = new Set<string>();
  for (const s of statements) for (const m of s.matchAll(PLACEHOLDER)) out.add(m[1] as string);
  return [...out].sort();
}

export function loadSecrets(names: readonly string[], source: SecretSource): ReadonlyMap<string, string> {
  const env = source.env ?? process.env;
  let fromFile: Record<string, unknown> = {};
  if (source.file !== undefined) {
    try {
      fromFile = JSON.parse(readFileSync(source.file, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.missingConnection({ kind: 'secretsFile', file: source.file, reason: (e as NodeJS.ErrnoException).code ?? 'not a JSON object' })), severity: 'error' }]);
    }
  }
  const out = new Map<string, string>();
  const missing: string[] = [];
  for (const n of names) {
    const v = env[`FLINKTS_SECRET_${n}`] ?? fromFile[n];
    if (typeof v === 'string') out.set(n, v);
    else missing.push(n);
  }
  if (missing.length > 0) {
    throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.missingConnection({ kind: 'noSecretValues', missing })), severity: 'error' }]);
  }
  return out;
}

export function fillSecrets(statements: readonly string[], secrets: ReadonlyMap<string, string>): string[] {
  return statements.map((s) => s.replace(PLACEHOLDER, (whole, name: string) => secrets.get(name) ?? whole));
}
