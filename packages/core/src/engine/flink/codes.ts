/**
 * Diagnostic codes of the Flink engine bridge (FTS76xx: real Flink in the loop — the local runtime's FTS7xxx
 * range, as the bridge is the other engine tests run on).
 */
export const FLINK_CODES = {
  /** `java` (17 or later) is not on the PATH. */
  javaMissing: 'FTS7601',
  /** `mvn` is not on the PATH. */
  mavenMissing: 'FTS7602',
  /** Maven could not build the bridge or resolve Flink's jars. */
  buildFailed: 'FTS7603',
  /** The bridge JVM did not start or did not become ready. */
  startFailed: 'FTS7604',
  /** The bridge is not running, or did not answer. */
  notRunning: 'FTS7605',
  /** Real Flink failed the job (an exception while running it). */
  jobFailed: 'FTS7606',
  /** Real Flink's planner rejected a statement (parse, validation or planning error). */
  plannerRejected: 'FTS7607',
  /** A fixture the bridge cannot feed to Flink (e.g. an explicit watermark entry). */
  unsupportedFixture: 'FTS7608',
  /** A connector contacts its external system while the job is planned (StarRocks reads the table schema from the FE), which is not reachable from here: not a verdict on the SQL. */
  unreachable: 'FTS7609',
} as const;
