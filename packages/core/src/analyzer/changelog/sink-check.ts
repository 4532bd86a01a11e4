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
import { CHANGELOG_CODES } from './codes.js';
import { connectedTable, resolveCapabilities } from './source-mode.js';
import type { StreamContext } from './stream-context.js';
import { report } from './stream-context.js';

/** Whether every column of `key` is in `pk`. */
function within(key: readonly string[], pk: readonly string[]): boolean {
  return key.every((k) => pk.includes(k));
}

function upsertHint(connector: string, key: readonly string[] | undefined): string {
  const pk = key === undefined || key.length === 0 ? '…' : key.join(', ');
  const example = connector.toLowerCase() === 'kafka' ? "'connector' = 'upsert-kafka'" : "an upsert connector (upsert-kafka, jdbc, a Paimon table with a primary key)";
  return `write into a sink that accepts updates — ${example} with PRIMARY KEY (${pk}) NOT ENFORCED`;
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
    report(ctx, CHANGELOG_CODES.overwriteInStreaming, 'error', `INSERT OVERWRITE is not supported in streaming mode (sink '${name}')`, "use INSERT INTO, or run the job in batch mode: SET 'execution.runtime-mode' = 'batch'", span);
  }
  if (caps.known && caps.capabilities.sink === undefined) {
    report(ctx, CHANGELOG_CODES.notWritable, 'error', `table '${name}' cannot be written: connector '${caps.connector}' can only be used as a source`, 'INSERT INTO a table whose connector is a sink', span);
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
  if (!caps.known) {
    // Without a capabilities plug-in nothing is known about any connector: no sink check at all, rather than a
    // warning on every sink. With one, a connector it does not know is reported.
    if (ctx.capabilities === undefined) return;
    report(ctx, CHANGELOG_CODES.unknownSinkChangelog, 'warning', `the query writes update changes (from ${producer}) into '${name}', but flinkts does not know whether connector '${caps.connector}' accepts updates`, `make sure the connector consumes updates; ${mode.origin?.fix ?? ''}`.trim(), span);
    return;
  }
  const pk = table.statement.primaryKey?.columns;
  if (caps.capabilities.sink === 'append') {
    report(
      ctx,
      CHANGELOG_CODES.appendSinkUpdates,
      'error',
      `Table sink '${name}' (connector '${caps.connector}') doesn't support consuming update changes, which are produced by ${producer}`,
      `${upsertHint(caps.connector, key)}; or ${mode.origin?.fix ?? 'make the query insert-only'}`,
      span,
    );
    return;
  }
  if (pk === undefined) {
    // `required` (upsert-kafka) is the connector's own rule, reported at its CREATE TABLE; an upsert sink such as
    // blackhole that declares no PRIMARY KEY rule takes updates without one.
    if (caps.capabilities.primaryKey === 'required-for-updates') {
      const starrocks = caps.connector.toLowerCase() === 'starrocks' ? " (a StarRocks Primary Key table rejects the write; other StarRocks table models drop the deletes)" : '';
      report(ctx, CHANGELOG_CODES.upsertSinkWithoutKey, 'error', `sink '${name}' (connector '${caps.connector}') needs a PRIMARY KEY to consume the update changes produced by ${producer}${starrocks}`, `declare PRIMARY KEY (${key?.join(', ') ?? '…'}) NOT ENFORCED on '${name}'`, span);
    }
    return;
  }
  // As Flink's planner: the sink's PRIMARY KEY must contain one of the query's upsert keys, or Flink puts a
  // SinkUpsertMaterializer (state holding every row) in front of the sink.
  if (key !== undefined && key.length > 0 && !keys.some((k) => k.length > 0 && within(k, pk))) {
    report(ctx, CHANGELOG_CODES.primaryKeyMismatch, 'warning', `the PRIMARY KEY (${pk.join(', ')}) of sink '${name}' differs from the upsert key (${key.join(', ')}) of the query (from ${producer}); rows with different keys may overwrite each other or never be retracted`, `declare PRIMARY KEY (${key.join(', ')}) NOT ENFORCED on '${name}', or change the query's grouping`, span);
  }
}
