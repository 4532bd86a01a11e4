/**
 * One differential case on both engines: the same SQL and fixture rows through the local runtime and real
 * Flink 1.20.1; the changelogs must match exactly — in order for projections and filters (one source at
 * parallelism 1), per key in order for aggregations (Flink does not order different keys' changes).
 */
import { FlinktsError } from '@flinkts/core';
import { runJob, runJobAsync } from '@flinkts/core/testing';
import type { DiffCase } from './generators.js';

export interface CaseResult {
  readonly verdict: 'match' | 'mismatch' | 'both-reject' | 'unsupported';
  readonly sql: string;
  readonly local: string;
  readonly flink: string;
}

export function caseSql(c: DiffCase): string {
  const cols = [`\`k\` INT${c.changelog ? ' NOT NULL' : ''}`, ...c.columns.map((col) => `\`${col.name}\` ${col.type}`)];
  const ddl = `CREATE TABLE t (${cols.join(', ')}${c.changelog ? ', PRIMARY KEY (`k`) NOT ENFORCED' : ''}) WITH ('connector' = 'values'${c.changelog ? ", 'changelog-mode' = 'I,UB,UA,D'" : ''});`;
  const select = c.exprs.map((e, i) => `${e} AS e${i}`).join(', ');
  const query = c.kind === 'aggregate' ? `SELECT k, ${select} FROM t GROUP BY k;` : `SELECT k, ${select} FROM t${c.where ? ` WHERE ${c.where}` : ''};`;
  return `${ddl}\n${query}`;
}

function inputs(c: DiffCase) {
  return {
    t: c.rows.map((r) => {
      const values = r.values.map((v, i) => (i > 0 && c.columns[i - 1]?.type === 'BIGINT' && typeof v === 'string' ? BigInt(v) : v));
      return r.kind === '+I' && !c.changelog ? values : { kind: r.kind, row: values };
    }),
  };
}

export type Outcome = { ok: true; changelog: readonly string[] } | { ok: false; code: string; message: string };

export function failure(e: unknown): Outcome {
  if (e instanceof FlinktsError) return { ok: false, code: e.diagnostics[0]?.code ?? 'FTS', message: e.diagnostics[0]?.message ?? e.message };
  return { ok: false, code: 'crash', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}

/** Changes grouped by their first field (the key k), each key's changes in order. */
export function perKey(changelog: readonly string[]): string {
  const m = new Map<string, string[]>();
  for (const ch of changelog) {
    const key = /^[-+][IUD]\[([^,\]]*)/.exec(ch)?.[1] ?? '';
    m.set(key, [...(m.get(key) ?? []), ch]);
  }
  return JSON.stringify([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export async function runCase(c: DiffCase): Promise<CaseResult> {
  const sql = caseSql(c);
  let local: Outcome;
  try {
    local = { ok: true, changelog: runJob(sql, { inputs: inputs(c), engine: 'local' }).changelog('result') };
  } catch (e) {
    local = failure(e);
  }
  if (!local.ok && local.code === 'FTS7001') return { verdict: 'unsupported', sql, local: local.message, flink: '' };
  let flink: Outcome;
  try {
    flink = { ok: true, changelog: (await runJobAsync(sql, { inputs: inputs(c), engine: 'flink' })).changelog('result') };
  } catch (e) {
    flink = failure(e);
  }
  const show = (o: Outcome) => (o.ok ? o.changelog.join(' ; ') : `${o.code}: ${o.message}`);
  if (!local.ok && !flink.ok) return { verdict: 'both-reject', sql, local: show(local), flink: show(flink) };
  let same = false;
  if (local.ok && flink.ok) same = c.kind === 'aggregate' ? perKey(local.changelog) === perKey(flink.changelog) : JSON.stringify(local.changelog) === JSON.stringify(flink.changelog);
  return { verdict: same ? 'match' : 'mismatch', sql, local: show(local), flink: show(flink) };
}

/** A case as JSON (bigints as strings), for regression fixtures. */
export function caseToJson(c: DiffCase): string {
  return JSON.stringify(c, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
