/**
 * A shadow release's own Kafka consumer group. The shadow version reads the same Kafka topics as the running job;
 * with the job's `properties.group.id` it would commit its offsets into the live job's group — the live job's
 * committed position (what lag monitoring reads, and where a `group-offsets` start resumes) would then follow
 * whichever of the two committed last. So every Kafka / upsert-kafka table the shadow reads gets the group id
 * suffixed `-shadow` (deterministic: the same build gives the same id, a rerun adopts the same group), passed as an
 * OPTIONS hint where the job reads the table: a hint overrides the table's options for a temporary table and a
 * catalog table alike (`table.dynamic-table-options.enabled`, true by default), and changes nothing else.
 *
 * A table read through a view cannot take a hint there (Flink allows hints on tables only): that is refused
 * (FTS8109) rather than shipped with the live job's group.
 */
import { FlinktsError } from '@flinkts/core';
import type { Insert, OptionEntry, Query } from '@flinkts/core';
import { hintInsert } from '../catalog-credentials.js';
import type { AnyPipeline } from '../pipeline.js';
import { DEPLOY_CODES } from './codes.js';

export const GROUP_ID = 'properties.group.id';
const KAFKA = new Set(['kafka', 'upsert-kafka']);

/** The group id a shadow release consumes with. */
export const shadowGroupId = (groupId: string): string => `${groupId}-shadow`;

/** Dotted paths of the query's table references (views' queries not followed). */
function tableRefs(query: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(query)) for (const x of query) tableRefs(x, out);
  else if (query !== null && typeof query === 'object') {
    const node = query as Record<string, unknown>;
    if (node.kind === 'TableRef') out.add((node.path as readonly string[]).join('.'));
    for (const v of Object.values(node)) tableRefs(v, out);
  }
  return out;
}

/** Per Kafka table with a group id, by dotted path: its group id. */
function kafkaGroups(p: AnyPipeline): Map<string, string> {
  const groups = new Map<string, string>();
  for (const t of p.spec.tables) {
    if (t.kind !== 'table' || t.connector === undefined || !KAFKA.has(t.connector.identifier)) continue;
    const id = t.connector.options.find((o) => o.key === GROUP_ID)?.value;
    if (id !== undefined) groups.set(t.path.join('.'), id);
  }
  return groups;
}

/**
 * The shadow's INSERTs with its own group id on every Kafka table they read. `job` and `env` name the release in
 * the refusal of a Kafka table read through a view.
 */
export function withShadowGroupIds(p: AnyPipeline, env: string, job: string, inserts: readonly Insert[]): Insert[] {
  const groups = kafkaGroups(p);
  if (groups.size === 0) return [...inserts];
  const views = new Map(p.spec.tables.filter((t) => t.kind === 'view').map((v) => [v.path.join('.'), v]));
  const throughViews = (query: Query, seen: Set<string> = new Set()): string[] => [...tableRefs(query)].flatMap((ref) => {
    const view = views.get(ref);
    if (view === undefined || seen.has(ref)) return [];
    seen.add(ref);
    const inner = (view.statement as { readonly query: Query }).query;
    return [...[...tableRefs(inner)].filter((r) => groups.has(r)).map((r) => `${r} (through view ${ref})`), ...throughViews(inner, seen)];
  });
  const viaViews = inserts.flatMap((i) => throughViews(i.query));
  if (viaViews.length > 0) {
    throw new FlinktsError([{
      code: DEPLOY_CODES.badShadowSink,
      severity: 'error',
      message: `environment '${env}': the shadow release of job '${job}' reads Kafka ${[...new Set(viaViews)].join(', ')}, where it cannot take a consumer group of its own: it would commit offsets into the live job's group`,
      hint: `read the Kafka table in the job itself (the shadow then consumes as '${shadowGroupId('<group>')}'), or give the view's table no '${GROUP_ID}'`,
      path: `environments.${env}.deploy.shadowSinks`,
    }]);
  }
  const hints = new Map<string, readonly OptionEntry[]>([...groups].map(([path, id]) => [path, [Object.freeze({ key: GROUP_ID, value: shadowGroupId(id) })]]));
  // hints go on the tables the query reads, not on the INSERT's target (a Kafka sink has no consumer group)
  return inserts.map((i) => {
    const read = new Map([...hints].filter(([path]) => tableRefs(i.query).has(path)));
    const hinted = hintInsert({ ...i, target: [] } as Insert, read);
    return hinted.query === i.query ? i : Object.freeze({ ...i, query: hinted.query });
  });
}
