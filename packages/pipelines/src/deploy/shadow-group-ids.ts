/**
 * A shadow release's own Kafka consumer group. The shadow version reads the same Kafka topics as the running job;
 * with the job's `properties.group.id` it would commit its offsets into the live job's group — the live job's
 * committed position (what lag monitoring reads, and where a `group-offsets` start resumes) would then follow
 * whichever of the two committed last. So every Kafka / upsert-kafka table the shadow reads gets the group id
 * suffixed `-shadow` (deterministic: the same build gives the same id, a rerun adopts the same group), passed as an
 * OPTIONS hint where the job reads the table: a hint overrides the table's options for a temporary table and a
 * catalog table alike (`table.dynamic-table-options.enabled`, true by default), and changes nothing else.
 *
 * The group id the live job reads a table with is the job's own OPTIONS hint on that reference when it sets one,
 * else the table's option: the shadow suffixes that one and its hint replaces the job's entry (a job's hint kept
 * as it is would make the shadow consume as the live group).
 *
 * A table read through a view cannot take a hint there (Flink allows hints on tables only): that is refused
 * (FTS8109) rather than shipped with the live job's group.
 */
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import type { Hint, Insert, Query } from '@flinkts/core';
import type { AnyPipeline } from '../pipeline.js';
import { hintedOptions, rehintTableRefs, withOptions } from '../rehint-table-refs.js';
import type { TableRead } from '../rehint-table-refs.js';
import { DEPLOY_TEXTS } from './codes.js';
import { KAFKA_CONNECTORS } from './kafka-subscription.js';

export const GROUP_ID = 'properties.group.id';

/** The group id a shadow release consumes with. */
export const shadowGroupId = (groupId: string): string => `${groupId}-shadow`;

/** The query's table references (views' queries not followed). */
function reads(query: unknown, out: TableRead[] = []): TableRead[] {
  if (Array.isArray(query)) for (const x of query) reads(x, out);
  else if (query !== null && typeof query === 'object') {
    const node = query as Record<string, unknown>;
    if (node.kind === 'TableRef') out.push({ path: (node.path as readonly string[]).join('.'), hints: node.hints as readonly Hint[] | undefined });
    for (const v of Object.values(node)) reads(v, out);
  }
  return out;
}

/** Every Kafka table by dotted path, with the group id its options set (undefined when only a job's hint may). */
function kafkaTables(p: AnyPipeline): Map<string, string | undefined> {
  const tables = new Map<string, string | undefined>();
  for (const t of p.spec.tables) {
    if (t.kind !== 'table' || t.connector === undefined || !KAFKA_CONNECTORS.has(t.connector.identifier)) continue;
    tables.set(t.path.join('.'), t.connector.options.find((o) => o.key === GROUP_ID)?.value);
  }
  return tables;
}

/**
 * The shadow's INSERTs with its own group id on every Kafka table they read. `job` and `env` name the release in
 * the refusal of a Kafka table read through a view.
 */
export function withShadowGroupIds(p: AnyPipeline, env: string, job: string, inserts: readonly Insert[]): Insert[] {
  const kafka = kafkaTables(p);
  if (kafka.size === 0) return [...inserts];
  /** The group id the live job consumes with at this read of a Kafka table: its own hint's, else the table's. */
  const liveGroup = (r: TableRead): string | undefined => (kafka.has(r.path) ? hintedGroupId(r.hints) ?? kafka.get(r.path) : undefined);
  const views = new Map(p.spec.tables.filter((t) => t.kind === 'view').map((v) => [v.path.join('.'), v]));
  const throughViews = (query: Query, seen: Set<string> = new Set()): string[] => reads(query).flatMap((ref) => {
    const view = views.get(ref.path);
    if (view === undefined || seen.has(ref.path)) return [];
    seen.add(ref.path);
    const inner = (view.statement as { readonly query: Query }).query;
    return [...reads(inner).filter((r) => liveGroup(r) !== undefined).map((r) => `${r.path} (through view ${ref.path})`), ...throughViews(inner, seen)];
  });
  const viaViews = inserts.flatMap((i) => throughViews(i.query));
  if (viaViews.length > 0) {
    throw new FlinktsError([{
      ...textFields(DEPLOY_TEXTS.badShadowSink({ kind: 'kafkaThroughView', env, job, reads: [...new Set(viaViews)], shadowGroup: shadowGroupId('<group>'), groupKey: GROUP_ID })),
      severity: 'error',
      path: `environments.${env}.deploy.shadowSinks`,
    }]);
  }
  // hints go on the tables the query reads, not on the INSERT's target (a Kafka sink has no consumer group)
  return inserts.map((i) => {
    const query = shadowReads(i.query, liveGroup);
    return query === i.query ? i : Object.freeze({ ...i, query });
  });
}

/** The group id an OPTIONS hint sets, if any. */
const hintedGroupId = (hints: readonly Hint[] | undefined): string | undefined => hintedOptions(hints).find((o) => o.key === GROUP_ID)?.value;

/** The query with every read of a Kafka table consuming as the shadow group of the group the live job uses there. */
function shadowReads(query: Query, liveGroup: (r: TableRead) => string | undefined): Query {
  return rehintTableRefs(query, (ref) => {
    const live = liveGroup(ref);
    return live === undefined ? undefined : withOptions(ref.hints, [{ key: GROUP_ID, value: shadowGroupId(live) }], true);
  });
}
