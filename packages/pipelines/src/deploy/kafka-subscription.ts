/**
 * What a Kafka source does with its restored state when its subscription changed. A Kafka source (FLIP-27) keeps
 * its readers' splits — topic, partition, offset — under its operator id; a source that keeps its id gets them
 * back whatever its options say now, and goes on reading them from their offsets, while the partitions of its new
 * topics are discovered and start at `scan.startup.mode`. So a changed `topic` / `topic-pattern` restores fine but
 * does not stop the old topics from being read. Checked on a real broker (test/deploy/source-restore.test.ts).
 */
import { parseScript } from '@flinkts/core';
import type { CompiledPlanJson } from './compiled-plan.js';
import type { StateCompatibility, StateFinding } from './state-compat.js';

/** The connectors that read Kafka topics. */
export const KAFKA_CONNECTORS: ReadonlySet<string> = new Set(['kafka', 'upsert-kafka']);
const SUBSCRIPTION = ['topic', 'topic-pattern'] as const;

/** Per Kafka table declared in the statements (its dotted path as written): its subscription options. */
function kafkaTables(statements: readonly string[]): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const text of statements) {
    if (!/^\s*CREATE\s/i.test(text)) continue;
    for (const st of parseScript(text).script.statements) {
      if (st.kind !== 'CreateTable') continue;
      const option = (k: string) => st.options.find((o) => o.key === k)?.value;
      if (!KAFKA_CONNECTORS.has(option('connector') ?? '')) continue;
      const subscription: Record<string, string> = {};
      for (const k of SUBSCRIPTION) {
        const v = option(k);
        if (v !== undefined) subscription[k] = v;
      }
      out.set(st.path.join('.'), subscription);
    }
  }
  return out;
}

/** The table declared as `path` (one to three parts) that a plan's identifier (`catalog.database.table`) names. */
function declared<T>(tables: ReadonlyMap<string, T>, identifier: string): T | undefined {
  const parts = identifier.split('.');
  for (let i = 0; i < parts.length; i++) {
    const hit = tables.get(parts.slice(i).join('.'));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

const describe = (s: Record<string, string>): string => SUBSCRIPTION.filter((k) => s[k] !== undefined).map((k) => `${k} '${s[k]}'`).join(', ') || 'no topic';

/**
 * Findings for the Kafka sources among `kept` (source tables, as plan identifiers, whose operator keeps its id and
 * so its state) whose subscription differs between the two versions' DDL.
 */
export function kafkaSubscriptionChanges(before: readonly string[], after: readonly string[], kept: Iterable<string>): StateFinding[] {
  const [a, b] = [kafkaTables(before), kafkaTables(after)];
  const out: StateFinding[] = [];
  for (const table of kept) {
    const [old, now] = [declared(a, table), declared(b, table)];
    if (old === undefined || now === undefined || SUBSCRIPTION.every((k) => old[k] === now[k])) continue;
    out.push({
      operator: `source ${table}`,
      change: `its Kafka subscription changed from ${describe(old)} to ${describe(now)}, but it keeps its operator id: it gets its splits back and goes on reading the old topics' partitions from their offsets, beside the new topics' partitions (read from scan.startup.mode)`,
      consequence: 'safe',
    });
  }
  return out;
}

/** The source tables a compiled plan reads, as dotted identifiers without quotes. */
const sourceTables = (plan: CompiledPlanJson): Set<string> =>
  new Set(plan.nodes.flatMap((n) => (n.scanTableSource === undefined ? [] : [(n.scanTableSource.table?.identifier ?? '?').replace(/`/g, '')])));

/**
 * The state comparison with the Kafka subscription changes of the sources both versions read whose state is kept
 * (no finding already drops it or fails it).
 */
export function withKafkaSubscriptionChanges(state: StateCompatibility, before: CompiledPlanJson, after: CompiledPlanJson, beforeStatements: readonly string[], afterStatements: readonly string[]): StateCompatibility {
  const lost = new Set(state.findings.filter((f) => f.consequence !== 'safe').map((f) => f.operator));
  const now = sourceTables(after);
  const kept = [...sourceTables(before)].filter((t) => now.has(t) && !lost.has(`source ${t}`)).sort();
  const findings = kafkaSubscriptionChanges(beforeStatements, afterStatements, kept);
  return findings.length === 0 ? state : { verdict: state.verdict, findings: [...state.findings, ...findings] };
}
