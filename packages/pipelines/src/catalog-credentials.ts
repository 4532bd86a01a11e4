/**
 * Credentials of tables kept in a catalog are never stored there: the catalog's CREATE TABLE leaves out every
 * credential option, and each job passes them where it reads or writes the table, as an OPTIONS hint
 * (`INSERT INTO t /*+ OPTIONS('password'='${MYSQL_PASSWORD}') *\/ …`, `FROM t /*+ OPTIONS(…) *\/`). The hint is part
 * of the job's own SQL, where the platform resolves `${…}` placeholders (StreamPark team variables, VVP / Alibaba
 * secret values) — a placeholder stored in a catalog table would never be resolved, and a resolved one would sit in
 * the metastore in plain text. Needs `table.dynamic-table-options.enabled` (true by default).
 */
import type { Diagnostic, Insert, OptionEntry, Query } from '@flinkts/core';
import { isSensitive } from '@flinkts/connectors/internal';
import { textFields } from '@flinkts/core/internal';
import { TEXTS } from './codes.js';
import { rehintTableRefs, withOptions } from './rehint-table-refs.js';
import type { ResolvedEnvironment } from './resolve-environment.js';

export type Credentials = ReadonlyMap<string, readonly OptionEntry[]>;

const PLACEHOLDER = /\$\{([^}]+)\}/g;

/**
 * Splits a catalog table's options into what the catalog stores and the credentials jobs pass as hints: credential
 * keys (password, JAAS config, …) and any option whose value names a declared secret (a `${MYSQL_USERNAME}` user).
 */
export function splitCredentials(options: readonly OptionEntry[], secrets: ReadonlySet<string>): CredentialSplit {
  let bySecrets = splits.get(options);
  if (bySecrets === undefined) splits.set(options, (bySecrets = new WeakMap()));
  let split = bySecrets.get(secrets);
  if (split === undefined) {
    const credential = (o: OptionEntry): boolean => isSensitive(o.key) || [...o.value.matchAll(PLACEHOLDER)].some((m) => secrets.has(m[1]!));
    bySecrets.set(secrets, (split = Object.freeze({ stored: Object.freeze(options.filter((o) => !credential(o))), credentials: Object.freeze(options.filter(credential)) })));
  }
  return split;
}

export interface CredentialSplit {
  readonly stored: readonly OptionEntry[];
  readonly credentials: readonly OptionEntry[];
}

/** Splits by options and secret names (both immutable): a table is split once, not once per job and environment. */
const splits = new WeakMap<readonly OptionEntry[], WeakMap<ReadonlySet<string>, CredentialSplit>>();

/** The query with an OPTIONS hint on every reference to a table that has credentials. */
export function hintQuery(query: Query, credentials: Credentials): Query {
  if (credentials.size === 0) return query;
  return rehintTableRefs(query, (ref) => {
    const entries = credentials.get(ref.path);
    return entries === undefined ? undefined : withOptions(ref.hints, entries, false);
  });
}

/**
 * Hinted INSERTs by INSERT, with the credentials they were hinted with. Each job's script builds its credentials
 * afresh (job-script.ts), once for the analyzer and StreamPark and once per environment's SQL, but their entries are
 * the same immutable arrays whenever the values are (a secret stays `${NAME}` in every environment): such a call
 * gives the node of the call before, so the INSERT and its statement set stay one node and are printed once
 * (emit/printed.ts). Credentials with another key or another entries array hint again. Weak keys keep nothing alive.
 */
const hintedInserts = new WeakMap<Insert, { readonly credentials: readonly (readonly [string, readonly OptionEntry[]])[]; readonly hinted: Insert }>();

function sameCredentials(known: readonly (readonly [string, readonly OptionEntry[]])[], credentials: Credentials): boolean {
  if (known.length !== credentials.size) return false;
  let i = 0;
  for (const [key, entries] of credentials) {
    const k = known[i++]!;
    if (k[0] !== key || k[1] !== entries) return false;
  }
  return true;
}

/** The INSERT with hints on its target (when it has credentials) and on the tables its query reads. */
export function hintInsert(insert: Insert, credentials: Credentials): Insert {
  if (credentials.size === 0) return insert;
  const known = hintedInserts.get(insert);
  if (known !== undefined && sameCredentials(known.credentials, credentials)) return known.hinted;
  const hinted = hintInsertNow(insert, credentials);
  hintedInserts.set(insert, { credentials: [...credentials], hinted });
  return hinted;
}

function hintInsertNow(insert: Insert, credentials: Credentials): Insert {
  const target = credentials.get(insert.target.join('.'));
  const query = hintQuery(insert.query, credentials);
  if (target === undefined && query === insert.query) return insert;
  return Object.freeze({ ...insert, query, ...(target === undefined ? {} : { hints: withOptions(insert.hints, target, false) }) });
}

/** Jobs that pass catalog-table credentials as hints while their settings switch OPTIONS hints off. */
export function catalogCredentialProblems(env: ResolvedEnvironment): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const job of env.jobs) {
    if (job.settings.find((e) => e.key === 'table.dynamic-table-options.enabled')?.value.trim().toLowerCase() !== 'false') continue;
    const tables = job.declarations.tables.filter((t) => !t.statement.temporary && splitCredentials(t.statement.options, job.secrets).credentials.length > 0);
    if (tables.length === 0) continue;
    out.push({
      ...textFields(TEXTS.catalogCredentials({ job: job.name, tables: tables.map((t) => t.path.join('.')) })),
      severity: 'error',
      path: `jobs.${job.name}.settings`,
    });
  }
  return out;
}
