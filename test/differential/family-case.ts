/**
 * One family case (OVER, VALUES, UNNEST, set operations, …) on both engines: a whole script and its fixture
 * rows through the local runtime and real Flink 1.20.1. Changelogs must match exactly, in order, or per key (the
 * first field) where Flink does not order different keys' changes.
 */
import { runJob, runJobAsync } from '@flinkts/core/testing';
import type { CaseResult, Outcome } from './run-case.js';
import { failure, perKey } from './run-case.js';

export interface FamilyCase {
  readonly family: string;
  /** CREATE TABLE statements, then one query (its rows go to the sink `result`) or INSERT INTO statements. */
  readonly sql: string;
  readonly inputs: Readonly<Record<string, readonly (readonly unknown[])[]>>;
  /** The sink to compare (`result` for a bare SELECT). */
  readonly sink?: string;
  /**
   * How the changelogs must agree: `order` exactly; `key` each key's changes (first field) in order, where Flink
   * does not order different keys' changes; `bag` as multisets, where rows come from different sources whose
   * interleaving Flink does not fix; `final` only the final tables (as multisets), where the interleaving of two
   * sources changes the intermediate changes themselves.
   */
  readonly compare: 'order' | 'key' | 'bag' | 'final';
}

/** A final table as sorted row texts. */
function finalTable(rows: readonly (readonly unknown[])[] | readonly string[]): string[] {
  return rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)))).sort();
}

export async function runFamilyCase(c: FamilyCase): Promise<CaseResult> {
  const sink = c.sink ?? 'result';
  let local: Outcome;
  try {
    const run = runJob(c.sql, { inputs: c.inputs, engine: 'local' });
    local = { ok: true, changelog: c.compare === 'final' ? finalTable(run.table(sink)) : run.changelog(sink) };
  } catch (e) {
    local = failure(e);
  }
  if (!local.ok && local.code === 'FTS7001') return { verdict: 'unsupported', sql: c.sql, local: local.message, flink: '' };
  let flink: Outcome;
  try {
    const run = await runJobAsync(c.sql, { inputs: c.inputs, engine: 'flink' });
    flink = { ok: true, changelog: c.compare === 'final' ? finalTable(run.table(sink)) : run.changelog(sink) };
  } catch (e) {
    flink = failure(e);
  }
  const show = (o: Outcome) => (o.ok ? o.changelog.join(' ; ') : `${o.code}: ${o.message}`);
  if (!local.ok && !flink.ok) return { verdict: 'both-reject', sql: c.sql, local: show(local), flink: show(flink) };
  let same = false;
  if (local.ok && flink.ok) {
    const norm = (l: readonly string[]) => (c.compare === 'key' ? perKey(l) : JSON.stringify(c.compare === 'bag' ? [...l].sort() : l));
    same = norm(local.changelog) === norm(flink.changelog);
  }
  return { verdict: same ? 'match' : 'mismatch', sql: c.sql, local: show(local), flink: show(flink) };
}
