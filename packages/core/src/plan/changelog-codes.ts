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

export const CHANGELOG_CODE_TABLE = codeTable({
  appendSinkUpdates: ['FTS4201', 'An append-only sink is fed updates (e.g. a GROUP BY into Kafka).'],
  upsertSinkWithoutKey: ['FTS4202', 'A sink that needs a PRIMARY KEY for updates (JDBC, StarRocks) has none and is fed updates.'],
  primaryKeyMismatch: ['FTS4203', "The sink's PRIMARY KEY differs from the query's upsert key."],
  unknownSinkChangelog: ['FTS4204', "flinkts does not know whether the sink's connector accepts updates."],
  notWritable: ['FTS4205', 'A table is written but its connector can only be read.'],
  notReadable: ['FTS4206', 'A table is read but its connector can only be written.'],
  overAggregateUpdates: ['FTS4207', 'An OVER aggregation reads an updating input.', template(
    refuses('StreamPhysicalOverAggregate'),
    () => 'compute the OVER aggregation on the insert-only input, before the updating operator',
  )],
  intervalJoinUpdates: ['FTS4208', 'An interval join reads an updating input.', template(
    refuses('StreamPhysicalIntervalJoin'),
    () => 'interval-join insert-only streams; for an updating input use a regular join or a temporal join',
  )],
  unknownSourceChangelog: ['FTS4209', 'A table whose connector flinkts does not know is read as insert-only.'],
  overwriteInStreaming: ['FTS4210', 'INSERT OVERWRITE in streaming mode.'],
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
