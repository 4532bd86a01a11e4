/** Stable diagnostic codes of the changelog-mode checks (FTS4201–FTS4299). */
export const CHANGELOG_CODES = {
  /** An append-only sink is fed updates. */
  appendSinkUpdates: 'FTS4201',
  /** A sink that needs a PRIMARY KEY for updates (JDBC, StarRocks) has none and is fed updates. */
  upsertSinkWithoutKey: 'FTS4202',
  /** The sink's PRIMARY KEY differs from the query's upsert key. */
  primaryKeyMismatch: 'FTS4203',
  /** flinkts does not know whether the sink's connector accepts updates. */
  unknownSinkChangelog: 'FTS4204',
  /** The table is written but its connector can only be read. */
  notWritable: 'FTS4205',
  /** The table is read but its connector can only be written. */
  notReadable: 'FTS4206',
  /** An OVER aggregation reads an updating input. */
  overAggregateUpdates: 'FTS4207',
  /** An interval join reads an updating input. */
  intervalJoinUpdates: 'FTS4208',
  /** A table whose connector flinkts does not know is read as insert-only. */
  unknownSourceChangelog: 'FTS4209',
  /** INSERT OVERWRITE in streaming mode. */
  overwriteInStreaming: 'FTS4210',
} as const;
