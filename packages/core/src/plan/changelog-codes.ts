/**
 * Stable diagnostic codes of the changelog-mode checks (FTS4201–FTS4299): the analyzer's rules over the plan raise
 * them, and the local runtime raises the same code where it meets the same fact (one code per fact).
 */
import { codeTable, template } from '../diagnostics/code-table.js';

/** An operator that takes insert-only rows, fed updates by `producer` (what first updates the input, when known). */
interface UpdatesInto {
  readonly producer?: string;
}

/** Flink's words for an operator that cannot consume updates, with what produced them. */
const refuses = (operator: string) => (p: UpdatesInto): string => `${operator} doesn't support consuming update and delete changes${p.producer === undefined ? '' : `, which ${p.producer} produces`}`;

/** A sink fed update changes: its name and connector, what produces the updates, the query's upsert key and how to make it insert-only. */
interface SinkUpdates {
  readonly sink: string;
  readonly connector: string;
  readonly producer: string;
  readonly key?: readonly string[] | undefined;
  readonly fix?: string | undefined;
}

function upsertHint(connector: string, key: readonly string[] | undefined): string {
  const pk = key === undefined || key.length === 0 ? '…' : key.join(', ');
  const example = connector.toLowerCase() === 'kafka' ? "'connector' = 'upsert-kafka'" : 'an upsert connector (upsert-kafka, jdbc, a Paimon table with a primary key)';
  return `write into a sink that accepts updates — ${example} with PRIMARY KEY (${pk}) NOT ENFORCED`;
}

export const CHANGELOG_CODE_TABLE = codeTable({
  appendSinkUpdates: ['FTS4201', 'An append-only sink is fed updates (e.g. a GROUP BY into Kafka).', template(
    (p: SinkUpdates) => `Table sink '${p.sink}' (connector '${p.connector}') doesn't support consuming update changes, which are produced by ${p.producer}`,
    (p) => `${upsertHint(p.connector, p.key)}; or ${p.fix ?? 'make the query insert-only'}`,
  )],
  upsertSinkWithoutKey: ['FTS4202', 'A sink that needs a PRIMARY KEY for updates (JDBC, StarRocks) has none and is fed updates.', template(
    (p: SinkUpdates) => `sink '${p.sink}' (connector '${p.connector}') needs a PRIMARY KEY to consume the update changes produced by ${p.producer}${p.connector.toLowerCase() === 'starrocks' ? ' (a StarRocks Primary Key table rejects the write; other StarRocks table models drop the deletes)' : ''}`,
    (p) => `declare PRIMARY KEY (${p.key?.join(', ') ?? '…'}) NOT ENFORCED on '${p.sink}'`,
  )],
  primaryKeyMismatch: ['FTS4203', "The sink's PRIMARY KEY differs from the query's upsert key.", template(
    (p: SinkUpdates & { readonly primaryKey: readonly string[]; readonly key: readonly string[] }) =>
      `the PRIMARY KEY (${p.primaryKey.join(', ')}) of sink '${p.sink}' differs from the upsert key (${p.key.join(', ')}) of the query (from ${p.producer}); rows with different keys may overwrite each other or never be retracted`,
    (p) => `declare PRIMARY KEY (${p.key.join(', ')}) NOT ENFORCED on '${p.sink}', or change the query's grouping`,
  )],
  unknownSinkChangelog: ['FTS4204', "flinkts does not know whether the sink's connector accepts updates.", template(
    (p: SinkUpdates) => `the query writes update changes (from ${p.producer}) into '${p.sink}', but flinkts does not know whether connector '${p.connector}' accepts updates`,
    (p) => `make sure the connector consumes updates${p.fix === undefined ? '' : `; ${p.fix}`}`,
  )],
  notWritable: ['FTS4205', 'A table is written but its connector can only be read.', template(
    (p: { readonly table: string; readonly connector: string }) => `table '${p.table}' cannot be written: connector '${p.connector}' can only be used as a source`,
    () => 'INSERT INTO a table whose connector is a sink',
  )],
  notReadable: ['FTS4206', 'A table is read but its connector can only be written.', template(
    (p: { readonly table: string; readonly connector: string }) => `table '${p.table}' cannot be read: connector '${p.connector}' can only be used as a sink`,
    () => 'read from a source table; a sink-only table can only be the target of INSERT INTO',
  )],
  overAggregateUpdates: ['FTS4207', 'An OVER aggregation reads an updating input.', template(
    refuses('StreamPhysicalOverAggregate'),
    () => 'compute the OVER aggregation on the insert-only input, before the updating operator',
  )],
  intervalJoinUpdates: ['FTS4208', 'An interval join reads an updating input.', template(
    refuses('StreamPhysicalIntervalJoin'),
    () => 'interval-join insert-only streams; for an updating input use a regular join or a temporal join',
  )],
  unknownSourceChangelog: ['FTS4209', 'A table whose connector flinkts does not know is read as insert-only.', template(
    (p: { readonly table: string; readonly connector: string }) => `flinkts does not know the changelog mode of connector '${p.connector}'; table '${p.table}' is checked as an insert-only source`,
    () => 'if the connector emits updates, sinks fed by it must accept updates',
  )],
  overwriteInStreaming: ['FTS4210', 'INSERT OVERWRITE in streaming mode.', template(
    (p: { readonly sink: string }) => `INSERT OVERWRITE is not supported in streaming mode (sink '${p.sink}')`,
    () => "use INSERT INTO, or run the job in batch mode: SET 'execution.runtime-mode' = 'batch'",
  )],
  matchRecognizeUpdates: ['FTS4211', 'MATCH_RECOGNIZE reads an updating input.', template(
    refuses('Match Recognize'),
    () => 'match over the insert-only rows, before the aggregation, regular join or changelog source',
  )],
  temporalSortUpdates: ['FTS4212', 'An ORDER BY a rowtime attribute (without LIMIT) reads an updating input: Flink\'s temporal sort takes insert-only rows.', template(
    refuses('StreamPhysicalTemporalSort'),
    () => 'sort the insert-only rows, before the updating operator, or add LIMIT for a TopN',
  )],
});

export const CHANGELOG_CODES = CHANGELOG_CODE_TABLE.codes;
export const CHANGELOG_TEXTS = CHANGELOG_CODE_TABLE.texts;
