/**
 * Sink checks of INSERT INTO: the sink's connector must accept the changes the query emits. An append-only sink
 * fed updates is an error naming the operator that produces them; an upsert sink fed updates needs a PRIMARY KEY;
 * a PRIMARY KEY that does not contain the query's upsert key is a warning (rows would be overwritten by the wrong key).
 * The query's changelog mode and upsert keys are the bound plan's derived properties (plan/properties/).
 */
import type { Insert } from '../../ast/statement.js';
import type { PlanNode } from '../../plan/node.js';
import type { SourceModes } from '../../plan/properties/changelog.js';
import { changelogOf, isUpdating } from '../../plan/properties/changelog.js';
import { describeOrigin } from './changelog-mode.js';
import { CHANGELOG_TEXTS } from './codes.js';
import { connectedTable, resolveCapabilities } from './source-mode.js';
import type { StreamContext } from './stream-context.js';
import { reportText } from './stream-context.js';

/** Whether every column of `key` is in `pk`. */
function within(key: readonly string[], pk: readonly string[]): boolean {
  return key.every((k) => pk.includes(k));
}

/**
 * Checks `insert` against its sink's connector; `plan` is the bound plan of its query (undefined when it could not
 * be bound: then only the checks that need no changelog mode run), its modes derived with `sources`.
 */
export function checkSink(insert: Insert, plan: PlanNode | undefined, sources: SourceModes, ctx: StreamContext, streaming: boolean): void {
  const table = ctx.catalog.lookup(insert.target);
  if (table === undefined || table.kind !== 'table') return;
  const name = table.path[2];
  const caps = resolveCapabilities(connectedTable(table), ctx);
  const span = insert.span;
  if (insert.overwrite && streaming) {
    reportText(ctx, CHANGELOG_TEXTS.overwriteInStreaming({ sink: name }), 'error', span);
  }
  if (caps.known && caps.capabilities.sink === undefined) {
    reportText(ctx, CHANGELOG_TEXTS.notWritable({ table: name, connector: caps.connector }), 'error', span);
    return;
  }
  if (!streaming || plan === undefined) return;
  const mode = changelogOf(plan, sources);
  if (!isUpdating(mode)) return;
  const producer = describeOrigin(mode.origin);
  // The sink column each query column is written into, by position.
  const targets = insert.columns ?? table.statement.columns.filter((c) => c.kind === 'PhysicalColumn' || (c.kind === 'MetadataColumn' && !c.virtual)).map((c) => c.name);
  const keys = mode.upsertKeys.flatMap((k) => {
    const names = k.map((p) => targets[p]);
    return names.every((n) => n !== undefined) ? [names as string[]] : [];
  });
  const key = keys[0];
  const updates = { sink: name, connector: caps.connector, producer, key, fix: mode.origin?.fix };
  if (!caps.known) {
    // Without a capabilities plug-in nothing is known about any connector: no sink check at all, rather than a
    // warning on every sink. With one, a connector it does not know is reported.
    if (ctx.capabilities === undefined) return;
    reportText(ctx, CHANGELOG_TEXTS.unknownSinkChangelog(updates), 'warning', span);
    return;
  }
  const pk = table.statement.primaryKey?.columns;
  if (caps.capabilities.sink === 'append') {
    reportText(ctx, CHANGELOG_TEXTS.appendSinkUpdates(updates), 'error', span);
    return;
  }
  if (pk === undefined) {
    // `required` (upsert-kafka) is the connector's own rule, reported at its CREATE TABLE; an upsert sink such as
    // blackhole that declares no PRIMARY KEY rule takes updates without one.
    if (caps.capabilities.primaryKey === 'required-for-updates') {
      reportText(ctx, CHANGELOG_TEXTS.upsertSinkWithoutKey(updates), 'error', span);
    }
    return;
  }
  // As Flink's planner: the sink's PRIMARY KEY must contain one of the query's upsert keys, or Flink puts a
  // SinkUpsertMaterializer (state holding every row) in front of the sink.
  if (key !== undefined && key.length > 0 && !keys.some((k) => k.length > 0 && within(k, pk))) {
    reportText(ctx, CHANGELOG_TEXTS.primaryKeyMismatch({ ...updates, primaryKey: pk, key }), 'warning', span);
  }
}
