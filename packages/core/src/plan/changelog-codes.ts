/**
 * Stable diagnostic codes of the changelog-mode checks (FTS4201–FTS4299): the analyzer's rules over the plan raise
 * them, and the local runtime raises the same code where it meets the same fact (one code per fact).
 */
import { codeTable } from '../diagnostics/code-table.js';

export const CHANGELOG_CODE_TABLE = codeTable({
  appendSinkUpdates: ['FTS4201', 'An append-only sink is fed updates (e.g. a GROUP BY into Kafka).'],
  upsertSinkWithoutKey: ['FTS4202', 'A sink that needs a PRIMARY KEY for updates (JDBC, StarRocks) has none and is fed updates.'],
  primaryKeyMismatch: ['FTS4203', "The sink's PRIMARY KEY differs from the query's upsert key."],
  unknownSinkChangelog: ['FTS4204', "flinkts does not know whether the sink's connector accepts updates."],
  notWritable: ['FTS4205', 'A table is written but its connector can only be read.'],
  notReadable: ['FTS4206', 'A table is read but its connector can only be written.'],
  overAggregateUpdates: ['FTS4207', 'An OVER aggregation reads an updating input.'],
  intervalJoinUpdates: ['FTS4208', 'An interval join reads an updating input.'],
  unknownSourceChangelog: ['FTS4209', 'A table whose connector flinkts does not know is read as insert-only.'],
  overwriteInStreaming: ['FTS4210', 'INSERT OVERWRITE in streaming mode.'],
  matchRecognizeUpdates: ['FTS4211', 'MATCH_RECOGNIZE reads an updating input.'],
  temporalSortUpdates: ['FTS4212', 'An ORDER BY a rowtime attribute (without LIMIT) reads an updating input: Flink\'s temporal sort takes insert-only rows.'],
});

export const CHANGELOG_CODES = CHANGELOG_CODE_TABLE.codes;
